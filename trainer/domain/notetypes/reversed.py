"""Reversed Q&A notes: a prompt and its answer, asked both ways (two cards).

Anki's *Basic (and reversed card)*: card 1 asks the prompt, card 2 shows the
answer and asks for the prompt. A note of someone else's Anki note type that has
a second card comes in as one of these, so the second card and its history are
kept. Card 2 is ord 2 (see :meth:`NoteType.card_ords`): card 1 stays ord 0, as a
Q&A note's one card is, and keeps its history when a Q&A note gains its reverse.
"""

from __future__ import annotations

from dataclasses import replace

from trainer.domain.model import Note, NoteKind
from trainer.domain.notetypes.base import BASIC_MODEL, Expected, Role, Run, Side, _extra
from trainer.domain.notetypes.qa import QAType

REVERSE_ORD = 2
"""The ord of the card that asks for the prompt (Anki's card 2)."""

REVERSED_MODEL = replace(
    BASIC_MODEL,
    id=1_736_000_000_103,
    name="Basic and reversed (trainer)",
    more_templates=(
        (
            "Card 2",
            "{{Back}}",
            "{{FrontSide}}<hr id=answer>{{Front}}{{#Extra}}<div class=extra>{{Extra}}</div>{{/Extra}}",
        ),
    ),
)
"""Reversed notes in Anki: *Basic (trainer)* (its fields and first template) with a second template."""


class ReversedType(QAType):
    kind = NoteKind.REVERSED
    label = "Q&A + reverse"
    rank = 3
    generated = False  # from Anki or by hand
    anki = REVERSED_MODEL

    def card_ords(self, text: str) -> list[int]:
        return [0, REVERSE_ORD]

    def card_number(self, ord_: int) -> int:
        return 2 if ord_ == REVERSE_ORD else 1

    def front(self, note: Note, ord_: int) -> Side:
        if ord_ != REVERSE_ORD:
            return super().front(note, ord_)
        return (Run(note.answer, Role.PROMPT),)

    def back(self, note: Note, ord_: int) -> Side:
        if ord_ != REVERSE_ORD:
            return super().back(note, ord_)
        return (
            Run(note.answer, Role.PROMPT),
            Run("\n"),
            Run("─" * 20, Role.RULE),
            Run("\n"),
            Run(note.prompt, Role.ANSWER),
            *_extra(note),
        )

    def answer_text(self, note: Note, ord_: int) -> str:
        return note.prompt if ord_ == REVERSE_ORD else note.answer

    def expected(self, note: Note, ord_: int) -> Expected:
        if ord_ != REVERSE_ORD:
            return super().expected(note, ord_)
        return Expected((note.prompt.strip(),), prose=True)

    def grading_prompt(self, note: Note, ord_: int = 0) -> str:
        return note.answer if ord_ == REVERSE_ORD else note.prompt
