"""``trainer backup`` and ``trainer restore FILE``.

Backups of a SQLite store go to ``backups/`` next to it; restore checks the
file first and keeps the store it replaces as a backup of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trainer.cli import echo, options


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {table}" for table, n in counts.items())


def backup(
    ctx: typer.Context,
    list_: Annotated[bool, typer.Option("--list", help="List the backups kept.")] = False,
) -> None:
    """Back up the progress store now (SQLite; use pg_dump for PostgreSQL)."""
    from contextlib import closing

    from trainer.services import backup as backups
    from trainer.storage.store import Store

    opts = options(ctx)
    with closing(Store.open(opts.db, opts.profile)) as store:
        if list_:
            path = backups.store_file(store.engine)
            if path is None:
                typer.echo(backups.PG_UNSUPPORTED)
                return
            for b in backups.list_backups(path):
                echo(f"{b.taken:%Y-%m-%d %H:%M:%S}Z  {b.reason:<28} {b.path}")
            return
        dest = backups.backup_store(store)
        echo(f"backed up {store.where} to {dest} ({_counts(backups.store_counts(store))})")


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup file made by `trainer backup`.")],
) -> None:
    """Replace the progress store with a backup; the replaced store is kept as a backup."""
    from trainer.services import backup as backups

    report = backups.restore(options(ctx).db, file)
    echo(f"restored {file} ({_counts(report.restored.counts)})")
    if report.replaced is not None and report.damaged:
        typer.echo(f"the replaced store was damaged; it is kept as it was in {report.replaced}")
    elif report.replaced is not None:
        typer.echo(f"the replaced store is kept as {report.replaced}")
