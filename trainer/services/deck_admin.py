"""Deck management: options, rename, move (re-parent).

Decks are named ``parent::child``; renaming or moving a deck renames its
sub-decks with it, in one transaction, and refuses a name already taken.
Statistics and review history refer to deck ids, so they follow.
Each change returns what it replaced, so it can be undone.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from trainer.domain.errors import TrainerError
from trainer.domain.model import Deck, DeckOptions
from trainer.domain.options import OptionError, options_from_dict, options_to_dict
from trainer.services.adding import check_deck_name
from trainer.services.decks import no_deck
from trainer.storage import decks_repo
from trainer.storage.store import Store

_STEP = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_UNIT = {"s": 1, "": 60, "m": 60, "h": 3600, "d": 86400}


def parse_steps(text: str) -> tuple[int, ...]:
    """Anki-style steps: ``1m 10m``, ``10m 1h 1d`` (a bare number is minutes) → seconds."""
    out = []
    for part in text.replace(",", " ").split():
        found = _STEP.match(part.strip().lower())
        if not found:
            raise TrainerError(f"bad step {part!r}: write e.g. 1m 10m 1h 1d")
        seconds = round(float(found.group(1)) * _UNIT[found.group(2)])
        if not 1 <= seconds <= 86400 * 365:
            raise TrainerError(f"bad step {part!r}: from 1s to 365d")
        out.append(seconds)
    return tuple(out)


def format_steps(steps: tuple[int, ...]) -> str:
    def one(s: int) -> str:
        for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
            if s % size == 0:
                return f"{s // size}{unit}"
        return f"{s}s"

    return " ".join(one(s) for s in steps)


@dataclass(frozen=True, slots=True)
class Renamed:
    names: tuple[tuple[str, str], ...]
    """(old, new) for the deck and each sub-deck."""

    def describe(self) -> str:
        old, new = self.names[0]
        more = len(self.names) - 1
        tail = f" (and {more} sub-deck{'s' if more > 1 else ''})" if more else ""
        return f"Renamed {old} to {new}{tail}"


_Plan = tuple[Renamed, tuple[tuple[int, str, str], ...]]
"""What a rename will say it did, and the (deck id, old name, new name) it makes."""


class DeckAdmin:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _deck(self, conn: Connection, name: str) -> Deck:
        deck = decks_repo.deck_by_name(conn, name)
        if deck is None:
            raise no_deck(conn, name)
        return deck

    def options(self, name: str) -> DeckOptions:
        with self.store.read() as conn:
            return self._deck(conn, name).options

    def set_options(self, name: str, changes: dict[str, Any]) -> tuple[DeckOptions, DeckOptions]:
        """Change some options of a deck; returns (before, after)."""
        with self.store.write() as conn:
            deck = self._deck(conn, name)
            try:
                after = options_from_dict(changes, deck.options)
            except OptionError as exc:
                raise TrainerError(str(exc)) from None
            if after != deck.options:
                decks_repo.update_deck(
                    conn, Deck(deck.id, deck.name, deck.description, after), int(time.time())
                )
        return deck.options, after

    def replace_options(self, name: str, options: DeckOptions) -> None:
        """Put back a deck's whole options (undo)."""
        self.set_options(name, options_to_dict(options))

    def preset(self, name: str) -> str:
        """The preset the deck shares its options with ("" for its own options)."""
        with self.store.read() as conn:
            deck = self._deck(conn, name)
            return decks_repo.preset_of(conn, deck.id)

    def presets(self) -> dict[str, list[str]]:
        """Preset name → the decks sharing it."""
        out: dict[str, list[str]] = {}
        with self.store.read() as conn:
            for preset, deck in decks_repo.presets(conn):
                out.setdefault(preset, []).append(deck)
        return out

    def set_preset(self, name: str, preset: str) -> tuple[str, DeckOptions]:
        """Share options with the decks of ``preset`` ("" for the deck's own options).

        Joining a preset that other decks use takes their options (exam settings
        stay the deck's own); a new preset starts from the deck's options. Returns
        the preset and options the deck had, for undo.
        """
        preset = preset.strip()
        if len(preset) > 100:
            raise TrainerError("a preset name is at most 100 characters")
        now_s = int(time.time())
        with self.store.write() as conn:
            deck = self._deck(conn, name)
            before = decks_repo.preset_of(conn, deck.id)
            peer = decks_repo.preset_peer(conn, preset, deck.id) if preset else None
            decks_repo.set_preset(conn, deck.id, preset)
            if peer is not None:
                decks_repo.share_preset(conn, peer, now_s)
        return before, deck.options

    def _tree(self, conn: Connection, name: str) -> str:
        """The name of deck ``name`` or of the parent it is to its sub-decks: a parent
        exists implicitly, as in Anki (``申论`` over ``申论::直播带货``)."""
        deck = decks_repo.deck_by_name(conn, name)
        if deck is not None:
            return deck.name
        prefix = name.strip().removesuffix("::")
        if prefix and any(n.startswith(prefix + "::") for _i, n in decks_repo.names(conn)):
            return prefix
        raise TrainerError(f"no deck named {name!r}")

    def rename(self, old: str, new: str) -> Renamed:
        new = check_deck_name(new)
        with self.store.write() as conn:
            return self._apply(conn, self._plan(conn, self._tree(conn, old), new))

    def move(self, name: str, parent: str) -> Renamed:
        """Put deck ``name`` (with its sub-decks) under ``parent`` ("" for the top level)."""
        with self.store.write() as conn:
            return self._apply(conn, self._plan_move(conn, name, parent))

    def check_rename(self, old: str, new: str) -> Renamed:
        """What :meth:`rename` would do, changing nothing: raises what it would raise,
        so a command can report a missing deck or a taken name before it asks."""
        new = check_deck_name(new)
        with self.store.read() as conn:
            return self._plan(conn, self._tree(conn, old), new)[0]

    def check_move(self, name: str, parent: str) -> Renamed:
        """What :meth:`move` would do, changing nothing (see :meth:`check_rename`)."""
        with self.store.read() as conn:
            return self._plan_move(conn, name, parent)[0]

    def _plan_move(self, conn: Connection, name: str, parent: str) -> _Plan:
        leaf = name.split("::")[-1]
        target = f"{check_deck_name(parent)}::{leaf}" if parent.strip() else leaf
        tree = self._tree(conn, name)
        if parent.strip() and (parent == name or parent.startswith(name + "::")):
            raise TrainerError(f"cannot move {name} into itself")
        return self._plan(conn, tree, target)

    def _plan(self, conn: Connection, old: str, new: str) -> _Plan:
        """The renames that take deck tree ``old`` to ``new``, checked, not yet made."""
        if new == old:
            raise TrainerError(f"{old} is already called that")
        rows = decks_repo.names(conn)
        names = {name for _id, name in rows}
        moves = [
            (deck_id, name, new + name[len(old) :])
            for deck_id, name in rows
            if name == old or name.startswith(old + "::")
        ]
        moving = {m[1] for m in moves}
        for _id, _old, target in moves:
            if target in names and target not in moving:
                raise TrainerError(f"a deck named {target!r} already exists")
            if len(target) > 200:
                raise TrainerError("a deck name is at most 200 characters")
        moves.sort(key=lambda m: m[1])
        pairs = tuple((o, t) for _i, o, t in moves)
        if old not in names:  # a parent with no deck of its own: named first all the same
            pairs = ((old, new), *pairs)
        return Renamed(pairs), tuple(moves)

    def _apply(self, conn: Connection, plan: _Plan) -> Renamed:
        renamed, moves = plan
        # Through temporary names first: a rename may swap names within the moving set.
        for deck_id, _old, _target in moves:
            decks_repo.rename(conn, deck_id, f"\x01renaming {deck_id}")
        now_s = int(time.time())
        for deck_id, _old, target in moves:
            decks_repo.rename(conn, deck_id, target, now_s)
        return renamed

    def delete(self, name: str) -> DeletedDeck:
        """Delete a deck, its sub-decks, their notes, cards and review history.

        Everything removed comes back with :meth:`restore` (the undo).
        """
        with self.store.write() as conn:
            return _delete_deck(conn, self._tree(conn, name), self.store.profile.id)

    def restore(self, deleted: DeletedDeck) -> None:
        with self.store.write() as conn:
            _restore_deck(conn, deleted)

    def undo_rename(self, renamed: Renamed) -> None:
        old, new = renamed.names[0]
        with self.store.write() as conn:
            self._apply(conn, self._plan(conn, new, old))


@dataclass(frozen=True, slots=True)
class DeletedDeck:
    """Every row a deck deletion removed, to put back on undo (same ids)."""

    name: str
    cards: int
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    """(table name, rows) in the order they go back in."""

    def describe(self) -> str:
        return f"Deleted {self.name} ({self.cards} card{'' if self.cards == 1 else 's'})"


def _delete_deck(conn: Connection, name: str, profile_id: int) -> DeletedDeck:
    from trainer.storage import filtered_repo

    ids = [i for i, n in decks_repo.names(conn) if n == name or n.startswith(name + "::")]
    for deck_id in ids:  # borrowed cards go home first
        if filtered_repo.config(conn, deck_id) is not None:
            filtered_repo.empty(conn, deck_id)
    saved = decks_repo.take_out(conn, ids)
    mine = sum(1 for r in dict(saved)["cards"] if r["profile_id"] == profile_id)
    return DeletedDeck(name, mine, saved)


def _restore_deck(conn: Connection, deleted: DeletedDeck) -> None:
    decks_repo.put_back(conn, deleted.rows)
