"""Reading an article file: bytes to text, whatever the encoding or format.

``.txt`` and ``.md`` are read as text; ``.html``/``.htm`` go through trafilatura
for the main text (imported only then); a file holding a JSON article record
(scraped collections keep articles so) gives its title and text fields. ``-`` reads standard input. Encodings:
UTF-8 with or without BOM first, then GB18030/GBK and Big5 as detected by
charset-normalizer. The text is kept as read (the generator folds full-width
forms for matching only); bad input raises InputError with a one-line reason.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from trainer.domain.errors import InputError
from trainer.domain.files import decode_text, read_bounded
from trainer.domain.model import Article
from trainer.generation.read.boilerplate import is_noise
from trainer.generation.read.sql_dump import looks_sql_dump
from trainer.generation.read.unwrap import unwrap
from trainer.generation.text import cjk_count

MAX_BYTES = 2 * 1024 * 1024
"""Refuse files larger than this (2 MB): a 申论 article is a few kilobytes, and
refusing at once beats minutes of work on something that is not an article."""

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MD_SUFFIXES = {".md", ".markdown"}
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])")
_MD_LINE = re.compile(r"^[ \t]*(?:>[ \t]?)+|^[ \t]*[-*+][ \t]+(?=\S)", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^)\[\n]*\)")


def read_article(path_or_dash: str) -> Article:
    """Read ``path_or_dash`` (``-`` for stdin) into an Article; raise InputError."""
    where = "<stdin>" if path_or_dash == "-" else path_or_dash
    data = _read_bytes(path_or_dash, where)
    text = decode(data, where)
    title = ""
    feed = _feed_items(text)
    if feed:
        text, title = _feed_text(feed, text, where)
        text = join_letter_spacing(text)
    elif _looks_html(path_or_dash, text):
        text, title = _html_main_text(text, where)
        text = join_letter_spacing(text)
    elif looks_sql_dump(text):
        text, title = _sql_record(text, where)
        text = join_letter_spacing(unwrap(strip_inline_html(text)))
    else:
        text = _source_strings(text)
        record = _json_record(text, where)
        # Records under a wrapper's title (an exam paper's materials): their headings
        # are its sections, so the wrapper's title stands.
        text, title, sectioned = record or (*strip_front_matter(text), False)
        if record is not None and not sectioned:
            title = _own_title(text, title)
        text = strip_inline_html(text)
        if Path(path_or_dash).suffix.lower() in _MD_SUFFIXES or _looks_markdown(text):
            text = strip_markdown(text)
        text = join_letter_spacing(strip_drawing(text))
        text = split_flattened_paragraphs(text)
        # A PDF's text or a fixed-width file: each paragraph back on one line.
        text = unwrap(text)
        if title and not sectioned and re.search(r"^[ \t]*#{1,6}[ \t]+\S", text, re.MULTILINE):
            title = ""  # the article's own heading names it
        if not title:
            title = page_title(text)
            if title:
                text = _without_title_bar(text)
        h1 = [h for h in _H1.findall(text) if not is_noise(h)]
        if len(h1) == 1 and not text.lstrip().startswith("# "):
            # The one level-1 heading is the title, though a kicker (引题) stands above it.
            title = h1[0].strip()
    if title:
        # A record's headline field is the reposting site's; the body's 原标题 line is the
        # article's own. A text's own first line stays its title (it is as printed).
        title = original_title(text) or title
    text = without_technique_notes(text)
    check_text(text, where)
    source = "stdin" if path_or_dash == "-" else Path(path_or_dash).stem
    return Article(text=text, title=title, source=source)


NOTE_MARKS = "※*＊"
"""Marks a title carries for a note below the text (一体推进教育科技人才发展※)."""
_SPEAKER = 8
"""At most this many characters: the speaker a site files a speech under (某某：……)."""


def _own_title(text: str, title: str) -> str:
    """A record's ``title`` filed under a speaker (``某某：<title>``) when the text opens
    on that title of its own: the text's title, without the speaker."""
    head, colon, rest = title.replace("：", ":").partition(":")
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    own = first.rstrip(NOTE_MARKS).rstrip()
    if colon and 0 < len(head.strip()) <= _SPEAKER and cjk_count(own) >= 4 and rest.strip() == own:
        return own
    return title


_FRONT_MATTER = re.compile(
    r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FRONT_MATTER_UNCLOSED = re.compile(
    r"\A\ufeff?\s*---[ \t]*\r?\n"
    r"((?:[A-Za-z_][\w-]*[ \t]*:[^\n]*\r?\n)(?:(?:[A-Za-z_][\w-]*[ \t]*:|[ \t]+\S|-[ \t])[^\n]*\r?\n)*)"
    r"(?=[ \t]*(?:\r?\n|\Z))"
)
"""Front matter whose closing ``---`` is missing: ``key: value`` lines (and their indented
or ``- `` continuation lines) from the opening ``---`` up to the first blank line."""
_FM_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:", re.MULTILINE)
_FM_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_META_LINE = re.compile(
    r"^[ \t]*(?:[-*+•][ \t]+|\d{1,2}[.、][ \t]*)?(?:年份|期数|期刊|期刊链接|文章链接|原文链接|"
    r"发布日期|发布时间|日期|作者|来源|出处|栏目|分类|标签|责任编辑|编辑)[ \t]*[:：].*$\r?\n?",
    re.MULTILINE,
)
"""A metadata line (``- 年份：2026``, ``作者：某某``), bulleted or not: never content."""


def _sql_record(text: str, where: str) -> tuple[str, str]:
    from trainer.generation.read.sql_dump import article_from_sql

    found = article_from_sql(text)
    if found is None:
        raise InputError(where, "a database dump with no article text in its values")
    return found


def _source_strings(text: str) -> str:
    from trainer.generation.read.json_article import string_literals

    return string_literals(text) or text


def _json_record(text: str, where: str) -> tuple[str, str, bool] | None:
    from trainer.generation.read.json_article import article_from_json, js_data, looks_json

    if looks_json(text):
        record = article_from_json(text, where)
        if record is not None:
            return record
    data = js_data(text)  # export default {…}, var x = "…";: the value, not the wrapper
    return article_from_json(data, where) if data is not None else None


def strip_front_matter(text: str) -> tuple[str, str]:
    """A leading YAML front matter block (``---`` … ``---`` of ``key: value`` lines, or
    such lines up to a blank line when the closing ``---`` is missing) out of ``text``, and its ``title:`` value ("" without one). The block's lines
    are emptied, not removed, so the article's line numbers stay those of the file."""
    m = _FRONT_MATTER.match(text) or _FRONT_MATTER_UNCLOSED.match(text)
    if m is None or not _FM_KEY.search(m.group(1)):
        return text, ""
    t = _FM_TITLE.search(m.group(1))
    title = t.group(1).strip().strip("\"'").strip() if t else ""
    blank = re.sub(r"[^\n]", "", m.group(0))
    return blank + text[m.end() :], title


@cache
def _technique_note() -> re.Pattern[str]:
    from trainer.generation.lexicon import kind_words

    names = "|".join(
        re.escape(w) for w in sorted(kind_words("scaffolding", "technique"), key=len)[::-1]
    )
    return re.compile(rf"[(（][ \t]*(?:{names})[ \t]*[)）]")


def without_technique_notes(text: str) -> str:
    """A 范文's bracketed notes on its own writing technique (``(古今对比)``,
    ``（举例论证）``: ``data/scaffolding.txt``) out of the sentences they annotate: a
    note to the student on how the essay is written, never a point to learn."""
    if "(" not in text and "（" not in text:
        return text
    return _technique_note().sub("", text)


_INDENT = re.compile(r"(?<!\u3000)\u3000{2,}+(?=\S)")
"""A Chinese paragraph's indent: two or more ideographic spaces before its first character."""


_SPACED_AFTER_SENTENCE = re.compile(r"(?:(?<=[。！？])|(?<=[。！？][”’」』)）]))[ \t]+(?=\S)")
"""Chinese prose sets no space after a sentence: in a flattened page, one there is where
the page's next element (a footer, a menu) was joined on."""


def split_flattened_paragraphs(text: str) -> str:
    """A page flattened into one line (a scraper's string, a search index's field) keeps
    each paragraph's indent, two ideographic spaces, but lost the line breaks: a line
    holding two or more such indents after its start is broken before each one, so the
    paragraphs, and the site's menus and footer around them, are lines again; so is a
    sentence end followed by a space. One indent inside a line is left alone (a heading
    may set its two halves apart so)."""

    def one(line: str) -> str:
        body = line.lstrip(" \t\u3000")
        lead = line[: len(line) - len(body)]
        if len(_INDENT.findall(body)) < 2:
            return line
        body = _INDENT.sub(lambda m: "\n" + m.group(0), body)
        return lead + _SPACED_AFTER_SENTENCE.sub("\n", body)

    return "\n".join(one(line) for line in text.split("\n"))


_PAGE_TITLE_PARTS = re.compile(r"--|——|[_|｜]")


def page_title(text: str) -> str:
    """A saved page's title bar heading its flattened text: ``标题--频道--人民网`` or
    ``标题_新华网`` as the first word of the first line, its last part a site's name
    (words of kind ``site`` in ``data/title_labels.txt``). The first part is the
    article's title; anything else is no title of the page's."""
    first = text.lstrip().split("\n", 1)[0].strip().strip("\"'“”")
    if not first:
        return ""
    parts = [p for p in _PAGE_TITLE_PARTS.split(first.split()[0]) if p]
    if len(parts) < 2 or cjk_count(parts[0]) < _TITLE_MIN or not _site_name(parts[-1]):
        return ""
    return parts[0]


def _without_title_bar(text: str) -> str:
    """``text`` without its first line, the saved page's title bar and the menus flattened
    after it, unless that line holds a sentence (a full stop): then it is the text's."""
    first, _sep, rest = text.lstrip().partition("\n")
    return text if "。" in first else rest


_ORIGINAL_TITLE = re.compile(r"^[ \t\u3000]*+原标题[ \t]*+[:：][ \t\u3000]*+(\S[^\n]*)", re.M)


def original_title(text: str) -> str:
    """The title a reposted article had where it was first printed (``原标题：……``, a
    credit line the page drops): the article's own, over the headline a reposting site
    or account gave it. Empty when the text names none."""
    m = _ORIGINAL_TITLE.search(text)
    found = m.group(1).strip(" \t\u3000") if m else ""
    return found if cjk_count(found) >= _TITLE_MIN else ""


def strip_metadata_lines(text: str) -> str:
    """Metadata lines (``年份：``, ``期数：``, ``作者：``, ``来源：``…) out of ``text``."""
    return _META_LINE.sub("\n", text)


_SPACED_CHAR = r"[\u3400-\u9fff\uff08\uff09\uff0c\uff1a\uff1b\u3001\u3002\u201c\u201d]"
_LETTER_SPACED = re.compile(rf"{_SPACED_CHAR}(?:[ \u3000]{_SPACED_CHAR}){{3,}}")


def join_letter_spacing(text: str) -> str:
    """Runs of single Chinese characters each set off by one space (``（分 论 点 一 ）
    放 下 架 子``, a PDF's letter spacing pasted as text) closed up; Chinese uses no
    spaces, and a word split letter by letter is neither a heading nor a term.
    Spaces between words (``一 必须坚持``, ``春眠 不觉晓``) stay."""
    if " " not in text and "\u3000" not in text:
        return text
    return _LETTER_SPACED.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), text)


_TREE = re.compile(r"^([ \t]*)[├└│┌┬┼┃┣┗┠┖][─━┈┄\- \t]*", re.MULTILINE)
_ARROW_LINE = re.compile(r"^[ \t]*[↓↑⇓⇑⬇⬆→⇒↘↙]+[ \t]*$", re.MULTILINE)
_BLOCK_MARK = re.compile(r"^([ \t]*)[\u2580-\u259f]+[ \t]*(?=\S)", re.MULTILINE)
"""A block element before a line's text (``▌标题``): a WeChat post's heading mark."""


def strip_drawing(text: str) -> str:
    """Outline drawing out of notes: tree branches (``├── 举例：…``) lose their
    box-drawing marks and keep their text; a line that is only an arrow (``↓``
    between the steps of an outline) becomes blank; a block mark before a heading
    (``▌``) goes. None of them belongs on a card."""
    text = _TREE.sub(lambda m: m.group(1), text)
    text = _BLOCK_MARK.sub(lambda m: m.group(1), text)
    return _ARROW_LINE.sub("", text)


_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|section|article|blockquote|tr|table)\b[^<>]{0,400}>", re.I
)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,400})?/?>")
_HTML_BLOCK_MIN = 3
_INLINE_TAG = re.compile(
    r"</?(?:font|span|mark|u|b|i|s|strong|em|sup|sub|small|big|center|ins|del)"
    r"(?:\s+[A-Za-z_:][A-Za-z0-9_:.-]{0,30}"
    r"(?:\s*=\s*(?:\"[^\"<>\n]{0,200}\"|'[^'<>\n]{0,200}'|[^\s<>\"']{1,100}))?){0,12}\s*/?>",
    re.IGNORECASE,
)


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


_BOLD_BLOCK = re.compile(
    r"<p\b[^<>]{0,400}>\s*<(strong|b)\b[^<>]{0,200}>([^<>。!?！？]{2,30})</\1\s*>\s*</p\s*>", re.I
)
"""A paragraph that is all bold and short, with no sentence end: the page's subheading
(``<p><strong>一条鱼，养在水中富民增收</strong></p>``), as a bold line is in Markdown."""


def _markup_text(markup: str) -> str:
    """HTML as the text it shows, without a parser: comments go, block tags end a
    paragraph, other tags go, entities are decoded."""
    import html

    text = _HTML_BLOCK.sub("\n\n", _HTML_COMMENT.sub("", markup))
    return html.unescape(_HTML_TAG.sub("", text))


def strip_inline_html(text: str) -> str:
    """HTML inside a text or Markdown file (a blog post's body, a page's paragraphs kept
    in a data file) read as what it shows: block tags (``<p>``, ``<br>``, ``<div>``…)
    end a paragraph, other tags (``<font>``, ``<span>``, ``<img>``) go, and entities
    are decoded. Only when the text holds several block tags: a lone ``<`` in prose
    stays as it is."""
    # A paragraph all bold is a subheading: a Markdown heading before its tags go.
    text = _BOLD_BLOCK.sub(lambda m: f"<p>#### {m.group(2).strip()}</p>", text)
    # Inline formatting tags (<font color=…>, <span style=…>, <u>) are markup wherever
    # they stand: a Markdown editor colours a sentence with them, one tag at a time.
    text = _INLINE_TAG.sub("", text)
    if len(_HTML_BLOCK.findall(text, 0, 200_000)) < _HTML_BLOCK_MIN:
        return _with_characters(text)
    text = _markup_text(text)
    # A PDF's lines each in a block of their own (<p>城乡社区是……基层治理体系和</p><p>治理
    # 能力……</p>): wrapped text, joined back into its paragraphs as a wrapped file is.
    lines = "\n".join(line for line in text.split("\n") if line.strip())
    joined = unwrap(lines)
    return joined if joined != lines else text


_CHAR_REF = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_CHAR_REF_MIN = 2


def _with_characters(text: str) -> str:
    """``text`` with its HTML character references (``&emsp;``, ``&#12288;``) as the
    characters they stand for: a data record keeps a page's indents as references with
    no tags around them. Only complete references, and only when there are several: an
    ampersand in prose (AT&T) stays."""
    import html

    if len(_CHAR_REF.findall(text, 0, 200_000)) < _CHAR_REF_MIN:
        return text
    return _CHAR_REF.sub(lambda m: html.unescape(m.group(0)), text)


def _looks_markdown(text: str) -> bool:
    head = text[:4000]
    return bool(re.search(r"^#{1,6}\s+\S", head, re.MULTILINE)) and "**" in head


def strip_markdown(text: str) -> str:
    """Markdown markup out, ``#`` headings kept: bold/italic marks, quote marks and
    link targets go, so cards never show ``**`` or ``>``. A run of bullet lines
    becomes a numbered list (``1. ``), which is what it is: a list of points."""
    text = _LINK_LINE.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = strip_metadata_lines(text)
    text = _BOLD_LINE.sub(lambda m: f"#### {m.group(1).strip()}", text)
    text = _tables_as_lists(text)
    text = _number_bullets(text)
    text = _MD_LINE.sub("", text).replace("`", "")  # `比如`: a code mark, never text
    return _MD_EMPHASIS.sub("", text)


_LINK_LINE = re.compile(
    r"^[ \t]*(?:[-*+•][ \t]+)?(?:!?\[[^\]\n]*\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\)[ \t]*)+$",
    re.MULTILINE,
)
"""A line that is nothing but links (``[另一条新闻](http://…)``, a menu of them, an
image): a page's navigation or its list of other stories, never the article's text."""
_BOLD_LINE = re.compile(r"^[ \t]*\*\*([^*\n。!?！？]{2,30})\*\*[ \t]*$", re.MULTILINE)
"""A line that is all bold and short, with no sentence end: a heading (``**促流通——**``)."""
_H1 = re.compile(r"^#[ \t]+(\S[^\n]*)$", re.MULTILINE)

_MD_BULLET = re.compile(r"^[ \t]*[-*+•][ \t]+(?=\S)")


_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")


def _tables_as_lists(text: str) -> str:
    """A Markdown table becomes what it holds: its header row (column labels such as
    ``规范词 | 释义``) goes, and its rows become a numbered list, a row's cells joined
    by ``：`` (``1. 路径依赖：一直这么做就懒得改``), so the first column is the item
    and no ``|`` reaches a card."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _TABLE_ROW.match(lines[i]) and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            i += 2
            n = 0
            while i < len(lines) and (row := _TABLE_ROW.match(lines[i])):
                cells = [c.strip() for c in row.group(1).split("|")]
                joined = "：".join(c for c in cells if c)
                if joined:
                    n += 1
                    out.append(f"{n}. {joined}")
                i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _number_bullets(text: str) -> str:
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _MD_BULLET.match(lines[j]):
            j += 1
        if j - i >= 2:
            _number_run(lines, i, j)
        i = max(j, i + 1)
    return "\n".join(lines)


_ANNOUNCES = re.compile(r"[:：](?:\*\*|__)?[ \t]*$")
"""A bullet ending with a colon (``**仿写示例：**``) announces its nested bullets as a list."""
_SENTENCE_END = ("。", "！", "？", "；", ";", "!", "?", "”", '"')


def _number_run(lines: list[str], start: int, end: int) -> None:
    """Number a run of bullet lines the way Markdown nests them: siblings (the same
    indent under the same parent) count from 1 again under each parent, as ``(1)``
    below a numbered line or another bullet (a point under a heading). Bullets
    nested under a bullet that are all sentences are the parent point's prose, not
    points of their own (unless the parent ends with a colon that announces them):
    they lose the marker and get no number."""
    indents = [len(lines[k]) - len(lines[k].lstrip(" \t")) for k in range(start, end)]
    parents: dict[int, int] = {}
    stack: list[int] = []
    for k in range(start, end):
        while stack and indents[stack[-1] - start] >= indents[k - start]:
            stack.pop()
        parents[k] = stack[-1] if stack else -1
        stack.append(k)
    groups: dict[int, list[int]] = {}
    for k in range(start, end):
        groups.setdefault(parents[k], []).append(k)
    for parent, members in groups.items():
        announced = parent >= 0 and _ANNOUNCES.search(lines[parent]) is not None
        prose = (
            parent >= 0
            and not announced
            and all(_MD_BULLET.sub("", lines[k]).rstrip().endswith(_SENTENCE_END) for k in members)
        )
        nested = parent >= 0 or indents[members[0] - start] > 0
        for n, k in enumerate(members, 1):
            mark = "" if prose else f"({n})" if nested else f"{n}. "
            lines[k] = _MD_BULLET.sub(mark, lines[k], count=1)


def _read_bytes(path_or_dash: str, where: str) -> bytes:
    if path_or_dash == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        # A regular file only (not /dev/zero, a FIFO or a folder), read up to the limit.
        data = read_bounded(Path(path_or_dash), MAX_BYTES, where)
    if len(data) > MAX_BYTES:
        raise InputError(where, f"input is over the limit of {MAX_BYTES:,} bytes")
    if not data.strip():
        raise InputError(where, "the article is empty")
    return data


def decode(data: bytes, where: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030/Big5."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, "looks like a binary file, not text")
    return decode_text(data, where, line=True)


def _looks_html(path_or_dash: str, text: str) -> bool:
    if Path(path_or_dash).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


_FEED_HEAD = re.compile(r"\A\ufeff?\s*<(?:\?xml\b|rss\b|feed\b|channel\b|item\b|entry\b)", re.I)
_FEED_ITEM = re.compile(r"<(item|entry)\b[^<>]{0,400}>(.*?)(?:</\1\s*>|\Z)", re.S | re.I)
_FEED_FIELD = r"<({})\b[^<>]{{0,400}}>(.*?)(?:</\1\s*>|\Z)"
_FEED_TITLE = re.compile(_FEED_FIELD.format("title"), re.S | re.I)
_FEED_BODY = re.compile(
    _FEED_FIELD.format("content:encoded|description|content|summary"), re.S | re.I
)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.S)


def _feed_items(text: str) -> list[tuple[str, str]]:
    """The items of an RSS or Atom feed (a whole feed, or one ``<item>`` cut from a
    day's edition), each as (title, body HTML); empty when ``text`` is no feed.

    A feed carries its articles as HTML escaped into the XML (``&lt;p&gt;``) or in
    CDATA: read as text, every card would be made of tags and entities."""
    if not _FEED_HEAD.match(text[:2000]):
        return []
    items = []
    for match in _FEED_ITEM.finditer(text):
        body = _FEED_BODY.search(match.group(2))
        if body is None:
            continue
        title = _FEED_TITLE.search(match.group(2))
        items.append((_feed_value(title.group(2)) if title else "", _feed_value(body.group(2))))
    return items


def _feed_value(raw: str) -> str:
    """A feed field's content: CDATA as it stands, else the XML's entities decoded once
    (which turns escaped HTML back into HTML)."""
    import html

    cdata = _CDATA.findall(raw)
    return "".join(cdata) if cdata else html.unescape(raw)


def _feed_text(items: list[tuple[str, str]], feed: str, where: str) -> tuple[str, str]:
    """One item is the article (its title the item's); several are the sections of one
    text, each under its item's title, the whole named by the feed's own title."""
    parts: list[tuple[str, str]] = []
    for title, body in items:
        title = _one_line(title)
        text = _html_fragment_text(body)
        if cjk_count(text) >= 2:
            parts.append((title, text))
    if not parts:
        raise InputError(where, "no article text found in the feed")
    if len(parts) == 1:
        return parts[0][1], clean_title(parts[0][0])
    first = _FEED_ITEM.search(feed)
    channel = _FEED_TITLE.search(feed[: first.start()] if first else "")
    text = "\n\n".join(
        f"## {title}\n\n{_without_headline(body, title)}" if title else body
        for title, body in parts
    )
    name = _one_line(_feed_value(channel.group(2))) if channel else ""
    return strip_markdown(text), clean_title(name)


def _one_line(title: str) -> str:
    """A feed's title field (already decoded) as one line of plain text."""
    return " ".join(_HTML_TAG.sub("", title).split())


def _without_headline(body: str, title: str) -> str:
    """An item's text without the headline it repeats at its top (with or without
    the column's name): under a section heading of that title it would be a second
    heading."""
    head, _, rest = body.lstrip().partition("\n")
    same = without_series_prefix(head.strip()) == without_series_prefix(title.strip())
    return rest.lstrip() if same and rest.strip() else body


def _html_fragment_text(fragment: str) -> str:
    """What an HTML fragment (a feed item's body) shows: its main text, or, where the
    extractor finds none (a few short paragraphs), its paragraphs with the tags gone."""
    text = _extracted(fragment)
    if cjk_count(text) >= 2:
        return strip_markdown(_BULLET.sub("", text))
    return _markup_text(fragment)


_BULLET = re.compile(r"^[ \t]*[-*•·][ \t]+", re.M)
_MD_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _extracted(html: str) -> str:
    """A page's main text as Markdown: with formatting, <h2> comes back as a "## " line, a
    heading the outline cannot miss, however long or comma-laden (乱象:AI换脸……,侵权诈骗
    屡见不鲜). The extractor escapes the page's own Markdown characters (``\\*\\*例：\\*\\*``
    for a blog's unrendered ``**例：**``, ``\\[1\\]``): unescaped, they read as they show."""
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_formatting=True
    )
    return _MD_ESCAPED.sub(r"\1", text or "")


def _html_main_text(html: str, where: str) -> tuple[str, str]:
    import trafilatura

    text = strip_markdown(_BULLET.sub("", _extracted(html)))  # <li> items come back as "- item"
    title = ""
    meta = trafilatura.extract_metadata(html)
    if meta is not None and meta.title:
        title = str(meta.title).strip()
    if not text.strip():
        raise InputError(where, "no article text found in the web page")
    return text, clean_title(_headline(html) or title)


def _headline(html: str) -> str:
    """The page's one ``<h1>`` (the article headline), if it has exactly one."""
    try:
        import lxml.html  # type: ignore[import-untyped]

        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, LookupError):
        return ""
    heads = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    heads = [h for h in heads if cjk_count(h) >= 4]
    return heads[0] if len(heads) == 1 else ""


_TITLE_PARTS = re.compile(r"\s*[|｜_]\s*|\s+[-—–]\s+")


_GLUED_SITE = re.compile(r"^(.+?)[-—–]([\u4e00-\u9fffA-Za-z0-9]{2,8})$")
"""``标题-单位名``: a site's short name glued to the title by a hyphen."""


def clean_title(title: str) -> str:
    """A page title without its channel prefix (``申论热点｜``) or site suffix
    (``_某某网``, `` - 某某网``, ``-宣传部``): the longest of its separated parts."""
    parts = [p for p in _TITLE_PARTS.split(title.strip()) if p]
    if len(parts) < 2:
        glued = _GLUED_SITE.match(title.strip())
        if glued and cjk_count(glued.group(1)) >= max(8, 2 * len(glued.group(2))):
            return glued.group(1).strip()
        return title.strip()
    best = max(parts, key=cjk_count)
    return best if cjk_count(best) >= 4 else title.strip()


_PREFIX_MAX = 24


_TRANSLATION = re.compile(r"^(.*[\u4e00-\u9fff”」》）)])\s+[A-Za-z][A-Za-z0-9 ,.'’:;!?&()-]{3,}$")
_PAGE_LABEL = re.compile(r"^[\[【]\s*(?:第\s*)?\d{1,3}\s*版[^\]】]{0,10}[\]】]\s*")
_COLUMN = re.compile(r"[(（]([^()（）]{2,8})[)）]\s*$")
_COLUMN_NUMBERED = re.compile(r"[(（]([^()（）]{2,24})(?:[(（]\d{1,3}[)）])?[)）]\s*$")
"""A column's name after the title, with its running number in brackets of its own
(``（现场评论·走向我们的小康生活（14））``)."""
_SPEAKER_MAX = 16
_PLAIN_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SITE_MAX = 8


def _site_name(part: str) -> bool:
    """Does ``part`` end on a site's, paper's or account's name (求是网, 光明日报, 中青报;
    words of kind ``site`` in ``data/title_labels.txt``), not on a subject that only
    looks like one (互联网, 情报: kind ``not_site``)?"""
    from trainer.generation.lexicon import kind_words

    return part.endswith(kind_words("title_labels", "site")) and not part.endswith(
        kind_words("title_labels", "not_site")
    )


def _label_before_colon(head: str) -> bool:
    """Is ``head`` (the part before a title's colon) a site's or a speaker's label?"""
    from trainer.generation.lexicon import kind_words

    if len(head) <= _SITE_MAX and _site_name(head):
        return True
    # 某省政协主席张三: an office, then the name (two to four characters) ending the part.
    return (
        len(head) <= _SPEAKER_MAX
        and _PLAIN_HAN.fullmatch(head) is not None
        and any(
            head[:-n].endswith(w)
            for w in kind_words("title_labels", "speaker")
            for n in (2, 3, 4)
            if len(head) > n
        )
    )


def without_series_prefix(title: str) -> str:
    """``2012年421公务员考试申论范文:让法治成为社会共识`` -> ``让法治成为社会共识``: the
    part before the first colon (or ``|``, ``·``) goes when it names a site, column or series (words in
    ``data/title_prefixes.txt``) and what is left is a title of four or more characters;
    an English translation after a Chinese title goes too."""
    from trainer.generation.lexicon import kind_words, words

    text = title.strip()
    english = _TRANSLATION.match(text)
    if english and cjk_count(english.group(1)) >= 4:
        # 我对挑山工的认识 My Understanding of …: a blog's bilingual title, the Chinese half.
        text = english.group(1).rstrip()
    page = _PAGE_LABEL.match(text)
    if page and cjk_count(text[page.end() :]) >= 4:
        # [05版：评论] 标题: the newspaper page an edition's feed files the article under.
        text = text[page.end() :]
    text = _without_entry_label(text)
    column = _COLUMN.search(text) or _COLUMN_NUMBERED.search(text)
    if column and any(
        w in column.group(1)
        for w in (*words("title_prefixes"), *kind_words("title_labels", "column"))
    ):
        # 实实在在真减负、减真负（评论员观察）: the column's name after the title.
        text = text[: column.start()].rstrip()
    for colon in (":", "：", "|", "｜", "·", "•"):
        head, sep, rest = text.partition(colon)
        head, rest = head.rstrip(), rest.lstrip()
        if colon in "·•" and (len(head) > 6 or re.search(r"\d", head)):
            continue  # 常识判断 · 标题: a column; 2023国考地市级 · 第1题: the paper's own name
        named = any(w in head for w in words("title_prefixes")) or (
            colon in ":：" and _label_before_colon(head)
        )
        if sep and len(head) <= _PREFIX_MAX and cjk_count(rest) >= 4 and named:
            return rest.strip()
    return text


_GLUED_NAME = re.compile(r"^([A-Za-z][A-Za-z0-9]{3,15})(?=[\u4e00-\u9fff])")


def without_glued_name(title: str, text: str) -> str:
    """``WenCMS城市更新要留住烟火气`` -> ``城市更新要留住烟火气``: a content system or app
    files a record's title after its own name, glued on with no space. A Latin name of four
    or more letters, not an all-capital abbreviation (APP, CPU), that the article's text
    never names is that system's; a name the text names too (``ChatGPT热潮下的冷思考``)
    is the title's own."""
    glued = _GLUED_NAME.match(title)
    if glued is None or glued.group(1).isupper():
        return title
    name, rest = glued.group(1), title[glued.end() :]
    if cjk_count(rest) < _TITLE_MIN or text.lower().count(name.lower()) > text.count(title):
        return title
    return rest


def shown_title(title: str, text: str) -> str:
    """The title a deck shows: without a series prefix, and without a system's name glued
    before it (see :func:`without_series_prefix`, :func:`without_glued_name`). A title
    with no Chinese in it over a Chinese text (``Typecho NeiNo``) is the site's name, not
    the article's: none."""
    if not cjk_count(title) and cjk_count(text) >= _TITLE_MIN:
        return ""
    return without_glued_name(without_series_prefix(title), text)


_ENTRY = re.compile(
    r"^\s*(\w{1,3}?)\s*[(（]?([一二三四五六七八九十]{1,3}|\d{1,3})[)）]?\s*[:：]\s*"
)
_ENTRY_TOPIC = re.compile(r"^([^\s—:：]{2,6})\s*(?:——|--|—)\s*")
_TITLE_MIN = 4


def _without_entry_label(title: str) -> str:
    """``文章二：网络舆情——标题`` -> ``标题``: a collection numbers its entries (``文章二``,
    ``材料3``, words of kind ``entry`` in ``data/title_labels.txt``) and may file each under a short
    topic closed by a dash; both labels go when what is left is a title of four or more characters.
    A dash in a title with no entry label before it is the title's own (``伟大时代——……``)."""
    from trainer.generation.lexicon import kind_words

    entry = _ENTRY.match(title)
    if not entry or entry.group(1) not in kind_words("title_labels", "entry"):
        return title
    rest = title[entry.end() :]
    topic = _ENTRY_TOPIC.match(rest)
    if topic and cjk_count(rest[topic.end() :]) >= _TITLE_MIN:
        rest = rest[topic.end() :]
    return rest.strip() if cjk_count(rest) >= _TITLE_MIN else title


_SERIES_LABEL_MAX = 8


def is_series_label(line: str) -> bool:
    """A line that names a series or column, not an article: a short name holding a
    series word of ``data/title_prefixes.txt`` under a publication's name in brackets
    (``探究性专题（某报·某专辑）``), or a line of series words alone (``申论范文``,
    ``每日一练``). ``备考要点`` is a title: 要点 is no series word. A paper's or site's
    name alone (``人民日报``, ``南方网``: a page's masthead) names no article either."""
    from trainer.generation.lexicon import words

    series = words("title_prefixes")
    text = line.strip().strip("【】[]#*　 ")
    if len(text) <= _SITE_MAX and _PLAIN_HAN.fullmatch(text) and _site_name(text):
        return True
    column = _COLUMN_ANY.search(text)
    if column:
        text = text[: column.start()].rstrip()
        return 0 < len(text) <= _SERIES_LABEL_MAX and any(w in text for w in series)
    rest = text
    for w in sorted(series, key=len, reverse=True):
        rest = rest.replace(w, "")
    return len(text) <= _SERIES_LABEL_MAX and rest != text and len(rest) <= 1


_COLUMN_ANY = re.compile(r"[(（][^()（）]{2,30}[)）]\s*$")


def check_text(text: str, where: str) -> None:
    """Raise InputError unless ``text`` holds some Chinese prose."""
    if not text.strip():
        raise InputError(where, "the article is empty")
    control = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f\v")
    if control > 8:
        raise InputError(where, "looks like a binary file, not text")
    if cjk_count(text) < 2:
        raise InputError(where, "no Chinese text found; trainer makes cards from Chinese articles")
