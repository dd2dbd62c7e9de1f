"""Headings that together are the article's points, when they carry no numbers.

``#### 促流通—— / #### 保权益—— / #### 强主体——``, ``【……】`` or Markdown headings
of one layout: three or more sibling headings of the same form are one list (the
分论点 of the article). A heading with no text of its own right above another
heading is a kicker (引题); kickers of one form are the list, and the headings they
introduce are not a second one. Numbered headings are the ordinal detector's; lines
that name a part of a document (背景, 问题表现, 对策建议, 金句积累), carry a label
before a colon (乱象:……) or ask a question are not points."""

from __future__ import annotations

import re

from trainer.generation.detect.enumtypes import Enumeration, Item, Style
from trainer.generation.detect.markers import find_markers
from trainer.generation.split.structure import Outline, Section
from trainer.generation.text import Span, bare

_RUN_MIN = 3
_RUN_MAX = 15
"""More sibling headings than a student could list (a study note's 61 topics) are
the note's contents, not the points of one argument."""
_ITEM_MIN, _ITEM_MAX = 3, 24
_MARKDOWN = re.compile(r"^(#{1,6})\s")
_PART = re.compile(
    r"(?:背景|概述|链接|材料|现状|表现|分析|原因|问题|对策|建议|措施|成效|做法|经验|启示|"
    r"积累|摘编|摘录|声音|素材|金句|名言|警句|语录|导读|导语|结语|总结|小结|参考|答案|要点|"
    r"解析|题目|要求|附录|文章|路径|困境|挑战)$"
)
_LABEL = re.compile(r"^(?:评论|观点|材料|案例|话题|专题|角度|分论点|论点|点评|视角)")
_POINT_LABEL = re.compile(r"^(?:分论点|论点)[一二三四五六七八九十\d]{1,2}\s*:\s*(\S.{1,30})$")
"""A heading that labels one of the article's 分论点 and states it."""


def _form(section: Section, kicker: bool) -> str | None:
    """The layout of a heading line (``md4``, ``bracket``, with ``-dash`` and
    ``-kicker`` marks), or None when it is no candidate point."""
    if section.span is None:
        return None
    line = section.span.text.strip()
    if _POINT_LABEL.match(section.heading):
        return "points"  # 【分论点一】……/分论点二:……: the article names its 分论点
    md = _MARKDOWN.match(line)
    if md:
        form = f"md{len(md.group(1))}"
    elif line.startswith("【"):
        form = "bracket"
    else:
        return None
    head = section.heading.strip()
    if not _ITEM_MIN <= len(head) <= _ITEM_MAX or find_markers(head, 0):
        return None
    if ":" in head or head.endswith("?") or _PART.search(head) or _LABEL.match(head):
        return None
    if line.rstrip("*# ").endswith("——"):
        form += "-dash"
    return form + ("-kicker" if kicker else "")


def heading_runs(folded: str, doc: Outline) -> list[Enumeration]:
    """Three or more headings of one form (and no numbers), as one list."""
    sections = list(doc.sections)
    forms: list[str | None] = []
    for k, sec in enumerate(sections):
        nxt = sections[k + 1] if k + 1 < len(sections) else None
        kicker = not sec.paragraphs and nxt is not None and nxt.span is not None
        forms.append(_form(sec, kicker))
    groups: dict[str, list[Section]] = {}
    for sec, form in zip(sections, forms, strict=True):
        if form is not None:
            groups.setdefault(form, []).append(sec)
    introduced = {
        id(sections[k + 1])
        for k, form in enumerate(forms)
        if form is not None and form.endswith("-kicker") and len(groups[form]) >= _RUN_MIN
    }
    out: list[Enumeration] = []
    for group in groups.values():
        members = [s for s in group if id(s) not in introduced]
        least = 2 if members and _POINT_LABEL.match(members[0].heading) else _RUN_MIN
        if not least <= len(members) <= _RUN_MAX or len(members) < len(group):
            continue
        items = []
        for sec in members:
            assert sec.span is not None
            labelled = _POINT_LABEL.match(sec.heading)
            text = labelled.group(1) if labelled else sec.heading
            at = folded.find(text, sec.span.start, sec.span.end)
            if at < 0:
                break
            items.append(Item(Span(text, at, at + len(text)), sec.span))
        else:
            out.append(
                Enumeration(
                    Style.HEADINGS, members[0], 0, tuple(items), lead=title_span(folded, doc)
                )
            )
    return out


_HEAD_POINT = re.compile(r"^\s*([^,;:。!?]{2,12})。")
"""An answer point's head: its first sentence, short and whole (人才匮乏。……)."""


def answer_runs(folded: str, doc: Outline) -> list[Enumeration]:
    """A worked exam question's answer: two or more sections under an answer label
    (【要点】, 【参考答案】) each opening with a short head sentence (``【要点】人才
    匮乏。人才数量缺口大;……``) are one list of those heads, asked as the question the
    text sets (``请概括……面临的主要问题``). Material and commentary (【解析】) stand
    between them; the heads are what a marking scheme gives marks for."""
    from trainer.generation.lexicon import kind_words

    labels = set(kind_words("note_labels", "answer"))
    members: list[tuple[Section, Span]] = []
    for sec in doc.sections:
        if bare(sec.heading) not in labels or not sec.paragraphs:
            continue
        first = sec.paragraphs[0].span
        head = _HEAD_POINT.match(first.text)
        if head is not None and not find_markers(head.group(1), 0):
            at = first.start + head.start(1)
            members.append((sec, Span(head.group(1), at, at + len(head.group(1)))))
    if len(members) < 2:
        return []
    items = tuple(Item(phrase, sec.paragraphs[0].span) for sec, phrase in members)
    question = _question(folded, kind_words("note_labels", "asks"), items[0].phrase.start)
    return [Enumeration(Style.HEADINGS, members[0][0], 0, items, lead=question)]


def _question(folded: str, asks: tuple[str, ...], before: int) -> Span | None:
    """The last question set before ``before`` (``请概括……主要问题。``), as a sentence
    without the instruction that opens it (``……主要问题``: the list's subject)."""
    found: Span | None = None
    longest_first = sorted(asks, key=len, reverse=True)
    for m in re.finditer(r"[^。?!\n]+[。?!]?", folded[:before]):
        text = m.group().lstrip()
        ask = next((a for a in longest_first if text.startswith(a)), "")
        if ask:
            start = m.end() - len(text) + len(ask)
            found = Span(folded[start : m.end()], start, m.end())
    return found


def naming_a_part(heading: str) -> bool:
    """A heading that names a part of a page (导语, 问题表现, 金句积累), not a point."""
    head = bare(heading)
    if _OBLIGES.match(_ORDINAL.sub("", head)):
        return False  # 必须以苦练内功来应对外部挑战: a claim, though it ends on 挑战
    return bool(head) and (_PART.search(head) is not None or _LABEL.match(head) is not None)


_OBLIGES = re.compile(r"^(?:必须|务必|应当|一定要)")
"""A heading opening with an obligation states a point (a 分论点), never names a part."""
_ORDINAL = re.compile(
    r"^(?:[(][一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十\d]{1,3}[、.]|"
    r"[一二三四五六七八九十]{1,3}\s+)\s*"
)


def title_span(folded: str, doc: Outline) -> Span | None:
    """The article's title where the text states it: the claim its headings argue."""
    title = doc.title.strip()
    at = folded.find(title) if title else -1
    return Span(title, at, at + len(title)) if at >= 0 else None
