"""Notes: rows to domain objects and back, in bulk where imports need it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.storage import card_groups
from trainer.storage.driver import DriverConn, driver_sql

if TYPE_CHECKING:
    from sqlalchemy import Connection


def tags_to_column(tags: Iterable[str]) -> str:
    tags = [t for t in tags if t]
    return f" {' '.join(tags)} " if tags else ""


def tags_from_column(value: str) -> tuple[str, ...]:
    return tuple(value.split())


def note_from_row(row: Any) -> Note:
    return Note(
        guid=row.guid,
        kind=NoteKind(row.kind),
        prompt=row.prompt,
        answer=row.answer,
        text=row.text,
        items=_items(row.items),
        tags=tags_from_column(row.tags),
        source=SourceRef(
            article=row.source_article,
            anchor=row.source_anchor,
            section=row.source_section,
            start=row.source_start,
            end=row.source_end,
        ),
        extra=row.extra,
    )


def _items(column: str | None) -> tuple[str, ...]:
    """A note's items from their JSON column; most notes have none (``[]``: no parse)."""
    if not column or column == "[]":
        return ()
    return tuple(json.loads(column))


def note_values(note: Note) -> dict[str, Any]:
    """Column values for a note's content (not its deck, position or ids)."""
    return {
        "kind": note.kind.value,
        "prompt": note.prompt,
        "answer": note.answer,
        "text": note.text,
        "items": json.dumps(list(note.items), ensure_ascii=False),
        "tags": tags_to_column(note.tags),
        "extra": note.extra,
        "source_article": note.source.article,
        "source_anchor": note.source.anchor,
        "source_section": note.source.section,
        "source_start": note.source.start,
        "source_end": note.source.end,
    }


def notes_in_deck(conn: Connection, deck_id: int, *, include_retired: bool = False) -> list[Note]:
    from sqlalchemy import select

    from trainer.storage.models import NOTES

    query = select(NOTES).where(NOTES.c.deck_id == deck_id).order_by(NOTES.c.position, NOTES.c.id)
    if not include_retired:
        query = query.where(NOTES.c.retired.is_(False))
    return [note_from_row(r) for r in conn.execute(query)]


def note_by_guid(conn: DriverConn, guid: str) -> Note | None:
    sql = driver_sql(conn, "SELECT * FROM notes WHERE guid = ?")
    row = conn.exec_driver_sql(sql, (guid,)).first()
    return note_from_row(row) if row else None


NOTE_COLUMNS = (
    "id, guid, deck_id, kind, prompt, answer, text, items, tags, extra, source_article, "
    "source_anchor, source_section, source_start, source_end, position, retired, modified_at"
)
"""Every column of the notes table, in table order (a test holds it to the table)."""


def rows_by_guid(conn: DriverConn, guids: Sequence[str]) -> dict[str, Any]:
    """Existing rows for ``guids`` (chunked to stay under parameter limits).

    Plain driver SQL: an import asks for every note it carries, and building a
    statement with tens of thousands of bound values costs more than the lookup.
    """
    found: dict[str, Any] = {}
    for i in range(0, len(guids), 500):
        chunk = tuple(guids[i : i + 500])
        sql = f"SELECT {NOTE_COLUMNS} FROM notes WHERE guid IN ({', '.join('?' * len(chunk))})"
        for row in conn.exec_driver_sql(driver_sql(conn, sql), chunk):
            found[row.guid] = row
    return found


def guids_in_deck(conn: DriverConn, deck_id: int) -> dict[str, int]:
    """GUID -> id of the deck's live notes."""
    sql = driver_sql(conn, "SELECT guid, id FROM notes WHERE deck_id = ? AND NOT retired")
    return dict(conn.exec_driver_sql(sql, (deck_id,)).fetchall())


_CONTENT = (
    "kind, prompt, answer, text, items, tags, extra, "
    "source_article, source_anchor, source_section, source_start, source_end"
)
"""``note_values``'s columns, in ``_content``'s order."""
_TAGS, _SECTION = 5, 9
"""Where the tags and the source section are in ``_content``'s tuple."""

_INSERT_SQL = (
    f"INSERT INTO notes ({_CONTENT}, guid, deck_id, position, retired, modified_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_SQL = (
    "UPDATE notes SET "
    + ", ".join(f"{c.strip()} = ?" for c in _CONTENT.split(","))
    + ", deck_id = ?, position = ?, modified_at = ?, retired = ? WHERE guid = ?"
)


def _content(note: Note) -> tuple[Any, ...]:
    """``note_values`` as a tuple in ``_CONTENT``'s column order (no dicts: imports are big)."""
    src = note.source
    return (
        note.kind.value,
        note.prompt,
        note.answer,
        note.text,
        json.dumps(list(note.items), ensure_ascii=False) if note.items else "[]",
        tags_to_column(note.tags),
        note.extra,
        src.article,
        src.anchor,
        src.section,
        src.start,
        src.end,
    )


def insert_notes(
    conn: DriverConn, deck_id: int, notes: Sequence[tuple[Note, int]], now_s: int
) -> list[int]:
    """Insert ``(note, position)`` pairs with one executemany (plain driver SQL); their
    (section, tags) groups are there for the cards made next (``card_groups``).
    Returns each note's group id, in the order given."""
    if not notes:
        return []
    rows = [(*_content(n), n.guid, deck_id, pos, False, now_s) for n, pos in notes]
    conn.exec_driver_sql(driver_sql(conn, _INSERT_SQL), rows)
    groups = card_groups.ensure(conn, {(r[_SECTION], r[_TAGS]) for r in rows})
    return [groups[(r[_SECTION], r[_TAGS])] for r in rows]


def update_notes(
    conn: DriverConn, deck_id: int, notes: Sequence[tuple[Note, int]], now_s: int
) -> None:
    """Update content of existing notes in place (matched by GUID), un-retiring them;
    their cards follow a change of section or tags (``card_groups``)."""
    if not notes:
        return
    conn.exec_driver_sql(
        driver_sql(conn, _UPDATE_SQL),
        [(*_content(n), deck_id, pos, now_s, False, n.guid) for n, pos in notes],
    )
    card_groups.regroup_guids(conn, [n.guid for n, _pos in notes])


def ids_in_deck(conn: DriverConn, deck_id: int) -> dict[str, int]:
    """GUID -> id of every note in the deck, retired or not (one query)."""
    sql = driver_sql(conn, "SELECT guid, id FROM notes WHERE deck_id = ?")
    return dict(conn.exec_driver_sql(sql, (deck_id,)).fetchall())


def set_retired(conn: DriverConn, guids: Sequence[str], retired: bool, now_s: int) -> None:
    for i in range(0, len(guids), 500):
        chunk = tuple(guids[i : i + 500])
        marks = ", ".join("?" * len(chunk))
        sql = f"UPDATE notes SET retired = ?, modified_at = ? WHERE guid IN ({marks})"
        conn.exec_driver_sql(driver_sql(conn, sql), (retired, now_s, *chunk))


def set_tags(conn: DriverConn, note_id: int, tags: Iterable[str]) -> None:
    sql = driver_sql(conn, "UPDATE notes SET tags = ? WHERE id = ?")
    conn.exec_driver_sql(sql, (tags_to_column(tags), note_id))
    card_groups.regroup(conn, [note_id])


def last_position(conn: Connection, deck_id: int) -> int | None:
    """The highest note position in the deck; None for an empty deck."""
    from sqlalchemy import func, select

    from trainer.storage.models import NOTES

    value = conn.execute(
        select(func.max(NOTES.c.position)).where(NOTES.c.deck_id == deck_id)
    ).scalar_one()
    return None if value is None else int(value)


def ids_by_guid(conn: Connection, guids: Sequence[str]) -> dict[str, int]:
    """Note id per GUID, for those of ``guids`` that exist."""
    from sqlalchemy import select

    from trainer.storage.models import NOTES

    rows = conn.execute(select(NOTES.c.guid, NOTES.c.id).where(NOTES.c.guid.in_(list(guids))))
    return {g: int(i) for g, i in rows}


def front_candidates(
    conn: Connection, other_than: str, *, kinds: Sequence[str], field: str, probe: str
) -> list[Any]:
    """Live notes that may share a front with a new note: (guid, kind, text, prompt, name).

    Only notes of ``kinds`` (those sorted by the same field) are compared, on
    ``field``; ``probe``, a run of characters any duplicate must hold, lets the
    database narrow first. ``name`` is the note's deck.
    """
    from sqlalchemy import func, select

    from trainer.storage.models import DECKS, NOTES

    query = select(NOTES.c.guid, NOTES.c.kind, NOTES.c.text, NOTES.c.prompt, DECKS.c.name).join(
        DECKS, DECKS.c.id == NOTES.c.deck_id
    )
    query = query.where(NOTES.c.retired.is_(False), NOTES.c.guid != other_than)
    query = query.where(NOTES.c.kind.in_(list(kinds)))
    if probe:
        column = NOTES.c[field]
        query = query.where(func.lower(column).contains(probe.lower(), autoescape=True))
    return list(conn.execute(query))
