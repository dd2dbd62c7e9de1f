"""Anki interoperability use cases: packages and text files in and out.

An import is one transaction: notes are matched by GUID (Anki's GUIDs are
kept), changed notes are updated in place with their history, unchanged ones
skipped, and nothing is retired (an Anki import never deletes). A package's
review log becomes our review log, and each card that got reviews is rebuilt
from its whole history with FSRS (``fsrs_adapter.reschedule``); a reviewed
Anki card without any log gets an FSRS memory state from its SM-2 interval and
ease (or from Anki's own FSRS state when it has one).

Progress: a caller that wants a progress bar sets one with ``reporting``; the
use cases call it with (what, done, total).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from trainer.domain.clock import from_epoch
from trainer.domain.errors import TrainerError
from trainer.domain.model import Card, CardState, DeckOptions, Note, Queue, Rating
from trainer.formats.anki_text import read_text, write_text
from trainer.formats.apkg_read import Collection, MappedNote, map_notes, read_package
from trainer.formats.apkg_write import write_apkg
from trainer.scheduling.fsrs_adapter import PastReview, reschedule
from trainer.services.decks import ImportReport, apply_notes
from trainer.storage import cards_repo, decks_repo, notes_repo
from trainer.storage.models import CARDS, NOTES, REVIEWS
from trainer.storage.store import Store

ProgressFn = Callable[[str, int, int], None]
_PROGRESS: ContextVar[ProgressFn | None] = ContextVar("anki_progress", default=None)
SM2_RETENTION = 0.9


@contextmanager
def reporting(progress: ProgressFn | None) -> Iterator[None]:
    """Send progress of the imports and exports run inside to ``progress``."""
    token = _PROGRESS.set(progress)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def _tick(what: str, done: int, total: int) -> None:
    fn = _PROGRESS.get()
    if fn is not None:
        fn(what, done, total)


# -- export ----------------------------------------------------------------------


def _deck_notes(store: Store, deck_name: str) -> tuple[str, list[Note]]:
    with store.read() as conn:
        deck = decks_repo.deck_by_name(conn, deck_name)
        if deck is None:
            raise TrainerError(f"no deck named {deck_name!r}")
        return deck.description, notes_repo.notes_in_deck(conn, deck.id)


def export_apkg(store: Store, deck_name: str, path: Path) -> int:
    description, notes = _deck_notes(store, deck_name)
    return write_apkg(
        path,
        deck_name,
        notes,
        description,
        progress=lambda done, total: _tick("writing package", done, total),
    )


def export_text(store: Store, deck_name: str, path: Path) -> int:
    _description, notes = _deck_notes(store, deck_name)
    return write_text(path, deck_name, notes)


# -- import ----------------------------------------------------------------------


def _merge(total: ImportReport, part: ImportReport) -> None:
    total.new += part.new
    total.updated += part.updated
    total.unchanged += part.unchanged
    total.retired += part.retired


def _keep_tag_order(conn: Connection, notes: list[Note]) -> list[Note]:
    """Anki sorts tags; where only the order differs, keep ours so nothing 'changes'."""
    rows = notes_repo.rows_by_guid(conn, [n.guid for n in notes])
    out = []
    for note in notes:
        row = rows.get(note.guid)
        if row is not None:
            have = notes_repo.tags_from_column(row.tags)
            if have != note.tags and sorted(have) == sorted(note.tags):
                note = replace(note, tags=have)
        out.append(note)
    return out


def _apply_grouped(
    conn: Connection, groups: dict[str, list[Note]], report: ImportReport
) -> dict[str, int]:
    """apply_notes per deck; returns deck name -> id."""
    deck_ids = {}
    for deck_name, notes in groups.items():
        deck, part = apply_notes(
            conn, deck_name, _keep_tag_order(conn, notes), retire_missing=False
        )
        _merge(report, part)
        deck_ids[deck_name] = deck.id
    return deck_ids


def import_apkg(store: Store, path: Path) -> ImportReport:
    """Import an Anki package (notes, tags, decks and review log) in one transaction."""
    _tick("reading package", 0, 3)
    coll = read_package(path)
    _tick("reading package", 1, 3)
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
    report = ImportReport(deck=", ".join(groups) or Path(path).stem)
    with store.write() as conn:
        _apply_grouped(conn, groups, report)
        _tick("importing notes", 2, 3)
        report.reviews = _import_scheduling(conn, store, coll, kept)
    _tick("done", 3, 3)
    report.skipped = len(errors)
    report.errors = errors
    return report


def import_text(store: Store, path: Path) -> ImportReport:
    """Import an Anki CSV/TSV file in one transaction."""
    parsed = read_text(path)
    groups: dict[str, list[Note]] = defaultdict(list)
    for tn in parsed.notes:
        groups[tn.deck].append(tn.note)
    report = ImportReport(deck=", ".join(groups) or Path(path).stem)
    with store.write() as conn:
        _apply_grouped(conn, groups, report)
    report.skipped = len(parsed.errors)
    report.errors = list(parsed.errors)
    return report


# -- review log and scheduling ---------------------------------------------------


def _state_before(rev_type: int, first: bool) -> CardState:
    if rev_type == 0:
        return CardState.NEW if first else CardState.LEARNING
    if rev_type == 2:
        return CardState.RELEARNING
    return CardState.REVIEW


def _import_scheduling(
    conn: Connection, store: Store, coll: Collection, mapped: list[MappedNote]
) -> int:
    """Add the package's review log for this profile and rebuild touched cards."""
    by_nid = {m.anki_id: m for m in mapped}
    target: dict[int, tuple[str, int]] = {}  # anki card id -> (guid, our ord)
    anki_cards: dict[tuple[str, int], Any] = {}
    reviewed = {rev.cid for rev in coll.revlog}
    for ac in coll.cards:
        if ac.id not in reviewed and ac.type != 2:
            continue  # nothing to carry over: stays new
        m = by_nid.get(ac.nid)
        if m is None:
            continue
        ord_ = ac.ord + 1 if m.cloze else (0 if ac.ord == 0 else -1)
        if ord_ < 0:
            continue  # e.g. the reverse card of a "Basic (and reversed)" note
        target[ac.id] = (m.note.guid, ord_)
        anki_cards[(m.note.guid, ord_)] = ac
    if not target:
        return 0
    pid = store.profile.id
    guids = sorted({g for g, _ in target.values()})
    ours: dict[tuple[str, int], Any] = {}
    for i in range(0, len(guids), 500):
        q = (
            select(CARDS, NOTES.c.guid)
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(CARDS.c.profile_id == pid, NOTES.c.guid.in_(guids[i : i + 500]))
        )
        for row in conn.execute(q):
            ours[(row.guid, row.ord)] = row
    card_ids = [r.id for r in ours.values()]
    existing: dict[int, list[tuple[int, int]]] = defaultdict(list)  # card -> [(ms, rating)]
    for i in range(0, len(card_ids), 500):
        for card_id, at, rating in conn.execute(
            select(REVIEWS.c.card_id, REVIEWS.c.reviewed_at, REVIEWS.c.rating).where(
                REVIEWS.c.card_id.in_(card_ids[i : i + 500])
            )
        ):
            existing[card_id].append((at, rating))
    clock = store.clock
    days: dict[int, int] = {}
    new_rows: list[tuple[Any, ...]] = []
    added: dict[int, list[tuple[int, int]]] = defaultdict(list)
    have_keys = {(c, at) for c, lst in existing.items() for at, _ in lst}
    for rev in coll.revlog:
        if not 1 <= rev.ease <= 4 or rev.type > 3:
            continue  # manual reschedules and resets are not answers
        key = target.get(rev.cid)
        found = ours.get(key) if key is not None else None
        if found is None or (found.id, rev.id) in have_keys:
            continue
        row = found
        have_keys.add((row.id, rev.id))
        first = not existing.get(row.id) and not added.get(row.id)
        added[row.id].append((rev.id, rev.ease))
        hour = rev.id // 3_600_000  # zones move days on whole (or half) hours
        day = days.get(hour)
        if day is None:
            day = days[hour] = clock.day(from_epoch(hour * 3600))
            if clock.day(from_epoch(hour * 3600 + 3599)) != day:
                day = clock.day(from_epoch(rev.id / 1000))
                del days[hour]
        new_rows.append(
            (
                row.id,
                pid,
                row.deck_id,
                rev.ease,
                rev.id,
                day,
                max(0, min(int(rev.time), 3_600_000)),
                int(_state_before(rev.type, first)),
                float(rev.ivl) if rev.ivl >= 0 else -rev.ivl / 86400,
                "",
            )
        )
    if new_rows:
        conn.exec_driver_sql(
            "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, day, "
            "duration_ms, state_before, interval_days, undo) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            if store.is_sqlite
            else "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, day, "
            "duration_ms, state_before, interval_days, undo) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            new_rows,
        )
    options = _deck_options(conn, {r.deck_id for r in ours.values()})
    by_id = {r.id: r for r in ours.values()}
    updates: list[Card] = []
    total = len(added)
    for n, (card_id, new) in enumerate(added.items()):
        row = by_id[card_id]
        history = sorted(existing.get(card_id, []) + new)
        card = cards_repo.card_from_row(row, row.guid)
        rebuilt = reschedule(
            card,
            [PastReview(Rating(r), from_epoch(ms / 1000)) for ms, r in history],
            options.get(row.deck_id, DeckOptions()),
        )
        updates.append(_keep_queue(card, rebuilt, anki_cards.get((row.guid, row.ord))))
        if n % 2000 == 1999:
            _tick("rebuilding schedules", n + 1, total)
    for key, row in ours.items():
        twin = anki_cards.get(key)
        if row.id in added or existing.get(row.id) or twin is None or row.state != 0:
            continue
        from_sm2 = _sm2_card(cards_repo.card_from_row(row, row.guid), twin, coll.crt)
        if from_sm2 is not None:
            updates.append(from_sm2)
    _save_cards(conn, updates)
    return len(new_rows)


def _deck_options(conn: Connection, deck_ids: set[int]) -> dict[int, DeckOptions]:
    out = {}
    for deck_id in deck_ids:
        deck = decks_repo.deck_by_id(conn, deck_id)
        if deck is not None:
            out[deck_id] = deck.options
    return out


def _keep_queue(before: Card, after: Card, ac: Any) -> Card:
    """Suspended stays suspended (ours or Anki's); otherwise the queue follows state."""
    if ac is not None and ac.queue == -1:
        return replace(after, queue=Queue.SUSPENDED)
    if before.queue in (Queue.SUSPENDED, Queue.BURIED):
        return replace(after, queue=before.queue)
    return after


def _sm2_card(card: Card, ac: Any, crt: int) -> Card | None:
    """A review card from Anki's interval and ease when it has no review log."""
    if ac.type != 2 or ac.ivl <= 0:
        return None
    stability = difficulty = None
    if ac.data:
        try:
            data = json.loads(ac.data)
            stability, difficulty = float(data["s"]), float(data["d"])
        except (ValueError, KeyError, TypeError):
            stability = difficulty = None
    if stability is None or difficulty is None:
        from trainer.scheduling.optimizer import memory_from_sm2

        try:
            stability, difficulty = memory_from_sm2(
                max(ac.factor, 1300) / 1000, float(ac.ivl), SM2_RETENTION
            )
        except (ValueError, RuntimeError):
            return None
    due = from_epoch(crt + ac.due * 86400) if ac.due < 10**8 else from_epoch(ac.due)
    queue = Queue.SUSPENDED if ac.queue == -1 else Queue.REVIEW
    return replace(
        card,
        state=CardState.REVIEW,
        queue=queue,
        due=due,
        step=None,
        stability=stability,
        difficulty=difficulty,
        last_review=due - timedelta(days=ac.ivl),
        reps=max(ac.reps, 1),
        lapses=ac.lapses,
    )


def _save_cards(conn: Connection, cards: list[Card]) -> None:
    if not cards:
        return
    stmt = (
        update(CARDS)
        .where(CARDS.c.id == bindparam("b_id"))
        .values({k: bindparam(f"v_{k}") for k in cards_repo.card_values(cards[0])})
    )
    conn.execute(
        stmt,
        [
            {"b_id": c.id, **{f"v_{k}": v for k, v in cards_repo.card_values(c).items()}}
            for c in cards
        ],
    )


__all__ = ["export_apkg", "export_text", "import_apkg", "import_text", "reporting"]
