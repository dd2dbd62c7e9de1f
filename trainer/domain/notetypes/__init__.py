"""The note types: one object per kind of note, and the one place that knows them.

Anki's notetype idea in code. Everything that depends on what kind a note is
(its cards, its front and back, what a typed answer is graded against, its
fields in a deck file and the editor, its Anki model) asks :func:`of` instead
of testing ``note.kind``. A new kind is a module here, one line in
``REGISTRY`` and a member of :class:`~trainer.domain.model.NoteKind`
(see docs/architecture.md, "Adding a card kind").
"""

from __future__ import annotations

from trainer.domain.model import Note, NoteKind
from trainer.domain.notetypes.base import (
    BASIC_MODEL,
    AnkiModel,
    AnkiPart,
    AnkiValues,
    Expected,
    Field,
    NoteType,
    Role,
    Run,
    Side,
    plain,
)
from trainer.domain.notetypes.cloze import CLOZE_MODEL, ClozeType
from trainer.domain.notetypes.lists import ListType
from trainer.domain.notetypes.qa import QAType
from trainer.domain.notetypes.reversed import REVERSED_MODEL, ReversedType

REGISTRY: tuple[NoteType, ...] = (ClozeType(), QAType(), ListType(), ReversedType())
"""Every note type, in the order menus offer them."""

_BY_KIND: dict[str, NoteType] = {nt.kind.value: nt for nt in REGISTRY}
assert set(_BY_KIND) == {k.value for k in NoteKind}, "every NoteKind needs a note type"


def of(kind: NoteKind | str | Note) -> NoteType:
    """The note type of a kind (or of a note, or a stored kind string)."""
    if isinstance(kind, Note):
        kind = kind.kind
    return _BY_KIND[str(kind)]


def kinds() -> tuple[NoteKind, ...]:
    return tuple(nt.kind for nt in REGISTRY)


def names() -> str:
    """The kinds for a message: ``cloze, qa or list``."""
    values = [nt.kind.value for nt in REGISTRY]
    return ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else values[0]


def kinds_hiding_terms() -> tuple[str, ...]:
    """Kinds whose cards hide key terms (the term bank and practice read their blanks)."""
    return tuple(nt.kind.value for nt in REGISTRY if nt.hides_terms)


def kinds_sorted_by(field: str) -> tuple[str, ...]:
    """Kinds whose sort field (first field) is ``field``."""
    return tuple(nt.kind.value for nt in REGISTRY if nt.sort_field == field)


def sort_fields() -> tuple[str, ...]:
    return tuple(dict.fromkeys(nt.sort_field for nt in REGISTRY))


def by_summary() -> tuple[NoteType, ...]:
    """The note types ``trainer make`` makes, in its summary's order."""
    return tuple(sorted((nt for nt in REGISTRY if nt.generated), key=lambda nt: nt.rank))


def for_anki_model(model: AnkiModel) -> tuple[NoteType, ...]:
    return tuple(nt for nt in REGISTRY if nt.anki == model)


def anki_models() -> tuple[AnkiModel, ...]:
    """Our Anki note types, each once."""
    return tuple(dict.fromkeys(nt.anki for nt in REGISTRY))


def for_foreign(*, cloze: bool, two_cards: bool = False) -> NoteType:
    """The note type a note of someone else's Anki note type becomes: a cloze-kind
    model's notes are cloze notes; any other model's are Q&A, or reversed Q&A when
    the note has a second card (*Basic (and reversed card)*)."""
    if cloze:
        return of(NoteKind.CLOZE)
    return of(NoteKind.REVERSED if two_cards else NoteKind.QA)


def front(note: Note, ord_: int) -> Side:
    return of(note).front(note, ord_)


def back(note: Note, ord_: int) -> Side:
    return of(note).back(note, ord_)


def front_text(note: Note, ord_: int) -> str:
    """The front as one plain text (learner cues such as ``(3 points)`` left out)."""
    return plain(front(note, ord_), skip=frozenset({Role.HINT}))


__all__ = [
    "BASIC_MODEL",
    "CLOZE_MODEL",
    "REGISTRY",
    "REVERSED_MODEL",
    "AnkiModel",
    "AnkiPart",
    "AnkiValues",
    "Expected",
    "Field",
    "NoteType",
    "Role",
    "Run",
    "Side",
    "anki_models",
    "back",
    "by_summary",
    "for_anki_model",
    "for_foreign",
    "front",
    "front_text",
    "kinds",
    "kinds_sorted_by",
    "names",
    "of",
    "plain",
    "sort_fields",
]
