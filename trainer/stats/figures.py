"""Pure figure-making over aggregated rows: no database, no clock.

The query module hands these functions small row sets (one per study day from
the roll-up, one per bucket from the cards table) and they assemble the figures
Anki's stats screen shows. Every function here is tested on hand-made rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from trainer.stats.types import (
    Bucket,
    ButtonCounts,
    CalendarDay,
    CardCounts,
    FutureDueCounts,
    GroupTable,
    HourFigure,
    Knowledge,
    MemoryHistograms,
    RetentionPeriod,
    ReviewDay,
    ReviewSummary,
    TodayFigure,
)
from trainer.storage.card_stats_sql import DIFFICULTY_BUCKET_COUNT, STABILITY_EDGES

KINDS = ("learn", "young", "mature", "relearn")
"""Answer kinds as the roll-up counts them."""
MATURE_DAYS = 21
"""Anki's line between young and mature cards (whole-day interval)."""

RANGES: dict[str, int | None] = {"1m": 30, "3m": 90, "1y": 365, "all": None}
"""Days in each range, as Anki's backend counts them (buttons, hours, answers)."""
REVIEW_GRAPH_DAYS: dict[str, int] = {"1m": 31}
"""Anki's reviews graph shows 31 days for "1 month" (its front end's choice)."""
"""``--range`` names and how many study days (today included) they cover."""

INTERVAL_EDGES = STABILITY_EDGES
"""Bucket edges (days) for the interval and stability histograms; bucket i is [e_i, e_i+1).
Their home is the index that groups cards by them (``storage.card_stats_sql``)."""
DIFFICULTY_BUCKETS = DIFFICULTY_BUCKET_COUNT
"""Difficulty shown as Anki does, (D - 1) / 9 as a percentage, in 10% buckets."""
RETRIEVABILITY_BUCKETS = 20
"""Retrievability in 5% buckets."""

PERIODS: tuple[tuple[str, int, int | None], ...] = (
    ("today", 0, 0),
    ("yesterday", 1, 1),
    ("week", 0, 6),
    ("month", 0, 29),
    ("year", 0, 364),
    ("all", 0, None),
)
"""True-retention periods as (name, newest days-ago, oldest days-ago or None for all)."""


def ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def bucket_labels(edges: Sequence[int]) -> list[str]:
    """Labels for [<e0, e0-e1, ..., >=en] buckets."""
    labels = [f"<{edges[0]}d"]
    for lo, hi in itertools.pairwise(edges):
        labels.append(f"{lo}d" if hi == lo + 1 else f"{lo}-{hi - 1}d")
    labels.append(f">={edges[-1]}d")
    return labels


def bucket_of(value: float, edges: Sequence[int]) -> int:
    """Index of ``value`` in the buckets ``bucket_labels(edges)`` names (Python mirror of the SQL)."""
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)


def histogram(counts: Mapping[int, int], labels: Sequence[str]) -> list[Bucket]:
    return [{"bucket": label, "count": int(counts.get(i, 0))} for i, label in enumerate(labels)]


def today_figure(row: Mapping[str, int] | None) -> TodayFigure:
    """Anki's "Today": answers, time, again count, kinds, correct rate on mature cards."""
    r = row or {}
    n = {k: int(r.get(f"{k}_n", 0)) for k in ("learn", "young", "mature", "relearn")}
    total = sum(n.values())
    again = sum(int(r.get(f"{g}_b1", 0)) for g in ("learn", "young", "mature"))
    mature_correct = sum(int(r.get(f"mature_b{b}", 0)) for b in (2, 3, 4))
    ms = sum(int(r.get(f"{k}_ms", 0)) for k in n)
    return {
        "reviews": total,
        "time_ms": ms,
        "again": again,
        "correct_rate": ratio(total - again, total),
        "learn": n["learn"],
        "review": n["young"] + n["mature"],
        "relearn": n["relearn"],
        "mature": n["mature"],
        "mature_correct": mature_correct,
        "mature_correct_rate": ratio(mature_correct, n["mature"]),
    }


def true_retention(
    by_day: Mapping[int, Mapping[str, int]], today: int
) -> dict[str, RetentionPeriod]:
    """The true-retention table: per period, young/mature/all passed, failed and rate."""
    out: dict[str, RetentionPeriod] = {}
    for name, newest, oldest in PERIODS:
        acc = {"young_pass": 0, "young_fail": 0, "mature_pass": 0, "mature_fail": 0}
        for day, row in by_day.items():
            ago = today - day
            if ago < newest or (oldest is not None and ago > oldest):
                continue
            for k in acc:
                acc[k] += int(row.get(f"tr_{k}", 0))
        yp, yf, mp, mf = (
            acc["young_pass"],
            acc["young_fail"],
            acc["mature_pass"],
            acc["mature_fail"],
        )
        out[name] = {
            "young": {"passed": yp, "failed": yf, "retention": ratio(yp, yp + yf)},
            "mature": {"passed": mp, "failed": mf, "retention": ratio(mp, mp + mf)},
            "all": {
                "passed": yp + mp,
                "failed": yf + mf,
                "retention": ratio(yp + mp, yp + yf + mp + mf),
            },
        }
    return out


def reviews_per_day(
    by_day: Mapping[int, Mapping[str, int]], first_day: int, today: int
) -> list[ReviewDay]:
    """Answers and time per day, split learn/young/mature/relearn (days with none omitted)."""
    out: list[ReviewDay] = []
    for day in sorted(by_day):
        if day < first_day or day > today:
            continue
        row = by_day[day]
        entry: dict[str, Any] = {"day": day - today}
        for k in ("learn", "young", "mature", "relearn"):
            entry[k] = int(row.get(f"{k}_n", 0))
            entry[f"{k}_ms"] = int(row.get(f"{k}_ms", 0))
        out.append(entry)  # type: ignore[arg-type]  # the keys are ReviewDay's
    return out


def review_summary(days: Sequence[Mapping[str, Any]], span: int) -> ReviewSummary:
    total = sum(d["learn"] + d["young"] + d["mature"] + d["relearn"] for d in days)
    studied = sum(1 for d in days if d["learn"] + d["young"] + d["mature"] + d["relearn"])
    ms = sum(d["learn_ms"] + d["young_ms"] + d["mature_ms"] + d["relearn_ms"] for d in days)
    return {
        "total": total,
        "time_ms": ms,
        "days_studied": studied,
        "days_in_range": span,
        "average_per_studied_day": ratio(total, studied),
        "average_per_day": ratio(total, span),
    }


def calendar(by_day: Mapping[int, Mapping[str, int]], today: int) -> list[CalendarDay]:
    """Answers per study day for the last 365 days (days with none omitted)."""
    out: list[CalendarDay] = []
    for day in sorted(by_day):
        if today - 364 <= day <= today:
            row = by_day[day]
            n = sum(int(row.get(f"{k}_n", 0)) for k in ("learn", "young", "mature", "relearn"))
            if n:
                out.append({"day": day - today, "reviews": n})
    return out


def hours(totals: Mapping[str, int]) -> list[HourFigure]:
    """Answers and success rate per local hour."""
    out: list[HourFigure] = []
    for h in range(24):
        n = int(totals.get(f"h{h:02d}", 0))
        p = int(totals.get(f"hp{h:02d}", 0))
        out.append({"hour": h, "reviews": n, "correct": p, "correct_rate": ratio(p, n)})
    return out


def buttons(totals: Mapping[str, int]) -> dict[str, ButtonCounts]:
    """Answer-button counts per group (learning, young, mature), with the correct rate."""
    out: dict[str, ButtonCounts] = {}
    for g in ("learn", "young", "mature"):
        counts = [int(totals.get(f"{g}_b{b}", 0)) for b in range(1, 5)]
        n = sum(counts)
        out[g] = {
            "again": counts[0],
            "hard": counts[1],
            "good": counts[2],
            "easy": counts[3],
            "correct_rate": ratio(n - counts[0], n),
        }
    return out


def card_counts(rows: Iterable[tuple[int, int, bool, int]]) -> CardCounts:
    """Anki's card counts from ``(state, queue, mature, n)`` rows.

    Suspended, buried and retired cards are counted in their own groups and not
    again under their state, as Anki does with "separate suspended/buried".
    """
    out = dict.fromkeys(
        ("new", "learning", "relearning", "young", "mature", "suspended", "buried", "retired"), 0
    )
    for state, queue, mature, n in rows:
        if queue == -1:
            key = "suspended"
        elif queue == -2:
            key = "buried"
        elif queue == -3:
            key = "retired"
        elif state == 0:
            key = "new"
        elif state == 1:
            key = "learning"
        elif state == 3:
            key = "relearning"
        else:
            key = "mature" if mature else "young"
        out[key] += int(n)
    out["total"] = sum(out.values())
    return out  # type: ignore[return-value]  # exactly CardCounts' keys


IntervalRow = tuple[int, int, int | None, int]
"""(state, queue, whole-day interval or None when never reviewed, cards)."""


def counts_with_maturity(rows: Iterable[IntervalRow]) -> list[tuple[int, int, bool, int]]:
    """``card_counts`` rows from interval rows (mature: review card, interval >= 21 days)."""
    return [
        (state, queue, state == 2 and ivl is not None and ivl >= MATURE_DAYS, n)
        for state, queue, ivl, n in rows
    ]


def interval_histogram(rows: Iterable[IntervalRow]) -> list[Bucket]:
    """Review cards (not retired) by whole-day interval bucket."""
    counts: dict[int, int] = {}
    for state, queue, ivl, n in rows:
        if state == 2 and queue != -3 and ivl is not None:
            b = bucket_of(ivl, INTERVAL_EDGES)
            counts[b] = counts.get(b, 0) + n
    return histogram(counts, bucket_labels(INTERVAL_EDGES))


def daily_load(rows: Iterable[IntervalRow]) -> int:
    """Anki's daily load: sum of 1 / interval (whole days, at least 1) over scheduled
    cards, buried ones included (suspended and retired left out), rounded to a count."""
    load = 0.0
    for state, queue, ivl, n in rows:
        if state != 0 and queue not in (-1, -3) and ivl is not None:
            load += n / max(1, ivl)
    return round(load)


def memory_histograms(
    rows: Iterable[tuple[int, int | None, int | None, int]],
) -> MemoryHistograms:
    """Stability, difficulty and retrievability histograms from
    (stability bucket, difficulty bucket, R bucket, cards) rows."""
    stab: dict[int, int] = {}
    diff: dict[int, int] = {}
    ret: dict[int, int] = {}
    for sb, db, rb, n in rows:
        stab[sb] = stab.get(sb, 0) + n
        diff[db or 0] = diff.get(db or 0, 0) + n
        ret[rb or 0] = ret.get(rb or 0, 0) + n
    return memory_histograms_of(stab, diff, ret)


def memory_histograms_of(
    stability: Mapping[int, int], difficulty: Mapping[int, int], retrievability: Mapping[int, int]
) -> MemoryHistograms:
    """The three histograms from cards per stability, difficulty and R bucket (each a
    count of the same studied cards); difficulty and R buckets outside the range are
    counted in the first or last."""
    n_d, n_r = DIFFICULTY_BUCKETS, RETRIEVABILITY_BUCKETS
    diff: dict[int, int] = {}
    for db, n in difficulty.items():
        d = min(n_d - 1, max(0, db))
        diff[d] = diff.get(d, 0) + n
    ret: dict[int, int] = {}
    for rb, n in retrievability.items():
        r = min(n_r - 1, max(0, rb))
        ret[r] = ret.get(r, 0) + n
    return {
        "stability": histogram(stability, bucket_labels(INTERVAL_EDGES)),
        "difficulty": histogram(
            diff, [f"{i * 100 // n_d}-{(i + 1) * 100 // n_d}%" for i in range(n_d)]
        ),
        "retrievability": histogram(
            ret, [f"{i * 100 // n_r}-{(i + 1) * 100 // n_r}%" for i in range(n_r)]
        ),
    }


def knowledge(groups: Iterable[tuple[str, str, int, int, float]]) -> Knowledge:
    """Estimated total knowledge from the per-group rows (each card is in one group row)."""
    rows = list(groups)
    return knowledge_of([sum_r for *_g, sum_r in rows], sum(studied for *_g, studied, _r in rows))


def knowledge_of(sums_of_r: Iterable[float], cards: int) -> Knowledge:
    """Estimated total knowledge: the sum of R now over ``cards`` studied cards, given
    as partial sums (per group, per R bucket)."""
    total = 0.0
    for sum_r in sums_of_r:
        total += sum_r
    return {
        "estimated_total": round(total, 2),
        "cards": cards,
        "mean_retrievability": ratio(total, cards),
    }


def future_due(rows: Iterable[tuple[int, int]], horizon: int | None) -> FutureDueCounts:
    """Cards due per day from today (0 = today; overdue cards count on day 0)."""
    per_day: dict[int, int] = {}
    overdue = 0
    for offset, n in rows:
        if offset < 0:
            overdue += int(n)
            offset = 0
        if horizon is not None and offset >= horizon:
            continue
        per_day[offset] = per_day.get(offset, 0) + int(n)
    total = sum(per_day.values())
    return {
        "days": [{"day": d, "due": per_day[d]} for d in sorted(per_day)],
        "total": total,
        "overdue": overdue,
        "due_tomorrow": per_day.get(1, 0),
        "average_per_day": ratio(total, horizon or (max(per_day) + 1 if per_day else 0)),
    }


def group_table(
    cards: Iterable[tuple[str, str, int, int, float]],
    reviews: Iterable[tuple[str, str, int, int]],
) -> GroupTable:
    """By source section and by tag: cards, studied, mean R, answers, retention.

    ``cards`` rows are (section, tags, cards, studied cards, sum of R);
    ``reviews`` rows are (section, tags, review-card answers, passed). A note's
    tags string is Anki's " a b "; a card counts under every tag it has.
    """
    acc: dict[tuple[str, str], list[Any]] = {}

    def add(kind: str, name: str, idx: int, value: float) -> None:
        row = acc.setdefault((kind, name), [0, 0, 0.0, 0, 0])
        row[idx] += value

    for section, tags, n, studied, sum_r in cards:
        for kind, name in [("section", section or "")] + [("tag", t) for t in (tags or "").split()]:
            add(kind, name, 0, n)
            add(kind, name, 1, studied)
            add(kind, name, 2, sum_r or 0.0)
    for section, tags, n, passed in reviews:
        for kind, name in [("section", section or "")] + [("tag", t) for t in (tags or "").split()]:
            add(kind, name, 3, n)
            add(kind, name, 4, passed)
    out: GroupTable = {"sections": [], "tags": []}
    for (kind, name), (n, studied, sum_r, answers, passed) in acc.items():
        out["sections" if kind == "section" else "tags"].append(
            {
                "name": name,
                "cards": int(n),
                "studied": int(studied),
                "mean_retrievability": ratio(sum_r, studied),
                "reviews": int(answers),
                "retention": ratio(passed, answers),
            }
        )
    for rows in (out["sections"], out["tags"]):
        rows.sort(key=lambda r: (r["mean_retrievability"] is None, r["mean_retrievability"] or 0))
    return out
