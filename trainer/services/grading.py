"""Grading a typed answer point by point.

Pure functions, no Textual: the study screen calls :func:`grade` with the
expected points of a card and what the student typed, and shows the result.

Both sides are normalised first (:func:`normalize`: NFKC folds full-width
letters, digits and most punctuation to their half-width forms; then every
punctuation mark, symbol and whitespace is dropped and Latin letters are
lower-cased), so ``“真经念歪”，`` and ``真经念歪`` compare equal.

A point's score is the share of its character bigrams found in the typed text
(single characters for one-character points), so word order inside the typed
answer does not matter and a partly remembered phrase earns partial credit.
When the student separates items (new lines, ``；``, ``，``, ``、`` …) each typed
item is matched to at most one expected point, best pairs first, in any order.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from trainer.domain import cloze
from trainer.domain.model import Note, NoteKind, Rating

RECALLED_AT = 0.8
"""A point scoring at least this much counts as recalled (✓)."""
PARTIAL_AT = 0.34
"""A point scoring at least this much counts as partly recalled (◐)."""
MOST = 0.5
"""Coverage from which the suggestion is Hard rather than Again."""
SHORT_ANSWER = 40
"""Answers up to this many normalised characters also get a character diff."""

_LINES = re.compile(r"[\n\r]+")
_SEPARATORS = re.compile(r"[;；,，、。!！?？]+|\s+")
_LEADING_NUMBER = re.compile(
    r"^\s*(?:\(?\d+[).、.]|[（(]?[一二三四五六七八九十]+[)）、.]|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[,，、]?|[①-⑳])\s*"
)
_POINT_SPLIT = re.compile(r"(?<=[。；;！？!?])|\n")


class Mark(StrEnum):
    """How well one expected point was recalled."""

    RECALLED = "✓"
    PARTIAL = "◐"
    MISSED = "✗"


class DiffKind(StrEnum):
    SAME = "same"
    MISSING = "missing"
    """In the answer, not typed."""
    EXTRA = "extra"
    """Typed, not in the answer."""


@dataclass(frozen=True, slots=True)
class PointResult:
    expected: str
    typed: str
    """The typed item matched to this point ('' when none was)."""
    score: float
    mark: Mark


@dataclass(frozen=True, slots=True)
class Grade:
    points: tuple[PointResult, ...]
    coverage: float
    """Mean credit over points: 1 for ✓, the score for ◐, 0 for ✗."""
    suggested: Rating
    diff: tuple[tuple[DiffKind, str], ...] = ()
    """Character diff (normalised) for short single-point answers; else empty."""

    @property
    def recalled(self) -> int:
        return sum(p.mark is Mark.RECALLED for p in self.points)


def normalize(text: str) -> str:
    """Fold width forms, drop punctuation, symbols and whitespace, lower-case Latin."""
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        cat = unicodedata.category(ch)
        if cat[0] in "PSZC":
            continue
        out.append(ch.lower())
    return "".join(out)


def split_items(typed: str) -> list[str]:
    """The items of a typed answer, split on new lines and list punctuation."""
    items = []
    for line in _LINES.split(typed):
        line = _LEADING_NUMBER.sub("", line)
        for part in _SEPARATORS.split(line):
            part = _LEADING_NUMBER.sub("", part)
            if normalize(part):
                items.append(part.strip())
    return items


def expected_points(note: Note, ord_: int = 0) -> list[str]:
    """What a typed answer to this card is checked against, point by point."""
    if note.kind is NoteKind.LIST and note.items:
        return [i for i in note.items if normalize(i)]
    if note.kind is NoteKind.CLOZE:
        return [a for a in cloze.answers(note.text, ord_) if normalize(a)]
    answer = note.answer.strip()
    if len(normalize(answer)) <= SHORT_ANSWER:
        return [answer] if normalize(answer) else []
    points = [p.strip() for p in _POINT_SPLIT.split(answer)]
    return [p for p in points if normalize(p)]


def _grams(text: str) -> set[str]:
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def overlap(expected: str, typed: str) -> float:
    """How much of the expected point ``typed`` recalls: mean of bigram and character overlap."""
    e, t = normalize(expected), normalize(typed)
    if not e:
        return 1.0
    if not t:
        return 0.0
    if e in t:
        return 1.0
    if len(e) < 2:
        return 1.0 if e in t else 0.0
    want = _grams(e)
    pairs = len(want & _grams(t)) / len(want)
    chars = sum((Counter(e) & Counter(t)).values()) / len(e)
    # Bigrams reward order, characters reward a half-remembered phrase
    # (成本 for 成本转嫁); the mean keeps stray shared characters from scoring.
    return (pairs + chars) / 2


def _mark(score: float) -> Mark:
    if score >= RECALLED_AT:
        return Mark.RECALLED
    if score >= PARTIAL_AT:
        return Mark.PARTIAL
    return Mark.MISSED


def _assign(points: list[str], items: list[str]) -> list[tuple[str, float]]:
    """Best one-to-one pairs of points and typed items, highest score first."""
    pairs = sorted(
        ((overlap(p, it), i, j) for i, p in enumerate(points) for j, it in enumerate(items)),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    chosen: list[tuple[str, float]] = [("", 0.0)] * len(points)
    used_p: set[int] = set()
    used_i: set[int] = set()
    for score, i, j in pairs:
        if i in used_p or j in used_i or score <= 0:
            continue
        chosen[i] = (items[j], score)
        used_p.add(i)
        used_i.add(j)
    return chosen


def suggest(coverage: float, all_recalled: bool) -> Rating:
    """All points → Good, most → Hard, few → Again."""
    if all_recalled:
        return Rating.GOOD
    if coverage >= MOST:
        return Rating.HARD
    return Rating.AGAIN


def char_diff(expected: str, typed: str) -> tuple[tuple[DiffKind, str], ...]:
    """Normalised character diff: runs of same, missing and extra characters."""
    e, t = normalize(expected), normalize(typed)
    out: list[tuple[DiffKind, str]] = []
    matcher = difflib.SequenceMatcher(a=e, b=t, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.append((DiffKind.SAME, e[a0:a1]))
            continue
        if a1 > a0:
            out.append((DiffKind.MISSING, e[a0:a1]))
        if b1 > b0:
            out.append((DiffKind.EXTRA, t[b0:b1]))
    return tuple(out)


def grade(points: list[str], typed: str) -> Grade:
    """Grade ``typed`` against the expected ``points``."""
    if not points:
        return Grade((), 1.0, Rating.GOOD)
    items = split_items(typed)
    if len(points) == 1 or len(items) <= 1:
        matched = [(typed.strip(), overlap(p, typed)) for p in points]
    else:
        matched = _assign(points, items)
        # A point the item split missed may still be in the text as a whole
        # (two points typed on one line): give it partial credit at most.
        matched = [
            (t, s) if s >= PARTIAL_AT else ("", min(overlap(p, typed), RECALLED_AT - 0.01))
            for p, (t, s) in zip(points, matched, strict=True)
        ]
    results = tuple(
        PointResult(p, t if s > 0 else "", s, _mark(s))
        for p, (t, s) in zip(points, matched, strict=True)
    )
    credit = [
        1.0 if r.mark is Mark.RECALLED else (r.score if r.mark is Mark.PARTIAL else 0.0)
        for r in results
    ]
    coverage = sum(credit) / len(credit)
    all_recalled = all(r.mark is Mark.RECALLED for r in results)
    diff: tuple[tuple[DiffKind, str], ...] = ()
    if len(points) == 1 and len(normalize(points[0])) <= SHORT_ANSWER:
        diff = char_diff(points[0], typed)
    return Grade(results, coverage, suggest(coverage, all_recalled), diff)


def grade_note(note: Note, ord_: int, typed: str) -> Grade:
    return grade(expected_points(note, ord_), typed)
