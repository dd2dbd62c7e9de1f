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

from sqlalchemy import Connection

from trainer.domain import notetypes
from trainer.domain.clock import to_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.identity import note_guid
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.storage import cards_repo, decks_repo, notes_repo, profiles_repo
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
            elif decks_repo.filter_of(conn, deck.id):
                raise TrainerError(f"{name} is a filtered deck: add the note to its home deck")
            dupes = _duplicates(conn, note, front_key(note))
            made = _with_guid(conn, note, int(utc(now).timestamp() * 1000))
            last = notes_repo.last_position(conn, deck.id)
            position = 0 if last is None else last + 1
            notes_repo.insert_notes(conn, deck.id, [(made, position)], now_s)
            for profile_id in profiles_repo.profile_ids(conn):
                cards_repo.sync_cards(conn, profile_id, deck.id, now_s=now_s)
            note_id = notes_repo.ids_by_guid(conn, [made.guid])[made.guid]
            card_ids = tuple(cards_repo.ids_of_note(conn, note_id, self.store.profile.id))
        return Added(made, name, card_ids, tuple(dupes))


def _with_guid(conn: Connection, note: Note, millis: int) -> Note:
    """``note`` with a GUID no other note has, from its place (time made) and kind."""
    while True:
        anchor = f"{SOURCE}/{millis}"
        guid = note_guid(SOURCE, anchor, note.kind.value)
        if not notes_repo.ids_by_guid(conn, [guid]):
            return Note(
                guid=guid,
                kind=note.kind,
                prompt=note.prompt,
                answer=note.answer,
                text=note.text,
                items=note.items,
                tags=note.tags,
                source=SourceRef(
                    note.source.article,
                    anchor,
                    note.source.section,
                    note.source.start,
                    note.source.end,
                ),
                extra=note.extra,
            )
        millis += 1


def _duplicates(conn: Connection, note: Note, key: str) -> list[Duplicate]:
    if not key:
        return []
    nt = notetypes.of(note)
    probe = _probe(nt.stored_pieces(note))
    out = []
    candidates = notes_repo.front_candidates(
        conn,
        note.guid,
        kinds=notetypes.kinds_sorted_by(nt.sort_field),
        field=nt.sort_field,
        probe=probe,
    )
    for row in candidates:
        other = Note(row.guid, NoteKind(row.kind), text=row.text, prompt=row.prompt)
        if front_key(other) == key:
            out.append(Duplicate(row.guid, row.name))
    return out


def _probe(pieces: tuple[str, ...]) -> str:
    """The longest run without spaces of the sort field's verbatim pieces."""
    return max((w for p in pieces for w in p.split()), key=len, default="")
