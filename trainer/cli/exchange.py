"""``trainer import`` and ``trainer export``: decks in and out of the store.

The file's suffix picks the format; every import is one transaction and prints
a report (new, updated, unchanged, retired, errors).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from trainer.cli import OPTIONS, app, fail


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A deck file (.toml).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Import a deck file; re-importing updates notes in place and keeps history."""
    if not file.exists():
        fail(f"{file}: no such file")
    from trainer.services.exchange import import_file
    from trainer.services.session import open_store

    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        report = import_file(store, file)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        typer.echo(f"imported {file}: {report.summary()}")


@app.command()
def export(
    deck: Annotated[str, typer.Argument(help="Name of the deck to export.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write (.toml).")],
) -> None:
    """Export a deck to a file; the suffix picks the format."""
    from trainer.services.exchange import export_file
    from trainer.services.session import open_store

    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        count = export_file(store, deck, output)
    finally:
        store.close()
    typer.echo(f"exported {count} notes from {deck} to {output}")
