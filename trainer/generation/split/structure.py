"""Title, sections and paragraphs of an article, with offsets.

Headings are recognised by the forms 申论 material uses: ``热点背景:`` (a short
line ending in a colon), ``评论一:……``, a question line (``怎样看待……?``),
``【……】``, ``(一)……``/``一、……``/``1.……`` outline lines, lead labels such as
``编者按:`` and other short lines without sentence punctuation. Text before the
first heading is section 0 with no heading (the lead, or the whole body of a
人民时评 piece that has no headings at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.generation.read.boilerplate import content_lines
from trainer.generation.read.reader import NOTE_MARKS, is_series_label
from trainer.generation.text import Span, bare, cjk_count, sentences

_COMMENT = re.compile(
    r"^(?:评论|观点|材料|案例|话题|专题|角度|评析|分论点|论点|点评|视角|声音|观察)"
    r"[一二三四五六七八九十\d]{1,3}\s*[:、.]"
)
_OUTLINE = re.compile(
    r"^(?:[(][一二三四五六七八九十]{1,3}[)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d)|"
    r"第[一二三四五六七八九十]{1,3}[章节部分篇])"
)
_LEAD = re.compile(
    r"^[【\[]?(编者按|编者的话|导语|导读|核心阅读|核心提示|内容提要|摘要)[】\]]?\s*[:]?"
)
_QUESTION = re.compile(r"^(?:问题|题目|试题|设问|作答要求)[一二三四五六七八九十\d]{0,2}\s*:")
_BRACKET = re.compile(r"^【([^】]{1,30})】")
MATERIAL_LABEL = re.compile(
    r"^[【\[]?(?:给定)?(?:材料|资料)\s*[一二三四五六七八九十\d]{1,3}[】\]]?\s*$"
)
"""A material's label on a line of its own (材料3, 【材料三】): a heading."""
_MATERIAL = MATERIAL_LABEL
_SENTENCE_MARKS = "。!?;,"
_TITLED_LABEL = 30
"""A 【label】 followed on its line by at most this many characters and no sentence
end is a heading with its title (【分论点一】坚持党建引领,凝聚合力)."""
_OUTLINE_MAX = 40
"""The longest numbered line (一、……) read as a heading (a 范文's 分论点 can be long)."""
_MARKDOWN = re.compile(r"^#{1,6}\s+")
_SAYINGS = re.compile(r"金句|名言|佳句|语录|妙语|警句|素材积累")
"""A section of sayings: its numbered lines are sayings, never headings."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    """1-based within its section."""
    span: Span
    sentences: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Section:
    index: int
    """0 for the text before the first heading."""
    heading: str
    span: Span | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Outline:
    title: str
    sections: tuple[Section, ...]


_LABELLED_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,5}:[^:“”\"、]{4,}$")
_LABELLED_MAX = 40


def heading_of(line: str, next_line: str | None, *, plain: bool = True) -> tuple[str, int] | None:
    """(heading text, length of the line it covers) if ``line`` opens a section.

    Without ``plain``, only a line marked as a heading (numbered, bracketed, a label
    with a colon, a question) is one, not a short line merely standing above a long
    one (:func:`_plain_heading`)."""
    text = line.strip()
    n = len(text)
    if text.startswith(("—", "-", "──")):
        return None  # ——某某: the attribution closing a quotation, never a heading
    if _MATERIAL.match(text):
        return bare(text.strip("【】[]")), n
    md = _MARKDOWN.match(text)
    if md:
        return bare(text[md.end() :]), n
    lead = _LEAD.match(text)
    if lead:
        return lead.group(1), lead.end()
    bracket = _BRACKET.match(text)
    if bracket:
        rest = text[bracket.end() :].strip()
        if rest and len(rest) <= _TITLED_LABEL and not any(m in rest for m in "。!?;"):
            # 【分论点一】坚持党建引领,凝聚合力 -> 分论点一:坚持党建引领,凝聚合力
            return f"{bracket.group(1).strip()}:{bare(rest)}", n
        return bracket.group(1).strip(), bracket.end()
    if (_COMMENT.match(text) or _QUESTION.match(text)) and n <= 80:
        return text.rstrip(":"), n
    if text.endswith(":") and n <= 24 and not any(m in text for m in "。,"):
        # 问题表现: is a label; 主要有以下几点: after a clause is the sentence leading in
        return text.rstrip(":"), n
    if text.endswith("?") and n <= 40 and not any(m in text[:-1] for m in "。!?;"):
        return text, n
    if (
        _OUTLINE.match(text)
        and n <= _OUTLINE_MAX
        and not any(m in text[:-1] for m in "。!?;")
        and not text.endswith(";")
        and not (text.endswith("。") and (next_line is None or _opens_part(next_line)))
    ):
        # ``1.……。`` lines one after another are a numbered list, not headings (the
        # last one too, when a heading follows it); a line ending on ``;`` is an item
        # of one, never a heading.
        return bare(text), n
    if plain and _plain_heading(text, next_line):
        return text, n
    return None


def _plain_heading(text: str, next_line: str | None) -> bool:
    """A short line with no sentence mark standing above a much longer one: a heading
    when others like it divide the article (:func:`_lone_plain_heading`)."""
    n = len(text)
    return (
        n <= 20
        and not any(m in text for m in _SENTENCE_MARKS)
        and next_line is not None
        and len(next_line) > 2 * n
    )


def _lone_plain_heading(lines: list[Span], run_in: dict[int, tuple[str, int]]) -> int | None:
    """The index of the article's only heading, if that is an unmarked short line
    above a long one: sections come at least two to an article, so a single such
    line is a byline (余谓之), a kicker or a caption. Beside marked headings, run-in
    heads (``run_in``) included, it is one more part (结语)."""
    marked = plain = 0
    found = None
    for i, line in enumerate(lines):
        if i in run_in or heading_of(line.text, _next(lines, i), plain=False) is not None:
            marked += 1
        elif _plain_heading(line.text.strip(), _next(lines, i)):
            plain += 1
            found = i
    return found if plain == 1 and not marked else None


def _opens_part(line: str) -> bool:
    """``line`` is numbered or marked as a heading (## 二、……, 【……】, 材料2): the line
    before it closes what it follows, it does not open a part of its own."""
    text = line.strip()
    return any(p.match(text) for p in (_OUTLINE, _MARKDOWN, _BRACKET, _MATERIAL))


def _title_shaped(text: str) -> bool:
    return 4 <= len(text) <= 60 and not any(m in text for m in "。;!?")


_CHAPTER = re.compile(
    r"^(?:[(][一二三四五六七八九十]{1,3}[)]|[一二三四五六七八九十]{1,3}、|"
    r"第[一二三四五六七八九十]{1,3}[章节部分篇][、:\s]?)\s*"
)
"""A chapter's ordinal before a heading (四、, (二), 第三章)."""


def _unnumbered(title: str) -> str:
    """A chapter heading that stands as the title without its ordinal (``四、脱贫攻坚``
    -> ``脱贫攻坚``): the ordinal places it in a book or report, it does not name it."""
    rest = _CHAPTER.sub("", title, count=1)
    return rest if cjk_count(rest) >= 2 else title


def outline(folded: str, title: str = "") -> Outline:
    """Split the folded article text into title, sections and paragraphs."""
    lines = content_lines(folded)
    if not title and lines:
        first = lines[0].text
        if _MATERIAL.match(first):
            title = bare(first.strip("【】[]"))  # an untitled material: named and a section
        elif len(first) <= 60 and not first.endswith(("。", ";", ",", ":")) and "。" not in first:
            # A line closing on a colon or holding a full stop leads into the text
            # (某学者发表文章,……。该文章摘录如下:): a sentence, never a title.
            if len(lines) > 1 and is_series_label(first) and _title_shaped(lines[1].text):
                # A series' name above the article's own title (探究性专题(某报专辑)).
                first, lines = lines[1].text, lines[1:]
            title = _unnumbered(bare(_MARKDOWN.sub("", first)))
            lines = lines[1:]
    elif lines:
        # The title's own line, first or under a kicker (引题) of one or two lines.
        from trainer.generation.read.reader import without_series_prefix

        def named(text: str) -> str:
            # The headline as a page prints it may carry its column (……（评论员观察）),
            # the text's own a note mark (一体推进……※).
            text = _MARKDOWN.sub("", text).strip().rstrip(NOTE_MARKS)
            return bare(without_series_prefix(text))

        own = [i for i, ln in enumerate(lines[:3]) if named(ln.text) == named(title)]
        if own:
            lines = lines[: own[0]] + lines[own[0] + 1 :]
    sections: list[Section] = []
    heading = ""
    heading_span: Span | None = None
    paragraphs: list[Paragraph] = []

    def close() -> None:
        if heading or paragraphs:
            sections.append(Section(len(sections), heading, heading_span, tuple(paragraphs)))

    run_in = _run_in_heads(lines) | _parallel_heads(lines) | _labelled_heads(lines)
    lone = _lone_plain_heading(lines, run_in)

    def found_at(i: int) -> tuple[str, int] | None:
        return heading_of(lines[i].text, _next(lines, i), plain=i != lone)

    if lines and found_at(0) is not None:
        sections.append(Section(0, "", None, ()))
    lead_open = False
    for i, line in enumerate(lines):
        found = run_in.get(i) or found_at(i)
        if (
            found is not None
            and _SAYINGS.search(heading)
            and _OUTLINE.match(line.text)
            and not _same_ordinal(heading, line.text)
        ):
            found = None
        body: Span | None = line
        if found is not None:
            close()
            heading, covered = found
            heading_span = Span(line.text[:covered], line.start, line.start + covered)
            paragraphs = []
            rest = line.text[covered:]
            offset = len(rest) - len(rest.lstrip())
            body = (
                Span(rest.strip(), line.start + covered + offset, line.end)
                if rest.strip()
                else None
            )
            lead_open = _LEAD.match(line.text.strip()) is not None
        elif lead_open and paragraphs:
            # An editor's lead is one paragraph; the body after it has no heading.
            close()
            heading, heading_span, paragraphs = "", None, []
            lead_open = False
        if body is not None:
            sents = tuple(sentences(folded, body.start, body.end))
            paragraphs.append(Paragraph(len(paragraphs) + 1, body, sents))
    close()
    if not sections:
        sections.append(Section(0, "", None, ()))
    return Outline(title, tuple(sections))


_RUN_IN = re.compile(r"^([(][一二三四五六七八九十]{1,3}[)])\s*([^,;:。!?]{2,24})。")
_RUN_IN_MIN = 3
_RUN_IN_NUMBERS = "一二三四五六七八九十"


def _run_in_heads(lines: list[Span]) -> dict[int, tuple[str, int]]:
    """Run-in headings: paragraphs opening ``(一)坚持和加强党中央集中统一领导。`` then
    their body, three or more numbered in turn (a report's or a document's layout,
    where print sets the head in bold). Each head is its section's heading, verbatim
    with its number; a lone ``(一)……。`` or an out-of-turn one stays a paragraph."""
    found = [(i, m) for i, ln in enumerate(lines) if (m := _RUN_IN.match(ln.text.strip()))]
    heads: dict[int, tuple[str, int]] = {}
    run: list[tuple[int, re.Match[str]]] = []

    def flush() -> None:
        if len(run) >= _RUN_IN_MIN:
            for i, m in run:
                line = lines[i].text
                lead = len(line) - len(line.lstrip())
                heads[i] = (m.group(1) + m.group(2), lead + m.end())
        run.clear()

    for i, m in found:
        number = m.group(1)[1:-1]
        expected = _RUN_IN_NUMBERS[len(run)] if len(run) < len(_RUN_IN_NUMBERS) else ""
        if number != expected:
            flush()
            if number != "一":
                continue
        if len(lines[i].text.strip()) <= m.end() + 10:
            flush()
            continue  # a head with no body of its own: a list's item, not a run-in head
        run.append((i, m))
    flush()
    return heads


_PARALLEL_MAX = 40
_PARALLEL_MIN = 3
_SHARED_END = 4
_SHARED_START = 2


def _labelled_heads(lines: list[Span]) -> dict[int, tuple[str, int]]:
    """A feature's subheads: a short label and what the part finds (``挖病根:说话没人听,
    干事没人跟,背后是……``), no sentence of its own, prose after it; two or more of them
    in one text (one such line alone is a labelled remark: ``困境:回收价格低,……``)."""
    found = [
        i
        for i, ln in enumerate(lines)
        if _LABELLED_HEAD.match(ln.text.strip())
        and len(ln.text.strip()) <= _LABELLED_MAX
        and not any(m in ln.text for m in "。!?;")
        and i + 1 < len(lines)
        and any(m in lines[i + 1].text for m in "。!?")
        and heading_of(ln.text, lines[i + 1].text) is None
    ]
    if len(found) < 2:
        return {}
    return {i: (lines[i].text.strip(), len(lines[i].text)) for i in found}


def _parallel_heads(lines: list[Span]) -> dict[int, tuple[str, int]]:
    """Unmarked headings: lines that are no sentence (no stop or comma, at most
    ``_PARALLEL_MAX`` characters), each over a paragraph more than twice its length,
    three or more framed alike (a shared ending of four characters or opening of two:
    从……看某某的重要地位). A theory article sets them in bold; as plain text they are
    lines like any other, and the frame is what marks them."""
    found = [
        i
        for i, ln in enumerate(lines)
        if len(ln.text.strip()) <= _PARALLEL_MAX
        and not any(m in ln.text for m in _SENTENCE_MARKS + ":")
        and i + 1 < len(lines)
        and len(lines[i + 1].text) > 2 * len(ln.text.strip())
        and heading_of(ln.text, lines[i + 1].text) is None
    ]
    texts = [lines[i].text.strip() for i in found]
    groups: dict[str, list[int]] = {}
    for i, text in zip(found, texts, strict=True):
        groups.setdefault("$" + text[-_SHARED_END:], []).append(i)
        groups.setdefault("^" + text[:_SHARED_START], []).append(i)
    heads: dict[int, tuple[str, int]] = {}
    for members in groups.values():
        if len(members) >= _PARALLEL_MIN:
            for i in members:
                text = lines[i].text
                heads[i] = (text.strip(), len(text))
    return heads


def _ordinal_style(line: str) -> str:
    m = _OUTLINE.match(line)
    if m is None:
        return ""
    mark = m.group()
    return mark[0] if mark[0] in "(第" else ("digit" if mark[0].isdigit() else mark[-1])


def _same_ordinal(heading: str, line: str) -> bool:
    """``line`` is numbered like the sayings section's own heading (``五、典型素材``
    after ``四、金句积累``): the next section, not a saying."""
    style = _ordinal_style(heading)
    return bool(style) and style == _ordinal_style(line) and len(line) <= 20


def _next(lines: list[Span], i: int) -> str | None:
    return lines[i + 1].text if i + 1 < len(lines) else None
