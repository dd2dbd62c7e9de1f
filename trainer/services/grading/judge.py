"""One point judged from the clauses it was aligned with.

Its score is the found share of its keys' weight; then, unless it was typed in
its own words: a point turned round (negated, opposites) scores nothing, a
two-word term typed with a different word sharing characters fails, a full word
typed as a different word or a related term, or a missing word of a two-word
term, leaves it half right at most. Strict mode marks by exact pieces instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from trainer.generation.split import words as segment
from trainer.services.grading import align
from trainer.services.grading.lexicon import lexicon
from trainer.services.grading.points import LONG, TERM, Key, Plan
from trainer.services.grading.results import Mark, PointResult
from trainer.services.grading.text import Clause, same_sound

RECALLED_AT = 0.5
"""A point scoring at least this much counts as recalled (✓)."""
PARTIAL_AT = 0.2
"""A point scoring at least this much counts as partly recalled (◐)."""
LIGHT = 0.25
"""Share of a point's weight that may be left out of an exact answer."""
TURNED = 0.5
"""Share of a point's weight that must be typed (as it is or turned round) for
a negated or opposite key to fail the point: the answer says the point, turned.
Less is a different remark (老年人自身原因 for 老年人不愿用), graded by what it has."""


MINOR_KEY = 0.6
"""A key at least this heavy says which measure a point is (全程 of 全程追溯体系)."""
OTHER_WORDS = 2
"""Characters of other words beside a generic verb that make it another measure."""


WORDED_LEFT = 0.25
"""Share of a long point's weight its wording may leave out."""
LONG_RECALLED_AT = 0.3
"""Score that recalls a long point: its gist (the head clause, or most of
one clause and a word of another) is enough for a tutor."""


NAMED_RECALLS = 4
"""Characters of a long point's own words typed in one clause that name it:
a keyword answer (专家救治 for 把照片发给市农科所专家看能否救治,指导农户处理)."""
NAMED_PARTLY = 2
"""Characters of its own words that name a long point in part (监督 of 监督小组) …"""
NAMED_SHARE = 0.3
"""… when they are this much of the clause at least (宣传 of 加强宣传推广; not
竞争 of 让企业自主竞争, a remark of its own)."""


def _named(pl: Plan, m: align.Match, parts: tuple[Clause, ...]) -> tuple[int, int, float]:
    """How the point's own words (:attr:`Key.own`) name it in one typed clause
    of the match: the most characters of them found in a clause (each word
    once), the most in a clause made of nothing else (a keyword answer:
    宣传教育 for 加强宣传教育), and the largest share of a clause they cover.
    In a measure and what it is for, a clause of only the purpose's words is
    no keyword answer (扩大融入面 for 提升认知,扩大融入面)."""
    most = whole = 0
    share = 0.0
    head = min((k.part for k in pl.keys), default=0) if pl.pair else 0
    keys = pl.keys
    # The finds that may name the point (not turned, not a related term).
    naming = [h for h in m.hits if not h.flipped and h.how is not align.Found.RELATED]
    for c in parts[m.first : m.last + 1]:
        start = c.start
        end = start + len(c.text)
        inside = [h for h in naming if start <= h.start < end]
        found = [h for h in inside if keys[h.key].own]
        if not found:
            continue  # names nothing here (a clause is never empty)
        chars = sum({h.key: h.end - h.start for h in found}.values())
        covered = len({at for h in found for at in range(h.start, h.end)})
        most = max(most, chars)
        share = max(share, covered / max(1, len(c.text)))
        in_head = not pl.pair or all(keys[h.key].part == head for h in found)
        if covered == len(c.text) and in_head:
            whole = max(whole, chars)
        if chars >= NAMED_PARTLY and pl.gist and len(c.text) >= 3:
            # In a long point, its own words with other words of it (保险理赔:
            # 保险 is another point's too) fill a keyword; a noun any measure
            # ends in does not (经理人管理, 服务平台).
            heads = lexicon().heads
            filled = {
                at
                for h in inside
                if keys[h.key].own or keys[h.key].word not in heads
                for at in range(h.start, h.end)
            }
            if len(filled) == len(c.text):
                whole = max(whole, len(filled))
        heading = [h for h in found if keys[h.key].part < pl.headed] if pl.headed else []
        if not heading:
            continue
        rest = set(range(c.start, end)) - {at for h in heading for at in range(h.start, h.end)}
        if rest and all(c.text[at - c.start] in pl.asked for at in rest):
            # The heading's word with the prompt's own (规划美 for 规划齐整有序 when
            # the prompt asks where the 美 is): the aspect asked for, named.
            whole = max(whole, NAMED_RECALLS)
    return most, whole, share


def recalled_at(pl: Plan) -> float:
    """The score that recalls ``pl``: :data:`RECALLED_AT`, lower for a long
    point (a tutor credits the gist of a reference answer's long point)."""
    return LONG_RECALLED_AT if pl.gist else RECALLED_AT


def _mark(score: float, at: float = RECALLED_AT) -> Mark:
    if score >= at:
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
    if align.Found.HOMOPHONE in hows:
        return "homophone"
    if align.Found.SLIP in hows:
        return "slip"
    if align.Found.RELATED in hows:
        return "related term"
    if align.Found.SYNONYM in hows or align.Found.OPPOSITE in hows:
        return "other words"
    return ""


_LAST: dict[bool, tuple[Plan, str, tuple[align.Hit, ...], list[int]]] = {}


def _substituted(
    pl: Plan, span: str, hits: tuple[align.Hit, ...], *, light: bool = False
) -> list[int]:
    """:func:`align.substituted`, asked once per point judged (the rules below
    ask it several times of the same point, span and finds)."""
    last = _LAST.get(light)
    if last is not None and last[0] is pl and last[2] is hits and last[1] == span:
        return last[3]
    out = align.substituted(pl, span, hits, light=light)
    _LAST[light] = (pl, span, hits, out)
    return out


def _exact(pl: Plan, span: str, match: align.Match) -> bool:
    """Word for word, or every key but a few light ones word for word (加强 in
    加强科学管理, or a prefix the prompt gives may go)."""
    if match.flipped and pl.keys:
        return False  # word for word, but negated (不会伤害当事人)
    if pl.parts and all(piece in span for piece in pl.parts):
        return True
    if not pl.keys:
        return False
    if any(h.how not in (align.Found.EXACT, align.Found.SHORT) for h in match.hits):
        return False  # a word in another's stead (增加 for 提高) is not the wording
    how = {h.key: h.how for h in match.hits}
    left = [k for i, k in enumerate(pl.keys) if how.get(i) is not align.Found.EXACT]
    # The weight left out first: it is what most answers fail on, and cheap.
    if sum(k.weight for k in left) > LIGHT * pl.total or not all(_may_go(k) for k in left):
        return False
    if not _in_place(pl, match):
        return False
    # Asked last, as it aligns the span with the point character by character.
    return not _substituted(pl, span, match.hits, light=True)  # 赶走外来客 for 引进“外来客”


def _may_go(key: Key) -> bool:
    """A key an exact answer may leave out: a light one (a verb leading its
    object, a word the prompt gives, an attribute, an adverb) or a verb; never
    a full noun of the point (低端 of 低端同质化, 服务 of 设施与服务)."""
    return key.weight < 1.0 or _verb_like(key.word)


_verb_like = lru_cache(maxsize=8192)(segment.verb_like)


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
    found = {h.key for h in match.hits}
    if not all(_may_go(k) for i, k in enumerate(pl.keys) if i not in found):
        return False
    typed = {pl.keys[h.key].part for h in match.hits if h.how is align.Found.EXACT}
    for piece, weight in enumerate(pl.piece_weights):
        if piece not in typed and weight >= 1.0:
            return False
    return _in_place(pl, match)


def _worded(pl: Plan, span: str, match: align.Match) -> bool:
    """A long point in its own words: nothing put in another's stead, nothing
    turned, and at most :data:`WORDED_LEFT` of its weight left out (a tutor calls
    龙头企业联合同行成立联盟,制定…标准 the wording, 行业企业 said as 同行)."""
    if match.flipped or not match.hits:
        return False
    if any(h.how not in (align.Found.EXACT, align.Found.SHORT) for h in match.hits):
        return False
    found = sum(pl.keys[k].weight for k in {h.key for h in match.hits})
    if found < (1 - WORDED_LEFT) * pl.total:
        return False
    # Asked last, as it aligns the span with the point character by character.
    return not _substituted(pl, span, match.hits)  # 协商会 for 议事会


KEYWORDS_COVER = 0.8
"""Share of the typed clauses a keyword answer's words of the point cover …"""
KEYWORDS_SHORT = 0.5
"""… a keyword answer being at most this share of the point's length (a longer
answer with words left out is the wording only by :func:`_worded`)."""


def _keywords(pl: Plan, span: str, match: align.Match) -> bool:
    """Recalled by some of the point's own words typed as they are, with
    little else (职业资格互认 for 职业资格互认（律所…）, 宣传教育 for
    加强宣传教育): a keyword answer in the point's wording."""
    if match.flipped or not match.hits or len(span) > KEYWORDS_SHORT * len(pl.norm):
        return False
    if any(h.how is not align.Found.EXACT for h in match.hits):
        return False
    covered = len({at for h in match.hits for at in range(h.start, h.end)})
    if covered < KEYWORDS_COVER * len(span):
        return False
    return not _substituted(pl, span, match.hits)  # asked last, as in _worded


def _head_typed(pl: Plan, span: str, match: align.Match) -> bool:
    """The point's heading typed word for word, nothing turned (师资力量薄弱 of
    师资力量薄弱（教师数量不足…）): a tutor calls that the point's own words.
    Only a heading that says something (薄弱, 推进), not one that only names
    whom the point is about (青年企业家: …)."""
    if match.flipped or not pl.headed or len(pl.parts) <= pl.headed:
        return False
    head = [k for k in pl.keys if k.part < pl.headed]
    says = any(k.negated or segment.verb_like(k.word) for k in head)
    return says and all(piece in span for piece in pl.parts[: pl.headed])


def _heading_said(pl: Plan, match: align.Match) -> bool:
    """Every word of the point's heading typed, none turned round, and no
    more of its detail turned than typed as it is (青年职业经理人守旧，不搞管理改革
    for 青年职业经理人：主导数字化管理改革 turns what the label heads)."""
    said = {h.key for h in match.hits if not h.flipped}.difference(match.flipped)
    if not pl.heads or not all(k in said for k in pl.heads):
        return False
    heads = set(pl.heads)
    kept = sum(pl.keys[k].weight for k in said if k not in heads)
    turned = sum(pl.keys[k].weight for k in set(match.flipped) if k not in heads)
    return turned <= kept


def _turned(pl: Plan, match: align.Match, flipped: float) -> bool:
    """The answer says the point turned round: most of the point typed (some of
    it turned), or most of one of its pieces turned (不盲目跟风 as 盲目跟风).
    Not a headed point whose heading is typed whole and not turned: a word
    of its detail said the other way is its detail wrong, not the point."""
    if pl.headed and _heading_said(pl, match):
        return False
    found = sum(pl.keys[h.key].weight for h in match.hits)
    if found + flipped >= TURNED * pl.total:
        return True
    said = {h.key for h in match.hits} - set(match.flipped)
    if all(pl.keys[k].soft for k in said):
        return True  # all it says of the point is turned (不会伤害当事人)
    for piece, weight in enumerate(pl.piece_weights):
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
    return any(pl.keys[k].weight >= 1.0 for k in _substituted(pl, span, match.hits))


def _heading_changed(pl: Plan, span: str, match: align.Match) -> bool:
    """A word of a short heading typed as another word sharing a character
    with it (职业资格认定 for 职业资格互认（…）) while the rest of the heading is
    there: another measure, half right at most. The word's own characters in
    another order (整齐 for 齐整) are the word."""
    if not pl.headed or sum(len(p) for p in pl.parts[: pl.headed]) > TERM:
        return False
    found = {h.key for h in match.hits if h.how is not align.Found.RELATED}
    if not any(pl.keys[k].part < pl.headed for k in found):
        return False
    taken = {at for h in match.hits for at in range(h.start, h.end)}
    lo = min(h.start for h in match.hits)
    for i, key in enumerate(pl.keys):
        if i in found or key.part >= pl.headed or len(key.word) != 2:
            continue
        for at in range(len(span) - 1):
            window = span[at : at + 2]
            if taken & {lo + at, lo + at + 1} or sorted(window) == sorted(key.word):
                continue
            if set(window) & set(key.word) and align.is_word(window):
                return True
    return False


def _quoted_changed(pl: Plan, span: str, match: align.Match) -> bool:
    """A coined term the point quotes, typed with one character changed so
    that it makes another word of another sound (在线导购 for “在线导办”):
    another term, not the one the card asks for. (A changed character that
    makes no word, or sounds the same, is a slip, left to the other rules.)"""
    found = {h.key for h in match.hits if h.how is align.Found.EXACT}
    for i, key in enumerate(pl.keys):
        word = key.word
        if not key.quoted or i in found or len(word) < QUOTED_LEN or word in span:
            continue
        for at in range(len(span) - len(word) + 1):
            window = span[at : at + len(word)]
            j = align.one_changed(window, word)
            if j is None:
                continue
            if align.other_word(window, word, j) and not same_sound(window[j], word[j]):
                return True
    return False


QUOTED_LEN = 3
"""A quoted term this long is told from another by one character."""


def _generic_only(pl: Plan, span: str, match: align.Match) -> bool:
    """Only words that open any measure or that the prompt gives were found,
    one of them a generic verb, beside words of something else (加强 of
    加强商业开发 for 加强认定和评估, 提升 干部 of 提升干部形象 for
    增强群众与干部的联系): the answer names no point of its own. (拉动消费 for
    提高消费水平, 消费 given, says the point in other words.)"""
    lex = lexicon()
    found = [pl.keys[h.key] for h in match.hits if h.how is not align.Found.RELATED]
    if not found or not any(k.word in lex.generic for k in found):
        return False
    own = [k for k in pl.keys if not (k.word in lex.generic or k.given)]
    if not own or not all(k.word in lex.generic or k.given for k in found):
        return False
    covered = sum(h.end - h.start for h in match.hits)
    return len(span) - covered >= OTHER_WORDS


def _category_only(pl: Plan, match: align.Match) -> bool:
    """Only a generic verb and a noun any measure ends in were found (完善制度 for
    完善全程追溯体系, 加强管理 for 加强食品安全管理), while the piece they stand in
    says which one with words of its own: the answer only names the category."""
    lex = lexicon()

    def plain(k: Key) -> bool:
        return k.word in lex.generic or k.word in lex.heads or k.given

    got = {h.key for h in match.hits if h.how is not align.Found.RELATED and not h.flipped}
    if not any(pl.keys[i].word in lex.generic for i in got):
        return False
    if not all(plain(pl.keys[i]) for i in got):
        return False
    pieces = {pl.keys[i].part for i in got}
    return any(
        i not in got and k.part in pieces and k.weight >= MINOR_KEY and not plain(k)
        for i, k in enumerate(pl.keys)
    )


def _lacks_essential(pl: Plan, match: align.Match) -> bool:
    """A word of a two-word term is left out; not a verb that opens any measure
    when the rest is typed as it is (宣传教育 for 加强宣传教育, a keyword answer),
    nor a word saying only how far the term's noun goes (严重 of 空心化严重: the
    noun is the term's head)."""
    found = {h.key for h in match.hits if h.how is not align.Found.RELATED}
    lacking = [k for i, k in enumerate(pl.keys) if k.essential and i not in found]
    if not lacking:
        return False
    if all(k.word in lexicon().degrees for k in lacking):
        # The term's noun typed, its degree left out (空心化 for 空心化严重).
        return False
    exact = all(h.how is align.Found.EXACT for h in match.hits)
    return not exact or any(k.word not in lexicon().generic for k in lacking)


def _wrong_term(pl: Plan, span: str, match: align.Match) -> bool:
    """The point's term (or its first piece) typed as a different word."""
    for k in _substituted(pl, span, match.hits):
        piece = pl.keys[k].part
        if len(pl.parts[piece]) <= TERM and (piece == 0 or len(pl.parts) == 1):
            return True
    return False


def _strict(plan_parts: tuple[str, ...], span: str) -> Mark:
    """Strict: every piece typed exactly is ✓; a piece typed wrong fails the point."""
    exact = [piece in span for piece in plan_parts]
    if all(exact):
        return Mark.RECALLED
    for piece, ok in zip(plan_parts, exact, strict=True):
        if not ok and sum(ch in span for ch in set(piece)) * 2 >= len(set(piece)):
            return Mark.MISSED  # tried, with a wrong character
    return Mark.PARTIAL if any(exact) else Mark.MISSED


SPREAD_CLAUSES = 3
"""Clauses (between commas) of a point whose gist is its head clause: a later
clause alone is a part of it."""
MANY_CLAUSES = 4
"""Clauses of a point that no one of them says: under half of them found is a
part of it (品牌建设 for 重视品牌建设,升级自主品牌,引进国外品牌,提升时代感)."""


def _clause_of_parts(pl: Plan) -> tuple[int, ...]:
    """Which comma clause of the point holds each of its pieces (a clause of
    items split at 、 holds several)."""
    text = pl.text.replace(",", "，").replace(";", "；")
    out, at = [], 0
    for part in pl.parts:
        found = text.find(part, at)
        if found < 0:
            return ()
        out.append(text.count("，", 0, found) + text.count("；", 0, found))
        at = found + len(part)
    return tuple(out)


def _few_clauses(pl: Plan, match: align.Match) -> bool:
    """Too few clauses of a point of several were found for all of it: of a
    point of :data:`SPREAD_CLAUSES` clauses, one that is not its head clause
    (the first with words of its own: 纳入一般性贷款 for
    简化林票贷款程序,纳入一般性贷款,协调更多银行推出林票贷款); of a point of
    :data:`MANY_CLAUSES` or more, under half of them. A clause with a word
    turned round is not said. A heading or a label says what heads the point
    instead."""
    if pl.headed or "：" in pl.text or ":" in pl.text:
        return False
    clause = _clause_of_parts(pl)
    if not clause or clause[-1] + 1 < SPREAD_CLAUSES:
        return False
    head = min((clause[k.part] for k in pl.keys if k.own), default=0)
    found = {clause[pl.keys[h.key].part] for h in match.hits if not h.flipped}
    found -= {clause[pl.keys[k].part] for k in match.flipped}  # said turned round
    if clause[-1] + 1 >= MANY_CLAUSES:
        return 2 * len(found) < clause[-1] + 1
    return len(found) == 1 and head not in found


_FRAMES = (
    re.compile(r"从(.+?)(?:到|转向|转为|变为)(.+)"),
    re.compile(r"由(.+?)(?:到|转向|转为|变为|向)(.+)"),
    re.compile(r"重(.{1,3}?)轻(.{1,3})"),
    re.compile(r"先(.{1,4}?)后(.{1,4})"),
)
"""Frames that give two words their roles (从管理到服务, 重建轻管): the same
words in each other's places say the opposite."""


_FRAMED = frozenset("从由重先")


@lru_cache(maxsize=4096)
def _roles(text: str) -> tuple[tuple[str, str], ...]:
    """The two words of each frame in ``text``, in their roles."""
    if not _FRAMED & set(text):
        return ()
    out = []
    for frame in _FRAMES:
        m = frame.search(text)
        if m:
            out.append((m.group(1), m.group(2)))
    return tuple(out)


def _swapped(pl: Plan, parts: tuple[Clause, ...]) -> bool:
    """The point's two roles typed in each other's places (从服务到管理 for
    从注重管理到提供服务, 重管轻建 for 重建轻管): the point turned round."""
    expected = [r for piece in pl.parts for r in _roles(piece)]
    if not expected:
        return False
    for c in parts:
        for first, second in _roles(c.text):
            for a, b in expected:
                ours = len(set(first) & set(a)) + len(set(second) & set(b))
                theirs = len(set(first) & set(b)) + len(set(second) & set(a))
                if theirs > ours and set(first) & set(b) and set(second) & set(a):
                    return True
    return False


def judge(pl: Plan, m: align.Match, parts: tuple[Clause, ...], strict: bool) -> PointResult:
    """One point's result from the clauses it was aligned with."""
    if m.first < 0:
        return PointResult(pl.text, "", 0.0, Mark.MISSED)
    at = recalled_at(pl)
    gist = at < RECALLED_AT
    span = "".join(c.text for c in parts[m.first : m.last + 1])
    shown = " ".join(c.shown for c in parts[m.first : m.last + 1])
    exact = _exact(pl, span, m)
    score = 1.0 if exact else m.raw
    if not exact:
        # A point named by its own words, as a keyword answer does: a long
        # point by some of them in a clause, any point by a clause of them only.
        named, whole, share = _named(pl, m, parts)
        long = gist or len(pl.norm) >= LONG
        if (long and named >= NAMED_RECALLS) or whole >= NAMED_RECALLS:
            score = max(score, at)
        elif (long and named >= NAMED_PARTLY and share >= NAMED_SHARE) or whole >= NAMED_PARTLY:
            score = max(score, PARTIAL_AT)
    why = _why(m, exact)
    flipped = sum(pl.keys[k].weight for k in m.flipped)
    if _swapped(pl, parts[m.first : m.last + 1]):
        score, exact, why = 0.0, False, "swapped"
    elif not exact and flipped and _turned(pl, m, flipped):
        score = 0.0
    elif not exact and (
        # Another code in a code's place (GDP for GEP), however long the point.
        align.other_code(pl, span, m.hits)
        or (not gist and _wrong_term(pl, span, m) and not align.vague(pl, span, m.hits))
        or _quoted_changed(pl, span, m)
    ):
        score, why = 0.0, "different term"
    elif not exact and (_generic_only(pl, span, m) or _category_only(pl, m)):
        score, why = 0.0, "vague"
    elif not exact and not gist and _wrong_term(pl, span, m):
        # The term typed as the noun of its kind (培养人才): partly.
        score, why = min(max(score, PARTIAL_AT), at - 0.01), "vague"
    elif not exact and not gist and any(h.how is align.Found.HOMOPHONE for h in m.hits):
        score = min(score, at - 0.01)
    elif not exact and score < PARTIAL_AT and align.vague(pl, span, m.hits):
        score, why = PARTIAL_AT, "vague"
    elif (not exact and not gist and _other_word(pl, span, m)) or (
        not exact and gist and _heading_changed(pl, span, m)
    ):
        score, why = min(score, at - 0.01), why or "different word"
    elif not exact and not gist and _lacks_essential(pl, m):
        score, why = min(score, at - 0.01), why or "part of the term"
    if not exact and gist and _few_clauses(pl, m):
        score = min(score, at - 0.01)
    if strict:
        mark = _strict(pl.parts, span)
        if mark is not Mark.RECALLED:
            score = min(score, at - 0.01) if mark is Mark.PARTIAL else 0.0
    else:
        mark = _mark(score, at)
        if mark is Mark.RECALLED and not exact:
            exact = _own_words(pl, m) or (gist and (_worded(pl, span, m) or _keywords(pl, span, m)))
            exact = exact or _head_typed(pl, span, m)
    return PointResult(pl.text, shown, min(1.0, score), mark, exact, why)
