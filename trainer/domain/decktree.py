"""The deck tree: ``A::B`` names as parents and sub-decks, with their counts summed.

Pure functions over :class:`DeckCounts`, so the first screen and ``trainer decks``
can draw the tree from counts read without the store's full machinery.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.model import DeckCounts

SEP = "::"


def parent_of(name: str) -> str | None:
    """``申论`` for ``申论::直播带货``; None for a top-level deck."""
    head, sep, _tail = name.rpartition(SEP)
    return head if sep else None


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One line of the deck tree: a deck, or a parent that exists only by its children."""

    name: str
    """The full name (``申论::直播带货``)."""
    depth: int
    deck_id: int | None
    """None for an implicit parent."""
    new: int
    learning: int
    due: int

    @property
    def label(self) -> str:
        """The last part of the name (``直播带货``)."""
        return self.name.rpartition(SEP)[2]

    @property
    def parent(self) -> str | None:
        return parent_of(self.name)


def deck_tree(rows: list[DeckCounts]) -> list[TreeRow]:
    """Decks as a tree in name order, parents first, each with its sub-decks' counts added.

    Implicit parents get a row of their own. A parent's counts are its own plus
    its sub-decks', each deck within its own daily limits, the same sum that
    studying the parent shows.
    """
    own = {r.name: r for r in rows}
    names: set[str] = set()
    for r in rows:
        parts = r.name.split(SEP)
        names.update(SEP.join(parts[: i + 1]) for i in range(len(parts)))
    out = []
    for name in sorted(names, key=lambda n: n.split(SEP)):
        under = [r for r in rows if r.name == name or r.name.startswith(name + SEP)]
        deck = own.get(name)
        out.append(
            TreeRow(
                name,
                name.count(SEP),
                None if deck is None else deck.deck_id,
                sum(r.new for r in under),
                sum(r.learning for r in under),
                sum(r.due for r in under),
            )
        )
    return out
