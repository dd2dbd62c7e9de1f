"""A learned point model: each point's mark from what the rules found.

The rules (:mod:`.align`, :mod:`.judge`) find where a point was typed and
score it; their thresholds were tuned set by set and do not carry to answers
written by other people. The model reads, for each (answer, point), what the
rules found (their score and mark, how the keys were found, a turn) together
with plain measures of the text (how much of the point's characters and
character pairs the aligned clauses and the whole answer hold, lengths, the
answer's layout, how much of the point's heading and of its own words was
typed, how much of the aligned clauses the point's words make up, how terse
the whole answer is against the card), and maps them to ✓ / ◐
/ ✗ with a multinomial logistic regression trained on the tutor-labelled sets
(``bench/grading_loso.py`` trains it, leaving each set out in turn to measure
it, and writes ``data/points-model.txt``). Inference is a few dot products.

Some marks stay the rules': a point typed word for word is ✓, and a point
the rules mark down for a reason the lexicon gives keeps their mark (turned
round, a different term sharing characters, only its kind named:
:data:`KEPT`) or stays half right at most (a word of a two-word term left
out: :data:`HALF_AT_MOST`; a word in a word's place in a near copy of the
point: :data:`COPY`).
"""

from __future__ import annotations

import difflib
import math
import operator
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources

from trainer.services.grading import align
from trainer.services.grading.judge import PARTIAL_AT
from trainer.services.grading.points import Plan
from trainer.services.grading.results import Mark, PointResult
from trainer.services.grading.text import Clause, labelled, normalize, unnumbered

MODEL_FILE = "points-model.txt"
MARKS = (Mark.MISSED, Mark.PARTIAL, Mark.RECALLED)
"""The classes, in the order of the weights' columns."""

KEPT = frozenset(["negated", "opposite", "swapped", "different term", "vague", "related term"])
"""Why the rules mark a point down, kept whatever the model says: the point
turned round (two roles swapped too: 重管轻建 for 重建轻管), a different term
sharing characters (成本摊派 for 成本转嫁), a related term (转移 for 转嫁), or
only the kind of thing named (培养人才 for 培养“知农人”)."""
HALF_AT_MOST = frozenset(["part of the term"])
"""Why the rules leave a short point half right at most, a cap the model
keeps: a word of a two-word term left out (成本 for 成本转嫁). (A word of the
same sound that is another word, 法制 for 法治, is left to the model: the
held-out sets' tutors mostly accept it.)"""
COPY = 0.7
"""A word of the point typed as another word (the rules' "different word") is
left to the model, as the tutors of the sets accept half of such answers
(26 of 52: mostly a clause said in other words), unless the answer is this
near a copy of the point (:func:`_near_copy`), the word its only difference
(靠产品价格说话 for 靠产品质量说话: another measure), or the rules fail it: then
it is half right at most."""

AT_LEAST_HALF = frozenset(["part of the term"])
"""Why the rules leave a point half right that the model may not lower: a
word of the point's two-word term typed (赶鸭子 of 赶鸭子上架). The tutors of
every set give it ◐ or ✓ (15 of 16 such points), never less but once."""

FEATURES = (
    "bias",
    "rule_hit",
    "rule_partial",
    "raw",
    "exact",
    "turned_share",
    "why_vague",
    "why_term",
    "why_other",
    "gist",
    "point_length",
    "point_clauses",
    "pairs_in_span",
    "pairs_in_answer",
    "chars_in_span",
    "chars_in_answer",
    "span_length",
    "pairs_in_own_unit",
    "chars_in_own_unit",
    "found",
    "own_unit_length",
    "head_found",
    "headed",
    "own_found",
    "pieces_found",
    "first_piece_found",
    "span_explained",
    "answer_brevity",
)
"""The names of the features, in order (the model file names them too)."""


def _pairs(text: str) -> set[str]:
    """The text's pairs of neighbouring characters."""
    return set(map(operator.add, text, text[1:]))


@lru_cache(maxsize=4096)
def _point_pairs(norm: str) -> frozenset[str]:
    """A point's character pairs (asked of every answer to it)."""
    return frozenset(_pairs(norm))


@lru_cache(maxsize=4096)
def _point_chars(norm: str) -> frozenset[str]:
    return frozenset(norm)


def _share(part: frozenset[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def features(
    plans: Sequence[Plan],
    matches: Sequence[align.Match],
    results: Sequence[PointResult],
    parts: tuple[Clause, ...],
    *,
    every: bool = True,
) -> list[list[float]]:
    """One row of :data:`FEATURES` per point (``every=False``: an empty row for
    a point whose mark the rules keep, :func:`kept`; the model reads nothing
    of it)."""
    text = "".join(c.text for c in parts)
    units: dict[int, str] = {}
    for c in parts:
        units[c.unit] = units.get(c.unit, "") + c.text
    unit_texts = list(units.values())
    one_each = len(unit_texts) == len(plans)
    answer_pairs, answer_chars = _pairs(text), set(text)
    expected = sum(len(pl.norm) for pl in plans) or 1
    rows: list[list[float]] = []
    for i, (pl, m, r) in enumerate(zip(plans, matches, results, strict=True)):
        if not every and kept(r):
            rows.append([])
            continue
        span = "".join(c.text for c in parts[m.first : m.last + 1]) if m.first >= 0 else ""
        point_pairs, point_chars = _point_pairs(pl.norm), _point_chars(pl.norm)
        own = unit_texts[i] if one_each else ""
        total = pl.total or 1.0
        turned = sum(pl.keys[k].weight for k in m.flipped) / total
        rows.append(
            [
                1.0,
                float(r.mark is Mark.RECALLED),
                float(r.mark is Mark.PARTIAL),
                min(1.0, m.raw),
                float(r.exact),
                min(1.0, turned),
                float(r.why == "vague"),
                float(r.why in ("different term", "different word")),
                float(r.why in ("other words", "slip", "homophone", "related term")),
                float(pl.gist),
                math.log1p(len(pl.norm)) / math.log(64),
                min(6, len(pl.parts)) / 6,
                _share(point_pairs, _pairs(span)),
                _share(point_pairs, answer_pairs),
                _share(point_chars, set(span)),
                _share(point_chars, answer_chars),
                min(3.0, len(span) / max(1, len(pl.norm))) / 3,
                _share(point_pairs, _pairs(own)),
                _share(point_chars, set(own)),
                float(m.first >= 0),
                min(1.0, len(own) / max(1, len(pl.norm))),
                *_head(pl, m),
                _explained(pl, span, m),
                min(BRIEF, len(text) / expected) / BRIEF,
            ]
        )
    return rows


BRIEF = 2.0
"""The answer's length over the card's points' (``answer_brevity``) counts up
to this: a terse answer of keywords (a heading each) is read otherwise by a
tutor than an answer that says as much as the card or more."""


def _explained(pl: Plan, span: str, m: align.Match) -> float:
    """The share of the typed clauses aligned with a point that its words
    (or their synonyms) make up: near 1 for the point's wording or its
    keywords, low for a clause said in other words around one of them. A
    label's words (商户 of 对商户：…, whom the point is about) are not counted:
    typed alone they say nothing of the point."""
    if not span:
        return 0.0
    label = _labels(pl.text) if not pl.headed else frozenset()
    said = sum(
        h.end - h.start for h in m.hits if not h.flipped and pl.keys[h.key].part not in label
    )
    return min(1.0, said / len(span))


@lru_cache(maxsize=4096)
def _labels(point: str) -> frozenset[int]:
    return labelled(unnumbered(point))


_CLAUSE_MARKS = re.compile(r"[，,；;：:（）()。]")


def _near_copy(result: PointResult) -> float:
    """How near the typed clauses are to a copy of the point or of one of its
    clauses (a heading: 吸引产业转出 for 吸引产业转入：…): difflib's ratio."""
    span = normalize(result.typed)
    if not span:
        return 0.0
    pieces = [result.expected, *_CLAUSE_MARKS.split(result.expected)]
    return max(
        difflib.SequenceMatcher(a=normalize(p), b=span, autojunk=False).ratio()
        for p in pieces
        if len(normalize(p)) >= 4
    )


def _head(pl: Plan, m: align.Match) -> list[float]:
    """What of a point's head was typed, not turned: the share of its
    heading's weight (机会 of a point headed 发展机会多：…; 0 for a point with no
    heading), whether it has a heading, the share of the weight of its own
    words (:attr:`Key.own`), the share of its pieces with a word typed, and
    (for a point with no heading) whether its first piece has one. A tutor
    grades a headed point by its heading and a long one by its head clause."""
    keys = pl.keys
    said = {h.key for h in m.hits if not h.flipped}.difference(m.flipped)
    head_found = sum(keys[k].weight for k in pl.heads if k in said) / pl.head_weight
    parts = {keys[k].part for k in said}
    return [
        head_found if pl.headed else 0.0,
        float(pl.headed > 0),
        sum(keys[k].weight for k in pl.own if k in said) / pl.own_weight if pl.own else 0.0,
        len(parts) / max(1, len(pl.parts)),
        float(0 in parts) if not pl.headed else 0.0,
    ]


@dataclass(frozen=True, slots=True)
class Model:
    weights: tuple[tuple[float, ...], ...]
    """One row per feature, one column per mark of :data:`MARKS`."""
    columns: tuple[tuple[float, ...], ...] = field(init=False, repr=False, compare=False)
    """The weights by mark (one dot product each)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(zip(*self.weights, strict=True)))

    def scores(self, row: Sequence[float]) -> list[float]:
        if len(row) != len(self.weights):
            raise ValueError(f"{len(row)} features for a model of {len(self.weights)}")
        return [sum(map(operator.mul, row, column)) for column in self.columns]

    def probabilities(self, row: Sequence[float]) -> list[float]:
        s = self.scores(row)
        top = max(s)
        e = [math.exp(v - top) for v in s]
        total = sum(e)
        return [v / total for v in e]


def parse(text: str, source: str = MODEL_FILE) -> Model:
    """A model from its file: ``feature w_missed w_partial w_hit`` per line,
    every feature of :data:`FEATURES` in order; ``#`` starts a comment."""
    rows: list[tuple[float, ...]] = []
    names: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        bits = line.split()
        if len(bits) != 1 + len(MARKS):
            raise ValueError(f"{source}:{n}: expected a feature and {len(MARKS)} weights")
        try:
            rows.append(tuple(float(b) for b in bits[1:]))
        except ValueError:
            raise ValueError(f"{source}:{n}: a weight is not a number") from None
        names.append(bits[0])
    if tuple(names) != FEATURES:
        raise ValueError(f"{source}: features {names} are not {list(FEATURES)}")
    return Model(tuple(rows))


def dump(model: Model, header: str = "") -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append("# feature  missed  partial  hit")
    for name, w in zip(FEATURES, model.weights, strict=True):
        lines.append(" ".join([name, *(f"{v:.6f}" for v in w)]))
    return "\n".join(lines) + "\n"


_IN_USE: list[Model | None] = []


@contextmanager
def using(m: Model | None) -> Iterator[None]:
    """Grade with ``m`` instead of the shipped model (None: the rules alone),
    as the training script does to measure a model on a set it left out."""
    _IN_USE.append(m)
    try:
        yield
    finally:
        _IN_USE.pop()


def model() -> Model | None:
    """The model in use: the shipped one unless :func:`using` says another."""
    return _IN_USE[-1] if _IN_USE else shipped()


@cache
def shipped() -> Model | None:
    """The shipped model, or None when the package has none."""
    path = resources.files("trainer.services.grading").joinpath(f"data/{MODEL_FILE}")
    if not path.is_file():
        return None
    return parse(path.read_text("utf-8"))


def kept(result: PointResult) -> bool:
    """Whether the rules' mark of a point stands, whatever the model reads:
    word for word ✓, or a mark :data:`KEPT` says why."""
    return (result.exact and result.mark is Mark.RECALLED) or result.why in KEPT


def mark_of(m: Model, row: Sequence[float], result: PointResult) -> tuple[Mark, list[float]]:
    """The model's mark of one point and the chances of each mark, the
    rules' word-for-word ✓ and turned ✗ kept (certain; no chances are
    weighed: ``row`` may be empty)."""
    if result.exact and result.mark is Mark.RECALLED:
        return Mark.RECALLED, [0.0, 0.0, 1.0]
    if result.why in KEPT:
        return result.mark, [1.0 if mark is result.mark else 0.0 for mark in MARKS]
    p = m.probabilities(row)
    best = max(range(len(MARKS)), key=lambda c: p[c])
    copied = result.why == "different word" and (
        result.mark is Mark.MISSED or _near_copy(result) >= COPY
    )
    if (result.why in HALF_AT_MOST or copied) and MARKS[best] is Mark.RECALLED:
        best = 1 if p[1] >= p[0] else 0
    if result.why in AT_LEAST_HALF and result.partial and MARKS[best] is Mark.MISSED:
        best = 1
    return MARKS[best], p


def revise(
    rows: list[list[float]], results: list[PointResult], m: Model | None = None
) -> list[PointResult]:
    """The results with each point's mark given by the model (unchanged
    without one)."""
    m = m or model()
    if m is None:
        return results
    marked = [mark_of(m, row, r) for row, r in zip(rows, results, strict=True)]
    marks = [mark for mark, _ in marked]
    chances = [p for _, p in marked]
    out = []
    for r, mark, p in zip(results, marks, chances, strict=True):
        if mark is r.mark:
            out.append(r)
            continue
        credit = p[2] + 0.5 * p[1]
        if mark is Mark.RECALLED:
            score = max(credit, r.score)
        elif mark is Mark.PARTIAL:
            score = min(max(credit, PARTIAL_AT), 0.49)
        else:
            score = min(credit, r.score, PARTIAL_AT - 0.01)
        why = r.why if mark is not Mark.RECALLED or r.why else "other words"
        out.append(replace(r, mark=mark, score=score, exact=False, why=why))
    return out
