"""Plain dataclasses and enums shared by every layer; imports nothing heavy."""

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
