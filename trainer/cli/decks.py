"""``trainer decks`` and ``trainer due``: what there is to study."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trainer.cli import OPTIONS, app, echo
from trainer.domain.model import DeckCounts

if TYPE_CHECKING:
    from trainer.services.decks import TreeRow


def _parent(name: str) -> str | None:
    head, sep, _tail = name.rpartition("::")
    return head if sep else None


def _rows_json(rows: list[DeckCounts], tree: list[TreeRow] | None = None) -> str:
    """A flat list of the decks, each naming its parent (which may exist only implicitly).

    With ``tree``, each deck also gets ``with_subdecks``: its counts and its
    sub-decks', capped by each level's daily limits (what the tree shows).
    """
    from trainer.domain.display import json_text

    rolled = {t.name: t for t in tree or ()}
    out: list[dict[str, object]] = []
    for r in rows:
        entry: dict[str, object] = {
            "deck": r.name,
            "id": r.deck_id,
            "parent": _parent(r.name),
            "new": r.new,
            "learning": r.learning,
            "due": r.due,
        }
        if r.name in rolled:
            t = rolled[r.name]
            entry["with_subdecks"] = {"new": t.new, "learning": t.learning, "due": t.due}
        out.append(entry)
    return json_text(out)


def _tree_full() -> tuple[list[DeckCounts], list[TreeRow]]:
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    store = open_store(OPTIONS.db, OPTIONS.profile)
    try:
        return StudyService(store).tree(datetime.now(UTC), collapse=False)
    finally:
        store.close()


@app.command()
def decks(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List decks as a tree with their new, learning and due counts for today.

    A parent's counts include its sub-decks', capped by the parent's own daily
    limits as in Anki; ``--json`` is a flat list of the decks, each with its own
    counts, its ``parent`` and ``with_subdecks`` (the capped counts).
    """
    rows, tree = _tree_full()
    if as_json:
        typer.echo(_rows_json(rows, tree))
        return
    from rich.console import Console
    from rich.table import Table

    from trainer.domain.display import visible

    table = Table(title="Decks", title_justify="left")
    table.add_column("Deck")
    table.add_column("New", justify="right", style="blue")
    table.add_column("Learn", justify="right", style="red")
    table.add_column("Due", justify="right", style="green")
    for t in tree:
        table.add_row("  " * t.depth + visible(t.label), str(t.new), str(t.learning), str(t.due))
    table.add_section()
    tops = [t for t in tree if t.depth == 0]
    table.add_row(
        "Total",
        str(sum(t.new for t in tops)),
        str(sum(t.learning for t in tops)),
        str(sum(t.due for t in tops)),
    )
    Console(highlight=False, markup=False).print(table)


@app.command()
def due(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Print today's due counts, fast enough for a shell prompt."""
    path = _store_path()
    from trainer.domain.decktree import tree_totals

    found = _fast_counts(path)
    if found is None:
        rows, tree = _tree_full()
        tops = [t for t in tree if t.depth == 0]
        new = sum(t.new for t in tops)
        learning = sum(t.learning for t in tops)
        review = sum(t.due for t in tops)
    else:
        rows, limits = found
        new, learning, review = tree_totals(rows, limits)
    if as_json:
        typer.echo(_rows_json(rows))
        return
    typer.echo(f"{new} new, {learning} learning, {review} due")
    from trainer.storage.fastcount import has_exam

    if path is None or has_exam(path) is not False:
        from trainer.cli.exam import due_readiness

        line = due_readiness()
        if line:
            typer.echo(line)


def _store_path() -> Path | None:
    """The SQLite file behind ``--db``/``TRAINER_DB``/the default, or None for a server URL."""
    db = OPTIONS.db or os.environ.get("TRAINER_DB")
    if db and "://" in db:
        if not db.startswith("sqlite:///"):
            return None
        db = db[len("sqlite:///") :]
    if db:
        return Path(db).expanduser()
    from trainer.storage.paths import default_path

    return default_path()


def _fast_counts(
    path: Path | None,
) -> tuple[list[DeckCounts], dict[int, tuple[int, int]]] | None:
    if path is None:
        return None
    from trainer.storage.fastcount import due_counts_and_limits

    return due_counts_and_limits(path, OPTIONS.profile, datetime.now(UTC))


@app.command()
def reschedule(
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
    from trainer.services.session import open_store

    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
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
    finally:
        store.close()
    for line in done.explain(deck, clock):
        echo(line)
