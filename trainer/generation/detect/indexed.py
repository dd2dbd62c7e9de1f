"""A long text that answers ``count`` and ``spread`` from n-gram tables.

Key-term ranking asks how often, where first and in how many paragraphs each of
thousands of candidate strings occurs. On an ordinary article ``str.count`` does
that fastest; on a long one (a book chapter, a page of unpunctuated text) those
questions cost the text's length each, and their number grows with it: quadratic.
:class:`Indexed` builds, for each string length asked about, one table of every
substring of that length (count, first offset, paragraphs) in a single pass, so
the total cost stays linear in the text.
"""

from __future__ import annotations

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

    def __new__(cls, text: str) -> Indexed:
        obj = super().__new__(cls, text)
        obj._tables = {}
        obj._counts = {}
        return obj

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
            got = self._counts[sub] = str.count(self, sub) if table is None else table[0][sub]
        return got

    def find(self, sub: str, *args: SupportsIndex | None) -> int:  # type: ignore[override]
        table = None if args else self._table(sub)
        if table is not None and not table[0][sub]:
            return -1  # absent: no need to read the whole text to say so
        return str.find(self, sub, *args)

    def spread(self, sub: str) -> int:
        """How many lines (paragraphs) hold ``sub``."""
        table = self._table(sub)
        if table is None:
            return sum(1 for p in str.split(self, "\n") if sub in p)
        return table[1][sub]
