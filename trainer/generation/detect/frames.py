"""Paragraphs that open on one frame: the 分论点 of a 范文 without headings.

``巧用优势推动产业发展,需…… / 顺势而为助力产业发展,要…… / 借势而进促进产业发展,应……``:
three or more paragraphs in a row whose opening clauses share a frame, the same
first two characters or more (``要在……上``, ``坚持……``) or the same last two or
more (``……产业发展``), with a different middle and like lengths. The opening clause
is the item; the paragraph is its context. Short opening sentences that repeat
whole are the openers detector's (:mod:`enumerations`)."""

from __future__ import annotations

import re

from trainer.generation.detect.enumtypes import Enumeration, Item, Style, after, context, lead
from trainer.generation.detect.markers import find_markers
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.text import CJK, Span, clauses

_HEAD_MIN, _HEAD_MAX = 4, 18
_LENGTH_GAP = 3
_SHARED_MIN = 2
_MIDDLE_MIN = 2
_RUN_MIN = 3
_AROUND = 2
"""Paragraphs an essay has around its 分论点 (the opening and the close)."""
_CONTRASTED = ("不是", "并非", "并不是")
_REFERRING = ("这", "它", "其", "此", "那")
_JUDGED = ("是", "要", "必须", "需要", "关键在于", "重在")
"""What the clause after each opening may start with for a run of 分论点 whose opening
clauses share no words (加快新型基础设施建设,是……/推动数字经济与实体经济深度融合,是……)."""
_JUDGED_RATIO = 1.6


def _head(folded: str, para: Paragraph) -> Span | None:
    """The opening clause of a paragraph's first sentence, when it is one of several."""
    if not para.sentences:
        return None
    first = para.sentences[0]
    parts = clauses(folded, first.start, first.end)
    if len(parts) < 2:
        return None
    text = parts[0].text.rstrip(",:;")
    if not _HEAD_MIN <= len(text) <= _HEAD_MAX or not CJK.match(text[0]):
        return None
    if text.startswith(_REFERRING):
        return None
    if find_markers(text, 0) or any(ch in text for ch in "()"):
        return None
    if text.startswith(_CONTRASTED):
        return None  # 不是不罚,而是……: the point is the half after 而是
    return Span(text, parts[0].start, parts[0].start + len(text))


def _prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _framed(heads: list[str]) -> tuple[str, str] | None:
    """(shared prefix, shared suffix) of parallel opening clauses, or None."""
    first = heads[0]
    pre = min(_prefix(first, h) for h in heads[1:])
    suf = min(_suffix(first, h) for h in heads[1:])
    lengths = [len(h) for h in heads]
    if max(lengths) - min(lengths) > _LENGTH_GAP:
        return None
    if pre < _SHARED_MIN and suf < _SHARED_MIN:
        return None
    if any(len(h) - pre - suf < _MIDDLE_MIN for h in heads):
        return None
    if len(set(heads)) < len(heads):
        return None
    return first[:pre], first[len(first) - suf :] if suf else ""


def _judged(folded: str, paras: list[Paragraph], heads: list[Span]) -> bool:
    """Each opening clause is followed by a clause starting on one judging word."""
    lengths = [len(h.text) for h in heads]
    if max(lengths) > _JUDGED_RATIO * min(lengths) or len({h.text for h in heads}) < len(heads):
        return False
    seconds = []
    for p in paras:
        first = p.sentences[0]
        parts = clauses(folded, first.start, first.end)
        seconds.append(parts[1].text if len(parts) > 1 else "")
    return any(all(t.startswith(w) for t in seconds) for w in _JUDGED)


def opening_frames(
    folded: str, section: Section, connective: re.Pattern[str], title: Span | None = None
) -> list[Enumeration]:
    """Runs of ``_RUN_MIN`` or more paragraphs opening on one frame. ``connective`` is a
    compiled pattern of opening clauses that only link (近年来, 与此同时); ``title`` is
    the article's title where the text states it: a run that makes up the body of an
    essay without headings is its 分论点, asked by the title."""
    paras = section.paragraphs
    heads = [_head(folded, p) for p in paras]
    heads = [h if h is not None and not connective.match(h.text) else None for h in heads]
    out: list[Enumeration] = []
    i = 0
    while i < len(paras):
        if heads[i] is None:
            i += 1
            continue
        j = i + 1
        while j < len(paras):
            run = heads[i : j + 1]
            if any(h is None for h in run) or _framed([h.text for h in run if h]) is None:
                break
            j += 1
        if j - i < _RUN_MIN:
            j = i + 1
            while j < len(paras) and heads[j] is not None:
                opening = [h for h in heads[i : j + 1] if h is not None]
                if not _judged(folded, list(paras[i : j + 1]), opening):
                    break
                j += 1
        if j - i < _RUN_MIN:
            i += 1
            continue
        group = [(paras[k], heads[k]) for k in range(i, j)]
        items = tuple(Item(h, context(p)) for p, h in group if h is not None)
        first = paras[i]
        whole = not section.heading and j - i >= len(paras) - _AROUND
        out.append(
            Enumeration(
                Style.PARAGRAPHS,
                section,
                first.index,
                items,
                lead=title if whole and title else lead(section, first, first.span.start),
                after=after(section, items[-1].context.end),
            )
        )
        i = j
    return out
