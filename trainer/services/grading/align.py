"""Aligning a typed answer with the expected points.

Every key of every point is looked for in the whole normalised answer: the
word itself, a synonym from the lexicon, an opposite, a typing slip (one
character off and no word of its own: 成本转价 for 成本转嫁, while 成本转移 is a
different word). Each find notes whether a negation stands before it.

A point is then matched with the run of clauses (inside one unit, see
:mod:`.text`) where its keys score best; points are settled best first, and
the characters a settled point used are not used again, so one typed phrase
never counts for two points while two points typed in one clause still both
count. A key found only negated or as its opposite turns the point round.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from trainer.generation.split import words as segment
from trainer.services.grading.lexicon import lexicon
from trainer.services.grading.points import (
    STOP,
    Key,
    Plan,
    affirmed_at,
    code,
    faulted_at,
    negated_at,
)
from trainer.services.grading.text import Clause, same_sound


class Found(StrEnum):
    EXACT = "exact"
    SYNONYM = "synonym"
    OPPOSITE = "opposite"
    SLIP = "slip"
    PIECE = "piece"
    SHORT = "short"
    RELATED = "related"
    HOMOPHONE = "homophone"


QUALITY = {
    Found.EXACT: 1.0,
    Found.SYNONYM: 1.0,
    Found.OPPOSITE: 0.8,
    Found.SLIP: 0.5,
    Found.PIECE: 0.5,
    Found.SHORT: 0.8,
    Found.RELATED: 0.5,
    Found.HOMOPHONE: 0.5,
}
"""Credit of one key by how it was found (an opposite under a negation counts)."""


class Hit(NamedTuple):
    """One find of a key (a tuple: built by the dozen for every answer)."""

    key: int
    start: int
    end: int
    quality: float
    how: Found
    flipped: bool


@dataclass(frozen=True, slots=True)
class Match:
    point: int
    first: int
    last: int
    """Clauses first..last (inclusive), or -1, -1 for none."""
    raw: float
    hits: tuple[Hit, ...]
    flipped: tuple[int, ...]
    """Keys found only negated or as their opposite."""
    fit: float = 0.0
    """The score weighed by how much of the span the point explains: the order
    in which points are settled."""


def _positions(text: str, word: str) -> list[int]:
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _clause_start(clauses: tuple[Clause, ...], at: int) -> int:
    return _clause(clauses, at)[0]


_STARTS: dict[int, tuple[tuple[Clause, ...], list[int]]] = {}


def _starts(clauses: tuple[Clause, ...]) -> list[int]:
    """Where each clause starts (the answer's last clauses remembered: every
    point of an answer asks it of the same clauses)."""
    last = _STARTS.get(0)
    if last is not None and last[0] is clauses:
        return last[1]
    out = [c.start for c in clauses]
    _STARTS[0] = (clauses, out)
    return out


def _clause(clauses: tuple[Clause, ...], at: int) -> tuple[int, int]:
    """Start and end (in the normalised answer) of the clause holding ``at``."""
    i = bisect_right(_starts(clauses), at) - 1
    if i < 0:
        return 0, 0
    c = clauses[i]
    return c.start, c.start + len(c.text)


@lru_cache(maxsize=8192)
def is_word(word: str) -> bool:
    if word in lexicon().words:
        return True
    tk = segment.tokenizer()
    return bool(tk.FREQ.get(word, 0))


def one_changed(window: str, word: str) -> int | None:
    """Where ``window`` differs from ``word`` (of its length) by one character, that
    character's place; None when they are alike or differ in more."""
    changed = [j for j in range(len(word)) if window[j] != word[j]]
    return changed[0] if len(changed) == 1 else None


def other_word(typed: str, expected: str, j: int) -> bool:
    """Whether the changed character makes a word of its own with a neighbour
    (数学 in 数学竞赛 for 数字竞赛): a different word, not a slip."""
    return any(
        a >= 0
        and a + 2 <= len(typed)
        and typed[a : a + 2] != expected[a : a + 2]
        and is_word(typed[a : a + 2])
        for a in (j - 1, j)
    )


def _near(text: str, word: str) -> list[int]:
    """Starts of the windows of ``text`` that may be ``word`` but for one
    character: its first or its second character is in place."""
    starts = set(_positions(text, word[0]))
    starts.update(at - 1 for at in _positions(text, word[1]) if at >= 1)
    return sorted(at for at in starts if at + len(word) <= len(text))


def _flipped(key: Key, negated: bool, opposite: bool) -> bool:
    """Whether a find of ``key`` says the point turned round: negated where the
    point is not, or not where it is (an opposite counts the other way round).
    A key the point is negative about without negating it (老年人 in
    老年人不愿用) is the same word either way, unless typed as its opposite."""
    if key.soft:
        return opposite and not negated
    return (negated != key.negated) != opposite


def _turned(
    key: Key,
    text: str,
    at: int,
    end: int,
    clauses: tuple[Clause, ...],
    opposite: bool = False,
    neg: bool | None = None,
    span: tuple[int, int] | None = None,
) -> bool:
    """Whether the find of ``key`` at ``text[at:end]`` says the point turned
    round (:func:`_flipped`), a complaint said in other words aside: a word
    the point says is lacking, typed with a fault named beside it (环境污染 for
    生态环境差, 消防安全隐患 for 消防设施不全), and a word that is a fault
    itself, typed with a negating predicate after it (脏乱差 for 市场脏乱)."""
    lo, hi = span or _clause(clauses, at)
    if neg is None:
        neg = negated_at(text, at, end, lo, hi)
    flipped = _flipped(key, neg, opposite)
    if not flipped or opposite:
        return flipped
    if key.negated and not neg:
        return not faulted_at(text, at, end, lo, hi)
    if not key.negated and lexicon().faulty(key.word):
        return negated_at(text, at, end, lo, end)
    return flipped


@lru_cache(maxsize=8192)
def _forms(word: str) -> tuple[tuple[str, Found], ...]:
    """What a key may be typed as: itself, a synonym, an opposite, a related term."""
    lex = lexicon()
    forms = [(word, Found.EXACT)]
    forms += [(w, Found.SYNONYM) for w in sorted(lex.alternatives(word))]
    forms += [(w, Found.OPPOSITE) for w in sorted(lex.opposites(word))]
    forms += [(w, Found.RELATED) for w in sorted(lex.near(word))]
    return tuple(forms)


@lru_cache(maxsize=8192)
def needles(word: str) -> frozenset[str]:
    """Characters one of which a find of ``word`` needs: the first of each of
    its forms, and its first two (a slip keeps one of them in place, a piece
    starts with one of them)."""
    return frozenset(word[:2]).union(form[0] for form, _ in _forms(word) if form)


def find_hits(
    index: int,
    key: Key,
    text: str,
    clauses: tuple[Clause, ...],
    *,
    slips: bool = True,
    chars: AbstractSet[str] | None = None,
) -> list[Hit]:
    """Every place in ``text`` where key ``index`` (or a stand-in) was typed
    (``chars``: the characters of ``text``, when the caller has them)."""
    hits: list[Hit] = []
    if chars is not None and needles(key.word).isdisjoint(chars):
        return hits
    size = len(key.word)
    # A find of the key whole (itself or a synonym), not turned round or as
    # long as the key: no slip nor piece is looked for.
    whole = False
    for word, how in _forms(key.word):
        at = text.find(word)
        while at >= 0:
            lo, hi = _clause(clauses, at)
            neg = negated_at(text, at, at + len(word), lo, hi)
            opposite = how is Found.OPPOSITE
            flipped = _turned(key, text, at, at + len(word), clauses, opposite, neg, (lo, hi))
            found = how
            if key.negated and not neg and not flipped and how is Found.EXACT:
                found = Found.SYNONYM  # a fault named for the negation: other words
            if key.soft and not key.fine and not neg and not flipped:
                # A word the point complains of, said to be fine (转化顺畅 for
                # 转化链条不畅): the point turned round.
                flipped = affirmed_at(text, at, at + len(word), lo, hi)
            quality = 0.0 if flipped else QUALITY[found]
            hits.append(Hit(index, at, at + len(word), quality, found, flipped))
            if (how is Found.EXACT or how is Found.SYNONYM) and (not flipped or len(word) >= size):
                whole = True
            at = text.find(word, at + 1)
    if not slips or whole:
        # A shorter stand-in found turned round may be part of a slip typed
        # before the negation (生态 of 生态环竟差 for 生态环境差): look on.
        return hits
    # A slip keeps every character but one in place: two of them typed
    # nowhere leave no window to look at.
    if size >= 2 and not key.word.isascii() and sum(map(text.__contains__, key.word)) >= size - 1:
        for at in _near(text, key.word):
            window = text[at : at + size]
            j = one_changed(window, key.word)
            if j is None:
                continue
            sound = same_sound(window[j], key.word[j])
            how = Found.SLIP
            if is_word(window) or other_word(window, key.word, j):
                if not sound:
                    continue
                how = Found.HOMOPHONE  # 法制 for 法治: a word of its own that sounds the same
            elif not sound and (size == 2 or key.quoted):
                # Half of a two-character word, or a coined term with a
                # character of another sound (新农人 for 知农人): no slip of
                # the input method.
                continue
            if _clause_start(clauses, at) != _clause_start(clauses, at + size - 1):
                continue
            flipped = _turned(key, text, at, at + size, clauses)
            q = 0.0 if flipped else QUALITY[how]
            hits.append(Hit(index, at, at + size, q, how, flipped))
    if size >= 3 and not key.quoted:  # a coined term counts whole (农人 is no 知农人)
        for piece in _pieces(key.word):
            for at in _positions(text, piece):
                flipped = _turned(key, text, at, at + len(piece), clauses)
                q = 0.0 if flipped else QUALITY[Found.PIECE] * (size - 1) / size
                hits.append(Hit(index, at, at + len(piece), q, Found.PIECE, flipped))
    return hits


@lru_cache(maxsize=8192)
def _pieces(word: str) -> tuple[str, ...]:
    """A long key without its last or its first character, unless that is
    another term (机动车 is no piece of 非机动车)."""
    lex = lexicon()
    return tuple(
        piece
        for piece in (word[:-1], word[1:])
        if piece not in lex.near(word) and piece not in lex.opposites(word)
    )


@lru_cache(maxsize=8192)
def _firsts(word: str) -> frozenset[str]:
    """The characters ``word`` is shortened to: its first (and the third of a
    four-character word: 人民群众 → 人, 群)."""
    return frozenset((word[0], word[2]) if len(word) == 4 else word[0])


def short_forms(
    keys: tuple[Key, ...], text: str, hits: list[Hit], chars: AbstractSet[str] | None = None
) -> list[Hit]:
    """Two keys typed as their abbreviation (干群 for 干部 … 群众, 产销 for 生产 … 销售):
    a key's first character (and the third of a four-character key: 人民群众 →
    人, 群) next to another's, outside the places where a key was typed whole
    (``chars``: the characters of ``text``, when the caller has them)."""
    seen = set(text) if chars is None else chars
    typed_whole = {h.key for h in hits if h.how in (Found.EXACT, Found.SYNONYM)}
    heads: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if len(k.word) >= 2 and i not in typed_whole:
            # A key typed whole is not also typed as a short form (制度 … 法制化
            # is no 法治化 + 制度).
            for ch in _firsts(k.word) & seen:
                heads.setdefault(ch, []).append(i)
    out: list[Hit] = []
    if len(heads) < 2:
        return out
    whole = [(h.start, h.end) for h in hits if h.how is not Found.PIECE]
    q = QUALITY[Found.SHORT]
    # Only where a head character stands (the same order as a walk over the text).
    places = sorted(at for ch in heads for at in _positions(text, ch) if at < len(text) - 1)
    for at in places:
        for x in heads[text[at]]:
            for y in heads.get(text[at + 1], ()):
                if x == y or any(at < e and s < at + 2 for s, e in whole):
                    continue
                out.append(Hit(x, at, at + 1, q, Found.SHORT, False))
                out.append(Hit(y, at + 1, at + 2, q, Found.SHORT, False))
    return out


def overlaps(hit: Hit, used: list[tuple[int, int]]) -> bool:
    start, end = hit.start, hit.end
    for s, e in used:  # noqa: SIM110 (a loop, not any(): asked hundreds of times an answer)
        if start < e and s < end:
            return True
    return False


def pick_order(h: Hit) -> tuple[float, bool, int]:
    return (-h.quality, h.how is not Found.EXACT, h.start)


def _pick(hits: list[Hit], *, ordered: bool = False) -> dict[int, Hit]:
    """The best find of each key, no two keys on the same typed characters
    (``ordered``: ``hits`` are in :func:`pick_order` already)."""
    chosen: dict[int, Hit] = {}
    taken: list[tuple[int, int]] = []
    for h in hits if ordered else sorted(hits, key=pick_order):
        if h.flipped or h.key in chosen:
            continue
        start, end = h.start, h.end
        for s, e in taken:  # overlaps(), inlined: asked for every find of every span
            if start < e and s < end:
                break
        else:
            chosen[h.key] = h
            taken.append((start, end))
    return chosen


def _in_order(plan: Plan, chosen: dict[int, Hit], starts: list[int]) -> dict[int, Hit]:
    """Drop finds out of the point's order across clauses: a learner writes a
    point's pieces and words in order, so 提升 before 强化培训 belongs to another
    point (提升认知), and 养成 in the clause after 长效机制 is not 形成长效机制's 形成.
    Inside one clause words may come in any order (幸福感下降). ``starts``:
    where each clause starts."""
    if len(chosen) < 2:
        return chosen
    places = plan.places
    placed = [(k, bisect_right(starts, h.start), *places[k]) for k, h in chosen.items()]
    first = placed[0][1]
    if all(ck == first for _, ck, _, _ in placed):
        return chosen  # all in one clause: any order
    drop = set()
    for k, ck, part, start in placed:
        for j, cj, other_part, other_start in placed:
            if j == k:
                continue
            if part > other_part:
                if ck < cj:
                    drop.add(k)  # a later piece typed in an earlier clause
                    break
            elif part == other_part and start <= other_start and ck > cj:
                drop.add(k)  # an earlier word of the piece typed in a later clause
                break
    if not drop:
        return chosen
    return {k: h for k, h in chosen.items() if k not in drop}


def _outweighs(plan: Plan, turned: Hit, hit: Hit) -> bool:
    """The same typed word found for two keys of one word, turned round for the
    heavier (分类 of 居民分类不到位 typed as 居民分类到位, beside the plain 分类
    of 影响分类收运): the point is said turned round."""
    same = (turned.start, turned.end) == (hit.start, hit.end)
    soft = plan.keys[hit.key].soft  # found either way: it says nothing of the turn
    return same and soft and plan.keys[turned.key].weight > plan.keys[hit.key].weight


def _clause_index(clauses: tuple[Clause, ...], at: int) -> int:
    index = 0
    for i, c in enumerate(clauses):
        if c.start > at:
            break
        index = i
    return index


def best_span(
    point: int,
    plan: Plan,
    hits: list[Hit],
    clauses: tuple[Clause, ...],
    used: list[tuple[int, int]],
    longest: int,
    *,
    ordered: bool = False,
) -> Match:
    """The run of clauses where ``plan``'s keys score best (ties: the shortest).

    Only runs that start at a clause holding a find and end at one are
    weighed: a run with an empty clause at an edge holds the same finds as
    the run without it, explains less of its span and is longer, so it never
    ranks first. (Asked several times for every point of every answer: the
    loops below are written out rather than built of generators.)
    ``ordered``: ``hits`` are in :func:`pick_order` already (a stable sort,
    so the free ones are in the order sorting them would give)."""
    total = plan.total or 1.0
    free = [h for h in hits if not overlaps(h, used)] if used else hits
    if not ordered:
        free = sorted(free, key=pick_order)
    if not free:
        return Match(point, -1, -1, 0.0, (), ())
    starts = _starts(clauses)
    weights = plan.weights
    # The clauses each find starts and ends in.
    placed = [
        (h, bisect_right(starts, h.start) - 1, bisect_right(starts, h.end - 1) - 1) for h in free
    ]
    opening = {f for _, f, _ in placed}
    closing = {e for _, _, e in placed}
    best: tuple[float, int, int, int] | None = None
    best_hits: tuple[Hit, ...] = ()
    best_raw, best_a, best_b = 0.0, -1, -1
    best_flipped: tuple[int, ...] = ()
    n = len(clauses)
    across = plan.across
    for a in sorted(opening):
        after = [(h, e) for h, f, e in placed if f >= a]
        unit = clauses[a].unit
        lo = clauses[a].start
        for b in range(a, min(n, a + longest)):
            if not across and clauses[b].unit != unit:
                break
            if b not in closing:
                continue
            inside = [h for h, e in after if e <= b]
            if not inside:
                continue
            chosen = _pick(inside, ordered=True)
            if b > a:  # in one clause, words may come in any order
                chosen = _in_order(plan, chosen, starts)
            against = [h for h in inside if h.flipped and h.key not in chosen]
            flips: set[int] = set()
            if against:
                # A one-character key inside a word found turned round is part
                # of that word (制 of 确认制 in 限制 for 放宽).
                chosen = {
                    k: h
                    for k, h in chosen.items()
                    if (
                        h.end - h.start > 1
                        or not any(overlaps(h, [(t.start, t.end)]) for t in against)
                    )
                    and not any(_outweighs(plan, t, h) for t in against)
                }
                taken = [(h.start, h.end) for h in chosen.values()]
                flips = {h.key for h in against if h.key not in chosen and not overlaps(h, taken)}
            if not chosen and not flips:
                continue
            raw = 0.0
            covered = 0
            for k, h in chosen.items():
                raw += weights[k] * h.quality
                covered += h.end - h.start
            raw /= total
            # A key found turned round explains the span too (不哄抬价格 typed
            # as 哄抬价格 in the next clause): it counts for the choice of span.
            turned = 0.0
            if flips:
                turned = sum(weights[k] for k in flips) / total / 2
                # How much of the span the point explains: a point's word in a
                # clause that another point fills (提升 of 提升动力源) ranks lower.
                covered += sum(h.end - h.start for h in inside if h.flipped and h.key in flips)
            span = starts[b] + len(clauses[b].text) - lo
            fit = (raw + turned) * (0.5 + 0.5 * min(1.0, covered / max(1, span)))
            rank = (fit, a - b, -a, 0)
            if best is None or rank > best:
                best = rank
                best_hits = tuple(chosen.values())
                best_flipped = tuple(sorted(flips))
                best_raw, best_a, best_b = raw, a, b
    if best is None:
        return Match(point, -1, -1, 0.0, (), ())
    return Match(point, best_a, best_b, best_raw, best_hits, best_flipped, best[0])


@lru_cache(maxsize=2048)
def _opcodes(point: str, typed: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """The character diff of a point and a typed span (one per pair, for all its keys)."""
    matcher = difflib.SequenceMatcher(a=point, b=typed, autojunk=False)
    return tuple(matcher.get_opcodes())


def _aligned(plan: Plan, typed: str, key: Key) -> str:
    """The typed characters standing where ``key`` stands in the point."""
    lo, hi = key.start, key.start + len(key.word)
    out = []
    for op, a0, a1, b0, b1 in _opcodes(plan.norm, typed):
        if a1 <= lo or a0 >= hi or op == "delete":
            continue
        if op == "equal":
            out.append(typed[b0 + max(lo, a0) - a0 : b0 + min(hi, a1) - a0])
        elif op == "insert":  # typed inside the word (成本转了嫁)
            out.append(typed[b0:b1])
        else:  # replace: the key's share of the typed run that stands for it
            size = a1 - a0
            x = b0 + (max(lo, a0) - a0) * (b1 - b0) // size
            y = b0 + -(-(min(hi, a1) - a0) * (b1 - b0) // size)
            out.append(typed[x:y])
    return "".join(out)


def substituted(plan: Plan, typed: str, hits: tuple[Hit, ...], *, light: bool = False) -> list[int]:
    """Keys of a short term typed as a different word in their place.

    ``成本摊派`` or ``成本转移`` for ``成本转嫁``: 成本 is there and 转嫁's place
    holds a word of its own, where ``成本`` alone just leaves 转嫁 out. A quoted
    term's place holds a different term whatever is typed there (新农人 for
    知农人). ``light`` keys too (a word the prompt gives).
    """
    have = {h.key for h in hits}
    categories = lexicon().categories
    out = []
    for i, key in enumerate(plan.keys):
        if i in have or (key.weight < 0.5 and not light) or key.word in categories:
            continue
        there = _aligned(plan, typed, key)
        if there in STOP:
            # A pronoun or a function word (自己 for 下田) is no other term, nor
            # another noun for a kind of thing (两方 for 主体).
            continue
        if len(there) >= 2 and there != key.word and (key.quoted or is_word(there)):
            out.append(i)
    return out


def other_code(plan: Plan, typed: str, hits: tuple[Hit, ...]) -> bool:
    """Whether a code of the point (GEP, 5G: letters or digits) was typed as
    another code in its place (GDP for GEP): another thing, however long the
    point and however much of the rest is there."""
    if not plan.codes:
        return False
    have = {h.key for h in hits}
    for i in plan.codes:
        key = plan.keys[i]
        if i in have:
            continue
        there = _aligned(plan, typed, key)
        if code(there) and there != key.word:
            return True
    return False


def vague(plan: Plan, typed: str, hits: tuple[Hit, ...]) -> bool:
    """Whether the answer says the point in general terms: one of its own words
    (not a verb that opens any measure) with a noun that only names a kind of
    thing the point does not name (培养人才 for 培养“知农人”, 留住人才)."""
    lex = lexicon()
    own = [plan.keys[h.key] for h in hits if not h.flipped and h.how is not Found.RELATED]
    if not any(k.word not in lex.generic for k in own):
        return False
    said = {w for k in own for w in lex.alternatives(k.word)}
    return any(c in typed and c not in plan.norm and c not in said for c in lex.categories)
