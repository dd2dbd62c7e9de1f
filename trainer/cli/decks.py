"""``trainer decks`` and ``trainer due``: what there is to study."""

from __future__ import annotations

import os
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trainer.cli import echo, options, store_for
from trainer.domain.counts import DeckCounts
from trainer.domain.decktree import parent_of

if TYPE_CHECKING:
    from trainer.services.decks import TreeRow


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
            "parent": parent_of(r.name),
            "new": r.new,
            "learning": r.learning,
            "due": r.due,
        }
        if r.name in rolled:
            t = rolled[r.name]
            entry["with_subdecks"] = {"new": t.new, "learning": t.learning, "due": t.due}
        out.append(entry)
    return json_text(out)


def _tree_full(ctx: typer.Context) -> tuple[list[DeckCounts], list[TreeRow]]:
    from trainer.services.study import StudyService

    with store_for(ctx, bundled=True) as store:
        return StudyService(store).tree(datetime.now(UTC), collapse=False)


def decks(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List decks as a tree with their new, learning and due counts for today.

    A parent's counts include its sub-decks', capped by the parent's own daily
    limits as in Anki; ``--json`` is a flat list of the decks, each with its own
    counts, its ``parent`` and ``with_subdecks`` (the capped counts).
    """
    # The same read-only count path as ``trainer due``; the full one when it declines
    # (another backend, an old schema, cards to unbury) or there is no deck yet.
    found = _fast_counts(ctx, _store_path(ctx))
    if found is not None and found[0]:
        from trainer.domain.decktree import deck_tree

        rows, limits = found
        tree = deck_tree(rows, limits)
    else:
        rows, tree = _tree_full(ctx)
    if as_json:
        typer.echo(_rows_json(rows, tree))
        return
    from trainer.domain.display import visible

    body = [
        ["  " * t.depth + visible(t.label), str(t.new), str(t.learning), str(t.due)] for t in tree
    ]
    tops = [t for t in tree if t.depth == 0]
    total = ["Total", *(str(sum(getattr(t, k) for t in tops)) for k in COUNT_FIELDS)]
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    typer.echo(box_table("Decks", HEADER, body, total, colour=colour))


HEADER = ("Deck", "New", "Learn", "Due")
COUNT_FIELDS = ("new", "learning", "due")
_COLOURS = ("", "\x1b[34m", "\x1b[31m", "\x1b[32m")
"""Deck name plain; new blue, learning red, due green (as the study app shows them)."""


def _width(text: str) -> int:
    """Terminal cells: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def box_table(
    title: str,
    header: tuple[str, ...],
    body: list[list[str]],
    total: list[str],
    *,
    colour: bool = False,
) -> str:
    """A boxed table, first column left-aligned and the rest right-aligned, with a
    total row under a rule: drawn here so listing decks needs no table library."""
    widths = [max(_width(r[i]) for r in [list(header), *body, total]) for i in range(len(header))]

    def line(cells: list[str] | tuple[str, ...], edge: str, style: bool = True) -> str:
        out = []
        for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (w - _width(cell))
            text = cell + pad if i == 0 else pad + cell
            if colour and style and _COLOURS[i]:
                text = f"{_COLOURS[i]}{text}\x1b[0m"
            out.append(f" {text} ")
        return edge + edge.join(out) + edge

    def rule(left: str, fill: str, mid: str, right: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    head = line(header, "┃", style=False)
    if colour:
        head = f"\x1b[1m{head}\x1b[0m"
    return "\n".join(
        [
            title,
            rule("┏", "━", "┳", "┓"),
            head,
            rule("┡", "━", "╇", "┩"),
            *(line(r, "│") for r in body),
            rule("├", "─", "┼", "┤"),
            line(total, "│"),
            rule("└", "─", "┴", "┘"),
        ]
    )


def due(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Print today's due counts, fast enough for a shell prompt."""
    path = _store_path(ctx)
    from trainer.domain.decktree import tree_totals

    found = _fast_counts(ctx, path)
    if found is None:
        rows, tree = _tree_full(ctx)
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

        line = due_readiness(ctx)
        if line:
            typer.echo(line)


def _store_path(ctx: typer.Context) -> Path | None:
    """The SQLite file behind ``--db``/``TRAINER_DB``/the default, or None for a server URL."""
    from trainer.storage.paths import sqlite_file

    return sqlite_file(options(ctx).db)


def _fast_counts(
    ctx: typer.Context, path: Path | None
) -> tuple[list[DeckCounts], dict[int, tuple[int, int]]] | None:
    if path is None:
        return None
    from trainer.storage.fastcount import due_counts_and_limits

    return due_counts_and_limits(path, options(ctx).profile, datetime.now(UTC))


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
