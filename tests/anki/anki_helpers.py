"""Driving a real Anki collection (the official ``anki`` package) from tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def import_into_anki(col: Any, path: Path, *, with_deck_configs: bool = False) -> Any:
    """Import a package into a real collection; returns Anki's import log."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    return col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(path),
            options=ImportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=with_deck_configs
            ),
        )
    )


def export_from_anki(col: Any, path: Path, *, legacy: bool = False) -> int:
    from anki.collection import ExportAnkiPackageOptions

    return int(
        col.export_anki_package(
            out_path=str(path),
            options=ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy
            ),
            limit=None,
        )
    )


def import_text_into_anki(col: Any, path: Path) -> Any:
    from anki.collection import ImportCsvRequest

    meta = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=meta))
