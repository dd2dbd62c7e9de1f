"""Adding a note by hand: checked, identified like every other note, warned on duplicates.

A hand-made note has no article, so its GUID comes from the place it was made
(``added/<milliseconds>``) and its kind, never from its text, exactly like a
generated note's comes from its place in the article: editing the note later
keeps its identity and history, and a deck file export carries the GUID.
New cards go to the end of their deck's new queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select

from trainer.domain import notetypes
from trainer.domain.clock import to_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.identity import note_guid
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.storage import cards_repo, decks_repo, notes_repo
from trainer.storage.models import CARDS, DECKS, NOTES, PROFILES
from trainer.storage.store import Store

SOURCE = "added"
"""The GUID source of every hand-made note."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    guid: str
    deck: str


@dataclass(frozen=True, slots=True)
class Added:
    note: Note
    deck: str
    card_ids: tuple[int, ...]
    duplicates: tuple[Duplicate, ...]

    def describe(self) -> str:
        n = len(self.card_ids)
        return f"Added 1 note ({n} card{'' if n == 1 else 's'}) to {self.deck}"


def draft(
    kind: NoteKind,
    *,
    text: str = "",
    prompt: str = "",
    answer: str = "",
    items: tuple[str, ...] | list[str] = (),
    tags: tuple[str, ...] | list[str] = (),
    extra: str = "",
) -> Note:
    """A note as typed (GUID not yet given); :func:`check` says what is wrong with it."""
    clean_tags: list[str] = []
    for tag in " ".join(tags).split():
        if tag.lower() not in (t.lower() for t in clean_tags):
            clean_tags.append(tag)
    return Note(
        guid="",
        kind=kind,
        text=text.strip(),
        prompt=prompt.strip(),
        answer=answer.strip(),
        items=tuple(i.strip() for i in items if i.strip()),
        tags=tuple(clean_tags),
        extra=extra.strip(),
    )


def check(note: Note) -> None:
    """Raise TrainerError (ClozeError for markup) saying what keeps the note from being added."""
    notetypes.of(note).check(note)


def front_key(note: Note) -> str:
    """What makes two notes duplicates (Anki compares the first field): the note type's
    sort field as plain text (a cloze note's sentence, the others' prompt); case and runs
    of spaces ignored."""
    return " ".join(notetypes.of(note).sort_text(note).split()).lower()


def check_deck_name(name: str) -> str:
    name = name.strip()
    if not name or any(not part.strip() for part in name.split("::")):
        raise TrainerError(f"bad deck name {name!r}")
    if len(name) > 200:
        raise TrainerError("a deck name is at most 200 characters")
    return name


class AddService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def duplicates(self, note: Note) -> list[Duplicate]:
        """Live notes with the same front (any deck)."""
        key = front_key(note)
        if not key:
            return []
        with self.store.read() as conn:
            return _duplicates(conn, note, key)

    def add(self, deck_name: str, note: Note, now: datetime) -> Added:
        """Check and add ``note`` (its GUID made here) to the deck, made if missing."""
        name = check_deck_name(deck_name)
        check(note)
        now_s = to_epoch(utc(now))
        with self.store.write() as conn:
            deck = decks_repo.deck_by_name(conn, name)
            if deck is None:
                deck = decks_repo.create_deck(conn, name, now_s)
            elif conn.execute(select(DECKS.c.filter).where(DECKS.c.id == deck.id)).scalar_one():
                raise TrainerError(f"{name} is a filtered deck: add the note to its home deck")
            dupes = _duplicates(conn, note, front_key(note))
            made = _with_guid(conn, note, int(utc(now).timestamp() * 1000))
            last = conn.execute(
                select(func.max(NOTES.c.position)).where(NOTES.c.deck_id == deck.id)
            ).scalar_one()
            position = 0 if last is None else int(last) + 1
            notes_repo.insert_notes(conn, deck.id, [(made, position)], now_s)
            for profile_id in conn.execute(select(PROFILES.c.id)).scalars():
                cards_repo.sync_cards(conn, profile_id, deck.id, now_s=now_s)
            note_id = conn.execute(select(NOTES.c.id).where(NOTES.c.guid == made.guid)).scalar_one()
            ids = conn.execute(
                select(CARDS.c.id)
                .where(CARDS.c.note_id == note_id, CARDS.c.profile_id == self.store.profile.id)
                .order_by(CARDS.c.ord)
            ).scalars()
            card_ids = tuple(int(i) for i in ids)
        return Added(made, name, card_ids, tuple(dupes))


def _with_guid(conn: Connection, note: Note, millis: int) -> Note:
    """``note`` with a GUID no other note has, from its place (time made) and kind."""
    while True:
        anchor = f"{SOURCE}/{millis}"
        guid = note_guid(SOURCE, anchor, note.kind.value)
        taken = conn.execute(select(NOTES.c.id).where(NOTES.c.guid == guid)).first()
        if taken is None:
            return Note(
                guid=guid,
                kind=note.kind,
                prompt=note.prompt,
                answer=note.answer,
                text=note.text,
                items=note.items,
                tags=note.tags,
                source=SourceRef(anchor=anchor),
                extra=note.extra,
            )
        millis += 1


def _duplicates(conn: Connection, note: Note, key: str) -> list[Duplicate]:
    if not key:
        return []
    query = select(NOTES.c.guid, NOTES.c.kind, NOTES.c.text, NOTES.c.prompt, DECKS.c.name).join(
        DECKS, DECKS.c.id == NOTES.c.deck_id
    )
    query = query.where(NOTES.c.retired.is_(False), NOTES.c.guid != note.guid)
    nt = notetypes.of(note)
    query = query.where(NOTES.c.kind.in_(notetypes.kinds_sorted_by(nt.sort_field)))
    probe, column = _probe(nt.stored_pieces(note)), NOTES.c[nt.sort_field]
    if probe:
        # Any duplicate holds this run of characters: let the database narrow first.
        query = query.where(func.lower(column).contains(probe.lower(), autoescape=True))
    out = []
    for row in conn.execute(query):
        other = Note(row.guid, NoteKind(row.kind), text=row.text, prompt=row.prompt)
        if front_key(other) == key:
            out.append(Duplicate(row.guid, row.name))
    return out


def _probe(pieces: tuple[str, ...]) -> str:
    """The longest run without spaces of the sort field's verbatim pieces."""
    return max((w for p in pieces for w in p.split()), key=len, default="")
