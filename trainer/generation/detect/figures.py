"""Figures in a sentence (1600 万辆, 5.4%, 749 件): what marks a statistic (rubric: STAT).

The units a figure takes are a word list, ``data/figure_units.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from trainer.generation.lexicon import words

__all__ = ["figures", "has_figure"]


@cache
def _figure() -> re.Pattern[str]:
    units = sorted(words("figure_units"), key=len, reverse=True)
    return re.compile(
        r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:" + "|".join(map(re.escape, units)) + ")"
    )


def figures(text: str) -> int:
    """How many figures ``text`` reports: digits followed by a unit (1600 万辆, 5.4%,
    749 件). A year alone (2035 年) is not one."""
    return sum(not _is_year(m.group(0)) for m in _figure().finditer(text))


def has_figure(text: str) -> bool:
    """``text`` reports a figure (:func:`figures`)."""
    return figures(text) > 0


def _is_year(found: str) -> bool:
    digits = found.rstrip("年 ").strip()
    return found.endswith("年") and len(digits) == 4
