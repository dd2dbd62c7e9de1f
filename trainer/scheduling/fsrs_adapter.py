"""The one module that imports ``fsrs``.

Translates between our Card/DeckOptions and fsrs's types, so the rest of the
program never sees fsrs objects and the package can be swapped or upgraded in
one place.
"""

from __future__ import annotations

import collections
import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from operator import itemgetter
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


def retrievabilities(cards: Sequence[tuple[float, float]], decay: float) -> list[float]:
    """R for many ``(elapsed_days, stability)`` pairs at once (one factor computation)."""
    factor = curve_factor(decay)
    return [(1.0 + factor * max(0.0, t) / s) ** -decay if s > 0 else 0.0 for t, s in cards]


def interval_for(stability: float, desired_retention: float, decay: float) -> float:
    """Days until R falls to ``desired_retention`` (the curve solved for t, unrounded)."""
    return float(stability / curve_factor(decay) * (desired_retention ** (-1.0 / decay) - 1.0))


# -- replaying many histories at once (imports) ------------------------------------

Answer = tuple[int, ...]
"""One logged answer: (epoch milliseconds, rating 1-4, anything else), as stored."""

_RATINGS = {int(r): r for r in fsrs.Rating}
_PENDING: dict[int, tuple[Sequence[tuple[Sequence[Answer], DeckOptions]], DayClock]] = {}
"""Work handed to forked workers: they inherit it, so only the results travel."""
PARALLEL_MIN_ANSWERS = 20_000
"""Below this many answers in all, forking workers costs more than it saves."""
CHUNK_ANSWERS = 2_500
"""About this many answers (15 ms or so) per chunk of work, so the caller can share it."""
MAX_CHUNKS = 64
"""Past this many chunks, more only adds hand-over cost."""


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


def _replay_one(
    history: Sequence[Answer], options: DeckOptions, day_of: Callable[[int], int]
) -> tuple[Any, ...]:
    """The loop of ``reschedule`` for (ms, rating) pairs; a plain tuple crosses processes."""
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


def _saved(raw: tuple[Any, ...]) -> SavedState:
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


def _replay_range(
    items: Sequence[tuple[Sequence[Answer], DeckOptions]],
    clock: DayClock,
    start: int,
    stop: int,
    saved: bool,
) -> list[tuple[Any, ...]]:
    day_of = study_day_of_ms(clock)
    raw = [_replay_one(history, options, day_of) for history, options in items[start:stop]]
    return [_saved(r) for r in raw] if saved else raw


def _replay_chunk(token: int, start: int, stop: int, saved: bool) -> list[tuple[Any, ...]]:
    items, clock = _PENDING[token]
    return _replay_range(items, clock, start, stop, saved)


def _as_replayed(raw: tuple[Any, ...]) -> Replayed:
    if not raw:
        return _NEVER
    state, step, stability, difficulty, due, last, reps, lapses = raw
    return Replayed(CardState(state), step, stability, difficulty, due, last, reps, lapses)


def _chunks(items: Sequence[tuple[Sequence[Answer], DeckOptions]], parts: int) -> list[int]:
    """Bounds splitting ``items`` into ``parts`` runs of about the same number of answers."""
    total = sum(len(h) for h, _ in items)
    bounds, done, goal = [0], 0, total / parts
    for i, (history, _options) in enumerate(items):
        done += len(history)
        if done >= goal * len(bounds) and len(bounds) < parts:
            bounds.append(i + 1)
    if bounds[-1] != len(items):
        bounds.append(len(items))
    return bounds


class ReplayBatch:
    """Many cards' histories replayed at once, in forked worker processes when it pays.

    Each item is ``(history, options)`` with the history sorted by time; elapsed
    time is counted in ``clock``'s study days, as in :func:`reschedule`. Started
    on creation; ``results()`` waits and gives one :class:`Replayed` per item, in
    order, each equal to what :func:`reschedule` gives for that history; or,
    made with ``saved=True``, ``saved_states()`` gives them as the store keeps
    them, converted by the workers (the caller has enough to do).

    The work is cut into many small chunks that the workers take from the front.
    The caller keeps one core for its own work meanwhile (an import has plenty),
    and when it asks for the results it replays the chunks no worker has started
    yet, from the back, so no core idles at the end. Any trouble with the workers
    (no ``fork`` on this platform, a worker that dies) falls back to replaying in
    this process, so the result never depends on them.
    """

    def __init__(
        self,
        items: Sequence[tuple[Sequence[Answer], DeckOptions]],
        workers: int | None = None,
        *,
        clock: DayClock,
        saved: bool = False,
    ) -> None:
        self.items = items
        self.clock = clock
        self.saved = saved
        self._jobs: list[tuple[int, int, Any]] = []  # (start, stop, future)
        self._pool: object = None
        if workers is None:
            workers = min(_cores() - 1, 3)
        answers = sum(len(h) for h, _ in items)
        if workers >= 1 and answers >= PARALLEL_MIN_ANSWERS and _can_fork():
            self._start(workers, answers)

    def _start(self, workers: int, answers: int) -> None:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        token = id(self)
        _PENDING[token] = (self.items, self.clock)
        parts = max(workers + 1, min(MAX_CHUNKS, answers // CHUNK_ANSWERS))
        bounds = _chunks(self.items, parts)
        # Freezing keeps the children's garbage collector off the parent's objects
        # (open database connections above all) and their memory shared.
        gc.freeze()
        try:
            pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork")
            )
            self._pool = pool
            self._jobs = [
                (a, b, pool.submit(_replay_chunk, token, a, b, self.saved))
                for a, b in itertools.pairwise(bounds)
            ]
        except OSError:
            self.close()
        finally:
            gc.unfreeze()
            _PENDING.pop(token, None)  # the children have their copy

    def close(self) -> None:
        """Stop the workers (an import that failed half way); safe to call twice."""
        self._jobs = []
        pool = self._pool
        self._pool = None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)  # type: ignore[attr-defined]

    def results(self) -> list[Replayed]:
        if self.saved:
            raise TypeError("a batch made with saved=True gives saved states")
        return [_as_replayed(r) for r in self._all()]

    def saved_states(self) -> list[SavedState]:
        if not self.saved:
            raise TypeError("a batch made without saved=True gives results()")
        return self._all()

    def saved_parts(self) -> Iterator[tuple[int, list[SavedState]]]:
        """``saved_states()`` a chunk at a time, as each is ready: (first item's index, states).

        So the caller can store one part while the workers finish the rest.
        """
        if not self.saved:
            raise TypeError("a batch made without saved=True gives results()")
        return self._parts()

    def _all(self) -> list[Any]:
        return [r for _start, part in sorted(self._parts(), key=itemgetter(0)) for r in part]

    def _parts(self) -> Iterator[tuple[int, list[Any]]]:
        """Chunks as they are ready; this process replays the ones no worker has started."""
        if not self._jobs:
            yield 0, self._replay(0, len(self.items))
            return
        jobs = collections.deque(self._jobs)
        try:
            while jobs:
                start, stop, future = jobs[0]
                if not future.done() and len(jobs) > 1 and jobs[-1][2].cancel():
                    start, stop, _cancelled = jobs.pop()  # from the back: not started yet
                    yield start, self._replay(start, stop)
                    continue
                jobs.popleft()
                try:
                    part = future.result()
                except Exception:  # a worker died, or could not start: replay it here
                    part = self._replay(start, stop)
                yield start, part
        finally:
            self.close()

    def _replay(self, start: int, stop: int) -> list[tuple[Any, ...]]:
        return _replay_range(self.items, self.clock, start, stop, self.saved)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _can_fork() -> bool:
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def reschedule_many(
    items: Sequence[tuple[Sequence[Answer], DeckOptions]],
    workers: int | None = None,
    *,
    clock: DayClock,
) -> list[Replayed]:
    """:func:`reschedule` for many histories of (ms, rating) answers; see :class:`ReplayBatch`."""
    return ReplayBatch(items, workers, clock=clock).results()
