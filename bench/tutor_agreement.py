"""How far the grader agrees with a tutor on a labelled set of typed answers.

One home for the figures the ratchet test (``tests/services/test_grading_tutor.py``)
holds and the leave-one-set-out measurement (``bench.grading_loso``) prints:
per-point agreement (hit / partial / missed), Cohen's κ, and the suggested rating
equal to the tutor's or within one step of it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from trainer.domain.model import Rating
from trainer.services.grading import Mark, grade

VERDICT = {Mark.RECALLED: "hit", Mark.PARTIAL: "partial", Mark.MISSED: "missed"}
ORDER = {"again": 0, "hard": 1, "good": 2, "easy": 3}
RATING = {Rating.AGAIN: "again", Rating.HARD: "hard", Rating.GOOD: "good", Rating.EASY: "easy"}
KEYS = ("agreement", "kappa", "rating_equal", "within_one")


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters over the same items."""
    n = len(pairs)
    seen = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    observed = sum(a == b for a, b in pairs) / n
    chance = sum(seen[0][c] * seen[1][c] for c in set(seen[0]) | set(seen[1])) / n / n
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def figures(data: dict[str, Any]) -> dict[str, float]:
    """The grader's figures on one set (``cards`` with points, ``answers`` with the
    tutor's verdict per point and rating)."""
    cards = {c["id"]: c for c in data["cards"]}
    pairs: list[tuple[str, str]] = []
    equal = within = 0
    for answer in data["answers"]:
        card = cards[answer["card"]]
        g = grade(card["points"], answer["typed"], prompt=card["prompt"], seconds=answer["seconds"])
        if len(g.points) != len(answer["verdicts"]):
            raise ValueError(f"answer {answer['id']}: {len(answer['verdicts'])} verdicts")
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
