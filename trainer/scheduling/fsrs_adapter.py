"""The one module that imports ``fsrs``.

Translates between our Card/DeckOptions and fsrs's types, so the rest of the
program never sees fsrs objects and the package can be swapped or upgraded in
one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

import fsrs

from trainer.domain.clock import utc
from trainer.domain.model import Card, CardState, DeckOptions, Queue, Rating

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(fsrs.Scheduler().parameters)


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


def _to_fsrs(card: Card, now: datetime) -> fsrs.Card:
    if card.state is CardState.NEW:
        return fsrs.Card(card_id=card.id or 1, state=fsrs.State.Learning, step=0, due=now)
    return fsrs.Card(
        card_id=card.id or 1,
        state=fsrs.State(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due or now,
        last_review=card.last_review,
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
    card: Card, rating: Rating, now: datetime, options: DeckOptions, *, fuzz: bool | None = None
) -> Card:
    """The card after answering ``rating`` at ``now``; reps and lapses counted too."""
    sched = _scheduler(options, options.enable_fuzz if fuzz is None else fuzz)
    new, _log = sched.review_card(_to_fsrs(card, now), fsrs.Rating(int(rating)), now)
    lapsed = card.state is CardState.REVIEW and rating is Rating.AGAIN
    return replace(
        _from_fsrs(card, new), reps=card.reps + 1, lapses=card.lapses + (1 if lapsed else 0)
    )


def preview(card: Card, now: datetime, options: DeckOptions) -> dict[Rating, timedelta]:
    """How long until the card is due again for each rating (no fuzz)."""
    return {
        r: (review(card, r, now, options, fuzz=False).due or now) - now
        for r in Rating  # type: ignore[misc]
    }


def reschedule(card: Card, history: Sequence[PastReview], options: DeckOptions) -> Card:
    """Rebuild a card's state by replaying its review log (the source of truth).

    Replays with fuzz off, so the result is a pure function of the log and the
    options: what a changed desired retention or new parameters would have given.
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
    current = fsrs.Card(card_id=card.id or 1, state=fsrs.State.Learning, step=0, due=first)
    lapses = 0
    for past in history:
        lapses += current.state == fsrs.State.Review and past.rating is Rating.AGAIN
        current, _log = sched.review_card(
            current, fsrs.Rating(int(past.rating)), utc(past.reviewed_at)
        )
    return replace(_from_fsrs(card, current), reps=len(history), lapses=lapses)


def retrievability(card: Card, now: datetime, options: DeckOptions) -> float:
    if card.state is CardState.NEW or card.stability is None:
        return 0.0
    sched = scheduler_for(options)
    return float(sched.get_card_retrievability(_to_fsrs(card, now), now))


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
