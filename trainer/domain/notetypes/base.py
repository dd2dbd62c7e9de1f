"""What every note type is made of: sides as text runs, editable fields, an Anki model.

A side is plain data: a tuple of :class:`Run`, each a piece of text and the
:class:`Role` it plays. The TUI styles runs by role, ``trainer cards`` and the
browser join them into one line; neither knows which kind of note it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Protocol

from trainer.domain.model import Note, NoteKind


class Role(StrEnum):
    """What a run of card text is, so a front end can style it."""

    TEXT = "text"
    """Content shown as it is (cloze text around the blanks, separators)."""
    PROMPT = "prompt"
    BLANK = "blank"
    """The active cloze deletion, hidden: ``[...]`` or ``[hint]``."""
    REVEALED = "revealed"
    """The active cloze deletion's answer, on the back."""
    ANSWER = "answer"
    NUMBER = "number"
    """A list point's number (``1. ``)."""
    ITEM = "item"
    RULE = "rule"
    """The line between question and answer."""
    HINT = "hint"
    """A cue for the learner about the answer (``(3 points)``); not content."""
    ASIDE = "aside"
    """Secondary text in a one-line preview."""
    EXTRA = "extra"
    """The note's Extra: learner-facing notes under the answer."""


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    role: Role = Role.TEXT


Side = tuple[Run, ...]


def plain(side: Side, *, skip: frozenset[Role] = frozenset()) -> str:
    """A side as plain text (runs in ``skip`` left out)."""
    return "".join(r.text for r in side if r.role not in skip)


@dataclass(frozen=True, slots=True)
class Field:
    """One content field of a note type: a ``Note`` attribute and how it is edited."""

    name: str
    """The ``Note`` attribute: ``text``, ``prompt``, ``answer`` or ``items``."""
    label: str
    required: bool = True
    """A note needs it (the add dialog asks only for these; edit shows every field)."""
    multiline: bool = True
    empty: str = ""
    """What adding says when a required field is empty."""


@dataclass(frozen=True, slots=True)
class AnkiModel:
    """An Anki note type: the fields and card template our notes of a kind use there.

    The last field, ``Trainer``, holds what Anki has no place for (kind, source
    address) as JSON, so a note that goes to Anki and comes back is the same note.
    """

    id: int
    name: str
    fields: tuple[str, ...]
    qfmt: str
    afmt: str
    cloze: bool = False
    more_templates: tuple[tuple[str, str, str], ...] = ()
    """Further card templates (name, front, back) after the first, as Anki's
    *Basic (and reversed card)* has: each makes one more card of every note."""


AnkiPart = str | tuple[str, ...]
"""Part of an Anki field: text (written as HTML) or points (an ordered list)."""


class AnkiValues(Protocol):
    """An Anki note's fields as an importer reads them (formats does the HTML)."""

    def text(self, field: str) -> str: ...

    def items(self, field: str) -> tuple[tuple[str, ...], str]:
        """The ordered list a field starts with, and the rest of the field as text."""
        ...


@dataclass(frozen=True, slots=True)
class Expected:
    """What a typed answer is graded against."""

    points: tuple[str, ...]
    prose: bool = False
    """One written answer: graded sentence by sentence when it is long."""


class NoteType:
    """One kind of note: its cards, sides, grading, fields and Anki model.

    Subclasses set the class attributes and override what differs; one instance
    of each is registered in :mod:`trainer.domain.notetypes`.
    """

    kind: ClassVar[NoteKind]
    label: ClassVar[str]
    """Its name in menus ("Q&A")."""
    rank: ClassVar[int]
    """Where its count comes in ``trainer make``'s summary (the broadest first)."""
    generated: ClassVar[bool] = True
    """``trainer make`` makes notes of this kind (its summary counts them)."""
    fields: ClassVar[tuple[Field, ...]]
    """Content fields besides Extra and tags, in editing order."""
    sort_field: ClassVar[str] = "prompt"
    """The field Anki sorts and finds duplicates by (its first field)."""
    typed: ClassVar[bool] = True
    symbol: ClassVar[str] = "▢"
    """Its mark in compact card lists (the outline's)."""
    hides_terms: ClassVar[bool] = False
    """Its cards hide key terms of a sentence (blanks): the term bank reads them."""
    """Typed answers apply when the deck asks for them (else only on request)."""
    anki: ClassVar[AnkiModel]

    # -- cards ------------------------------------------------------------------------
    def card_ords(self, text: str) -> list[int]:
        """The ords of a note's cards, from its ``text`` column (what storage has).

        One convention for every kind, so that a card's place in Anki never needs its
        kind: ord 0 is a note's first (or only) card; ord ``n`` ≥ 1 is Anki's card
        ``n - 1`` (cloze deletion ``n``; card 2 of a reversed note is ord 2)."""
        return [0]

    def card_number(self, ord_: int) -> int:
        """The card's number as Anki shows it (``card:2``), 1-based."""
        return 1

    # -- sides ------------------------------------------------------------------------
    def front(self, note: Note, ord_: int) -> Side:
        return (Run(note.prompt, Role.PROMPT),)

    def back(self, note: Note, ord_: int) -> Side:
        return (
            Run(note.prompt, Role.PROMPT),
            Run("\n"),
            Run("─" * 20, Role.RULE),
            Run("\n"),
            *self._answer_runs(note),
            *_extra(note),
        )

    def _answer_runs(self, note: Note) -> Side:
        return (Run(note.answer, Role.ANSWER),)

    def answer_text(self, note: Note, ord_: int) -> str:
        """The answer as one plain text (the browser's and ``trainer cards``' back)."""
        return note.answer

    def preview(self, note: Note) -> Side:
        """One line for a list of generated notes."""
        return (Run(note.prompt, Role.PROMPT),)

    def listing(self, note: Note) -> tuple[str, ...]:
        """The note as lines of plain text (``trainer make``'s summary)."""
        return (f"Q: {note.prompt}", *note.answer.splitlines())

    # -- identity and checks ----------------------------------------------------------
    def sort_text(self, note: Note) -> str:
        """The sort field as plain text (duplicates are notes with the same)."""
        return note.prompt

    def stored_pieces(self, note: Note) -> tuple[str, ...]:
        """Runs of the sort field that are stored verbatim (to narrow a duplicate search)."""
        return (note.prompt,)

    def statement(self, note: Note) -> str:
        """The sentence the note teaches, as plain text (banks and outlines show it)."""
        return note.answer or note.prompt

    def blanks(self, note: Note) -> tuple[str, ...]:
        """The terms its cards hide (empty when it hides none)."""
        return ()

    def content(self, note: Note) -> str:
        """Everything the note says, as one text (to match regenerated notes)."""
        return note.prompt + "".join(note.items) + (note.answer if not note.items else "")

    def check_markup(self, note: Note) -> None:
        """Raise (ClozeError) when the note's markup cannot be read."""

    def check_cards(self, note: Note) -> None:
        """Raise (ClozeError) when the note's content makes no card (an edit must keep one)."""
        self.check_markup(note)

    def check(self, note: Note) -> None:
        """Raise TrainerError saying what keeps the note from being added."""
        from trainer.domain.errors import TrainerError

        for f in self.fields:
            if f.required and not _filled(note, f.name):
                raise TrainerError(f.empty)
        self.check_cards(note)

    def deck_file_problem(self, note: Note) -> str | None:
        """What a deck file's note lacks, in the deck file's words, or None."""
        for f in self.fields:
            if f.required and not _filled(note, f.name, strip=True):
                if f.name == "items":
                    return f"a {self.kind.value} note needs 'items'"
                return f"missing field {f.name!r}"
        return None

    # -- grading ----------------------------------------------------------------------
    def expected(self, note: Note, ord_: int) -> Expected:
        return Expected((note.answer.strip(),), prose=True)

    def grading_prompt(self, note: Note, ord_: int = 0) -> str:
        """The question a typed answer replies to (a key it names may be left out)."""
        return note.prompt

    # -- Anki -------------------------------------------------------------------------
    def to_anki(self, note: Note) -> tuple[dict[str, tuple[AnkiPart, ...]], dict[str, object]]:
        """The note's Anki field values by field name, and what the ``Trainer`` field
        keeps besides kind and source (fields the model has no place for)."""
        meta: dict[str, object] = {}
        if note.items:
            meta["items"] = list(note.items)
        values: dict[str, tuple[AnkiPart, ...]] = {
            "Front": (note.prompt,),
            "Back": (note.answer,),
            "Context": (note.text,),
            "Extra": (note.extra,),
        }
        return values, meta

    def from_anki(self, values: AnkiValues, items: tuple[str, ...]) -> dict[str, object]:
        """The inverse of :meth:`to_anki`: Note content by attribute (``items`` from the
        ``Trainer`` field)."""
        return {
            "prompt": values.text("Front"),
            "answer": values.text("Back"),
            "text": values.text("Context"),
            "items": items,
            "extra": values.text("Extra"),
        }


def _filled(note: Note, name: str, *, strip: bool = False) -> bool:
    value = getattr(note, name)
    if isinstance(value, tuple):
        return bool(value)
    return bool(value.strip() if strip else value)


def _extra(note: Note) -> Side:
    return (Run("\n\n"), Run(note.extra, Role.EXTRA)) if note.extra else ()


BASIC_MODEL = AnkiModel(
    1_736_000_000_102,
    "Basic (trainer)",
    ("Front", "Back", "Context", "Extra", "Trainer"),
    "{{Front}}{{#Context}}<div class=context>{{Context}}</div>{{/Context}}",
    "{{FrontSide}}<hr id=answer>{{Back}}{{#Extra}}<div class=extra>{{Extra}}</div>{{/Extra}}",
)
"""Q&A and list notes in Anki (a list's points are an ordered list on the back)."""
