"""Points written as comma clauses in running prose, with no marker and no shared
opening word: a run of three or more predicate clauses in one sentence.

* measures and achievements: every clause opens with a verb, after at most an
  adverb (``推动经济高质量发展,加快新旧动能转换,保持经济运行在合理区间``);
* problems and phenomena: short clauses the sentence closes with 等 and a category
  noun (``存在占道经营,乱摆乱卖,路边随意摆摊等现象``).

Cue words live in ``data/clause_runs.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from trainer.generation.detect.enumtypes import Enumeration, Item, Style, after, lead
from trainer.generation.detect.markers import find_markers
from trainer.generation.lexicon import kind_words, words
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.text import CJK, Span, clauses

_ITEM = (3, 16)
"""Characters of a clause that is a point: shorter is a word, longer a sentence."""
_RUN = (3, 6)
_SPREAD = 3.0
"""The longest item at most this many times the shortest: points side by side."""
_CLOSED_ITEM = (2, 12)
_VERB_TAGS = frozenset({"v", "vd", "vg"})


@cache
def _cue(kind: str) -> frozenset[str]:
    return frozenset(kind_words("clause_runs", kind))


@cache
def _cue_pattern(kind: str) -> re.Pattern[str]:
    """Any word of ``kind``, as one compiled alternation (longest first)."""
    return re.compile("|".join(map(re.escape, sorted(_cue(kind), key=len, reverse=True))))


@cache
def _starts(kind: str) -> tuple[str, ...]:
    return tuple(_cue(kind))


def clause_runs(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    """The runs of predicate clauses in ``sent`` (see the module's doc)."""
    if sum(sent.text.count(ch) for ch in ",:;") < _RUN[0] - 1:
        return []  # fewer than three clauses
    found = _runs(folded, section, para, sent)
    if found and find_markers(sent.text, 0):
        return []  # 一是……二是……: the ordinal detector's
    return found


def _runs(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    spans = [_bare(c) for c in clauses(folded, sent.start, sent.end)]
    closed = None
    if "等" in sent.text:
        closed = _closed_run(folded, section, para, sent, spans)
    if closed is None and _cue_pattern("cause").search(sent.text):
        closed = _cause_run(folded, section, para, sent, spans)
    if closed is not None:
        return [closed]
    cheap = [_may_predicate(sp.text) for sp in spans]
    if sum(cheap) < _RUN[0] - 1:
        return []  # no run possible: the sentence is not cut into words here
    from trainer.generation.split.words import tokens

    cut = tokens(sent.text)  # the sentence's words, shared with the later stages
    starts = [at for _w, at in cut]

    def words(k: int) -> list[tuple[str, int]]:
        lo = spans[k].start - sent.start
        a, b = bisect_left(starts, lo), bisect_left(starts, lo + len(spans[k].text))
        return [(w, at - lo) for w, at in cut[a:b]]

    out: list[Enumeration] = []
    i = 0
    while i < len(spans):
        j = i
        while j < len(spans) and j - i < _RUN[1] and cheap[j] and _predicate(words(j)):
            j += 1
        run = spans[i:j]
        if i > 0 and j - i >= _RUN[0] - 1:
            head = _after_subject(spans[i - 1], words(i - 1))
            if head is not None:
                run = [head, *run]  # 我们巩固……,全面推进……: the subject opens the first
        if len(run) >= _RUN[0] and _alike([s.text for s in run]) and not _means(spans[j:]):
            out.append(_run(folded, section, para, sent, run, ""))
            i = j
        else:
            i = max(j, i + 1)
    return out


def _means(rest: list[Span]) -> bool:
    """The sentence goes on to what the run brings about (``A,B,C,能够W``)."""
    return any(s.text.startswith(_starts("effect")) for s in rest)


def _bare(c: Span) -> Span:
    text = c.text.rstrip(",;:。!?…")
    return Span(text, c.start, c.start + len(text))


def _alike(texts: list[str]) -> bool:
    lengths = [_size(t) for t in texts]
    return len(set(texts)) == len(texts) and max(lengths) <= _SPREAD * min(lengths)


def _run(
    folded: str, section: Section, para: Paragraph, sent: Span, items: list[Span], closing: str
) -> Enumeration:
    start, end = items[0].start, items[-1].end
    before = Span(folded[sent.start : start], sent.start, start)
    return Enumeration(
        Style.CLAUSES,
        section,
        para.index,
        tuple(Item(s, sent) for s in items),
        lead=before if before.text.strip(",:;") else lead(section, para, sent.start),
        after=Span(closing, end, end) if closing else after(section, sent.end),
        shared=closing,
    )


def predicate_clause(text: str) -> bool:
    """``text`` (one clause) is a point's predicate: a verb after at most an adverb
    (``夯实基础研究``), as :func:`clause_runs` reads its clauses."""
    from trainer.generation.split.words import tokens

    return _may_predicate(text) and _predicate(tokens(text))


def _may_predicate(text: str) -> bool:
    """What :func:`_predicate` asks before the words: size, script, no effect or
    question cue."""
    return (
        _ITEM[0] <= _size(text) <= _ITEM[1]
        and CJK.match(text) is not None
        and not text.startswith(_starts("effect"))
        and not _cue_pattern("question").search(text)
    )


def _predicate(words: list[tuple[str, int]]) -> bool:
    """A clause that is one predicate: an adverb at most, then a verb that opens a
    measure or an outcome (not 是, 有, 要, 让…), and no subject of its own."""
    from trainer.generation.split.words import tag

    adverbs, verbs, never = _cue("adverb"), _cue("verb"), _cue("not_head")
    for word, _at in words[:-1]:
        if word in never:
            return False
        if len(word) >= 2 and (tag(word) in _VERB_TAGS or word in verbs):
            return True
        if word not in adverbs and tag(word) not in {"d", "ad"}:
            return False
    return False


_SUBJECT_MAX = 6


def _after_subject(s: Span, words: list[tuple[str, int]]) -> Span | None:
    """``街道办完善社区服务网络`` -> ``完善社区服务网络``: the predicate after a short
    subject (nouns only, at most ``_SUBJECT_MAX`` characters)."""
    from trainer.generation.split.words import tag

    for k, (word, at) in enumerate(words):
        if at > _SUBJECT_MAX:
            break
        rest = s.text[at:]
        if (
            at
            and word not in _cue("not_head")
            and _may_predicate(rest)
            and _predicate([(w, a - at) for w, a in words[k:]])
        ):
            return Span(rest, s.start + at, s.end)
        if tag(word) not in _SUBJECT_TAGS:
            break
    return None


_SUBJECT_TAGS = frozenset({"", "r"})
"""Nouns (untagged) and pronouns (我们)."""


def _closed_run(
    folded: str, section: Section, para: Paragraph, sent: Span, spans: list[Span]
) -> Enumeration | None:
    """``存在A,B,C等现象``: short clauses the sentence closes with 等 and a category
    noun of problems or measures; the first loses the verb before it (存在, 出现)."""
    categories = _cue("closing")
    never = words("connectives")
    for k, s in enumerate(spans):
        at = s.text.rfind("等")
        rest = s.text[at + 1 :] if at > 0 else ""
        noun = next((c for c in categories if rest.startswith(c)), "")
        if not noun or k < _RUN[0] - 1:
            continue
        items = [Span(s.text[:at], s.start, s.start + at)]
        for m in range(k - 1, -1, -1):
            if len(items) >= _RUN[1]:
                break
            cut = _after_verb(spans[m])
            if cut is not None:
                items.insert(0, cut)
                break
            if not _short(spans[m].text):
                break
            items.insert(0, spans[m])
        if len(items) >= _RUN[0] and all(_short(i.text) and i.text not in never for i in items):
            return _run(folded, section, para, sent, items, "等" + noun)
        return None
    return None


def _cause_run(
    folded: str, section: Section, para: Paragraph, sent: Span, spans: list[Span]
) -> Enumeration | None:
    """``因地处偏僻,村集体经济不发达,经济基础薄弱,历史欠账较多,……``: short clauses
    after a cause word (因, 由于) are the causes, one a clause."""
    causes = tuple(sorted(_cue("cause"), key=len, reverse=True))
    for k, s in enumerate(spans):
        text = s.text.lstrip("但而也")
        word = next((c for c in causes if text.startswith(c)), "")
        if not word:
            continue
        skip = len(s.text) - len(text) + len(word)
        first = Span(s.text[skip:], s.start + skip, s.end)
        items = [first]
        for nxt in spans[k + 1 :]:
            if not _short(nxt.text) or len(items) >= _RUN[1]:
                break
            if "、" in nxt.text or nxt.text.startswith(("这", "那", "其")):
                return None  # 由于地处山区,这里旱地多、坡地多: a setting, then the facts
            items.append(nxt)
        if items[-1] is spans[-1]:
            items = items[:-1]  # ……,村集体收入一直偏低。: the last clause is the effect
        if len(items) >= _RUN[0] and all(_short(i.text) for i in items):
            run = _run(folded, section, para, sent, items, word)
            return replace(run, after=_effect(folded, section, spans, k + len(items)))
    return None


def _effect(folded: str, section: Section, spans: list[Span], k: int) -> Span | None:
    """What the causes bring about: the clause after them, or the next sentence's first
    clause when theirs ends (``……历史欠账较多,在建设经费上仍存在较大的缺口``)."""
    rest = [s for s in spans[k:] if s.text.strip()]
    if rest and len(rest[0].text) >= _CLOSED_ITEM[1] // 2:
        return rest[0]
    nxt = after(section, spans[-1].end)
    if nxt is None:
        return None
    first = _bare(clauses(folded, nxt.start, nxt.end)[0])
    head = rest[0].text if rest else ""
    return Span(head + first.text, first.start - len(head), first.end)


def _short(text: str) -> bool:
    return _CLOSED_ITEM[0] <= _size(text) <= _CLOSED_ITEM[1] and CJK.match(text) is not None


def _size(text: str) -> int:
    """Characters that count: ``申报国家 AAA 级旅游景区`` is 14, not 17."""
    return len(text.replace(" ", ""))


def _after_verb(s: Span) -> Span | None:
    """``沿街存在占道经营`` -> ``占道经营``: the first item starts after the verb that
    introduces the run (``data/clause_runs.txt``, kind ``intro``); None without one."""
    best = None
    for verb in _cue("intro"):
        at = s.text.rfind(verb)
        if at >= 0 and (best is None or at + len(verb) > best):
            best = at + len(verb)
    if best is None:
        return None
    text = s.text[best:]
    return Span(text, s.start + best, s.end) if len(text) >= _CLOSED_ITEM[0] else None
