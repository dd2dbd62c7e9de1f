"""``trainer study [DECK]`` and bare ``trainer``: open the study app.

Textual is imported only here, inside ``open_app``, so other commands and
``trainer --help`` never pay for it. The app paints its first screen before
the store is opened: :func:`store_opener` runs in the app's first worker.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from trainer.cli import OPTIONS, GlobalOptions, options

if TYPE_CHECKING:
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


def make_app(deck: str | None, opts: GlobalOptions | None = None) -> TrainerApp:
    """The app the command runs, over the store named by the global options."""
    opts = opts or OPTIONS
    from trainer.services.settings import config_path
    from trainer.tui.app import build_app

    return build_app(store_opener(opts.db, opts.profile, deck), deck=deck, settings=config_path())


def open_app(deck: str | None, opts: GlobalOptions | None = None) -> None:
    """Run the app until the student quits; a store that cannot open is reported."""
    trainer_app = make_app(deck, opts)
    try:
        trainer_app.run()
    finally:
        trainer_app.close_store()
    if trainer_app.open_error is not None:
        raise trainer_app.open_error


def study(
    ctx: typer.Context,
    deck: Annotated[str | None, typer.Argument(help="Deck to study (default: all).")] = None,
) -> None:
    """Study a deck (all decks by default) in the full-screen app."""
    open_app(deck, options(ctx))
