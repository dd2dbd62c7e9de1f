"""Cloze notes: a text with ``{{c1::answer::hint}}`` deletions, one card per number."""

from __future__ import annotations

from trainer.domain import cloze
from trainer.domain.model import Note, NoteKind
from trainer.domain.notetypes.base import (
    AnkiModel,
    AnkiPart,
    AnkiValues,
    Expected,
    Field,
    NoteType,
    Role,
    Run,
    Side,
    _extra,
)

CLOZE_MODEL = AnkiModel(
    1_736_000_000_101,
    "Cloze (trainer)",
    ("Text", "Back Extra", "Trainer"),
    "{{cloze:Text}}",
    "{{cloze:Text}}{{#Back Extra}}<div class=extra>{{Back Extra}}</div>{{/Back Extra}}",
    cloze=True,
)


class ClozeType(NoteType):
    kind = NoteKind.CLOZE
    label = "Cloze"
    rank = 1
    fields = (
        Field(
            "text", "Text ({{c1::answer}} or {{c1::answer::hint}})", empty="the cloze text is empty"
        ),
    )
    sort_field = "text"
    hides_terms = True
    typed = False
    anki = CLOZE_MODEL

    def card_ords(self, text: str) -> list[int]:
        return cloze.numbers(text) or [1]

    def card_number(self, ord_: int) -> int:
        return ord_

    def front(self, note: Note, ord_: int) -> Side:
        return _runs(note.text, ord_, reveal=False)

    def back(self, note: Note, ord_: int) -> Side:
        return (*_runs(note.text, ord_, reveal=True), *_extra(note))

    def answer_text(self, note: Note, ord_: int) -> str:
        try:
            return cloze.render(note.text, ord_, reveal=True)
        except cloze.ClozeError:
            return note.text

    def preview(self, note: Note) -> Side:
        return self.front(note, 1)

    def listing(self, note: Note) -> tuple[str, ...]:
        return (note.text,)

    def statement(self, note: Note) -> str:
        try:
            return cloze.plain(note.text)
        except cloze.ClozeError:
            return note.text

    def blanks(self, note: Note) -> tuple[str, ...]:
        try:
            return tuple(d.answer.strip() for d in cloze.parse(note.text) if d.answer.strip())
        except cloze.ClozeError:
            return ()

    def sort_text(self, note: Note) -> str:
        try:
            return cloze.plain(note.text)
        except cloze.ClozeError:
            return note.text

    def stored_pieces(self, note: Note) -> tuple[str, ...]:
        try:
            spans = [(d.start, d.end) for d in cloze.parse(note.text)]
        except cloze.ClozeError:
            return ()
        pieces, pos = [], 0
        for start, end in spans:
            pieces.append(note.text[pos:start])
            pos = end
        pieces.append(note.text[pos:])
        return tuple(pieces)

    def content(self, note: Note) -> str:
        return self.sort_text(note)

    def check_markup(self, note: Note) -> None:
        cloze.parse(note.text)

    def check_cards(self, note: Note) -> None:
        if not cloze.numbers(note.text):
            raise cloze.ClozeError("a cloze note needs at least one {{c1::…}} deletion")

    def deck_file_problem(self, note: Note) -> str | None:
        if not note.text:
            return "missing field 'text' (a cloze note needs {{c1::...}} text)"
        try:
            if not cloze.parse(note.text):
                return "'text' has no cloze deletion like {{c1::answer}}"
        except cloze.ClozeError as exc:
            return f"bad cloze markup: {exc}"
        return None

    def expected(self, note: Note, ord_: int) -> Expected:
        return Expected(tuple(cloze.answers(note.text, ord_)))

    def grading_prompt(self, note: Note, ord_: int = 0) -> str:
        return ""

    def to_anki(self, note: Note) -> tuple[dict[str, tuple[AnkiPart, ...]], dict[str, object]]:
        meta: dict[str, object] = {}
        if note.prompt:
            meta["prompt"] = note.prompt
        if note.answer:
            meta["answer"] = note.answer
        if note.items:
            meta["items"] = list(note.items)
        return {"Text": (note.text,), "Back Extra": (note.extra,)}, meta

    def from_anki(self, values: AnkiValues, items: tuple[str, ...]) -> dict[str, object]:
        return {"text": values.text("Text"), "items": items, "extra": values.text("Back Extra")}


def _runs(text: str, ord_: int, *, reveal: bool) -> Side:
    """Cloze text with the active deletion as [...]/[hint] or its answer."""
    try:
        deletions = cloze.parse(text)
    except cloze.ClozeError:
        return (Run(text),)
    runs: list[Run] = []
    pos = 0
    for d in deletions:
        runs.append(Run(text[pos : d.start]))
        if d.number == ord_:
            if reveal:
                runs.append(Run(d.answer, Role.REVEALED))
            else:
                runs.append(Run(f"[{d.hint}]" if d.hint else "[...]", Role.BLANK))
        else:
            runs.append(Run(d.answer))
        pos = d.end
    runs.append(Run(text[pos:]))
    return tuple(runs)
