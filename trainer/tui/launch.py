"""Opening the study app: the store opener, the first counts and the run.

Free of the CLI parser so bare ``trainer`` can start the app without it
(:mod:`trainer.entry`); ``trainer study`` comes here too. The app paints its
first screen before the store is opened: :func:`store_opener` runs in the app's
first worker, and :func:`quick_counts` gives that first paint today's counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.domain.counts import DeckCounts
    from trainer.domain.decktree import TreeRow
    from trainer.storage.store import Store
    from trainer.tui.app import TrainerApp


def store_opener(
    db: str | None, profile: str, deck: str | None, *, bundled: bool = True
) -> Callable[[], Store]:
    """Opens the store and checks ``deck`` exists (TrainerError if not)."""

    def opener() -> Store:
        from trainer.services.session import open_store

        store = open_store(db, profile, bundled=bundled)
        _daily_backup(store)
        if deck is not None:
            from trainer.services.study import StudyService

            try:
                with store.read() as conn:
                    StudyService(store).deck_ids(conn, deck)  # raises if unknown
            except BaseException:
                store.close()
                raise
        return store

    return opener


def _daily_backup(store: Store) -> None:
    """Once a day while studying; a failed backup must not keep the student from studying."""
    from trainer.domain.errors import TrainerError
    from trainer.services.backup import daily_backup

    with contextlib.suppress(TrainerError, OSError):
        daily_backup(store)


def quick_counts(
    db: str | None, profile: str
) -> Callable[[datetime], tuple[list[DeckCounts], list[TreeRow]] | None] | None:
    """The deck list's first counts read straight from the SQLite file (``trainer due``'s
    path): no SQLAlchemy, Alembic or backup before the first paint. None for a server
    store; the counter returns None when that path declines or there is no deck yet.
    The tree it gives is the one the store would give: parents capped by their
    limits, collapsed parents' sub-decks left out."""
    from trainer.storage.paths import sqlite_file

    path = sqlite_file(db)
    if path is None:
        return None

    def counts(now: datetime) -> tuple[list[DeckCounts], list[TreeRow]] | None:
        from trainer.domain.decktree import deck_tree
        from trainer.storage.fastcount import tree_counts

        found = tree_counts(path, profile, now)
        if not found or not found[0]:
            return None
        rows, limits, collapsed = found
        return rows, deck_tree(rows, limits, collapsed)

    return counts


def make_app(db: str | None, profile: str, deck: str | None) -> TrainerApp:
    """The app ``trainer`` runs over the store ``db`` (None: the default) for ``profile``."""
    from trainer.services.settings import config_path
    from trainer.tui.app import build_app

    return build_app(
        store_opener(db, profile, deck),
        deck=deck,
        settings=config_path(),
        quick_counts=quick_counts(db, profile),
    )


def open_app(db: str | None, profile: str, deck: str | None) -> None:
    """Run the app until the student quits; a store that cannot open is reported."""
    trainer_app = make_app(db, profile, deck)
    try:
        trainer_app.run()
    finally:
        trainer_app.close_store()
    if trainer_app.open_error is not None:
        raise trainer_app.open_error
