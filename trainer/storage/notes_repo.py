"""Notes: rows to domain objects and back, in bulk where imports need it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.storage.models import NOTES


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
        items=tuple(json.loads(row.items or "[]")),
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
    query = select(NOTES).where(NOTES.c.deck_id == deck_id).order_by(NOTES.c.position, NOTES.c.id)
    if not include_retired:
        query = query.where(NOTES.c.retired.is_(False))
    return [note_from_row(r) for r in conn.execute(query)]


def note_by_guid(conn: Connection, guid: str) -> Note | None:
    row = conn.execute(select(NOTES).where(NOTES.c.guid == guid)).first()
    return note_from_row(row) if row else None


def rows_by_guid(conn: Connection, guids: Sequence[str]) -> dict[str, Any]:
    """Existing rows for ``guids`` (chunked to stay under parameter limits)."""
    found: dict[str, Any] = {}
    for i in range(0, len(guids), 500):
        chunk = list(guids[i : i + 500])
        for row in conn.execute(select(NOTES).where(NOTES.c.guid.in_(chunk))):
            found[row.guid] = row
    return found


def guids_in_deck(conn: Connection, deck_id: int) -> dict[str, int]:
    rows = conn.execute(
        select(NOTES.c.guid, NOTES.c.id).where(
            NOTES.c.deck_id == deck_id, NOTES.c.retired.is_(False)
        )
    )
    return {r.guid: r.id for r in rows}


def insert_notes(
    conn: Connection, deck_id: int, notes: Sequence[tuple[Note, int]], now_s: int
) -> None:
    """Insert ``(note, position)`` pairs with one executemany."""
    if not notes:
        return
    conn.execute(
        insert(NOTES),
        [
            {
                **note_values(n),
                "guid": n.guid,
                "deck_id": deck_id,
                "position": pos,
                "retired": False,
                "modified_at": now_s,
            }
            for n, pos in notes
        ],
    )


def update_notes(
    conn: Connection, deck_id: int, notes: Sequence[tuple[Note, int]], now_s: int
) -> None:
    """Update content of existing notes in place (matched by GUID), un-retiring them."""
    if not notes:
        return
    values = []
    for n, pos in notes:
        row = note_values(n)
        values.append(
            {
                **{f"v_{k}": v for k, v in row.items()},
                "b_guid": n.guid,
                "v_deck_id": deck_id,
                "v_position": pos,
                "v_modified_at": now_s,
            }
        )
    columns = [*note_values(notes[0][0]).keys(), "deck_id", "position", "modified_at"]
    stmt = (
        update(NOTES)
        .where(NOTES.c.guid == bindparam("b_guid"))
        .values({c: bindparam(f"v_{c}") for c in columns} | {"retired": False})
    )
    conn.execute(stmt, values)


def set_retired(conn: Connection, guids: Sequence[str], retired: bool, now_s: int) -> None:
    for i in range(0, len(guids), 500):
        conn.execute(
            update(NOTES)
            .where(NOTES.c.guid.in_(list(guids[i : i + 500])))
            .values(retired=retired, modified_at=now_s)
        )


def set_tags(conn: Connection, note_id: int, tags: Iterable[str]) -> None:
    conn.execute(update(NOTES).where(NOTES.c.id == note_id).values(tags=tags_to_column(tags)))
