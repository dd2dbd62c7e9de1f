"""``trainer import`` and ``trainer export``: decks in and out of the store.

The file's suffix picks the format (.toml deck files, Anki .apkg/.colpkg
packages, Anki .csv/.tsv/.txt text); every import is one transaction and prints
a report (new, updated, unchanged, retired, skipped, errors). Work that runs
longer than a second shows a progress bar on stderr when it is a terminal.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from trainer.cli import echo, echo_json, fail, store_for
from trainer.domain.words import plural

FORMATS = ".toml, .apkg, .colpkg (import), .csv, .tsv, .txt"


class _LazyBar:
    """A rich progress bar that appears only once the work has taken a second."""

    def __init__(self, delay: float = 1.0) -> None:
        self.started = time.monotonic()
        self.delay = delay
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, what: str, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < self.delay or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(what, total=total)
        self.bar.update(self.task, description=what, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=f"A deck file ({FORMATS}).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Import a deck file; re-importing updates notes in place and keeps history."""
    if not file.exists():
        fail(f"{file}: no such file")
    from trainer.services.bulk import no_gc_pauses

    # The libraries it loads and the rows it reads only make objects that live on (or
    # are freed by reference counting): the cycle collector would walk them for nothing.
    with no_gc_pauses():
        from trainer.services.exchange import import_file
        from trainer.services.reporting import reporting

        bar = _LazyBar()
        with store_for(ctx) as store:
            try:
                with reporting(bar):
                    report = import_file(store, file)
            finally:
                bar.close()
    if as_json:
        echo_json(report.to_dict())
    else:
        echo(f"imported {file}: {report.summary()}")
        for line in report.errors[:20]:
            echo(f"  {line}", err=True)
        if len(report.errors) > 20:
            echo(f"  ... and {len(report.errors) - 20} more", err=True)


def export(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="Name of the deck to export.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File to write (.toml, .apkg, .csv, .tsv).")
    ],
) -> None:
    """Export a deck to a file; the suffix picks the format."""
    from trainer.services.exchange import export_file
    from trainer.services.reporting import reporting

    bar = _LazyBar()
    with store_for(ctx) as store:
        try:
            with reporting(bar):
                count = export_file(store, deck, output)
        finally:
            bar.close()
    echo(f"exported {plural(count, 'note')} from {deck} to {output}")
