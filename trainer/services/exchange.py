"""Import and export by file type: one entry point per direction.

Each format registers a reader and a writer keyed by suffix, so the CLI and
the TUI never choose between formats themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from trainer.domain.errors import InputError
from trainer.domain.files import require_regular_file
from trainer.services.anki_exchange import ExportReport, export_apkg_report
from trainer.services.decks import DeckService, ImportReport
from trainer.storage.store import Store


def check_export_target(path: Path) -> None:
    """One clear line for a target that cannot be written, before any work is done."""
    where = str(path)
    if path.is_dir():
        raise InputError(where, "is a directory; give a file name to export to")
    if path.exists() and not path.is_file():
        raise InputError(where, "is not a regular file")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(where, f"no such folder {str(folder)!r}")


Importer = Callable[[Store, Path], ImportReport]
Exporter = Callable[[Store, str, Path], int]


def _import_toml(store: Store, path: Path) -> ImportReport:
    return DeckService(store).import_deck_file(path)


def _export_toml(store: Store, deck: str, path: Path) -> int:
    return DeckService(store).export_deck_file(deck, path)


IMPORTERS: dict[str, Importer] = {".toml": _import_toml}
EXPORTERS: dict[str, Exporter] = {".toml": _export_toml}


def _register_anki() -> None:
    """Anki packages and Anki text files (issue 6)."""
    from trainer.services import anki_exchange as anki

    IMPORTERS.update(
        {
            ".apkg": anki.import_apkg,
            ".colpkg": anki.import_apkg,
            ".csv": anki.import_text,
            ".tsv": anki.import_text,
            ".txt": anki.import_text,
        }
    )
    EXPORTERS.update(
        {
            ".apkg": anki.export_apkg,
            ".csv": anki.export_text,
            ".tsv": anki.export_text,
            ".txt": anki.export_text,
        }
    )


_register_anki()


def import_file(store: Store, path: Path) -> ImportReport:
    # A folder, FIFO or device is refused before anything else: a FIFO would block.
    require_regular_file(path)
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        kinds = ", ".join(sorted(IMPORTERS))
        raise InputError(
            str(path), f"unknown file type {path.suffix or '(none)'!r} (can import {kinds})"
        )
    from trainer.services.backup import before_import

    before_import(store)
    return importer(store, path)


def export_file(store: Store, deck: str, path: Path) -> int:
    """Export a deck; the suffix picks the format. Returns the number of notes."""
    return export_deck(store, deck, path).notes


def export_deck(
    store: Store,
    deck: str,
    path: Path,
    *,
    scheduling: bool | None = None,
    now: datetime | None = None,
) -> ExportReport:
    """Export a deck and say what was written. A package carries this learner's
    scheduling by default when the deck has any studied card; ``scheduling``
    True or False forces it in or out (text and deck files never carry it)."""
    check_export_target(path)
    suffix = path.suffix.lower()
    exporter = EXPORTERS.get(suffix)
    if exporter is None:
        kinds = ", ".join(sorted(EXPORTERS))
        raise InputError(
            str(path), f"unknown file type {path.suffix or '(none)'!r} (can export {kinds})"
        )
    if suffix == ".apkg":
        return export_apkg_report(store, deck, path, scheduling=scheduling, now=now)
    if scheduling:
        raise InputError(str(path), "only .apkg packages carry scheduling (not text or deck files)")
    return ExportReport(exporter(store, deck, path))
