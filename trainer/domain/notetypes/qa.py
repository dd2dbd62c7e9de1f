"""Q&A notes: a prompt and its answer, one card."""

from __future__ import annotations

from trainer.domain.model import Note, NoteKind
from trainer.domain.notetypes.base import BASIC_MODEL, Field, NoteType, Role, Run, Side


class QAType(NoteType):
    kind = NoteKind.QA
    label = "Q&A"
    rank = 2
    fields = (
        Field("prompt", "Prompt", multiline=False, empty="the prompt is empty"),
        Field("answer", "Answer", empty="the answer is empty"),
    )
    anki = BASIC_MODEL

    def preview(self, note: Note) -> Side:
        return (
            Run(note.prompt, Role.PROMPT),
            Run("  → ", Role.ASIDE),
            Run(note.answer, Role.ASIDE),
        )
