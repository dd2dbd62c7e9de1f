"""Reading an article file: bytes to text, whatever the encoding or format.

``.txt`` and ``.md`` are read as text; ``.html``/``.htm`` go through trafilatura
for the main text (imported only then). ``-`` reads standard input. Encodings:
UTF-8 with or without BOM first, then GB18030/GBK and Big5 as detected by
charset-normalizer. The text is kept as read (the generator folds full-width
forms for matching only); bad input raises InputError with a one-line reason.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from trainer.domain.errors import InputError
from trainer.domain.files import read_bounded
from trainer.domain.model import Article
from trainer.generation.text import cjk_count
from trainer.generation.unwrap import unwrap

MAX_BYTES = 2 * 1024 * 1024
"""Refuse files larger than this (2 MB): a 申论 article is a few kilobytes, and
refusing at once beats minutes of work on something that is not an article."""

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_CANDIDATES = ("gb18030", "big5")
_MD_SUFFIXES = {".md", ".markdown"}
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])")
_MD_LINE = re.compile(r"^[ \t]*(?:>[ \t]?)+|^[ \t]*[-*+][ \t]+(?=\S)", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")


def read_article(path_or_dash: str) -> Article:
    """Read ``path_or_dash`` (``-`` for stdin) into an Article; raise InputError."""
    where = "<stdin>" if path_or_dash == "-" else path_or_dash
    data = _read_bytes(path_or_dash, where)
    text = decode(data, where)
    title = ""
    if _looks_html(path_or_dash, text):
        text, title = _html_main_text(text, where)
    else:
        text, title = strip_front_matter(text)
        if Path(path_or_dash).suffix.lower() in _MD_SUFFIXES or _looks_markdown(text):
            text = strip_markdown(text)
        # A PDF's text or a fixed-width file: each paragraph back on one line.
        text = unwrap(text)
        if title and re.search(r"^[ \t]*#{1,6}[ \t]+\S", text, re.MULTILINE):
            title = ""  # the article's own heading names it
        h1 = _H1.findall(text)
        if len(h1) == 1 and not text.lstrip().startswith("# "):
            # The one level-1 heading is the title, though a kicker (引题) stands above it.
            title = h1[0].strip()
    check_text(text, where)
    source = "stdin" if path_or_dash == "-" else Path(path_or_dash).stem
    return Article(text=text, title=title, source=source)


_FRONT_MATTER = re.compile(
    r"\A\ufeff?[ \t]*---[ \t]*\r?\n(.*?)\r?\n[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_FM_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:", re.MULTILINE)
_FM_TITLE = re.compile(r"^title[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_META_LINE = re.compile(
    r"^[ \t]*(?:[-*+•][ \t]+|\d{1,2}[.、][ \t]*)?(?:年份|期数|期刊|期刊链接|文章链接|原文链接|"
    r"发布日期|发布时间|日期|作者|来源|出处|栏目|分类|标签|责任编辑|编辑)[ \t]*[:：].*$\r?\n?",
    re.MULTILINE,
)
"""A metadata line (``- 年份：2026``, ``作者：某某``), bulleted or not: never content."""


def strip_front_matter(text: str) -> tuple[str, str]:
    """A leading YAML front matter block (``---`` … ``---`` of ``key: value`` lines)
    out of ``text``, and its ``title:`` value ("" without one). The block's lines
    are emptied, not removed, so the article's line numbers stay those of the file."""
    m = _FRONT_MATTER.match(text)
    if m is None or not _FM_KEY.search(m.group(1)):
        return text, ""
    t = _FM_TITLE.search(m.group(1))
    title = t.group(1).strip().strip("\"'").strip() if t else ""
    blank = re.sub(r"[^\n]", "", m.group(0))
    return blank + text[m.end() :], title


def strip_metadata_lines(text: str) -> str:
    """Metadata lines (``年份：``, ``期数：``, ``作者：``, ``来源：``…) out of ``text``."""
    return _META_LINE.sub("\n", text)


def _looks_markdown(text: str) -> bool:
    head = text[:4000]
    return bool(re.search(r"^#{1,6}\s+\S", head, re.MULTILINE)) and "**" in head


def strip_markdown(text: str) -> str:
    """Markdown markup out, ``#`` headings kept: bold/italic marks, quote marks and
    link targets go, so cards never show ``**`` or ``>``. A run of bullet lines
    becomes a numbered list (``1. ``), which is what it is: a list of points."""
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = strip_metadata_lines(text)
    text = _BOLD_LINE.sub(lambda m: f"#### {m.group(1).strip()}", text)
    text = _number_bullets(text)
    text = _MD_LINE.sub("", text)
    return _MD_EMPHASIS.sub("", text)


_BOLD_LINE = re.compile(r"^[ \t]*\*\*([^*\n。!?！？]{2,30})\*\*[ \t]*$", re.MULTILINE)
"""A line that is all bold and short, with no sentence end: a heading (``**促流通——**``)."""
_H1 = re.compile(r"^#[ \t]+(\S[^\n]*)$", re.MULTILINE)

_MD_BULLET = re.compile(r"^[ \t]*[-*+•][ \t]+(?=\S)")


def _number_bullets(text: str) -> str:
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _MD_BULLET.match(lines[j]):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                lines[k] = _MD_BULLET.sub(f"{k - i + 1}. ", lines[k], count=1)
        i = max(j, i + 1)
    return "\n".join(lines)


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
    """Decode article bytes: UTF-8 (BOM or not), else GB18030/Big5 by detection."""
    if b"\x00" in data[:8192]:
        raise InputError(where, "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    fits = []
    for codec in _CANDIDATES:
        try:
            fits.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if len(fits) == 1:
        return fits[0][1]
    if fits:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
        chosen = best.encoding if best is not None else ""
        for codec, text in fits:
            if codec == chosen or (chosen in {"gbk", "gb2312"} and codec == "gb18030"):
                return text
        return max(fits, key=lambda f: _common_score(f[1]))[1]
    raise InputError(where, "not text in UTF-8, GB18030/GBK or Big5 (a binary file?)")


# Very common characters; their share tells a right decoding from mojibake.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)


def _common_score(text: str) -> float:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON for c in chars) / (len(chars) or 1)


def _looks_html(path_or_dash: str, text: str) -> bool:
    if Path(path_or_dash).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


_BULLET = re.compile(r"^[ \t]*[-*•·][ \t]+", re.M)


def _html_main_text(html: str, where: str) -> tuple[str, str]:
    import trafilatura

    # With formatting, <h2> comes back as a "## " line: a heading the outline cannot
    # miss, however long or comma-laden (乱象:AI换脸……,侵权诈骗屡见不鲜).
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_formatting=True
    )
    text = strip_markdown(_BULLET.sub("", text or ""))  # <li> items come back as "- item"
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


def clean_title(title: str) -> str:
    """A page title without its channel prefix (``申论热点｜``) or site suffix
    (``_某某网``, `` - 某某网``): the longest of its separated parts."""
    parts = [p for p in _TITLE_PARTS.split(title.strip()) if p]
    if len(parts) < 2:
        return title.strip()
    best = max(parts, key=cjk_count)
    return best if cjk_count(best) >= 4 else title.strip()


_PREFIX_MAX = 24


_COLUMN = re.compile(r"[(（]([^()（）]{2,8})[)）]\s*$")


def without_series_prefix(title: str) -> str:
    """``2012年421公务员考试申论范文:让法治成为社会共识`` -> ``让法治成为社会共识``: the
    part before the first colon goes when it names a site, column or series (words in
    ``data/title_prefixes.txt``) and what is left is a title of four or more characters."""
    from trainer.generation.lexicon import words

    text = title.strip()
    column = _COLUMN.search(text)
    if column and any(w in column.group(1) for w in words("title_prefixes")):
        # 实实在在真减负、减真负（评论员观察）: the column's name after the title.
        text = text[: column.start()].rstrip()
    for colon in (":", "：", "|", "｜"):
        head, sep, rest = text.partition(colon)
        named = any(w in head for w in words("title_prefixes"))
        if sep and len(head) <= _PREFIX_MAX and cjk_count(rest) >= 4 and named:
            return rest.strip()
    return text


def check_text(text: str, where: str) -> None:
    """Raise InputError unless ``text`` holds some Chinese prose."""
    if not text.strip():
        raise InputError(where, "the article is empty")
    control = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f\v")
    if control > 8:
        raise InputError(where, "looks like a binary file, not text")
    if cjk_count(text) < 2:
        raise InputError(where, "no Chinese text found; trainer makes cards from Chinese articles")
