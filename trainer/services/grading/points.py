"""What a point asks for: its key words, weighed.

A point (``提升认知,扩大融入面``) is cut by the segmenter into words; the words
that carry its meaning (the head and its object: 提升, 认知, 扩大, 融入面) are
its *keys*. Function words are dropped; adverbs and one-character words weigh
less; a word the prompt already gives (影响 in ``…带来哪两方面的影响?``) or that
every point repeats (靠 in 靠…, 靠…, 靠…) is nearly optional. Adjacent pieces
that the lexicon knows as one word are joined (人民+群众); a long compound that
the segmenter keeps whole (公平竞争) is weighed by its own pieces, so half of
it is half the credit. A negation before a key (不健全) is part of the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from trainer.generation.split import words as segment
from trainer.services.grading.lexicon import lexicon
from trainer.services.grading.text import (
    enumerated,
    fold,
    glosses,
    labelled,
    listed_items,
    normalize,
    parts,
    quoted,
    same_sound,
    spans_units,
    unnumbered,
)

STOP = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "并",
        "也",
        "要",
        "对",
        "在",
        "为",
        "把",
        "将",
        "等",
        "更",
        "很",
        "让",
        "使",
        "被",
        "是",
        "就",
        "都",
        "还",
        "又",
        "而",
        "且",
        "或",
        "之",
        "其",
        "这",
        "那",
        "该",
        "此",
        "各",
        "每",
        "个",
        "些",
        "着",
        "过",
        "地",
        "得",
        "以",
        "于",
        "从",
        "向",
        "给",
        "同",
        "跟",
        "由",
        "所",
        "中",
        "里",
        "之间",
        "之中",
        "方面",
        "进行",
        "做",
        "做好",
        "有",
        "好",
        "能",
        "会",
        "可",
        "可以",
        "应",
        "应该",
        "需要",
        "必须",
        "通过",
        "加以",
        "予以",
        "我们",
        "他们",
        "大家",
        "自己",
        "一些",
        "这些",
        "那些",
        "以及",
        "并且",
        "而且",
        "同时",
        "还要",
        "也要",
        "要求",
        "对于",
        "关于",
        "作为",
    ]
)
"""Words that carry no point of their own."""

MODIFIERS = frozenset(
    [
        "不断",
        "真正",
        "切实",
        "有效",
        "积极",
        "进一步",
        "大力",
        "充分",
        "努力",
        "全面",
        "深入",
        "持续",
        "更好",
        "更加",
        "严格",
        "主动",
        "及时",
        "认真",
        "坚决",
        "着力",
        "一定",
        "相关",
        "有关",
        "当地",
        "本地",
        "各类",
        "各种",
        "一系列",
        "高度",
        "行为",
        "工作",
        "情况",
        "过程",
        "活动",
        "问题",
        "现象",
        "环节",
        "事情",
        "方面",
        "领域",
        "时候",
    ]
)
"""Adverbs, attributes and generic nouns a tutor does not insist on."""

MINOR = 0.35
"""Weight of a modifier or a one-character word (a full key weighs 1)."""
GIVEN = 0.25
"""Weight factor of a key the prompt already names."""
SHARED = 0.5
"""Weight factor of a key every point of the card repeats."""
ATTRIBUTE = 0.5
"""Weight factor of a word that only qualifies a noun (老年人 in 对老年人的帮助)."""
VERB = 0.6
"""Weight factor of a verb leading two or more other keys (加强 in 加强科学管理:
may be left out; not 转嫁 in 成本转嫁, not a piece's last word)."""
HEAD_SHARE = 0.7
"""Weight factor of the first piece of a point in several pieces (提升认知 in
提升认知,扩大融入面): the measure itself, the rest says what it is for."""
LABEL = 0.25
"""Weight factor of a piece that only labels the point (对社会: …)."""
LONG = 16
"""A point this long (characters, punctuation dropped) is a reference answer's
long point: several clauses, detail a learner sums up."""
FIRST_CLAUSE_SHARE = 0.5
"""Share of a long point of three clauses or more its first clause carries
(第一时间了解受灾情况 of 第一时间了解受灾情况,安慰农户,确定…为重点)."""
HEADING_SHARE = 0.55
"""Share of a point's weight its heading carries: the words before a colon
(湾区通办: …) or before a parenthesis (风景优美（房屋错落有致…）). The heading
alone recalls the point; the detail after it is the other half, so typing
the detail in full recalls it too."""
QUOTED = 2.0
"""Weight of a term the point quotes (适老化 in 忽视了“适老化”): the coined term
is what the card asks for."""
TERM = 6
"""A first piece this short is a term: made of two words, both are needed; a
different word sharing characters in a word's place fails the point."""
NEGATION_REACH = 2
"""A negating predicate follows its word at most this many words after it."""


@dataclass(frozen=True, slots=True)
class Key:
    word: str
    weight: float
    negated: bool
    start: int
    """Offset in the point's normalised text."""
    part: int
    """Which of the point's own pieces (split at its commas) holds it."""
    essential: bool = False
    """A word of a two-word term leading the point (转嫁 in 成本转嫁): without
    it (or with only a related word for it) the point is at most partly recalled."""
    soft: bool = False
    """The point says something negative about it without negating it itself
    (老年人 in 老年人不愿用, 生活 in 影响正常生活节奏): typed with or without a
    negation, it is the same word."""
    quoted: bool = False
    """A coined term the point quotes (“知农人”): one key, typed as it is."""
    fine: bool = False
    """The point says it is fine (河床 in 影响河床稳定): typed so, it is not
    turned round."""
    given: bool = False
    """The prompt names it, or every point of the card repeats it."""
    own: bool = False
    """A word of this point only: no other point of the card holds it, the
    prompt does not give it, and it is no verb that opens any measure nor a
    noun that only names a kind of thing (专家, 救治 of 把照片发给…专家看能否救治)."""


@dataclass(frozen=True, slots=True)
class Plan:
    text: str
    norm: str
    parts: tuple[str, ...]
    keys: tuple[Key, ...]
    across: bool = False
    """The point holds a ；or 。 of its own: it may span typed units."""
    gist: bool = False
    """A long point (:data:`LONG` characters or more) or one with a heading,
    but not a measure and what it is for (提升认知,扩大融入面): its gist
    recalls it."""
    pair: bool = False
    """A measure and what it is for (提升认知,扩大融入面): its first piece is
    the point, the second alone is a part of it."""
    headed: int = 0
    """How many of its pieces head it (:func:`heading`)."""
    asked: str = ""
    """Characters of the prompt the point does not hold (美 of 小林村的“美”体现在
    哪些方面): typed beside a heading's word, they name the aspect asked for."""

    total: float = field(init=False, repr=False, compare=False)
    """The keys' weight (asked of every span weighed)."""
    weights: tuple[float, ...] = field(init=False, repr=False, compare=False)
    """Each key's weight, in order (read for every find of every span weighed)."""
    places: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)
    """Each key's piece and offset, in order (read for every span of several clauses)."""
    piece_weights: tuple[float, ...] = field(init=False, repr=False, compare=False)
    """The weight of each piece's keys (asked of every point judged)."""
    heads: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """The keys of its heading (of its first piece when it has none)."""
    head_weight: float = field(init=False, repr=False, compare=False)
    """Their weight (1 when they have none)."""
    own: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """The keys that are its own words (:attr:`Key.own`)."""
    own_weight: float = field(init=False, repr=False, compare=False)
    """Their weight (1 when they have none)."""
    codes: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """The keys that are codes (:func:`code`)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", sum(k.weight for k in self.keys))
        object.__setattr__(self, "weights", tuple(k.weight for k in self.keys))
        object.__setattr__(self, "places", tuple((k.part, k.start) for k in self.keys))
        object.__setattr__(
            self,
            "piece_weights",
            tuple(
                sum(k.weight for k in self.keys if k.part == piece)
                for piece in range(len(self.parts))
            ),
        )
        heads = tuple(k for k in range(len(self.keys)) if self.keys[k].part < max(1, self.headed))
        own = tuple(k for k in range(len(self.keys)) if self.keys[k].own)
        object.__setattr__(self, "heads", heads)
        object.__setattr__(self, "head_weight", sum(self.keys[k].weight for k in heads) or 1.0)
        object.__setattr__(self, "own", own)
        object.__setattr__(self, "own_weight", sum(self.keys[k].weight for k in own) or 1.0)
        object.__setattr__(self, "codes", tuple(i for i, k in enumerate(self.keys) if code(k.word)))


def code(word: str) -> bool:
    """A code of letters or digits (GEP, 5G)."""
    return len(word) >= 2 and word.isascii() and word.isalnum()


@lru_cache(maxsize=4096)
def _words(clause: str) -> tuple[tuple[str, int], ...]:
    return tuple(
        _pending_joined(
            _slipped_negations(
                [(w, s) for w, s, _ in segment.tokenizer().tokenize(clause, HMM=False)]
            )
        )
    )


def _slipped_negations(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Two single characters that are a two-character negation but for one
    character of the same sound (却失 for 缺失, 却乏 for 缺乏): a slip of the
    input method, read as the negation it stands for."""
    lex = lexicon()
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(words):
        pair = words[i][0] + words[i + 1][0] if i + 1 < len(words) else ""
        # Only characters that are no negation themselves (不少 is no slip).
        slip = len(pair) == 2 and len(words[i][0]) == 1 and pair not in lex.not_negations
        meant = _meant_negation(pair) if slip and not set(pair) & set(lex.negations) else ""
        if meant:
            out.append((meant, words[i][1]))
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


@lru_cache(maxsize=4096)
def _meant_negation(pair: str) -> str:
    lex = lexicon()
    for word in sorted(lex.predicates - lex.preverbal):
        # Not a negation opening with 不, 没, 未 … (还能 is no slip of 不能).
        if len(word) == 2 and word != pair and word[0] not in lex.negations:
            wrong = [j for j in range(2) if word[j] != pair[j]]
            if len(wrong) == 1 and same_sound(pair[wrong[0]], word[wrong[0]]):
                return word
    return ""


def _pending_joined(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Two pieces making a word saying a thing is still to be done (仍+需) as one."""
    pending = lexicon().pending
    out: list[tuple[str, int]] = []
    for word, start in words:
        if out and out[-1][0] + word in pending and out[-1][1] + len(out[-1][0]) == start:
            out[-1] = (out[-1][0] + word, out[-1][1])
        else:
            out.append((word, start))
    return out


def _still_to_do(words: list[tuple[str, int]]) -> set[int]:
    """Starts of the verbs a word saying a thing is still to be done governs
    (完善 of 机制有待完善, 提升 of 素养有待进一步提升): with it they are one
    predicate saying the word before is lacking, no measure of their own.
    Not when nothing is said before it (仍需加强监管 is the measure)."""
    lex = lexicon()
    out: set[int] = set()
    for n, (word, _) in enumerate(words):
        if word not in lex.pending:
            continue
        if not any(w not in STOP and not _is_negation(w) for w, _ in words[:n]):
            continue
        for w, at in words[n + 1 :]:
            if w in MODIFIERS or w in STOP:
                continue
            if w in lex.generic or segment.verb_like(w):
                out.add(at)
            break
    return out


@lru_cache(maxsize=8192)
def _negating(word: str, after: bool) -> bool:
    """A negation (``after``: or a negating predicate), or a word starting with one."""
    lex = lexicon()
    if word in lex.not_negations:
        return False
    words = lex.after if after else lex.long_negations
    return word in lex.negations or any(word.startswith(w) for w in words)


def negated_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """Whether the word at ``text[start:end]`` is negated inside ``text[lo:hi]``.

    A negation word anywhere before it in the clause (不盲目跟风, 缺少对…的帮助)
    or a negating predicate right after it (帮助不够, 分类不到位, 机制不健全)
    negates it. Negations are whole words of the segmenter (辨别 holds no 别).
    """
    return negation(text, start, end, lo, hi)[0]


_BETWEEN = frozenset(
    ["的", "也", "很", "太", "较", "还", "都", "比较", "十分", "非常", "较为", "仍", "仍然", "依然"]
).union(["做", "得", "搞", "做得", "搞得"])
"""Words that may stand between a word and the predicate that negates it (积极性也不高)."""


_AND = frozenset(["与", "和", "及", "以及", "同", "跟", "等"])
"""Words joining the word to another noun the predicate after both says of
both (人口与土地不均衡), 等 among them: the words listed before it are members
of the noun after it, and what is said of the noun is said of them
(交通等基础设施不完善)."""


def _predicate(words: tuple[tuple[str, int], ...], i: int) -> bool:
    """Whether word ``i`` negates the word before it: a negating predicate
    (不够, 不到位), or a negated word closing the clause (生活不便, 结构不匹配);
    never a negation standing before a verb (老年人不愿用, 社会缺少…帮助)."""
    lex = lexicon()
    word = words[i][0]
    if word in lex.predicates:
        return True
    if word in lex.preverbal or word in lex.not_negations or not _negating(word, True):
        return False
    rest = [w for w, _ in words[i + 1 :] if w not in STOP and w not in _BETWEEN]
    # 生活不便 closes the clause; 分类不到位 is a 不 and the one word it turns.
    return not rest or (len(rest) == 1 and len(word) == 1)


def _attribute(words: tuple[tuple[str, int], ...], i: int, start: int) -> bool:
    """Whether the negation at word ``i`` is an attribute closed by 的 (不公平的
    of 不公平的质疑, 不合理的 of 不合理的收费): what follows the 的 is not what
    it negates, but a complaint about it. ``start``: where the word asked
    about starts in the clause."""
    lex = lexicon()
    word = words[i][0]
    k = i + 1 if word in lex.negations and len(word) == 1 else i
    return k + 1 < len(words) and words[k + 1][0] == "的" and words[k + 1][1] < start


def _contrast_between(words: tuple[tuple[str, int], ...], i: int, start: int) -> bool:
    """Whether a word turning to a contrast stands between the negation at word
    ``i`` and ``start`` (教育 of 不是靠罚款而是靠教育 is not negated)."""
    contrasts = lexicon().contrasts
    return any(w in contrasts and at < start for w, at in words[i + 1 :])


def negation(
    text: str, start: int, end: int, lo: int = 0, hi: int | None = None
) -> tuple[bool, bool]:
    """(negated, directly) for the word at ``text[start:end]`` inside ``text[lo:hi]``
    (:func:`_negation`; only the clause ``text[lo:hi]`` is read, so it is asked
    once per clause and place)."""
    clause = text[lo : len(text) if hi is None else hi]
    if _negation_chars().isdisjoint(clause):
        return False, False  # nothing in it can negate: no need to segment it
    return _in_clause(clause, start - lo, end - lo)


@lru_cache(maxsize=1)
def _negation_chars() -> frozenset[str]:
    """Characters one of which a clause holding a negation holds: the first of
    every negation and negating predicate (a word of the segmenter negates only
    by starting like one, :func:`_negating`), and each of a two-character
    predicate (a slip standing for one keeps a character of it: 却失 for 缺失)."""
    lex = lexicon()
    firsts = {w[0] for w in (*lex.negations, *lex.after, *lex.long_negations) if w}
    slipped = {ch for w in lex.predicates - lex.preverbal if len(w) == 2 for ch in w}
    return frozenset(firsts | slipped)


@lru_cache(maxsize=16384)
def _in_clause(clause: str, start: int, end: int) -> tuple[bool, bool]:
    return _negation(clause, start, end)


def _negation(
    text: str, start: int, end: int, lo: int = 0, hi: int | None = None
) -> tuple[bool, bool]:
    """(negated, directly) for the word at ``text[start:end]`` inside ``text[lo:hi]``.

    *negated* is the broad reading (:func:`negated_at`). *directly* is what a
    tutor reads as the point's own negation: a negation before the word, inside
    its segmenter word, or a predicate right after it (a word or two such as 的
    or 也 between); not the subject of a negated verb (老年人 in 老年人不愿用),
    not an attribute further off (老年人 in 对老年人需求关照不足).
    """
    lex = lexicon()
    hi = len(text) if hi is None else hi
    words = _words(text[lo:hi])
    after = 0
    negated = direct = False
    joined = False
    for n, (word, at) in enumerate(words):
        at += lo
        if at <= start and end < at + len(word):
            # The rest of one word of the segmenter after it (资金短缺); not
            # when the whole word is a word of the lists (降低 says nothing
            # of 降 being low).
            rest = text[end : at + len(word)]
            if _negating(rest, True) and word not in lex.words:
                return True, True
        if at < start < at + len(word):
            # Inside one word of the segmenter (互不信任): a negation before it counts.
            if word not in lex.not_negations and any(ch in lex.negations for ch in text[at:start]):
                return True, True
            continue
        if at + len(word) <= start:
            if _negating(word, False) and not _contrast_between(words, n, start - lo):
                return True, not _attribute(words, n, start - lo)
        elif at >= end:
            if after >= NEGATION_REACH or word in lex.contrasts:
                break  # 思想工作而不是强迫命令: the negation is the contrast's
            if word in lex.affirms:
                break  # 环境良好没有污染: its own predicate says it is fine
            if _negating(word, True) and _fault_follows(words, n):
                break  # 环境没有任何污染: the negation turns the fault, not the word
            if word in _BETWEEN:
                if _negating(word, True):
                    negated = True
                continue
            if word in _AND and after == 0 and not joined:
                joined = True  # 人口与土地不均衡: said of both nouns
                continue
            if joined and after == 0 and not _negating(word, True):
                joined = False
                continue
            after += 1
            if _negating(word, True):
                negated = True
                direct = direct or (after == 1 and _predicate(words, n))
    return negated, direct


_AFFIRM_BETWEEN = _BETWEEN | frozenset(["更", "更加", "反而", "已", "已经", "越来越", "挺", "相当"])


def affirmed_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """Whether a predicate saying the thing is fine (顺畅, 雄厚) follows the word
    at ``text[start:end]`` inside ``text[lo:hi]`` (成果转化顺畅, 基础更雄厚)."""
    affirms = lexicon().affirms
    hi = len(text) if hi is None else hi
    for word, at in _words(text[lo:hi]):
        at += lo
        if at + len(word) <= end:
            continue
        if at < end:
            return text[end : at + len(word)] in affirms  # inside one word (转化顺畅)
        if word in _AFFIRM_BETWEEN:
            continue
        return word in affirms
    return False


_ANY = frozenset(["任何", "什么", "一点", "一点儿", "半点", "丝毫", "太多", "多少", "明显"])
"""Words that may stand between a negation and the fault it turns (没有任何污染)."""


def _fault_follows(words: tuple[tuple[str, int], ...], i: int) -> bool:
    """Whether the word after the negation at ``i`` (任何 or the like between)
    names a fault: 没有污染 says the thing is fine, the fault turned."""
    lex = lexicon()
    for word, _ in words[i + 1 :]:
        if word in _ANY or word in _BETWEEN:
            continue
        return lex.faulty(word)
    return False


def _fault_negated(words: tuple[tuple[str, int], ...], i: int) -> bool:
    """Whether the fault at word ``i`` is turned by a negation right before it
    (任何 or the like between): 没有任何污染 names no fault."""
    for word, _ in reversed(words[:i]):
        if word in _ANY or word in _BETWEEN:
            continue
        return _negating(word, False) or _negating(word, True)
    return False


def faulted_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """Whether a fault is named beside the word at ``text[start:end]`` inside
    ``text[lo:hi]`` (污染 of 环境污染, 隐患 of 消防安全隐患, 陈旧 of 设施陈旧): a
    noun naming a fault, a predicate saying a thing is bad or a harm."""
    lex = lexicon()
    hi = len(text) if hi is None else hi
    words = _words(text[lo:hi])
    for n, (word, at) in enumerate(words):
        at += lo
        if at < end and start < at + len(word):
            # The rest of one word of the segmenter with it (环境污染).
            rest = (text[at:start], text[end : at + len(word)])
            if any(lex.faulty(r) for r in rest):
                return True
            continue
        if lex.faulty(word) and not _fault_negated(words, n):
            return True
    return False


def _is_negation(word: str) -> bool:
    lex = lexicon()
    return word in lex.negations or word in lex.after


def _unglue(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A word opening with a one-character negation (不合理, 未落实) as the
    negation and the word it negates, unless it is no negation (不断)."""
    lex = lexicon()
    out: list[tuple[str, int]] = []
    for word, start in words:
        if (
            len(word) >= 3
            and word[0] in lex.negations
            and word not in lex.not_negations
            and not any(word.startswith(w) for w in lex.not_negations)
        ):
            out += [(word[0], start), (word[1:], start + 1)]
        else:
            out.append((word, start))
    return out


def _sub_words(tk: Any, word: str) -> list[tuple[str, int]]:
    """A cover of a long word by its dictionary pieces (公平竞争 → 公平, 竞争)."""
    found = sorted(
        (
            (w, s)
            for w, s, _ in tk.tokenize(word, mode="search", HMM=False)
            if 2 <= len(w) < len(word)
        ),
        key=lambda x: (-len(x[0]), x[1]),
    )
    taken = [False] * len(word)
    out: list[tuple[str, int]] = []
    for w, s in found:
        if any(taken[s : s + len(w)]):
            continue
        for i in range(s, s + len(w)):
            taken[i] = True
        out.append((w, s))
    if not out:
        return [(word, 0)]
    i = 0
    while i < len(word):
        if not taken[i]:
            j = i
            while j < len(word) and not taken[j]:
                j += 1
            out.append((word[i:j], i))
            i = j
        else:
            i += 1
    return sorted(out, key=lambda x: x[1])


def _join(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join adjacent pieces the lexicon knows as one word (人民+群众, 把+控)."""
    known = lexicon().words
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i + 1, -1):
            joined = "".join(w for w, _ in words[i:j])
            if joined in known:
                out.append((joined, words[i][1]))
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _singles(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Runs of one-character words the segmenter left apart, none a function
    word or a negation, as one word (冷+链, 互+认, 通+办): a word its dictionary
    does not know, which the learner types whole."""
    out: list[tuple[str, int]] = []
    for word, start in words:
        single = len(word) == 1 and word not in STOP and not _is_negation(word)
        if (
            single
            and out
            and len(out[-1][0]) >= 1
            and out[-1][1] + len(out[-1][0]) == start
            and _glued(out[-1][0])
        ):
            out[-1] = (out[-1][0] + word, out[-1][1])
        else:
            out.append((word, start))
    return out


def _glued(word: str) -> bool:
    """A run of one-character words so far (冷, 冷链 built from 冷+链)."""
    return (
        all(ch not in STOP and not _is_negation(ch) for ch in word)
        and len(word) <= 3
        and (len(word) == 1 or word not in segment.tokenizer().FREQ)
    )


def _found(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + len(word))
    return out


def _negative(words: list[tuple[str, int]]) -> bool:
    """Whether a piece says something negative: a negation, a harm or a
    predicate saying a thing is bad (市场脏乱) in it."""
    lex = lexicon()
    return any(_is_negation(w) or _negating(w, False) or lex.faulty(w) for w, _ in words)


def _quote(
    words: list[tuple[str, int]], quoted: tuple[tuple[int, int], ...]
) -> list[tuple[str, int]]:
    """The segmenter's words with each quoted term (知农人) as one word."""
    if not quoted:
        return words
    out: list[tuple[str, int]] = []
    for word, start in words:
        span = next((q for q in quoted if q[0] <= start < q[1]), None)
        if span is None or start + len(word) > span[1]:
            out.append((word, start))
        elif out and out[-1][1] >= span[0] and out[-1][1] < span[1]:
            out[-1] = (out[-1][0] + word, out[-1][1])
        else:
            out.append((word, start))
    return out


def _keys_of(
    norm: str,
    part_no: int,
    offset: int,
    factor: float,
    quoted: tuple[tuple[int, int], ...] = (),
    *,
    label: bool = False,
    glue: bool = False,
) -> list[Key]:
    tk = segment.tokenizer()
    lex = lexicon()
    known = lex.words
    raw = [(w, s) for w, s, _ in tk.tokenize(norm, HMM=False)]
    words = _join(_unglue(raw))
    words = _quote(_singles(words) if glue else words, quoted)
    to_do = _still_to_do(words)
    terms = dict(quoted)
    negative = _negative(raw)
    keys: list[Key] = []
    attributive = _attributive(words)
    for n, (word, start) in enumerate(words):
        if n and words[n - 1][0] + word in lex.predicates and words[n - 1][0] in lex.negations:
            # 不+到位 is one predicate negating the words before it (分类不到位):
            # any such predicate typed says the same.
            continue
        if start in to_do:
            continue  # 完善 of 有待完善: part of the predicate
        if terms.get(start) == start + len(word):
            keys.append(Key(word, factor * QUOTED, False, offset + start, part_no, quoted=True))
            continue
        if word in STOP or _is_negation(word):
            continue
        factor_here = factor * ATTRIBUTE if start in attributive else factor
        pieces = _sub_words(tk, word) if len(word) >= 4 and word not in known else [(word, 0)]
        for piece, sub in pieces:
            if piece in STOP:
                continue
            neg, direct = negation(norm, start + sub, start + sub + len(piece))
            weight = MINOR if piece in MODIFIERS or len(piece) == 1 else 1.0
            fine = affirmed_at(norm, start + sub, start + sub + len(piece))
            keys.append(
                Key(
                    piece,
                    weight * factor_here,
                    direct,
                    offset + start + sub,
                    part_no,
                    soft=neg,
                    fine=fine,
                )
            )
    # A piece saying something negative (a negation or a harm in it, 混淆 in
    # the idiom 混淆是非, a word a predicate turns: 力量 of 巡逻力量薄弱) is the
    # same with or without a negation typed on its other words; so is a piece
    # that only labels the point (对网民:).
    negative = negative or any(lex.faulty(k.word) or k.negated for k in keys) or label
    keys = [
        replace(
            k,
            soft=not k.negated
            and not lex.faulty(k.word)
            and (k.soft or negative or _negated_word(k.word)),
        )
        for k in keys
    ]
    if len(keys) > 2:
        # A verb leading its object (加强 科学管理) may be left out; the last
        # word of a piece (帮助, 说话) is what the piece comes to.
        keys = [
            replace(k, weight=k.weight * VERB)
            if not k.quoted and segment.verb_like(k.word) and n < len(keys) - 1
            else k
            for n, k in enumerate(keys)
        ]
    return keys


def _negated_word(word: str) -> bool:
    """A word that holds its own negation (不服 of 水土不服, 不便): a negation
    typed before it in the clause (国企不了解详情水土不服) does not turn it."""
    lex = lexicon()
    return (
        len(word) >= 2
        and word[0] in lex.negations
        and word not in lex.not_negations
        and not any(word.startswith(w) for w in lex.not_negations)
    )


_LEADS = frozenset(["对", "为", "给", "向", "与", "和", "让", "在", "关于", "对于"])


def _attributive(words: list[tuple[str, int]]) -> set[int]:
    """Starts of the words that only qualify the noun after a 的: from a
    preposition before it (对老年人适应数字时代的帮助), else the word before it."""
    out: set[int] = set()
    for i, (word, _) in enumerate(words):
        if word != "的":
            continue
        j = i - 1
        while j >= 0 and words[j][0] not in _LEADS and words[j][0] != "的":
            j -= 1
        span = range(j + 1, i) if j >= 0 and words[j][0] in _LEADS else range(i - 1, i)
        out.update(words[k][1] for k in span if k >= 0)
    return out


def heading(point: str) -> int:
    """How many of the point's pieces head it: those before a parenthesis
    holding detail (规划齐整有序（按方位功能分区）), or before a colon when they
    name the point rather than whom it is about (湾区通办: …, not 对社会: …).
    0 when the point has no heading."""
    folded = fold(unnumbered(point))
    cut = folded.find("(")
    if cut > 0 and folded.rstrip().endswith(")"):
        return len(parts(folded[:cut]))
    labels = labelled(point)
    if len(labels) == 1 and 0 in labels:
        first = _words(parts(point)[0])
        if first and first[0][0] not in _LEADS:
            return 1
    return 0


def _listed_under(keys: list[Key], joined: tuple[bool, ...]) -> list[Key]:
    """Items joined by 、 to a last item that is negated whole (备案、流程不明确):
    its negating predicate is said of an item that is a bare word, so 备案 is
    negated too (备案流程不明确 says it; 备案流程明确 turns it). Not when the
    last item only holds a negation of its own (增人增地、减人不减地), nor an
    item with a predicate or a negation of its own (土地零散、收益低; 不愿用、
    不敢用、不会用)."""
    out = list(keys)
    piece = len(joined) - 1
    while piece > 0:
        first = piece
        while first > 0 and joined[first - 1]:
            first -= 1
        last = [k for k in keys if k.part == piece]
        if first < piece and last and all(k.negated for k in last):
            bare = {
                n
                for n in range(first, piece)
                if [(k.negated, k.soft) for k in keys if k.part == n] == [(False, False)]
            }
            out = [replace(k, negated=True) if k.part in bare else k for k in out]
        piece = first - 1
    return out


def _listed_after(keys: list[Key], joined: tuple[bool, ...], pieces: tuple[str, ...]) -> list[Key]:
    """Items joined by 、 to a first item opened by a negation (不看重职务、级别,
    缺乏资金、人才): the negation is said of an item after it that is a bare
    word, so 级别 is negated too (不在乎职务级别 says it)."""
    out = list(keys)
    for n in range(1, min(len(joined), len(pieces))):
        if not joined[n - 1]:
            continue
        first = n - 1
        while first > 0 and joined[first - 1]:
            first -= 1
        head = [k for k in keys if k.part == first]
        words = _words(pieces[first])
        if not head or not all(k.negated for k in head) or not words:
            continue
        if not _is_negation(words[0][0]) or words[0][0] in lexicon().preverbal:
            continue
        if [(k.negated, k.soft) for k in keys if k.part == n] == [(False, False)]:
            out = [replace(k, negated=True) if k.part == n else k for k in out]
    return out


def _glossed(keys: list[Key], glossed: tuple[bool, ...], pieces: tuple[str, ...]) -> list[Key]:
    """A parenthesis giving another word for the piece before it, that piece
    opened by a negation (缺乏统一规划（统筹）): the negation is said of the
    other word too, so 缺乏统筹 says the point and 统筹到位 turns it. Not when
    the parenthesis holds a negation or a predicate of its own."""
    out = list(keys)
    for n in range(1, min(len(glossed), len(pieces))):
        if not glossed[n]:
            continue
        before = [k for k in keys if k.part == n - 1]
        words = _words(pieces[n - 1])
        if not before or not all(k.negated for k in before) or not words:
            continue
        if not _is_negation(words[0][0]) or words[0][0] in lexicon().preverbal:
            continue
        if [(k.negated, k.soft) for k in keys if k.part == n] == [(False, False)]:
            out = [replace(k, negated=True) if k.part == n else k for k in out]
    return out


def _heading_share(keys: list[Key], head: int, share: float = HEADING_SHARE) -> list[Key]:
    """The first ``head`` pieces weigh ``share`` of the point."""
    first = sum(k.weight for k in keys if k.part < head)
    rest = sum(k.weight for k in keys if k.part >= head)
    if not first or not rest:
        return keys
    scale = share * rest / ((1 - share) * first)
    return [replace(k, weight=k.weight * scale) if k.part < head else k for k in keys]


def _head_share(keys: list[Key], head: int) -> list[Key]:
    """The first piece weighs :data:`HEAD_SHARE` of the point, however many
    words the rest has (混装混运 of 混装混运,影响居民分类积极性)."""
    first = sum(k.weight for k in keys if k.part == head)
    rest = sum(k.weight for k in keys if k.part != head)
    if not first or not rest:
        return keys
    scale = HEAD_SHARE * rest / ((1 - HEAD_SHARE) * first)
    return [replace(k, weight=k.weight * scale) if k.part == head else k for k in keys]


@lru_cache(maxsize=4096)
def plan(point: str, prompt: str = "", others: tuple[str, ...] = ()) -> Plan:
    """The keys of ``point``; ``others`` are the card's other points."""
    original, point = point, unnumbered(point)
    norm = normalize(point)
    pieces = parts(point) or ((norm,) if norm else ())
    headed = heading(original)
    labels = frozenset() if headed else labelled(point)
    listed = enumerated(point)
    quotes = quoted(original)
    keys: list[Key] = []
    offset = 0
    heads = [i for i in range(len(pieces)) if i not in labels]
    for n, piece in enumerate(pieces):
        at = norm.find(piece, offset)
        at = offset if at < 0 else at
        factor = LABEL if n in labels else 1.0
        spans = tuple((i, i + len(q)) for q in quotes for i in _found(piece, q))
        keys.extend(
            _keys_of(piece, n, at, factor, spans, label=n in labels, glue=len(norm) >= LONG)
        )
        offset = at + len(piece)
    keys = _listed_under(keys, listed_items(point))
    keys = _listed_after(keys, listed_items(point), pieces)
    keys = _glossed(keys, glosses(point), pieces)
    pair = False
    if headed:
        keys = _heading_share(keys, headed)
    elif len(heads) == 2 and not labels and not listed:
        pair = True
        # A measure and what it is for (提升认知,扩大融入面); three pieces or a
        # label (对社会:泄露…,引发…,影响…) are a list of equals.
        keys = _head_share(keys, heads[0])
    elif len(heads) >= 3 and not labels and not listed and len(norm) >= LONG:
        # A long point of several clauses: the first is its head.
        keys = _heading_share(keys, 1, FIRST_CLAUSE_SHARE)
    if not keys and norm:
        keys = [Key(norm, 1.0, False, 0, 0)]
    given = normalize(prompt)
    other_norms = [normalize(o) for o in others]
    lex = lexicon()
    weighed = []
    for key in keys:
        weight = key.weight
        names = {key.word} | lex.alternatives(key.word)
        named = bool(given) and any(n in given for n in names)
        if named:
            weight *= GIVEN
        shared = bool(other_norms) and all(key.word in o for o in other_norms)
        if shared:
            weight *= SHARED
        own = not named and not any(key.word in o for o in other_norms)
        own = own and (len(key.word) >= 2 or key.quoted) and key.word not in lex.generic
        own = own and key.word not in lex.categories
        weighed.append(replace(key, weight=weight, given=named or shared, own=own))
    if weighed and all(k.weight < 1.0 for k in weighed):
        # Every key is minor or given: they are all there is to ask for.
        weighed = [replace(k, weight=1.0) for k in weighed]
    head = heads[0] if heads else 0
    in_head = [k for k in weighed if k.part == head]
    if (
        pieces
        and len(pieces[head]) <= TERM
        and len(in_head) == 2
        and not any(k.negated for k in in_head)
    ):
        # A two-word term (成本转嫁, 提升认知): neither word may go. Not a problem
        # said of a word (审批效率低下: 效率 is low, 审批 may go).
        # Beside a quoted term only the term is (打造 of 打造“智慧社区” may go).
        coined = any(k.quoted for k in in_head)
        weighed = [
            replace(k, essential=k.part == head and (k.quoted or not coined)) for k in weighed
        ]
    gist = (len(norm) >= LONG or bool(headed)) and not pair
    asked = "".join(dict.fromkeys(ch for ch in given if ch not in norm))
    return Plan(
        original, norm, pieces, tuple(weighed), spans_units(point), gist, pair, headed, asked
    )
