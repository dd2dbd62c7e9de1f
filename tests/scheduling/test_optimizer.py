"""The optimiser recovers a simulated user's memory better than the defaults."""

from __future__ import annotations

import math
import random

import fsrs_rs_python as rs
import pytest

from trainer.scheduling import optimizer

TRUE = list(optimizer.DEFAULT_PARAMETERS)
TRUE[0:4] = [0.6, 2.4, 5.0, 15.0]
TRUE[8], TRUE[10], TRUE[20] = 1.3, 1.1, 0.3


def simulate(cards: int, seed: int) -> list[tuple[int, list[tuple[int, int, int]]]]:
    """Histories of a user whose memory follows ``TRUE`` (answers drawn from its R)."""
    rng = random.Random(seed)
    model = rs.FSRS(TRUE)
    factor = 0.9 ** (-1 / TRUE[20]) - 1
    out = []
    for cid in range(cards):
        day = rng.randrange(0, 60)
        rating = rng.choices([1, 2, 3, 4], [0.2, 0.1, 0.55, 0.15])[0]
        state = rs_state = model.next_states(None, 0.9, 0)
        mem = getattr(state, ["again", "hard", "good", "easy"][rating - 1]).memory
        history = [(day, rating, 0)]
        for _ in range(8):
            ivl = max(1, round(mem.stability * rng.uniform(0.6, 1.6)))
            day += ivl
            r = (1 + factor * ivl / mem.stability) ** -TRUE[20]
            rating = 1 if rng.random() > r else rng.choices([2, 3, 4], [0.1, 0.8, 0.1])[0]
            rs_state = model.next_states(mem, 0.9, ivl)
            mem = getattr(rs_state, ["again", "hard", "good", "easy"][rating - 1]).memory
            history.append((day, rating, 2))
        out.append((cid, history))
    return out


def test_items_one_per_later_day_answer() -> None:
    items = optimizer.items_for([(10, 3, 0), (10, 3, 1), (12, 3, 2), (20, 1, 2), (20, 3, 3)])
    assert [len(i.reviews) for i in items] == [3, 4]


def test_too_little_history_says_how_many_are_needed() -> None:
    items, ids = optimizer.build_items(simulate(5, 1))
    with pytest.raises(
        optimizer.NotEnoughHistory, match=r"at least 400 .*has 40 \(360 more needed\)"
    ):
        optimizer.fit(items, ids)


def test_recovers_parameters_on_held_out_history() -> None:
    train, _ = optimizer.build_items(simulate(1500, 2))
    test, _ = optimizer.build_items((cid + 10**6, h) for cid, h in simulate(800, 3))
    fit = optimizer.fit(train)
    assert fit.better
    ll_fit, rmse_fit = optimizer.evaluate(fit.parameters, test)
    ll_true, _ = optimizer.evaluate(TRUE, test)
    ll_default, rmse_default = optimizer.evaluate(optimizer.DEFAULT_PARAMETERS, test)
    assert math.isfinite(ll_fit)
    assert ll_fit < ll_default and rmse_fit < rmse_default
    assert ll_fit - ll_true < 0.005
