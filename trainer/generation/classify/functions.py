"""Stage 3, classify: what each sentence does in the argument.

Functions are 论点, 分论点, 问题, 原因, 危害, 意义, 对策, 论据, 背景, 过渡 (金句 is
assigned where a 金句 rule fires). Cue words come from ``data/functions.txt``; the
rules here weigh them with the sentence's place:

* a section heading's words set the default of its sentences (``存在的问题`` → 问题);
* figures (two or more numbers, a percentage) make a sentence 论据, whatever its cues;
* the first sentence of a paragraph that is short and ends the thought (``提升认知,
  扩大融入面。``) is a 分论点; so is a section's first sentence under a 评论/分论点 heading;
* the article's first paragraph opens with 背景 when it opens with a time cue;
* the last sentence of the article, or one opening with 说到底/总之, is a 论点;
* otherwise the function whose cues score highest (first clause double); ties go to
  the order 对策 > 问题 > 原因 > 危害 > 意义 > 论点 > 过渡 > 背景 > 论据.

Only 论点, 分论点, 问题, 原因, 危害, 意义, 对策 and 金句 sentences are worth a card
(:data:`CARDABLE`); an exam paper's 作答要求 is marked 要求 and never carded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from trainer.generation.lexicon import entries
from trainer.generation.split.structure import Outline
from trainer.generation.text import Span

__all__ = ["CARDABLE", "Function", "classify", "cues"]

FUNCTIONS = ("对策", "问题", "原因", "危害", "意义", "论点", "过渡", "背景", "论据")
CARDABLE = frozenset({"论点", "分论点", "问题", "原因", "危害", "意义", "对策", "金句"})
_CLAUSE_STOP = re.compile(r"[,;:]")
_FIGURE = re.compile(
    r"(?<!\d)\d+(?:\.\d+)?\s*(?:%|％|万|亿|元|人|个|家|倍|吨|公里|亩)"
    r"|(?<![一二三四五六七八九十百千万亿])[一二三四五六七八九十百千万亿]+(?:万|亿)(?:元|人|吨|亩)"
)
_SHORT_CLAIM = 26
_INSTRUCTION = re.compile(
    r"^\s*(?:作答)?要求\s*[:：]|字数\s*(?:在|为)?\s*\d+|不超过\s*\d+\s*字|(?<!\d)\d+\s*字(?:以内|左右)"
)
"""A paragraph telling the candidate how to answer (要求:……字数在1000~1200字之间)."""
_HEADING_CUES = {
    "问题": ("问题", "乱象", "表现", "困境", "短板", "挑战", "现状"),
    "原因": ("原因", "根源", "症结", "成因"),
    "危害": ("危害", "影响", "后果"),
    "意义": ("意义", "作用", "价值", "好处", "益处", "成效"),
    "对策": ("对策", "措施", "建议", "路径", "途径", "举措", "办法", "怎么办", "如何"),
    "背景": ("背景", "概述", "材料"),
}


@dataclass(frozen=True, slots=True)
class Function:
    sentence: Span
    name: str


def cues() -> dict[str, tuple[str, ...]]:
    """The cue words of each function, from ``data/functions.txt`` (``!`` marks a
    cue that decides the function)."""
    return {row[0]: tuple(row[1].split()) for row in entries("functions") if len(row) == 2}


_Table = tuple[tuple[str, tuple[str, ...]], ...]
"""The cue table as a tuple (name, cues) per function: the key of the caches below."""


def _decisive(text: str, deciding: _Table) -> str:
    """The first function (in the table's order) one of whose deciding cues ``text``
    holds ("" when none); ``deciding`` is :func:`_deciding` of the table."""
    for name, words in deciding:
        if any(w in text for w in words):
            return name
    return ""


@cache
def _deciding(
    table: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per function, its cues marked ``!`` (without the mark), worked out once."""
    return tuple((name, tuple(w[1:] for w in words if w.startswith("!"))) for name, words in table)


def _heading_default(heading: str) -> str:
    for name, words in _HEADING_CUES.items():
        if any(w in heading for w in words):
            return name
    return ""


@cache
def _unmarked(
    table: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per function, all its cues without the ``!`` mark, worked out once."""
    return tuple((name, tuple(w.lstrip("!") for w in words)) for name, words in table)


@cache
def _by_first(
    table: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, ...], dict[str, tuple[tuple[int, str], ...]]]:
    """The functions' names in order, and their cues (without ``!``) by first
    character, each with its function's number: a sentence asks only about the cues
    that open on one of its characters."""
    names = tuple(name for name, _ in table)
    index: dict[str, list[tuple[int, str]]] = {}
    for k, (_name, words) in enumerate(_unmarked(table)):
        for w in words:
            index.setdefault(w[:1], []).append((k, w))
    return names, {ch: tuple(cues) for ch, cues in index.items()}


def _score(
    text: str, by_first: tuple[tuple[str, ...], dict[str, tuple[tuple[int, str], ...]]]
) -> dict[str, float]:
    """Each function's cue score (functions in the table's order, none scoring 0);
    ``by_first`` is :func:`_by_first` of the table, looked up once per article, not
    per sentence (the key is the whole table). Every term is a multiple of 0.25, so
    the sums are exact in any order."""
    first = _CLAUSE_STOP.split(text, maxsplit=1)[0]
    names, index = by_first
    scores = [0.0] * len(names)
    for ch in {*text, ""}:
        for k, w in index.get(ch, ()):
            if w in text:
                scores[k] += 1.0 + (1.0 if w in first else 0.0) + 0.25 * (len(w) - 1)
    return {name: score for name, score in zip(names, scores, strict=True) if score}


class SentenceFunctions(dict[int, str]):
    """Every sentence's function keyed by its start offset, with the starts kept in
    order: cards ask for the function of the sentence holding an offset once per
    item and per cloze, and a scan of every start each time made a long text's
    cards cost the square of its sentences."""

    _order: list[int] | None = None

    def starts(self) -> list[int]:
        if self._order is None or len(self._order) != len(self):
            self._order = sorted(self)
        return self._order


def sentence_start(functions: Mapping[int, str], offset: int) -> int | None:
    """The start of the sentence holding ``offset``: the last start at or before it."""
    starts = functions.starts() if isinstance(functions, SentenceFunctions) else sorted(functions)
    i = bisect_right(starts, offset)
    return starts[i - 1] if i else None


def function_at(functions: Mapping[int, str], offset: int) -> str:
    """The function of the sentence holding ``offset`` ("" before the first)."""
    start = sentence_start(functions, offset)
    return functions[start] if start is not None else ""


def classify(doc: Outline) -> SentenceFunctions:
    """Every sentence's function, keyed by its start offset."""
    key = tuple(cues().items())
    by_first = _by_first(key)
    deciding = _deciding(key)
    out = SentenceFunctions()
    sections = [s for s in doc.sections if s.paragraphs]
    last_sentence = (
        sections[-1].paragraphs[-1].sentences[-1]
        if sections and sections[-1].paragraphs[-1].sentences
        else None
    )
    for sec_no, sec in enumerate(sections):
        default = _heading_default(sec.heading)
        for para in sec.paragraphs:
            if _INSTRUCTION.search(para.span.text):
                for s in para.sentences:
                    out[s.start] = "要求"  # an exam paper's 作答要求: not material
                continue
            for k, s in enumerate(para.sentences):
                out[s.start] = _one(
                    s,
                    k,
                    para.index,
                    sec_no,
                    sec.heading,
                    default,
                    by_first,
                    deciding,
                    last_sentence,
                )
    return out


def _one(
    s: Span,
    k: int,
    para_index: int,
    sec_no: int,
    heading: str,
    default: str,
    by_first: tuple[tuple[str, ...], dict[str, tuple[tuple[int, str], ...]]],
    deciding: _Table,
    last: Span | None,
) -> str:
    text = s.text
    if len(_FIGURE.findall(text)) >= 2 or ("%" in text and any(map(str.isdigit, text))):
        return "论据"
    scores = _score(text, by_first)
    decisive = _decisive(text, deciding)
    if decisive:
        return decisive
    if last is not None and s.start == last.start:
        return "论点"
    quiet = not scores.get("背景") and not scores.get("论据")
    short = k == 0 and len(text) <= _SHORT_CLAIM and text.endswith(("。", "!")) and quiet
    named = max((scores.get(n, 0.0) for n in ("原因", "危害", "意义")), default=0.0)
    if short and ("," in text or para_index > 1) and named < 1:
        return "分论点"  # 提升认知,扩大融入面。
    if k == 0 and para_index == 1 and sec_no == 0 and scores.get("背景"):
        return "背景"
    if text.endswith("?") and len(text) <= 40:
        return "过渡"
    if not scores:
        return default or ("论据" if k > 0 else "背景")
    best = max(scores.values())
    top = [n for n in FUNCTIONS if scores.get(n) == best]
    name = top[0]
    if default and scores.get(default, 0) >= best - 1:
        name = default
    return name
