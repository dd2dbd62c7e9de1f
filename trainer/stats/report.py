"""The statistics report: the queries in ``storage.report_repo``, then ``figures``.

See ``trainer.storage.report_repo`` for what each query reads; everything here is
the figures (docs/stats.md) made from their rows.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection

from trainer.domain.clock import DayClock, to_epoch
from trainer.domain.model import DeckOptions
from trainer.scheduling import fsrs_adapter
from trainer.stats import figures
from trainer.stats.types import (
    FirstView,
    FutureDue,
    GroupTable,
    QueueCounts,
    ReportMeta,
    ReviewDay,
    Reviews,
    StatsReport,
)
from trainer.storage import report_repo
from trainer.storage.report_repo import Curve, DeckIds, GroupCards, RecallRows
from trainer.storage.studydays import StudyDays


def curve(options: DeckOptions, now_s: int) -> Curve:
    """The retrievability scans' parameters for the options' FSRS weights at ``now_s``."""
    decay = fsrs_adapter.decay_of(options)
    return Curve(
        now_s=now_s,
        decay=decay,
        factor=fsrs_adapter.curve_factor(decay),
        retrievability_buckets=figures.RETRIEVABILITY_BUCKETS,
    )


def build(
    conn: Connection,
    profile_id: int,
    deck_ids: DeckIds,
    options: DeckOptions,
    clock: DayClock,
    now: datetime,
    range_name: str = "1m",
    *,
    meta: ReportMeta,
    sections: bool = True,
    groups: GroupCards | None = None,
    recall_future: Future[RecallRows] | None = None,
) -> StatsReport:
    """Every figure for the decks (see docs/stats.md), under ``meta``.

    With ``sections`` False the per-section and per-tag table (``group_table``) is left
    empty, to be filled in by ``with_sections``, and no group is read: the estimated
    total knowledge comes from the recall scan's sums of R (the screen's first step
    stays one card scan shorter). With ``sections``, ``groups`` are
    ``report_repo.group_cards``'s rows when already read (read here otherwise): they
    give the table and the knowledge, and the recall scan only counts.
    ``recall_future``, when given, is ``report_repo.recall`` already running on
    another connection (see ``StatsService``), asked for sums exactly when
    ``sections`` is False.
    """
    common = _rollup_reads(conn, profile_id, deck_ids, clock, now, range_name)
    today, by_day, per_day, shown = common.today, common.by_day, common.per_day, common.shown
    first_day = today - common.span + 1
    every_day = figures.RANGES[range_name] is None
    totals = report_repo.rollup_totals(conn, profile_id, deck_ids, None if every_day else first_day)
    horizon = common.horizon
    buckets = report_repo.card_buckets(conn, profile_id, deck_ids)
    counts = report_repo.card_intervals(buckets)
    future: FutureDue = {
        **figures.future_due(common.due_rows, horizon),
        "daily_load": figures.daily_load(counts),
    }
    reviews: Reviews = {"days": per_day, **figures.review_summary(per_day, shown)}
    if sections and groups is None:
        groups = report_repo.group_cards(conn, profile_id, deck_ids, curve(options, to_epoch(now)))
    recall = (
        recall_future.result()
        if recall_future is not None
        else report_repo.recall(
            conn, profile_id, deck_ids, curve(options, to_epoch(now)), sums=groups is None
        )
    )
    stability, difficulty = report_repo.memory_buckets(buckets)
    histograms = figures.memory_histograms_of(stability, difficulty, {b: n for b, n, _r in recall})
    table: GroupTable = {"sections": [], "tags": []}
    if sections:
        table = group_table(conn, profile_id, deck_ids, options, now, first_day, groups)
    return StatsReport(
        meta=meta,
        today=figures.today_figure(common.today_row),
        future_due=future,
        calendar=figures.calendar(by_day, today),
        reviews=reviews,
        card_counts=figures.card_counts(figures.counts_with_maturity(counts)),
        intervals=figures.interval_histogram(counts),
        stability=histograms["stability"],
        difficulty=histograms["difficulty"],
        retrievability=histograms["retrievability"],
        knowledge=figures.knowledge(groups)
        if groups is not None
        else figures.knowledge_of([r for _b, _n, r in recall], sum(n for _b, n, _r in recall)),
        hours=figures.hours(totals),
        buttons=figures.buttons(totals),
        true_retention=figures.true_retention(by_day, today),
        sections=table["sections"],
        tags=table["tags"],
    )


def first_day_of(report: StatsReport, clock: DayClock, now: datetime) -> int:
    """The first study day of ``report``'s range (what ``build`` counted answers from)."""
    span = figures.RANGES[report.meta["range"]] or report.reviews["days_in_range"]
    return clock.day(now) - span + 1


def group_table(
    conn: Connection,
    profile_id: int,
    deck_ids: DeckIds,
    options: DeckOptions,
    now: datetime,
    first_day: int,
    cards: GroupCards | None = None,
) -> GroupTable:
    """The per-section and per-tag table: cards, studied, mean recall now (``cards``,
    when already read, else ``report_repo.group_cards``) and the range's answers."""
    if cards is None:
        cards = report_repo.group_cards(conn, profile_id, deck_ids, curve(options, to_epoch(now)))
    answers = report_repo.group_answers(conn, profile_id, deck_ids, first_day)
    return figures.group_table(cards, answers)


def with_sections(report: StatsReport, table: GroupTable) -> StatsReport:
    """``report`` (built without sections) with its per-section and per-tag table."""
    return replace(report, sections=table["sections"], tags=table["tags"])


def first_view(
    conn: Connection,
    profile_id: int,
    deck_ids: DeckIds,
    clock: DayClock,
    now: datetime,
    range_name: str = "1m",
    *,
    meta: ReportMeta,
) -> FirstView:
    """The figures :func:`build` makes from the roll-up (today, answers, true
    retention) and the due forecast, with cards counted per queue on the queue
    index: four indexed reads, no scan of the cards table."""
    common = _rollup_reads(conn, profile_id, deck_ids, clock, now, range_name)
    by_queue = report_repo.queue_counts(conn, profile_id, deck_ids)
    queues: QueueCounts = {
        "new": by_queue.get(0, 0),
        "learning": by_queue.get(1, 0),
        "review": by_queue.get(2, 0),
        "suspended": by_queue.get(-1, 0),
        "buried": by_queue.get(-2, 0),
        "retired": by_queue.get(-3, 0),
        "total": sum(by_queue.values()),
    }
    return FirstView(
        meta=meta,
        today=figures.today_figure(common.today_row),
        future_due=figures.future_due(common.due_rows, common.horizon),
        reviews={"days": common.per_day, **figures.review_summary(common.per_day, common.shown)},
        true_retention=figures.true_retention(common.by_day, common.today),
        queues=queues,
    )


@dataclass(frozen=True, slots=True)
class _RollupReads:
    """What the whole report and the first view both read from the roll-up and the
    due forecast, for one range."""

    today: int
    span: int
    """Days in the range (for all time: since the first day with answers)."""
    horizon: int | None
    by_day: dict[int, dict[str, int]]
    shown: int
    per_day: list[ReviewDay]
    today_row: dict[str, int] | None
    due_rows: list[tuple[int, int]]


def _rollup_reads(
    conn: Connection,
    profile_id: int,
    deck_ids: DeckIds,
    clock: DayClock,
    now: datetime,
    range_name: str,
) -> _RollupReads:
    if range_name not in figures.RANGES:
        raise ValueError(f"range must be one of {', '.join(figures.RANGES)}")
    span = figures.RANGES[range_name]
    horizon = span
    today = clock.day(now)
    by_day = report_repo.rollup_by_day(conn, profile_id, deck_ids)
    if span is None:
        span = today - min(by_day) + 1 if by_day else 1
    shown = figures.REVIEW_GRAPH_DAYS.get(range_name, span)
    today_row = (
        report_repo.rollup_day(conn, profile_id, deck_ids, today) if today in by_day else None
    )
    due_rows = report_repo.future_due(
        conn, profile_id, deck_ids, StudyDays(clock, today, 0, horizon or 3660), horizon
    )
    return _RollupReads(
        today=today,
        span=span,
        horizon=horizon,
        by_day=by_day,
        shown=shown,
        per_day=figures.reviews_per_day(by_day, today - shown + 1, today),
        today_row=today_row,
        due_rows=due_rows,
    )
