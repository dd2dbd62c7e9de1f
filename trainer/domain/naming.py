"""The one rule for naming a deck made from an article, in the app and on the command line."""

from __future__ import annotations

MADE_PARENT = "申论"
"""Decks made from articles live under this parent (the bundled deck too)."""


def made_deck_name(title: str) -> str:
    """``申论::<title>``: the deck an article's cards go to unless another is named."""
    title = " ".join(title.replace("::", ":").split()) or "未命名"
    return f"{MADE_PARENT}::{title}"
