"""The one module that imports ``fsrs_rs_python`` (the Rust FSRS optimiser, no torch).

Turns review histories into fsrs-rs training items the way fsrs-rs's own
examples and Anki do: one item per answer that came on a later study day than
the one before it, holding the card's history up to that answer; histories
start at the card's last learning block (a card reset to new starts afresh).
Also evaluates parameters (log loss and RMSE over bins, always reported
together: RMSE alone can be gamed) and exposes the memory-state step the exam
planner needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import fsrs_rs_python as rs

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(float(x) for x in rs.DEFAULT_PARAMETERS)

MIN_ITEMS = 400
"""Fewer long-term answers than this and the fit is not trusted (Anki's own advice)."""


@dataclass(frozen=True, slots=True)
class Fit:
    """Before/after figures on the same history."""

    parameters: tuple[float, ...]
    items: int
    log_loss_before: float
    rmse_before: float
    log_loss_after: float
    rmse_after: float
    evaluated: int = 0
    """Items the before/after figures were computed on (``items`` or a sample)."""

    @property
    def better(self) -> bool:
        """Saved only when log loss improves and RMSE does not get worse."""
        return (
            self.log_loss_after < self.log_loss_before
            and self.rmse_after <= self.rmse_before + 1e-9
        )


class NotEnoughHistory(ValueError):
    def __init__(self, have: int, need: int = MIN_ITEMS) -> None:
        super().__init__(
            f"optimising needs at least {need} reviews answered on a later day than the card's "
            f"previous answer; this history has {have} ({need - have} more needed)"
        )
        self.have = have
        self.need = need


History = Sequence[tuple[int, int, int]]
"""One card's answers in order: (study day, rating 1-4, state before 0-3)."""

Row = tuple[int, int, int, int]
"""One answer as the review log gives it: (card id, study day, rating, state before)."""

EVAL_SAMPLE = 100_000
"""Before/after figures are computed on at most this many items (an even spread over
the history, the same items for both); the fit itself always uses every item."""


def _from_last_learning(history: History) -> History:
    start = -1
    for i in range(len(history) - 1, -1, -1):
        if history[i][2] in (0, 1):
            start = i
        elif start != -1:
            break
    return history[start:] if start != -1 else []


def _emit(history: History, out: list[rs.FSRSItem]) -> int:
    """Append one card's items to ``out``; returns how many.

    An item is made for every answer on a later day than the one before it; it
    always holds at least that one long-term review, so fsrs-rs's
    ``long_term_review_cnt() > 0`` filter never drops it and is not called.
    """
    history = _from_last_learning(history)
    if len(history) < 2:
        return 0
    review = rs.FSRSReview
    item = rs.FSRSItem
    reviews: list[rs.FSRSReview] = []
    last_day = history[0][0]
    n = 0
    for day, rating, _state in history:
        delta = day - last_day
        reviews.append(review(rating, delta))
        if delta > 0:
            out.append(item(reviews[:]))
            n += 1
        last_day = day
    return n


def items_for(history: History) -> list[rs.FSRSItem]:
    """Training items from one card's answers."""
    out: list[rs.FSRSItem] = []
    _emit(history, out)
    return out


def build_items(histories: Iterable[tuple[int, History]]) -> tuple[list[rs.FSRSItem], list[int]]:
    """Items and their card ids (fsrs-rs keeps a card's items in one split)."""
    items: list[rs.FSRSItem] = []
    ids: list[int] = []
    for card_id, history in histories:
        n = _emit(history, items)
        if n:
            ids += [card_id] * n
    return items, ids


def items_from_rows(rows: Iterable[Row]) -> tuple[list[rs.FSRSItem], list[int]]:
    """``build_items`` straight from review-log rows ordered by card, then time."""
    items: list[rs.FSRSItem] = []
    ids: list[int] = []
    current: int | None = None
    history: list[tuple[int, int, int]] = []
    for card_id, day, rating, state in rows:
        if card_id != current:
            if len(history) > 1:
                n = _emit(history, items)
                if n:
                    ids += [current] * n  # type: ignore[list-item]
            current = card_id
            history = []
        history.append((day, rating, state))
    if len(history) > 1:
        n = _emit(history, items)
        if n:
            ids += [current] * n  # type: ignore[list-item]
    return items, ids


def sample(items: Sequence[rs.FSRSItem], limit: int = EVAL_SAMPLE) -> Sequence[rs.FSRSItem]:
    """At most ``limit`` items spread evenly over ``items`` (all of them when fewer)."""
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def evaluate(parameters: Sequence[float], items: Sequence[rs.FSRSItem]) -> tuple[float, float]:
    """(log loss, RMSE over bins) of ``parameters`` on ``items``."""
    if not items:
        return float("nan"), float("nan")
    ev = rs.FSRS(list(parameters or DEFAULT_PARAMETERS)).evaluate(list(items))
    return float(ev.log_loss), float(ev.rmse_bins)


def fit(
    items: Sequence[rs.FSRSItem],
    card_ids: Sequence[int] | None = None,
    current: Sequence[float] = (),
    min_items: int = MIN_ITEMS,
    eval_sample: int = EVAL_SAMPLE,
) -> Fit:
    """Fit parameters to ``items``; compares with ``current`` on the same items
    (an even sample of ``eval_sample`` of them when there are more)."""
    if len(items) < min_items:
        raise NotEnoughHistory(len(items), min_items)
    before = list(current or DEFAULT_PARAMETERS)
    fitted = rs.FSRS(before).compute_parameters(
        list(items), card_ids=list(card_ids) if card_ids is not None else None
    )
    judged = sample(items, eval_sample)
    ll0, rmse0 = evaluate(before, judged)
    ll1, rmse1 = evaluate(fitted, judged)
    return Fit(tuple(float(x) for x in fitted), len(items), ll0, rmse0, ll1, rmse1, len(judged))


# -- memory-state steps for planning ----------------------------------------------------
@lru_cache(maxsize=8)
def _model(parameters: tuple[float, ...]) -> rs.FSRS:
    return rs.FSRS(list(parameters or DEFAULT_PARAMETERS))


def first_good(parameters: tuple[float, ...]) -> tuple[float, float]:
    """(stability, difficulty) of a new card after a first Good."""
    m = _model(parameters).next_states(None, 0.9, 0).good.memory
    return float(m.stability), float(m.difficulty)


def good_after(
    parameters: tuple[float, ...], stability: float, difficulty: float, elapsed_days: int
) -> tuple[float, float]:
    """(stability, difficulty) after a Good answer ``elapsed_days`` after the last one."""
    state = rs.MemoryState(float(stability), float(difficulty))
    m = _model(parameters).next_states(state, 0.9, max(0, int(elapsed_days))).good.memory
    return float(m.stability), float(m.difficulty)


def memory_from_sm2(ease: float, interval_days: float, retention: float) -> tuple[float, float]:
    """(stability, difficulty) for a card that has SM-2 data (Anki ease, interval) but no log."""
    state = _model(DEFAULT_PARAMETERS).memory_state_from_sm2(ease, interval_days, retention)
    return float(state.stability), float(state.difficulty)
