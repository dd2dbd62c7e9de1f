"""The one module that imports ``fsrs``.

Translates between our Card/DeckOptions and fsrs's types, so the rest of the
program never sees fsrs objects and the package can be swapped or upgraded in
one place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import fsrs

from trainer.domain.clock import DayClock, from_epoch, to_epoch, utc
from trainer.domain.model import Card, CardState, DeckOptions, Queue, Rating

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(fsrs.Scheduler().parameters)


class _ReplayCard(fsrs.Card):
    """An fsrs card that copies fast: ``review_card`` copies its card once per answer.

    ``copy.copy`` of a plain object goes through ``__reduce_ex__``, about a fifth
    of the cost of an answer when an import replays 100,000 of them; this is the
    same shallow copy, done directly.
    """

    def __copy__(self) -> _ReplayCard:
        twin = object.__new__(_ReplayCard)
        twin.__dict__.update(self.__dict__)
        return twin


@dataclass(frozen=True, slots=True)
class PastReview:
    """What rescheduling needs of a logged answer."""

    rating: Rating
    reviewed_at: datetime
    duration_ms: int = 0


@lru_cache(maxsize=64)
def _scheduler(options: DeckOptions, fuzz: bool) -> fsrs.Scheduler:
    return fsrs.Scheduler(
        parameters=options.fsrs_parameters or DEFAULT_PARAMETERS,
        desired_retention=options.desired_retention,
        learning_steps=tuple(timedelta(seconds=s) for s in options.learning_steps),
        relearning_steps=tuple(timedelta(seconds=s) for s in options.relearning_steps),
        maximum_interval=options.maximum_interval,
        enable_fuzzing=fuzz,
    )


def scheduler_for(options: DeckOptions) -> fsrs.Scheduler:
    return _scheduler(options, options.enable_fuzz)


# -- elapsed time in study days -----------------------------------------------------
#
# FSRS counts the time since a card's last answer in days, and Anki (whose
# parameters and memory states ours must match) counts them as *study days*:
# an answer at 08:27 the day after one at 08:52 is one day later, not a
# same-day review, and two answers either side of the day boundary (4:00) are
# a day apart. The fsrs package takes ``(now - last_review).days``, whole 24-hour
# periods, everywhere it looks at elapsed time; so the card handed to it carries,
# instead of its real last answer, the instant exactly that many study days
# before ``now`` (``_as_if_last``). What it computes is then FSRS on study days;
# the card it gives back has the real time of the answer as its last review.


def study_days_between(last: datetime, now: datetime, clock: DayClock) -> int:
    """Study days from ``last`` to ``now`` (0: the same study day); never negative."""
    return max(0, clock.day(now) - clock.day(last))


def _as_if_last(now: datetime, elapsed_days: int) -> datetime:
    """The instant that makes ``(now - it).days == elapsed_days`` exactly."""
    return now - timedelta(days=elapsed_days)


def _to_fsrs(card: Card, now: datetime, clock: DayClock) -> fsrs.Card:
    if card.state is CardState.NEW:
        return fsrs.Card(card_id=card.id or 1, state=fsrs.State.Learning, step=0, due=now)
    last = card.last_review
    return fsrs.Card(
        card_id=card.id or 1,
        state=fsrs.State(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due or now,
        last_review=(
            _as_if_last(utc(now), study_days_between(last, now, clock))
            if last is not None
            else None
        ),
    )


def _from_fsrs(card: Card, new: fsrs.Card) -> Card:
    state = CardState(int(new.state))
    return replace(
        card,
        state=state,
        queue=Queue.for_state(state),
        due=utc(new.due),
        step=new.step,
        stability=new.stability,
        difficulty=new.difficulty,
        last_review=utc(new.last_review) if new.last_review else None,
    )


def review(
    card: Card,
    rating: Rating,
    now: datetime,
    options: DeckOptions,
    *,
    clock: DayClock,
    fuzz: bool | None = None,
) -> Card:
    """The card after answering ``rating`` at ``now``; reps and lapses counted too.

    Time since the last answer is counted in ``clock``'s study days.
    """
    sched = _scheduler(options, options.enable_fuzz if fuzz is None else fuzz)
    new, _log = sched.review_card(_to_fsrs(card, now, clock), fsrs.Rating(int(rating)), utc(now))
    lapsed = card.state is CardState.REVIEW and rating is Rating.AGAIN
    return replace(
        _from_fsrs(card, new), reps=card.reps + 1, lapses=card.lapses + (1 if lapsed else 0)
    )


def preview(
    card: Card, now: datetime, options: DeckOptions, *, clock: DayClock
) -> dict[Rating, timedelta]:
    """How long until the card is due again for each rating (no fuzz)."""
    return {
        r: (review(card, r, now, options, clock=clock, fuzz=False).due or now) - now
        for r in Rating  # type: ignore[misc]
    }


def reschedule(
    card: Card, history: Sequence[PastReview], options: DeckOptions, *, clock: DayClock
) -> Card:
    """Rebuild a card's state by replaying its review log (the source of truth).

    Replays with fuzz off, so the result is a pure function of the log, the
    options and the day boundary: what a changed desired retention or new
    parameters would have given. Elapsed time is counted in ``clock``'s study days.
    """
    if not history:
        return replace(
            card,
            state=CardState.NEW,
            queue=Queue.NEW,
            due=None,
            step=0,
            stability=None,
            difficulty=None,
            last_review=None,
            reps=0,
            lapses=0,
        )
    sched = _scheduler(options, False)
    first = utc(history[0].reviewed_at)
    current: fsrs.Card = _ReplayCard(
        card_id=card.id or 1, state=fsrs.State.Learning, step=0, due=first
    )
    lapses = 0
    last_day = 0
    for past in history:
        at = utc(past.reviewed_at)
        day = clock.day(at)
        if current.last_review is not None:
            current.last_review = _as_if_last(at, max(0, day - last_day))
        lapses += current.state == fsrs.State.Review and past.rating is Rating.AGAIN
        current, _log = sched.review_card(current, fsrs.Rating(int(past.rating)), at)
        last_day = day
    return replace(_from_fsrs(card, current), reps=len(history), lapses=lapses)


def retrievability(card: Card, now: datetime, options: DeckOptions, *, clock: DayClock) -> float:
    """R at ``now`` as the scheduler sees it: whole study days since the last answer."""
    if card.state is CardState.NEW or card.stability is None:
        return 0.0
    sched = scheduler_for(options)
    return float(sched.get_card_retrievability(_to_fsrs(card, now, clock), utc(now)))


# -- forgetting curve, for statistics and exam planning -------------------------------
def decay_of(options: DeckOptions) -> float:
    """FSRS-6's decay (parameter w20) for the deck's parameters (positive number)."""
    params = options.fsrs_parameters or DEFAULT_PARAMETERS
    return float(params[20]) if len(params) > 20 else 0.5


def curve_factor(decay: float) -> float:
    """The factor that makes R(S, S) = 0.9: ``0.9 ** (-1 / decay) - 1``."""
    return float(0.9 ** (-1.0 / decay) - 1.0)


def forgetting_curve(elapsed_days: float, stability: float, decay: float) -> float:
    """FSRS-6 retrievability ``(1 + factor * t / S) ** -decay`` after ``elapsed_days``."""
    if stability <= 0:
        return 0.0
    return float((1.0 + curve_factor(decay) * max(0.0, elapsed_days) / stability) ** -decay)


def interval_for(stability: float, desired_retention: float, decay: float) -> float:
    """Days until R falls to ``desired_retention`` (the curve solved for t, unrounded)."""
    return float(stability / curve_factor(decay) * (desired_retention ** (-1.0 / decay) - 1.0))


# -- replaying many histories at once (imports) ------------------------------------

Answer = tuple[int, ...]
"""One logged answer: (epoch milliseconds, rating 1-4, anything else), as stored."""

_RATINGS = {int(r): r for r in fsrs.Rating}


@dataclass(frozen=True, slots=True)
class Replayed:
    """A card's scheduling state from its whole review log (``reschedule`` minus the card)."""

    state: CardState
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime | None
    last_review: datetime | None
    reps: int
    lapses: int

    def applied_to(self, card: Card) -> Card:
        """``card`` with this state: equal to ``reschedule(card, history, options)``."""
        return replace(
            card,
            state=self.state,
            queue=Queue.for_state(self.state),
            due=self.due,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            last_review=self.last_review,
            reps=self.reps,
            lapses=self.lapses,
        )


_NEVER = Replayed(CardState.NEW, 0, None, None, None, None, 0, 0)


def study_day_of_ms(clock: DayClock) -> Callable[[int], int]:
    """``clock.day`` for epoch milliseconds, remembered per hour (logs have many answers).

    Zones move the day boundary on whole hours, but a few on half or quarter
    hours: an hour that the boundary falls inside is worked out answer by answer.
    """
    by_hour: dict[int, int] = {}
    day_of = clock.day

    def day(ms: int) -> int:
        hour = ms // 3_600_000
        found = by_hour.get(hour)
        if found is not None:
            return found
        first = day_of(from_epoch(hour * 3600))
        if day_of(from_epoch(hour * 3600 + 3599.999)) == first:
            by_hour[hour] = first
            return first
        return day_of(from_epoch(ms / 1000))

    return day


class _Formulas:
    """FSRS's per-answer formulas for one scheduler (fuzz off), as plain arithmetic.

    The same expressions as ``fsrs.Scheduler.review_card`` in the same
    floating-point order, with the scheduler's own constants, so a replay gives
    the library's states bit for bit (a test replays many histories through both)
    without building a card, a log and datetimes per answer: an import replays
    100,000 answers. Constants the library works out per call (``e ** w8``, the
    easy difficulty, the retention term) are worked out once, the same way.
    """

    def __init__(self, sched: fsrs.Scheduler) -> None:
        w = tuple(sched.parameters)
        self.w = w
        self.decay: float = sched._DECAY
        self.factor: float = sched._FACTOR
        self.retention_term: float = (sched.desired_retention ** (1 / sched._DECAY)) - 1
        self.maximum_interval = sched.maximum_interval
        self.e_w8 = math.e ** w[8]
        self.easy_difficulty = w[4] - (math.e ** (w[5] * (int(fsrs.Rating.Easy) - 1))) + 1
        self.forget_short_divisor = math.e ** (w[17] * w[18])
        self.learning_steps = sched.learning_steps
        self.relearning_steps = sched.relearning_steps

    def replay(self, history: Sequence[Answer], day_of: Callable[[int], int]) -> tuple[Any, ...]:
        """``_replay_one_fsrs`` of a non-empty history."""
        w = self.w
        w6, w7, w9, w10, w11, w12, w13, w14 = w[6], w[7], w[9], w[10], w[11], w[12], w[13], w[14]
        w15, w16, w17, w18, w19 = w[15], w[16], w[17], w[18], w[19]
        decay, factor, e_w8 = self.decay, self.factor, self.e_w8
        easy_difficulty, forget_short_divisor = self.easy_difficulty, self.forget_short_divisor
        e = math.e
        learning, review, relearning = _LEARNING, _REVIEW, _RELEARNING
        state = learning
        step: int | None = 0
        stability = difficulty = 0.0
        fresh = True
        interval: timedelta | None = None  # None: the interval follows from stability
        lapses = 0
        last_day = 0
        for answer in history:
            ms, rating = answer[0], answer[1]
            if rating not in _RATINGS:
                raise KeyError(rating)
            day = day_of(ms)
            lapses += state == review and rating == 1
            if fresh:  # the first answer: the initial stability and difficulty
                fresh = False
                stability = max(w[rating - 1], STABILITY_MIN)
                difficulty = min(
                    max(w[4] - (e ** (w[5] * (rating - 1))) + 1, MIN_DIFFICULTY), MAX_DIFFICULTY
                )
            else:
                elapsed = day - last_day if day > last_day else 0
                if elapsed < 1:  # short-term stability
                    increase = (e ** (w17 * (rating - 3 + w18))) * (stability**-w19)
                    if rating != 1:
                        increase = max(increase, 1.0)
                    stability = max(stability * increase, STABILITY_MIN)
                else:
                    recall = (1 + factor * elapsed / stability) ** decay
                    if rating == 1:
                        stability = max(
                            min(
                                w11
                                * (difficulty**-w12)
                                * (((stability + 1) ** (w13)) - 1)
                                * (e ** ((1 - recall) * w14)),
                                stability / forget_short_divisor,
                            ),
                            STABILITY_MIN,
                        )
                    else:
                        stability = max(
                            stability
                            * (
                                1
                                + e_w8
                                * (11 - difficulty)
                                * (stability**-w9)
                                * ((e ** ((1 - recall) * w10)) - 1)
                                * (w15 if rating == 2 else 1)
                                * (w16 if rating == 4 else 1)
                            ),
                            STABILITY_MIN,
                        )
                delta = -(w6 * (rating - 3))
                difficulty = min(
                    max(
                        w7 * easy_difficulty
                        + (1 - w7) * (difficulty + (10.0 - difficulty) * delta / 9.0),
                        MIN_DIFFICULTY,
                    ),
                    MAX_DIFFICULTY,
                )
            if state == review:
                if rating == 1 and self.relearning_steps:
                    state, step, interval = relearning, 0, self.relearning_steps[0]
                else:
                    interval = None
            else:
                steps = self.learning_steps if state == learning else self.relearning_steps
                state, step, interval = _next_step(steps, step or 0, rating, state)
            last_day = day
        last_ms = history[-1][0]
        at = datetime.fromtimestamp(last_ms / 1000, UTC)
        if interval is None:
            interval = timedelta(days=self.interval_days(stability))
        return (
            int(state),
            step,
            stability,
            difficulty,
            utc(at + interval),
            utc(at),
            len(history),
            lapses,
        )

    def interval_days(self, stability: float) -> int:
        """``Scheduler._next_interval``."""
        days = round((stability / self.factor) * self.retention_term)
        return min(max(days, 1), self.maximum_interval)


_LEARNING = fsrs.State.Learning
_REVIEW = fsrs.State.Review
_RELEARNING = fsrs.State.Relearning
STABILITY_MIN: float = fsrs.scheduler.STABILITY_MIN
MIN_DIFFICULTY: float = fsrs.scheduler.MIN_DIFFICULTY
MAX_DIFFICULTY: float = fsrs.scheduler.MAX_DIFFICULTY


def _next_step(
    steps: tuple[timedelta, ...], step: int, rating: int, state: fsrs.State
) -> tuple[fsrs.State, int | None, timedelta | None]:
    """A (re)learning card's next state, step and interval (None: from stability)."""
    if not steps or (step >= len(steps) and rating != 1):
        return _REVIEW, None, None
    if rating == 1:
        return state, 0, steps[0]
    if rating == 2:
        if step == 0 and len(steps) == 1:
            return state, step, steps[0] * 1.5
        if step == 0 and len(steps) >= 2:
            return state, step, (steps[0] + steps[1]) / 2.0
        return state, step, steps[step]
    if rating == 3 and step + 1 != len(steps):
        return state, step + 1, steps[step + 1]
    return _REVIEW, None, None


@lru_cache(maxsize=64)
def _formulas(options: DeckOptions) -> _Formulas:
    return _Formulas(_scheduler(options, False))


def _replay_one(
    history: Sequence[Answer], options: DeckOptions, day_of: Callable[[int], int]
) -> tuple[Any, ...]:
    """What ``reschedule`` gives for (ms, rating) answers, as a plain tuple (it crosses
    processes); equal to ``_replay_one_fsrs``, the library's own answer, without its cost."""
    if not history:
        return ()
    return _formulas(options).replay(history, day_of)


def _replay_one_fsrs(
    history: Sequence[Answer], options: DeckOptions, day_of: Callable[[int], int]
) -> tuple[Any, ...]:
    """The loop of ``reschedule`` for (ms, rating) pairs through the library's own
    ``review_card``: the reference that ``_replay_one`` must equal (tests compare them)."""
    if not history:
        return ()
    sched = _scheduler(options, False)
    review_card = sched.review_card
    review_state = fsrs.State.Review
    again = Rating.AGAIN.value
    first = datetime.fromtimestamp(history[0][0] / 1000, UTC)
    current: fsrs.Card = _ReplayCard(card_id=1, state=fsrs.State.Learning, step=0, due=first)
    lapses = 0
    last_day = 0
    for answer in history:
        ms, rating = answer[0], answer[1]
        at = datetime.fromtimestamp(ms / 1000, UTC)
        day = day_of(ms)
        if current.last_review is not None:
            current.last_review = at - timedelta(days=day - last_day if day > last_day else 0)
        lapses += current.state == review_state and rating == again
        current, _log = review_card(current, _RATINGS[rating], at)
        last_day = day
    return (
        int(current.state),
        current.step,
        current.stability,
        current.difficulty,
        utc(current.due),
        utc(current.last_review) if current.last_review else None,
        len(history),
        lapses,
    )


SavedState = tuple[int, int | None, float | None, float | None, int, int | None, int, int]
"""A replayed state as the store keeps it: state, step, stability, difficulty,
due and last review in epoch seconds (0 and None when never reviewed), reps, lapses."""


def as_saved(raw: tuple[Any, ...]) -> SavedState:
    """A raw replay result (``replay_range``) as the store keeps it."""
    if not raw:
        return (int(CardState.NEW), 0, None, None, 0, None, 0, 0)
    state, step, stability, difficulty, due, last, reps, lapses = raw
    return (
        state,
        step,
        stability,
        difficulty,
        to_epoch(due) if due is not None else 0,
        to_epoch(last) if last else None,
        reps,
        lapses,
    )


def replay_range(
    items: Sequence[tuple[Sequence[Answer], DeckOptions]],
    clock: DayClock,
    start: int,
    stop: int,
) -> list[tuple[Any, ...]]:
    """Raw replay results (plain tuples, cheap to send between processes) of
    ``items[start:stop]``; ``as_replayed`` / ``as_saved`` turn each into its final form."""
    day_of = study_day_of_ms(clock)
    return [_replay_one(history, options, day_of) for history, options in items[start:stop]]


def as_replayed(raw: tuple[Any, ...]) -> Replayed:
    """A raw replay result (``replay_range``) as a :class:`Replayed`."""
    if not raw:
        return _NEVER
    state, step, stability, difficulty, due, last, reps, lapses = raw
    return Replayed(CardState(state), step, stability, difficulty, due, last, reps, lapses)
