"""The review log: written once per answer, read for undo, limits and replay.

The only module that writes review rows: the answer path through
``add_review`` and bulk loads (Anki history, the bench store, tests) through
``insert_many``, both taking ``ReviewRecord`` (``restore`` puts back rows a deck
deletion took out, ids and all); the columns come from the table,
so a new column is a field of the record, a column of the model and a migration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, insert, select

from trainer.domain.clock import from_epoch
from trainer.domain.model import CardState, Rating, Review
from trainer.storage import count_sql
from trainer.storage.engine import driver_sql
from trainer.storage.models import REVIEWS, ReviewRecord

__all__ = ["ReviewRecord", "add_review", "insert_many", "restore"]

BATCH = 10_000
"""Rows handed to the driver per ``executemany`` (bounds memory for a million-row load)."""


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """A review row with the undo snapshot it carries."""

    id: int
    card_id: int
    undo: str


def add_review(conn: Connection, record: ReviewRecord) -> int:
    """Write one answer; returns its review id (the answer path: one prepared insert)."""
    sql = driver_sql(conn, _insert_sql() + " RETURNING id")
    return int(conn.exec_driver_sql(sql, tuple(record)).scalar_one())


def insert_many(conn: Connection, records: Iterable[ReviewRecord]) -> int:
    """Write many review rows in one ``executemany`` per batch; returns how many.

    The statement is SQLAlchemy's insert of the reviews table, compiled once with
    positional parameters so the records (tuples in column order) go to the
    driver as they are: no per-row dict, which a 100,000-answer history import
    would pay for.
    """
    sql = driver_sql(conn, _insert_sql())
    rows = iter(records)
    written = 0
    while batch := list(islice(rows, BATCH)):
        conn.exec_driver_sql(sql, batch)
        written += len(batch)
    return written


def day_tallies(
    conn: Connection, profile_id: int, day: int, deck_ids: Sequence[int]
) -> tuple[int, int, int, int, int, int]:
    """On study day ``day`` in the decks: answers, agains, new cards, milliseconds,
    answers on review cards and how many of those passed."""
    r = REVIEWS.c
    row = conn.execute(
        select(
            func.count(),
            func.sum(case((r.rating == 1, 1), else_=0)),
            func.sum(case((r.state_before == int(CardState.NEW), 1), else_=0)),
            func.sum(r.duration_ms),
            func.sum(case((r.state_before == int(CardState.REVIEW), 1), else_=0)),
            func.sum(
                case(
                    (and_(r.state_before == int(CardState.REVIEW), r.rating > 1), 1),
                    else_=0,
                )
            ),
        ).where(r.profile_id == profile_id, r.day == day, r.deck_id.in_(list(deck_ids)))
    ).one()
    a, b, c, d, e, f = (int(v or 0) for v in row)
    return a, b, c, d, e, f


def counts_by_profile(conn: Connection) -> dict[int, int]:
    """Answers logged per profile id."""
    rows = conn.execute(select(REVIEWS.c.profile_id, func.count()).group_by(REVIEWS.c.profile_id))
    return {int(pid): int(n) for pid, n in rows}


def has_reviews(conn: Connection, profile_id: int) -> bool:
    found = conn.execute(
        select(REVIEWS.c.id).where(REVIEWS.c.profile_id == profile_id).limit(1)
    ).first()
    return found is not None


def move_days(conn: Connection, profile_id: int, day_of: Callable[[int], int]) -> int:
    """Re-file the profile's answers under ``day_of(reviewed_at)``; returns how many moved."""
    rows = conn.execute(
        select(REVIEWS.c.id, REVIEWS.c.reviewed_at, REVIEWS.c.day).where(
            REVIEWS.c.profile_id == profile_id
        )
    )
    moved = [(day, rid) for rid, at, was in rows if (day := day_of(int(at))) != was]
    sql = driver_sql(conn, "UPDATE reviews SET day = ? WHERE id = ?")
    for i in range(0, len(moved), 5000):
        conn.exec_driver_sql(sql, moved[i : i + 5000])
    return len(moved)


def restore(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Put back review rows taken out with their ids (undoing a deck's deletion)."""
    for i in range(0, len(rows), 500):
        conn.execute(insert(REVIEWS), [dict(r) for r in rows[i : i + 500]])


@cache
def _insert_sql() -> str:
    """``INSERT INTO reviews (<every column but id>) VALUES (?, ...)`` from the table."""
    columns = [c.name for c in REVIEWS.columns if not c.primary_key]
    if tuple(columns) != ReviewRecord._fields:
        raise RuntimeError(
            f"ReviewRecord fields {ReviewRecord._fields} do not follow the reviews "
            f"table's columns {tuple(columns)}"
        )
    from sqlalchemy.dialects import sqlite

    compiled = insert(REVIEWS).compile(
        dialect=sqlite.dialect(paramstyle="qmark"), column_keys=columns
    )
    return str(compiled)


def last_answer(conn: Connection, profile_id: int, since_ms: int = 0) -> LoggedAnswer | None:
    row = conn.execute(
        select(REVIEWS.c.id, REVIEWS.c.card_id, REVIEWS.c.undo)
        .where(
            REVIEWS.c.profile_id == profile_id,
            REVIEWS.c.reviewed_at >= since_ms,
            REVIEWS.c.undo != "",
        )
        .order_by(REVIEWS.c.id.desc())
        .limit(1)
    ).first()
    return LoggedAnswer(row.id, row.card_id, row.undo) if row else None


def delete_review(conn: Connection, review_id: int) -> None:
    conn.execute(delete(REVIEWS).where(REVIEWS.c.id == review_id))


def done_today(
    conn: Connection, profile_id: int, day: int, deck_ids: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """Per deck: (new cards introduced, review cards answered) on study day ``day``."""
    wanted = set(deck_ids)
    out: dict[int, tuple[int, int]] = {}
    rows = conn.exec_driver_sql(driver_sql(conn, count_sql.DONE_TODAY), (profile_id, day))
    for deck_id, state_before, n in rows:
        if deck_id not in wanted:
            continue
        new, rev = out.get(deck_id, (0, 0))
        if state_before == int(CardState.NEW):
            new = int(n)
        else:
            rev = int(n)
        out[deck_id] = (new, rev)
    return out


def history(conn: Connection, card_id: int) -> list[Review]:
    rows = conn.execute(
        select(REVIEWS)
        .where(REVIEWS.c.card_id == card_id)
        .order_by(REVIEWS.c.reviewed_at, REVIEWS.c.id)
    )
    return [
        Review(
            card_id=r.card_id,
            rating=Rating(r.rating),
            reviewed_at=from_epoch(r.reviewed_at / 1000),
            duration_ms=r.duration_ms,
            state_before=CardState(r.state_before),
            id=r.id,
        )
        for r in rows
    ]
