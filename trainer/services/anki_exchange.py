"""Anki interoperability use cases: packages and text files in and out.

An import is one transaction: notes are matched by GUID (Anki's GUIDs are
kept), changed notes are updated in place with their history, unchanged ones
skipped, and nothing is retired (an Anki import never deletes). A package's
review log becomes our review log (``anki_history``). Progress goes to
whatever ``services.reporting`` was given.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from trainer.domain.model import DeckOptions, Note
from trainer.formats.anki_notes import MappedNote, map_notes
from trainer.formats.apkg_read import read_package
from trainer.formats.apkg_write import write_apkg
from trainer.services.anki_history import ScheduleImport, chunked
from trainer.services.bulk import bulk
from trainer.services.decks import ImportReport, apply_notes, no_deck
from trainer.services.reporting import tick
from trainer.storage import decks_repo, notes_repo
from trainer.storage.driver import DriverConn
from trainer.storage.store import Store

# -- export ----------------------------------------------------------------------


def _deck_notes(store: Store, deck_name: str) -> tuple[str, list[Note]]:
    with store.read() as conn:
        deck = decks_repo.deck_by_name(conn, deck_name)
        if deck is None:
            raise no_deck(conn, deck_name)
        return deck.description, notes_repo.notes_in_deck(conn, deck.id)


@bulk
def export_apkg(store: Store, deck_name: str, path: Path) -> int:
    description, notes = _deck_notes(store, deck_name)
    return write_apkg(
        path,
        deck_name,
        notes,
        description,
        progress=lambda done, total: tick("writing package", done, total),
    )


def export_text(store: Store, deck_name: str, path: Path) -> int:
    _description, notes = _deck_notes(store, deck_name)
    from trainer.formats.anki_text import write_text

    return write_text(path, deck_name, notes)


# -- import ----------------------------------------------------------------------


def _merge(total: ImportReport, part: ImportReport) -> None:
    total.new += part.new
    total.updated += part.updated
    total.unchanged += part.unchanged
    total.retired += part.retired


def _keep_tag_order(conn: DriverConn, store: Store, notes: list[Note]) -> list[Note]:
    """Anki sorts tags; where only the order differs, keep ours so nothing 'changes'."""
    sql = "SELECT guid, tags FROM notes WHERE guid IN ({})"
    have_tags = dict(chunked(conn, store, sql, [n.guid for n in notes]))
    out = []
    for note in notes:
        column = have_tags.get(note.guid)
        if column is not None:
            have = notes_repo.tags_from_column(column)
            if have != note.tags and sorted(have) == sorted(note.tags):
                note = replace(note, tags=have)
        out.append(note)
    return out


def _apply_grouped(
    conn: DriverConn,
    store: Store,
    groups: dict[str, list[Note]],
    report: ImportReport,
    where: str = "",
    presets: dict[str, DeckOptions] | None = None,
    places: dict[tuple[str, int], int] | None = None,
) -> set[str]:
    """apply_notes per deck; returns the names of the decks it created. A deck the
    import creates gets its Anki preset's options from ``presets`` (an existing deck
    keeps its own), and its new cards, this profile's, their places in Anki's new
    queue from ``places``."""
    created: set[str] = set()
    for deck_name, notes in groups.items():
        new_deck = decks_repo.deck_by_name(conn, deck_name) is None
        _deck, part = apply_notes(
            conn,
            deck_name,
            notes if new_deck else _keep_tag_order(conn, store, notes),
            options=(presets or {}).get(deck_name) if new_deck else None,
            retire_missing=False,
            where=where,
            places={store.profile.id: places} if places and new_deck else None,
        )
        _merge(report, part)
        if new_deck:
            created.add(deck_name)
    return created


@bulk
def import_apkg(store: Store, path: Path) -> ImportReport:
    """Import an Anki package (notes, tags, decks and review log) in one transaction."""
    tick("reading package", 0, 3)
    coll = read_package(path)
    tick("reading package", 1, 3)
    with store.sql_write() as conn:
        plan = ScheduleImport(conn, store, coll)  # replays start now and run alongside
        try:
            mapped, errors = map_notes(coll)
            groups: dict[str, list[Note]] = defaultdict(list)
            seen: set[str] = set()
            kept: list[MappedNote] = []
            for m in mapped:
                if m.note.guid in seen:
                    errors.append(f"{path}: note {m.note.guid}: duplicate GUID (first one kept)")
                    continue
                seen.add(m.note.guid)
                groups[m.deck].append(m.note)
                kept.append(m)
            plan.keep(kept)
            report = ImportReport(deck=", ".join(groups) or Path(path).stem)
            places = plan.new_places()
            created = _apply_grouped(
                conn, store, groups, report, str(path), coll.deck_options, places
            )
            # The new decks' cards were made at their places: nothing to read back.
            made = {n.guid for name in created for n in groups[name]}
            plan.placed = {key for key in places if key[0] in made}
            tick("importing notes", 2, 3)
            report.reviews = plan.finish(conn)
        finally:
            plan.close()
    tick("done", 3, 3)
    report.skipped = len(errors)
    report.errors = errors
    return report


@bulk
def import_text(store: Store, path: Path) -> ImportReport:
    """Import an Anki CSV/TSV file in one transaction."""
    from trainer.formats.anki_text import read_text

    parsed = read_text(path)
    groups: dict[str, list[Note]] = defaultdict(list)
    for tn in parsed.notes:
        groups[tn.deck].append(tn.note)
    report = ImportReport(deck=", ".join(groups) or Path(path).stem)
    with store.write() as conn:
        _apply_grouped(conn, store, groups, report, str(path))
    report.skipped = len(parsed.errors)
    report.errors = list(parsed.errors)
    return report


__all__ = ["export_apkg", "export_text", "import_apkg", "import_text"]
