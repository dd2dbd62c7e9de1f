"""Key terms of an article: TF-IDF over jieba tokens and recurring compounds.

Term frequency comes from the article; the IDF stand-in is the word's rarity in
jieba's dictionary. Adjacent content tokens that recur (直播 + 带货 three times or
more) form compound terms, which subsume their parts. Words of the shipped
规范表述 list count even when they occur once. Stop words, single characters and
numbers never qualify.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from trainer.generation.segment import guifan_words, is_content, rarity

STOP_WORDS = frozenset(
    """我们 你们 他们 她们 它们 这些 那些 这个 那个 这样 那样 这种 那种 一些 一个 一种 一定 一次
    可以 可能 已经 没有 因为 所以 但是 如果 就是 还是 而是 不是 只是 什么 如何 怎样 怎么 为何
    进行 通过 作为 对于 关于 以及 其中 同时 不仅 而且 并且 应当 应该 需要 必须 能够 不能 不会
    方面 问题 工作 情况 时候 之间 自己 大家 有些 很多 更多 更加 非常 十分 特别 真正 实现 开展
    一方面 另一方面 首先 其次 最后 此外 另外 因此 然而 虽然 即便 只有 才能 既是 也是 不断 当前
    今年 目前 如今 一直 之后 以后 以前 之前 其实 也许 或者 还要 还有 以及 就要 要求 存在 具有
    成为 出现 发展 推动 加强 提高 提升 带来 看似 说到底 不少 部分 一场 一方 各地 各级 许多""".split()  # noqa: SIM905
)
_MIN_COUNT = 2
_COMPOUND_LEN = (3, 6)
_EDGE = set("的了是在和与及或等也都就要对把被让将从以为而并且之其这那个们着过")
VERBS = frozenset(
    """推进 加快 加强 完善 提升 提高 推动 促进 帮助 跨越 实现 建立 健全 坚持 强化 深化 优化 发挥
    引导 支持 开展 落实 压实 畅通 推行 打造 构建 形成 保障 维护 守护 治理 依法 营造 做好 抓好
    坚决 积极 不断 持续 充分 进一步 切实 大力 努力 全面 深入 有效 及时 主动 统筹 整合 培育 激发
    激活 凝聚 增强 丰富 满足 解决 破解 面对 面临 利用 运用 依托 借助 围绕 聚焦 让 使 把 对 在 给
    为 向 从 与 和 以 被 将 用 靠 要 能 会 是 有 没有 已经 正在 仍然 依然 还 也 都 更 最 很""".split()  # noqa: SIM905
)
"""Words a term does not start with: verbs and adverbs of policy prose (``帮助老年人``
and ``跨越数字鸿沟`` are phrases, not terms)."""


@dataclass(frozen=True, slots=True)
class Term:
    word: str
    score: float
    count: int


def _compounds(token_lists: list[list[str]]) -> Counter[str]:
    """Runs of two or three adjacent tokens (3 to 6 characters, Chinese only) that
    recur: 医 + 共体, 适 + 老化 + 改造, 直播 + 带货."""
    runs: Counter[str] = Counter()
    for toks in token_lists:
        for i, first in enumerate(toks):
            if first in VERBS or first in STOP_WORDS or first[0] in _EDGE:
                continue
            word = first
            for nxt in toks[i + 1 : i + 3]:
                word += nxt
                if not (_COMPOUND_LEN[0] <= len(word) <= _COMPOUND_LEN[1]):
                    if len(word) > _COMPOUND_LEN[1]:
                        break
                    continue
                if not is_content(word) or word[-1] in _EDGE or nxt in STOP_WORDS:
                    break
                runs[word] += 1
    return Counter({w: n for w, n in runs.items() if n >= _MIN_COUNT})


def _maximal(counts: Counter[str], text: str) -> Counter[str]:
    """Drop a compound that only ever occurs inside a longer one, or that straddles a
    compound at least as frequent (``共体建设`` cut out of ``医共体建设``)."""

    def straddles(w: str, v: str) -> bool:
        for k in range(1, min(len(w), len(v))):
            if (w.startswith(v[-k:]) and v + w[k:] in text) or (
                w.endswith(v[:k]) and w + v[k:] in text
            ):
                return True
        return False

    return Counter(
        {
            w: n
            for w, n in counts.items()
            if not any(
                w != v and m >= n and (w in v or (v not in w and straddles(w, v)))
                for v, m in counts.items()
            )
        }
    )


def rank_terms(token_lists: list[list[str]], text: str, headings: str = "") -> list[Term]:
    """Terms of the article, best first; ``token_lists`` are its sentences' tokens,
    ``headings`` its title and section headings (terms there weigh more)."""
    guifan = guifan_words()
    single: Counter[str] = Counter()
    for toks in token_lists:
        for w in toks:
            if is_content(w):
                single[w] += 1
    counts = _maximal(_compounds(token_lists), text)
    for w, n in single.items():
        covered = sum(c for comp, c in counts.items() if w in comp)
        rest = n - covered
        if rest > 0:
            counts[w] = rest
    terms: list[Term] = []
    for w, n in counts.items():
        if w in STOP_WORDS or w in VERBS or not is_content(w):
            continue
        if n < _MIN_COUNT and w not in guifan:
            continue
        score = (1.0 + math.log(n)) * rarity(w) * (1.0 + 0.15 * min(len(w), 6))
        if w in guifan:
            score *= 2.0
        if len(w) >= 3 and w in headings:
            score *= 1.5
        terms.append(Term(w, score, text.count(w)))
    terms.sort(key=lambda t: (-t.score, t.word))
    return terms
