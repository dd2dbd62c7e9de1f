"""Where the grader and the tutor disagree on a labelled set of typed answers.

Run as ``python -m bench.grading_disagreements typed-fresh3`` (any set in
``tests/data/typed``), or with ``--all`` for every set: its confusion matrix
(tutor's verdict by the grader's) and its worst disagreements first (✓ against
✗), each with the point, the typed text and both verdicts. For each answer where a point's verdict or the rating
differs: the tutor's rating and the grader's (with its reason), the typed
text, the tutor's note, and per point the tutor's verdict, the grader's mark
and the point. Then the counts of each (tutor, grader) pair, per point and per
rating. This is what ``tests/data/typed/ANALYSIS.md`` is written from.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from bench.tutor_agreement import RATING, VERDICT
from trainer.services.grading import grade

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "typed"


def report(name: str) -> list[str]:
    data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    cards = {c["id"]: c for c in data["cards"]}
    points: Counter[tuple[str, str]] = Counter()
    ratings: Counter[tuple[str, str]] = Counter()
    out: list[str] = []
    for answer in data["answers"]:
        card = cards[answer["card"]]
        g = grade(card["points"], answer["typed"], prompt=card["prompt"], seconds=answer["seconds"])
        ours = RATING[g.suggested]
        bad = [
            (i, v, VERDICT[p.mark])
            for i, (v, p) in enumerate(zip(answer["verdicts"], g.points, strict=True))
            if v != VERDICT[p.mark]
        ]
        if ours != answer["rating"]:
            ratings[(answer["rating"], ours)] += 1
        if not bad and ours == answer["rating"]:
            continue
        out.append(
            f"== {answer['id']} card {answer['card']} {answer['seconds']} s: "
            f"tutor {answer['rating']}, grader {ours} ({g.reason})"
        )
        out.append("   typed: " + answer["typed"].replace("\n", " / "))
        if answer.get("why"):
            out.append("   tutor: " + answer["why"])
        for i, theirs, mine in bad:
            points[(theirs, mine)] += 1
            out.append(f"   P{i + 1} tutor {theirs:7} grader {mine:7} | {card['points'][i]}")
    out.append(
        "points (tutor, grader): " + ", ".join(f"{a}→{b} {n}" for (a, b), n in points.most_common())
    )
    out.append(
        "ratings (tutor, grader): "
        + ", ".join(f"{a}→{b} {n}" for (a, b), n in ratings.most_common())
    )
    return out


WORST = 8
"""Disagreements shown per set by ``--all``."""
_GAP = {"hit": 2, "partial": 1, "missed": 0}


def confusion(name: str) -> list[str]:
    """The set's confusion matrix and its worst point disagreements."""
    data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    cards = {c["id"]: c for c in data["cards"]}
    table: Counter[tuple[str, str]] = Counter()
    worst: list[tuple[int, str]] = []
    for answer in data["answers"]:
        card = cards[answer["card"]]
        g = grade(card["points"], answer["typed"], prompt=card["prompt"], seconds=answer["seconds"])
        for point, theirs, p in zip(card["points"], answer["verdicts"], g.points, strict=True):
            mine = VERDICT[p.mark]
            table[(theirs, mine)] += 1
            if theirs != mine:
                typed = p.typed or answer["typed"].replace("\n", " / ")
                line = f"   {answer['id']} tutor {theirs:7} grader {mine:7} {p.why or '-':14}"
                worst.append((abs(_GAP[theirs] - _GAP[mine]), f"{line} {point} | {typed}"))
    marks = ("hit", "partial", "missed")
    out = [f"== {name} (rows: tutor, columns: grader {' / '.join(marks)})"]
    out += [f"   {t:7} " + " ".join(f"{table[(t, m)]:5}" for m in marks) for t in marks]
    worst.sort(key=lambda w: -w[0])
    return out + [line for _, line in worst[:WORST]]


def main(argv: list[str]) -> int:
    if argv == ["--all"]:
        names = sorted(p.stem for p in DATA.glob("*.json") if p.stem != "baseline")
        print("\n".join(line for name in names for line in confusion(name)))
        return 0
    if len(argv) != 1 or not (DATA / f"{argv[0]}.json").is_file():
        sets = ", ".join(sorted(p.stem for p in DATA.glob("*.json") if p.stem != "baseline"))
        print(
            f"usage: python -m bench.grading_disagreements SET|--all (SET one of {sets})",
            file=sys.stderr,
        )
        return 1
    print("\n".join(report(argv[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
