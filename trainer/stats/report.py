"""The statistics report: a handful of aggregate queries, then ``figures``.

Answers come from the daily roll-up (one row per deck and study day), cards
from grouped scans of the cards table; nothing reads the review log except the
per-section retention, which reads only the chosen range. Queries use
``+c.profile_id`` so SQLite scans the table instead of walking the queue index
row by row (several times faster for a whole-profile aggregate).

All SQL here is plain and portable (SQLite with math functions, PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from trainer.domain.clock import DayClock, to_epoch
from trainer.domain.model import DeckOptions
from trainer.scheduling import fsrs_adapter
from trainer.stats import figures
from trainer.stats.rollup import COUNTERS

DAY = 86400


def _case_bucket(expr: str, edges: Sequence[float]) -> str:
    parts = " ".join(f"WHEN {expr} < {e} THEN {i}" for i, e in enumerate(edges))
    return f"CASE {parts} ELSE {len(edges)} END"


def _expanding(sql: str, **names: str) -> Any:
    stmt = text(sql)
    return stmt.bindparams(*(bindparam(n, expanding=True) for n in names))


def _in(sql: str) -> Any:
    return _expanding(sql, decks="decks")


def rollup_by_day(
    conn: Connection, profile_id: int, deck_ids: Sequence[int]
) -> dict[int, dict[str, int]]:
    """Per study day: the kind counts, times and true-retention tallies over the decks."""
    cols = [c for c in COUNTERS if not c.startswith("h")]
    sums = ", ".join(f"SUM({c})" for c in cols)
    rows = conn.execute(
        _in(
            f"SELECT day, {sums} FROM review_days WHERE profile_id = :pid "
            "AND deck_id IN :decks GROUP BY day"
        ),
        {"pid": profile_id, "decks": list(deck_ids)},
    )
    return {r[0]: dict(zip(cols, (int(v or 0) for v in r[1:]), strict=True)) for r in rows}


def rollup_totals(
    conn: Connection, profile_id: int, deck_ids: Sequence[int], first_day: int | None
) -> dict[str, int]:
    """Buttons and hours summed over the range."""
    cols = [c for c in COUNTERS if c.startswith("h") or "_b" in c]
    sums = ", ".join(f"SUM({c})" for c in cols)
    since = "" if first_day is None else "AND day >= :first"
    row = conn.execute(
        _in(
            f"SELECT {sums} FROM review_days WHERE profile_id = :pid AND deck_id IN :decks {since}"
        ),
        {"pid": profile_id, "decks": list(deck_ids), "first": first_day or 0},
    ).one()
    return dict(zip(cols, (int(v or 0) for v in row), strict=True))


def card_counts(conn: Connection, profile_id: int, deck_ids: Sequence[int]) -> list[Any]:
    return list(
        conn.execute(
            _in(
                "SELECT state, queue, CASE WHEN state = 2 AND due - last_review >= :mature "
                "THEN 1 ELSE 0 END AS m, COUNT(*) FROM cards c WHERE +c.profile_id = :pid "
                "AND deck_id IN :decks GROUP BY state, queue, m"
            ),
            {"pid": profile_id, "decks": list(deck_ids), "mature": 21 * DAY - DAY // 2},
        )
    )


def future_due(
    conn: Connection, profile_id: int, deck_ids: Sequence[int], today_start: int
) -> tuple[list[Any], float]:
    """(day offset, cards) rows for scheduled cards, and Anki's daily load."""
    offset = (
        f"CASE WHEN due >= :start THEN (due - :start) / {DAY} "
        f"ELSE -1 - (:start - due - 1) / {DAY} END"
    )
    ivl = f"(due - last_review) / {DAY}.0"
    rows = list(
        conn.execute(
            _in(
                f"SELECT {offset} AS d, COUNT(*), SUM(1.0 / CASE WHEN {ivl} < 1 THEN 1 "
                f"ELSE {ivl} END) FROM cards c WHERE +c.profile_id = :pid AND deck_id IN :decks "
                "AND state != 0 AND queue NOT IN (-1, -3) GROUP BY d"
            ),
            {"pid": profile_id, "decks": list(deck_ids), "start": today_start},
        )
    )
    load = sum(float(r[2] or 0) for r in rows)
    return [(int(r[0]), int(r[1])) for r in rows], load


def memory_histograms(
    conn: Connection, profile_id: int, deck_ids: Sequence[int], now_s: int, decay: float
) -> dict[str, Any]:
    """Interval, stability, difficulty and retrievability buckets, and the sum of R."""
    edges = figures.INTERVAL_EDGES
    r_expr = f"POWER(1 + :factor * (CASE WHEN last_review > :now THEN 0 ELSE (:now - last_review) / {DAY} END) / stability, -:decay)"
    params = {
        "pid": profile_id,
        "decks": list(deck_ids),
        "now": now_s,
        "factor": fsrs_adapter.curve_factor(decay),
        "decay": decay,
    }
    base = (
        "FROM cards c WHERE +c.profile_id = :pid AND deck_id IN :decks AND state != 0 "
        "AND queue != -3 AND stability > 0 AND last_review IS NOT NULL"
    )
    ivl_b = _case_bucket(f"((due - last_review + {DAY // 2}) / {DAY})", edges)
    intervals = conn.execute(
        _in(f"SELECT {ivl_b} AS b, COUNT(*) {base} AND state = 2 GROUP BY b"), params
    )
    stab = conn.execute(
        _in(f"SELECT {_case_bucket('stability', edges)} AS b, COUNT(*) {base} GROUP BY b"), params
    )
    n_d = figures.DIFFICULTY_BUCKETS
    diff_b = f"CASE WHEN difficulty >= 10 THEN {n_d - 1} ELSE CAST(FLOOR((difficulty - 1) * {n_d} / 9.0) AS INTEGER) END"
    diff = conn.execute(_in(f"SELECT {diff_b} AS b, COUNT(*) {base} GROUP BY b"), params)
    n_r = figures.RETRIEVABILITY_BUCKETS
    ret = conn.execute(
        _in(
            f"SELECT CAST(FLOOR({r_expr} * {n_r}) AS INTEGER) AS b, COUNT(*), SUM({r_expr}) "
            f"{base} GROUP BY b"
        ),
        params,
    )
    r_counts: dict[int, int] = {}
    sum_r = 0.0
    n_cards = 0
    for b, n, s in ret:
        r_counts[min(int(b), n_r - 1)] = r_counts.get(min(int(b), n_r - 1), 0) + int(n)
        sum_r += float(s or 0)
        n_cards += int(n)
    ivl_labels = figures.bucket_labels(edges)
    return {
        "intervals": figures.histogram({int(b): int(n) for b, n in intervals}, ivl_labels),
        "stability": figures.histogram({int(b): int(n) for b, n in stab}, ivl_labels),
        "difficulty": figures.histogram(
            {max(0, int(b)): int(n) for b, n in diff},
            [f"{i * 100 // n_d}-{(i + 1) * 100 // n_d}%" for i in range(n_d)],
        ),
        "retrievability": figures.histogram(
            r_counts, [f"{i * 100 // n_r}-{(i + 1) * 100 // n_r}%" for i in range(n_r)]
        ),
        "knowledge": {
            "estimated_total": round(sum_r, 2),
            "cards": n_cards,
            "mean_retrievability": figures.ratio(sum_r, n_cards),
        },
    }


def groups(
    conn: Connection,
    profile_id: int,
    deck_ids: Sequence[int],
    now_s: int,
    decay: float,
    first_day: int | None,
) -> dict[str, Any]:
    """Per source section and tag: mean R of studied cards and retention in the range."""
    params = {
        "pid": profile_id,
        "decks": list(deck_ids),
        "now": now_s,
        "factor": fsrs_adapter.curve_factor(decay),
        "decay": decay,
        "first": first_day or 0,
    }
    r_expr = f"POWER(1 + :factor * (CASE WHEN c.last_review > :now THEN 0 ELSE (:now - c.last_review) / {DAY} END) / c.stability, -:decay)"
    studied = "c.state != 0 AND c.stability > 0 AND c.last_review IS NOT NULL"
    cards = conn.execute(
        _in(
            f"SELECT n.source_section, n.tags, COUNT(*), "
            f"SUM(CASE WHEN {studied} THEN 1 ELSE 0 END), "
            f"SUM(CASE WHEN {studied} THEN {r_expr} ELSE 0 END) "
            "FROM cards c JOIN notes n ON n.id = c.note_id "
            "WHERE +c.profile_id = :pid AND c.deck_id IN :decks AND c.queue != -3 "
            "GROUP BY n.source_section, n.tags"
        ),
        params,
    )
    since = "" if first_day is None else "AND r.day >= :first"
    reviews = conn.execute(
        _in(
            "SELECT n.source_section, n.tags, COUNT(*), SUM(CASE WHEN r.rating > 1 THEN 1 ELSE 0 END) "
            "FROM reviews r JOIN cards c ON c.id = r.card_id JOIN notes n ON n.id = c.note_id "
            f"WHERE r.profile_id = :pid AND r.deck_id IN :decks AND r.state_before = 2 {since} "
            "GROUP BY n.source_section, n.tags"
        ),
        params,
    )
    return figures.group_table(
        [(s, t, int(n), int(k or 0), float(r or 0)) for s, t, n, k, r in cards],
        [(s, t, int(n), int(p or 0)) for s, t, n, p in reviews],
    )


def build(
    conn: Connection,
    profile_id: int,
    deck_ids: Sequence[int],
    options: DeckOptions,
    clock: DayClock,
    now: datetime,
    range_name: str = "1m",
) -> dict[str, Any]:
    """Every figure for the decks, as one JSON-ready dict (see docs/stats.md)."""
    if range_name not in figures.RANGES:
        raise ValueError(f"range must be one of {', '.join(figures.RANGES)}")
    span = figures.RANGES[range_name]
    today = clock.day(now)
    first_day = None if span is None else today - span + 1
    now_s = to_epoch(now)
    decay = fsrs_adapter.decay_of(options)
    by_day = rollup_by_day(conn, profile_id, deck_ids)
    totals = rollup_totals(conn, profile_id, deck_ids, first_day)
    if span is None:
        span = today - min(by_day) + 1 if by_day else 1
        first_day = today - span + 1
    assert first_day is not None
    per_day = figures.reviews_per_day(by_day, first_day, today)
    due_rows, load = future_due(conn, profile_id, deck_ids, to_epoch(clock.day_start(today)))
    horizon = figures.RANGES[range_name]
    out: dict[str, Any] = {
        "today": figures.today_figure(by_day.get(today)),
        "future_due": figures.future_due(due_rows, horizon) | {"daily_load": round(load, 2)},
        "calendar": figures.calendar(by_day, today),
        "reviews": {"days": per_day, **figures.review_summary(per_day, span)},
        "card_counts": figures.card_counts(card_counts(conn, profile_id, deck_ids)),
    }
    out.update(memory_histograms(conn, profile_id, deck_ids, now_s, decay))
    out["hours"] = figures.hours(totals)
    out["buttons"] = figures.buttons(totals)
    out["true_retention"] = figures.true_retention(by_day, today)
    out.update(groups(conn, profile_id, deck_ids, now_s, decay, first_day))
    return out
