"""The grader against a tutor: blind, tutor-labelled sets of typed answers.

``tests/data/typed/tutor-train.json``, ``typed-fresh.json``, ``typed-fresh2.json``,
``typed-own.json``, ``typed-own2.json``, ``typed-fresh3.json``, ``typed-fresh4.json``,
``typed-fresh5.json``, ``typed-fresh6.json``, ``typed-fresh7.json``, ``typed-fresh8.json``,
``typed-fresh9.json`` and ``typed-fresh10.json`` hold cards (prompt, expected points) and
typed answers, each with the tutor's verdict per point (hit / partial / missed), the
rating the tutor would give and the seconds the answer took. The figures of each set
(per-point agreement, Cohen's kappa, rating equal, rating within one) may not drop below
its ratchet in ``baseline.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.tutor_agreement import figures, kappa

DATA = Path(__file__).resolve().parents[1] / "data" / "typed"


def test_kappa_of_known_tables() -> None:
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    # Agreement no better than chance.
    assert kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == pytest.approx(0.0)


SETS = (
    "tutor-train",
    "typed-fresh",
    "typed-fresh2",
    "typed-own",
    "typed-own2",
    "typed-fresh3",
    "typed-fresh4",
    "typed-fresh5",
    "typed-fresh6",
    "typed-fresh7",
    "typed-fresh8",
    "typed-fresh9",
    "typed-fresh10",
    "typed-fresh11",
    "typed-fresh12",
    "typed-fresh13",
    "typed-fresh14",
    "typed-fresh15",
    "typed-fresh16",
    "typed-fresh17",
    "typed-fresh18",
    "typed-fresh19",
    "typed-fresh20",
    "typed-fresh21",
    "typed-fresh22",
)


@pytest.mark.parametrize("name", SETS)
def test_agreement_with_the_tutor_does_not_drop(name: str) -> None:
    data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    ratchet = json.loads((DATA / "baseline.json").read_text("utf-8"))["sets"][name]["ratchet"]
    got = figures(data)
    dropped = {k: (round(got[k], 4), v) for k, v in ratchet.items() if got[k] < v}
    assert not dropped, f"figures below the ratchet (got, ratchet): {dropped}"


def test_the_grading_bench_grades_each_answer_against_its_own_sets_card() -> None:
    from bench.bench_grading import work

    pairs = work()
    assert len(pairs) == sum(
        len(json.loads((DATA / f"{name}.json").read_text("utf-8"))["answers"]) for name in SETS
    )
    # A card of another set with the same id has other points (typed-fresh4's p01
    # is not typed-fresh5's): each answer's verdicts are one per point of its card.
    assert all(len(card["points"]) == len(a["verdicts"]) for card, a in pairs)


def test_the_array_trainer_fits_the_weights_of_the_pure_python_one() -> None:
    # Made-up samples of two sets, three marks, a bias and two features, one of
    # them constant (its spread is 0: left unscaled).
    from bench.grading_loso import Sample, train, train_pure

    rows = [
        ("a", [1.0, 0.1, 2.0], 0),
        ("a", [1.0, 0.5, 2.0], 1),
        ("a", [1.0, 0.9, 2.0], 2),
        ("a", [1.0, 0.8, 2.0], 2),
        ("b", [1.0, 0.2, 2.0], 0),
        ("b", [1.0, 0.6, 2.0], 2),
    ]
    data = [Sample(name, features, label) for name, features, label in rows]
    fast, pure = train(data), train_pure(data)
    for got, want in zip(fast.weights, pure.weights, strict=True):
        assert got == pytest.approx(want, abs=1e-9)
