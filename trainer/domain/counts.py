"""Today's counts of one deck, apart from :mod:`trainer.domain.model` so that the
first screen (the deck list, ``trainer due``) reads them without making the rest of
the model's classes (re-exported there)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeckCounts:
    """What the deck list and ``trainer due`` show for one deck today."""

    deck_id: int
    name: str
    new: int
    learning: int
    due: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.due
