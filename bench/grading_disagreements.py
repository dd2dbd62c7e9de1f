"""Where the grader and the tutor disagree on a labelled set of typed answers.

Run as ``python -m bench.grading_disagreements typed-fresh3`` (any set in
``tests/data/typed``). For each answer where a point's verdict or the rating
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


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (DATA / f"{argv[0]}.json").is_file():
        sets = ", ".join(sorted(p.stem for p in DATA.glob("*.json") if p.stem != "baseline"))
        print(f"usage: python -m bench.grading_disagreements SET (one of {sets})", file=sys.stderr)
        return 1
    print("\n".join(report(argv[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
