"""``trainer study [DECK]`` (and bare ``trainer`` with other options): open the study app.

Textual is imported only inside these functions (:mod:`trainer.tui.launch`), so
other commands and ``trainer --help`` never pay for it.
"""

from __future__ import annotations

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
    from trainer.tui.launch import store_opener

    return store_opener(db, profile, deck, bundled=bundled)


def make_app(deck: str | None, opts: GlobalOptions | None = None) -> TrainerApp:
    """The app the command runs, over the store named by the global options."""
    opts = opts or OPTIONS
    from trainer.tui.launch import make_app

    return make_app(opts.db, opts.profile, deck)


def open_app(deck: str | None, opts: GlobalOptions | None = None) -> None:
    """Run the app until the student quits; a store that cannot open is reported."""
    opts = opts or OPTIONS
    from trainer.tui.launch import open_app

    open_app(opts.db, opts.profile, deck)


def study(
    ctx: typer.Context,
    deck: Annotated[str | None, typer.Argument(help="Deck to study (default: all).")] = None,
) -> None:
    """Study a deck (all decks by default) in the full-screen app."""
    open_app(deck, options(ctx))
