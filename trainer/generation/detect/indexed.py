"""A long text that answers ``count`` and ``spread`` from n-gram tables.

Key-term ranking asks how often, where first and in how many paragraphs each of
thousands of candidate strings occurs. On an ordinary article ``str.count`` does
that fastest; on a long one (a book chapter, a page of unpunctuated text) those
questions cost the text's length each, and their number grows with it: quadratic.
:class:`Indexed` builds, for each string length asked about, one table of every
substring of that length (count, first offset, paragraphs) in a single pass, so
the total cost stays linear in the text.

On an ordinary article the same questions go to an index of where each pair of
characters stands (built once, on the first question): a string's occurrences are
among those of its first two characters, so ``count`` (non-overlapping, as
``str.count``), ``find`` and ``spread`` read a few offsets instead of the whole text
each time; the answers are ``str``'s.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Any, SupportsIndex

__all__ = ["LONG", "Indexed"]

LONG = 40_000
"""Texts at least this long are indexed; shorter ones use ``str`` methods."""
_MAX_GRAM = 12


class Indexed(str):
    """``str`` with ``count(sub)``, ``find(sub)`` and :meth:`spread` from tables."""

    _tables: dict[int, tuple[Counter[str], Counter[str]]]
    _counts: dict[str, int]
    _pairs: dict[str, list[int]] | None
    _lines: list[int] | None

    def __new__(cls, text: str) -> Indexed:
        obj = super().__new__(cls, text)
        obj._tables = {}
        obj._counts = {}
        obj._pairs = None
        obj._lines = None
        return obj

    def _starts(self, sub: str) -> list[int] | None:
        """Offsets of the text's pairs of characters equal to ``sub[:2]`` (where every
        occurrence of ``sub`` starts, and maybe more), in order; None when ``sub`` is
        shorter than two characters or the text long enough for tables."""
        if len(sub) < 2 or len(self) >= LONG:
            return None
        pairs = self._pairs
        if pairs is None:
            text = str(self)
            pairs = self._pairs = {}
            get = pairs.get
            for i in range(len(text) - 1):
                pair = text[i : i + 2]
                at = get(pair)
                if at is None:
                    pairs[pair] = [i]
                else:
                    at.append(i)
        return pairs.get(sub[:2], [])

    def _table(self, sub: str) -> tuple[Counter[str], Counter[str]] | None:
        """(counts, paragraph spreads) of every substring as long as ``sub``; None
        when the text is short or ``sub`` too long for a table."""
        n = len(sub)
        if len(self) < LONG or not 1 <= n <= _MAX_GRAM or "\n" in sub:
            return None
        table = self._tables.get(n)
        if table is None:
            text = str(self)
            counts = Counter(text[i : i + n] for i in range(len(text) - n + 1))
            spreads: Counter[str] = Counter()
            for para in text.split("\n"):
                spreads.update({para[i : i + n] for i in range(len(para) - n + 1)})
            table = self._tables[n] = (counts, spreads)
        return table

    def count(self, sub: str, *args: Any) -> int:  # type: ignore[override]
        if args:
            return str.count(self, sub, *args)
        got = self._counts.get(sub)
        if got is None:
            table = self._table(sub)
            if table is not None:
                got = table[0][sub]
            else:
                starts = self._starts(sub)
                got = str.count(self, sub) if starts is None else self._count(sub, starts)
            self._counts[sub] = got
        return got

    def _count(self, sub: str, starts: list[int]) -> int:
        """``str.count``: occurrences from left to right, each after the last's end."""
        n = 0
        free = 0
        size = len(sub)
        startswith = self.startswith
        for p in starts:
            if p >= free and startswith(sub, p):
                n += 1
                free = p + size
        return n

    def find(self, sub: str, *args: SupportsIndex | None) -> int:  # type: ignore[override]
        table = None if args else self._table(sub)
        if table is not None and not table[0][sub]:
            return -1  # absent: no need to read the whole text to say so
        starts = None if args else self._starts(sub)
        if starts is not None:
            startswith = self.startswith
            return next((p for p in starts if startswith(sub, p)), -1)
        return str.find(self, sub, *args)

    def spread(self, sub: str) -> int:
        """How many lines (paragraphs) hold ``sub``."""
        table = self._table(sub)
        if table is not None:
            return table[1][sub]
        starts = None if "\n" in sub else self._starts(sub)
        if starts is None:
            return sum(1 for p in str.split(self, "\n") if sub in p)
        lines = self._lines
        if lines is None:
            text = str(self)
            lines = self._lines = []
            at = text.find("\n")
            while at >= 0:
                lines.append(at)
                at = text.find("\n", at + 1)
        startswith = self.startswith
        held = {bisect_right(lines, p) for p in starts if startswith(sub, p)}
        return len(held)
