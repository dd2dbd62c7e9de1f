"""The grader's point disagreements with the tutor, tallied by class over every set.

Run as ``python -m bench.grading_classes`` (``--list CLASS`` prints that class's
points). Each point where the grader's mark (shipped rules and model) differs
from the tutor's verdict is put in one class by a rough reading of the answer,
the point and the tutor's note, the classes of ``tests/data/typed/ANALYSIS.md``:

* half point as hit: the tutor's partial marked recalled;
* for a point the tutor credits (hit or partial) marked lower: *prose* when the
  answer is narration (no numbering, no line or item breaks, long), *terse*
  when the answer's items are short (a heading or a key word), *paraphrase*
  otherwise;
* for a point the tutor says is missed, marked partial or recalled: *negation*
  when the aligned clause holds a negation the point lacks, *antonym* when the
  tutor's note says the answer has it the wrong way round, *wrong term* when
  the note says a term is not the point's, *absent credited* otherwise.

The reading is mechanical (the notes are short and the items are split on
their numbering and separators only), so a class's count is a measure, not a
verdict on each point: the ANALYSIS tables read by hand are the reference.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.grading_loso import SETS
from bench.tutor_agreement import VERDICT
from trainer.services.grading import grade

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "typed"
CLASSES = (
    "terse",
    "paraphrase",
    "half as hit",
    "prose",
    "absent credited",
    "antonym",
    "wrong term",
    "negation",
)
_RANK = {"missed": 0, "partial": 1, "hit": 2}
_ITEM = re.compile(r"[\n；;。①-⑳]|(?:^|\s|[，,、])(?:\d+[.、．)）]|[一二三四五六七八九十][是、])")
_NUMBERED = re.compile(r"\d+[.、．)）]|[①-⑳]|[一二三四五六七八九十]是")
_NEGATION = re.compile(r"不|没|未|无|缺|非")
_OPPOSITE_NOTE = re.compile(r"反|相反|对立|背道|越大越好|打击")
_WRONG_NOTE = re.compile(r"不是|不等于|混|错|误|偷换|无关|并非|而非")
TERSE_ITEM = 7
"""Mean characters of an answer's items at or under which it is terse."""
PROSE_LENGTH = 40
"""Characters of an unnumbered answer from which it may be narration."""


def items(typed: str) -> list[str]:
    return [s.strip(" ，,、：:") for s in _ITEM.split(typed) if s and s.strip(" ，,、：:")]


def classify(theirs: str, mine: str, typed: str, aligned: str, point: str, note: str) -> str:
    if theirs == "partial" and mine == "hit":
        return "half as hit"
    if _RANK[mine] < _RANK[theirs]:
        numbered = bool(_NUMBERED.search(typed)) or "\n" in typed
        parts = items(typed)
        mean = sum(len(p) for p in parts) / max(1, len(parts))
        if not numbered and len(typed) >= PROSE_LENGTH and mean > 2 * TERSE_ITEM:
            return "prose"
        if mean <= TERSE_ITEM or (aligned and len(aligned) <= TERSE_ITEM):
            return "terse"
        return "paraphrase"
    # The tutor says missed (or hit marked ... only lower ranks reach here).
    if aligned and _NEGATION.search(aligned) and not _NEGATION.search(point):
        return "negation"
    if _OPPOSITE_NOTE.search(note):
        return "antonym"
    if _WRONG_NOTE.search(note):
        return "wrong term"
    return "absent credited"


@dataclass(frozen=True)
class Disagreement:
    """One point where the grader's mark is not the tutor's verdict."""

    set_name: str
    answer_id: str
    typed: str
    point: str
    theirs: str
    mine: str
    why: str
    aligned: str
    cls: str

    def line(self) -> str:
        shown = self.aligned or self.typed.replace(chr(10), " / ")
        return (
            f"{self.set_name} {self.answer_id} tutor {self.theirs:7} grader {self.mine:7} "
            f"{self.why or '-':14} {self.point} | {shown}"
        )


def disagreements(sets: list[str] | None = None) -> Iterator[Disagreement]:
    """Every disagreement of the grader with the tutors over ``sets`` (all by default),
    with its class."""
    for name in sets or SETS:
        data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
        cards = {c["id"]: c for c in data["cards"]}
        for answer in data["answers"]:
            card = cards[answer["card"]]
            g = grade(
                card["points"], answer["typed"], prompt=card["prompt"], seconds=answer["seconds"]
            )
            for point, theirs, p in zip(card["points"], answer["verdicts"], g.points, strict=True):
                mine = VERDICT[p.mark]
                if theirs == mine:
                    continue
                cls = classify(theirs, mine, answer["typed"], p.typed, point, answer.get("why", ""))
                yield Disagreement(
                    name, answer["id"], answer["typed"], point, theirs, mine, p.why, p.typed, cls
                )


def tally(
    key: Callable[[Disagreement], str | None] = lambda d: d.cls,
) -> tuple[dict[str, Counter[str]], dict[str, list[str]]]:
    """Disagreements counted per set under ``key`` (their class by default; None leaves
    one out), and each key's lines for ``--list``."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in SETS}
    lines: dict[str, list[str]] = defaultdict(list)
    for d in disagreements():
        k = key(d)
        if k is not None:
            counts[d.set_name][k] += 1
            lines[k].append(d.line())
    return counts, lines


def listed(argv: list[str], lines: dict[str, list[str]]) -> bool:
    """``--list KEY``: print that key's disagreements (and say so)."""
    if argv[:1] == ["--list"] and len(argv) == 2:
        print("\n".join(lines.get(argv[1], [])))
        return True
    return False


def main(argv: list[str]) -> int:
    counts, lines = tally()
    if listed(argv, lines):
        return 0
    short = [c.split()[0][:6] for c in CLASSES]
    print(f"{'set':13} " + " ".join(f"{s:>6}" for s in short) + "  total")
    total: Counter[str] = Counter()
    for name, c in counts.items():
        total.update(c)
        print(f"{name:13} " + " ".join(f"{c[k]:6}" for k in CLASSES) + f"  {sum(c.values()):5}")
    print(
        f"{'all':13} " + " ".join(f"{total[k]:6}" for k in CLASSES) + f"  {sum(total.values()):5}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
