"""When a practised question comes back: from the self-rating and the points covered.

A question is not a flashcard; a simple schedule is enough (docs/practice.md):

* the self-rating gives a base interval: Again 1 day, Hard 3, Good 7, Easy 14;
* coverage caps it: under half the points covered, 1 day; under 80 %, 3 days;
* a point missed now that was missed last time too: 1 day, whatever the rating
  (questions whose points keep being missed come back sooner);
* a well-answered question (Good or Easy, 80 % covered) answered well the times
  before grows: the base doubles for each earlier such attempt in a row, at most 3.
"""

from __future__ import annotations

from collections.abc import Sequence

from trainer.storage.practice_repo import Attempt

DAY = 86_400
BASE_DAYS = {1: 1, 2: 3, 3: 7, 4: 14}
WELL = 0.8
HALF = 0.5
MAX_DOUBLINGS = 3


def _well(rating: int, coverage: float) -> bool:
    return rating >= 3 and coverage >= WELL


def interval_days(
    rating: int, coverage: float, missed: Sequence[str], before: Sequence[Attempt]
) -> int:
    """Days until the question is due again; ``before`` are earlier attempts, newest first."""
    days = BASE_DAYS.get(rating, 1)
    if coverage < HALF:
        return 1
    if coverage < WELL:
        days = min(days, 3)
    if before and set(missed) & set(before[0].missed):
        return 1
    if _well(rating, coverage):
        streak = 0
        for a in before:
            if not _well(a.rating, a.coverage):
                break
            streak += 1
        days *= 2 ** min(streak, MAX_DOUBLINGS)
    return days


def next_due(
    answered_at: int,
    rating: int,
    coverage: float,
    missed: Sequence[str],
    before: Sequence[Attempt],
) -> int:
    """UTC epoch seconds the question is due again."""
    return answered_at + interval_days(rating, coverage, missed, before) * DAY
