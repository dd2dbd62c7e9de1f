"""Anki notes as ours, by their note type.

Our own note types (a last ``Trainer`` field holding JSON) come back exactly;
Cloze-kind note types become cloze notes; any other note type (Basic, type-in,
custom) becomes a Q&A note (a reversed Q&A note when the note has a second card), its front and back found by field name
(Front/Back, Question/Answer, 正面/背面...) or else position, and any other
non-empty fields kept in ``extra``. Used for packages (``apkg_read``) and text
files (``anki_text``) alike.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from trainer.domain import cloze, notetypes
from trainer.domain.files import loads_json
from trainer.domain.model import Note, SourceRef
from trainer.formats.apkg_read import Collection, Notetype, read_package
from trainer.formats.apkg_write import META_FIELD
from trainer.formats.html_text import tidy, to_text

if TYPE_CHECKING:
    from pathlib import Path

FRONT_NAMES = {"front", "question", "q", "正面", "问题", "题目", "问"}
BACK_NAMES = {"back", "answer", "a", "背面", "答案", "答"}


@dataclass(frozen=True, slots=True)
class MappedNote:
    """An Anki note as one of ours, with the deck its first card is in."""

    deck: str
    note: Note
    anki_id: int
    cloze: bool
    """Anki card ord n is our ord n+1 for cloze notes (see :func:`anki_card_ord`)."""


def read_notes(path: Path) -> tuple[Collection, list[MappedNote], list[str]]:
    """An Anki package's collection, its notes as ours, and a message per note skipped."""
    coll = read_package(path)
    mapped, errors = map_notes(coll)
    return coll, mapped, errors


def map_notes(coll: Collection) -> tuple[list[MappedNote], list[str]]:
    """Our notes for the collection's notes, and a message per note skipped."""
    first_deck = coll.first_deck
    decks = coll.decks
    mapped: list[MappedNote] = []
    errors: list[str] = list(coll.problems)
    two_cards = two_card_notes(coll)
    for an in coll.notes:
        nt = coll.notetypes.get(an.mid)
        if nt is None:
            errors.append(f"{coll.where}: note {an.guid}: unknown note type {an.mid}")
            continue
        try:
            note = note_from_fields(an.guid, nt, an.fields, an.tags, two_cards=an.id in two_cards)
        except ValueError as exc:
            errors.append(f"{coll.where}: note {an.guid} ({nt.name}): {exc}")
            continue
        deck = decks.get(first_deck.get(an.id, 1), "") or "Default"
        mapped.append(MappedNote(deck, note, an.id, nt.is_cloze))
    return mapped, errors


def two_card_notes(coll: Collection) -> set[int]:
    """Ids of the notes of non-cloze note types that have a second card (Anki's card
    ord 1: *Basic (and reversed card)*, or *optional reversed* with its field filled):
    they become reversed Q&A notes, so that card and its history are kept."""
    cloze_types = {i for i, nt in coll.notetypes.items() if nt.is_cloze}
    notes_type = {an.id: an.mid for an in coll.notes}
    return {
        c.nid for c in coll.cards if c.ord == 1 and notes_type.get(c.nid, 0) not in cloze_types
    } & set(notes_type)


def anki_card_ord(anki_ord: int, *, cloze: bool, two_cards: bool) -> int:
    """Our ord of a note's card of Anki ord ``anki_ord`` (:meth:`NoteType.card_ords`),
    or -1 when the note has no such card of ours (a third template's card)."""
    if cloze:
        return anki_ord + 1
    if anki_ord == 0:
        return 0
    return anki_ord + 1 if anki_ord == 1 and two_cards else -1


def note_deck(coll: Collection, nid: int) -> str:
    """The deck an Anki note goes to: its first card's (``map_notes`` does the same)."""
    return coll.decks.get(coll.first_deck.get(nid, 1), "") or "Default"


def note_from_fields(
    guid: str,
    nt: Notetype,
    fields: tuple[str, ...] | list[str],
    tags: tuple[str, ...],
    *,
    two_cards: bool = False,
) -> Note:
    """One of our notes from an Anki note's fields; ValueError says why it cannot be.
    ``two_cards``: the note has a second card in Anki (it becomes a reversed Q&A note)."""
    if not guid:
        raise ValueError("note has no GUID")
    names = nt.fields
    if len(fields) < len(names):
        fields = list(fields) + [""] * (len(names) - len(fields))
    values = dict(zip(names, fields, strict=False))
    layout = _layout(names, nt.is_cloze)
    if layout.ours:
        ours = _ours(nt, values, guid, tags)
        if ours is not None:
            return ours
    if nt.is_cloze:
        text = tidy(to_text(values.get(layout.first, "")))
        try:
            if not cloze.parse(text):
                raise ValueError("no cloze deletions")
        except cloze.ClozeError as exc:
            raise ValueError(str(exc)) from None
        extra = tidy(to_text(values.get("Back Extra", "")))
        extra = _join(extra, _rest(layout.rest, values))
        return Note(guid=guid, kind=_CLOZE_KIND, text=text, extra=extra, tags=tags)
    front_name, back_name = layout.first, layout.second
    prompt = tidy(to_text(values.get(front_name, "")))
    answer = tidy(to_text(values.get(back_name, ""))) if back_name else ""
    if not prompt:
        raise ValueError(f"empty {front_name!r} field")
    extra = _rest(layout.rest, values)
    kind = _REVERSED_KIND if two_cards and answer else _QA_KIND
    return Note(guid=guid, kind=kind, prompt=prompt, answer=answer, extra=extra, tags=tags)


class _Layout(NamedTuple):
    """What a note type's field names say, worked out once per note type."""

    ours: bool
    """The fields are one of our own note types' (a ``Trainer`` field holding JSON)."""
    first: str
    """The cloze text's field, or the front's."""
    second: str
    """The back's field ("" for a cloze type, or a one-field type)."""
    rest: tuple[str, ...]
    """The other fields, kept in Extra as ``name: text``."""


@functools.lru_cache(maxsize=256)
def _layout(names: tuple[str, ...], is_cloze: bool) -> _Layout:
    if is_cloze:
        text_name = "Text" if "Text" in names else names[0]
        used = {text_name, "Back Extra"}
        return _Layout(names in _OURS, text_name, "", tuple(n for n in names if n not in used))
    front = next((n for n in names if n.strip().lower() in FRONT_NAMES), names[0])
    back = next(
        (n for n in names if n.strip().lower() in BACK_NAMES and n != front),
        next((n for n in names if n != front), ""),
    )
    return _Layout(names in _OURS, front, back, tuple(n for n in names if n not in (front, back)))


def _rest(names: tuple[str, ...], values: dict[str, str]) -> str:
    parts = []
    for name in names:
        text = tidy(to_text(values.get(name, "")))
        if text:
            parts.append(f"{name}: {text}")
    return "\n".join(parts)


def _join(a: str, b: str) -> str:
    return "\n".join(p for p in (a, b) if p)


_OURS = tuple(m.fields for m in notetypes.anki_models())
_TYPES = {nt.kind.value: nt for nt in notetypes.REGISTRY}
"""Our note types by the kind the ``Trainer`` field names."""
_NO_SOURCE = SourceRef()
_CLOZE_KIND = notetypes.for_foreign(cloze=True).kind
_QA_KIND = notetypes.for_foreign(cloze=False).kind
_REVERSED_KIND = notetypes.for_foreign(cloze=False, two_cards=True).kind
_OL = re.compile(r"^<ol>(.*?)</ol>", re.S)
_LI = re.compile(r"<li>(.*?)</li>", re.S)


def _offset(value: object) -> int:
    """A character offset from a package's JSON: a whole number in range, else 0."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31:
        return value
    return 0


def _ours(nt: Notetype, values: dict[str, str], guid: str, tags: tuple[str, ...]) -> Note | None:
    """Exact inverse of ``apkg_write.anki_fields`` for our own note types."""
    raw = to_text(values.get(META_FIELD, ""))
    if not raw.lstrip().startswith("{"):  # ours is a JSON object: no parse for anything else
        return None
    try:
        meta = loads_json(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(meta, dict):
        return None
    kind = meta.get("kind")
    note_type = _TYPES.get(kind) if isinstance(kind, str) else None
    if note_type is None or note_type.anki.fields != nt.fields:
        return None
    src = meta.get("source")
    if src and isinstance(src, dict):
        source = SourceRef(
            article=str(src.get("article", "")),
            anchor=str(src.get("anchor", "")),
            section=str(src.get("section", "")),
            start=_offset(src.get("start", 0)),
            end=_offset(src.get("end", 0)),
        )
    else:
        source = _NO_SOURCE
    added = meta.get("section_tag")
    if added:
        tags = tuple(t for t in tags if t != added)
    listed = meta.get("items", ())
    items = tuple(str(i) for i in listed) if isinstance(listed, list) else ()
    content: dict[str, object] = {
        "prompt": str(meta.get("prompt", "")),
        "answer": str(meta.get("answer", "")),
    }
    content.update(note_type.from_anki(_Values(values), items))
    note = Note(guid=guid, kind=note_type.kind, tags=tags, source=source, **content)  # type: ignore[arg-type]
    try:
        note_type.check_markup(note)
    except cloze.ClozeError as exc:
        raise ValueError(str(exc)) from None
    return note


class _Values:
    """An Anki note's field HTML, read as text (see ``NoteType.from_anki``)."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def text(self, field: str) -> str:
        return to_text(self.values.get(field, ""))

    def items(self, field: str) -> tuple[tuple[str, ...], str]:
        html = self.values.get(field, "")
        m = _OL.match(html)
        if not m:
            return (), to_text(html)
        return tuple(to_text(i) for i in _LI.findall(m.group(1))), to_text(html[m.end() :])
