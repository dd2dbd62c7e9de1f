"""``trainer study [DECK]`` and bare ``trainer``: open the study app.

Until the TUI lands this prints today's queue; with ``--script`` it studies
from standard input (one rating per line), which the crash tests drive.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from trainer.cli import OPTIONS, app


def open_app(deck: str | None) -> None:
    from trainer.domain import cloze
    from trainer.domain.model import NoteKind
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    store = open_store(OPTIONS.db, OPTIONS.profile)
    try:
        study = StudyService(store)
        now = datetime.now(UTC)
        counts = study.counts(now, deck)
        typer.echo(f"Today: {counts.new} new, {counts.learning} learning, {counts.review} due")
        with store.read() as conn:
            from trainer.storage import notes_repo

            for card in study.queue(now, deck, limit=20):
                note = notes_repo.note_by_guid(conn, card.note_guid)
                if note is None:
                    continue
                front = (
                    cloze.render(note.text, card.ord, reveal=False)
                    if note.kind is NoteKind.CLOZE
                    else note.prompt
                )
                typer.echo(f"  [{card.queue.name.lower()}] {front}")
    finally:
        store.close()


@app.command()
def study(
    deck: Annotated[str | None, typer.Argument(help="Deck to study (default: all).")] = None,
) -> None:
    """Study a deck (all decks by default)."""
    open_app(deck)
