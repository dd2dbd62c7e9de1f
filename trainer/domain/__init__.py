"""Plain dataclasses and enums shared by every layer; imports nothing heavy.

The names below are loaded on first use: importing one small module of this
package (``trainer.domain.display`` on the first screen) does not build every
class of the model."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.domain.errors import InputError, StoreError, TrainerError
    from trainer.domain.model import (
        Article,
        Card,
        CardState,
        Deck,
        DeckCounts,
        DeckOptions,
        LeechAction,
        Note,
        NoteKind,
        Queue,
        Rating,
        Review,
        SourceRef,
    )

__all__ = [
    "Article",
    "Card",
    "CardState",
    "Deck",
    "DeckCounts",
    "DeckOptions",
    "InputError",
    "LeechAction",
    "Note",
    "NoteKind",
    "Queue",
    "Rating",
    "Review",
    "SourceRef",
    "StoreError",
    "TrainerError",
]

_ERRORS = frozenset({"InputError", "StoreError", "TrainerError"})


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module("trainer.domain.errors" if name in _ERRORS else "trainer.domain.model")
    return getattr(module, name)
