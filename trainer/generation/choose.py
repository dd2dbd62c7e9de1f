"""Stage 5, choose: the deck a tutor would hand over, not every card the rules found.

A tutor makes about 12 to 20 cards for an article of ordinary length (rubric), so
the deck has a budget that grows with the article (:func:`budget`). When the rules
found more, the cards that teach least go first (:func:`value`):

* the argument-structure card, Q&A cards and lists always stay (they carry the
  article's points and enumerations);
* a 金句 or key-term cloze that blanks a 规范表述, a quoted coined term or a
  document name always stays (the terms a student must write from memory);
* the rest are ranked by what their sentence does (论点, 分论点, 对策, 问题, 原因,
  危害, 意义 before 论据, 背景, 过渡) and by how much their blanks hold, and the
  lowest are dropped until the deck fits.

A deck never loses a card it would need to keep a point: only clozes without a
standing term are ever dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from trainer.domain.model import Note
from trainer.generation.enumtypes import Enumeration
from trainer.generation.provenance import Origin

__all__ = ["budget", "choose", "examples", "value"]

Made = tuple[Note, Origin]

_MIN, _MAX = 12, 20
_CHARS_PER_CARD = 90
"""An ordinary article (about 1,100 to 1,800 characters) gets 12 to 20 cards."""
_LONG_CHARS_PER_CARD = 110
"""Past the ordinary length, one more card per this many characters."""
_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")
_ARGUMENT = frozenset({"论点", "分论点", "对策", "问题", "原因", "危害", "意义"})
_STRONG_GOLDEN = frozenset(
    {
        "cloze.golden.parallel",
        "cloze.golden.saying",
        "cloze.golden.section",
        "cloze.golden.judgement",
        "cloze.golden.couplet",
        "cloze.golden.conclusion",
        "cloze.golden.maxim",
        "cloze.two_points",
    }
)
"""金句 rules a tutor keeps as they come: quotations, couplets, 排比, dialectical lines."""
_KEEP = 1000.0


def budget(chars: int) -> int:
    """Cards for an article of ``chars`` characters: 12 to 20 for an ordinary one,
    growing slowly past that (a long report is several articles' worth)."""
    ordinary = _MAX * _CHARS_PER_CARD
    if chars <= ordinary:
        return max(_MIN, min(_MAX, round(chars / _CHARS_PER_CARD)))
    return _MAX + round((chars - ordinary) / _LONG_CHARS_PER_CARD)


def value(note: Note, origin: Origin, standing: frozenset[str], folded: str) -> float:
    """How much a card teaches; ``_KEEP`` or more means it always stays.

    Only two kinds of card may go: a key-term cloze on a sentence with no argument
    function (背景, 论据, 过渡: rubric LOW, STAT) and a series cloze outside a 对策,
    论点 or 意义 sentence (the members of a problem's symptoms or of an example list,
    which a list card asks for or which carry little). Neither goes if it blanks a
    term that stands on its own: ``standing`` (the 规范表述 of the shipped list), a
    quoted (“…”) or named (《…》) term of ``folded``."""
    blanks = _BLANK.findall(note.text)
    if not blanks or origin.function == "金句":
        return _KEEP  # not a cloze (lists, Q&A, the structure card), or a 金句
    low = (
        origin.rule in _TERM_RULES
        and origin.function in _LOW
        and all(len(b) < _NAME for b in blanks)
    ) or (origin.rule == "cloze.series" and origin.function in _SERIES_LOW)
    if not low or any(_stands(b, standing, folded) for b in blanks):
        return _KEEP
    return float(sum(min(len(b), 8) for b in blanks)) - (20 if origin.function in _LOW else 0)


_LOW = frozenset({"背景", "论据", "过渡"})
_SERIES_LOW = frozenset({"问题", "原因", "危害", "背景", "论据", "过渡"})
_NAME = 4
"""A blank this long is a name or a compound term, worth a card from any sentence."""


def _stands(blank: str, standing: frozenset[str], folded: str) -> bool:
    core = blank.strip('“”‘’"《》')
    return core in standing or f"“{core}”" in folded or f"《{core}》" in folded


def choose(made: list[Made], chars: int, standing: frozenset[str], folded: str) -> list[Made]:
    """``made`` without its least valuable clozes, down to :func:`budget` cards where
    it can; order kept. First the low clozes (:func:`value`), then key-term and
    series clozes whose every blank another card asks already (rubric: DUP)."""
    limit = budget(chars)
    if len(made) <= limit:
        return made
    ranked = sorted(
        range(len(made)),
        key=lambda k: (value(made[k][0], made[k][1], standing, folded), -k),
    )
    drop: set[int] = set()
    excess = len(made) - limit
    for k in ranked:
        if len(drop) == excess:
            break
        if value(made[k][0], made[k][1], standing, folded) >= _KEEP:
            break
        drop.add(k)
    asked: Counter[str] = Counter()
    for j, (n, _o) in enumerate(made):
        if j not in drop:
            asked.update(set(_BLANK.findall(n.text)))  # clozes only: others hold none
    for k in reversed(range(len(made))):
        if len(drop) >= excess:
            break
        if k not in drop and _asked_elsewhere(made[k], asked):
            drop.add(k)
            asked.subtract(set(_BLANK.findall(made[k][0].text)))
    return [m for k, m in enumerate(made) if k not in drop]


_TERM_RULES = frozenset({"cloze.term", "cloze.keyterm.model"})
_PLAIN_CLOZES = _TERM_RULES | {"cloze.series"}


def _asked_elsewhere(card: Made, asked: Counter[str]) -> bool:
    """A key-term or series cloze whose every blank is a blank of another card still in
    the deck (``asked`` counts the cards asking each blank): the same point carded
    twice."""
    note, origin = card
    if origin.rule not in _PLAIN_CLOZES or origin.function == "金句":
        return False
    mine = set(_BLANK.findall(note.text))
    return bool(mine) and all(asked[b] >= 2 for b in mine)


_EXAMPLE_MARKERS = ("例如", "比如", "譬如", "诸如", "如")
"""Words that open a list of examples (如虚拟现实、增强现实、人工智能等): instances of a
point, not points (rubric: LOW, STAT; the guide does not label them)."""


def examples(e: Enumeration, folded: str) -> bool:
    """An inline list whose first item follows an example marker (如, 例如…), a comma
    or nothing between them."""
    if e.style not in {"inline", "series"} or not e.items:
        return False
    before = folded[max(0, e.items[0].phrase.start - 3) : e.items[0].phrase.start]
    before = before.rstrip(",:、 ")
    return before.endswith(_EXAMPLE_MARKERS)
