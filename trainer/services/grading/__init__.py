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
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from trainer.domain import notetypes
from trainer.domain.model import Note, Rating
from trainer.services.grading import align, learned, rating
from trainer.services.grading.judge import PARTIAL_AT, RECALLED_AT, judge
from trainer.services.grading.points import Plan, plan
from trainer.services.grading.results import DiffKind, Grade, Mark, PointResult
from trainer.services.grading.text import Clause, clauses, from_pinyin, normalize
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
    "prepare",
    "warm",
]

SHORT_ANSWER = 40
"""Answers up to this many normalised characters also get a character diff."""

EXTRA_CHARS = 2
"""A typed unit this long with no point in it is an extra point."""

_POINT_SPLIT = re.compile(r"(?<=[。；;！？!?])|\n")


def warm() -> None:
    """Load the segmenter and the converter (a worker calls this before the first answer)."""
    _warm_text()
    plan("提升认知")


def _plans(points: list[str], prompt: str) -> list[Plan]:
    return [
        plan(p, prompt, tuple(o for j, o in enumerate(points) if j != i))
        for i, p in enumerate(points)
    ]


def prepare(note: Note, ord_: int = 0) -> None:
    """Build what grading this card needs (a worker calls this while the learner types)."""
    warm()
    _plans(expected_points(note, ord_), _prompt(note, ord_))


def _prompt(note: Note, ord_: int = 0) -> str:
    return notetypes.of(note).grading_prompt(note, ord_)


def expected_points(note: Note, ord_: int = 0) -> list[str]:
    """What a typed answer to this card is checked against, point by point (the note
    type says what; one written answer is split into its sentences when long)."""
    expected = notetypes.of(note).expected(note, ord_)
    if not expected.prose:
        return [p for p in expected.points if normalize(p)]
    answer = "".join(expected.points)
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


def grade(
    points: list[str],
    typed: str,
    *,
    prompt: str = "",
    seconds: float | None = None,
    strict: bool = False,
    use_model: bool = True,
) -> Grade:
    """Grade ``typed`` against the expected ``points``.

    ``prompt`` is the card's question (a key it names may be left out);
    ``seconds`` the time taken to answer (Easy needs a quick answer);
    ``strict`` asks for every point word for word (marked by the rules
    alone); otherwise the learned point model (:mod:`.learned`) gives each
    point its mark from what the rules found. ``use_model=False`` keeps the
    rules' marks (the model is trained on them).
    """
    if not points:
        return Grade((), 1.0, Rating.GOOD, reason="nothing to check")
    ruled = _rules(points, typed, prompt, strict)
    typed, pinyin, parts, results = ruled.typed, ruled.pinyin, ruled.parts, ruled.results
    used = [(h.start, h.end) for m in ruled.matches for h in m.hits]
    plans = ruled.plans
    if not strict and use_model:
        results = learned.revise(
            learned.features(ruled.plans, ruled.matches, results, parts, every=False), results
        )
    if pinyin:
        # Spelled in pinyin: recalled, but not written as the wording is.
        results = [
            replace(r, exact=False, why=r.why or "pinyin")
            if any(w in r.typed for w in pinyin)
            else r
            for r in results
        ]
    credit = [1.0 if r.recalled else (r.score if r.partial else 0.0) for r in results]
    coverage = sum(credit) / len(credit)
    chars = sum(len(pl.norm) for pl in plans)
    suggested, reason = rating.suggest(
        results, seconds, chars, extra=_extra(parts, used), typed=sum(len(c.text) for c in parts)
    )
    diff: tuple[tuple[DiffKind, str], ...] = ()
    if len(points) == 1 and len(normalize(points[0])) <= SHORT_ANSWER:
        diff = char_diff(points[0], typed)
    return Grade(tuple(results), coverage, suggested, diff, reason)


@dataclass(frozen=True, slots=True)
class _Ruled:
    """What the rules make of a typed answer: each point's plan, the clauses
    it was aligned with and its mark."""

    typed: str
    pinyin: tuple[str, ...]
    parts: tuple[Clause, ...]
    plans: list[Plan]
    matches: list[align.Match]
    results: list[PointResult]


@lru_cache(maxsize=1024)
def _vocabulary(points: tuple[str, ...]) -> str:
    """The card's points normalised, run together (what pinyin may spell)."""
    return "".join(normalize(p) for p in points)


def _rules(points: list[str], typed: str, prompt: str, strict: bool) -> _Ruled:
    typed, pinyin = from_pinyin(typed, _vocabulary(tuple(points)))
    text, parts = clauses(typed)
    plans = _plans(points, prompt)
    hits = []
    chars = frozenset(text)
    needles = align.needles
    pick = align.pick_order
    for pl in plans:
        # A key none of whose needles was typed has no find (asked here, not
        # in a call per key: most of a card's keys are absent from an answer).
        found = [
            h
            for i, k in enumerate(pl.keys)
            if not needles(k.word).isdisjoint(chars)
            for h in align.find_hits(i, k, text, parts)
        ]
        # In the order spans pick finds in (sorted once: every span of the
        # point, and every time it is settled again, reads them so).
        hits.append(sorted(found + align.short_forms(pl.keys, text, found, chars), key=pick))
    longest = [len(pl.parts) + 2 for pl in plans]
    # A point's match is found again when a place it took or a place it found
    # turned round is settled by another point (非机动车 of 非机动车、摊点占道
    # is the point it names, no longer 缺少非机动车道 turned round).
    turned = [[h for h in found if h.flipped] for found in hits]
    used: list[tuple[int, int]] = []
    cache: dict[int, align.Match] = {}
    left = set(range(len(points)))
    settled: dict[int, align.Match] = {}
    while left:
        for i in left:
            m = cache.get(i)
            if m is None or any(align.overlaps(h, used) for h in (*m.hits, *turned[i])):
                cache[i] = align.best_span(
                    i, plans[i], hits[i], parts, used, longest[i], ordered=True
                )
        i = max(left, key=lambda j: (cache[j].fit, cache[j].raw, -j))
        settled[i] = cache[i]
        used.extend((h.start, h.end) for h in cache[i].hits)
        left.remove(i)
    judged: dict[tuple[int, int], tuple[align.Match, PointResult]] = {}

    def judge_once(i: int, m: align.Match) -> PointResult:
        """Point ``i`` judged on ``m``, once for the same match (kept beside
        its result, so its id is not another's)."""
        last = judged.get((i, id(m)))
        if last is not None and last[0] is m:
            return last[1]
        result = judge(plans[i], m, parts, strict)
        judged[(i, id(m))] = (m, result)
        return result

    _give_back(plans, hits, parts, settled, longest, judge_once)
    matches = [settled[i] for i in range(len(plans))]
    results = [judge_once(i, matches[i]) for i in range(len(plans))]
    return _Ruled(typed, pinyin, parts, plans, matches, results)


def point_features(points: list[str], typed: str, prompt: str = "") -> list[list[float]]:
    """What the learned point model reads of each point (for training it)."""
    if not points:
        return []
    ruled = _rules(points, typed, prompt, False)
    return learned.features(ruled.plans, ruled.matches, ruled.results, ruled.parts)


_WORTH = {Mark.RECALLED: 2, Mark.PARTIAL: 1, Mark.MISSED: 0}


def _covered(hits: list[align.Hit]) -> int:
    """Characters the hits cover, overlaps counted once."""
    return len({at for h in hits for at in range(h.start, h.end)})


def _give_back(
    plans: list[Plan],
    hits: list[list[align.Hit]],
    parts: tuple[Clause, ...],
    settled: dict[int, align.Match],
    longest: list[int],
    judged: Callable[[int, align.Match], PointResult],
) -> None:
    """A point settled over several clauses gives a clause at its edge back
    when another point found there grades better for it and the two together
    grade better (职业资格互认、一站式服务平台: 职业资格 of the first item is not
    the second point's, whose own item names it already)."""

    def worth(i: int, m: align.Match) -> int:
        return _WORTH[judged(i, m).mark]

    for i in range(len(plans)):
        m = settled[i]
        if m.first < 0 or m.last == m.first:
            continue
        for c in (m.first, m.last):
            clause = parts[c]
            lo, hi = clause.start, clause.start + len(clause.text)
            if not any(lo <= h.start < hi for h in m.hits):
                continue
            mine = _covered([h for h in m.hits if lo <= h.start < hi])
            for j in range(len(plans)):
                theirs = [h for h in hits[j] if lo <= h.start and h.end <= hi and not h.flipped]
                if j == i or _covered(theirs) < mine:
                    continue  # the clause is more this point's than the other's
                others = [
                    (h.start, h.end) for k, o in settled.items() if k not in (i, j) for h in o.hits
                ]
                mi = align.best_span(
                    i, plans[i], hits[i], parts, [*others, (lo, hi)], longest[i], ordered=True
                )
                kept = [(h.start, h.end) for h in mi.hits]
                mj = align.best_span(
                    j, plans[j], hits[j], parts, others + kept, longest[j], ordered=True
                )
                before = worth(i, m) + worth(j, settled[j])
                if worth(i, mi) + worth(j, mj) > before:
                    settled[i], settled[j] = mi, mj
                    break
            if settled[i] is not m:
                break


def _extra(parts: tuple[Clause, ...], used: list[tuple[int, int]]) -> int:
    """Typed units (a line, a numbered item, a sentence) no point was found in:
    points the learner added that the card does not ask for."""
    units: dict[int, list[Clause]] = {}
    for c in parts:
        units.setdefault(c.unit, []).append(c)
    extra = 0
    for unit in units.values():
        size = sum(len(c.text) for c in unit)
        touched = any(s < c.start + len(c.text) and c.start < e for c in unit for s, e in used)
        if size >= EXTRA_CHARS and not touched:
            extra += 1
    return extra


def grade_note(
    note: Note, ord_: int, typed: str, *, seconds: float | None = None, strict: bool = False
) -> Grade:
    return grade(
        expected_points(note, ord_),
        typed,
        prompt=_prompt(note, ord_),
        seconds=seconds,
        strict=strict,
    )
