"""``trainer suspended`` and ``trainer unsuspend``: find and bring back suspended cards.

The study screen suspends with ``!`` (and leeches may be suspended
automatically); these commands are the way back without a browser.
"""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import OPTIONS, app, fail


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
    """List suspended cards: id, deck, lapses and front."""
    from trainer.services.decks import DeckService
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        rows = StudyService(store).suspended(deck)
        names = {d.id: d.name for d in DeckService(store).decks()}
    finally:
        store.close()
    if not rows:
        typer.echo("no suspended cards" + (f" in {deck}" if deck else ""))
        return
    typer.echo("card\tdeck\tlapses\tfront")
    for card, note in rows:
        front = _front(note.kind.value, note.text, note.prompt, card.ord).replace("\n", " ")
        name = names.get(card.deck_id, str(card.deck_id))
        typer.echo(f"{card.id}\t{name}\t{card.lapses}\t{front[:60]}")


@app.command()
def unsuspend(
    cards: Annotated[
        list[int] | None, typer.Argument(help="Card ids (see `trainer suspended`).")
    ] = None,
    deck: Annotated[
        str | None, typer.Option("--deck", help="Unsuspend every card of a deck.")
    ] = None,
) -> None:
    """Put suspended cards back into the study queue and say which ones.

    An id that names no card is an error (exit 1) and nothing changes.
    """
    from trainer.domain.words import plural
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    if not cards and deck is None:
        fail("give card ids or --deck", 2)
    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        study = StudyService(store)
        ids = list(cards or []) + ([c.id for c, _n in study.suspended(deck)] if deck else [])
        changed = study.unsuspend(ids)
    finally:
        store.close()
    if changed:
        typer.echo(f"unsuspended {plural(len(changed), 'card')}: {', '.join(map(str, changed))}")
    untouched = [i for i in dict.fromkeys(ids) if i not in changed]
    if untouched:
        listed = ", ".join(map(str, untouched))
        typer.echo(f"not suspended, so unchanged: {plural(len(untouched), 'card')} ({listed})")
    if not ids:
        typer.echo(f"no suspended cards in {deck}")
