"""An article kept as a JSON record: its text fields, never its keys or metadata.

Collections of 申论 material are often scraped into JSON, one record per article
(``{"title": …, "source": …, "date": …, "content": [paragraph, …]}``) or a list of
such records. Read as plain text, the keys, ids and dates would become cards. A
file whose text is a JSON object or array is read here instead: the record's
title, and its body from the first text field it has (a string, or a list of
paragraphs). Several records are several essays, each under its title as a
heading. What the record also holds (source, column, date, reading time, ids)
is metadata and is left out.

A script's data file holds the same records behind a wrapper (``export default {…}``,
``window.ESSAYS = […]``, ``var essay = "…";``), in JavaScript's looser syntax (bare
keys, single quotes, trailing commas) and sometimes cut after its first record:
:func:`js_data` turns the wrapped value into JSON, so the wrapper is never text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from trainer.domain.errors import InputError
from trainer.domain.files import loads_json
from trainer.generation.text import cjk_count

TEXT_KEYS = (
    "content",
    "contents",
    "text",
    "body",
    "article",
    "paragraphs",
    "full_text",
    "fulltext",
    "main_text",
    "正文",
    "内容",
    "原文",
    "文章",
    "html",
    "content_html",
)
"""Fields that hold an article's body, in order of preference (compared without case)."""
TITLE_KEYS = ("title", "headline", "标题", "题目")
LIST_KEYS = (
    "articles",
    "items",
    "data",
    "records",
    "results",
    "list",
    "materials",
    "material",
    "给定资料",
    "材料",
)
"""Fields that hold a list of records when the top level is an object wrapping them.
An exam paper's ``materials`` (its 给定资料) are its article; its ``questions`` and
their 作答要求 are instructions to the candidate and are never read."""

_MAX_RECORDS = 200


def looks_json(text: str) -> bool:
    """Does the text open as a JSON object or array (after a BOM and blank space)?"""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return head in ("{", "[")


def article_from_json(text: str, where: str) -> tuple[str, str, bool] | None:
    """``(body, title, sectioned)`` of a JSON article record, or None when ``text`` is no JSON
    (read it as text then). A JSON document with no article text in it is an
    InputError: its keys and numbers are not an article. ``sectioned``: several records,
    each under its title as a heading (a section of the wrapper's title, when it has one)."""
    try:
        data = loads_json(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return None
    records = _records(data)
    parts: list[tuple[str, str]] = []
    for record in records[:_MAX_RECORDS]:
        body = _body(record)
        if body and cjk_count(body) >= 2:
            parts.append((_title(record), body))
    if not parts:
        raise InputError(
            where, "a JSON file with no article text (expected a content, text or body field)"
        )
    if len(parts) == 1:
        title, body = parts[0]
        return body, title, False
    essays = [f"# {title}\n\n{body}" if title else body for title, body in parts]
    return "\n\n".join(essays), _wrapper_title(data), True


def _wrapper_title(data: Any) -> str:
    """The title of an object wrapping several records (an exam paper's ``name`` over its
    materials), or "" when there is none: each record is a section under it."""
    if not isinstance(data, dict) or _field(data, TEXT_KEYS) is not None:
        return ""
    value = _field(data, (*TITLE_KEYS, "name", "名称"))
    return " ".join(value.split()) if isinstance(value, str) and cjk_count(value) >= 2 else ""


def _records(data: Any) -> list[Any]:
    if isinstance(data, str):
        return [{"content": data}]  # a script's one string: the text itself
    if isinstance(data, list):
        if data and all(isinstance(x, str) for x in data):
            return [{"content": data}]  # a bare list of paragraphs
        return [x for x in data if isinstance(x, dict)]
    if isinstance(data, dict):
        if _field(data, TEXT_KEYS) is not None:
            return [data]
        inner = _field(data, LIST_KEYS)
        if isinstance(inner, list):
            return [x for x in inner if isinstance(x, dict)]
        if isinstance(inner, dict):
            return [inner]
        if _named_body(data) is not None:
            return [data]
    return []


def _field(record: dict[Any, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        if key in lowered and lowered[key] not in (None, "", []):
            return lowered[key]
    return None


def _body(record: Any) -> str:
    if not isinstance(record, dict):
        return ""
    value = _field(record, TEXT_KEYS)
    if value is None:
        value = _named_body(record)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        paragraphs = [_paragraph(x) for x in value]
        return "\n\n".join(p for p in paragraphs if p)
    return ""


_BODY_SUFFIXES = ("content", "text", "body", "html")


def _named_body(record: dict[Any, Any]) -> str | None:
    """The longest text of a field named for a body in a system's own words
    (``newsContent``, ``articleText``, ``post_body``) when no field has a plain name."""
    named = [
        v
        for k, v in record.items()
        if isinstance(v, str) and str(k).lower().endswith(_BODY_SUFFIXES) and cjk_count(v)
    ]
    return max(named, key=len) if named else None


def _paragraph(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        inner = _field(value, TEXT_KEYS)
        return inner.strip() if isinstance(inner, str) else ""
    return ""


def _title(record: dict[Any, Any]) -> str:
    value = _field(record, TITLE_KEYS)
    return " ".join(value.split()) if isinstance(value, str) else ""


_JS_WRAPPER = re.compile(
    r"\A\ufeff?\s*(?:export\s+default|module\.exports\s*=|exports\.[A-Za-z_$][\w$]*\s*=|"
    r"(?:(?:var|let|const)\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*=)\s*(?=[\[{\"'`])"
)
_JS_BARE = re.compile(r"\A\ufeff?\s*(?=[\[{])")
"""A JavaScript value with no wrapper: one record copied out of a script's data
(``{ title: '…', content: `…` }``), bare keys and all."""
_JS_TOKEN = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|//[^\n]*|/\*.*?\*/|"
    r"[A-Za-z_$][\w$]*|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\s+|.",
    re.S,
)
_JS_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_JS_CONSTANTS = {"true": "true", "false": "false", "null": "null", "True": "true", "False": "false"}


def _js_unescape(body: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code.endswith("\n"):
            return ""  # a line continuation
        return _JS_SIMPLE.get(code, code)

    return _JS_ESCAPE.sub(one, body)


_COMMENT_MARK = re.compile(r"^[ \t]*(?:#|//)[ \t]?", re.MULTILINE)


def _uncommented(text: str) -> str:
    """A record left commented out in a script (``{'id': 1, …`` on its first line, ``#``
    or ``//`` before each line that continues it), without the comment marks; any other
    text as it is."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) < 2 or not all(_COMMENT_MARK.match(ln) for ln in lines[1:]):
        return text
    bare = _COMMENT_MARK.sub("", text)
    return bare if _JS_BARE.match(bare) else text


def js_data(text: str) -> str | None:
    """The JSON text of the value a JavaScript data file assigns or exports
    (``export default {…}``, ``window.X = […]``, ``var x = "…";``) or holds bare
    (``{ title: '…' }``, a record copied out of one), or None when
    ``text`` opens with no such wrapper or its value is not plain data. Bare keys
    are quoted, strings re-quoted, comments and trailing commas dropped, and an
    array or object cut short is closed after its last whole member."""
    text = _uncommented(text)
    m = _JS_WRAPPER.match(text)
    bare = m is None
    m = m or _JS_BARE.match(text)
    if m is None:
        return None
    out: list[str] = []
    stack: list[str] = []
    end = len(text)
    for tok in _JS_TOKEN.finditer(text, m.end()):
        end = tok.end()
        t = tok.group(0)
        if t[0] in "\"'`":
            if len(t) < 2 or t[-1] != t[0]:
                return None
            out.append(json.dumps(_js_unescape(t[1:-1]), ensure_ascii=False))
        elif t.startswith(("//", "/*")) or t.isspace():
            continue
        elif t in "{[":
            stack.append("}" if t == "{" else "]")
            out.append(t)
        elif t in "}]":
            if not stack or stack.pop() != t:
                return None
            if out and out[-1] == ",":
                out.pop()  # a trailing comma
            out.append(t)
        elif t[0].isalpha() or t[0] in "_$":
            key = stack and stack[-1] == "}" and out and out[-1] in "{,"
            out.append(json.dumps(t) if key else _JS_CONSTANTS.get(t, "null"))
        else:
            out.append(t)
        if not stack and out:
            break  # the value is whole: what follows (;, another statement) is code
    if bare and (stack or text[end:].strip(" \t\r\n,;")):
        return None  # a bare value is the whole text, whole: else it is text ([1]…)
    while stack:  # cut short: close it after its last whole member
        while out and out[-1] in {",", ":"}:
            out.pop()
        out.append(stack.pop())
    return "".join(out) or None


_LITERAL_LINE = re.compile(
    r"""^[ \t]*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')[ \t]*+([+,;)]*+)[ \t]*+$"""
)


_ASSIGNED = re.compile(
    r"""^[ \t]*(?:[A-Za-z_$][\w$<>\[\].]*[ \t]+){0,3}[A-Za-z_$][\w$]*[ \t]*[:+]?=[ \t]*(?=["'])"""
)


def string_literals(text: str) -> str | None:
    """The text a program's source holds as string literals, one to a line
    (``"第一段\\n" +`` / ``"第二段"``, as Java, C# or JavaScript write a long text),
    escapes decoded: literals joined by ``+`` run on, separate literals (a title, then
    its text) are separate lines. None unless every non-blank line is such a literal."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines:
        # The first literal may be assigned (``String content = "……\\n" +``, ``var s = '…' +``).
        lines[0] = _ASSIGNED.sub("", lines[0], count=1)
    matches = [_LITERAL_LINE.match(ln) for ln in lines]
    if not lines or not all(matches):
        return None
    out: list[str] = []
    for m in matches:
        assert m is not None
        out.append(_js_unescape(m.group(1)[1:-1]))
        if "+" not in m.group(2):
            out.append("\n")
    return "".join(out)
