"""``trainer import`` and ``trainer export``: decks in and out of the store.

The file's suffix picks the format (.toml deck files, Anki .apkg/.colpkg
packages, Anki .csv/.tsv/.txt text); every import is one transaction and prints
a report (new, updated, unchanged, retired, skipped, errors). Work that runs
longer than a second shows a progress bar on stderr when it is a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trainer.cli import echo, echo_json, options, store_for

FORMATS = ".toml, .apkg, .colpkg (import), .csv, .tsv, .txt"


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=f"A deck file ({FORMATS}).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Import a deck file; re-importing updates notes in place and keeps history."""
    from trainer.importing import import_into, report_lines

    opts = options(ctx)
    report = import_into(opts.db, opts.profile, file)
    if as_json:
        echo_json(report.to_dict())
        return
    lines, problems = report_lines(file, report)
    for line in lines:
        echo(line)
    for line in problems:
        echo(line, err=True)


def export(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="Name of the deck to export.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File to write (.toml, .apkg, .csv, .tsv).")
    ],
    scheduling: Annotated[
        bool | None,
        typer.Option(
            "--scheduling/--no-scheduling",
            help="An .apkg carries your progress (card states, review log, deck preset); "
            "by default when the deck has any studied card. --no-scheduling: all cards new.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export a deck to a file; the suffix picks the format."""
    from trainer.importing import LazyBar
    from trainer.services.exchange import export_deck
    from trainer.services.reporting import reporting

    bar = LazyBar()
    with store_for(ctx) as store:
        try:
            with reporting(bar):
                report = export_deck(store, deck, output, scheduling=scheduling)
        finally:
            bar.close()
        profile = store.profile.name
    line = report.describe(deck, output, profile)
    echo(line)
