"""Grading a typed answer point by point, the way a tutor does.

Pure functions, no Textual: the study screen calls :func:`grade_note` with the
card and what the learner typed, and shows the result.

* Both sides are folded (:mod:`.text`: width, traditional characters, case)
  and punctuation is ignored when comparing.
* Each expected point is reduced to its key words (:mod:`.points`).
* The typed text is aligned with the points (:mod:`.align`): a point is found
  where its keys are, whatever the learner's own commas, numbering or layout;
  synonyms a tutor accepts count, a different word sharing characters does
  not, a negation or an opposite turns the point round.
* A point scoring at least :data:`RECALLED_AT` of its keys' weight is ✓, at
  least :data:`PARTIAL_AT` is ◐, else ✗; the suggestion (:mod:`.rating`) says
  why. In strict mode a point is ✓ only when typed exactly.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from trainer.domain import cloze
from trainer.domain.model import Note, NoteKind, Rating
from trainer.services.grading import align, rating
from trainer.services.grading.points import Plan, plan
from trainer.services.grading.text import clauses, normalize
from trainer.services.grading.text import warm as _warm_text

__all__ = [
    "PARTIAL_AT",
    "RECALLED_AT",
    "DiffKind",
    "Grade",
    "Mark",
    "PointResult",
    "char_diff",
    "expected_points",
    "grade",
    "grade_note",
    "normalize",
    "warm",
]

RECALLED_AT = 0.5
"""A point scoring at least this much counts as recalled (✓)."""
PARTIAL_AT = 0.2
"""A point scoring at least this much counts as partly recalled (◐)."""
SHORT_ANSWER = 40
"""Answers up to this many normalised characters also get a character diff."""
TERM = 6
"""A piece this short is a term: a different word in a key's place fails it
(when it is the point, or the point's first piece)."""
LIGHT = 0.25
"""Share of a point's weight that may be left out of an exact answer."""
TURNED = 0.5
"""Share of a point's weight that must be typed (as it is or turned round) for
a negated or opposite key to fail the point: the answer says the point, turned.
Less is a different remark (老年人自身原因 for 老年人不愿用), graded by what it has."""

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
    """The typed text aligned with this point ('' when none was)."""
    score: float
    mark: Mark
    exact: bool = False
    """Typed in the point's own words (punctuation, width and script aside; a
    light word may be left out, none put in another's place)."""
    why: str = ""
    """Why it is not exact: other words, a slip, negated, a different term …"""

    @property
    def recalled(self) -> bool:
        return self.mark is Mark.RECALLED

    @property
    def partial(self) -> bool:
        return self.mark is Mark.PARTIAL


@dataclass(frozen=True, slots=True)
class Grade:
    points: tuple[PointResult, ...]
    coverage: float
    """Mean credit over points: 1 for ✓, the score for ◐, 0 for ✗."""
    suggested: Rating
    diff: tuple[tuple[DiffKind, str], ...] = ()
    """Character diff (normalised) for short single-point answers; else empty."""
    reason: str = ""
    """Why this rating is suggested."""

    @property
    def recalled(self) -> int:
        return sum(p.mark is Mark.RECALLED for p in self.points)


def warm() -> None:
    """Load the segmenter and the converter (a worker calls this before the first answer)."""
    _warm_text()
    plan("提升认知")


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


def _mark(score: float) -> Mark:
    if score >= RECALLED_AT:
        return Mark.RECALLED
    if score >= PARTIAL_AT:
        return Mark.PARTIAL
    return Mark.MISSED


def _why(match: align.Match, exact: bool) -> str:
    if exact:
        return ""
    if match.flipped:
        hows = {h.how for h in match.hits}
        return "negated" if align.Found.OPPOSITE not in hows else "opposite"
    hows = {h.how for h in match.hits}
    if align.Found.SLIP in hows:
        return "slip"
    if align.Found.RELATED in hows:
        return "related term"
    if align.Found.SYNONYM in hows or align.Found.OPPOSITE in hows:
        return "other words"
    return ""


def _exact(pl: Plan, span: str, match: align.Match) -> bool:
    """Word for word, or every key but a few light ones word for word (加强 in
    加强科学管理, or a prefix the prompt gives may go)."""
    if pl.parts and all(piece in span for piece in pl.parts):
        return True
    if match.flipped or not pl.keys:
        return False
    if any(h.how not in (align.Found.EXACT, align.Found.SHORT) for h in match.hits):
        return False  # a word in another's stead (增加 for 提高) is not the wording
    how = {h.key: h.how for h in match.hits}
    left = sum(k.weight for i, k in enumerate(pl.keys) if how.get(i) is not align.Found.EXACT)
    return left <= LIGHT * pl.total and _in_place(pl, match)


def _in_place(pl: Plan, match: align.Match) -> bool:
    """The words typed keep the point's order with at most one character put in
    between (建设整体政府 or 加大对基层的投入 are rewrites, not the wording)."""
    hits = sorted(match.hits, key=lambda h: h.start)
    if [h.key for h in hits] != sorted(h.key for h in hits):
        return False
    inserted = 0
    for a, b in pairwise(hits):
        ka, kb = pl.keys[a.key], pl.keys[b.key]
        if ka.part != kb.part:
            continue
        own = kb.start - (ka.start + len(ka.word))
        inserted += max(0, (b.start - a.end) - max(0, own))
    return inserted <= 1


def _own_words(pl: Plan, match: align.Match) -> bool:
    """Only the point's own words, in place, some perhaps left out, none put in
    another's stead, and no piece left out whole: what a tutor still calls the
    wording (产品质量 for 靠产品质量说话; not 提升认知 alone for 提升认知,扩大融入面)."""
    if match.flipped or not match.hits:
        return False
    if any(h.how not in (align.Found.EXACT, align.Found.SHORT) for h in match.hits):
        return False
    typed = {pl.keys[h.key].part for h in match.hits if h.how is align.Found.EXACT}
    for piece in range(len(pl.parts)):
        weight = sum(k.weight for k in pl.keys if k.part == piece)
        if piece not in typed and weight >= 1.0:
            return False
    return _in_place(pl, match)


def _turned(pl: Plan, match: align.Match, flipped: float) -> bool:
    """The answer says the point turned round: most of the point typed (some of
    it turned), or most of one of its pieces turned (不盲目跟风 as 盲目跟风)."""
    found = sum(pl.keys[h.key].weight for h in match.hits)
    if found + flipped > TURNED * pl.total:
        return True
    for piece in range(len(pl.parts)):
        weight = sum(k.weight for k in pl.keys if k.part == piece)
        turned = sum(pl.keys[k].weight for k in match.flipped if pl.keys[k].part == piece)
        if weight and turned > TURNED * weight:
            return True
    return False


def _other_word(pl: Plan, span: str, match: align.Match) -> bool:
    """A full word of the point typed as a different word (价格 for 质量), or
    only as a related term (权力 for 权责): the point is at most half right."""
    for h in match.hits:
        if h.how is align.Found.RELATED and pl.keys[h.key].weight >= 1.0:
            return True
    return any(pl.keys[k].weight >= 1.0 for k in align.substituted(pl, span, match.hits))


def _lacks_essential(pl: Plan, match: align.Match) -> bool:
    found = {h.key for h in match.hits if h.how is not align.Found.RELATED}
    return any(k.essential and i not in found for i, k in enumerate(pl.keys))


def _wrong_term(pl: Plan, span: str, match: align.Match) -> bool:
    """The point's term (or its first piece) typed as a different word."""
    for k in align.substituted(pl, span, match.hits):
        piece = pl.keys[k].part
        if len(pl.parts[piece]) <= TERM and (piece == 0 or len(pl.parts) == 1):
            return True
    return False


def _strict(p: align.Match, plan_parts: tuple[str, ...], span: str) -> Mark:
    """Strict: every piece typed exactly is ✓; a piece typed wrong fails the point."""
    exact = [piece in span for piece in plan_parts]
    if all(exact):
        return Mark.RECALLED
    for piece, ok in zip(plan_parts, exact, strict=True):
        if not ok and sum(ch in span for ch in set(piece)) * 2 >= len(set(piece)):
            return Mark.MISSED  # tried, with a wrong character
    return Mark.PARTIAL if any(exact) else Mark.MISSED


def grade(
    points: list[str],
    typed: str,
    *,
    prompt: str = "",
    seconds: float | None = None,
    strict: bool = False,
) -> Grade:
    """Grade ``typed`` against the expected ``points``.

    ``prompt`` is the card's question (a key it names may be left out);
    ``seconds`` the time taken to answer (Easy needs a quick answer);
    ``strict`` asks for every point word for word.
    """
    if not points:
        return Grade((), 1.0, Rating.GOOD, reason="nothing to check")
    text, parts = clauses(typed)
    plans = [
        plan(p, prompt, tuple(o for j, o in enumerate(points) if j != i))
        for i, p in enumerate(points)
    ]
    hits = []
    for pl in plans:
        found = [h for i, k in enumerate(pl.keys) for h in align.find_hits(i, k, text, parts)]
        hits.append(found + align.short_forms(pl.keys, text, found))
    longest = [len(pl.parts) + 2 for pl in plans]
    used: list[tuple[int, int]] = []
    cache: dict[int, align.Match] = {}
    left = set(range(len(points)))
    settled: dict[int, align.Match] = {}
    while left:
        for i in left:
            m = cache.get(i)
            if m is None or any(align.overlaps(h, used) for h in m.hits):
                cache[i] = align.best_span(i, plans[i], hits[i], parts, used, longest[i])
        i = max(left, key=lambda j: (cache[j].fit, cache[j].raw, -j))
        settled[i] = cache[i]
        used.extend((h.start, h.end) for h in cache[i].hits)
        left.remove(i)
    results = []
    for i, pl in enumerate(plans):
        m = settled[i]
        if m.first < 0:
            results.append(PointResult(pl.text, "", 0.0, Mark.MISSED))
            continue
        span = "".join(c.text for c in parts[m.first : m.last + 1])
        shown = " ".join(c.shown for c in parts[m.first : m.last + 1])
        exact = _exact(pl, span, m)
        score = 1.0 if exact else m.raw
        why = _why(m, exact)
        flipped_weight = sum(pl.keys[k].weight for k in m.flipped)
        if not exact and flipped_weight and _turned(pl, m, flipped_weight):
            score = 0.0
        elif not exact and _wrong_term(pl, span, m):
            score, why = 0.0, "different term"
        elif not exact and (_lacks_essential(pl, m) or _other_word(pl, span, m)):
            score = min(score, RECALLED_AT - 0.01)
            why = why or "different word"
        mark = _strict(m, pl.parts, span) if strict else _mark(score)
        if not strict and mark is Mark.RECALLED and not exact:
            exact = _own_words(pl, m)
        if strict and mark is not Mark.RECALLED:
            score = min(score, RECALLED_AT - 0.01) if mark is Mark.PARTIAL else 0.0
        results.append(PointResult(pl.text, shown, min(1.0, score), mark, exact, why))
    credit = [1.0 if r.recalled else (r.score if r.partial else 0.0) for r in results]
    coverage = sum(credit) / len(credit)
    chars = sum(len(pl.norm) for pl in plans)
    suggested, reason = rating.suggest(results, seconds, chars)
    diff: tuple[tuple[DiffKind, str], ...] = ()
    if len(points) == 1 and len(normalize(points[0])) <= SHORT_ANSWER:
        diff = char_diff(points[0], typed)
    return Grade(tuple(results), coverage, suggested, diff, reason)


def grade_note(
    note: Note, ord_: int, typed: str, *, seconds: float | None = None, strict: bool = False
) -> Grade:
    prompt = note.prompt if note.kind is not NoteKind.CLOZE else ""
    return grade(expected_points(note, ord_), typed, prompt=prompt, seconds=seconds, strict=strict)
