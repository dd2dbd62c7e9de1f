"""Text from files, shown on a terminal: control characters made visible.

Card text, deck names, CSV headers and article titles are data. A raw ESC in
them would reach the terminal as a command (OSC 52 writes the clipboard,
``ESC [2J`` blanks the screen, OSC 0 renames the window), so everything that
shows such text (the TUI's widgets, the CLI's output) passes it through
``visible`` first. Newline and tab keep their meaning (``\\r\\n`` reads as a
newline); every other C0 control and DEL becomes its Unicode control picture
(ESC shows as ``␛``, NUL as ``␀``); a C1 control (U+0080..U+009F, which some
terminals obey like ESC sequences) becomes a visible escape such as ``\\x9b``.
The stored text is never changed: this is for display only.
"""

from __future__ import annotations

import json
import re
from typing import Any

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def visible(text: str) -> str:
    """``text`` safe to show: C0/C1 controls other than newline and tab made visible."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_picture, text.replace("\r\n", "\n"))


def has_controls(text: str) -> bool:
    """Whether ``visible`` would change ``text``."""
    return _CONTROL.search(text) is not None


def json_text(data: Any, **kwargs: Any) -> str:
    """``json.dumps`` with non-ASCII kept readable but DEL and C1 controls escaped.

    ``json.dumps`` already writes C0 controls as ``\\u001b``; with
    ``ensure_ascii=False`` it leaves U+007F..U+009F raw. Escaping them keeps the
    document equal (``json.loads`` gives the same data) and the terminal safe.
    """
    out = json.dumps(data, ensure_ascii=False, **kwargs)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
