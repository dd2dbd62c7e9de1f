"""Counted nouns in messages: ``1 card``, ``2 cards``."""

from __future__ import annotations

IRREGULAR = {"day": "days", "entry": "entries", "copy": "copies"}


def plural(count: float, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, the noun in the plural unless ``count`` is 1."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {many or IRREGULAR.get(word) or word + 's'}"
