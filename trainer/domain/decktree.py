"""The deck tree: names with ``::`` make parents; counts roll up within each level's limits.

Pure functions on :class:`DeckCounts` (no storage), so the fast ``trainer due``
path, the services and the front ends share one rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.counts import DeckCounts

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
    children: int = 0
    """How many sub-decks sit directly under it."""
    collapsed: bool = False
    """Its sub-decks are hidden (only meaningful with children)."""

    @property
    def label(self) -> str:
        """The last part of the name (``直播带货``)."""
        return self.name.rpartition(SEP)[2]

    @property
    def parent(self) -> str | None:
        return parent_of(self.name)

    def to_dict(self) -> dict[str, object]:
        return {
            "deck": self.name,
            "id": self.deck_id,
            "parent": self.parent,
            "depth": self.depth,
            "new": self.new,
            "learning": self.learning,
            "due": self.due,
            "collapsed": self.collapsed,
        }


Limits = dict[int, tuple[int, int]]
"""Per deck id: new cards and reviews still allowed today (its own limits)."""


def _names(rows: list[DeckCounts]) -> list[str]:
    """Every node of the tree, implicit parents included, parents before sub-decks."""
    names: set[str] = set()
    for r in rows:
        parts = r.name.split(SEP)
        names.update(SEP.join(parts[: i + 1]) for i in range(len(parts)))
    return sorted(names, key=lambda n: n.split(SEP))


def rolled_up(rows: list[DeckCounts], limits: Limits | None = None) -> dict[str, DeckCounts]:
    """Each node's counts with its sub-decks', capped by each level's own limits, as Anki does.

    Anki's v3 rule: a deck's new count is ``min(own + Σ children's rolled-up counts,
    the deck's limit)``, the same for reviews, learning never capped. Each row in
    ``rows`` is already within its own limit; ``limits`` gives what each deck may
    still show today. A parent that exists only by name has no limits of its own.
    """
    limits = limits or {}
    own = {r.name: r for r in rows}
    kids: dict[str, list[int]] = {}
    """Per parent: its sub-decks' rolled-up (new, learning, due) added so far."""
    out: dict[str, DeckCounts] = {}
    for name in sorted(_names(rows), key=lambda n: -n.count(SEP)):  # leaves first
        new, learning, due = kids.get(name, [0, 0, 0])
        deck = own.get(name)
        if deck is not None:
            new, learning, due = new + deck.new, learning + deck.learning, due + deck.due
            if deck.deck_id in limits:
                new_left, review_left = limits[deck.deck_id]
                new, due = min(new, new_left), min(due, review_left)
        out[name] = DeckCounts(deck.deck_id if deck else 0, name, new, learning, due)
        parent = parent_of(name)
        if parent is not None:
            total = kids.setdefault(parent, [0, 0, 0])
            total[0] += new
            total[1] += learning
            total[2] += due
    return out


def deck_tree(
    rows: list[DeckCounts],
    limits: Limits | None = None,
    collapsed: set[str] | frozenset[str] = frozenset(),
) -> list[TreeRow]:
    """Decks as a tree in name order, parents first, each with its sub-decks' counts.

    Implicit parents get a row of their own. Counts roll up within each level's
    limits (:func:`rolled_up`). The sub-decks of a name in ``collapsed`` are left
    out, and so are theirs; the collapsed row itself stays.
    """
    own = {r.name: r for r in rows}
    rolled = rolled_up(rows, limits)
    names = _names(rows)
    children: dict[str, int] = {}
    for n in names:
        parent = parent_of(n)
        if parent is not None:
            children[parent] = children.get(parent, 0) + 1
    out = []
    for name in names:
        if any(name.startswith(c + SEP) for c in collapsed):
            continue
        deck = own.get(name)
        total = rolled[name]
        out.append(
            TreeRow(
                name,
                name.count(SEP),
                None if deck is None else deck.deck_id,
                total.new,
                total.learning,
                total.due,
                children.get(name, 0),
                name in children and name in collapsed,
            )
        )
    return out


def tree_totals(rows: list[DeckCounts], limits: Limits | None = None) -> tuple[int, int, int]:
    """The whole tree's counts: its top-level decks' rolled-up counts added."""
    rolled = rolled_up(rows, limits)
    tops = [c for n, c in rolled.items() if parent_of(n) not in rolled]
    return sum(c.new for c in tops), sum(c.learning for c in tops), sum(c.due for c in tops)
