"""The grader against a tutor: blind, tutor-labelled sets of typed answers.

``tests/data/typed/tutor-train.json``, ``typed-fresh.json``, ``typed-fresh2.json``,
``typed-own.json``, ``typed-own2.json``, ``typed-fresh3.json``, ``typed-fresh4.json`` and ``typed-fresh5.json`` hold cards (prompt, expected points)
and typed answers, each with the tutor's verdict per point (hit / partial /
missed), the rating the tutor would give and the seconds the answer took. The
figures of each set (per-point agreement, Cohen's kappa, rating equal, rating
within one) may not drop below its ratchet in ``baseline.json``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from trainer.domain.model import Rating
from trainer.services.grading import Mark, grade

DATA = Path(__file__).resolve().parents[1] / "data" / "typed"
VERDICT = {Mark.RECALLED: "hit", Mark.PARTIAL: "partial", Mark.MISSED: "missed"}
ORDER = {"again": 0, "hard": 1, "good": 2, "easy": 3}
RATING = {Rating.AGAIN: "again", Rating.HARD: "hard", Rating.GOOD: "good", Rating.EASY: "easy"}


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters over the same items."""
    n = len(pairs)
    seen = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    observed = sum(a == b for a, b in pairs) / n
    chance = sum(seen[0][c] * seen[1][c] for c in set(seen[0]) | set(seen[1])) / n / n
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def figures(data: dict[str, Any]) -> dict[str, float]:
    cards = {c["id"]: c for c in data["cards"]}
    pairs: list[tuple[str, str]] = []
    equal = within = 0
    for answer in data["answers"]:
        card = cards[answer["card"]]
        g = grade(card["points"], answer["typed"], prompt=card["prompt"], seconds=answer["seconds"])
        assert len(g.points) == len(answer["verdicts"]), answer["id"]
        pairs += [(v, VERDICT[p.mark]) for v, p in zip(answer["verdicts"], g.points, strict=True)]
        ours, theirs = ORDER[RATING[g.suggested]], ORDER[answer["rating"]]
        equal += ours == theirs
        within += abs(ours - theirs) <= 1
    n = len(data["answers"])
    return {
        "agreement": sum(a == b for a, b in pairs) / len(pairs),
        "kappa": kappa(pairs),
        "rating_equal": equal / n,
        "within_one": within / n,
    }


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
)


@pytest.mark.parametrize("name", SETS)
def test_agreement_with_the_tutor_does_not_drop(name: str) -> None:
    data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    ratchet = json.loads((DATA / "baseline.json").read_text("utf-8"))["sets"][name]["ratchet"]
    got = figures(data)
    dropped = {k: (round(got[k], 4), v) for k, v in ratchet.items() if got[k] < v}
    assert not dropped, f"figures below the ratchet (got, ratchet): {dropped}"
