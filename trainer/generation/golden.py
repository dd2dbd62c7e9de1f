"""金句: sentences worth memorising word for word, and what to blank in them.

Rules, in order, each general to 申论 prose:

1. a quoted saying: two balanced halves (“脚上有泥,心中有数”) or a seven-character
   line of verse (“一枝一叶总关情”); its halves (or the line) are blanked;
2. balanced parallel clauses sharing a character in the same place
   (``重在新意,胜在诚意``); each clause is blanked;
3. a short aphorism of two or three clauses, opening its paragraph or built of
   four-character halves (``无以规矩,不成方圆``); its last clause is blanked;
4. correlative patterns (只有……才……, 要……才能……, 既……又……, 不是……而是……,
   不仅……更……, 越……越……) in a sentence of moderate length;
5. a conclusion opened by 说到底/归根结底/总之/一言以蔽之.

Rules 4 and 5 leave the choice of blanks to the key-term ranking.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from trainer.generation.markers import find_markers
from trainer.generation.text import CJK, Span, clauses, quoted

_CORRELATIVE = re.compile(
    r"只有.{1,30}才|唯有.{1,30}才|要想?.{1,30}才能|既.{1,20}又|不是.{1,20}而是|"
    r"不仅.{1,30}更|越.{1,10}越|与其.{1,20}不如|宁可.{1,20}也不"
)
_CONCLUSION = re.compile(r"^(?:说到底|归根结底|归根到底|总之|总而言之|一言以蔽之|由此可见)")
_MAX_PATTERN = 50
_MAX_APHORISM = 16
_DIGIT = re.compile(r"\d")
_MAX_MAXIM = 10
_JUDGEMENT = re.compile(r"就是|在于|贵在|重在|难在|关键|根本")


@dataclass(frozen=True, slots=True)
class Golden:
    sentence: Span
    rule: str
    blanks: tuple[Span, ...]
    """Fixed blanks; empty means 'pick by key terms'."""


def _clean(text: str) -> str:
    return text.rstrip(",;:。!?")


def _clause_spans(folded: str, s: Span) -> list[Span]:
    out = []
    for c in clauses(folded, s.start, s.end):
        t = _clean(c.text)
        out.append(Span(t, c.start, c.start + len(t)))
    return out


def _balanced(a: str, b: str) -> bool:
    return 3 <= len(a) <= 8 and len(a) == len(b) and not _DIGIT.search(a + b)


def _saying(s: Span) -> Golden | None:
    found = quoted(s.text)
    for phrase, at in found:
        halves = phrase.split(",")
        start = s.start + at
        if len(halves) == 2 and _balanced(*halves):
            a, b = halves
            return Golden(
                s,
                "saying",
                (Span(a, start, start + len(a)), Span(b, start + len(a) + 1, start + len(phrase))),
            )
    for phrase, at in found:
        if len(phrase) == 7 and all(CJK.match(ch) for ch in phrase):
            start = s.start + at
            return Golden(s, "saying", (Span(phrase, start, start + 7),))
    return None


def _parallel(folded: str, s: Span) -> Golden | None:
    parts = _clause_spans(folded, s)
    for a, b in itertools.pairwise(parts):
        if _balanced(a.text, b.text) and any(
            x == y for x, y in zip(a.text[1:], b.text[1:], strict=True)
        ):
            return Golden(s, "parallel", (a, b))
    return None


def _aphorism(folded: str, s: Span, opens_paragraph: bool) -> Golden | None:
    parts = _clause_spans(folded, s)
    plain = "".join(p.text for p in parts)
    if (
        len(parts) == 1
        and opens_paragraph
        and 5 <= len(plain) <= _MAX_MAXIM
        and _JUDGEMENT.search(plain)
        and not _DIGIT.search(plain)
    ):
        return Golden(s, "maxim", ())
    if not 2 <= len(parts) <= 3 or len(plain) > _MAX_APHORISM or s.text.endswith("?"):
        return None
    if _DIGIT.search(plain) or find_markers(s.text, 0):
        return None
    four_four = all(len(p.text) == 4 for p in parts)
    if not (opens_paragraph or four_four):
        return None
    last = parts[-1]
    if len(last.text) < 2:
        return None
    return Golden(s, "aphorism", (last,))


def find_golden(folded: str, s: Span, opens_paragraph: bool) -> Golden | None:
    """The 金句 rule ``s`` meets, if any."""
    if "{" in s.text or "}" in s.text:
        return None
    found = _saying(s) or _parallel(folded, s) or _aphorism(folded, s, opens_paragraph)
    if found is not None:
        return found
    if len(s.text) <= _MAX_PATTERN and _CORRELATIVE.search(s.text):
        return Golden(s, "pattern", ())
    if len(s.text) <= _MAX_PATTERN and _CONCLUSION.match(s.text):
        return Golden(s, "conclusion", ())
    return None
