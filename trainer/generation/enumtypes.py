"""The shape of a detected enumeration, and context helpers shared by the detectors."""

from __future__ import annotations

from dataclasses import dataclass

from trainer.generation.structure import Paragraph, Section
from trainer.generation.text import Span


@dataclass(frozen=True, slots=True)
class Item:
    phrase: Span
    context: Span


@dataclass(frozen=True, slots=True)
class Enumeration:
    style: str
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
