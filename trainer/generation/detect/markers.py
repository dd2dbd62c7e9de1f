"""Ordinal markers of enumerations: 其一/首先/一是/第一/(一)/一、/1./①/一方面.

A marker is only a marker at the start of a clause (line start, or after
sentence/clause punctuation); each belongs to a family and carries its ordinal.
``LAST`` closes a sequence (最后, 另一方面). Weak continuations (并且, 此外…) may sit
between strong markers of the 首先 family and count only when a strong marker
follows them; after 一方面……另一方面 a sentence opening on one of them (``同时,……``,
``data/side_continuations.txt``) is a third point (:func:`side_extended`). 一方面 may
follow a pronoun subject (``这一方面加大了……,另一方面……``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.generation.memo import current

LAST = 99
WEAK = -1
_CN = "一二三四五六七八九十"


def _cn(s: str) -> int:
    if s == "十":
        return 10
    if len(s) == 2 and s[0] == "十":
        return 10 + _CN.index(s[1]) + 1
    return _CN.index(s[0]) + 1 if s else 0


_SEQ = {"首先": 1, "其次": 2, "再次": 3, "再者": 3, "最后": LAST}
_WEAK_WORDS = "并且|而且|同时|此外|另外|还有|然后"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

# (family, pattern, clause punctuation allowed before it, ordinal from match)
_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("qi", re.compile(r"其([一二三四五六七八九十])(?=[,、:;]|是)"), "。!?;:,"),
    ("shi", re.compile(r"([一二三四五六七八九十]{1,2})(?:是|要|靠|在于)(?=[^,。])"), "。!?;:,"),
    ("di", re.compile(r"第([一二三四五六七八九十]{1,2})(?=[,、:]|是|步|条)"), "。!?;:,"),
    ("paren", re.compile(r"[(]([一二三四五六七八九十]{1,2})[)]"), "。!?;:"),
    ("dun", re.compile(r"([一二三四五六七八九十]{1,2})、"), "。!?;:"),
    ("num", re.compile(r"(?:[(](\d{1,2})[)]|(\d{1,2})[.、](?!\d))"), "。!?;:"),
    ("circled", re.compile(f"([{_CIRCLED}])"), "。!?;:,"),
    ("seq", re.compile(r"(首先|其次|再次|再者|最后)(?=[,:]|[\u4e00-\u9fff])"), "。!?;:,"),
    ("seq", re.compile(f"({_WEAK_WORDS})(?=,)"), "。!?;"),
    ("side", re.compile(r"(?:这|此举|这样)?(另一方面|一方面)"), "。!?;:,"),
)


LINE_NUMBER = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）][:、.]?|[一二三四五六七八九十\d]{1,3}[、.．:](?!\d)|"
    r"[①-⑳]|[一二三四五六七八九十]{1,3}[ \t\u3000]+(?=[\u4e00-\u9fff]))\s*"
)
"""A number opening a line, a heading or an item: (一) (1) 一、 1. 1、 ① and 一 set off by a
space (``一 必须……``); never the figure of ``1.5亿``. What the list wording strips
from headings, items and lead-ins."""

SENTENCE_NUMBER = re.compile(r"^(?:\d{1,2}[.、]|[(]\d{1,2}[)]|[①-⑩])\s*")
"""A figure numbering a sentence of running text (``1.网络空间是……``, ``①……``): the
金句 rules read the sentence without it. A Chinese numeral (``一、……``) opens a heading,
which is no such sentence."""


@dataclass(frozen=True, slots=True)
class Marker:
    family: str
    ordinal: int
    start: int
    end: int
    """Offset just after the marker word (absolute)."""


def _ordinal(family: str, m: re.Match[str]) -> int:
    word = next(g for g in m.groups() if g)
    if family == "seq":
        return _SEQ.get(word, WEAK)
    if family == "side":
        return LAST if word == "另一方面" else 1
    if family == "circled":
        return _CIRCLED.index(word) + 1
    if family == "num":
        return int(word)
    return _cn(word)


def find_markers(text: str, offset: int) -> list[Marker]:
    """Markers at clause starts in ``text`` (a paragraph), offsets shifted by ``offset``
    (found once per article within :func:`~trainer.generation.memo.one_article`: the
    list detectors and the 金句 rules ask of the same sentences)."""
    memo = current()
    if memo is None:
        return _find_markers(text, offset)
    key = ("markers", text, offset)
    got = memo.get(key)
    if got is None:
        got = memo[key] = tuple(_find_markers(text, offset))
    return list(got)


def _find_markers(text: str, offset: int) -> list[Marker]:
    found: dict[int, Marker] = {}
    for family, pattern, before in _PATTERNS:
        for m in pattern.finditer(text):
            i = m.start()
            j = i - 1
            while j >= 0 and text[j] in " \u3000“":
                j -= 1
            if j >= 0 and text[j] not in before:
                continue
            if i in found:
                continue
            found[i] = Marker(family, _ordinal(family, m), offset + i, offset + m.end())
    return [found[k] for k in sorted(found)]


def sequences(markers: list[tuple[Marker, str]]) -> list[list[Marker]]:
    """Runs 1, 2, 3… of one family within one group key; at least two strong items."""
    out: list[list[Marker]] = []
    open_runs: dict[tuple[str, str], list[Marker]] = {}
    pending: dict[tuple[str, str], list[Marker]] = {}

    def finish(key: tuple[str, str]) -> None:
        run = open_runs.pop(key, None)
        pending.pop(key, None)
        if run and sum(1 for m in run if m.ordinal != WEAK) >= 2:
            out.append(run)

    for marker, group in markers:
        key = (marker.family, group)
        run = open_runs.get(key)
        if marker.ordinal == WEAK:
            if run:
                pending.setdefault(key, []).append(marker)
            continue
        if marker.ordinal == 1:
            finish(key)
            open_runs[key] = [marker]
            continue
        strong = [m for m in run or [] if m.ordinal != WEAK]
        if run and (marker.ordinal == strong[-1].ordinal + 1 or marker.ordinal == LAST):
            run.extend(pending.pop(key, []))
            run.append(marker)
            if marker.ordinal == LAST:
                finish(key)
        else:
            finish(key)
    for key in list(open_runs):
        finish(key)
    out.sort(key=lambda run: run[0].start)
    return out


def side_extended(folded: str, run: list[Marker], later: list[Marker], end: int) -> list[Marker]:
    """``一方面……。另一方面……。同时,……。``: a 一方面 run goes on to the next marker
    before ``end`` (its paragraph's end) when that one is a continuation word opening a
    sentence (同时, 此外: ``data/side_continuations.txt``): a third point of the same
    answer, which the weak word alone would not make a list of."""
    from trainer.generation.lexicon import words

    if run[0].family != "side" or run[-1].ordinal != LAST:
        return run
    nxt = next((m for m in later if m.start > run[-1].start), None)
    if nxt is None or nxt.start >= end or nxt.family != "seq" or nxt.ordinal != WEAK:
        return run
    return [*run, nxt] if folded[nxt.start : nxt.end] in words("side_continuations") else run
