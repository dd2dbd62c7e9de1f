"""``trainer import FILE``'s work and its report, without the command-line parser.

The entry point runs a plain ``trainer [--db …] [--profile …] import FILE``
through here without loading the parser and every sub-command (about a tenth of
a 10k-note package's import was spent importing them); ``trainer.cli.exchange``
runs the same code behind the parser (``--json``, ``--help``, anything else).
Both print the same lines and end the same way on an error. The plain form also
imports an Anki package into a SQLite file store over ``sqlite3`` without
SQLAlchemy (``import_into(lite=True)``), as the plain ``trainer drill`` studies.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from trainer.domain.errors import TrainerError

if TYPE_CHECKING:
    from trainer.services.decks import ImportReport

MAX_ERROR_LINES = 20


class LazyBar:
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


def import_into(db: str | None, profile: str, file: Path, *, lite: bool = False) -> ImportReport:
    """Import ``file`` into the store ``db`` names, for ``profile``, in one transaction.

    With ``lite``, an Anki package going into a SQLite file store (a new one, or one
    already at the current schema) is imported over the standard library's
    ``sqlite3`` (``Store.create_lite`` / ``Store.open_lite``): the same statements in
    the same one transaction, without importing SQLAlchemy; anything else is opened
    as every command opens it."""
    if not file.exists():
        raise TrainerError(f"{file}: no such file")
    from trainer.services.bulk import no_gc_pauses

    # The libraries it loads and the rows it reads only make objects that live on (or
    # are freed by reference counting): the cycle collector would walk them for nothing.
    with no_gc_pauses():
        from trainer.services.exchange import import_file
        from trainer.services.reporting import reporting

        bar = LazyBar()
        store, new_file = _open_lite(db, profile, file) if lite else (None, None)
        if store is None:
            from trainer.services.session import open_store

            new_file = _new_sqlite_file(db)
            store = open_store(db, profile, bundled=False)
        try:
            try:
                with reporting(bar):
                    return import_file(store, file)
            finally:
                bar.close()
        except BaseException:
            if new_file is not None and not _holds_anything(store):
                store.close()
                _remove(new_file)
            raise
        finally:
            store.close()


LITE_SUFFIXES = (".apkg", ".colpkg")
"""What the ``sqlite3`` path imports: Anki packages (the importer that runs on plain SQL)."""


def _open_lite(db: str | None, profile: str, file: Path) -> tuple[Any, Path | None]:
    """The store on a ``sqlite3`` connection and, when it was made just now, its file;
    (None, None) when the store must be opened as every command opens it."""
    from trainer.services.session import DEFAULT_PROFILE
    from trainer.storage.store import Store, lite_path

    if file.suffix.lower() not in LITE_SUFFIXES:
        return None, None
    store = Store.open_lite(db, profile, need_decks=False)
    if store is not None:
        return store, None
    path = lite_path(db)
    if profile != DEFAULT_PROFILE or path is None or path.exists():
        return None, None  # only the default profile comes into being by itself
    store = Store.create_lite(db, profile)
    return (store, path) if store is not None else (None, None)


def _new_sqlite_file(db: str | None) -> Path | None:
    """The SQLite file ``db`` names when it does not exist yet (None for an existing
    store or another backend): a refused import must not leave an empty store there."""
    from trainer.storage.engine import is_sqlite, resolve_url

    url = resolve_url(db)
    if not is_sqlite(url) or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    return None if path.exists() else path


def _holds_anything(store: Any) -> bool:
    """Whether anything is in the store (another process may have used it since)."""
    try:
        return not store.is_empty()
    except TrainerError:
        return True  # cannot tell: keep it


def _remove(path: Path) -> None:
    """The store file and its write-ahead log and shared-memory files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def report_lines(file: Path, report: ImportReport) -> tuple[list[str], list[str]]:
    """The report's lines for the output and for the error stream."""
    err = [f"  {line}" for line in report.errors[:MAX_ERROR_LINES]]
    if len(report.errors) > MAX_ERROR_LINES:
        err.append(f"  ... and {len(report.errors) - MAX_ERROR_LINES} more")
    return [f"imported {file}: {report.summary()}"], err


def run(db: str | None, profile: str, file: Path, out: TextIO, err: TextIO) -> None:
    """``trainer import FILE``: import it and print the report (control characters
    from the file made visible)."""
    from trainer.domain.display import visible

    report = import_into(db, profile, file, lite=True)
    lines, problems = report_lines(file, report)
    for line in lines:
        out.write(visible(line) + "\n")
    out.flush()
    for line in problems:
        err.write(visible(line) + "\n")
    err.flush()
