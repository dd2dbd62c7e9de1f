"""Browsing: search cards with Anki's language, and act on a selection of them.

Every action is one transaction and returns a :class:`Change`: what it did (for
the message) and the rows as they were before it, so :meth:`BrowseService.restore`
can put them back exactly (the undo stack keeps Changes). Notes are what decks,
tags and deletion act on, as in Anki: changing the deck or tags of one card of a
cloze note changes its note, so its sibling cards follow.

Deleting keeps history: the notes are retired (hidden, their review log kept),
the way a deck file import retires notes that left the file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from trainer.domain import cloze, notetypes
from trainer.domain import search as search_lang
from trainer.domain.clock import from_epoch, to_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.model import CardState, Note, NoteKind, Queue
from trainer.services.dayroll import bring_back_buried
from trainer.storage import (
    browse_repo,
    cards_repo,
    decks_repo,
    notes_repo,
    profiles_repo,
    search_repo,
)
from trainer.storage.store import Store

PAGE = 200
"""Rows the browser loads at a time."""


@dataclass(frozen=True, slots=True)
class BrowseRow:
    """One card as the browser table and ``trainer cards`` show it."""

    card_id: int
    note_id: int
    guid: str
    kind: NoteKind
    ord: int
    front: str
    back: str
    deck: str
    home_deck: str
    """The home deck while the card sits in a filtered deck; empty otherwise."""
    state: CardState
    queue: Queue
    due: datetime | None
    interval_days: int
    difficulty: float | None
    """FSRS difficulty on Anki's 0-1 scale (shown as a percentage)."""
    stability: float | None
    reps: int
    lapses: int
    position: int
    tags: tuple[str, ...]
    added: datetime

    def to_dict(self) -> dict[str, object]:
        """This card in ``trainer cards --json`` (the format lives in ``formats.cards_json``)."""
        from trainer.formats.cards_json import found_card

        return found_card(self)


@dataclass(frozen=True, slots=True)
class Change:
    """What one action did, with the rows it touched as they were before."""

    action: str
    """Past-tense name for messages and undo ("Suspended", "Moved to 申论")."""
    count: int
    """Cards it acted on, or notes for the note actions (move, tags, delete, edit)."""
    cards: tuple[tuple[int, dict[str, Any]], ...] = ()
    notes: tuple[tuple[int, dict[str, Any]], ...] = ()
    decks: tuple[int, ...] = field(default=())
    """Decks the action created (removed again on restore)."""

    def describe(self) -> str:
        notes = ("Deleted", "Edited", "Moved", "Tagged", "Untagged")
        unit = "note" if self.action.startswith(notes) else "card"
        return f"{self.action}: {self.count} {unit}{'' if self.count == 1 else 's'}"


def front_back(
    kind: str, text: str, prompt: str, answer: str, items: str, ord_: int
) -> tuple[str, str]:
    """Plain front and back of one card (its note type says what they are)."""
    points = tuple(json.loads(items or "[]"))
    note = Note("", NoteKind(kind), prompt=prompt, answer=answer, text=text, items=points)
    return notetypes.front_text(note, ord_), notetypes.of(kind).answer_text(note, ord_)


class BrowseService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- searching -----------------------------------------------------------------------
    def _context(self, conn: Connection, now: datetime) -> search_repo.SearchContext:
        decks = [(d.id, d.name) for d in decks_repo.all_decks(conn)]
        return search_repo.SearchContext(
            self.store.profile.id,
            utc(now),
            self.store.clock,
            decks,
            not self.store.is_sqlite,
            search_repo.filtered_deck_ids(conn),
        )

    def search(
        self,
        query: str | search_lang.Node,
        now: datetime,
        *,
        sort: str = "added",
        reverse: bool = False,
        limit: int | None = PAGE,
        offset: int = 0,
    ) -> list[BrowseRow]:
        """Cards matching ``query`` in ``sort`` order; raises SearchError for a bad query."""
        node = search_lang.parse(query) if isinstance(query, str) else query
        if sort not in search_repo.SORTS:
            raise TrainerError(
                f"cannot sort by {sort!r}; use one of {', '.join(search_repo.SORTS)}"
            )
        bring_back_buried(self.store, now)
        with self.store.read() as conn:
            ctx = self._context(conn, now)
            ids = search_repo.card_ids(
                conn, node, ctx, sort=sort, reverse=reverse, limit=limit, offset=offset
            )
            rows = search_repo.rows_for(conn, ids)
            names = dict(ctx.decks)
        return [_browse_row(r, names) for r in rows]

    def count(self, query: str | search_lang.Node, now: datetime) -> int:
        node = search_lang.parse(query) if isinstance(query, str) else query
        bring_back_buried(self.store, now)
        with self.store.read() as conn:
            return search_repo.count(conn, node, self._context(conn, now))

    def card_ids(self, query: str | search_lang.Node, now: datetime) -> list[int]:
        """Every matching card id (for "select all")."""
        node = search_lang.parse(query) if isinstance(query, str) else query
        bring_back_buried(self.store, now)
        with self.store.read() as conn:
            return search_repo.card_ids(conn, node, self._context(conn, now))

    def note_for(self, card_id: int) -> Note:
        with self.store.read() as conn:
            card = cards_repo.get_card(conn, card_id)
            note = notes_repo.note_by_guid(conn, card.note_guid) if card else None
        if note is None:
            raise TrainerError(f"no card with id {card_id}")
        return note

    # -- snapshots -----------------------------------------------------------------------
    def _cards_before(
        self, conn: Connection, ids: Sequence[int]
    ) -> list[tuple[int, dict[str, Any]]]:
        return browse_repo.card_snapshots(conn, ids)

    def _notes_before(
        self, conn: Connection, note_ids: Sequence[int]
    ) -> list[tuple[int, dict[str, Any]]]:
        return browse_repo.note_snapshots(conn, note_ids)

    def _live_cards(self, conn: Connection, card_ids: Sequence[int]) -> list[int]:
        """The learner's own cards among ``card_ids``, retired ones left out."""
        return browse_repo.live_cards(conn, card_ids, self.store.profile.id)

    def _note_ids(self, conn: Connection, card_ids: Sequence[int]) -> list[int]:
        return browse_repo.note_ids(conn, card_ids)

    def _note_cards(self, conn: Connection, note_ids: Sequence[int]) -> list[int]:
        """Every card (all learners) of the notes."""
        return browse_repo.note_cards(conn, note_ids)

    # -- card actions --------------------------------------------------------------------
    def suspend(self, card_ids: Sequence[int]) -> Change:
        with self.store.write() as conn:
            ids = self._live_cards(conn, card_ids)
            before = self._cards_before(conn, ids)
            cards_repo.set_queue(conn, ids, Queue.SUSPENDED)
        return Change("Suspended", len(ids), tuple(before))

    def unsuspend(self, card_ids: Sequence[int]) -> Change:
        """Back to the queue their state implies (suspended or buried cards)."""
        with self.store.write() as conn:
            ids = self._live_cards(conn, card_ids)
            before = self._cards_before(conn, ids)
            cards_repo.restore_queue(conn, ids)
        return Change("Unsuspended", len(ids), tuple(before))

    def bury(self, card_ids: Sequence[int], now: datetime) -> Change:
        """Hidden until the next study day."""
        with self.store.write() as conn:
            ids = self._live_cards(conn, card_ids)
            before = self._cards_before(conn, ids)
            cards_repo.set_queue(conn, ids, Queue.BURIED, self.store.clock.day(now) + 1)
        return Change("Buried", len(ids), tuple(before))

    def forget(self, card_ids: Sequence[int], now: datetime) -> Change:
        """Reset to new cards, at their original place in the new queue (Anki's Forget).

        The review log stays; the time of the reset is kept on the card, and
        rebuilding its state from the log (``trainer reschedule``, new FSRS
        parameters) starts after it, so reps and lapses start again from zero too.
        A card in a filtered deck goes home first.
        """
        with self.store.write() as conn:
            ids = self._live_cards(conn, card_ids)
            before = self._cards_before(conn, ids)
            browse_repo.send_home(conn, ids)
            values: dict[str, Any] = {
                "state": int(CardState.NEW),
                "queue": int(Queue.NEW),
                "due": 0,
                "step": 0,
                "stability": None,
                "difficulty": None,
                "last_review": None,
                "buried_until": 0,
                "reset_at": int(utc(now).timestamp() * 1000),
                "reps": 0,
                "lapses": 0,
            }
            browse_repo.update_cards(conn, ids, values)
        return Change("Forgotten", len(ids), tuple(before))

    def set_due(self, card_ids: Sequence[int], days: int, now: datetime) -> Change:
        """Due ``days`` from today (0 = today), as Anki's "Set due date".

        New and learning cards become review cards whose interval is ``days``
        (at least one); FSRS then starts from a stability of that interval.
        Suspended and buried cards keep their queue.
        """
        if days < 0 or days > 36500:
            raise TrainerError(f"due date must be 0 to 36500 days from today, not {days}")
        clock = self.store.clock
        now = utc(now)
        due_s = to_epoch(clock.day_start(clock.day(now) + days))
        with self.store.write() as conn:
            ids = self._live_cards(conn, card_ids)
            before = self._cards_before(conn, ids)
            browse_repo.send_home(conn, ids)
            for card_id, values in before:
                state = CardState(values["state"])
                changes: dict[str, Any] = {"due": due_s}
                if state is not CardState.REVIEW:
                    changes.update(
                        state=int(CardState.REVIEW),
                        step=None,
                        last_review=to_epoch(now),
                        stability=values["stability"] or float(max(days, 1)),
                        difficulty=values["difficulty"] or 5.0,
                    )
                if values["queue"] >= 0:
                    changes["queue"] = int(Queue.REVIEW)
                browse_repo.update_card(conn, card_id, changes)
        return Change(
            f"Due in {days} days" if days != 1 else "Due tomorrow", len(ids), tuple(before)
        )

    # -- note actions --------------------------------------------------------------------
    def set_deck(self, card_ids: Sequence[int], deck_name: str, now: datetime) -> Change:
        """Move the cards' notes (so their sibling cards) to a deck, made if missing."""
        name = deck_name.strip()
        if not name or any(not part.strip() for part in name.split("::")):
            raise TrainerError(f"bad deck name {deck_name!r}")
        with self.store.write() as conn:
            deck = decks_repo.deck_by_name(conn, name)
            made: tuple[int, ...] = ()
            if deck is None:
                deck = decks_repo.create_deck(conn, name, to_epoch(now))
                made = (deck.id,)
            elif _is_filtered(conn, deck.id):
                raise TrainerError(f"{name} is a filtered deck: cards go there by its search")
            note_ids = self._note_ids(conn, self._live_cards(conn, card_ids))
            notes = self._notes_before(conn, note_ids)
            cards = self._cards_before(conn, self._note_cards(conn, note_ids))
            browse_repo.move_notes(conn, note_ids, deck.id, to_epoch(now))
        return Change(f"Moved to {name}", len(note_ids), tuple(cards), tuple(notes), made)

    def add_tags(self, card_ids: Sequence[int], tags: Sequence[str], now: datetime) -> Change:
        return self._retag(card_ids, tags, now, add=True)

    def remove_tags(self, card_ids: Sequence[int], tags: Sequence[str], now: datetime) -> Change:
        return self._retag(card_ids, tags, now, add=False)

    def _retag(
        self, card_ids: Sequence[int], tags: Sequence[str], now: datetime, *, add: bool
    ) -> Change:
        wanted = [t for t in (" ".join(tags)).split() if t]
        if not wanted:
            raise TrainerError("give at least one tag")
        with self.store.write() as conn:
            note_ids = self._note_ids(conn, self._live_cards(conn, card_ids))
            notes = self._notes_before(conn, note_ids)
            changed = 0
            for note_id, values in notes:
                have = notes_repo.tags_from_column(values["tags"])
                if add:
                    lower = {t.lower() for t in have}
                    new = [*have, *(t for t in wanted if t.lower() not in lower)]
                else:
                    drop = {t.lower() for t in wanted}
                    new = [t for t in have if t.lower() not in drop]
                if tuple(new) != have:
                    changed += 1
                    browse_repo.update_note(
                        conn,
                        note_id,
                        {"tags": notes_repo.tags_to_column(new), "modified_at": to_epoch(now)},
                    )
        verb = "Tagged" if add else "Untagged"
        return Change(f"{verb} {' '.join(wanted)}", changed, (), tuple(notes))

    def delete(self, card_ids: Sequence[int], now: datetime) -> Change:
        """Delete the cards' notes: hidden with their cards, the review log kept."""
        with self.store.write() as conn:
            note_ids = self._note_ids(conn, self._live_cards(conn, card_ids))
            notes = self._notes_before(conn, note_ids)
            cards = self._cards_before(conn, self._note_cards(conn, note_ids))
            browse_repo.retire_notes(conn, note_ids, to_epoch(now))
        return Change("Deleted", len(note_ids), tuple(cards), tuple(notes))

    def edit(self, note: Note, now: datetime) -> Change:
        """Change a note's content in place (GUID, cards and history stay)."""
        try:
            notetypes.of(note).check_cards(note)
        except cloze.ClozeError as exc:
            raise TrainerError(str(exc)) from None
        with self.store.write() as conn:
            row = notes_repo.rows_by_guid(conn, [note.guid]).get(note.guid)
            if row is None:
                raise TrainerError(f"no note {note.guid}")
            notes = self._notes_before(conn, [row.id])
            cards = self._cards_before(conn, self._note_cards(conn, [row.id]))
            notes_repo.update_notes(conn, row.deck_id, [(note, row.position)], to_epoch(now))
            if row.retired:
                notes_repo.set_retired(conn, [note.guid], True, to_epoch(now))
            _sync_all(conn, row.deck_id, to_epoch(now))
        return Change("Edited", 1, tuple(cards), tuple(notes))

    # -- undo ----------------------------------------------------------------------------
    def restore(self, change: Change) -> None:
        """Put back every row ``change`` touched, as it was before (one transaction)."""
        with self.store.write() as conn:
            decks = set()
            for note_id, values in change.notes:
                browse_repo.update_note(conn, note_id, values)
                decks.add(values["deck_id"])
            for card_id, values in change.cards:
                browse_repo.update_card(conn, card_id, values)
            # An edit may have made cards for new cloze numbers: they are retired again.
            for deck_id in decks:
                _sync_all(conn, deck_id, int(time.time()))
            for deck_id in change.decks:
                if not decks_repo.has_notes(conn, deck_id):
                    decks_repo.delete_deck(conn, deck_id)


def _sync_all(conn: Connection, deck_id: int, now_s: int) -> None:
    for profile_id in profiles_repo.profile_ids(conn):
        cards_repo.sync_cards(conn, profile_id, deck_id, now_s=now_s)


def _is_filtered(conn: Connection, deck_id: int) -> bool:
    return bool(decks_repo.filter_of(conn, deck_id))


def _browse_row(row: Any, names: dict[int, str]) -> BrowseRow:
    kind = NoteKind(row.kind)
    front, back = front_back(row.kind, row.text, row.prompt, row.answer, row.items, row.ord)
    state = CardState(row.state)
    due = None
    ivl = 0
    if state is not CardState.NEW:
        due = from_epoch(row.original_due if row.original_deck_id else row.due)
        if state in (CardState.REVIEW, CardState.RELEARNING) and row.last_review is not None:
            ivl = max(0, (int(due.timestamp()) - row.last_review + 43200) // 86400)
    return BrowseRow(
        card_id=row.id,
        note_id=row.note_id,
        guid=row.guid,
        kind=kind,
        ord=row.ord,
        front=front,
        back=back,
        deck=names.get(row.deck_id, str(row.deck_id)),
        home_deck=names.get(row.original_deck_id, "") if row.original_deck_id else "",
        state=state,
        queue=Queue(row.queue),
        due=due,
        interval_days=ivl,
        difficulty=(row.difficulty - 1) / 9 if row.difficulty is not None else None,
        stability=row.stability,
        reps=row.reps,
        lapses=row.lapses,
        position=row.position,
        tags=notes_repo.tags_from_column(row.tags),
        added=from_epoch(row.added_at),
    )


__all__ = ["PAGE", "BrowseRow", "BrowseService", "Change", "front_back"]
