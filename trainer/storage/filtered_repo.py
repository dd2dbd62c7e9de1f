"""Filtered decks (Anki's): cards borrowed from their home decks, and today's limit extensions.

A card in a filtered deck keeps its home in ``original_deck_id`` and its own due
time in ``original_due``; its ``deck_id`` and ``due`` are the filtered deck's
(reviews are made due at once, in the filter's order). Emptying the deck puts
every card back as it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from trainer.domain.model import Queue
from trainer.storage.driver import DriverConn, driver_sql

if TYPE_CHECKING:
    from sqlalchemy import Connection

ORDERS = ("due", "random", "ivl", "ivl-desc", "lapses", "added", "added-desc")
"""Anki's filtered-deck orders: order due, random, increasing / decreasing
intervals, most lapses, order added, latest added first."""


def config(conn: Connection, deck_id: int) -> dict[str, Any] | None:
    """A filtered deck's {query, limit, order}; None for a normal deck."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    raw = conn.execute(select(DECKS.c.filter).where(DECKS.c.id == deck_id)).scalar_one_or_none()
    return json.loads(raw) if raw else None


def set_config(conn: Connection, deck_id: int, cfg: dict[str, Any]) -> None:
    from sqlalchemy import update

    from trainer.storage.models import DECKS

    conn.execute(
        update(DECKS)
        .where(DECKS.c.id == deck_id)
        .values(filter=json.dumps(cfg, ensure_ascii=False, sort_keys=True))
    )


def move_in(conn: Connection, deck_id: int, card_ids: Sequence[int], now_s: int) -> None:
    """Borrow ``card_ids`` (in the filter's order) into the filtered deck."""
    from sqlalchemy import update

    from trainer.storage.models import CARDS

    ids = list(card_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        conn.execute(
            update(CARDS)
            .where(CARDS.c.id.in_(chunk), CARDS.c.original_deck_id == 0)
            .values(
                original_deck_id=CARDS.c.deck_id,
                original_due=CARDS.c.due,
                deck_id=deck_id,
            )
        )
    # Reviews are due now, one second apart in the filter's order.
    start = now_s - len(ids) - 1
    for n, card_id in enumerate(ids):
        conn.execute(
            update(CARDS)
            .where(CARDS.c.id == card_id, CARDS.c.queue == int(Queue.REVIEW))
            .values(due=start + n)
        )


def empty(conn: Connection, deck_id: int) -> int:
    """Send every card of the filtered deck home with its own due time; returns how many."""
    from sqlalchemy import update

    from trainer.storage.models import CARDS

    result = conn.execute(
        update(CARDS)
        .where(CARDS.c.deck_id == deck_id, CARDS.c.original_deck_id != 0)
        .values(
            deck_id=CARDS.c.original_deck_id,
            due=CARDS.c.original_due,
            original_deck_id=0,
            original_due=0,
        )
    )
    return int(result.rowcount or 0)


def home_of(conn: Connection, card_id: int) -> tuple[int, int] | None:
    """(home deck id, own due time) of a card in a filtered deck; None when at home."""
    from sqlalchemy import select

    from trainer.storage.models import CARDS

    row = conn.execute(
        select(CARDS.c.original_deck_id, CARDS.c.original_due).where(CARDS.c.id == card_id)
    ).first()
    if row is None or not row.original_deck_id:
        return None
    return int(row.original_deck_id), int(row.original_due)


PLACES = ("deck_id", "original_deck_id", "original_due", "due")
"""The columns ``place`` may set."""


def place(conn: DriverConn, card_id: int, values: dict[str, int]) -> None:
    """Set a card's deck_id / original_deck_id / original_due (answer and undo)."""
    unknown = set(values) - set(PLACES)
    if unknown:
        raise ValueError(f"place: not a card placement column: {sorted(unknown)}")
    if values:
        sets = ", ".join(f"{name} = ?" for name in values)
        sql = driver_sql(conn, f"UPDATE cards SET {sets} WHERE id = ?")
        conn.exec_driver_sql(sql, (*values.values(), card_id))


def extensions(conn: DriverConn, day: int) -> dict[int, tuple[int, int]]:
    """Per deck: extra (new, reviews) allowed on study day ``day``."""
    sql = "SELECT id, extend_new, extend_review FROM decks WHERE extend_day = ?"
    rows = conn.exec_driver_sql(driver_sql(conn, sql), (day,))
    return {int(r[0]): (int(r[1]), int(r[2])) for r in rows}


def extend(conn: Connection, deck_id: int, day: int, new: int, reviews: int) -> tuple[int, int]:
    """Add to today's extension of a deck's limits; returns the day's totals."""
    from sqlalchemy import select, update

    from trainer.storage.models import DECKS

    row = conn.execute(
        select(DECKS.c.extend_day, DECKS.c.extend_new, DECKS.c.extend_review).where(
            DECKS.c.id == deck_id
        )
    ).one()
    have_new, have_rev = (row.extend_new, row.extend_review) if row.extend_day == day else (0, 0)
    totals = (have_new + new, have_rev + reviews)
    conn.execute(
        update(DECKS)
        .where(DECKS.c.id == deck_id)
        .values(extend_day=day, extend_new=totals[0], extend_review=totals[1])
    )
    return totals
