"""The statistics report's shape: one typed structure read by every renderer.

``StatsReport`` is what ``StatsService.report`` returns; ``trainer stats``
(text and ``--json``) and the TUI's statistics screen both read it, and
``to_json`` is the one place its JSON form (docs/stats.md) is made. Each figure
is a TypedDict, so its JSON is the figure itself, key order included; the
report's fields are in the order the JSON has always had.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypedDict


class ReportMeta(TypedDict):
    deck: str | None
    decks: list[str]
    range: str
    generated_at: str
    today: str
    timezone: str
    rollover_hour: int
    desired_retention: float


class TodayFigure(TypedDict):
    reviews: int
    time_ms: int
    again: int
    correct_rate: float | None
    learn: int
    review: int
    relearn: int
    mature: int
    mature_correct: int
    mature_correct_rate: float | None


class DueDay(TypedDict):
    day: int
    due: int


class FutureDueCounts(TypedDict):
    days: list[DueDay]
    total: int
    overdue: int
    due_tomorrow: int
    average_per_day: float | None


class FutureDue(FutureDueCounts):
    daily_load: int


class CalendarDay(TypedDict):
    day: int
    reviews: int


class ReviewDay(TypedDict):
    day: int
    learn: int
    learn_ms: int
    young: int
    young_ms: int
    mature: int
    mature_ms: int
    relearn: int
    relearn_ms: int


class ReviewSummary(TypedDict):
    total: int
    time_ms: int
    days_studied: int
    days_in_range: int
    average_per_studied_day: float | None
    average_per_day: float | None


class Reviews(ReviewSummary):
    days: list[ReviewDay]


class CardCounts(TypedDict):
    new: int
    learning: int
    relearning: int
    young: int
    mature: int
    suspended: int
    buried: int
    retired: int
    total: int


class Bucket(TypedDict):
    bucket: str
    count: int


class MemoryHistograms(TypedDict):
    stability: list[Bucket]
    difficulty: list[Bucket]
    retrievability: list[Bucket]


class Knowledge(TypedDict):
    estimated_total: float
    cards: int
    mean_retrievability: float | None


class HourFigure(TypedDict):
    hour: int
    reviews: int
    correct: int
    correct_rate: float | None


class ButtonCounts(TypedDict):
    again: int
    hard: int
    good: int
    easy: int
    correct_rate: float | None


class Retention(TypedDict):
    passed: int
    failed: int
    retention: float | None


class RetentionPeriod(TypedDict):
    young: Retention
    mature: Retention
    all: Retention


class GroupFigure(TypedDict):
    name: str
    cards: int
    studied: int
    mean_retrievability: float | None
    reviews: int
    retention: float | None


class GroupTable(TypedDict):
    sections: list[GroupFigure]
    tags: list[GroupFigure]


@dataclass(frozen=True, slots=True)
class StatsReport:
    """Every figure for a deck (with its sub-decks) or all decks, over one range."""

    meta: ReportMeta
    today: TodayFigure
    future_due: FutureDue
    calendar: list[CalendarDay]
    reviews: Reviews
    card_counts: CardCounts
    intervals: list[Bucket]
    stability: list[Bucket]
    difficulty: list[Bucket]
    retrievability: list[Bucket]
    knowledge: Knowledge
    hours: list[HourFigure]
    buttons: dict[str, ButtonCounts]
    """Per answer-button group: ``learn``, ``young``, ``mature``."""
    true_retention: dict[str, RetentionPeriod]
    """Per period: ``today``, ``yesterday``, ``week``, ``month``, ``year``, ``all``."""
    sections: list[GroupFigure]
    tags: list[GroupFigure]

    def to_json(self, **extra: Any) -> dict[str, Any]:
        """The report as JSON-ready data (docs/stats.md), ``extra`` keys (``exam``) last."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out.update(extra)
        return out


class QueueCounts(TypedDict):
    """Cards per study queue (learning includes relearning; review is young and mature)."""

    new: int
    learning: int
    review: int
    suspended: int
    buried: int
    retired: int
    total: int


@dataclass(frozen=True, slots=True)
class FirstView:
    """What the statistics screen shows first: the figures read from the roll-up and
    the queue index, without scanning the cards (``StatsService.first_view``)."""

    meta: ReportMeta
    today: TodayFigure
    future_due: FutureDueCounts
    reviews: Reviews
    true_retention: dict[str, RetentionPeriod]
    queues: QueueCounts
