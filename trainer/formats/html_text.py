"""Plain text to Anki field HTML and back.

``to_html`` escapes ``& < >``, turns newlines into ``<br>`` and carriage returns into
``&#13;``; ``to_text`` undoes
exactly that, so our own notes survive a trip through Anki unchanged. Foreign HTML
is reduced to readable text: block ends become newlines, other tags are dropped,
entities decoded, and media references kept as text (``[sound:x.mp3]`` stays as
it is, ``<img src="x.png">`` becomes ``[image:x.png]``).
"""

from __future__ import annotations

import html
import re

_IMG = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>""", re.I)
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li|tr|h[1-6])\s*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def to_html(text: str) -> str:
    """Field HTML for plain ``text``; a carriage return is kept as ``&#13;`` (``\r\n``
    in a field comes back as ``\r\n``, not ``\n``)."""
    return html.escape(text, quote=False).replace("\r", "&#13;").replace("\n", "<br>")


def to_text(field: str) -> str:
    """Plain text of field HTML; the exact inverse of :func:`to_html`."""
    if "<" not in field and "&" not in field:
        return field
    if "<" not in field.replace("<br>", "") and "&nbsp;" not in field:
        return html.unescape(field.replace("<br>", "\n"))  # what to_html makes: the usual case
    s = _COMMENT.sub("", field)
    s = _SCRIPT.sub("", s)
    s = _IMG.sub(lambda m: f"[image:{m.group(1) or m.group(2) or m.group(3)}]", s)
    s = _BREAK.sub("\n", s)
    s = _TAG.sub("", s)
    s = s.replace("&nbsp;", " ")
    return html.unescape(s)


_TRAILING = re.compile(r"[ \t]+\n")
_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Foreign field text made neat: no blank-line runs, no edge whitespace."""
    if "\n" in text:
        text = _BLANK_RUN.sub("\n\n", _TRAILING.sub("\n", text))
    return text.strip()
