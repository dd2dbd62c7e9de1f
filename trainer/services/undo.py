"""One undo stack per session for every kind of change, as Anki's Edit ▸ Undo.

Study actions (answer, bury, suspend, edit), browser actions, deck renames,
moves and deletions and deck option changes all go on the same stack; undo
takes back the newest, wherever it was done, and names it. Each step carries
the function that puts the store back; the services make those steps
(:func:`browse_step`, :func:`deck_step`, :func:`options_step`, and
``StudyService`` for its own actions), so a front end only pushes and pops.

Redo, as Anki's Edit ▸ Redo, takes back the last undo for the actions that can
simply be done again (browser actions, deck renames, moves and deletions,
option changes); a new action empties the redo list, and a study answer,
which depends on when it was given, is not redone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.domain.model import Card, DeckOptions

if TYPE_CHECKING:
    from trainer.services.browse import BrowseService, Change
    from trainer.services.deck_admin import DeletedDeck, Renamed
    from trainer.storage.store import Store

UNDO_LEVELS = 50


@dataclass(frozen=True)
class Step:
    """One action that can be taken back."""

    label: str
    """What the action was, for the notice: ``answer (Good)``, ``Suspended: 3 cards``."""
    undo: Callable[[], Any]
    """Puts the store back; may raise TrainerError (then the step is dropped)."""
    kind: str = ""
    """``answer``, ``bury``, ``suspend``, ``edit`` (study), ``browse``, ``deck``, ``options``."""
    decks_changed: bool = False
    """Undoing it changes decks or their options (caches of deck lists go stale)."""
    ref: object = None
    """What the maker needs to recognise its own step (the study Action)."""
    redo: Callable[[], Step] | None = None
    """Does the action again after an undo; returns the step that undoes that."""


@dataclass(frozen=True)
class Undone:
    """What :meth:`UndoStack.undo` took back, and what its undo returned."""

    step: Step
    result: Any = None

    @property
    def message(self) -> str:
        return f"Undone: {self.step.label}"

    @property
    def kind(self) -> str:
        return self.step.kind

    @property
    def card(self) -> Card | None:
        """The card a study action concerned, as restored (None for other actions)."""
        return self.result if isinstance(self.result, Card) else None


class UndoStack:
    """The session's actions, oldest first; at most ``UNDO_LEVELS`` are kept."""

    def __init__(self, levels: int = UNDO_LEVELS) -> None:
        self._steps: list[Step] = []
        self._undone: list[Step] = []
        """Steps undone that can be redone, newest last."""
        self._levels = levels
        self._lock = threading.Lock()

    def push(self, step: Step) -> None:
        """A new action: it goes on top and nothing undone before can be redone."""
        with self._lock:
            self._push(step)
            self._undone.clear()

    def _push(self, step: Step) -> None:
        self._steps.append(step)
        del self._steps[: -self._levels]

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def redo(self) -> Undone | None:
        """Do again the action undone last; None when there is none (or it cannot be)."""
        with self._lock:
            if not self._undone:
                return None
            step = self._undone.pop()
        assert step.redo is not None
        again = step.redo()
        with self._lock:
            self._push(again)
        return Undone(again)

    @property
    def can_undo(self) -> bool:
        return bool(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def peek(self) -> Step | None:
        with self._lock:
            return self._steps[-1] if self._steps else None

    def undo(self) -> Undone | None:
        """Take back the newest action; None when there is none.

        If its undo fails (TrainerError: say, the deck it restores is taken) the
        step is dropped, so the next undo reaches the one before.
        """
        with self._lock:
            if not self._steps:
                return None
            step = self._steps.pop()
        result = step.undo()
        with self._lock:
            if step.redo is not None:
                self._undone.append(step)
            else:
                self._undone.clear()  # what lies beyond it cannot be redone in order
        return Undone(step, result)

    def drop(self, predicate: Callable[[Step], bool]) -> None:
        """Forget steps that can no longer be undone."""
        with self._lock:
            self._steps = [s for s in self._steps if not predicate(s)]


def browse_step(
    store: Store, change: Change, again: Callable[[BrowseService], Change] | None = None
) -> Step:
    """A browser action (suspend, forget, reschedule, move, tags, delete, edit);
    ``again`` does it once more (redo)."""
    from trainer.services.browse import BrowseService

    def redo() -> Step:
        assert again is not None
        return browse_step(store, again(BrowseService(store)), again)

    return Step(
        change.describe(),
        lambda: BrowseService(store).restore(change),
        "browse",
        decks_changed=bool(change.decks) or change.action.startswith(("Moved", "Deleted")),
        redo=redo if again is not None else None,
    )


def deck_step(store: Store, done: Renamed | DeletedDeck) -> Step:
    """A deck rename, move or deletion."""
    from trainer.services.deck_admin import DeckAdmin, DeletedDeck

    def undo() -> None:
        admin = DeckAdmin(store)
        if isinstance(done, DeletedDeck):
            admin.restore(done)
        else:
            admin.undo_rename(done)

    def redo() -> Step:
        admin = DeckAdmin(store)
        if isinstance(done, DeletedDeck):
            return deck_step(store, admin.delete(done.name))
        old, new = done.names[0]
        return deck_step(store, admin.rename(old, new))

    return Step(done.describe(), undo, "deck", decks_changed=True, redo=redo)


def options_step(store: Store, deck: str, before: DeckOptions, preset: str | None = None) -> Step:
    """A change to a deck's options (and maybe its preset): puts the old ones back."""
    from trainer.services.deck_admin import DeckAdmin

    admin = DeckAdmin(store)
    after, after_preset = admin.options(deck), admin.preset(deck)

    def put(options: DeckOptions, preset_: str | None) -> None:
        if preset_ is not None and admin.preset(deck) != preset_:
            admin.set_preset(deck, preset_)
        admin.replace_options(deck, options)

    def redo() -> Step:
        put(after, after_preset)
        return options_step(store, deck, before, preset)

    return Step(
        f"options of {deck}", lambda: put(before, preset), "options", decks_changed=True, redo=redo
    )
