"""Row shapes of the store that the answer path needs without SQLAlchemy.

``models`` builds its tables from these names (and re-exports them), so the
review log's record and the roll-up's counters have one definition each.
"""

from __future__ import annotations

from typing import NamedTuple


class ReviewRecord(NamedTuple):
    """One row of the review log as written: every column but ``id``, in table order.

    The one shape every writer hands to ``reviews_repo.insert_many`` /
    ``add_review``; a new column is a field here (with its default) next to
    its ``ReviewRow`` column and its migration. A tuple, so a bulk import hands
    the driver its rows without copying them; ``reviews_repo`` checks at first
    use that the fields follow the table's columns.
    """

    card_id: int
    profile_id: int
    deck_id: int
    rating: int
    reviewed_at: int
    """UTC epoch milliseconds."""
    day: int
    """Local study day (proleptic ordinal after the day boundary)."""
    duration_ms: int = 0
    state_before: int = 0
    interval_days: float = 0.0
    stability: float | None = None
    difficulty: float | None = None
    undo: str = ""


# -- statistics roll-up (schema 0002) ------------------------------------------------
ROLLUP_KINDS = ("learn", "young", "mature", "relearn")
"""Review kinds as Anki's stats count them (young/mature split on the last interval)."""
ROLLUP_BUTTON_GROUPS = ("learn", "young", "mature")
"""Anki's answer-button graph groups: learning (learn and relearn), young, mature."""


def _counters() -> tuple[str, ...]:
    names = [f"{k}_{m}" for k in ROLLUP_KINDS for m in ("n", "ms")]
    names += [f"{g}_b{b}" for g in ROLLUP_BUTTON_GROUPS for b in range(1, 5)]
    names += ["tr_young_pass", "tr_young_fail", "tr_mature_pass", "tr_mature_fail"]
    names += [f"h{h:02d}" for h in range(24)] + [f"hp{h:02d}" for h in range(24)]
    return tuple(names)


ROLLUP_COUNTERS = _counters()
"""The counter columns of ``review_days``, in table order (after the key)."""
