"""Which common 申论 themes an article is about, from keyword lexicons (a data file).

``data/topics.txt`` lists each theme (乡村振兴, 基层治理, 生态环保, …) with words
that show it; :func:`topics_of` counts them in the article (its title three
times over, longer keywords weigh more) and keeps the strongest themes. Plain
substring counting: no segmenter, so a migration or a deck import can tag
articles cheaply. :func:`date_of` finds the date an article names for itself
(``发布日期：2024-03-05``, ``2024年3月5日``) in its first lines.

Topics are stored space-padded like Anki's tags (``" 乡村振兴 教育 "``) so a
``LIKE '% 教育 %'`` finds them; :func:`pack` and :func:`unpack` convert.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["MAX_TOPICS", "date_of", "lexicon", "pack", "theme_names", "topics_of", "unpack"]

MAX_TOPICS = 3
_MIN_SCORE = 4.0
_SHARE_OF_BEST = 0.4
_TITLE_WEIGHT = 3


@cache
def lexicon() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(theme, keywords) in the data file's order."""
    raw = resources.files("trainer.domain").joinpath("data/topics.txt").read_text("utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        name, _tab, words = line.partition("\t")
        keys = tuple(dict.fromkeys(w for w in words.split() if w))
        out.append((name.strip(), keys))
    return tuple(out)


def theme_names() -> tuple[str, ...]:
    return tuple(name for name, _keys in lexicon())


def _weight(keyword: str, theme: str) -> float:
    base = 1.0 + 0.5 * max(0, len(keyword) - 2)
    return base * 2 if keyword == theme else base


def scores(text: str, title: str = "") -> dict[str, float]:
    """Each theme's evidence in the article (themes without any are left out)."""
    out: dict[str, float] = {}
    for theme, keys in lexicon():
        score = 0.0
        for key in keys:
            hits = text.count(key) + _TITLE_WEIGHT * title.count(key)
            if hits:
                score += hits * _weight(key, theme)
        if score:
            out[theme] = score
    return out


def topics_of(text: str, title: str = "") -> tuple[str, ...]:
    """The article's themes, strongest first (at most :data:`MAX_TOPICS`)."""
    found = scores(text, title)
    if not found:
        return ()
    best = max(found.values())
    order = {name: i for i, name in enumerate(theme_names())}
    ranked = sorted(found, key=lambda t: (-found[t], order[t]))
    keep = [t for t in ranked if found[t] >= max(_MIN_SCORE, _SHARE_OF_BEST * best)]
    return tuple(keep[:MAX_TOPICS])


def pack(topics: tuple[str, ...] | list[str]) -> str:
    """Topics as stored: space-separated with a leading and trailing space ("" for none)."""
    names = [t for t in dict.fromkeys(" ".join(topics).split()) if t]
    return f" {' '.join(names)} " if names else ""


def unpack(stored: str) -> tuple[str, ...]:
    return tuple(stored.split())


_DATE_LABELLED = re.compile(
    r"(?:发布日期|发布时间|日期|时间|date)\s*[:：]\s*"
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})",
    re.IGNORECASE,
)
_DATE_ANY = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2})(?!\d))"
)
_HEAD = 400
"""Only the article's opening (its metadata lines and first paragraph) names its date."""


def date_of(text: str) -> str:
    """The article's date as ``YYYY-MM-DD`` if its opening names one, else ""."""
    head = text[:_HEAD]
    m = _DATE_LABELLED.search(head)
    if m is not None:
        return _iso(m.group(1), m.group(2), m.group(3))
    for m in _DATE_ANY.finditer(head):
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        iso = _iso(m.group(1), month, day)
        if iso:
            return iso
    return ""


def _iso(year: str, month: str, day: str) -> str:
    from datetime import date

    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""
