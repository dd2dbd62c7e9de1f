"""Exam-date maths: readiness on exam day, a daily plan, pulling reviews forward.

All days are study-day ordinals (``DayClock.day``). Cards come in as
``MemoryCard`` (stability, difficulty, last review day, due day); new cards have
no stability. The plan is an expected-value walk per card: every review is
assumed answered Good (the memory step comes from fsrs-rs through
``optimizer.good_after``), reviews are spaced for the exam target, and a review
that would fall on or after the exam day is pulled forward to the latest day
from which the card still reaches the target on exam day. New cards are
introduced evenly, finishing early enough (``MATURE_MARGIN`` days) to get at
least two reviews before the exam.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from trainer.domain.clock import DayClock
from trainer.domain.model import Card, CardState, DeckOptions
from trainer.scheduling import fsrs_adapter

Step = Callable[[float, float, int], tuple[float, float]]
"""(stability, difficulty, elapsed days) -> (stability, difficulty) after a Good answer."""

MATURE_MARGIN = 7
"""New cards are all introduced at least this many days before the exam."""


@dataclass(frozen=True, slots=True)
class MemoryCard:
    card_id: int
    stability: float | None
    difficulty: float | None
    last_day: int | None
    due_day: int | None
    groups: tuple[str, ...] = ()
    """Section and tag names the card counts under for the breakdown."""


@dataclass
class Readiness:
    exam_day: int
    today: int
    target: float
    cards: int
    mean_r: float
    below_target: int
    new_cards: int
    by_group: dict[str, tuple[int, float, int]] = field(default_factory=dict)
    """name -> (cards, mean projected R, below target)."""

    @property
    def days_left(self) -> int:
        return self.exam_day - self.today


@dataclass
class Plan:
    days: list[tuple[int, int, int]]
    """(day, reviews, new cards) from today to the day before the exam."""
    new_per_day: int
    projected_mean_r: float
    below_target: int


def r_at(card: MemoryCard, day: int, decay: float) -> float:
    if card.stability is None or card.last_day is None:
        return 0.0
    return fsrs_adapter.forgetting_curve(day - card.last_day, card.stability, decay)


def readiness(
    cards: Sequence[MemoryCard], exam_day: int, today: int, target: float, decay: float
) -> Readiness:
    """Projected R on exam day if nothing more is studied (new cards count as 0)."""
    total = 0.0
    below = 0
    new = 0
    groups: dict[str, list[float]] = {}
    for c in cards:
        r = r_at(c, exam_day, decay)
        new += c.stability is None
        total += r
        low = r < target
        below += low
        for g in c.groups:
            acc = groups.setdefault(g, [0, 0.0, 0])
            acc[0] += 1
            acc[1] += r
            acc[2] += low
    n = len(cards)
    return Readiness(
        exam_day,
        today,
        target,
        n,
        total / n if n else 0.0,
        below,
        new,
        {g: (int(a[0]), a[1] / a[0], int(a[2])) for g, a in sorted(groups.items())},
    )


def _interval(stability: float, target: float, decay: float) -> int:
    return max(1, round(fsrs_adapter.interval_for(stability, target, decay)))


def _walk(
    s: float,
    d: float,
    last: int,
    due: int,
    exam_day: int,
    target: float,
    decay: float,
    step: Step,
    reviews: list[int],
    today: int,
) -> float:
    """Review one card up to the exam; adds its review days to ``reviews``; returns R at exam."""
    nxt = max(due, today)
    for _ in range(64):
        if nxt >= exam_day:
            if fsrs_adapter.forgetting_curve(exam_day - last, s, decay) >= target:
                break
            s_est, _ = step(s, d, max(1, exam_day - 1 - last))
            nxt = max(today, last + 1, exam_day - _interval(s_est, target, decay))
            if nxt >= exam_day:
                break
        s, d = step(s, d, nxt - last)
        reviews[nxt - today] += 1
        last = nxt
        nxt = last + _interval(s, target, decay)
    return fsrs_adapter.forgetting_curve(exam_day - last, s, decay)


def plan(
    cards: Sequence[MemoryCard],
    exam_day: int,
    today: int,
    target: float,
    decay: float,
    step: Step,
    first: tuple[float, float],
) -> Plan:
    """Reviews and new cards per day until the exam so every card reaches ``target``."""
    span = max(0, exam_day - today)
    reviews = [0] * (span + 1)
    learn = [0] * (span + 1)
    new_cards = [c for c in cards if c.stability is None]
    room = max(1, span - MATURE_MARGIN) if span > MATURE_MARGIN else max(1, span)
    per_day = math.ceil(len(new_cards) / room) if new_cards else 0
    total_r = 0.0
    below = 0
    for c in cards:
        if c.stability is not None and c.last_day is not None:
            r = _walk(
                c.stability,
                c.difficulty or 5.0,
                c.last_day,
                c.due_day if c.due_day is not None else today,
                exam_day,
                target,
                decay,
                step,
                reviews,
                today,
            )
            total_r += r
            below += r < target
    for i, _c in enumerate(new_cards):
        day = today + (i // per_day if per_day else 0)
        if span == 0 or day >= exam_day:
            below += 1
            continue
        learn[day - today] += 1
        s, d = first
        r = _walk(
            s,
            d,
            day,
            day + _interval(s, target, decay),
            exam_day,
            target,
            decay,
            step,
            reviews,
            today,
        )
        total_r += r
        below += r < target
    n = len(cards)
    days = [(today + i, reviews[i], learn[i]) for i in range(span)]
    return Plan(days, per_day, total_r / n if n else 0.0, below)


def pull_forward(card: Card, options: DeckOptions, clock: DayClock) -> Card:
    """The card with its due moved before the exam when the scheduled one falls after it.

    Only review cards are moved, and only when waiting for the scheduled due
    would leave the card below the exam target on exam day; the new due is the
    latest study day from which the card still meets the target. Call it on the
    card ``fsrs_adapter.review`` returns, before saving.
    """
    exam = options.exam_date
    if (
        exam is None
        or card.state is not CardState.REVIEW
        or card.due is None
        or card.last_review is None
        or card.stability is None
    ):
        return card
    exam_day = exam.toordinal()
    due_day = clock.day(card.due)
    last_day = clock.day(card.last_review)
    if due_day < exam_day or last_day >= exam_day:
        return card
    decay = fsrs_adapter.decay_of(options)
    if (
        fsrs_adapter.forgetting_curve(exam_day - last_day, card.stability, decay)
        >= options.exam_target
    ):
        return card
    ivl = _interval(card.stability, options.exam_target, decay)
    day = max(last_day + 1, min(due_day, exam_day - ivl, exam_day - 1))
    offset = card.due - clock.day_start(due_day)
    new_due = clock.day_start(day) + max(timedelta(0), offset)
    return replace(card, due=min(card.due, new_due))


def cram_order(cards: Sequence[MemoryCard], now_day: int, decay: float) -> list[int]:
    """Card ids weakest first (lowest R now); cramming never changes their schedule."""
    studied = [c for c in cards if c.stability is not None]
    return [c.card_id for c in sorted(studied, key=lambda c: (r_at(c, now_day, decay), c.card_id))]


def days_left(exam_day: int, now: datetime, clock: DayClock) -> int:
    return exam_day - clock.day(now)
