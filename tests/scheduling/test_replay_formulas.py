"""The import's replay loop, FSRS's formulas written out, equals the fsrs library bit for bit.

``fsrs_adapter._replay_one`` works the formulas itself (an import replays
100,000 answers); ``_replay_one_fsrs`` runs the same history through the
library's ``review_card``. Every field must be the same, floats compared by
their exact bits.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from zoneinfo import ZoneInfo

import pytest

from trainer.domain.clock import DayClock
from trainer.domain.model import DeckOptions
from trainer.scheduling.fsrs_adapter import (
    DEFAULT_PARAMETERS,
    _replay_one,
    _replay_one_fsrs,
    study_day_of_ms,
)

DAY_MS = 86_400_000
T0 = 1_735_689_600_000  # 2025-01-01
BOUNDS = (
    (0.001, 100.0),
    (0.001, 100.0),
    (0.001, 100.0),
    (0.001, 100.0),
    (1.0, 10.0),
    (0.001, 4.0),
    (0.001, 4.0),
    (0.001, 0.75),
    (0.0, 4.5),
    (0.0, 0.8),
    (0.001, 3.5),
    (0.001, 5.0),
    (0.001, 0.25),
    (0.001, 0.9),
    (0.0, 4.0),
    (0.0, 1.0),
    (1.0, 6.0),
    (0.0, 2.0),
    (0.0, 2.0),
    (0.0, 0.8),
    (0.1, 0.8),
)
"""The fsrs package's bounds on each of the 21 parameters."""
GAPS_MS = (
    0,
    1,
    60_000,
    600_000,
    3_600_000,
    5 * 3_600_000,
    20 * 3_600_000,
    DAY_MS - 1,
    DAY_MS,
    DAY_MS + 1,
    3 * DAY_MS,
    20 * DAY_MS,
    200 * DAY_MS,
    3000 * DAY_MS,
)


def _same(history: Sequence[tuple[int, int]], options: DeckOptions, clock: DayClock) -> None:
    day_of: Callable[[int], int] = study_day_of_ms(clock)
    got = _replay_one(history, options, day_of)
    want = _replay_one_fsrs(history, options, day_of)
    assert repr(got) == repr(want), (history, options)
    assert [type(x) for x in got] == [type(x) for x in want]
    for a, b in zip(got, want, strict=True):
        if isinstance(a, float):
            assert a.hex() == b.hex()


def _history(rng: random.Random, weights: Sequence[int]) -> list[tuple[int, int]]:
    at, out = T0 + rng.randrange(DAY_MS), []
    for _ in range(rng.randrange(1, 30)):
        out.append((at, rng.choices((1, 2, 3, 4), weights)[0]))
        at += rng.choice(GAPS_MS) + rng.randrange(1000)
    return out


def _parameters(rng: random.Random) -> tuple[float, ...]:
    """Defaults, or random ones within bounds, at times right on a bound."""
    if rng.random() < 0.3:
        return ()
    out = []
    for low, high in BOUNDS:
        pick = rng.random()
        out.append(low if pick < 0.1 else high if pick < 0.2 else rng.uniform(low, high))
    return tuple(out)


def _options(rng: random.Random) -> DeckOptions:
    steps = ((), (60,), (60, 600), (30, 600, 3600), (600, 86_400 * 2))
    return DeckOptions(
        desired_retention=rng.choice((0.7, 0.85, 0.9, 0.95, 0.99)),
        learning_steps=rng.choice(steps),
        relearning_steps=rng.choice(((), (600,), (600, 1800), (60, 600, 3600))),
        maximum_interval=rng.choice((1, 7, 365, 36500)),
        fsrs_parameters=_parameters(rng),
    )


CLOCKS = (
    DayClock(),
    DayClock(ZoneInfo("Asia/Kathmandu"), 4),
    DayClock(ZoneInfo("America/New_York"), 0),
)


@pytest.mark.parametrize("seed", range(6))
def test_random_histories_replay_as_the_library_does(seed: int) -> None:
    rng = random.Random(seed)
    weights = rng.choice(((15, 15, 60, 10), (40, 20, 30, 10), (2, 2, 2, 94), (1, 60, 30, 9)))
    for _ in range(400):
        _same(_history(rng, weights), _options(rng), rng.choice(CLOCKS))


def test_edge_histories_replay_as_the_library_does() -> None:
    """Same-instant answers, one answer, long runs of one rating, clamps on every side."""
    extreme = tuple(low for low, _ in BOUNDS), tuple(high for _, high in BOUNDS)
    histories = [[(T0, r)] for r in (1, 2, 3, 4)] + [
        [(T0, 3)] * 5,
        [(T0 + i * DAY_MS * 400, 4) for i in range(40)],
        [(T0 + i * 60_000, 1) for i in range(40)],
        [(T0 + i * DAY_MS, r) for i, r in enumerate((3, 3, 1, 1, 2, 2, 4, 1, 3, 2) * 4)],
    ]
    for parameters in ((), DEFAULT_PARAMETERS, *extreme):
        for steps in ((), (60,), (60, 600)):
            options = DeckOptions(
                learning_steps=steps, relearning_steps=steps, fsrs_parameters=parameters
            )
            for history in histories:
                for clock in CLOCKS:
                    _same(history, options, clock)


def test_an_unknown_rating_fails_as_in_the_library() -> None:
    day_of = study_day_of_ms(DayClock())
    for replay in (_replay_one, _replay_one_fsrs):
        with pytest.raises(KeyError):
            replay([(T0, 3), (T0 + DAY_MS, 5)], DeckOptions(), day_of)


def test_parameters_out_of_bounds_fail_as_in_the_library() -> None:
    day_of = study_day_of_ms(DayClock())
    bad = DeckOptions(fsrs_parameters=(200.0, *DEFAULT_PARAMETERS[1:]))
    for replay in (_replay_one, _replay_one_fsrs):
        with pytest.raises(ValueError, match="out of bounds"):
            replay([(T0, 3)], bad, day_of)
