"""The shape of a detected enumeration, and context helpers shared by the detectors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from trainer.generation.lexicon import kind_words
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.text import Span


class Style(StrEnum):
    """Which detector found a list; every detector returns :class:`Enumeration`."""

    ORDINAL = "ordinal"
    """一是/其一/首先/第一/(一) markers inside paragraphs."""
    HEADINGS = "headings"
    """A run of numbered headings."""
    OPENERS = "openers"
    """Paragraphs opening alike (``提升认知,扩大融入面。``)."""
    PARAGRAPHS = "paragraphs"
    """Paragraphs whose opening clauses share a frame (巧用优势推动产业发展,…… /
    顺势而为助力产业发展,……)."""
    SEMICOLON = "semicolon"
    """Three or more ;-joined parts of one sentence."""
    FRAMED = "framed"
    """Sentences opening on one frame (从技术层面看…… 从平台层面看……)."""
    PARALLEL = "parallel"
    """Parallel clauses in one sentence (靠……,靠……,靠……)."""
    COLON = "colon"
    """Clauses after a lead-in ending in a category word and a colon."""
    QUOTED = "quoted"
    """A quoted 、 series (“引不来、留不住、用不好”)."""
    INLINE = "inline"
    """A 、 series of short or like items."""
    SERIES = "series"
    """A 、 series framed by the sentence's verb and a category word."""
    CLAUSES = "clauses"
    """Predicate clauses in running prose (推动……,加快……,保持……; A,B,C等现象)."""
    MEASURES = "measures"
    """Sentences of a material's paragraph each narrating one measure its actor took
    (X村开通了……。同时,该村鼓励……。此外,还建成了……)."""


PRIORITY: dict[Style, int] = {style: rank for rank, style in enumerate(Style)}
"""Where two lists claim the same text, the one whose style ranks first is kept
(an explicit order, not the order the detectors happen to be called in)."""


@dataclass(frozen=True, slots=True)
class Item:
    phrase: Span
    context: Span


@dataclass(frozen=True, slots=True)
class Enumeration:
    style: Style
    section: Section
    paragraph: int
    """Index of the paragraph the list starts in (0 for a heading list)."""
    items: tuple[Item, ...]
    lead: Span | None = None
    """Text just before the list that says what it is about, if any."""
    after: Span | None = None
    """Text just after the list (``这些乱象……``, ``等一系列工作``)."""
    shared: str = ""
    """What every item shares and the phrases leave out (``靠``, ``干部“带货”``)."""

    @property
    def start(self) -> int:
        return self.items[0].context.start

    @property
    def end(self) -> int:
        return self.items[-1].context.end


def lead(section: Section, para: Paragraph | None, start: int) -> Span | None:
    """The sentence just before ``start``: in its paragraph, else ending the one before."""
    if para is None:
        return None
    before = [s for s in para.sentences if s.end <= start]
    if before:
        return before[-1]
    prev = [p for p in section.paragraphs if p.index == para.index - 1]
    if prev and prev[0].sentences:
        return prev[0].sentences[-1]
    return None


def after(section: Section, end: int) -> Span | None:
    """The first sentence of the section that starts at or after ``end``."""
    for p in section.paragraphs:
        for s in p.sentences:
            if s.start >= end:
                return s
    return None


def strip_end(s: Span) -> Span:
    text = s.text.rstrip("。!;,.")
    return Span(text, s.start, s.start + len(text))


def context(p: Paragraph) -> Span:
    """A paragraph's first two sentences: the item's context on the card."""
    end = p.sentences[1].end if len(p.sentences) > 1 else p.span.end
    return Span(p.span.text[: end - p.span.start], p.span.start, end)


def questions(texts: list[str]) -> bool:
    """Items most of which ask (以前如何、现在怎样、未来何去: question words in
    ``data/series_not_points.txt``): questions raised, not points that answer one."""
    asks = kind_words("series_not_points", "asks")
    asking = sum(any(w in t for w in asks) for t in texts)
    return asking * 2 > len(texts)
