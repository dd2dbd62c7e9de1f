"""Lists that other detectors build on: pivot clauses (``A让……,B让……,C让……``),
quoted 、 series (``“没人管、没书看、没人来”``), quoted names in a row and 从A到B,再到C
progressions, sentences opening on one frame (``从技术层面看……``) and 、 items built
on one pattern."""

from __future__ import annotations

import re

from trainer.generation.detect.enumtypes import Enumeration, Item, Style, after, lead
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.text import CJK, Span, clauses, shared_opening

_RATIO = 1.5
_CLAUSE_MAX = 16
_PIVOTS = "让使把将为"


def patterned(texts: list[str]) -> bool:
    """Three or more items of like length with one character at the same place
    (``收藏在……的文物、陈列在……的遗产、书写在……的文字``)."""
    lengths = [len(t) for t in texts]
    return (
        len(texts) >= 3
        and min(lengths) >= 4
        and max(lengths) - min(lengths) <= 2
        and any(len({t[k] for t in texts}) == 1 for k in range(1, 4))
    )


_QUOTED = re.compile(r"“([^“”、,。]{2,6}(?:、[^“”、,。]{2,6}){2,5})”")


def _quoted(
    folded: str, section: Section, para: Paragraph, sent: Span, items: list[Span], a: int, b: int
) -> Enumeration:
    """A quoted list whose text runs from ``a`` to ``b`` in ``sent``."""
    return Enumeration(
        Style.QUOTED,
        section,
        para.index,
        tuple(Item(s, s) for s in items),
        lead=Span(folded[sent.start : a], sent.start, a),
        after=Span(folded[b : sent.end], b, sent.end),
    )


def quoted_lists(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    """``“引不来、留不住、用不好”``: a quoted 、 series of three or more short items; and
    a quoted model of three or more parts joined by + (``“政府补贴+个人缴费+慈善捐助”``)."""
    out: list[Enumeration] = []
    for pattern, sep in ((_QUOTED, "、"), (_PLUSSED, "+")):
        for m in pattern.finditer(sent.text):
            pos = sent.start + m.start(1)
            items = []
            for part in m.group(1).split(sep):
                items.append(Span(part, pos, pos + len(part)))
                pos += len(part) + 1
            lengths = [len(s.text) for s in items]
            spread = (
                max(lengths) - min(lengths) > 2 if sep == "、" else max(lengths) > 2 * min(lengths)
            )
            if spread or not all(CJK.match(s.text) for s in items):
                continue
            start = sent.start + m.start()
            out.append(_quoted(folded, section, para, sent, items, start, start + len(m.group())))
    return out


_PLUSSED = re.compile(r"“([^“”、,。+]{2,8}(?:\+[^“”、,。+]{2,8}){2,5})”")
"""A quoted model of parts joined by + (``“全民缴费+财政补贴+社会捐助”``)."""


_ADJACENT = re.compile(r"(?:“[^“”,。、;]{2,10}”(?:、|和|与)?){3,6}")
_ONE_QUOTE = re.compile(r"“([^“”]+)”")
_PROGRESSION = re.compile(
    r"从“?([^“”,。;]{2,10}?)”?到“?([^“”,。;]{2,10}?)”?,再到“?([^“”,。;]{2,10}?)”?(?=[,。;]|$)"
)


def quoted_runs(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    """Three or more quoted names in a row (``“健身去哪儿”“健身怎么练”“健身谁来教”等问题``),
    and a progression ``从A到B,再到C`` (``从“能生成”到“可识别”,再到“可追溯”``)."""
    found: list[tuple[int, int, list[Span]]] = []
    for m in _ADJACENT.finditer(sent.text):
        base = sent.start + m.start()
        items = [
            Span(q.group(1), base + q.start(1), base + q.end(1))
            for q in _ONE_QUOTE.finditer(m.group())
        ]
        found.append((m.start(), m.end(), items))
    for m in _PROGRESSION.finditer(sent.text):
        items = [
            Span(m.group(k), sent.start + m.start(k), sent.start + m.end(k)) for k in (1, 2, 3)
        ]
        found.append((m.start(), m.end(), items))
    out: list[Enumeration] = []
    for start, end, items in found:
        lengths = [len(s.text) for s in items]
        if max(lengths) > 2 * min(lengths) + 1 or not all(CJK.search(s.text) for s in items):
            continue
        out.append(
            _quoted(folded, section, para, sent, items, sent.start + start, sent.start + end)
        )
    return out


CORRELATIVE = re.compile(r"^(?:既|也|又|还|更|同时|而且|并且|这)?(要|需要|应|靠|是)")
"""A correlative opener (既要, 也要, 还要, 同时要): what parallel clauses may share."""


def clause_run(
    folded: str,
    section: Section,
    para: Paragraph,
    sent: Span,
    spans: list[Span],
    shared: str = "",
    opens_at: int | None = None,
) -> Enumeration:
    """A run of like clauses of ``sent`` as one parallel list. Its lead-in is what the
    sentence says before the run (before ``opens_at``, else its first clause), unless
    that is nothing but punctuation or only a correlative (既要): then the sentence
    before it."""
    at = spans[0].start if opens_at is None else opens_at
    before = Span(folded[sent.start : at], sent.start, at)
    spans = _without_shares(spans)
    said = before.text.strip(" ,:;")
    return Enumeration(
        Style.PARALLEL,
        section,
        para.index,
        tuple(Item(sp, sp) for sp in spans),
        lead=before
        if said and not CORRELATIVE.fullmatch(said)
        else lead(section, para, sent.start),
        shared=shared,
    )


_SHARE = re.compile(r"^(?:即|其中)?[0-9.]+(?:%|成)(?:左右|以上|以下|多)?的")
"""A share opening a clause (``即90%左右的``, ``7%的``): how many, not what."""
_SUBJECT_MIN = 2


def _without_shares(spans: list[Span]) -> list[Span]:
    """``即90%左右的老年人居家养老,7%的老年人依托社区支持养老,3%的老年人入住机构
    养老`` -> ``居家养老``, ``依托社区支持养老``, ``入住机构养老``: a breakdown by
    shares of one subject lists what each share does; the share and the subject every
    clause repeats are no part of the point."""
    shares = [_SHARE.match(sp.text) for sp in spans]
    if not all(shares):
        return spans
    rests = [sp.text[m.end() :] for sp, m in zip(spans, shares, strict=True) if m]
    n = shared_opening(*rests)
    if n < _SUBJECT_MIN or any(len(r) - n < 2 for r in rests):
        return spans
    out = []
    for sp, m in zip(spans, shares, strict=True):
        cut = (m.end() if m else 0) + n
        out.append(Span(sp.text[cut:], sp.start + cut, sp.end))
    return out


def pivot_clauses(
    folded: str,
    section: Section,
    para: Paragraph,
    sent: Span,
    parts: list[Span],
    texts: list[str],
) -> list[Enumeration]:
    """``虚拟现实让观众……,三维扫描让文物……,短视频让技艺……``: three or more clauses
    of like length with the same pivot word (让/使/把…) a few characters in."""
    out: list[Enumeration] = []
    i = 0
    while i < len(parts):
        pivot = _pivot(texts[i])
        j = i + 1
        while pivot and j < len(parts) and _pivot(texts[j]) == pivot:
            j += 1
        lengths = [len(t) for t in texts[i:j]]
        if (
            j - i >= 3
            and min(lengths) >= 6
            and max(lengths) <= _CLAUSE_MAX
            and max(lengths) <= _RATIO * min(lengths)
        ):
            spans = [
                Span(texts[k], parts[k].start, parts[k].start + len(texts[k])) for k in range(i, j)
            ]
            out.append(clause_run(folded, section, para, sent, spans, pivot, parts[i].start))
            i = j
        else:
            i += 1
    return out


_SUFFIX_MIN = 2
_SUFFIX_RATIO = 1.3
_COMPLEMENTS = ("起来", "下去", "出来", "进来", "上来", "过来")
"""Verb complements a run of clauses may end on without naming a shared category."""
_SUFFIX_CLAUSE = (4, 20)


def suffix_clauses(
    folded: str,
    section: Section,
    para: Paragraph,
    sent: Span,
    parts: list[Span],
    texts: list[str],
) -> list[Enumeration]:
    """``胸怀祖国、服务人民的爱国精神,勇攀高峰、敢为人先的创新精神,追求真理、严谨治学的
    求实精神``: three or more clauses in a row ending on one word of two or more
    characters, of like length, each different before it."""
    out: list[Enumeration] = []
    i = 0
    while i < len(parts):
        j = i + 1
        while j < len(parts) and _shared_end(texts[i], texts[j]) >= _SUFFIX_MIN:
            j += 1
        run = texts[i:j]
        first = parts[i].start
        if j - i >= 3 and len(run[0]) > max(len(t) for t in run[1:]) + 2:
            # 将其概括为胸怀祖国、服务人民的爱国精神: the lead-in before the first item
            keep = max(len(t) for t in run[1:])
            first += len(run[0]) - keep
            run = [run[0][-keep:], *run[1:]]
        lengths = [len(t) for t in run]
        ends = min((_shared_end(run[0], t) for t in run[1:]), default=0)
        if (
            j - i >= 3
            and min(lengths) >= _SUFFIX_CLAUSE[0]
            and max(lengths) <= _SUFFIX_CLAUSE[1]
            and max(lengths) <= _SUFFIX_RATIO * min(lengths)
            and all(len(t) - ends >= 2 for t in run)
            and len(set(run)) == len(run)
            and not run[0].endswith(_COMPLEMENTS)
            and not all("是" in t for t in run)  # 时代是出卷人,我们是答卷人: a 金句
        ):
            spans = [Span(run[0], first, first + len(run[0]))]
            spans += [
                Span(texts[k], parts[k].start, parts[k].start + len(texts[k]))
                for k in range(i + 1, j)
            ]
            out.append(clause_run(folded, section, para, sent, spans, opens_at=parts[i].start))
            i = j
        else:
            i += 1
    return out


def _shared_end(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n] and CJK.match(a[-1 - n]):
        n += 1
    return n


def _pivot(text: str) -> str:
    """The pivot word of a clause: the first of 让/使/把… at characters 2 to 5."""
    for k in range(2, min(6, len(text) - 2)):
        if text[k] in _PIVOTS:
            return text[k]
    return ""


_COLON_LEAD = re.compile(
    r"(?:问题|短板|挑战|困境|难点|原因|因素|表现|乱象|风险|隐患|弊端|特点|优势|成效)"
    r"(?:主要有|主要表现为|如下|包括)?$"
)
_COLON_ITEM = (4, 24)


def colon_lists(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    """``还存在一些短板:A,B,C,D。``: after a lead-in that ends in a category word and a
    colon, three or more comma clauses are the items."""
    at = sent.text.find(":")
    if at < 4 or not _COLON_LEAD.search(sent.text[:at]):
        return []
    start = sent.start + at + 1
    parts = [c for c in clauses(folded, start, sent.end)]
    items = []
    for c in parts:
        text = c.text.rstrip(",;。!?")
        items.append(Span(text, c.start, c.start + len(text)))
    lengths = [len(s.text) for s in items]
    if len(items) < 3 or min(lengths) < _COLON_ITEM[0] or max(lengths) > _COLON_ITEM[1]:
        return []
    return [
        Enumeration(
            Style.COLON,
            section,
            para.index,
            tuple(Item(s, s) for s in items),
            lead=Span(folded[sent.start : start - 1], sent.start, start - 1),
            after=after(section, sent.end),
        )
    ]


_FRAME_MIN, _FRAME_MAX = 4, 9


def _frame(head: str) -> tuple[str, str, int] | None:
    """(first character, last two, length) of a short opening clause."""
    if not _FRAME_MIN <= len(head) <= _FRAME_MAX or not all(CJK.match(ch) for ch in head):
        return None
    return head[0], head[-2:], len(head)


def framed_openers(folded: str, section: Section, para: Paragraph) -> list[Enumeration]:
    """Three or more sentences in a row opening with a short clause built on one frame
    (``从技术层面看,…… 从平台层面看,…… 从用户层面看,……``): same first character,
    same last two, the middle different, lengths within two."""
    heads: list[tuple[Span, Span] | None] = []
    for s in para.sentences:
        parts = clauses(folded, s.start, s.end)
        text = parts[0].text.rstrip(",:") if len(parts) >= 2 else ""
        if s.text.endswith(";"):
            text = ""  # ;-joined parts are a semicolon list's, whose items say more
        heads.append((Span(text, parts[0].start, parts[0].start + len(text)), s) if text else None)
    out: list[Enumeration] = []
    i = 0
    while i < len(heads):
        first = heads[i]
        frame = _frame(first[0].text) if first is not None else None
        j = i + 1
        while frame is not None and j < len(heads):
            nxt = heads[j]
            other = _frame(nxt[0].text) if nxt is not None else None
            if other is None or other[:2] != frame[:2] or abs(other[2] - frame[2]) > 2:
                break
            j += 1
        group = [h for h in heads[i:j] if h is not None]
        if frame is not None and len(group) >= 3 and len({h[0].text for h in group}) == len(group):
            out.append(
                Enumeration(
                    Style.FRAMED,
                    section,
                    para.index,
                    tuple(Item(h, s) for h, s in group),
                    lead=lead(section, para, group[0][1].start),
                    after=after(section, group[-1][1].end),
                )
            )
            i = j
        else:
            i += 1
    return out
