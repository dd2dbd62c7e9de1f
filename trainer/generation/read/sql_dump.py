"""An article kept as rows of a database dump (``INSERT INTO `article` VALUES (…);``).

A site's CMS keeps its articles in a table, and a dump of that table is how a
collection of them travels. The SQL around them is not text: the article is the
string value holding the most Chinese, its markup (often entity-escaped,
``&lt;div&gt;``) read as the text it shows; its title is the first short value
of Chinese text in the dump (a CMS puts the title before the other text columns)."""

from __future__ import annotations

import html
import re

from trainer.generation.text import cjk_count

_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\S+(?:\s*\([^)]*\))?\s+VALUES\s*\(", re.I | re.M)
_STRING_MARK = re.compile(r"[\\']")
_ESCAPE = re.compile(r"\\(.)", re.S)
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "", "Z": ""}
_TITLE_MAX = 60


_TUPLE = re.compile(r"\A\s*\(\s*(?:-?\d+|NULL)\s*,\s*(?:'|-?\d|NULL)", re.I)
_TUPLE_END = re.compile(r"(?:'|\d|NULL)\s*\)\s*[,;]?\s*\Z", re.I)


def looks_sql_dump(text: str) -> bool:
    """Does the text open (after comments and blank lines) on an INSERT statement, or is
    it one row of values copied out of one (``(44,'1','标题','<p>…</p>')``: a numeric
    key, then quoted values, closed by the row's bracket)?"""
    head = text[:20_000]
    if _TUPLE.match(head) and _TUPLE_END.search(text[-200:]):
        return True
    first = _INSERT.search(head)
    if first is None:
        return False
    before = head[: first.start()]
    return all(
        not line.strip() or line.lstrip().startswith(("--", "/*", "*", "SET ", "LOCK ", "#"))
        for line in before.splitlines()
    )


def _unquote(value: str) -> str:
    value = value.replace("''", "'")
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), value)


def _string_values(text: str) -> list[str]:
    """The dump's quoted string values, raw, in order: one pass over the text from
    one quote or backslash to the next (a regular expression retried at every
    quote of a hostile file never closed takes quadratic time). A value left open
    at the end is no value."""
    out: list[str] = []
    at = text.find("'")
    while at >= 0:
        start = scan = at + 1
        while True:
            mark = _STRING_MARK.search(text, scan)
            if mark is None:
                return out
            scan = mark.start() + 2  # past an escape (\' ) or a doubled quote ('')
            if text[mark.start()] == "'" and not text.startswith("''", mark.start()):
                out.append(text[start : mark.start()])
                break
        at = text.find("'", mark.start() + 1)
    return out


def article_from_sql(text: str) -> tuple[str, str] | None:
    """``(body, title)`` of the dump's article, or None when no value holds Chinese text."""
    values = [_unquote(v) for v in _string_values(text)]
    values = [v for v in values if cjk_count(v) >= 2]
    if not values:
        return None
    body = max(values, key=cjk_count)
    title = next(
        (
            v.strip()
            for v in values
            if v is not body and len(v.strip()) <= _TITLE_MAX and "\n" not in v.strip()
        ),
        "",
    )
    if "&lt;" in body or "&gt;" in body:
        body = html.unescape(body)  # markup kept entity-escaped in the column
    return body, html.unescape(title) if title else ""
