"""Line breaking for Chinese text: no line starts with 》，。 or ends with 《“.

Textual folds a run of Chinese characters at the exact width, so closing
punctuation can land at the start of a line. :class:`Kinsoku` wraps a Content
and breaks its lines itself at each width it is drawn at, moving the character
before a closing mark down with it (and an opening mark down with what
follows), as Chinese typesetting does. Latin words and numbers stay whole when
they fit on a line.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

NO_START = frozenset("，。、；：？！）》」』”’〉】〕…—·％,.;:?!)]}%")
"""Marks that must not begin a line."""
NO_END = frozenset("（《「『“‘〈【〔([{")
"""Marks that must not end a line."""
_UNITS = re.compile(r"[A-Za-z0-9_'+\-]+|\s+|.", re.S)


def break_offsets(text: str, width: int) -> list[int]:
    """Where to break one line of ``text`` so no piece is wider than ``width`` cells."""
    if width < 2 or cell_len(text) <= width:
        return []
    units = [(m.start(), m.end()) for m in _UNITS.finditer(text)]
    offsets: list[int] = []
    start, used, i = 0, 0, 0
    while i < len(units):
        a, b = units[i]
        size = cell_len(text[a:b])
        if used + size <= width:
            used += size
            i += 1
            continue
        if text[a:b].isspace():  # break after the spaces; they end the line
            i += 1
            if i < len(units):
                offsets.append(units[i][0])
            start, used = i, 0
            continue
        if i == start:  # one word wider than a line: fold it by characters
            units[i : i + 1] = [(k, k + 1) for k in range(a, b)]
            continue
        j = i
        while j > start + 1 and (text[units[j][0]] in NO_START or text[units[j - 1][0]] in NO_END):
            j -= 1
        offsets.append(units[j][0])
        start, i = j, j
        used = 0
    return offsets


def kinsoku_wrap(content: Content, width: int) -> Content:
    """``content`` with line breaks put in for ``width`` cells (styles kept)."""
    lines = []
    for line in content.split("\n", allow_blank=True):
        offsets = break_offsets(line.plain, width)
        if not offsets:
            lines.append(line)
            continue
        lines.extend(piece.rstrip() for piece in line.divide(offsets))
    return Content("\n").join(lines)


class Kinsoku(Visual):
    """A Content drawn with :func:`kinsoku_wrap` at whatever width it gets."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._cache: tuple[int, Content] | None = None

    def _at(self, width: int) -> Content:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, kinsoku_wrap(self.content, width))
        return self._cache[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width).get_height(rules, width)
