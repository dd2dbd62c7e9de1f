"""The statistics report's queries: a handful of aggregates over the roll-ups and cards.

Answers come from the roll-ups (``review_days``: one row per deck and study
day; ``review_groups``: review-card answers per deck, day, section and tags);
nothing reads the review log. Cards come from four grouped reads of the cards
table, each grouping on small integer keys (whole-day intervals, bucket
numbers) that ``trainer.stats.figures`` folds into the figures:

- state, queue, whole-day interval, stability and difficulty buckets, read in
  order off ``ix_cards_stats`` (schema 0011, no sort, no card row): card counts,
  the interval histogram, daily load, the stability and difficulty histograms;
- due day: future due (only cards due within the range's horizon);
- retrievability bucket: the R histogram;
- note group (``cards.group_id``, schema 0012, read in order off ``ix_cards_group``:
  no note, no sort): cards, studied, sum of R per (section, tags), which give the
  sections and tags table and the estimated total knowledge.

The scans that compute R use ``+c.profile_id`` so SQLite scans the table instead
of walking the queue index row by row (several times faster for a whole-profile
aggregate),
and skip the deck filter when every deck is wanted (``deck_ids`` None). Days
are the stored study days (``reviews.day`` / roll-up days), never 24-hour
periods computed in SQL, so DST changes cannot shift them.

All SQL here is plain and portable (SQLite with math functions, PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, text

from trainer.storage.card_stats_sql import DAY, STATS_INDEX_SQL
from trainer.storage.models import DECKS, REVIEWS, ROLLUP_KINDS
from trainer.storage.rollup_repo import COUNTERS
from trainer.storage.studydays import StudyDays

DeckIds = Sequence[int] | None
"""The decks to count, or None for every deck of the profile (no deck filter)."""

KIND_COLUMNS = [f"{k}_{m}" for k in ROLLUP_KINDS for m in ("n", "ms")]
"""Per-kind answer counts and milliseconds (``learn_n``, ``learn_ms``, ...)."""
TR_COLUMNS = [c for c in COUNTERS if c.startswith("tr_")]
BUTTON_COLUMNS = [c for c in COUNTERS if "_b" in c]
HOUR_COLUMNS = [c for c in COUNTERS if c.startswith("h")]


def _run(
    conn: Connection, sql: str, deck_ids: DeckIds, params: dict[str, Any], col: str = "deck_id"
) -> Any:
    """Execute ``sql`` with ``{decks}`` replaced by the deck filter (or nothing) and
    ``{profile}`` by ``profile_id``, written ``+profile_id`` for every deck: the roll-ups'
    primary keys start (profile, deck, day), and for a whole profile SQLite reads the
    table straight through faster than it walks that key and looks up each row."""
    if deck_ids is None:
        sql = sql.replace("{profile}", "+profile_id")
        return conn.execute(text(sql.replace("{decks}", "")), params)
    sql = sql.replace("{profile}", "profile_id")
    stmt = text(sql.replace("{decks}", f"AND {col} IN :decks")).bindparams(
        bindparam("decks", expanding=True)
    )
    return conn.execute(stmt, {**params, "decks": list(deck_ids) or [-1]})


def _sums(cols: Sequence[str]) -> str:
    return ", ".join(f"SUM({c})" for c in cols)


def _ints(cols: Sequence[str], values: Sequence[Any]) -> dict[str, int]:
    return dict(zip(cols, (int(v or 0) for v in values), strict=True))


def rollup_by_day(
    conn: Connection, profile_id: int, deck_ids: DeckIds
) -> dict[int, dict[str, int]]:
    """Per study day: the kind counts, times and true-retention tallies over the decks."""
    cols = KIND_COLUMNS + TR_COLUMNS
    rows = _run(
        conn,
        f"SELECT day, {_sums(cols)} FROM review_days WHERE {{profile}} = :pid {{decks}} "
        "GROUP BY day",
        deck_ids,
        {"pid": profile_id},
    )
    return {int(r[0]): _ints(cols, r[1:]) for r in rows}


def rollup_day(conn: Connection, profile_id: int, deck_ids: DeckIds, day: int) -> dict[str, int]:
    """Every counter of one study day (today's figure needs the buttons too)."""
    cols = KIND_COLUMNS + TR_COLUMNS + BUTTON_COLUMNS
    row = _run(
        conn,
        f"SELECT {_sums(cols)} FROM review_days WHERE profile_id = :pid AND day = :day {{decks}}",
        deck_ids,
        {"pid": profile_id, "day": day},
    ).one()
    return _ints(cols, row)


def rollup_totals(
    conn: Connection, profile_id: int, deck_ids: DeckIds, first_day: int | None
) -> dict[str, int]:
    """Buttons and hours summed over the range."""
    cols = HOUR_COLUMNS + BUTTON_COLUMNS
    since = "" if first_day is None else "AND day >= :first"
    row = _run(
        conn,
        f"SELECT {_sums(cols)} FROM review_days WHERE {{profile}} = :pid {since} {{decks}}",
        deck_ids,
        {"pid": profile_id, "first": first_day or 0},
    ).one()
    return _ints(cols, row)


_K = 1_000_000
"""Radix for packing several small integers into one GROUP BY key: SQLite sorts a
single integer key much faster than a record of several columns."""


CardBuckets = list[tuple[int, int, int | None, int, int | None, int]]
"""(state, queue, whole-day interval or None, stability bucket or -1, difficulty
bucket or None, cards)."""


def card_buckets(conn: Connection, profile_id: int, deck_ids: DeckIds) -> CardBuckets:
    """Cards grouped by everything about them that does not move with time: state,
    queue, whole-day interval, stability and difficulty buckets (``ix_cards_stats``)."""
    keys = ", ".join(STATS_INDEX_SQL[1:6])
    rows = _run(
        conn,
        f"SELECT {keys}, COUNT(*) FROM cards WHERE profile_id = :pid {{decks}} GROUP BY {keys}",
        deck_ids,
        {"pid": profile_id},
    )
    return [
        (
            int(state),
            int(queue),
            None if ivl is None else int(ivl),
            int(sb),
            None if db is None else int(db),
            int(n),
        )
        for state, queue, ivl, sb, db, n in rows
    ]


def card_intervals(buckets: CardBuckets) -> list[tuple[int, int, int | None, int]]:
    """(state, queue, whole-day interval or None, cards) from ``card_buckets`` rows.

    An interval of -1 day counts as none, as the packed key these rows replaced
    read it (a card due more than a day before its last answer: none in practice).
    """
    out: dict[tuple[int, int, int | None], int] = {}
    for state, queue, ivl, _sb, _db, n in buckets:
        key = (state, queue, None if ivl == -1 else ivl)
        out[key] = out.get(key, 0) + n
    return [(*k, n) for k, n in sorted(out.items(), key=lambda kv: _interval_order(kv[0]))]


def _interval_order(key: tuple[int, int, int | None]) -> tuple[int, int]:
    state, queue, ivl = key
    return ((state * 8 + queue + 3), -1 if ivl is None else ivl)


def memory_buckets(buckets: CardBuckets) -> tuple[dict[int, int], dict[int, int]]:
    """Studied, unretired cards per stability bucket and per difficulty bucket (None
    counted as bucket 0), from ``card_buckets`` rows."""
    stability: dict[int, int] = {}
    difficulty: dict[int, int] = {}
    for state, queue, ivl, sb, db, n in buckets:
        if state == 0 or sb < 0 or ivl is None or queue == -3:
            continue
        stability[sb] = stability.get(sb, 0) + n
        d = db or 0
        difficulty[d] = difficulty.get(d, 0) + n
    return stability, difficulty


def queue_counts(conn: Connection, profile_id: int, deck_ids: DeckIds) -> dict[int, int]:
    """Cards per queue, counted on the queue index alone (no card row is read)."""
    rows = _run(
        conn,
        "SELECT queue, COUNT(*) FROM cards c WHERE c.profile_id = :pid {decks} GROUP BY queue",
        deck_ids,
        {"pid": profile_id},
    )
    return {int(q): int(n) for q, n in rows}


def future_due(
    conn: Connection,
    profile_id: int,
    deck_ids: DeckIds,
    days: StudyDays,
    horizon: int | None,
) -> list[tuple[int, int]]:
    """(study-day offset from today, or -1 when overdue; cards) for scheduled cards due
    within ``horizon`` study days.

    Study days are the clock's, DST changes included (``StudyDays``). Learning and
    review queues hold only studied cards, so their part is read from the queue
    index alone (profile, deck, queue, due); buried cards are few and are checked
    against the table for a memory state.
    """
    offset = f"CASE WHEN due < :start THEN -1 ELSE {days.sql_offset('due')} END"
    until = "" if horizon is None else "AND due < :end"
    params = {"pid": profile_id, "start": days.start}
    if horizon is not None:
        params["end"] = days.start_of(horizon)
    out: dict[int, int] = {}
    for sql in (
        f"SELECT {offset} AS d, COUNT(*) FROM cards c WHERE c.profile_id = :pid {{decks}} "
        f"AND queue IN (1, 2) {until} GROUP BY d",
        f"SELECT {offset} AS d, COUNT(*) FROM cards c WHERE c.profile_id = :pid {{decks}} "
        f"AND queue = -2 AND state != 0 {until} GROUP BY d",
    ):
        for d, n in _run(conn, sql, deck_ids, params):
            out[int(d)] = out.get(int(d), 0) + int(n)
    return sorted(out.items())


def _r_expr(prefix: str = "") -> str:
    """FSRS-6 retrievability now, with the fractional days since the last answer (as
    Anki's statistics compute it; the scheduler itself counts study days)."""
    lr, st = f"{prefix}last_review", f"{prefix}stability"
    return (
        f"POWER(1 + :factor * (CASE WHEN {lr} > :now THEN 0 ELSE (:now - {lr}) / {DAY}.0 END) "
        f"/ {st}, -:decay)"
    )


STUDIED = "c.state != 0 AND c.stability > 0 AND c.last_review IS NOT NULL"
"""Cards with a memory state (the ones stability, difficulty and R describe)."""


@dataclass(frozen=True, slots=True)
class Curve:
    """What the retrievability scans need: the time, FSRS's forgetting curve, the buckets."""

    now_s: int
    decay: float
    factor: float
    """FSRS's curve factor for ``decay``."""
    retrievability_buckets: int

    def params(self) -> dict[str, Any]:
        return {"now": self.now_s, "factor": self.factor, "decay": self.decay}


RecallRows = list[tuple[int, int, float]]
"""(retrievability bucket, cards, sum of R now: 0.0 when not asked for)."""
GroupCards = list[tuple[str, str, int, int, float]]
"""(section, tags, cards, studied cards, sum of R now) per note group."""


def recall(
    conn: Connection, profile_id: int, deck_ids: DeckIds, curve: Curve, sums: bool = False
) -> RecallRows:
    """Studied, unretired cards per retrievability bucket now: the histogram of the
    memory figure that moves with time (stability and difficulty come from
    ``card_buckets``). With ``sums``, each bucket's sum of R too: the estimated total
    knowledge when the report is built without ``group_cards`` (the screen's first
    step); otherwise the knowledge comes from ``group_cards``."""
    n_r = curve.retrievability_buckets
    # R is in (0, 1], so TRUNC is FLOOR here; SQLAlchemy's SQLite connections replace
    # FLOOR with a Python function called once per card.
    r_b = f"CAST(TRUNC({_r_expr('c.')} * {n_r}) AS INTEGER)"
    summed = f", SUM({_r_expr('c.')})" if sums else ", 0.0"
    rows = _run(
        conn,
        f"SELECT {r_b} AS k, COUNT(*){summed} FROM cards c "
        f"WHERE +c.profile_id = :pid {{decks}} AND {STUDIED} AND c.queue != -3 GROUP BY k",
        deck_ids,
        {"pid": profile_id, **curve.params()},
    )
    return [(int(k), int(n), float(r or 0)) for k, n, r in rows]


def _group_sums(select: str) -> str:
    return (
        f"SELECT {select}, COUNT(*), SUM(CASE WHEN {STUDIED} THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN {STUDIED} THEN {_r_expr('c.')} ELSE 0 END) "
    )


def group_cards(conn: Connection, profile_id: int, deck_ids: DeckIds, curve: Curve) -> GroupCards:
    """(section, tags, cards, studied cards, sum of R now) per note group, retired cards
    left out, in (section, tags) order.

    The cards are read per ``cards.group_id`` off ``ix_cards_group`` (no note, no sort;
    ``card_groups``); a card without a group (written by other means since the last
    ``card_groups.fill``) is counted under its note's section and tags all the same.
    """
    params = {"pid": profile_id, **curve.params()}
    rows = _run(
        conn,
        _group_sums("c.group_id")
        + "FROM cards c WHERE +c.profile_id = :pid {decks} AND c.queue != -3 GROUP BY c.group_id",
        deck_ids,
        params,
    ).all()
    names = {
        int(g): (s, t)
        for g, s, t in conn.execute(text("SELECT id, section, tags FROM note_groups"))
    }
    out: dict[tuple[str, str], tuple[int, int, float]] = {}
    loose = False
    for gid, n, k, r in rows:
        if gid is None or int(gid) not in names:
            loose = True
            continue
        out[names[int(gid)]] = (int(n), int(k or 0), float(r or 0))
    if loose:
        for s, t, n, k, r in _run(
            conn,
            _group_sums("n.source_section, n.tags")
            + "FROM cards c JOIN notes n ON n.id = c.note_id "
            "WHERE +c.profile_id = :pid {decks} AND c.queue != -3 AND (c.group_id IS NULL "
            "OR NOT EXISTS (SELECT 1 FROM note_groups g WHERE g.id = c.group_id)) "
            "GROUP BY n.source_section, n.tags",
            deck_ids,
            params,
            col="c.deck_id",
        ):
            key = (s or "", t or "")
            n0, k0, r0 = out.get(key, (0, 0, 0.0))
            out[key] = (n0 + int(n), k0 + int(k or 0), r0 + float(r or 0))
    return [(s, t, *v) for (s, t), v in sorted(out.items())]


def group_answers(
    conn: Connection, profile_id: int, deck_ids: DeckIds, first_day: int | None
) -> list[tuple[str, str, int, int]]:
    """(section, tags, review-card answers, passed) in the range, from the group roll-up."""
    since = "" if first_day is None else "AND day >= :first"
    rows = _run(
        conn,
        "SELECT section, tags, SUM(answers), SUM(passed) FROM review_groups "
        f"WHERE {{profile}} = :pid {since} {{decks}} GROUP BY section, tags",
        deck_ids,
        {"pid": profile_id, "first": first_day or 0},
    )
    return [(s or "", t or "", int(n or 0), int(p or 0)) for s, t, n, p in rows]


def fingerprint(conn: Connection) -> tuple[Any, ...]:
    """What a cached report depends on: the newest answer (id and time) and the decks."""
    last = conn.execute(
        select(REVIEWS.c.id, REVIEWS.c.reviewed_at).order_by(REVIEWS.c.id.desc()).limit(1)
    ).first()
    decks = conn.execute(select(func.count(), func.max(DECKS.c.modified_at))).first()
    return (tuple(last) if last else None, tuple(decks) if decks else None)
