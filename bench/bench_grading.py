"""Typed-answer grading (issue 19): time per answer on the tutor-labelled sets.

Run as ``python -m bench.bench_grading``. Each of the sets' typed answers is
graded (three rounds) after a warm-up (segmenter and converter loaded, as the study
screen's worker does before the first answer); the median and the 95th
percentile are reported. The first answer to a card also builds the card's
point plans; later answers to it reuse them, as in a study session.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import Row

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "typed"
SETS = (
    "tutor-train.json",
    "typed-fresh.json",
    "typed-fresh2.json",
    "typed-own.json",
    "typed-own2.json",
    "typed-fresh3.json",
    "typed-fresh4.json",
    "typed-fresh5.json",
    "typed-fresh6.json",
    "typed-fresh7.json",
    "typed-fresh8.json",
    "typed-fresh9.json",
    "typed-fresh10.json",
    "typed-fresh11.json",
    "typed-fresh12.json",
    "typed-fresh13.json",
    "typed-fresh14.json",
    "typed-fresh15.json",
    "typed-fresh16.json",
    "typed-fresh17.json",
    "typed-fresh18.json",
    "typed-fresh19.json",
    "typed-fresh20.json",
    "typed-fresh21.json",
    "typed-fresh22.json",
)


def work() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every labelled answer with its card. Card ids are a set's own (typed-fresh3
    reuses tutor-train's t01…, typed-fresh5 typed-fresh4's p01…): each answer is
    paired with the card of its own set."""
    out = []
    for name in SETS:
        data = json.loads((DATA / name).read_text("utf-8"))
        cards = {c["id"]: c for c in data["cards"]}
        out += [(cards[a["card"]], a) for a in data["answers"]]
    return out


def run() -> list[Row]:
    from trainer.services import grading

    grading.warm()
    answers = work()
    times = []
    for _ in range(3):
        for card, answer in answers:
            started = time.perf_counter()
            grading.grade(
                card["points"], answer["typed"], prompt=card["prompt"], seconds=answer["seconds"]
            )
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    return [
        ("typed answer graded, median", statistics.median(times), 1.0, "ms"),
        ("typed answer graded, 95th percentile (first answers build plans)", p95, 10.0, "ms"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
