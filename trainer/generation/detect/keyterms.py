"""Key terms of an article: TF-IDF over jieba tokens and recurring compounds.

Term frequency comes from the article; the IDF stand-in is the word's rarity in
jieba's dictionary. Adjacent content tokens that recur (直播 + 带货 three times or
more) form compound terms, which subsume their parts. Words of the shipped
规范表述 list count even when they occur once. Stop words, single characters and
numbers never qualify.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from trainer.generation.detect.indexed import LONG, Indexed
from trainer.generation.lexicon import entries, kind_words, words
from trainer.generation.memo import current
from trainer.generation.split.words import guifan_words, is_content, rarity, tag, tokens, unknown
from trainer.generation.split.words import verb_like as _tagged_verb
from trainer.generation.text import CJK, cjk_count, quoted, strip_punct

STOP_WORDS = frozenset(
    """我们 你们 他们 她们 它们 这些 那些 这个 那个 这样 那样 这种 那种 一些 一个 一种 一定 一次
    可以 可能 已经 没有 因为 所以 但是 如果 就是 还是 而是 不是 只是 什么 如何 怎样 怎么 为何
    进行 通过 作为 对于 关于 以及 其中 同时 不仅 而且 并且 应当 应该 需要 必须 能够 不能 不会
    方面 问题 工作 情况 时候 之间 自己 大家 有些 很多 更多 更加 非常 十分 特别 真正 实现 开展
    一方面 另一方面 首先 其次 最后 此外 另外 因此 然而 虽然 即便 只有 才能 既是 也是 不断 当前
    今年 目前 如今 一直 之后 以后 以前 之前 其实 也许 或者 还要 还有 以及 就要 要求 存在 具有
    成为 出现 发展 推动 加强 提高 提升 带来 看似 说到底 不少 部分 一场 一方 各地 各级 许多""".split()  # noqa: SIM905
)
GENERIC = words("generic")
PLAIN = words("plain_nouns")
"""Actors and everyday nouns (干部, 消费者): never a blank alone, fine inside a compound."""
"""Generic words a blank never is (``地方``, ``群众``; ``机制`` alone, though ``投融资机制``
is a term)."""
STOP_WORDS = STOP_WORDS | GENERIC
_MIN_COUNT = 2
_COMPOUND_LEN = (3, 10)
_COMPOUND_TOKENS = 4
_LONG_TOKENS = 6
_LONG_NAME = 14
"""A name closing on a head noun may run to this many characters, over this many words."""
_EDGE = set("的了是在和与及或等也都就要对把被让将从以为而并且之其这那个们着过")
HEADS = words("term_heads")
"""Head nouns that close a policy compound (``职责清单``, ``老旧小区改造``, ``城镇化率``;
``data/term_heads.txt``)."""
_HEAD_ENDS = tuple(sorted(HEADS))
"""The head nouns as one tuple for ``str.endswith`` (made once, not per word)."""
VERBS = frozenset(
    """推进 加快 加强 完善 提升 提高 推动 促进 帮助 跨越 实现 建立 健全 坚持 强化 深化 优化 发挥
    引导 支持 开展 落实 压实 畅通 推行 打造 构建 形成 保障 维护 守护 治理 依法 营造 做好 抓好
    坚决 积极 不断 持续 充分 进一步 切实 大力 努力 全面 深入 有效 及时 主动 统筹 整合 培育 激发
    激活 凝聚 增强 丰富 满足 解决 破解 面对 面临 杜绝 防止 避免 消除 遏制 整治 打击 利用 运用 依托 借助 围绕 聚焦 让 使 把 对 在 给
    为 向 从 与 和 以 被 将 用 靠 要 能 会 是 有 没有 已经 正在 仍然 依然 还 也 都 更 最 很""".split()  # noqa: SIM905
)
"""Words a term does not start with: verbs and adverbs of policy prose (``帮助老年人``
and ``跨越数字鸿沟`` are phrases, not terms)."""


@dataclass(frozen=True, slots=True)
class Term:
    word: str
    score: float
    count: int


def complement(toks: list[tuple[str, int]], k: int) -> bool:
    """Token ``k`` is a one-character complement of the verb before it (处理|好,
    做|到; ``data/series_edges.txt``): with its verb it leads into a series, and no
    member or list item starts on it or on that verb."""
    if k < 1 or k >= len(toks) or toks[k][0] not in _complements():
        return False
    verb = toks[k - 1][0]
    return verb in VERBS or verb_like(verb)


_ADVERBS = frozenset({"ad", "d"})


@cache
def _complements() -> frozenset[str]:
    return frozenset(kind_words("series_edges", "complements"))


@lru_cache(maxsize=16384)
def verb_like(word: str) -> bool:
    """A verb or function word by the dictionary's tag, or an adverb + verb word
    (全面推行, 深入开展, 大力发展)."""
    if _tagged_verb(word):
        return True
    if (
        len(word) == 4
        and tag(word[:2]) in _ADVERBS
        and _tagged_verb(word[2:])
        and word not in guifan_words()  # 终身 + 学习 is a 规范表述
    ):
        return True  # 明确 + 提出: an adverb and a verb the dictionary holds as one word
    return len(word) >= 4 and word[:2] in VERBS and _tagged_verb(word[2:])


_SUFFIXES = set("型式性化类率级")
"""One-character suffixes (任务 + 型, 数字 + 化): they close the word before them and
never open a term (型创新联合体 is 任务型创新联合体 cut)."""


_LEADS = frozenset(
    next(
        (row[1].split() for row in entries("blank_edges") if row[0] == "lead" and len(row) == 2), ()
    )
)
"""Prepositions (到, 来, 对): a term never opens with one (应用{到碳汇市场})."""


@lru_cache(maxsize=16384)
def _starts(word: str) -> bool:
    """A token a compound may open with: no verb, stop word, particle or preposition.
    A word whose first character would be a particle alone (要素, 对外) is a word of
    its own."""
    if word in VERBS or word in STOP_WORDS or (len(word) == 1 and word in _EDGE | _SUFFIXES):
        return False
    if word in _LEADS:
        return False
    return len(word) == 1 or not verb_like(word)


@lru_cache(maxsize=16384)
def _ends(word: str) -> bool:
    if word in HEADS or word[-2:] in HEADS:
        return True
    return len(word) >= 2 and not (word[-1] in _EDGE or word in VERBS or verb_like(word))


def _compounds(token_lists: list[list[str]], text: str, headings: str) -> Counter[str]:
    """Runs of two to four adjacent tokens (3 to 10 characters, Chinese) that recur
    (直播 + 带货), stand in the title or a heading, or end in a head noun (职责 + 清单,
    老 + 旧 + 小区 + 改造); counted over the whole text."""
    runs: set[str] = set()
    weak: set[str] = set()
    """Runs that end in a verb or a single character: terms only when they recur."""
    # What each word is, worked out once per word rather than at each of its places.
    opens: dict[str, tuple[bool, bool]] = {}
    links: dict[str, tuple[bool, bool, bool, bool, bool]] = {}
    for toks in token_lists:
        for i, first in enumerate(toks):
            got = opens.get(first)
            if got is None:
                got = opens[first] = (
                    not ((not is_content(first) and len(first) > 1) or not _starts(first)),
                    _CJK_RUN.fullmatch(first) is not None,
                )
            if not got[0]:
                continue
            word = first
            content = got[1]
            """Every character so far Chinese (``is_content`` of the run)."""
            for k, nxt in enumerate(toks[i + 1 : i + 1 + _LONG_TOKENS], 2):
                link = links.get(nxt)
                if link is None:
                    link = links[nxt] = _compound_link(nxt)
                stop, verb, ends, edge, chinese = link
                if stop:
                    break
                word += nxt
                content = content and chinese
                if len(word) > _COMPOUND_LEN[1] or k > _COMPOUND_TOKENS:
                    # A long name closes on a head noun (重大疫情应急响应机制,
                    # 紧密型县域医疗卫生共同体): a term named once, what a student writes.
                    if len(word) > _LONG_NAME or not content:
                        break
                    if len(nxt) >= 2 and nxt in HEADS and _object_name(toks, i, i + k):
                        runs.add(word)
                    continue
                if len(word) >= _COMPOUND_LEN[0] and content:
                    if ends and not verb:
                        runs.add(word)
                    elif not edge:
                        weak.add(word)
                if verb:
                    break
    runs |= _head_runs(token_lists)
    runs |= _topic_runs(token_lists, text, headings)
    out: Counter[str] = Counter()
    for word in weak - runs:
        n = text.count(word)
        if n == 0:
            continue
        if n >= _MIN_COUNT:
            out[word] = n
    for word in runs:
        n = text.count(word)
        if n == 0:
            continue
        if len(word) > _COMPOUND_LEN[1] and _named_shorter(word, text, n):
            continue
        head = word.endswith(_HEAD_ENDS) and len(word) >= 4
        if n >= _MIN_COUNT or (len(word) >= 4 and word in headings) or head:
            out[word] = n
    return out


def _named_shorter(word: str, text: str, n: int) -> bool:
    """The long name without its head noun is named twice as often as the name
    (新就业形态劳动者权益 four times, with 保障 twice): the shorter one is the term."""
    for head in sorted((h for h in HEADS if len(h) >= 2 and word.endswith(h)), key=len):
        if text.count(word[: -len(head)]) >= 2 * n:
            return True
    return False


def _object_name(toks: list[str], i: int, j: int) -> bool:
    """Words ``toks[i:j]`` are a long name (more than ten characters or four words,
    closing on a head noun) in the form of a 规范表述: a whole phrase, opening its
    clause or right after a verb (two characters: 将, 把 are prepositions), and
    closing it or followed by a particle (健全 + 重大疫情应急响应机制 + ,; 出台 +
    城企联动普惠养老专项行动 + 等). A run that only ends on a head noun inside a
    longer phrase (将……纳入政绩考核体系, 增加社区居家养老服务供给) is no name."""
    before = toks[i - 1] if i >= 1 else ""
    verb = len(before) >= 2 and (before in VERBS or verb_like(before))
    if before and CJK.match(before[0]) and not verb:
        return False  # no verb, or a preposition (将……纳入, 把……)
    after = toks[j] if j < len(toks) else ""
    return not after or not CJK.match(after[0]) or after in _EDGE


def _compound_link(nxt: str) -> tuple[bool, bool, bool, bool, bool]:
    """What :func:`_compounds` asks of a word after a run's first: whether it stops
    the run, is a verb (a one-character token, 学科 + 类, glues a compound unless it is
    a policy verb), closes a term, ends in a particle, is all Chinese characters."""
    stop = (
        not CJK.match(nxt[0])
        or (len(nxt) == 1 and nxt in _EDGE)
        or _counter(nxt)
        or (nxt in STOP_WORDS and nxt not in GENERIC)
    )
    verb = nxt not in HEADS and (nxt in VERBS or (len(nxt) > 1 and verb_like(nxt)))
    return stop, verb, _ends(nxt), nxt[-1] in _EDGE, _CJK_RUN.fullmatch(nxt) is not None


_CJK_RUN = re.compile(CJK.pattern + "+")
"""A run of Chinese characters (what ``is_content`` asks past its length)."""


_TOPIC_MIN = 4
"""A run that recurs this often names the topic, whatever its first word is."""


def _topic_runs(token_lists: list[list[str]], text: str, headings: str) -> set[str]:
    """Runs of two or three tokens that open with a word the plain compounds refuse
    as a start (a verb by the dictionary's tag: 预制 + 菜) but that the article keeps
    repeating, or repeats and names in its title or a heading: its topic (预制菜).
    Policy verbs (推进, 加强) and function words still never start one."""
    out: set[str] = set()
    opens: dict[str, bool] = {}
    stops: dict[str, bool] = {}
    for toks in token_lists:
        for i, first in enumerate(toks):
            ok = opens.get(first)
            if ok is None:
                ok = opens[first] = not (
                    len(first) < 2
                    or not CJK.match(first[0])
                    or first in VERBS
                    # the plain compounds start here already
                    or first in STOP_WORDS
                    or first[0] in _EDGE
                    or _starts(first)
                )
            if not ok:
                continue
            word = first
            for nxt in toks[i + 1 : i + 3]:
                stop = stops.get(nxt)
                if stop is None:
                    stop = stops[nxt] = (
                        not CJK.match(nxt[0])
                        or nxt in VERBS
                        or nxt in STOP_WORDS
                        or nxt[-1] in _EDGE
                        or (len(nxt) > 1 and verb_like(nxt))
                    )
                if stop:
                    break
                word += nxt
                if not 3 <= len(word) <= _COMPOUND_LEN[1] or word in out:
                    continue
                n = text.count(word)
                if n >= _TOPIC_MIN or (n >= _MIN_COUNT and word in headings):
                    out.add(word)
    return out


_NUMERAL = set("一二三四五六七八九十两几每某该")
_PREPOSITIONS = frozenset("到向于按经随据")


def _holds_standard(word: str, guifan: frozenset[str]) -> bool:
    """``word`` holds a 规范表述 of three or more characters (and is not one)."""
    n = len(word)
    return any(word[i:j] in guifan for i in range(n) for j in range(i + 3, min(n, i + 12) + 1))


def _counter(token: str) -> bool:
    """A count or a preposition inside a run (一项, 一次, 到): the run is a phrase,
    not a name (协商 + 到 + 一项 + 制度)."""
    return token in _PREPOSITIONS or (len(token) <= 2 and token[0] in _NUMERAL)


def _head_runs(token_lists: list[list[str]]) -> set[str]:
    """Runs of two to four tokens that end in a head noun and may hold verbs inside
    (碳 + 排放 + 权 + 交易市场, 容错 + 纠错 + 机制, 群众 + 满意度), never opening with
    one. Only runs the plain compounds cannot make (a verb inside, a generic first
    word) count."""
    out: set[str] = set()
    opens: dict[str, tuple[bool, bool]] = {}
    links: dict[str, tuple[bool, bool, bool]] = {}
    for toks in token_lists:
        for i, first in enumerate(toks):
            got = opens.get(first)
            if got is None:
                ok = not (
                    not CJK.match(first[0])
                    or first in VERBS
                    or first in HEADS
                    or first[0] in _EDGE
                    or (first in STOP_WORDS and first not in GENERIC)
                    or verb_like(first)
                )
                # the plain compounds never start here
                got = opens[first] = (ok, ok and not _starts(first))
            if not got[0]:
                continue
            word = first
            broken = got[1]
            for k, nxt in enumerate(toks[i + 1 : i + 1 + _LONG_TOKENS], 2):
                link = links.get(nxt)
                if link is None:
                    head = nxt in HEADS
                    link = links[nxt] = (
                        not CJK.match(nxt[0])
                        or nxt in VERBS
                        or (nxt in STOP_WORDS and nxt not in GENERIC)
                        or (len(nxt) == 1 and nxt in _EDGE)
                        or _counter(nxt),
                        head,
                        not head and verb_like(nxt),
                    )
                stop, head, verb = link
                if stop:
                    break
                word += nxt
                if len(word) > _LONG_NAME:
                    break
                long = len(word) > _COMPOUND_LEN[1] or k > _COMPOUND_TOKENS
                named = not long or (len(nxt) >= 2 and _object_name(toks, i, i + k))
                if head and len(word) >= 4 and broken and named:
                    out.add(word)  # 国家 + 公共卫生 + 应急管理 + 体系 after 完善
                broken = broken or verb
    return out


def _substrings(counts: Counter[str]) -> dict[str, list[int]]:
    """Every proper substring of each key -> the counts of the keys holding it: lets
    ``w in v`` over all pairs be one lookup (linear in the number of terms)."""
    out: dict[str, list[int]] = {}
    for v, m in counts.items():
        n = len(v)
        subs = {v[i:j] for i in range(n) for j in range(i + 1, n + 1 if i else n)}
        for sub in subs:
            out.setdefault(sub, []).append(m)
    return out


def _maximal(counts: Counter[str], text: str) -> Counter[str]:
    """Drop a compound that only ever occurs inside a longer one, or that straddles a
    compound at least as frequent (``共体建设`` cut out of ``医共体建设``).

    Linear in the text: containment goes through a substring index, and the
    compounds a term may straddle are read off the text around its first occurrence
    (at most ``_COMPOUND_LEN`` characters either side), each straddle counted once."""
    holders = _substrings(counts)
    seen: dict[str, int] = {}

    def count(s: str) -> int:
        got = seen.get(s)
        if got is None:
            got = seen[s] = text.count(s)
        return got

    def straddled(w: str, n: int) -> bool:
        """Every occurrence of ``w`` runs into a compound ``v`` as frequent (共体建设
        only ever in 医共体建设; 学科类培训 five times, 学科类培训机构 three: a term)."""
        p = text.find(w)
        if p < 0:
            return False
        reach = _COMPOUND_LEN[1]
        size = len(w)
        for k in range(1, size):
            # v ends with w[:k]: v = text[a : p + k]
            for a in range(max(0, p - reach), p):
                v = text[a : p + k]
                if v != w and counts.get(v, -1) >= n and v not in w and count(v + w[k:]) >= n:
                    return True
            # v starts with w[-k:]: v = text[p + size - k : b]
            start = p + size - k
            for b in range(p + size + 1, min(len(text), p + size + reach) + 1):
                v = text[start:b]
                if v != w and counts.get(v, -1) >= n and v not in w and count(w + v[k:]) >= n:
                    return True
        return False

    return Counter(
        {
            w: n
            for w, n in counts.items()
            if not any(m >= n for m in holders.get(w, ())) and not straddled(w, n)
        }
    )


_STRAIGHT = re.compile(r'"([^"\n]{2,10})"')
"""A phrase in straight quotes ("十九连丰"), as plain-text articles quote."""


def _quoted_terms(text: str) -> Counter[str]:
    """Short quoted names (“光盘行动”, “权随责走、费随事转”, “15分钟社区生活圈”,
    "十九连丰"): three to ten characters, no clause punctuation, not a verb phrase."""
    out: Counter[str] = Counter()
    straight = [(m.group(1), m.start(1)) for m in _STRAIGHT.finditer(text)]
    for phrase, at in [*quoted(text), *straight]:
        named = _named_by_quote(text, phrase, at)
        if named:
            out[named] = text.count(named)
        core = phrase.replace("、", "")
        # “AI换脸”, “互联网+”, "从0到1": Latin letters or digits stand for characters
        latin = any(ch.isascii() and ch.isalnum() for ch in core)
        if not 3 <= len(phrase) <= 10 or cjk_count(core) < (2 if latin else 3):
            continue
        if not all(_name_char(ch) for ch in core) or core[0] in "不没":
            continue
        if _verb_first(phrase) and not phrase.endswith(_HEAD_ENDS):
            continue
        if _clause_like(phrase):
            continue
        phrase = _drop_lead_verbs(phrase)
        out[phrase] = text.count(phrase)
    return out


_COUNTS = frozenset({"m", "q", "mq"})
"""Dictionary tags of numerals and measure words: a quoted name may open with a count
(“十九连丰”, “四风”)."""


def _verb_first(phrase: str) -> bool:
    """The quoted phrase opens with a verb or function word (“放得活”, “多跑腿”): by
    its first word, not its first two characters (“撒手锏” is a noun that opens with
    撒手), and a count is no verb (“十九连丰”)."""
    toks = [w for w, _ in tokens(phrase)]
    first = toks[0] if toks else phrase
    if first == phrase:
        return False  # one word: judged whole where the terms are (verb_like)
    word = phrase[:2] if len(first) == 1 else first
    return verb_like(word) and tag(word) not in _COUNTS


def _named_by_quote(text: str, phrase: str, at: int) -> str:
    """A quoted name too short to be a term alone and the head noun right after its
    closing mark (「两重」建设): the quoted part says which
    one, the head what it is, and a blank takes both, marks included. Empty when no
    head noun follows. A longer quoted name is a term of its own (“千集万店”)."""
    if len(phrase) != 2 or at < 1:
        return ""
    if not all(CJK.match(ch) for ch in phrase):
        return ""
    end = at + len(phrase) + 1
    if text[end : end + 1].isalnum() and not any(text.startswith(h, end) for h in _LONG_HEADS):
        return ""  # no head noun opens what follows: no cut needed to say so
    after = [w for w, _ in tokens(text[end : end + 6])]
    if not after or after[0] not in HEADS or len(after[0]) < 2:
        return ""
    return text[at - 1 : end + len(after[0])]


_LONG_HEADS = tuple(h for h in HEADS if len(h) >= 2)


def _name_char(ch: str) -> bool:
    return bool(CJK.match(ch)) or ch.isdigit() or (ch.isascii() and ch.isalpha()) or ch == "+"


_SLOGAN = re.compile(
    r"(?<![一二三四五六七八九十两])[一二三四五六七八九十两][\u4e00-\u9fff]"
    r"[一二三四五六七八九十两][\u4e00-\u9fff](?![一二三四五六七八九十两])"
)
_NUMERALS = frozenset("一二三四五六七八九十两")


def _slogans(text: str) -> Counter[str]:
    """Numbered slogans (三严三实, 两学一做, 一县一策): two numerals each before one
    character, a unit the dictionary does not know. Idioms of the same shape
    (三心二意, 一点一滴) are dictionary words and stay out."""
    out: Counter[str] = Counter()
    for m in _SLOGAN.finditer(text):
        word = m.group(0)
        if word[1] in _NUMERALS or word[3] in _NUMERALS or not unknown(word):
            continue
        out[word] = text.count(word)
    return out


_DOCUMENT = re.compile(r"《([^《》]{4,24}?)(?:[(（][^()（）]{0,16}[)）])?》")
"""A document's name in 《》, without a parenthesised year (《……行动计划(2022—2025年)》)."""


def _document_names(text: str) -> Counter[str]:
    """Policy documents by name (《数字乡村发展战略纲要》): the 规范 a student cites."""
    out: Counter[str] = Counter()
    for m in _DOCUMENT.finditer(text):
        name = m.group(1)
        if cjk_count(name) >= 4 and all(_name_char(ch) for ch in name):
            out[name] = text.count(name)
    return out


def _drop_lead_verbs(phrase: str) -> str:
    """A quoted name without the verbs it opens with (全面 + 推进 + 美丽中国建设 ->
    美丽中国建设), if three or more characters are left."""
    if "、" in phrase:
        return phrase
    toks = [w for w, _ in tokens(phrase)]
    k = 0
    while k < len(toks) - 1 and (toks[k] in VERBS or verb_like(toks[k])):
        k += 1
    rest = "".join(toks[k:])
    return rest if k and len(rest) >= 3 and CJK.match(rest[0]) else phrase


_ORDINAL = re.compile(r"^[一二三四五六七八九十两][是则]")
"""A numeral and 是 (一是, 二是一): how a series counts its points, never a term's start."""

_CLAUSE_CHARS = set("了也着过吗呢吧就都才没却又再")


def _clause_like(word: str) -> bool:
    """A clause, not a name: an aspect or adverb particle inside it (来了也待不长), or a
    potential complement X得Y (留得住, 干得好)."""
    inner = word[1:-1] if len(word) > 2 else ""
    return any(ch in _CLAUSE_CHARS for ch in word[1:]) or (len(word) <= 4 and "得" in inner)


def _whole(word: str, text: str, singles: set[str], words: set[str]) -> str:
    """``word`` grown to the compound it is always part of: where its edge character is
    a one-character token, a one-character token that always stands next to it joins
    it (守 + 正创新, 乡土能 + 人) where ``word`` occurs twice or more; ``word`` if
    none. A character that ends a word of
    the article (the 全 of 健全 before 全国……) is that word's, never this one's."""
    n = text.count(word)
    if n < _MIN_COUNT:
        # Met once, a neighbour is no evidence (更多 + 智慧城市建设, 一写 + 柔性执法).
        return word
    for _ in range(2):
        at = text.find(word)
        before = text[at - 1] if at > 0 else ""
        after = text[at + len(word)] if at + len(word) < len(text) else ""
        if at >= 2 and text[at - 2 : at] in words:
            before = ""
        if (
            {before, word[0]} <= singles
            and before not in _EDGE
            and before not in VERBS  # 靠 + 新型举国体制: the verb before a name is no part of it
            and text.count(before + word) == n
        ):
            word = before + word
        elif {after, word[-1]} <= singles and after not in _EDGE and text.count(word + after) == n:
            word = word + after
        else:
            break
    if word[-1] in singles and _always_cut(word, text, singles):
        return ""
    return word


def _always_cut(word: str, text: str, singles: set[str]) -> bool:
    """Every occurrence of ``word`` runs on into a one-character token (老有所 + 养/依/乐):
    a fragment of several phrases, not a term."""
    at = text.find(word)
    while at >= 0:
        nxt = text[at + len(word) : at + len(word) + 1]
        if nxt not in singles or nxt in _EDGE:
            return False
        at = text.find(word, at + 1)
    return True


def _centrality(word: str, single: Counter[str]) -> float:
    """A compound whose words recur on their own in the article is about its topic
    (新型 + 能源 + 体系 in an article on energy): up to 1.6 times the weight."""
    if len(word) < 4:
        return 1.0
    n = len(word)
    if not any(
        single.get(word[i:j], 0) > 1 for i in range(n) for j in range(i + 2, n + 1) if j - i < n
    ):
        return 1.0  # no part of it recurs alone: no cut needed to say so
    parts = [w for w, _ in tokens(word) if w not in STOP_WORDS and w != word]
    best = max((single.get(w, 0) for w in parts), default=0)
    return 1.0 + min(0.15 * math.log(best), 0.6) if best > 1 else 1.0


_COINED = 1.3
_TOPIC_SPREAD_TITLE = 0.25
_TOPIC_COUNT = 3
_UNTITLED_COUNT = 6
_UNTITLED_SPREAD = 0.6


_SIGNS = "+＋"
"""Signs a coined name carries (互联网+): the word it joins is the word counted."""


def topic_words(token_lists: list[list[str]], paragraphs: list[str], title: str) -> set[str]:
    """The article's topic: content words of its title that recur (three times or more,
    or in a quarter of its paragraphs): 直播, 带货 in an article on 直播带货. An
    article without a title: the words that recur in most of its paragraphs."""
    if not paragraphs:
        return set()
    if _names_nothing(title):
        title = ""  # 材料3, 给定材料, 方法精讲: the title names a kind of text, no topic
    counts: Counter[str] = Counter(
        w
        for toks in token_lists
        for w in (t.rstrip(_SIGNS) for t in toks)  # 互联网+ counts for 互联网
        if len(w) >= 2 and (not title or w in title) and is_content(w)
    )
    out = set()
    for w, n in counts.items():
        if _quoted_in(w, title):
            continue  # a coined term the title quotes (用好基层治理的“小切口”) is its claim
        spread = sum(1 for p in paragraphs if w in p) / len(paragraphs)
        if not title:
            # No title to name it: the words nearly every paragraph comes back to.
            if n >= _UNTITLED_COUNT and spread >= _UNTITLED_SPREAD:
                out.add(w)
        elif n >= _TOPIC_COUNT or spread >= _TOPIC_SPREAD_TITLE:
            out.add(w)
        if not title and n >= _UNTITLED_MANY and spread >= _UNTITLED_MANY_SPREAD:
            out.add(w)  # a material's cases all come back to it (戏曲 in 21 places)
    if title:
        out |= _title_phrases(token_lists, paragraphs, title)
    else:
        out |= _untitled_phrases(token_lists, paragraphs)
    return out


_UNTITLED_PHRASE_COUNT = 4
_UNTITLED_PHRASE_SPREAD = 0.5


def _untitled_phrases(token_lists: list[list[str]], paragraphs: list[str]) -> set[str]:
    """Runs of one to four words that an untitled text (a 给定资料) names four times or
    more, in half its paragraphs or more (“智慧菜场” in a material on 智慧菜场, 高标准农田):
    the subject its paragraphs come back to, which no title names for it. Runs open
    and close on no function word, verb or particle."""
    runs: Counter[str] = Counter()
    for toks in token_lists:
        for i, first in enumerate(toks):
            if not _phrase_edge(first):
                continue
            if len(first) >= 3:
                runs[first] += 1  # a quoted name is one word (智慧菜场)
            word = first
            for nxt in toks[i + 1 : i + 4]:
                if not _CJK_RUN.fullmatch(nxt) or nxt in STOP_WORDS or nxt in VERBS:
                    break
                word += nxt
                if len(word) > _COMPOUND_LEN[1]:
                    break
                if len(word) >= 3 and _phrase_edge(nxt):
                    runs[word] += 1
    out: set[str] = set()
    for word, n in runs.items():
        if n < _UNTITLED_PHRASE_COUNT:
            continue
        spread = sum(1 for p in paragraphs if word in p) / len(paragraphs)
        if spread >= _UNTITLED_PHRASE_SPREAD:
            out.add(word)
    return out


def _phrase_edge(word: str) -> bool:
    """A word a topic phrase may open or close with: Chinese, no stop word, policy verb
    or particle."""
    return (
        _CJK_RUN.fullmatch(word) is not None
        and word not in STOP_WORDS
        and word not in VERBS
        and not (len(word) == 1 and word in _EDGE)
    )


_UNTITLED_MANY = 12
_UNTITLED_MANY_SPREAD = 0.3
_TITLE_PHRASE_SPREAD = 0.5
_DOCUMENT_TITLE = re.compile(r"^(?:给定)?(?:材料|资料)[\d一二三四五六七八九十()（）\s]*$")


def _quoted_in(word: str, title: str) -> bool:
    return f"“{word}”" in title or f'"{word}"' in title


def untitled(title: str) -> bool:
    """The text has no title of its own (an exam paper's 给定资料: 材料三, 给定材料, or
    none at all): it reports, it does not argue."""
    return not title.strip() or _names_nothing(title)


def _names_nothing(title: str) -> bool:
    """A title that only names a kind of text (材料五, 给定资料3, 方法精讲)."""
    bare = title.strip()
    if _DOCUMENT_TITLE.match(bare):
        return True
    return len(bare) <= 4 and bare.endswith(tuple(kind_words("topic_titles", "kind")))


def _title_phrases(token_lists: list[list[str]], paragraphs: list[str], title: str) -> set[str]:
    """Runs of title words that half the paragraphs name (新大众文艺 in an article
    titled 新大众文艺“出新”更要“出彩”): the topic as one phrase, guessed from the title."""
    toks = [w for w, _ in tokens(title)]
    out: set[str] = set()
    for i in range(len(toks)):
        for j in range(i + 2, min(len(toks), i + 4) + 1):
            phrase = "".join(toks[i:j])
            if len(phrase) < 3 or not all(CJK.match(ch) for ch in phrase):
                continue
            if _quoted_in(phrase, title):
                continue
            spread = sum(1 for p in paragraphs if phrase in p) / len(paragraphs)
            if spread >= _TITLE_PHRASE_SPREAD:
                out.add(phrase)
    return out


_PLACE_UNITS = frozenset("省市县区乡镇村")


def place_name(word: str) -> bool:
    """A place or the body of one (碧澜乡, 芳草镇调节服务, 云瀑乡党委): an
    administrative unit standing alone as a token inside the word, which the
    dictionary knows only as part of a name. 规范表述 are never place names."""
    if word in guifan_words() or _PLACE_UNITS.isdisjoint(word):
        return False  # a word with no unit in it needs no cut to say no
    toks = [w for w, _ in tokens(word)]
    if len(toks) > 1 and any(t in _PLACE_UNITS for t in toks):
        return True
    # A name the dictionary does not know, ending in a unit (景叶县, 碧澜乡).
    return any(len(t) >= 3 and t[-1] in _PLACE_UNITS and unknown(t) for t in toks)


def is_topic(word: str, topic: set[str]) -> bool:
    """``word`` is only the topic and generic words (直播带货, 领导干部直播, 直播间):
    a blank on it is guessed from the title. A topic word with a place suffix
    (直播 + 间, ``data/place_suffixes.txt``) is the topic too, and so is a topic word
    joined by a sign (互联网+, 互联网+社会治理 in an article on 互联网+社会治理)."""
    if not topic:
        return False
    if word in topic or (len(word) >= 3 and any(word in t for t in topic)):
        return True  # the topic, or a part of a topic phrase (预制菜 of 预制菜进校园)
    if word[:1].isalnum() and not any(
        word[:k] in topic or word[:k] in GENERIC or word[:k] in PLAIN
        for k in range(1, len(word) + 1)
    ):
        # Its first word (it opens the word: no quotation mark before it), or that
        # word's first half, would have to be one of these: no cut needed to say no.
        return False
    parts = [w for w, _ in tokens(word)] or [word]
    placed = _topic_places(topic)

    def plain(w: str) -> bool:
        core = w.strip(_SIGNS)
        if core != w:  # 互联网+: a topic word with its sign (not 互联网, a plain noun, +)
            return not core or core in topic
        return w in topic or w in GENERIC or w in PLAIN or w in placed

    def halves(w: str) -> bool:
        """A word the segmenter keeps whole (数字技术, a 规范表述) whose halves are a
        topic word and a topic or generic word (数字 + 技术 in an article on 数字)."""
        return any(
            plain(w[:k]) and plain(w[k:]) and (w[:k] in topic or w[k:] in topic)
            for k in range(2, len(w) - 1)
        )

    # 食品安全 + 你送我检 (the segmenter cuts the quoted half into characters): two
    # halves of the topic are the topic, however the words fall.
    return halves(word) or all(plain(w) or halves(w) for w in parts)


def _topic_places(topic: set[str]) -> frozenset[str]:
    """Each topic word with each place suffix (直播 + 间): built once per topic within
    :func:`~trainer.generation.memo.one_article` (:func:`is_topic` asks for many
    words)."""
    memo = current()
    key = ("topic_places", frozenset(topic))
    got: frozenset[str] | None = memo.get(key) if memo is not None else None
    if got is None:
        places = words("place_suffixes")
        got = frozenset(t + ch for t in topic for ch in places)
        if memo is not None:
            memo[key] = got
    return got


def rank_terms(
    token_lists: list[list[str]], text: str, headings: str = "", topic: set[str] | None = None
) -> list[Term]:
    """Terms of the article, best first; ``token_lists`` are its sentences' tokens,
    ``headings`` its title and section headings (terms there weigh more). The
    ``topic`` (:func:`topic_words`) and generic words are never terms.

    Salience is frequency in the whole text, spread over its paragraphs and a
    title/heading bonus; specificity is the rarity in jieba's dictionary."""
    text = Indexed(text)
    guifan = guifan_words()
    single: Counter[str] = Counter()
    content: dict[str, bool] = {}
    """Each distinct token: a content word? (asked once, not at each of its places)"""
    for toks in token_lists:
        for w in toks:
            got = content.get(w)
            if got is None:
                got = content[w] = is_content(w)
            if got:
                single[w] += 1
    singles = {t for t in content if len(t) == 1 and CJK.match(t)}
    pairs = {t for t in content if len(t) == 2 and CJK.match(t)}
    grown: Counter[str] = Counter()
    for w, n in _compounds(token_lists, text, headings).items():
        whole = _whole(w, text, singles, pairs)
        if not whole:
            continue
        grown[whole] = max(grown[whole], n if whole == w else text.count(whole))
    counts = _maximal(grown, text)
    quotes = _quoted_terms(text) + _document_names(text) + _slogans(text)
    holders = _substrings(counts)
    for w, n in quotes.items():
        if w not in holders:
            counts[w] = max(counts.get(w, 0), n)
    for w, n in list(single.items()):
        bare = _drop_lead_verbs(w) if len(w) >= 5 else w
        if bare != w:  # a quoted phrase kept whole by the tokenizer
            del single[w]
            single[bare] += n
    holders = _substrings(counts)
    for w, n in single.items():
        if w in counts:
            continue
        covered = sum(holders.get(w, ()))
        rest = n - covered
        if rest > 0:
            counts[w] = rest
    paragraphs = [p for p in text.split("\n") if p.strip()]
    topic = topic or set()
    terms: list[Term] = []
    for w, n in counts.items():
        if w in STOP_WORDS or w in VERBS or verb_like(w) or len(strip_punct(w)) < 2:
            continue
        if w in PLAIN or is_topic(w, topic) or (place_name(w) and f"“{w}”" not in text):
            continue
        if _clause_like(w) and w not in guifan:
            continue
        if _ORDINAL.match(w):
            continue  # 一是一 out of 有一是一、有二是二: an ordinal's 是, no term
        compound = w not in single or len(w) >= 4
        if n < _MIN_COUNT and w not in guifan and not (compound or w in quotes):
            continue
        spread = text.spread(w) if len(text) >= LONG else sum(1 for p in paragraphs if w in p)
        score = (1.0 + math.log(max(n, 1))) * rarity(w) * (1.0 + 0.15 * min(len(w), 6))
        score *= 1.0 + 0.1 * min(spread - 1, 5)
        score *= _centrality(w, single)
        if w in guifan:
            score *= 2.0
        elif _holds_standard(w, guifan):
            score *= 1.5  # 健康中国建设 is built on 健康中国
        if len(w) >= 3 and w in headings:
            score *= 1.5
        if len(w) >= 4 or w in quotes:
            score *= 1.3
        if w in quotes and n < _MIN_COUNT:
            score *= (
                _COINED  # a coined term in quotes (“魅力秀场”, “新基建”): named once, still a term
            )
        if n < _MIN_COUNT and w not in guifan and not w.endswith(_HEAD_ENDS):
            score *= 1.0 if w in quotes else 0.6
        terms.append(Term(w, score, text.count(w)))
    terms.sort(key=lambda t: (-t.score, t.word))
    return terms
