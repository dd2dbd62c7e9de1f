"""Counting an answer the way the 申论 answer sheet (方格纸) counts it.

The sheet is a grid, 25 cells to a row; "不超过150字" is read off the grid, so
what counts is the cells an answer takes, not the characters in a file. The
rules (GB/T 15834 as applied to manuscript grids and to the exam's 作答规范; see
docs/practice.md):

* every Chinese character takes one cell;
* every 点号 (。，、；：？！) takes one cell; so does each half of a 引号, 括号 or
  书名号 (“ ” ‘ ’ （ ） 《 》 〈 〉 【 】), and a 连接号 or 间隔号 (－ ～ ·);
* a 破折号 (——) and a 省略号 (……) take two cells, one for each of their two
  characters (``...`` and ``......`` typed in ASCII are one 省略号);
* Arabic digits and Latin letters go two to a cell: a run of them (with a
  decimal point or ``%`` inside it, ``9.5%``) takes half its length, rounded up;
* a new paragraph starts a new row: the rest of the row stays empty and is
  counted, because the sheet's 字数 marks count cells, blank ones included;
  leading spaces of a paragraph (空两格) are cells too: a full-width space is
  one, two ASCII spaces are one; spaces inside a paragraph are not written on
  the sheet and take no cell;
* a 点号 or a closing half that would open a row is squeezed into the last cell
  of the row before (it never starts a row); an opening half that would end a
  row moves to the next one, leaving the last cell empty; a 破折号 or 省略号 is
  never split across rows: at a row's last cell it is squeezed into that cell.

:func:`count` gives the filled cells (``chars``: what the writer wrote) and the
cells reached on the grid (``cells``: what the sheet's marks read, the number a
limit is checked against).
"""

from __future__ import annotations

from dataclasses import dataclass

ROW = 25
"""Cells in one row of the 申论 answer sheet."""

POINT_MARKS = frozenset("。，、；：？！,;:?!")
"""点号: one cell, never at the start of a row."""
OPENING = frozenset("“‘（《〈【(「『[")
CLOSING = frozenset("”’）》〉】)」』]")
DOUBLE = frozenset("—…")
"""破折号 and 省略号 are written as two of these: one cell each, never split."""
SINGLE_MARKS = frozenset("－～·-~\"'")
FULL_SPACE = "\u3000"


@dataclass(frozen=True, slots=True)
class GridCount:
    chars: int
    """Cells written on (characters, marks, digit pairs)."""
    cells: int
    """Cells reached on the grid: written ones, indentation, and the empty ends
    of rows that closed a paragraph. A limit is checked against this."""
    rows: int
    """Rows used."""

    def over(self, limit: int) -> int:
        """Cells beyond ``limit`` (0 when within it or when there is no limit)."""
        return max(0, self.cells - limit) if limit > 0 else 0


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def tokens(paragraph: str) -> list[tuple[str, str]]:
    """A paragraph's cells as (kind, text): ``cell``, ``point``, ``open``, ``close``,
    ``double`` (one half of a 破折号/省略号) or ``indent``. Inner spaces are dropped."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(paragraph)
    spaces = 0
    while i < n and paragraph[i] in (" ", FULL_SPACE, "\t"):
        spaces += 2 if paragraph[i] in (FULL_SPACE, "\t") else 1
        i += 1
    out.extend(("indent", " ") for _ in range((spaces + 1) // 2))
    while i < n:
        ch = paragraph[i]
        if ch.isspace():
            i += 1
            continue
        if _alnum(ch):
            j = i
            while j < n and (
                _alnum(paragraph[j])
                or (paragraph[j] in ".%" and j > i and _alnum(paragraph[j - 1]))
            ):
                j += 1
            run = paragraph[i:j]
            out.extend(("cell", run[k : k + 2]) for k in range(0, len(run), 2))
            i = j
            continue
        if ch == "." and paragraph.startswith("...", i):
            j = i
            while j < n and paragraph[j] == ".":
                j += 1
            out.extend([("double", "…"), ("double", "…")])
            i = j
            continue
        if ch in DOUBLE:
            out.append(("double", ch))
        elif ch in POINT_MARKS or ch == ".":
            out.append(("point", ch))
        elif ch in OPENING:
            out.append(("open", ch))
        elif ch in CLOSING:
            out.append(("close", ch))
        else:
            out.append(("cell", ch))
        i += 1
    return out


def layout(text: str, row: int = ROW) -> list[list[str]]:
    """The answer as it would be written on the grid: rows of cells ('' for empty)."""
    rows: list[list[str]] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cells = tokens(paragraph)
        if not cells:
            continue
        current: list[str] = []
        rows.append(current)
        k = 0
        while k < len(cells):
            kind, value = cells[k]
            if len(current) == row:
                if kind in ("point", "close") and current:
                    current[-1] += value  # squeezed into the row's last cell
                    k += 1
                    continue
                current = []
                rows.append(current)
            if kind == "open" and len(current) == row - 1 and k + 1 < len(cells):
                current.append("")  # an opening half never ends a row
                continue
            if kind == "double" and k + 1 < len(cells) and cells[k + 1][0] == "double":
                if len(current) == row - 1:
                    current.append(value + cells[k + 1][1])  # never split: one cell
                    k += 2
                    continue
                current.extend([value, cells[k + 1][1]])
                k += 2
                continue
            current.append(value)
            k += 1
    return rows


def count(text: str, row: int = ROW) -> GridCount:
    """How much of the grid ``text`` takes."""
    rows = layout(text, row)
    if not rows:
        return GridCount(0, 0, 0)
    chars = sum(1 for r in rows for c in r if c.strip())
    cells = row * (len(rows) - 1) + len(rows[-1])
    return GridCount(chars, cells, len(rows))
