"""Hard-wrapped text back into paragraphs.

Text copied out of a PDF, or saved by a tool that cuts every line at a fixed width,
breaks sentences (and words) at the end of each physical line, and may carry page
furniture (``第 3 页``, a running header) in the middle of a sentence. Read line by
line, such a file gives cards that start or stop mid-word. :func:`unwrap` detects
the shape (many lines of near-equal width, most ending without a sentence end, no
line much wider) and joins each wrapped paragraph into one line: no space between
CJK characters, one space between Latin words. Short lines (headings, 小标题), list
items (``（一）``, ``1.``, ``【材料三】``) and paragraph ends stay lines; page
furniture inside a wrapped sentence is dropped. A wrapped text with an empty line
after every physical line (some PDF exports write it so) is read the same way, its
empty lines dropped. Other text comes back unchanged.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

__all__ = ["unwrap"]

_MIN_WIDTH = 40
"""A wrap width under 20 CJK characters is not a wrapped text (headings, lists)."""

_FINAL = re.compile(r"(?:[。！？!?]|……|\.{3}|(?<![\d.])\.)[”’」』\"')）》]*$")
_CLOSING_START = re.compile(r"^[，。、；：？！,;:?!）)】」』”’》…·]")
_STRUCTURAL = re.compile(
    r"^(?:#|【[^】]{1,12}】|材料\s*[0-9一二三四五六七八九十]+|"
    r"[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|"
    r"\d{1,2}[.．、](?!\d)|[①-⑳]|[-*•·][ \t])"
)
_PAGE = re.compile(
    r"^(?:.{0,40}?[ \t·]*)?(?:第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|"
    r"共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)$|"
    r"^[-—–]?\s*\d{1,3}\s*[-—–]?$|^\d{1,3}\s*/\s*\d{1,3}$|^(?i:page)\s*\d{1,3}(?:\s*of\s*\d{1,3})?$"
)
_CLAUSE_END = re.compile(r"[；：;:。！？!?][”’」』)）]*$")
_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|第[一二三四五六七八九十]{1,3}[，、,])"
)
"""An item of a list when it opens a line after a clause end (一是……；二是……)."""
_OPEN_CLOSE = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))


def _width(line: str) -> int:
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" or c in _CJK_QUOTES else 1 for c in line
    )


_CJK_QUOTES = "“”‘’…—·"
"""Ambiguous-width marks a Chinese font sets full width."""


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _quote_open(text: str) -> bool:
    return any(text.count(o) > text.count(c) for o, c in _OPEN_CLOSE)


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was cut at, or None when it does not look hard-wrapped."""
    nonblank = [ln for ln in lines if ln]
    breaks = [
        _width(a)
        for a, b in itertools.pairwise(lines)
        if a
        and b
        and not _FINAL.search(a)
        and not _CLAUSE_END.search(a)
        and _width(a) >= _MIN_WIDTH
    ]
    if len(breaks) < 3 or not nonblank:
        return None
    breaks.sort()
    width = breaks[len(breaks) // 2]
    tol = max(6, width // 10)
    near = sum(1 for w in breaks if abs(w - width) <= tol)
    full = sum(1 for ln in nonblank if _width(ln) >= width - tol)
    wider = sum(1 for ln in nonblank if _width(ln) > width + tol)
    if near < 3 or near * 3 < len(breaks) * 2 or full * 5 < len(nonblank) * 2:
        return None
    if wider * 10 > len(nonblank):
        return None  # paragraphs much longer than the "width": lines are paragraphs
    return width


def _double_spaced(lines: list[str]) -> bool:
    """Whether every line of text is followed by one empty line, as some PDF exports
    write a wrapped text: then wrap points and paragraph ends look alike, and only the
    widths of the lines tell them apart."""
    nonblank = [i for i, ln in enumerate(lines) if ln]
    if len(nonblank) < 4 or any(a and b for a, b in itertools.pairwise(lines)):
        return False
    gaps = [b - a for a, b in itertools.pairwise(nonblank)]
    return sum(1 for g in gaps if g == 2) * 10 >= len(gaps) * 9


def _is_page(line: str, repeated: set[str]) -> bool:
    return bool(_PAGE.match(line)) or _digits_out(line) in repeated


def _beside_page(lines: list[str], i: int) -> bool:
    """Does the nearest non-blank line before or after line ``i`` hold a page number?"""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and _PAGE.match(lines[j].strip()):
            return True
    return False


def _digits_out(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def unwrap(text: str) -> str:
    """``text`` with hard-wrapped paragraphs joined; unchanged if not hard-wrapped."""
    raw = text.split("\n")
    if text.endswith("\n"):
        raw.pop()
    lines = [ln.rstrip() for ln in raw]
    width = _wrap_width(lines)
    if width is None:
        if _double_spaced(lines):
            squeezed = "\n".join(ln for ln in lines if ln) + "\n"
            joined = unwrap(squeezed)
            if joined != squeezed:
                return joined if text.endswith("\n") else joined.removesuffix("\n")
        return text
    tol = max(6, width // 10)
    short = [_digits_out(ln) for ln in lines if ln and _width(ln) < width - tol]
    repeated = {s for s in short if short.count(s) >= 2 and len(s) >= 4}

    nonblank = [ln for ln in raw if ln.strip()]
    all_indented = all(ln[:1] in (" ", "\t", "\u3000") for ln in nonblank)

    def full(line: str) -> bool:
        return _width(line) >= width - tol

    out: list[str] = []
    para = ""  # the paragraph being built
    last = ""  # its last physical line
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line or _is_page(line, repeated):
            # A page break or furniture inside an unfinished sentence: look past it.
            unfinished = para and full(last) and not _FINAL.search(last)
            j = _past_furniture(lines, i, full, repeated) if unfinished else None
            if j is not None:
                para = _join(para, lines[j].strip())
                last = lines[j].strip()
                i = j + 1
                continue
            if para:
                out.append(para)
                para = last = ""
            if not line or not (_PAGE.match(line) or _beside_page(lines, i)):
                # A page number alone is never content, nor a running header beside one.
                out.append(raw[i].rstrip())
            i += 1
            continue
        indented = raw[i][:1] in (" ", "\t", "\u3000") and not all_indented
        if para and not indented and _continues(para, last, line, width, tol):
            para = _join(para, line)
        else:
            if para:
                out.append(para)
            para = line
        last = line
        i += 1
    if para:
        out.append(para)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _past_furniture(
    lines: list[str], i: int, full: Callable[[str], bool], repeated: set[str]
) -> int | None:
    """The line that carries on a sentence cut at line ``i - 1``, past blank lines and
    page furniture (a page number, a running header) from line ``i``; None if none does."""
    j = i
    dropped = False
    while j < len(lines) and j - i < 6:
        here = lines[j].strip()
        if not here:
            j += 1
        elif _is_page(here, repeated):
            dropped = True
            j += 1
        elif not full(here) and j + 1 < len(lines) and _is_page(lines[j + 1].strip(), repeated):
            j += 1  # a running header just above the page number
        else:
            break
    if j >= len(lines) or not (nxt := lines[j].strip()) or _STRUCTURAL.match(nxt):
        return None
    return j if dropped or _CLOSING_START.match(nxt) or full(nxt) else None


def _continues(para: str, last: str, line: str, width: int, tol: int) -> bool:
    """Whether physical line ``line`` carries on the paragraph ``para`` (last line ``last``)."""
    if _STRUCTURAL.match(line):
        return False
    if _width(last) < width - tol:
        # A paragraph's first line, shorter by its lost indent, still ends mid-sentence.
        unfinished = not _FINAL.search(last) and not _CLAUSE_END.search(last)
        return unfinished and _width(last) >= width - 2 * tol and _width(para) == _width(last)
    if _CLAUSE_END.search(last) and _ITEM.match(line):
        return False  # 一是……； / 二是……: an item of a list on its own line
    if _CLOSING_START.match(line) or not _FINAL.search(last):
        return True
    if _quote_open(para):
        return True
    # A full line that ends a sentence was cut there by the width, like any other (a
    # paragraph rarely fills its last line to the character), unless the next line
    # opens a quotation: then it is most likely a new paragraph.
    return not line.startswith(("“", "「", "『"))


def _join(a: str, b: str) -> str:
    a = a.rstrip()
    b = b.lstrip()
    if a and b and not _wide(a[-1]) and not _wide(b[0]) and a[-1].isalnum() and b[0].isalnum():
        return f"{a} {b}"
    if a and b and not _wide(a[-1]) and not _wide(b[0]) and a[-1] in ",;:.!?" and b[0].isalnum():
        return f"{a} {b}"
    return a + b
