"""Due counts straight from a SQLite file with the standard library.

``trainer due`` runs in shell prompts, so it must not pay for importing
SQLAlchemy (~200 ms here). This reads the same tables with ``sqlite3`` and the
same bounded count queries as ``StudyService.deck_counts`` (one copy of their
SQL, in ``count_sql``); a test checks the two agree. Anything unusual (missing file, old schema, another backend) returns None
and the caller takes the full path.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from trainer.domain.clock import LEARN_AHEAD, DayClock, local_zone, to_epoch
from trainer.domain.counts import DeckCounts
from trainer.storage import count_sql
from trainer.storage.revision import HEAD_REVISION

T = TypeVar("T")


def due_counts(path: Path, profile: str, now: datetime) -> list[DeckCounts] | None:
    found = due_counts_and_limits(path, profile, now)
    return None if found is None else found[0]


def due_counts_and_limits(
    path: Path, profile: str, now: datetime
) -> tuple[list[DeckCounts], dict[int, tuple[int, int]]] | None:
    """Each deck's own counts and what its limits still allow today (parents cap with them)."""
    return _read_only(path, lambda conn: _counts_and_limits(conn, profile, now))


def tree_counts(
    path: Path, profile: str, now: datetime
) -> tuple[list[DeckCounts], dict[int, tuple[int, int]], frozenset[str]] | None:
    """What the deck list's first paint needs, on one connection: each deck's own
    counts, what its limits still allow today, and the names of collapsed decks."""

    def read(
        conn: sqlite3.Connection,
    ) -> tuple[list[DeckCounts], dict[int, tuple[int, int]], frozenset[str]] | None:
        found = _counts_and_limits(conn, profile, now)
        if found is None:
            return None
        collapsed = frozenset(n for (n,) in conn.execute("SELECT name FROM decks WHERE collapsed"))
        return found[0], found[1], collapsed

    return _read_only(path, read)


def _read_only(path: Path, read: Callable[[sqlite3.Connection], T | None]) -> T | None:
    """``read`` over a read-only connection to the file; None when anything goes wrong."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        return read(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _counts_and_limits(
    conn: sqlite3.Connection, profile: str, now: datetime
) -> tuple[list[DeckCounts], dict[int, tuple[int, int]]] | None:
    """Each deck's own counts, and the new cards and reviews its limits still allow today."""
    rev = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if rev != [(HEAD_REVISION,)]:
        return None
    prof = conn.execute(
        "SELECT id, timezone, rollover_hour FROM profiles WHERE name = ?", (profile,)
    ).fetchone()
    if prof is None:
        return None
    pid, zone, rollover = prof
    clock = DayClock(local_zone(zone), rollover)
    today = clock.day(now)
    if conn.execute("SELECT 1 FROM decks WHERE extend_day = ? LIMIT 1", (today,)).fetchone():
        return None  # a limit raised by custom study today: the full path knows how
    decks = conn.execute("SELECT id, name, options FROM decks ORDER BY name").fetchall()
    for deck_id, _name, _options in decks:
        buried = conn.execute(
            "SELECT 1 FROM cards WHERE profile_id=? AND deck_id=? AND queue=-2 "
            "AND buried_until<=? LIMIT 1",
            (pid, deck_id, today),
        ).fetchone()
        if buried:
            return None  # the full path unburies first
    ahead = to_epoch(now + LEARN_AHEAD) + 1
    day_end = to_epoch(clock.next_day_start(now))
    done: dict[tuple[int, int], int] = {}
    for deck_id, state_before, n in conn.execute(count_sql.DONE_TODAY, (pid, today)):
        done[(deck_id, state_before)] = n
    out = []
    limits = {}
    for deck_id, name, options in decks:
        opts = json.loads(options or "{}")
        new_left = max(0, int(opts.get("new_per_day", 20)) - done.get((deck_id, 0), 0))
        rev_left = max(0, int(opts.get("reviews_per_day", 200)) - done.get((deck_id, 2), 0))
        limits[deck_id] = (new_left, rev_left)
        out.append(
            DeckCounts(
                deck_id,
                name,
                _count(conn, pid, deck_id, 0, None, new_left),
                _count(conn, pid, deck_id, 1, ahead, 100_000),
                _count(conn, pid, deck_id, 2, day_end, rev_left),
            )
        )
    return out, limits


def _count(
    conn: sqlite3.Connection, pid: int, deck_id: int, queue: int, before: int | None, cap: int
) -> int:
    if cap <= 0:
        return 0
    args = (pid, deck_id, queue, cap) if before is None else (pid, deck_id, queue, before, cap)
    return int(conn.execute(count_sql.bounded_count(before is not None), args).fetchone()[0])


def has_exam(path: Path) -> bool | None:
    """Whether any deck has an exam date (None when the file cannot be read)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute(
                "SELECT 1 FROM decks WHERE options LIKE '%\"exam_date\"%' LIMIT 1"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row is not None
