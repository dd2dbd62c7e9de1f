"""Series of phrases joined by 、 whose first and last pieces carry the frame.

``各级党委政府与市场经济是管理与被管理、协调与被协调、服务与被服务关系``,
``基层干部必须熟悉网络特性、了解网络规律、走好网上群众路线``,
``推动助农直播实现可持续、常态化、高质量发展``: the first piece opens with the
verb of the sentence and the last ends with the category word the items share.
:func:`phrase_series` drops both (lead words and category words are data files,
``series_leads.txt`` and ``series_heads.txt``) and keeps the series when its
items are built alike: like length and either one shape (equal length, a shared
character at one place, each opening with a verb, each holding 的) or three short
coined forms (可持续、常态化、高质量). It runs after the other 、 detector, which wins
where both find a list.
"""

from __future__ import annotations

import re

from trainer.generation.detect.enumtypes import Enumeration, Item, Style
from trainer.generation.detect.keyterms import STOP_WORDS, VERBS, verb_like
from trainer.generation.lexicon import words
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.split.words import tokens
from trainer.generation.text import CJK, Span, clauses

__all__ = ["phrase_series"]

_ITEM_MIN, _ITEM_MAX = 3, 12
_STOPS = ("等等", "等")
_PARTICLES = "着了出过"
_COUNTED = re.compile(r"^[一两二三四五六七八九十几每][个块片种份项条次位名家件座只]")


def phrase_series(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    out: list[Enumeration] = []
    for clause in clauses(folded, sent.start, sent.end):
        if clause.text.count("、") < 2:
            continue
        items = _items(clause)
        if items is None or not _alike([s.text for s in items]):
            continue
        out.append(
            Enumeration(
                Style.SERIES,
                section,
                para.index,
                tuple(Item(s, sent) for s in items),
                lead=Span(folded[sent.start : items[0].start], sent.start, items[0].start),
                after=Span(folded[items[-1].end : sent.end], items[-1].end, sent.end),
            )
        )
    return out


def _pieces(clause: Span) -> list[Span]:
    text = clause.text.rstrip(",;:。!?")
    out: list[Span] = []
    pos = 0
    for part in text.split("、"):
        out.append(Span(part, clause.start + pos, clause.start + pos + len(part)))
        pos += len(part) + 1
    return out


def _items(clause: Span) -> list[Span] | None:
    pieces = _pieces(clause)
    middle = pieces[1:-1]
    if any(not _ITEM_MIN <= len(m.text) <= _ITEM_MAX for m in middle):
        return None
    size = sorted(len(m.text) for m in middle)[len(middle) // 2]
    first = _without_lead(pieces[0], size)
    last = _without_head(pieces[-1], size)
    if first is None or last is None:
        return None
    if first == pieces[0] and last == pieces[-1]:
        return None  # not framed by a verb or a category word: the 、 detector's case
    items = [first, *middle, last]
    for item in items:
        t = item.text
        if not CJK.match(t[:1]) or not _ITEM_MIN <= len(t) <= _ITEM_MAX or abs(len(t) - size) > 3:
            return None
        if _COUNTED.match(t):
            return None  # 一炉炭火、一块草皮: images, not points
    return items


def _without_lead(s: Span, size: int) -> Span | None:
    """The first piece without the sentence's verb and what comes before it: the
    shortest tail on a word boundary, at least ``size`` - 1 long, whose dropped words
    end in a lead word (是, 必须, 实现…) or a verb."""
    if len(s.text) <= size + 1:
        return s
    leads = words("series_leads")
    cuts: list[int] = []
    for word, at in tokens(s.text):
        cut = at + len(word)
        if len(s.text) - cut < 2:
            break
        if word in leads or word in VERBS or (verb_like(word) and word not in STOP_WORDS):
            while cut < len(s.text) - 2 and s.text[cut] in _PARTICLES:
                cut += 1  # 体现着…: the aspect particle goes with the verb
            cuts.append(cut)
    if not cuts:
        return None
    # The cut leaving a tail closest to the other items' length, the longer on a tie.
    cut = min(cuts, key=lambda c: (abs(len(s.text) - c - size), c))
    best = Span(s.text[cut:], s.start + cut, s.end)
    if len(best.text) > size + 3:
        return None
    return best


def _without_head(s: Span, size: int) -> Span | None:
    """The last piece without what closes the series: ``等……``, ``的`` + a noun, or a
    category word (关系, 发展…) when what is left is about as long as the others."""
    text = s.text
    for stop in _STOPS:
        at = text.find(stop)
        if at >= 2:
            return Span(text[:at], s.start, s.start + at)
    if len(text) <= size + 1:
        return s
    of = text.rfind("的")
    if of >= 2 and abs(of - size) <= 2 and len(text) - of <= 5:
        return Span(text[:of], s.start, s.start + of)
    for head in words("series_heads"):
        at = len(text) - len(head)
        if text.endswith(head) and abs(at - size) <= 2 and at >= 2:
            return Span(text[:at], s.start, s.start + at)
    return None if len(text) > size + 3 else s


def _alike(texts: list[str]) -> bool:
    lengths = [len(t) for t in texts]
    if len(texts) < 3 or max(lengths) > 2 * min(lengths) or min(lengths) < _ITEM_MIN:
        return False
    if len(set(lengths)) == 1 and min(lengths) >= _ITEM_MIN:
        return True
    if max(lengths) - min(lengths) <= 2 and any(
        len({t[k] for t in texts}) == 1 for k in range(1, min(lengths))
    ):
        return True
    if all("的" in t[1:-1] for t in texts):
        return True
    firsts = [tokens(t)[0][0] for t in texts]
    return all(len(f) >= 2 and (f in VERBS or verb_like(f)) for f in firsts)
