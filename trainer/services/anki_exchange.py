"""Anki interoperability use cases: packages and text files in and out.

An import is one transaction: notes are matched by GUID (Anki's GUIDs are
kept), changed notes are updated in place with their history, unchanged ones
skipped, and nothing is retired (an Anki import never deletes). A package's
review log becomes our review log (``anki_history``). Progress goes to
whatever ``services.reporting`` was given.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.model import Deck, DeckOptions, Note, Queue
from trainer.domain.words import plural
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

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from trainer.formats.apkg_schedule import Scheduling

# -- export ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote: notes, and for a package with scheduling, the cards
    that carry a state other than plain new and the answers of the review log."""

    notes: int
    scheduling: bool = False
    scheduled: int = 0
    answers: int = 0

    def describe(self, deck: str, target: Path, profile: str) -> str:
        """The one line that tells the learner what went out (CLI and TUI say the same)."""
        line = f"exported {plural(self.notes, 'note')} from {deck} to {target}"
        if self.scheduling:
            line += (
                f" with scheduling (profile {profile}): {plural(self.scheduled, 'card')} "
                f"not new, {plural(self.answers, 'answer')}"
            )
        elif target.suffix.lower() == ".apkg":
            line += " without scheduling (all cards new)"
        return line


def _deck(conn: Connection, deck_name: str) -> Deck:
    deck = decks_repo.deck_by_name(conn, deck_name)
    if deck is None:
        raise no_deck(conn, deck_name)
    return deck


def _deck_notes(store: Store, deck_name: str) -> tuple[str, list[Note]]:
    with store.read() as conn:
        deck = _deck(conn, deck_name)
        return deck.description, notes_repo.notes_in_deck(conn, deck.id)


def _scheduling(
    conn: Connection,
    store: Store,
    deck: Deck,
    notes: list[Note],
    wanted: bool | None,
    now: datetime,
) -> Scheduling | None:
    """This learner's scheduling of the deck's cards (those the notes have now): always
    when ``wanted``, never when False, and by default when any card is not plain new
    (answered, reset, suspended, buried until after today)."""
    if wanted is False:
        return None
    from trainer.domain import notetypes
    from trainer.formats.apkg_schedule import scheduling_of
    from trainer.storage import schedule_repo  # SQLAlchemy: an import never loads it

    pid = store.profile.id
    clock = store.clock
    today = clock.day(now)
    have = {(n.guid, o) for n in notes for o in notetypes.of(n).card_ords(n.text)}
    cards = [c for c in schedule_repo.deck_cards(conn, pid, deck.id) if (c.guid, c.ord) in have]
    answers = [a for a in schedule_repo.deck_answers(conn, pid, deck.id) if (a.guid, a.ord) in have]
    studied = answers or any(
        c.state
        or c.reset_at
        or c.queue == Queue.SUSPENDED
        or (c.queue == Queue.BURIED and c.buried_until > today)
        for c in cards
    )
    if wanted is None and not studied:
        return None
    from trainer.scheduling.fsrs_adapter import decay_of

    return scheduling_of(
        cards,
        answers,
        clock=clock,
        today=today,
        options=deck.options,
        decay=decay_of(deck.options),
    )


@bulk
def export_apkg_report(
    store: Store,
    deck_name: str,
    path: Path,
    *,
    scheduling: bool | None = None,
    now: datetime | None = None,
) -> ExportReport:
    """Write the deck as an Anki package, with this learner's scheduling when the
    deck has any studied card (``scheduling=None``), always (True) or never (False)."""
    now = now or datetime.now(UTC)
    with store.read() as conn:
        deck = _deck(conn, deck_name)
        notes = notes_repo.notes_in_deck(conn, deck.id)
        sched = _scheduling(conn, store, deck, notes, scheduling, now)
    count = write_apkg(
        path,
        deck_name,
        notes,
        deck.description,
        progress=lambda done, total: tick("writing package", done, total),
        scheduling=sched,
    )
    if sched is None:
        return ExportReport(count)
    return ExportReport(count, True, sched.scheduled, sched.answers)


def export_apkg(store: Store, deck_name: str, path: Path) -> int:
    return export_apkg_report(store, deck_name, path).notes


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


def _same_notes_elsewhere(
    conn: DriverConn, store: Store, mapped: list[MappedNote], shared: set[str]
) -> dict[str, str]:
    """GUID -> our deck, for the package's notes that we have in another deck than the
    package's and that are the same notes: unchanged, or sharing answers with our log
    (the learner moved the card to another deck in Anki). They stay in their deck here,
    as an Anki import leaves the cards of the notes it updates where they are; their
    content, answers and state still arrive. Another note with a GUID of ours is still
    refused (``apply_notes``). Only the notes found in another deck are read whole (a
    package imported again has all its notes in their deck already)."""
    sql = "SELECT guid, deck_id FROM notes WHERE guid IN ({})"
    deck_of = dict(chunked(conn, store, sql, [m.note.guid for m in mapped]))
    names: dict[int, str] = {}
    elsewhere: list[tuple[MappedNote, str]] = []
    for m in mapped:
        deck_id = deck_of.get(m.note.guid)
        if deck_id is None:
            continue
        if deck_id not in names:
            deck = decks_repo.deck_by_id(conn, deck_id)
            names[deck_id] = deck.name if deck is not None else ""
        name = names[deck_id]
        if name and name != m.deck:
            elsewhere.append((m, name))
    if not elsewhere:
        return {}
    rows = notes_repo.rows_by_guid(conn, [m.note.guid for m, _name in elsewhere])
    out: dict[str, str] = {}
    for m, name in elsewhere:
        have = notes_repo.note_from_row(rows[m.note.guid])
        if m.note.guid in shared or replace(have, tags=tuple(sorted(have.tags))) == replace(
            m.note, tags=tuple(sorted(m.note.tags))
        ):
            out[m.note.guid] = name
    return out


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
            home = _same_notes_elsewhere(conn, store, mapped, plan.shared)
            for m in mapped:
                if m.note.guid in seen:
                    errors.append(f"{path}: note {m.note.guid}: duplicate GUID (first one kept)")
                    continue
                seen.add(m.note.guid)
                groups[home.get(m.note.guid, m.deck)].append(m.note)
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


__all__ = [
    "ExportReport",
    "export_apkg",
    "export_apkg_report",
    "export_text",
    "import_apkg",
    "import_text",
]
