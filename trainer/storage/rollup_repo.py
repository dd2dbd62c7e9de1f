"""The daily roll-up: answers per (profile, deck, study day), kept as answers commit.

``record`` runs inside ``StudyService.answer``'s transaction and ``unrecord``
inside ``undo``'s, so the roll-up can never disagree with the review log it
summarises. Stores whose reviews were written some other way (bulk imports,
benchmarks, a store upgraded from an older schema) are caught by ``is_stale``
(the log holds more or fewer answers than the roll-up has counted, or a newer one)
and rebuilt from the log.

A second, narrower roll-up, ``review_groups``, counts answers on review cards
and how many passed per (profile, deck, study day, note section, note tags), for
the per-section and per-tag retention. It is written in the same transactions
and always rebuilt together with ``review_days``; answers are filed under the
section and tags the note had when answered (a rebuild files them under the
current ones).

Classification follows Anki's stats (rslib/src/stats/graphs):
- kind: ``learn`` (card was new or learning), ``relearn``, or a review split into
  ``young`` / ``mature`` on the interval the card had been scheduled (< or >= 21 days);
- buttons: learn and relearn answers share Anki's "learning" group;
- true retention counts an answer only when the card was in review state and
  this is its first answer of the study day (its last answer was on an earlier day).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from trainer.domain.clock import DayClock, from_epoch, local_zone, utc
from trainer.domain.model import Card, CardState, Rating
from trainer.storage.driver import DriverConn, driver_sql
from trainer.storage.records import ROLLUP_BUTTON_GROUPS, ROLLUP_COUNTERS, ROLLUP_KINDS

if TYPE_CHECKING:
    from sqlalchemy import Connection

MATURE_DAYS = 21
"""Anki's line between young and mature cards (interval in days)."""

KEY = ("profile_id", "deck_id", "day")
COUNTERS: tuple[str, ...] = ROLLUP_COUNTERS
_INDEX = {name: i for i, name in enumerate(COUNTERS)}


@dataclass(frozen=True, slots=True)
class Answer:
    """What the roll-up needs to know about one answer."""

    profile_id: int
    deck_id: int
    day: int
    hour: int
    """Local hour of the answer (0-23)."""
    rating: int
    duration_ms: int
    state_before: int
    last_interval: int
    """Days the card had been scheduled for when answered (review cards)."""
    first_of_day: bool
    """The card's previous answer was on an earlier study day."""


def contribution(a: Answer) -> dict[str, int]:
    """The counters one answer adds to its day's row."""
    state = CardState(a.state_before)
    mature = a.last_interval >= MATURE_DAYS
    if state in (CardState.NEW, CardState.LEARNING):
        kind, group = "learn", "learn"
    elif state is CardState.RELEARNING:
        kind, group = "relearn", "learn"
    else:
        kind = group = "mature" if mature else "young"
    passed = a.rating > int(Rating.AGAIN)
    out = {
        f"{kind}_n": 1,
        f"{kind}_ms": max(0, a.duration_ms),
        f"{group}_b{a.rating}": 1,
        f"h{a.hour:02d}": 1,
    }
    if passed:
        out[f"hp{a.hour:02d}"] = 1
    if state is CardState.REVIEW:  # every review answer, as Anki 26.9 counts them
        out[f"tr_{'mature' if mature else 'young'}_{'pass' if passed else 'fail'}"] = 1
    return out


def answer_of(
    clock: DayClock,
    profile_id: int,
    deck_id: int,
    before: Card,
    rating: int,
    at: datetime,
    duration_ms: int,
) -> Answer:
    at = utc(at)
    last_interval = 0
    first = True
    if before.last_review is not None:
        if before.due is not None:
            last_interval = round((before.due - before.last_review).total_seconds() / 86400)
        first = clock.day(before.last_review) < clock.day(at)
    return Answer(
        profile_id=profile_id,
        deck_id=deck_id,
        day=clock.day(at),
        hour=clock.local(at).hour,
        rating=int(rating),
        duration_ms=int(duration_ms),
        state_before=int(before.state),
        last_interval=last_interval,
        first_of_day=first,
    )


@cache
def _update_sql(names: tuple[str, ...], newest: bool, greatest: str) -> str:
    """``UPDATE review_days SET name = name + ?, …`` for one answer's counters."""
    sets = [f"{n} = {n} + ?" for n in names]
    if newest:
        sets.append(f"last_review_id = {greatest}(last_review_id, ?)")
    return (
        f"UPDATE review_days SET {', '.join(sets)} WHERE profile_id = ? AND deck_id = ? AND day = ?"
    )


_INSERT_DAY = (
    f"INSERT INTO review_days ({', '.join((*KEY, 'last_review_id', *COUNTERS))}) "
    f"VALUES ({', '.join('?' * (len(KEY) + 1 + len(COUNTERS)))})"
)


def _apply(conn: DriverConn, a: Answer, sign: int, review_id: int | None) -> None:
    delta = contribution(a)
    greatest = "max" if conn.dialect.name == "sqlite" else "greatest"
    sql = _update_sql(tuple(delta), review_id is not None, greatest)
    args: list[object] = [sign * n for n in delta.values()]
    if review_id is not None:
        args.append(review_id)
    args += (a.profile_id, a.deck_id, a.day)
    done = conn.exec_driver_sql(driver_sql(conn, sql), tuple(args)).rowcount
    if done == 0 and sign > 0:
        row = [0] * len(COUNTERS)
        for name, n in delta.items():
            row[_INDEX[name]] = n
        values = (a.profile_id, a.deck_id, a.day, review_id or 0, *row)
        conn.exec_driver_sql(driver_sql(conn, _INSERT_DAY), values)


def record(
    conn: DriverConn,
    clock: DayClock,
    profile_id: int,
    review_id: int,
    before: Card,
    rating: Rating,
    at: datetime,
    duration_ms: int = 0,
) -> None:
    """Fold one answer in (call inside the answering transaction)."""
    a = answer_of(clock, profile_id, before.deck_id, before, int(rating), at, duration_ms)
    _apply(conn, a, +1, review_id)
    if a.state_before == int(CardState.REVIEW):
        _apply_group(conn, a, before.id, +1)


_GROUP_OF = (
    "SELECT n.source_section, n.tags FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id = ?"
)
_GROUP_KEY = "profile_id = ? AND deck_id = ? AND day = ? AND section = ? AND tags = ?"
_GROUP_UPDATE = (
    f"UPDATE review_groups SET answers = answers + ?, passed = passed + ? WHERE {_GROUP_KEY}"
)
_GROUP_DROP = f"DELETE FROM review_groups WHERE {_GROUP_KEY} AND answers <= 0"
_GROUP_INSERT = (
    "INSERT INTO review_groups (profile_id, deck_id, day, section, tags, answers, passed) "
    "VALUES (?, ?, ?, ?, ?, 1, ?)"
)


def _group_of(conn: DriverConn, card_id: int) -> tuple[str, str] | None:
    row = conn.exec_driver_sql(driver_sql(conn, _GROUP_OF), (card_id,)).first()
    return None if row is None else (row[0] or "", row[1] or "")


def _apply_group(conn: DriverConn, a: Answer, card_id: int, sign: int) -> None:
    group = _group_of(conn, card_id)
    if group is None:
        return
    passed = 1 if a.rating > int(Rating.AGAIN) else 0
    key = (a.profile_id, a.deck_id, a.day, group[0], group[1])
    done = conn.exec_driver_sql(
        driver_sql(conn, _GROUP_UPDATE), (sign, sign * passed, *key)
    ).rowcount
    if sign < 0:  # an emptied row goes, as if the answer had never been
        conn.exec_driver_sql(driver_sql(conn, _GROUP_DROP), key)
    if done == 0 and sign > 0:
        conn.exec_driver_sql(driver_sql(conn, _GROUP_INSERT), (*key, passed))


def unrecord(conn: DriverConn, clock: DayClock, review_id: int) -> None:
    """Take an answer back out (call inside undo's transaction, before the row goes)."""
    sql = (
        "SELECT profile_id, deck_id, day, rating, reviewed_at, duration_ms, state_before, "
        "undo, card_id FROM reviews WHERE id = ?"
    )
    row = conn.exec_driver_sql(driver_sql(conn, sql), (review_id,)).first()
    if row is None:
        return
    snap = json.loads(row.undo or "{}").get("card", {})
    at = from_epoch(row.reviewed_at / 1000)
    last_interval, first = 0, True
    if snap.get("last_review"):
        last_interval = round((int(snap.get("due") or 0) - int(snap["last_review"])) / 86400)
        first = clock.day(from_epoch(snap["last_review"])) < row.day
    a = Answer(
        profile_id=row.profile_id,
        deck_id=row.deck_id,
        day=row.day,
        hour=clock.local(at).hour,
        rating=row.rating,
        duration_ms=row.duration_ms,
        state_before=row.state_before,
        last_interval=last_interval,
        first_of_day=first,
    )
    _apply(conn, a, -1, None)
    if a.state_before == int(CardState.REVIEW):
        _apply_group(conn, a, row.card_id, -1)


# -- rebuilding from the review log ----------------------------------------------------
_FOLDED = (
    "SELECT COALESCE(SUM(learn_n + relearn_n + young_n + mature_n), 0), "
    "COALESCE(MAX(last_review_id), 0) FROM review_days"
)
# Two statements on purpose: SQLite answers a lone count(*) from the smallest index and
# a lone max(id) from the primary key; asked together it aggregates every row.
_LOGGED = "SELECT COUNT(*) FROM reviews"
_NEWEST = "SELECT MAX(id) FROM reviews"


def is_stale(conn: DriverConn) -> bool:
    """True when the review log and the roll-up do not hold the same answers.

    Every answer adds one to exactly one of the four kind counters, so the
    roll-up's total is the number of answers folded in. A log with more rows
    (answers written in bulk: a history import, a benchmark) or fewer (answers
    removed with their cards) than that is out of step whatever its newest id:
    an answer given after a bulk import carries the newest id, and the imported
    rows below it have never been counted.
    """
    newest = conn.exec_driver_sql(_NEWEST).scalar()
    folded, seen = conn.exec_driver_sql(_FOLDED).one()
    if int(seen) < int(newest or 0):
        return True
    return int(conn.exec_driver_sql(_LOGGED).scalar_one()) != int(folded)


_HISTORY = (
    "SELECT profile_id, deck_id, day, rating, reviewed_at, duration_ms, state_before, id, "
    "LAG(interval_days) OVER w AS prev_interval, LAG(day) OVER w AS prev_day, card_id "
    "FROM reviews WINDOW w AS (PARTITION BY card_id ORDER BY reviewed_at, id)"
)


def rebuild(conn: Connection) -> int:
    """Recompute the whole roll-up from the review log; returns the rows written."""
    from sqlalchemy import delete, insert, select

    from trainer.storage.models import PROFILES, REVIEW_DAYS, REVIEW_GROUPS

    clocks = {
        r.id: DayClock(local_zone(r.timezone), r.rollover_hour)
        for r in conn.execute(select(PROFILES.c.id, PROFILES.c.timezone, PROFILES.c.rollover_hour))
    }
    acc: dict[tuple[int, int, int], list[int]] = {}
    newest: dict[tuple[int, int, int], int] = {}
    width = len(COUNTERS)
    hours_cache: dict[int, int] = {}
    group_of: dict[int, tuple[str, str]] = {}
    interned: dict[tuple[str, str], tuple[str, str]] = {}
    for cid, section, tags in conn.exec_driver_sql(_CARD_GROUPS):
        g = (section or "", tags or "")
        group_of[cid] = interned.setdefault(g, g)
    groups: dict[tuple[int, int, int, str, str], list[int]] = {}
    result = conn.exec_driver_sql(_HISTORY)
    for (
        pid,
        deck_id,
        day,
        rating,
        reviewed_ms,
        dur,
        state_before,
        rid,
        prev_ivl,
        prev_day,
        card_id,
    ) in result:
        # Local hour: cache per (profile, UTC hour) since zone conversion is the slow part.
        utc_hour = reviewed_ms // 3_600_000
        hkey = utc_hour * 64 + pid
        hour = hours_cache.get(hkey)
        if hour is None:
            clock = clocks.get(pid) or DayClock()
            hour = clock.local(from_epoch(utc_hour * 3600)).hour
            hours_cache[hkey] = hour
        a = Answer(
            pid,
            deck_id,
            day,
            hour,
            rating,
            dur,
            state_before,
            round(prev_ivl) if prev_ivl is not None else 0,
            prev_day is None or prev_day < day,
        )
        key = (pid, deck_id, day)
        row = acc.get(key)
        if row is None:
            row = acc[key] = [0] * width
            newest[key] = 0
        for name, n in contribution(a).items():
            row[_INDEX[name]] += n
        if state_before == 2:
            grp = group_of.get(card_id)
            if grp is not None:
                gkey = (pid, deck_id, day, grp[0], grp[1])
                tally = groups.get(gkey)
                if tally is None:
                    tally = groups[gkey] = [0, 0]
                tally[0] += 1
                if rating > 1:
                    tally[1] += 1
        if rid > newest[key]:
            newest[key] = rid
    conn.execute(delete(REVIEW_DAYS))
    batch = [
        {"profile_id": k[0], "deck_id": k[1], "day": k[2], "last_review_id": newest[k]}
        | dict(zip(COUNTERS, v, strict=True))
        for k, v in acc.items()
    ]
    for i in range(0, len(batch), 5000):
        conn.execute(insert(REVIEW_DAYS), batch[i : i + 5000])
    conn.execute(delete(REVIEW_GROUPS))
    rows = [
        {
            "profile_id": k[0],
            "deck_id": k[1],
            "day": k[2],
            "section": k[3],
            "tags": k[4],
            "answers": v[0],
            "passed": v[1],
        }
        for k, v in groups.items()
    ]
    for i in range(0, len(rows), 5000):
        conn.execute(insert(REVIEW_GROUPS), rows[i : i + 5000])
    return len(batch)


_CARD_GROUPS = "SELECT c.id, n.source_section, n.tags FROM cards c JOIN notes n ON n.id = c.note_id"


__all__ = [
    "COUNTERS",
    "MATURE_DAYS",
    "ROLLUP_BUTTON_GROUPS",
    "ROLLUP_KINDS",
    "Answer",
    "answer_of",
    "contribution",
    "is_stale",
    "rebuild",
    "record",
    "unrecord",
]
