"""``trainer suspended`` and ``trainer unsuspend``: find and bring back suspended cards.

The study screen suspends with ``!`` (and leeches may be suspended
automatically); these commands are the way back without a browser.
"""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import OPTIONS, app, echo, fail


def _front(note_kind: str, text: str, prompt: str, ord_: int) -> str:
    from trainer.domain import cloze

    if note_kind == "cloze":
        return cloze.render(text, ord_, reveal=False)
    return prompt


@app.command()
def suspended(
    deck: Annotated[
        str | None, typer.Argument(help="Deck (with sub-decks); all when omitted.")
    ] = None,
) -> None:
    """List suspended cards: id, deck id, lapses and front."""
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        rows = StudyService(store).suspended(deck)
    finally:
        store.close()
    if not rows:
        typer.echo("no suspended cards")
        return
    for card, note in rows:
        front = _front(note.kind.value, note.text, note.prompt, card.ord).replace("\n", " ")
        echo(f"{card.id}\t{card.deck_id}\t{card.lapses}\t{front[:60]}")


@app.command()
def unsuspend(
    cards: Annotated[
        list[int] | None, typer.Argument(help="Card ids (see `trainer suspended`).")
    ] = None,
    deck: Annotated[
        str | None, typer.Option("--deck", help="Unsuspend every card of a deck.")
    ] = None,
) -> None:
    """Put suspended cards back into the study queue."""
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    if not cards and deck is None:
        fail("give card ids or --deck", 2)
    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        study = StudyService(store)
        ids = list(cards or []) + ([c.id for c, _n in study.suspended(deck)] if deck else [])
        study.unsuspend(ids)
    finally:
        store.close()
    typer.echo(f"unsuspended {len(ids)} cards")
