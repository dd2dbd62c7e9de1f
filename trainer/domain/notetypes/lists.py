"""List notes: a prompt and its points in order (an optional answer after them), one card."""

from __future__ import annotations

from trainer.domain.model import Note, NoteKind
from trainer.domain.notetypes.base import (
    BASIC_MODEL,
    AnkiPart,
    AnkiValues,
    Expected,
    Field,
    NoteType,
    Role,
    Run,
    Side,
)


class ListType(NoteType):
    kind = NoteKind.LIST
    label = "List"
    rank = 0
    symbol = "▣"
    fields = (
        Field("prompt", "Prompt", multiline=False, empty="the prompt is empty"),
        Field("answer", "Answer", required=False),
        Field("items", "Points, one a line", empty="a list note needs at least one item"),
    )
    anki = BASIC_MODEL

    def front(self, note: Note, ord_: int) -> Side:
        if not note.items:
            return super().front(note, ord_)
        return (Run(note.prompt, Role.PROMPT), Run(f"\n({len(note.items)} points)", Role.HINT))

    def _answer_runs(self, note: Note) -> Side:
        if not note.items:
            return super()._answer_runs(note)
        runs: list[Run] = []
        for n, item in enumerate(note.items, 1):
            runs += [Run(f"{n}. ", Role.NUMBER), Run(item, Role.ITEM), Run("\n")]
        if note.answer.strip():
            runs += [Run("\n"), Run(note.answer.strip())]
        return tuple(runs)

    def answer_text(self, note: Note, ord_: int) -> str:
        return "\n".join(f"{i}. {p}" for i, p in enumerate(note.items, 1))

    def preview(self, note: Note) -> Side:
        return (Run(note.prompt, Role.PROMPT), Run(f"  ({' / '.join(note.items)})", Role.ASIDE))

    def expected(self, note: Note, ord_: int) -> Expected:
        if note.items:
            return Expected(note.items)
        return super().expected(note, ord_)

    def to_anki(self, note: Note) -> tuple[dict[str, tuple[AnkiPart, ...]], dict[str, object]]:
        values, _meta = super().to_anki(note)
        values["Back"] = (note.items, note.answer)
        return values, {}

    def from_anki(self, values: AnkiValues, items: tuple[str, ...]) -> dict[str, object]:
        content = super().from_anki(values, items)
        listed, rest = values.items("Back")
        content["items"], content["answer"] = listed or items, rest
        return content
