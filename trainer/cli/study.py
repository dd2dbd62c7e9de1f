"""``trainer study [DECK]`` and bare ``trainer``: open the study app.

Textual is imported only here, inside ``open_app``, so other commands and
``trainer --help`` never pay for it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import OPTIONS, app


def open_app(deck: str | None) -> None:
    """Open the store, check the deck exists, and run the app until the student quits."""
    from trainer.services.session import open_store

    store = open_store(OPTIONS.db, OPTIONS.profile)
    try:
        if deck is not None:
            from trainer.services.study import StudyService

            with store.read() as conn:
                StudyService(store).deck_ids(conn, deck)  # raises TrainerError if unknown
        from trainer.tui.app import build_app

        build_app(store, deck=deck).run()
    finally:
        store.close()


@app.command()
def study(
    deck: Annotated[str | None, typer.Argument(help="Deck to study (default: all).")] = None,
) -> None:
    """Study a deck (all decks by default) in the full-screen app."""
    open_app(deck)
