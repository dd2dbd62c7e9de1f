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
_MIN_COMPOUND = 2


@dataclass(frozen=True, slots=True)
class Term:
    word: str
    score: float
    count: int


def rank_terms(token_lists: list[list[str]], text: str) -> list[Term]:
    """Terms of the article, best first; ``token_lists`` are its sentences' tokens."""
    guifan = guifan_words()
    single: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for toks in token_lists:
        for i, w in enumerate(toks):
            if is_content(w):
                single[w] += 1
                if i + 1 < len(toks) and is_content(toks[i + 1]):
                    compound = w + toks[i + 1]
                    if len(compound) <= 6 and w not in STOP_WORDS and toks[i + 1] not in STOP_WORDS:
                        pairs[compound] += 1
    counts: Counter[str] = Counter()
    for compound, n in pairs.items():
        if n >= _MIN_COMPOUND:
            counts[compound] = n
    for w, n in single.items():
        covered = sum(c for comp, c in counts.items() if w in comp)
        rest = n - covered
        if rest > 0:
            counts[w] = rest
    terms: list[Term] = []
    for w, n in counts.items():
        if w in STOP_WORDS or not is_content(w):
            continue
        if n < 2 and w not in guifan:
            continue
        score = (1.0 + math.log(n)) * rarity(w) * (1.0 + 0.15 * min(len(w), 6))
        if w in guifan:
            score *= 2.0
        terms.append(Term(w, score, text.count(w)))
    terms.sort(key=lambda t: (-t.score, t.word))
    return terms
