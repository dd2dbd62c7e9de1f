"""Enumerations in an article, however they are written.

Detectors, each a general rule, all returning :class:`~enumtypes.Enumeration` with
a :class:`~enumtypes.Style`; where two lists claim the same text the style that ranks
first in :data:`~enumtypes.PRIORITY` wins:

* ordinal markers (其一/首先/一是/第一/(一)/一、/1./①/一方面) in paragraphs or
  in headings, read as runs 1, 2, 3… (see :mod:`markers`);
* parallel paragraph openers (``提升认知,扩大融入面。`` / ``完善机制,消除顾虑心。``);
* parallel clauses in one sentence (``靠……,靠……,靠……``), similar in length;
* three or more semicolon-joined parts of one sentence;
* inline lists joined by 、 (four or more short items, or three built alike), also
  on a numbered line read as a heading;
* points written as comma clauses in running prose (:mod:`clause_runs`), unless
  they spell out one point of a numbered or parallel list.

Each finding keeps spans into the article; wording the card is left to
:mod:`trainer.generation.word.lists`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from trainer.generation.classify.address import leads_on
from trainer.generation.detect.clause_runs import clause_runs, predicate_clause
from trainer.generation.detect.enumtypes import (
    PRIORITY,
    Enumeration,
    Item,
    Style,
    after,
    context,
    lead,
    questions,
    strip_end,
)
from trainer.generation.detect.frames import opening_frames
from trainer.generation.detect.golden import GOLDEN_SECTION, find_golden, strip_numbering
from trainer.generation.detect.headruns import answer_runs, heading_runs, naming_a_part, title_span
from trainer.generation.detect.inline import inline_lists, parallel_clauses, semicolon_lists
from trainer.generation.detect.markers import (
    LINE_NUMBER,
    Marker,
    find_markers,
    sequences,
    side_extended,
)
from trainer.generation.detect.measures import measure_runs
from trainer.generation.detect.phrase_series import phrase_series
from trainer.generation.detect.phrases import key_phrase
from trainer.generation.detect.series import colon_lists, framed_openers, quoted_lists, quoted_runs
from trainer.generation.lexicon import kind_words, words
from trainer.generation.split.structure import Outline, Paragraph, Section
from trainer.generation.text import Span, bare, clauses, shared_opening

_OPENER_MAX = 20
_STEM_OPENER_MAX = 28
_STEM_MIN = 4
_LONE_MIN, _LONE_MAX = 4, 16
_HEADING_ITEM = 24
_CONNECTIVE_HEAD = re.compile(
    r"^(?:近年来|近些年|近期|当前|目前|如今|同时|与此同时|此外|另外|因此|然而|但是|对此|其实|"
    r"事实上|实际上|总之|可见|比如|例如|总的来说|一段时间以来|长期以来|.{0,6}(?:以来|年来|之后|之前))$"
)


_STRUCTURAL = re.compile(
    r"^(?:结语|结束语|结论|小结|总结|引言|前言|导语|背景|概述|附录|材料.{0,3}|"
    r"(?:主要|基本|具体|存在的?|当前的?|面临的?)?(?:做法|问题|对策|建议|对策建议|意见建议|成效|"
    r"经验|原因|现状|挑战|措施|举措|启示|思考|情况|发展现状|基本情况))$"
)
"""Headings that name a part of a document rather than a point to remember."""


def find_enumerations(folded: str, doc: Outline) -> list[Enumeration]:
    found = [
        e
        for e in _ordinal_lists(folded, doc)
        if not _structural(e) and not _quotations(folded, e, doc)
    ]
    found += heading_runs(folded, doc)
    found += answer_runs(folded, doc)
    for section in doc.sections:
        found += _heading_series(folded, section)
        if GOLDEN_SECTION.search(section.heading):
            # A list of sayings: each one is a 金句 card; only a 、 series inside
            # one (老有所养、老有所依……) is a list too.
            for para in section.paragraphs:
                for sent in para.sentences:
                    found += inline_lists(folded, section, para, sent)
            continue
        found += _openers(folded, section)
        found += measure_runs(folded, section)
        found += opening_frames(folded, section, _CONNECTIVE_HEAD, title_span(folded, doc))
        for para in section.paragraphs:
            found += semicolon_lists(folded, section, para)
            found += framed_openers(folded, section, para)
            for sent in para.sentences:
                found += parallel_clauses(folded, section, para, sent)
                found += colon_lists(folded, section, para, sent)
                found += quoted_lists(folded, section, para, sent)
                found += quoted_runs(folded, section, para, sent)
                found += inline_lists(folded, section, para, sent)
                found += phrase_series(folded, section, para, sent)
                found += clause_runs(folded, section, para, sent)
    # A collection of sayings (金句积累), or headings naming kinds (为民服务类, 作风建设类):
    # the headings sort what the note collected, they are no points of an answer.
    sayings = GOLDEN_SECTION.search(doc.title) is not None
    found = [
        e
        for e in found
        if e.style != "headings"
        or not (sayings or all(_KIND_HEADING.match(bare(it.phrase.text)) for it in e.items))
    ]
    found.sort(key=lambda e: (PRIORITY[e.style], e.start))
    return [
        _without_fillers(_without_tally(e))
        for e in _outside_points(_dedupe(found), doc)
        if not _exam_instruction(folded, e) and not _no_points(folded, e) and not _dated(e)
    ]


_POINT_STYLES = frozenset({"ordinal", "headings", "openers", "paragraphs", "framed"})


def _outside_points(found: list[Enumeration], doc: Outline) -> list[Enumeration]:
    """Without the clause runs that spell out one point of another list: the steps
    inside a paragraph that a numbered, heading or parallel-opening list already
    names (``加强人才队伍建设。实施……,落实……,提高……``) are its detail, not points of
    their own."""
    if not any(e.style == "clauses" for e in found):
        return found
    paras = sorted((p.span.start, p.span.end) for sec in doc.sections for p in sec.paragraphs)
    starts = [a for a, _b in paras]
    bodies = [  # a heading's reach: from its first paragraph to its last
        (sec.span.start, sec.span.end, sec.paragraphs[0].span.start, sec.paragraphs[-1].span.end)
        for sec in doc.sections
        if sec.span is not None and sec.paragraphs
    ]
    spans: list[tuple[int, int]] = []
    for e in found:
        if e.style not in _POINT_STYLES:
            continue
        for it in e.items:
            at = it.context.start
            if e.style == "headings":
                spans += [(lo, hi) for a, b, lo, hi in bodies if a <= at < b]
                continue
            k = bisect_right(starts, at) - 1
            if k >= 0 and at < paras[k][1]:
                spans.append(paras[k])
    return [
        e
        for e in found
        if e.style != "clauses"
        or _labelled(e)
        or not any(a <= e.items[0].phrase.start < b for a, b in spans)
    ]


def _labelled(e: Enumeration) -> bool:
    """A clause run after a label and a colon in its own sentence (``K县启动……活动:
    传达……,宣传……,搭建……``): the label announces these points, they are no detail
    of another list's point."""
    first = e.items[0].phrase.start
    return e.lead is not None and e.lead.end == first and e.lead.text.rstrip().endswith(":")


def _heading_series(folded: str, section: Section) -> list[Enumeration]:
    """A 、 series inside a line read as a heading: a handout's numbered line
    (``3. 新质生产力:打造A、B、C等新兴支柱产业``, ``2.题型:A、B、C``) names its
    points on the line itself."""
    if section.span is None or "、" not in section.heading:
        return []
    line = Paragraph(0, section.span, (section.span,))
    return inline_lists(folded, section, line, section.span)


_DATE_OPENER = re.compile(r"^(?:\d{2,4}|[一二三四五六七八九十〇零]{2,4})年[,，]?$")


def _dated(e: Enumeration) -> bool:
    """Paragraphs that open alike on a date or a handing-on phrase (2019年,……;
    这一年,……): a narrative going on, not 分论点 side by side."""
    if e.style != "openers":
        return False
    shared = e.shared.strip().rstrip(",，:")
    return bool(_DATE_OPENER.match(shared)) or leads_on(shared)


_SERIES_STYLES = frozenset({"inline", "series"})


def _not_points(kind: str) -> tuple[str, ...]:
    return kind_words("series_not_points", kind)


def _no_points(folded: str, e: Enumeration) -> bool:
    """A 、 series of examples (……单位,如A、B、C等) or of questions (以前如何、现在
    怎样、未来何去): it names no points side by side (``data/series_not_points.txt``)."""
    if e.style not in _SERIES_STYLES or not e.items:
        return False
    first = e.items[0].phrase
    clause_at = max(folded.rfind(ch, 0, first.start) for ch in ",;:。!?\n") + 1
    before = folded[clause_at : first.start]
    examples = _not_points("examples")
    if first.text.startswith(examples) or before.strip() in examples:
        return True
    return questions([it.phrase.text for it in e.items])


def _tally(text: str) -> bool:
    """``千千万万``, ``方方面面``: an AABB word closing a series stands for all the
    others, it is no item."""
    return len(text) == _TALLY and text[0] == text[1] and text[2] == text[3] and text[0] != text[2]


_TALLY = 4


def _without_tally(e: Enumeration) -> Enumeration:
    if e.style not in _SERIES_STYLES or len(e.items) < _MIN_AFTER_TALLY + 1:
        return e
    if not _tally(e.items[-1].phrase.text):
        return e
    return replace(e, items=e.items[:-1])


_MIN_AFTER_TALLY = 3


_ITEM_MIN = 2


def _without_fillers(e: Enumeration) -> Enumeration:
    """Items without a hedge or example marker before their point (有的地方……,
    例如……; ``data/item_fillers.txt``), a second numbering (``(1)加强……`` under
    ``1.``) or a bracketed note after it (``加强宣传引导(群众层面)``), when at least
    two characters are left (rubric: FIL)."""
    fillers = sorted(words("item_fillers"), key=len, reverse=True)
    items = []
    changed = False
    for it in e.items:
        text = it.phrase.text
        number = _ITEM_NUMBER.match(text)  # 1. (1)加强……: a second numbering
        cut = number.end() if number else 0
        cut += next((len(f) for f in fillers if text.startswith(f, cut)), 0)
        while cut < len(text) and text[cut] in ",、: ":
            cut += 1
        gloss = _GLOSS.search(text, cut)  # 加强宣传引导`(群众层面)`: a note on the point
        end = gloss.start() if gloss else len(text)
        if (cut or end < len(text)) and end - cut >= _ITEM_MIN:
            phrase = Span(text[cut:end], it.phrase.start + cut, it.phrase.start + end)
            items.append(replace(it, phrase=phrase))
            changed = True
        else:
            items.append(it)
    return replace(e, items=tuple(items)) if changed else e


_ITEM_NUMBER = LINE_NUMBER
_GLOSS = re.compile(r"`?[(][^()]{1,6}[)]`?$|`+$")


_INSTRUCTION = re.compile(
    r"^\s*(?:作答)?要求\s*[:：]|不超过\s*\d+\s*字|\d+\s*字(?:以内|左右)|[(（]\s*\d+\s*分\s*[)）]"
)


def _exam_instruction(folded: str, e: Enumeration) -> bool:
    """A list in an exam question's instructions (要求:(1)对策具体、可行;(2)……;
    不超过400字): how to answer, not what the article says."""
    if not e.items:
        return False
    at = e.items[0].phrase.start
    end = folded.find("\n", at)
    line = folded[folded.rfind("\n", 0, at) + 1 : end if end >= 0 else len(folded)]
    return _INSTRUCTION.search(line) is not None


def structural_heading(heading: str) -> bool:
    """A heading that names a part of a document (背景, 问题, 对策建议)."""
    return _STRUCTURAL.match(bare(heading)) is not None


def _structural(e: Enumeration) -> bool:
    """A run of headings that is the document's outline (背景/做法/问题/结语), or a
    numbered run inside a section of sayings."""
    if GOLDEN_SECTION.search(e.section.heading):
        return True
    return e.style == "headings" and any(
        _STRUCTURAL.match(bare(it.phrase.text))
        or naming_a_part(it.phrase.text)
        or ":" in it.phrase.text  # 七、最后说一句:……: a label before a colon marks a part
        for it in e.items
    )


_QUOTE_MIN, _QUOTE_MAX = 18, 40
"""Characters of a numbered line that is a quotation: longer than a point's head and
its aim (宣传引导,增强居民分类意识), short enough to quote whole (a point and its
explanation run longer)."""


def _quotations(folded: str, e: Enumeration, doc: Outline) -> bool:
    """A numbered run of quotations (a study note's 金句 under 为民服务类, 作风建设类):
    each item a line of its own that is one whole sentence of two or more clauses,
    closing on 。 or !, and half of them or more 金句 (every one in a text whose title
    names sayings or under a heading naming a kind: 为民服务类). The items are no points: cut to a first clause they break the
    quotation (``群众利益无小事``), and a line that is one sentence has no head to
    ask; each line is a 金句 card of its own where it qualifies."""
    if e.style != "ordinal" or len(e.items) < 2:
        return False
    sentences = []
    for it in e.items:
        para = next(
            (p for p in e.section.paragraphs if p.span.start <= it.context.start < p.span.end), None
        )
        if para is None or it.context.start - para.span.start > _ORDINAL_AT:
            return False
        line = folded[it.phrase.start : para.span.end].strip()
        if any(mark in line[:-1] for mark in "。!?"):
            return False  # a head and its explanation: 加强顶层设计。要……
        if (
            not _QUOTE_MIN <= len(line) <= _QUOTE_MAX
            or not line.endswith(("。", "!"))
            or len(clauses(folded, it.phrase.start, para.span.end)) < 2
        ):
            return False
        sentences.append(strip_numbering(para.span))
    if GOLDEN_SECTION.search(doc.title) or GOLDEN_SECTION.search(e.section.heading):
        return True
    if _KIND_HEADING.match(bare(e.section.heading)):
        return True  # 为民服务类: lines sorted by kind, not the points of one answer
    quoted = sum(find_golden(folded, s, True, True) is not None for s in sentences)
    return quoted * 2 >= len(sentences)


_KIND_HEADING = re.compile(
    r"^(?:#+\s*)?(?:[一二三四五六七八九十\d]{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）])?"
    r"\s*[^,，:：。]{2,10}类$"
)
"""A heading naming a kind (一、为民服务类): a note sorting lines it collected."""
_ORDINAL_AT = 4
"""Characters a line's number (1. / (一)) takes before the item it opens."""


_BUCKET = 2000
_MD_PREFIX = re.compile(r"^#{1,6}\s+")


def _extent(e: Enumeration) -> tuple[int, int]:
    spans = [s for it in e.items for s in (it.phrase, it.context)]
    return min(s.start for s in spans), max(s.end for s in spans)


def _items_key(e: Enumeration) -> tuple[str, ...]:
    return tuple(it.phrase.text.strip("“”") for it in e.items)


def _dedupe(found: list[Enumeration]) -> list[Enumeration]:
    """Keep the earlier detector's list when two lists claim the same text.

    Only lists whose extents share a bucket of ``_BUCKET`` characters can conflict,
    and a list written twice is found by its items, so the cost stays linear."""
    kept: list[Enumeration] = []
    buckets: dict[int, list[Enumeration]] = {}
    written: set[tuple[str, ...]] = set()
    for e in found:
        key = _items_key(e)
        if key in written:
            continue
        lo, hi = _extent(e)
        near = {
            id(k): k for b in range(lo // _BUCKET, hi // _BUCKET + 1) for k in buckets.get(b, ())
        }
        if any(_conflict(e, k) for k in near.values()):
            continue
        kept.append(e)
        written.add(key)
        for b in range(lo // _BUCKET, hi // _BUCKET + 1):
            buckets.setdefault(b, []).append(e)
    kept.sort(key=lambda e: (e.start, e.end))
    return kept


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _conflict(a: Enumeration, b: Enumeration) -> bool:
    """Two lists conflict when an item phrase of one lies in an item of the other,
    unless one is nested inside a single item of the other."""
    for outer, inner in ((a, b), (b, a)):
        inside = any(it.context.start <= inner.start < it.context.end for it in outer.items)
        apart = not any(_overlap(p.phrase, q.phrase) for p in outer.items for q in inner.items)
        if len(outer.items) > 1 and inner.style != "headings" and inside and apart:
            return False  # a list inside one item of another
    return any(
        _overlap(p.phrase, q.context) or _overlap(q.phrase, p.context)
        for p in a.items
        for q in b.items
    )


# -- ordinal markers ---------------------------------------------------------


def _ordinal_lists(folded: str, doc: Outline) -> list[Enumeration]:
    tagged: list[tuple[Marker, str]] = []
    where: dict[int, tuple[Section, Paragraph | None]] = {}
    for section in doc.sections:
        if section.span is not None:
            md = _MD_PREFIX.match(section.span.text)
            skip = md.end() if md else 0  # ## 一、……
            text = section.span.text[skip:]
            for m in find_markers(text, section.span.start + skip)[:1]:
                if m.start == section.span.start + skip:
                    tagged.append((m, "heading"))
                    where[m.start] = (section, None)
        for paragraph in section.paragraphs:
            for m in find_markers(paragraph.span.text, paragraph.span.start):
                tagged.append((m, f"s{section.index}"))
                where[m.start] = (section, paragraph)
    out: list[Enumeration] = []
    every = [m for m, _group in tagged]
    for run in sequences(tagged):
        section, para = where[run[0].start]
        if para is not None:
            run = side_extended(folded, run, every, para.span.end)
        strong = [m for m in run if m.ordinal > 0]
        items = [_marker_item(folded, run, k, where) for k in range(len(run))]
        if any(it is None for it in items):
            continue
        first_para = para.index if para is not None else 0
        lead_span = _in_sentence_lead(folded, para, run[0].start) or lead(
            section, para, run[0].start
        )
        if para is None:
            lead_span = _parent_heading(doc, section) or title_span(folded, doc)
        if len(strong) >= 2:
            out.append(
                Enumeration(
                    Style.ORDINAL if para is not None else Style.HEADINGS,
                    section,
                    first_para,
                    tuple(it for it in items if it is not None),
                    lead=lead_span,
                    after=after(section, items[-1].context.end) if items[-1] else None,
                )
            )
    return out


def _parent_heading(doc: Outline, first: Section) -> Span | None:
    """The heading just above a run of headings (``二、推进……的路径`` over (一)(二)…)."""
    before = [s for s in doc.sections if s.index == first.index - 1]
    if before and naming_a_part(before[0].heading):
        return None  # 【导语】, 材料: a part of the page, not what the headings answer
    if before and before[0].span is not None and len(before[0].paragraphs) <= 1:
        return Span(before[0].heading, before[0].span.start, before[0].span.end)
    return None


def _in_sentence_lead(folded: str, para: Paragraph | None, start: int) -> Span | None:
    """``保护耕地,`` in ``保护耕地,首先要……``: the words before a mid-sentence marker."""
    if para is None:
        return None
    for s in para.sentences:
        if s.start < start < s.end and start - s.start >= 2:
            return Span(folded[s.start : start], s.start, start)
    return None


def _marker_item(
    folded: str,
    run: list[Marker],
    k: int,
    where: dict[int, tuple[Section, Paragraph | None]],
) -> Item | None:
    m = run[k]
    section, para = where[m.start]
    if para is None:
        assert section.span is not None
        body = Span(folded[m.end : section.span.end], m.end, section.span.end)
        whole = strip_end(body)
        if len(whole.text) <= _HEADING_ITEM and whole.text.strip():
            return Item(whole, section.span)
        phrase = key_phrase(folded, body)
        return Item(phrase, section.span) if phrase else None
    nxt = run[k + 1] if k + 1 < len(run) else None
    if nxt is not None and where[nxt.start][1] is para:
        end = nxt.start
    elif m.start == para.span.start:
        end = para.span.end
    else:
        end = next((s.end for s in para.sentences if s.start <= m.start < s.end), para.span.end)
        end = _sentence_end(folded, para, m.start, end)
    body = Span(folded[m.end : end], m.end, end)
    phrase = key_phrase(folded, body)
    if phrase is None:
        return None
    return Item(phrase, Span(folded[m.start : end].rstrip(), m.start, end))


def _sentence_end(folded: str, para: Paragraph, start: int, end: int) -> int:
    """A last inline item runs to the 。 that closes its sentence, not just to a ;."""
    for s in para.sentences:
        if s.start >= end and folded[end - 1 : end] == ";":
            end = s.end
            if folded[s.end - 1] not in ";":
                break
    return end


# -- parallel paragraph openers ----------------------------------------------


def _opener(para: Paragraph) -> Span | None:
    if not para.sentences:
        return None
    first = para.sentences[0]
    if len(first.text) > _STEM_OPENER_MAX or first.text.endswith("?"):
        return None
    if find_markers(first.text, 0):
        return None
    return first


def _signature(folded: str, s: Span) -> tuple[int, ...]:
    return tuple(len(c.text.rstrip(",:。!;")) for c in clauses(folded, s.start, s.end))


def _head_clause(folded: str, s: Span) -> str:
    parts = clauses(folded, s.start, s.end)
    return parts[0].text.rstrip(",:") if len(parts) >= 2 else ""


def _alike(folded: str, a: Span, b: Span) -> str:
    """How two openers are parallel: 'stem', 'head', 'prefix', 'shape', 'lone' or ''."""
    head = _head_clause(folded, a)
    short = max(len(a.text), len(b.text)) <= _OPENER_MAX
    if (
        short
        and len(head) >= 3
        and not _CONNECTIVE_HEAD.match(head)
        and head == _head_clause(folded, b)
    ):
        return "head"
    if shared_opening(a.text, b.text) >= _STEM_MIN and not _CONNECTIVE_HEAD.match(head):
        return "stem"  # 绿色低碳发展是……的内在要求。/ 绿色低碳发展是……的必然选择。
    if not short:
        return ""
    if shared_opening(a.text, b.text) >= 2 and abs(len(a.text) - len(b.text)) <= 2:
        return "prefix"
    sig, other = _signature(folded, a), _signature(folded, b)
    if (
        2 <= len(sig) <= 3
        and len(sig) == len(other)
        and all(x >= 2 and abs(x - y) <= 2 for x, y in zip(sig, other, strict=True))
    ):
        return "shape"
    if all(_lone(folded, s) for s in (a, b)):
        return "lone"  # 优化能源结构。/ 强化科技支撑。: a short lead sentence
    return ""


def _verb_led(folded: str, a: Span, b: Span) -> bool:
    """Two openers of one or two clauses, each opening on a predicate
    (``夯实基础研究,筑牢……的根基。`` / ``攻克关键核心技术,把……握在自己手中。``):
    分论点 stated as what to do."""
    for s in (a, b):
        parts = clauses(folded, s.start, s.end)
        if len(s.text) > _STEM_OPENER_MAX or len(parts) > 2 or not s.text.endswith("。"):
            return False
        if not predicate_clause(parts[0].text.rstrip(",。")):
            return False
        if len(parts) == 2 and not _goes_on(parts[1].text):
            return False
    return True


def _all_verb_led(
    folded: str, units: list[tuple[Span | None, Paragraph, Span]], i: int, j: int, how: str
) -> bool:
    """Units ``i`` to ``j`` (the one being added) all open on a predicate, where the run
    so far held by a looser likeness (shape, prefix, lone)."""
    if how not in {"shape", "lone", "prefix"}:
        return False
    first = units[i][0]
    others = [units[m][0] for m in range(i + 1, j + 1)]
    return first is not None and all(o is not None and _verb_led(folded, first, o) for o in others)


_COMMENT_OPENERS = frozenset("与和也还但而却")
_TURNS = frozenset("也还但而却")
"""Characters of a second clause that turns or adds a judgement (问题也不容忽视)."""


def _goes_on(text: str) -> bool:
    """A second clause that carries the action on (筑牢……, 把……, 让……, 以……), not a
    comment with its own subject (政府部门责无旁贷) or a turn (与……并不矛盾, 也要……)."""
    from trainer.generation.split.words import tag, tokens

    words = tokens(text)
    if not words or text[0] in _COMMENT_OPENERS:
        return False
    return bool(tag(words[0][0])) or predicate_clause(text.rstrip(",。"))


def _lone(folded: str, s: Span) -> bool:
    """A one-clause sentence of a few characters that ends with 。."""
    return (
        _LONE_MIN <= len(s.text) - 1 <= _LONE_MAX
        and s.text.endswith("。")
        and len(clauses(folded, s.start, s.end)) == 1
    )


def _starts_run(folded: str, paras: tuple[Paragraph, ...], k: int) -> bool:
    """Paragraph ``k`` opens like the one after it: it starts a run of its own, so the
    one-sentence paragraph before it is a lead-in, not a heading over it."""
    if k + 1 >= len(paras):
        return False
    a, b = _opener(paras[k]), _opener(paras[k + 1])
    if a is None or b is None:
        return False
    return bool(_alike(folded, a, b)) or (_lone_head(folded, a) and _lone(folded, b))


def _opener_units(folded: str, section: Section) -> list[tuple[Span | None, Paragraph, Span]]:
    """(opener sentence, its paragraph, context) per paragraph; an opener standing
    alone on its line takes the paragraph after it as its context."""
    units: list[tuple[Span | None, Paragraph, Span]] = []
    paras = section.paragraphs
    i = 0
    while i < len(paras):
        p = paras[i]
        first = _opener(p)
        if (
            first is not None
            and len(p.sentences) == 1
            and i + 1 < len(paras)
            and (_opener(paras[i + 1]) is None or len(paras[i + 1].sentences) > 1)
            and not _starts_run(folded, paras, i + 1)
        ):
            body = paras[i + 1]
            units.append((first, p, Span(p.span.text, p.span.start, context(body).end)))
            i += 2
            continue
        units.append((first, p, context(p)))
        i += 1
    return units


def _openers(folded: str, section: Section) -> list[Enumeration]:
    out: list[Enumeration] = []
    units = _opener_units(folded, section)
    i = taken = 0
    while i < len(units):
        first = units[i][0]
        j = i + 1
        how = ""
        while first is not None and j < len(units):
            nxt = units[j][0]
            kind = _alike(folded, first, nxt) if nxt is not None and how != "verbs" else ""
            if how == "lone" and kind and nxt is not None and _lone(folded, nxt):
                kind = how  # 电影公共服务……。/ 市场主体……。/ 电影政策……: alike as lone heads
            if not kind and nxt is not None and how in {"", "verbs"}:
                kind = "verbs" if _verb_led(folded, first, nxt) else ""
            if (not kind or (how and kind != how)) and _all_verb_led(folded, units, i, j, how):
                kind = how = "verbs"  # 壮大……/补齐……/培育……: alike in shape only in part
            if not kind or (how and kind != how):
                break
            how = how or kind
            j += 1
        alone = all(ctx.end > p.span.end for _o, p, ctx in units[i:j])
        least = 3 if how in {"shape", "lone", "verbs"} or (how == "prefix" and not alone) else 2
        if how == "lone" and any(len(p.sentences) < 2 for _o, p, _c in units[i:j]):
            least = j - i + 1  # a lead sentence has a paragraph after it
        if first is None or j - i < least:
            i += 1
            continue
        group = units[i:j]
        if how == "lone" and i > taken and _lone_head(folded, units[i - 1][0]):
            group = units[i - 1 : j]  # 设施网络不断完善,……。/ 服务水平不断提高。/ ……
        while (
            how not in {"head", "stem"}
            and len(group) > least
            and _judgement(group[-1][0])
            and not any(_judgement(o) for o, _p, _c in group[:-1])
        ):
            group = group[:-1]  # 教育是国之大计: the conclusion after the measures
        while (
            how not in {"head", "stem"}
            and len(group) > least
            and _judgement(group[0][0])
            and not any(_judgement(o) for o, _p, _c in group[1:])
        ):
            group = group[1:]  # 城乡社区是社会治理的基本单元: the thesis before the measures
        first = group[0][0]
        assert first is not None
        shared = _head_clause(folded, first) if how == "head" else ""
        stem = _stem([o.text for o, _p, _c in group if o is not None]) if how == "stem" else 0
        items = []
        for opener, _p, ctx in group:
            assert opener is not None
            phrase = opener  # a shared stem stays: 青年当有报国之志 / 青年当有过硬之能
            if shared:
                cut = clauses(folded, opener.start, opener.end)[1].start
                phrase = Span(folded[cut : opener.end], cut, opener.end)
            elif how == "verbs" or (how == "lone" and not _lone(folded, opener)):
                # the point is the opening clause: a predicate's head phrase, a lone head
                phrase = clauses(folded, opener.start, opener.end)[0]
            items.append(Item(strip_end(phrase), ctx))
        head = group[0][1]
        out.append(
            Enumeration(
                Style.PARAGRAPHS if how == "verbs" else Style.OPENERS,
                section,
                head.index,
                tuple(items),
                lead=lead(section, head, head.span.start),
                after=after(section, items[-1].context.end),
                shared=shared or (first.text[:stem] if stem else ""),
            )
        )
        i = taken = j
    return out


def _lone_head(folded: str, opener: Span | None) -> bool:
    """An opener of two clauses whose first reads as a lone head sentence
    (``设施网络不断完善,数量已达到一百二十家。``): the first of a run of lone heads,
    written with its elaboration in the same sentence."""
    if opener is None or _judgement(opener):
        return False
    parts = clauses(folded, opener.start, opener.end)
    if len(parts) != 2 or not opener.text.endswith("。"):
        return False
    head = parts[0].text.rstrip(",")
    if any(ch in parts[1].text for ch in _TURNS):
        return False  # 成绩来之不易,问题也不容忽视: a turn between two judgements, no head
    return (
        _LONE_MIN <= len(head) <= _LONE_MAX
        and not _CONNECTIVE_HEAD.match(head)
        and not find_markers(head, 0)
        and not predicate_clause(head)
    )


_COPULA = re.compile(r"(?<![但可于还或就只总凡要若而不])是")


def _judgement(opener: Span | None) -> bool:
    """An opener that judges (``X是Y``) rather than naming a measure or a point."""
    return opener is not None and _COPULA.search(opener.text) is not None


def _stem(texts: list[str]) -> int:
    """How many opening characters parallel openers share."""
    n = min(len(t) for t in texts)
    while n and any(t[:n] != texts[0][:n] for t in texts):
        n -= 1
    return n
