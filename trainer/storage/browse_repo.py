"""The browser's writes on a selection of cards and notes, and their undo snapshots.

Each action takes a snapshot of the columns it may change (``card_snapshots``,
``note_snapshots``) before changing them, so ``put_back`` restores the rows
exactly. Selections are worked through 500 ids at a time (bound parameters).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, select, update

from trainer.domain.model import Queue
from trainer.storage import card_groups
from trainer.storage.models import CARDS, NOTES

CHUNK = 500

CARD_COLUMNS = (
    "deck_id",
    "state",
    "queue",
    "due",
    "step",
    "stability",
    "difficulty",
    "last_review",
    "reps",
    "lapses",
    "position",
    "buried_until",
    "original_deck_id",
    "original_due",
)
"""A card's columns a browser action may change (its undo snapshot)."""
NOTE_COLUMNS = (
    "deck_id",
    "kind",
    "prompt",
    "answer",
    "text",
    "items",
    "tags",
    "extra",
    "source_article",
    "source_anchor",
    "source_section",
    "source_start",
    "source_end",
    "retired",
    "modified_at",
)
"""A note's columns a browser action may change (its undo snapshot): an edit writes
the note's whole content, its source included."""

Snapshot = list[tuple[int, dict[str, Any]]]


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[i : i + CHUNK]) for i in range(0, len(ids), CHUNK)]


def _snapshots(
    conn: Connection, table: Table, columns: Sequence[str], ids: Sequence[int]
) -> Snapshot:
    out = []
    cols = [table.c.id, *(table.c[c] for c in columns)]
    for chunk in _chunks(ids):
        for row in conn.execute(select(*cols).where(table.c.id.in_(chunk))):
            out.append((int(row.id), {c: getattr(row, c) for c in columns}))
    return out


def card_snapshots(conn: Connection, card_ids: Sequence[int]) -> Snapshot:
    """The cards' ``CARD_COLUMNS`` as they are now, by id, so an action can be undone."""
    return _snapshots(conn, CARDS, CARD_COLUMNS, card_ids)


def note_snapshots(conn: Connection, note_ids: Sequence[int]) -> Snapshot:
    """The notes' ``NOTE_COLUMNS`` as they are now, by id."""
    return _snapshots(conn, NOTES, NOTE_COLUMNS, note_ids)


def live_cards(conn: Connection, card_ids: Sequence[int], profile_id: int) -> list[int]:
    """The profile's own cards among ``card_ids``, retired ones left out, sorted."""
    out: list[int] = []
    for chunk in _chunks(card_ids):
        out += conn.execute(
            select(CARDS.c.id).where(
                CARDS.c.id.in_(chunk),
                CARDS.c.profile_id == profile_id,
                CARDS.c.queue != int(Queue.RETIRED),
            )
        ).scalars()
    return sorted(out)


def note_ids(conn: Connection, card_ids: Sequence[int]) -> list[int]:
    """The notes of the cards, sorted."""
    out: set[int] = set()
    for chunk in _chunks(card_ids):
        out.update(conn.execute(select(CARDS.c.note_id).where(CARDS.c.id.in_(chunk))).scalars())
    return sorted(out)


def note_cards(conn: Connection, note_ids: Sequence[int]) -> list[int]:
    """Every card (all learners) of the notes."""
    out: list[int] = []
    for chunk in _chunks(note_ids):
        out += conn.execute(select(CARDS.c.id).where(CARDS.c.note_id.in_(chunk))).scalars()
    return out


def update_cards(conn: Connection, card_ids: Sequence[int], values: Mapping[str, Any]) -> None:
    """Set the same column values on every card of ``card_ids``."""
    for chunk in _chunks(card_ids):
        conn.execute(update(CARDS).where(CARDS.c.id.in_(chunk)).values(**values))


def update_card(conn: Connection, card_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(CARDS).where(CARDS.c.id == card_id).values(**values))


def update_note(conn: Connection, note_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(NOTES).where(NOTES.c.id == note_id).values(**values))
    if "tags" in values or "source_section" in values:
        card_groups.regroup(conn, [note_id])


def move_notes(conn: Connection, note_ids: Sequence[int], deck_id: int, now_s: int) -> None:
    """Notes and their cards to ``deck_id``; a card in a filtered deck stays there, its
    home deck follows the note."""
    for chunk in _chunks(note_ids):
        conn.execute(
            update(NOTES).where(NOTES.c.id.in_(chunk)).values(deck_id=deck_id, modified_at=now_s)
        )
        conn.execute(
            update(CARDS)
            .where(CARDS.c.note_id.in_(chunk), CARDS.c.original_deck_id == 0)
            .values(deck_id=deck_id)
        )
        conn.execute(
            update(CARDS)
            .where(CARDS.c.note_id.in_(chunk), CARDS.c.original_deck_id != 0)
            .values(original_deck_id=deck_id)
        )


def retire_notes(conn: Connection, note_ids: Sequence[int], now_s: int) -> None:
    """Notes deleted from the learner's view: retired with their cards, history kept."""
    for chunk in _chunks(note_ids):
        conn.execute(
            update(NOTES).where(NOTES.c.id.in_(chunk)).values(retired=True, modified_at=now_s)
        )
        conn.execute(
            update(CARDS).where(CARDS.c.note_id.in_(chunk)).values(queue=int(Queue.RETIRED))
        )


def send_home(conn: Connection, card_ids: Sequence[int]) -> None:
    """Cards in a filtered deck back to their home deck with their own due time."""
    for chunk in _chunks(card_ids):
        conn.execute(
            update(CARDS)
            .where(CARDS.c.id.in_(chunk), CARDS.c.original_deck_id != 0)
            .values(
                deck_id=CARDS.c.original_deck_id,
                due=CARDS.c.original_due,
                original_deck_id=0,
                original_due=0,
            )
        )
