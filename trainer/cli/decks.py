"""``trainer decks`` and ``trainer due``: what there is to study."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from trainer.cli import echo, options, store_for
from trainer.domain.model import DeckCounts


def _parent(name: str) -> str | None:
    head, sep, _tail = name.rpartition("::")
    return head if sep else None


def _rows_json(rows: list[DeckCounts]) -> str:
    """A flat list of the decks, each naming its parent (which may exist only implicitly)."""
    from trainer.domain.display import json_text

    return json_text(
        [
            {
                "deck": r.name,
                "id": r.deck_id,
                "parent": _parent(r.name),
                "new": r.new,
                "learning": r.learning,
                "due": r.due,
            }
            for r in rows
        ],
    )


def _counts_full(ctx: typer.Context, deck: str | None) -> list[DeckCounts]:
    from trainer.services.study import StudyService

    with store_for(ctx, bundled=True) as store:
        return StudyService(store).deck_counts(datetime.now(UTC), deck)


def decks(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List decks as a tree with their new, learning and due counts for today.

    A parent's counts include its sub-decks'; ``--json`` is a flat list of the
    decks, each with its own counts and its ``parent``.
    """
    rows = _counts_full(ctx, None)
    if as_json:
        typer.echo(_rows_json(rows))
        return
    from rich.console import Console
    from rich.table import Table

    from trainer.domain.display import visible
    from trainer.services.decks import deck_tree

    table = Table(title="Decks", title_justify="left")
    table.add_column("Deck")
    table.add_column("New", justify="right", style="blue")
    table.add_column("Learn", justify="right", style="red")
    table.add_column("Due", justify="right", style="green")
    for t in deck_tree(rows):
        table.add_row("  " * t.depth + visible(t.label), str(t.new), str(t.learning), str(t.due))
    table.add_section()
    table.add_row(
        "Total",
        str(sum(r.new for r in rows)),
        str(sum(r.learning for r in rows)),
        str(sum(r.due for r in rows)),
    )
    Console(highlight=False, markup=False).print(table)


def due(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Print today's due counts, fast enough for a shell prompt."""
    path = _store_path(ctx)
    rows = _fast_counts(ctx, path)
    if rows is None:
        rows = _counts_full(ctx, None)
    if as_json:
        typer.echo(_rows_json(rows))
        return
    new = sum(r.new for r in rows)
    learning = sum(r.learning for r in rows)
    review = sum(r.due for r in rows)
    typer.echo(f"{new} new, {learning} learning, {review} due")
    from trainer.storage.fastcount import has_exam

    if path is None or has_exam(path) is not False:
        from trainer.cli.exam import due_readiness

        line = due_readiness(ctx)
        if line:
            typer.echo(line)


def _store_path(ctx: typer.Context) -> Path | None:
    """The SQLite file behind ``--db``/``TRAINER_DB``/the default, or None for a server URL."""
    db = options(ctx).db or os.environ.get("TRAINER_DB")
    if db and "://" in db:
        if not db.startswith("sqlite:///"):
            return None
        db = db[len("sqlite:///") :]
    if db:
        return Path(db).expanduser()
    from trainer.storage.paths import default_path

    return default_path()


def _fast_counts(ctx: typer.Context, path: Path | None) -> list[DeckCounts] | None:
    if path is None:
        return None
    from trainer.storage.fastcount import due_counts

    return due_counts(path, options(ctx).profile, datetime.now(UTC))


def reschedule(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="Deck to reschedule.")],
    retention: Annotated[
        float | None,
        typer.Option("--retention", help="New desired retention (0.70-0.99) to save first."),
    ] = None,
) -> None:
    """Replay every card's review log under the deck's (new) options."""
    from trainer.cli import fail
    from trainer.domain.options import OptionError, options_from_dict
    from trainer.services.decks import DeckService
    from trainer.services.reschedule import reschedule_deck

    with store_for(ctx) as store:
        options = None
        if retention is not None:
            current = next((d for d in DeckService(store).decks() if d.name == deck), None)
            if current is None:
                fail(f"no deck named {deck!r}")
            else:
                try:
                    options = options_from_dict({"desired_retention": retention}, current.options)
                except OptionError as exc:
                    fail(str(exc), 2)
        done = reschedule_deck(store, deck, options)
        clock = store.clock
    for line in done.explain(deck, clock):
        echo(line)
