"""Paraphrase-missed and antonym disagreements split by what the verdict turns on.

Run as ``python -m bench.grading_subclasses`` (``--list SUBCLASS`` prints that
sub-class's points). The points are those :mod:`bench.grading_classes` puts in
*paraphrase* (the tutor credits, the grader marks lower) and *antonym* (the
tutor's note says the answer has it the wrong way round, the grader credits).
Each is put in the first sub-class that applies, by a mechanical reading of the
grader's reason and the characters the typed clause shares with the point:

paraphrase
  * *negation in other words*: the grader read the point turned (不人性化 for
    缺乏人性化, 交通等基础设施不完善 for 交通不便);
  * *hypernym / general word*: the grader's reason is "vague" (a general word
    for the point's term);
  * *one word replaced*: the grader names a word changed (different word or
    term, other words, part of the term, slip): a synonym pair the lexicon lacks
    or a near term;
  * *reworded verb-object*: the clause shares a character pair with the point's
    heading, the rest said in other words;
  * *no pair shared*: the clause shares no character pair with the point (a
    description, far paraphrase).

antonym
  * *antonym pair*: the clause holds a word the lexicon lists as an opposite of
    a word of the point, or a word the point does not negate typed negated
    (or the other way round), and the grader still credits it;
  * *term sharing characters*: the clause shares a character pair with the
    point's heading and names another thing (乡村产业 for 乡村治理);
  * *general word only*: the clause is four characters or fewer or the reason
    is "vague" (问题, 措施);
  * *other*.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from bench.grading_classes import Disagreement, listed, tally
from trainer.services.grading.lexicon import lexicon

SUBCLASSES = (
    ("paraphrase", "negation in other words"),
    ("paraphrase", "hypernym / general word"),
    ("paraphrase", "one word replaced"),
    ("paraphrase", "reworded verb-object"),
    ("paraphrase", "no pair shared"),
    ("antonym", "antonym pair"),
    ("antonym", "term sharing characters"),
    ("antonym", "general word only"),
    ("antonym", "other"),
)
_HEADING = re.compile(r"[：:（(]")
_NEGATION = re.compile(r"不|没|未|无|缺|非")
_ONE_WORD = ("different", "other", "part", "slip", "homophone")


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _opposed(point: str, clause: str) -> bool:
    lex = lexicon()
    for i in range(len(point) - 1):
        for size in (2, 3, 4):
            word = point[i : i + size]
            if len(word) == size and any(o in clause for o in lex.opposites(word)):
                return True
    return bool(_NEGATION.search(clause)) != bool(_NEGATION.search(point))


def subclass(cls: str, why: str, point: str, clause: str) -> str:
    heading = _HEADING.split(point, maxsplit=1)[0]
    if cls == "paraphrase":
        if why in ("negated", "opposite"):
            return "negation in other words"
        if why == "vague":
            return "hypernym / general word"
        if why.startswith(_ONE_WORD):
            return "one word replaced"
        if _pairs(heading) & _pairs(clause):
            return "reworded verb-object"
        return "no pair shared"
    if _opposed(point, clause):
        return "antonym pair"
    if len(clause) <= 4 or why == "vague":
        return "general word only"
    if _pairs(heading) & _pairs(clause):
        return "term sharing characters"
    return "other"


def _sub(d: Disagreement) -> str | None:
    if d.cls not in ("paraphrase", "antonym"):
        return None
    return subclass(d.cls, d.why, d.point, d.aligned.replace(" ", ""))


def main(argv: list[str]) -> int:
    counts, lines = tally(_sub)
    if listed(argv, lines):
        return 0
    names = [sub for _, sub in SUBCLASSES]
    print("| set | " + " | ".join(f"{c}: {s}" for c, s in SUBCLASSES) + " |")
    print("|---" * (len(names) + 1) + "|")
    total: Counter[str] = Counter()
    for name, c in counts.items():
        total.update(c)
        print(f"| {name} | " + " | ".join(str(c[k]) for k in names) + " |")
    print("| **all** | " + " | ".join(f"**{total[k]}**" for k in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
