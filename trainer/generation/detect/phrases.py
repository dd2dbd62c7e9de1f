"""The short key phrase of a list item: ``其一,是“真经念歪”现象。`` -> ``真经念歪``.

An item's phrase is its first meaningful clause: leading fillers (是, 这, 即…)
and connectives (因此, 同时…) are dropped, a framing clause (``在……过程中``,
``对于……``) is skipped, a clause that is mostly one quotation becomes the
quotation, a very short clause takes the next one with it, and a long one is cut.
"""

from __future__ import annotations

import re

from trainer.generation.text import Span, clauses

_FILLER = re.compile(
    r"^(?:这就是|就是|这是|即是|即(?![便使将刻时])|则|是|这(?![些样种个里么])|它们|它|"
    r"其(?![他中次实余它])|[,、:. ])+"
)
"""Fillers before an item's point; never the first character of a word (即便, 这些, 其他)."""
_CONNECTIVE = re.compile(
    r"^(?:因此|所以|因而|同时|此外|另外|但是|然而|而且|并且|首先|其次|最后|总之|那么|当然|可见|"
    r"(?:也是|而且)?(?:最|更)?(?:重要|关键|根本|主要)的(?:是|一点|一条))$"
)
_FRAMING = re.compile(
    r"^(?:在.{1,20}(?:中|时|上|下|里|方面|之际|以来)|对于.{1,20}|关于.{1,20}|针对.{1,20}|"
    r"从.{1,8}(?:层面|角度|方面|维度)(?:看|来看|而言|讲|来讲)?|对.{1,10}而言|"
    r"(?:即便|即使|哪怕|尽管|虽然).{1,20})$"
)
_MAX = 28
_MIN = 5
_SENTENCE_END = ("。", "!", "?")


def _lstrip_filler(s: Span) -> Span:
    m = _FILLER.match(s.text)
    cut = m.end() if m else 0
    return Span(s.text[cut:], s.start + cut, s.end)


def _rstrip(s: Span) -> Span:
    text = s.text.rstrip(",:;。!?、.…—- ")
    return Span(text, s.start, s.start + len(text))


def _quote_core(s: Span) -> Span:
    text = s.text
    for open_q, close_q in (("“", "”"), ("「", "」"), ("『", "』")):
        i = text.find(open_q)
        j = text.find(close_q, i + 1)
        if i >= 0 and j > i + 3 and len(text) - (j - i + 1) <= 2 and text.count(open_q) == 1:
            return Span(text[i + 1 : j], s.start + i + 1, s.start + j)
    return s


def key_phrase(folded: str, body: Span) -> Span | None:
    """The key phrase of ``body`` (the text after a list marker), or None if empty."""
    raw = clauses(folded, body.start, body.end)
    ends = {c.start for c in raw if c.text.rstrip().endswith(_SENTENCE_END)}
    parts = [_rstrip(_lstrip_filler(c)) for c in raw]
    ended = {p.start for p, c in zip(parts, raw, strict=True) if c.start in ends}
    parts = [p for p in parts if p.text]
    while len(parts) > 1 and (_CONNECTIVE.match(parts[0].text) or _FRAMING.match(parts[0].text)):
        parts = parts[1:]
    if not parts:
        return None
    phrase = _quote_core(parts[0])
    alone = parts[0].start in ended  # 减干扰。推进……: a short sentence is the point
    if len(phrase.text) < _MIN and len(parts) > 1 and phrase is parts[0] and not alone:
        end = parts[1].end
        phrase = Span(folded[phrase.start : end], phrase.start, end)
    if len(phrase.text) > _MAX:
        phrase = Span(phrase.text[:_MAX], phrase.start, phrase.start + _MAX)
    return phrase
