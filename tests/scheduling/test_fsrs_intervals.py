"""Pinned-clock FSRS sequences with fuzz off: exact intervals, as py-fsrs tests do."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from trainer.domain.clock import DayClock
from trainer.domain.model import Card, CardState, DeckOptions, Rating
from trainer.scheduling import fsrs_adapter
from trainer.scheduling.fsrs_adapter import PastReview

OPTS = DeckOptions(enable_fuzz=False)
CLOCK = DayClock()
T0 = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def _walk(ratings: list[int]) -> list[tuple[CardState, timedelta]]:
    card = Card(id=1, note_guid="g", ord=0, deck_id=1)
    now = T0
    out = []
    for r in ratings:
        card = fsrs_adapter.review(card, Rating(r), now, OPTS, clock=CLOCK)
        assert card.due is not None
        out.append((card.state, card.due - now))
        now = card.due
    return out


def test_good_sequence_intervals() -> None:
    assert _walk([3, 3, 3, 3]) == [
        (CardState.LEARNING, timedelta(minutes=10)),
        (CardState.REVIEW, timedelta(days=2)),
        (CardState.REVIEW, timedelta(days=11)),
        (CardState.REVIEW, timedelta(days=46)),
    ]


def test_lapse_goes_to_relearning_and_counts() -> None:
    card = Card(id=1, note_guid="g", ord=0, deck_id=1)
    now = T0
    for r in (3, 3, 3, 1):
        card = fsrs_adapter.review(card, Rating(r), now, OPTS, clock=CLOCK)
        now = card.due or now
    assert card.state is CardState.RELEARNING
    assert card.lapses == 1 and card.reps == 4


def test_first_again_uses_first_learning_step() -> None:
    ((state, gap),) = _walk([1])
    assert state is CardState.LEARNING and gap == timedelta(minutes=1)


def test_easy_graduates_at_once() -> None:
    ((state, gap),) = _walk([4])
    assert state is CardState.REVIEW and gap >= timedelta(days=1)


def test_preview_orders_intervals() -> None:
    card = Card(id=1, note_guid="g", ord=0, deck_id=1)
    for r in (3, 3):
        card = fsrs_adapter.review(card, Rating(r), T0, OPTS, clock=CLOCK)
    p = fsrs_adapter.preview(card, T0 + timedelta(days=2), OPTS, clock=CLOCK)
    assert p[Rating.AGAIN] < p[Rating.HARD] <= p[Rating.GOOD] <= p[Rating.EASY]


def test_reschedule_from_log_equals_live_answers() -> None:
    card = Card(id=7, note_guid="g", ord=0, deck_id=1)
    now = T0
    log = []
    for r in (3, 3, 1, 3, 4):
        log.append(PastReview(Rating(r), now))
        card = fsrs_adapter.review(card, Rating(r), now, OPTS, clock=CLOCK)
        now = (card.due or now) + timedelta(hours=1)
    rebuilt = fsrs_adapter.reschedule(replace(card, stability=None), log, OPTS, clock=CLOCK)
    assert rebuilt == card


def test_higher_retention_gives_shorter_intervals() -> None:
    card = Card(id=1, note_guid="g", ord=0, deck_id=1)
    log = [PastReview(Rating.GOOD, T0), PastReview(Rating.GOOD, T0 + timedelta(minutes=10))]
    low = fsrs_adapter.reschedule(card, log, replace(OPTS, desired_retention=0.8), clock=CLOCK)
    high = fsrs_adapter.reschedule(card, log, replace(OPTS, desired_retention=0.95), clock=CLOCK)
    assert low.stability == high.stability
    assert (high.due or T0) < (low.due or T0)
