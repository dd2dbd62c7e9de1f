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
from typing import TYPE_CHECKING, Any

from trainer.domain.clock import from_epoch
from trainer.domain.model import CardState, Rating, Review
from trainer.storage import count_sql
from trainer.storage.driver import DriverConn, driver_sql
from trainer.storage.records import ReviewRecord

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = ["ReviewRecord", "add_review", "insert_many", "restore"]

BATCH = 10_000
"""Rows handed to the driver per ``executemany`` (bounds memory for a million-row load)."""


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """A review row with the undo snapshot it carries."""

    id: int
    card_id: int
    undo: str


def add_review(conn: DriverConn, record: ReviewRecord) -> int:
    """Write one answer; returns its review id (the answer path: one prepared insert)."""
    sql = driver_sql(conn, _insert_sql() + " RETURNING id")
    return int(conn.exec_driver_sql(sql, tuple(record)).scalar_one())


def insert_many(conn: DriverConn, records: Iterable[ReviewRecord | tuple[Any, ...]]) -> int:
    """Write many review rows in one ``executemany`` per batch; returns how many.

    Each row is a ``ReviewRecord`` or a plain tuple of all its fields in its order
    (what a big import hands over: SQLite binds a plain tuple's values directly, a
    named tuple's one sequence lookup at a time, a tenth of a 100,000-row insert).

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
    from sqlalchemy import and_, case, func, select

    from trainer.storage.models import REVIEWS

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
    from sqlalchemy import func, select

    from trainer.storage.models import REVIEWS

    rows = conn.execute(select(REVIEWS.c.profile_id, func.count()).group_by(REVIEWS.c.profile_id))
    return {int(pid): int(n) for pid, n in rows}


def has_reviews(conn: Connection, profile_id: int) -> bool:
    from sqlalchemy import select

    from trainer.storage.models import REVIEWS

    found = conn.execute(
        select(REVIEWS.c.id).where(REVIEWS.c.profile_id == profile_id).limit(1)
    ).first()
    return found is not None


def move_days(conn: Connection, profile_id: int, day_of: Callable[[int], int]) -> int:
    """Re-file the profile's answers under ``day_of(reviewed_at)``; returns how many moved."""
    from sqlalchemy import select

    from trainer.storage.models import REVIEWS

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
    from sqlalchemy import insert

    from trainer.storage.models import REVIEWS

    for i in range(0, len(rows), 500):
        conn.execute(insert(REVIEWS), [dict(r) for r in rows[i : i + 500]])


@cache
def _insert_sql() -> str:
    """``INSERT INTO reviews (<every column but id>) VALUES (?, ...)``: the record's fields,
    which a test holds to the table's columns."""
    columns = ReviewRecord._fields
    return f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def last_answer(conn: DriverConn, profile_id: int, since_ms: int = 0) -> LoggedAnswer | None:
    sql = (
        "SELECT id, card_id, undo FROM reviews WHERE profile_id = ? AND reviewed_at >= ? "
        "AND undo <> '' ORDER BY id DESC LIMIT 1"
    )
    row = conn.exec_driver_sql(driver_sql(conn, sql), (profile_id, since_ms)).first()
    return LoggedAnswer(row[0], row[1], row[2]) if row else None


def delete_review(conn: DriverConn, review_id: int) -> None:
    conn.exec_driver_sql(driver_sql(conn, "DELETE FROM reviews WHERE id = ?"), (review_id,))


def done_today(
    conn: DriverConn, profile_id: int, day: int, deck_ids: Sequence[int]
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
    from sqlalchemy import select

    from trainer.storage.models import REVIEWS

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
