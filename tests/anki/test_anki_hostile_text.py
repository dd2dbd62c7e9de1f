"""Text inside a package that no store can hold: a lone surrogate spelled in the
collection's JSON (note type names, our notes' meta field). It comes in as U+FFFD,
never as an internal error."""

from __future__ import annotations

from pathlib import Path

from tests.anki.test_anki_bad_input import _edit_collection
from trainer.domain.model import Note
from trainer.formats.apkg_read import read_package
from trainer.formats.apkg_write import package_bytes
from trainer.services.exchange import import_file
from trainer.storage.store import Store


def test_a_lone_surrogate_in_a_note_type_name_is_imported_as_a_replacement(
    bundled_store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    path = tmp_path / "names.apkg"
    path.write_bytes(
        _edit_collection(
            package_bytes(*bundled),
            'update col set models = replace(models, \'"name": "\', \'"name": "\\udc00\')',
        )
    )
    coll = read_package(path)
    for nt in coll.notetypes.values():
        nt.name.encode("utf-8")
    report = import_file(bundled_store, path)
    assert report.new + report.updated + report.unchanged == len(bundled[1])


def test_a_lone_surrogate_in_a_notes_meta_field_is_imported_as_a_replacement(
    bundled_store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    path = tmp_path / "meta.apkg"
    path.write_bytes(
        _edit_collection(
            package_bytes(*bundled),
            'update notes set flds = replace(flds, \'"section":"\', \'"section":"\\ud800\')',
        )
    )
    report = import_file(bundled_store, path)
    assert report.new + report.updated + report.unchanged == len(bundled[1])


def test_deeply_nested_or_non_finite_memory_in_cards_data_is_no_memory(
    bundled_store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    # A review card with no review log takes its memory from ``cards.data`` when it
    # is there; a stranger's data nested 100,000 deep or holding NaN is none.
    deep = "[" * 100_000
    for name, data in (("deep", deep), ("nan", '{"s": NaN, "d": 5}')):
        path = tmp_path / f"{name}.apkg"
        path.write_bytes(
            _edit_collection(
                package_bytes(*bundled),
                f"update cards set type = 2, queue = 2, ivl = 10, due = 5, data = '{data}'",
            )
        )
        report = import_file(bundled_store, path)
        assert report.new + report.updated + report.unchanged == len(bundled[1])
