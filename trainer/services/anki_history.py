"""An Anki package's review log, carried into ours: answers and rebuilt card states.

Each card that gets answers is rebuilt from its whole history with FSRS
(``fsrs_adapter.reschedule_many``, in worker processes for big logs); a
reviewed Anki card without any log gets an FSRS memory state from its SM-2
interval and ease (or from Anki's own FSRS state when it has one).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from trainer.domain.clock import from_epoch
from trainer.domain.model import Card, CardState, DeckOptions, Queue
from trainer.formats.anki_notes import MappedNote, note_deck
from trainer.formats.apkg_read import AnkiCard, Answer, Collection
from trainer.scheduling.fsrs_adapter import ReplayBatch, SavedState
from trainer.services.reporting import tick
from trainer.storage import cards_repo, decks_repo
from trainer.storage.store import Store

SM2_RETENTION = 0.9
"""Retention assumed when turning an Anki SM-2 interval into FSRS memory."""


def _state_before(rev_type: int, first: bool) -> CardState:
    if rev_type == 0:
        return CardState.NEW if first else CardState.LEARNING
    if rev_type == 2:
        return CardState.RELEARNING
    return CardState.REVIEW


Key = tuple[str, int]
"""A card by its note's GUID and ord: stable across imports, before our ids exist."""
OurCard = list[int]
"""id, deck id, state and queue of one of our cards: all an import needs of most."""


class ScheduleImport:
    """The package's review log for this profile, and the cards it rebuilds.

    Made as soon as the package is read, before its notes are mapped or applied,
    so the replays (in worker processes for big logs) run alongside all that:
    cards are never deleted, so every card that already has history exists
    already, and its history plus the package's new answers for it is all a
    replay needs. Work is per Anki card; ``keep`` then drops the cards of notes
    that were skipped (or lost to a duplicate GUID), and ``finish``, after the
    notes are applied, inserts the new answers and saves the rebuilt cards.
    """

    def __init__(self, conn: Connection, store: Store, coll: Collection) -> None:
        self.store = store
        self.coll = coll
        self.key_of: dict[int, Key] = {}  # anki card id -> our card
        self.new: dict[int, list[Answer]] = {}  # anki card id -> answers not yet in the log
        self.had_history: set[Key] = set()
        self.replayed: list[int] = []  # anki card ids, in the batch's order
        self.batch: ReplayBatch | None = None
        self.kept: dict[int, AnkiCard] = {}
        self.reset_at: dict[int, int] = {}  # anki card id -> a reset newer than ours (ms)
        notes = {an.id: an for an in coll.notes}
        deck_of: dict[int, str] = {}
        for ac in coll.cards:  # only cards with answers or Anki review state
            an = notes.get(ac.nid)
            nt = coll.notetypes.get(an.mid) if an is not None else None
            if an is None or nt is None:
                continue
            ord_ = ac.ord + 1 if nt.is_cloze else (0 if ac.ord == 0 else -1)
            if ord_ < 0:
                continue  # e.g. the reverse card of a "Basic (and reversed)" note
            self.key_of[ac.id] = (an.guid, ord_)
            deck_of[ac.id] = note_deck(coll, ac.nid)
        if not self.key_of:
            return
        guids = sorted({g for g, _ in self.key_of.values()})
        card_ids = _card_ids(conn, store, guids)  # the cards of ours that exist already
        logged = _logged_times(conn, store, sorted(card_ids.values()))
        self.had_history = {k for k, i in card_ids.items() if i in logged}
        key_of = self.key_of
        ours_reset = _reset_times(conn, store, sorted(card_ids.values()))
        for cid, at in coll.resets.items():
            key = key_of.get(cid)
            if key is not None and at > ours_reset.get(card_ids.get(key, 0), 0):
                self.reset_at[cid] = at
        for cid, group in itertools.groupby(coll.revlog, key=itemgetter(2)):  # by card, time
            key = key_of.get(cid)
            if key is None:
                continue
            answers = list(group)
            have = logged.get(card_ids.get(key, 0))
            if have is not None:
                answers = [a for a in answers if a[0] not in have]
            if len({a[0] for a in answers}) < len(answers):
                answers = _first_at_each_time(answers)
            if answers:
                self.new[cid] = answers
        replay = [*self.new, *(c for c in self.reset_at if c not in self.new)]
        if not replay:
            return
        options = {name: _options_by_name(conn, name) for name in set(deck_of.values())}
        past = _ratings(
            conn,
            store,
            [card_ids[self.key_of[c]] for c in replay if self.key_of[c] in self.had_history],
        )
        items: list[tuple[Sequence[tuple[int, ...]], DeckOptions]] = []
        for cid in replay:
            new = self.new.get(cid, [])
            our_id = card_ids.get(key_of[cid], 0)
            before = past.get(our_id)
            history: Sequence[tuple[int, ...]] = sorted([*before, *new]) if before else new
            start = max(self.reset_at.get(cid, 0), ours_reset.get(our_id, 0))
            if start:  # the memory restarts at the reset; earlier answers are history
                history = [a for a in history if a[0] >= start]
            items.append((history, options[deck_of[cid]]))
            self.replayed.append(cid)
        self.batch = ReplayBatch(items, saved=True, clock=store.clock)

    def keep(self, mapped: list[MappedNote]) -> None:
        """Only the cards of these notes (the ones imported) get answers and state."""
        nids = {m.anki_id for m in mapped}
        self.kept = {ac.id: ac for ac in self.coll.cards if ac.nid in nids and ac.id in self.key_of}

    def close(self) -> None:
        if self.batch is not None:
            self.batch.close()

    def finish(self, conn: Connection) -> int:
        """Insert the new answers, save the rebuilt cards; returns the answers added."""
        if not self.kept:
            return 0
        wanted = {  # cards that get answers, or a state from Anki's SM-2 data
            self.key_of[cid]
            for cid, twin in self.kept.items()
            if cid in self.new
            or cid in self.reset_at
            or (twin.type == 2 and self.key_of[cid] not in self.had_history)
        }
        if not wanted:
            return 0  # e.g. the same package again: nothing new
        ours = self._our_cards(conn, sorted({g for g, _ in wanted}))
        inserted = self._insert_reviews(conn, ours)
        resets = [
            (at, row[0])
            for cid, at in self.reset_at.items()
            if cid in self.kept and (row := ours.get(self.key_of[cid])) is not None
        ]
        if resets:
            conn.exec_driver_sql(
                _sql(self.store, "UPDATE cards SET reset_at = ? WHERE id = ?"), resets
            )
        rows: list[tuple[Any, ...]] = []
        if self.batch is not None:
            # Each part is saved as soon as it is ready, while the workers do the rest.
            total, done = len(self.replayed), 0
            save = _sql(self.store, _SAVE_CARD)
            for start, states in self.batch.saved_parts():
                part = []
                for cid, state in zip(
                    self.replayed[start : start + len(states)], states, strict=True
                ):
                    twin = self.kept.get(cid)
                    row = ours.get(self.key_of[cid])
                    if twin is not None and row is not None:  # else not imported, or not ours
                        part.append(_replayed_row(row, state, twin))
                if part:
                    conn.exec_driver_sql(save, part)
                done += len(states)
                tick("rebuilding schedules", done, total)
        answered = {self.key_of[cid] for cid in self.new}
        sm2 = {  # our card id -> Anki's twin, for new cards of ours that Anki has reviewed
            row[0]: twin
            for cid, twin in self.kept.items()
            if twin.type == 2
            and (key := self.key_of[cid]) not in answered
            and key not in self.had_history
            and (row := ours.get(key)) is not None
            and row[2] == 0
        }
        for card in self._full_cards(conn, sorted(sm2)):
            from_sm2 = _sm2_card(card, sm2[card.id], self.coll.crt)
            if from_sm2 is not None:
                rows.append(_card_row(from_sm2))
        if rows:
            conn.exec_driver_sql(_sql(self.store, _SAVE_CARD), rows)
        return inserted

    def _our_cards(self, conn: Connection, guids: list[str]) -> dict[Key, OurCard]:
        sql = f"SELECT n.guid, c.ord, c.id, c.deck_id, c.state, c.queue FROM {_BY_GUID}"
        return {
            (guid, ord_): rest
            for guid, ord_, *rest in chunked(conn, self.store, sql, guids, self.store.profile.id)
        }

    def _full_cards(self, conn: Connection, ids: list[int]) -> Iterator[Card]:
        sql = (
            "SELECT c.id, c.ord, c.deck_id, c.state, c.queue, c.due, c.step, c.stability, "
            "c.difficulty, c.last_review, c.reps, c.lapses, c.position, n.guid "
            "FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id IN ({})"
        )
        for row in chunked(conn, self.store, sql, ids):
            yield cards_repo.card_from_row(row, row.guid)

    def _insert_reviews(self, conn: Connection, ours: dict[Key, OurCard]) -> int:
        clock = self.store.clock
        pid = self.store.profile.id
        days: dict[int, int] = {}
        rows: list[tuple[Any, ...]] = []
        key_of, kept, had_history = self.key_of, self.kept, self.had_history
        state_before = _STATE_BEFORE
        append = rows.append
        for cid, answers in self.new.items():
            if cid not in kept:
                continue
            key = key_of[cid]
            card = ours.get(key)
            if card is None:
                continue
            card_id, deck_id = card[0], card[1]
            fresh = key not in had_history
            reset = self.reset_at.get(cid)
            restart = -1  # the first answer after a reset is given to a new card
            if reset is not None:
                restart = next((i for i, a in enumerate(answers) if a[0] >= reset), -1)
            for i, (ms, ease, _cid, ivl, took, rtype) in enumerate(answers):
                hour = ms // 3_600_000  # zones move days on whole (or half) hours
                day = days.get(hour)
                if day is None:
                    day = days[hour] = clock.day(from_epoch(hour * 3600))
                    if clock.day(from_epoch(hour * 3600 + 3599)) != day:
                        day = clock.day(from_epoch(ms / 1000))
                        del days[hour]
                append(
                    (
                        card_id,
                        pid,
                        deck_id,
                        ease,
                        ms,
                        day,
                        0 if took <= 0 else (int(took) if took < 3_600_000 else 3_600_000),
                        state_before[rtype][(fresh and i == 0) or i == restart],
                        float(ivl) if ivl >= 0 else -ivl / 86400,
                        "",
                    )
                )
        if rows:
            conn.exec_driver_sql(
                _sql(
                    self.store,
                    "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, day, "
                    "duration_ms, state_before, interval_days, undo) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ),
                rows,
            )
        return len(rows)


CHUNK = 500
_BY_GUID = "notes n JOIN cards c ON c.note_id = n.id WHERE +c.profile_id = ? AND n.guid IN ({})"
"""A profile's cards of some notes, found from the notes' GUIDs. The unary ``+``
keeps SQLite from scanning all the profile's cards once per chunk, which it
otherwise prefers when the IN list is long: cost follows the import's size, not
the store's (7 ms instead of 70 for 10,000 notes in a store of just those)."""
_STATE_BEFORE = {t: {f: int(_state_before(t, f)) for f in (False, True)} for t in range(4)}


def _sql(store: Store, sql: str) -> str:
    """Plain SQL written with ``?`` in the driver's own parameter style."""
    return sql if store.is_sqlite else sql.replace("?", "%s")


def chunked(
    conn: Connection, store: Store, sql: str, values: Sequence[Any], *first: Any
) -> Iterator[Any]:
    """Rows of ``sql`` whose ``IN ({})`` takes ``values`` a chunk at a time (plain driver SQL)."""
    for i in range(0, len(values), CHUNK):
        chunk = values[i : i + CHUNK]
        query = _sql(store, sql.format(", ".join("?" * len(chunk))))
        yield from conn.exec_driver_sql(query, (*first, *chunk)).fetchall()


def _first_at_each_time(answers: list[Answer]) -> list[Answer]:
    """Anki's revlog ids are unique, but a hand-made package may repeat one: first wins."""
    seen: set[int] = set()
    out = []
    for a in answers:
        if a[0] not in seen:
            seen.add(a[0])
            out.append(a)
    return out


def _card_ids(conn: Connection, store: Store, guids: list[str]) -> dict[Key, int]:
    sql = f"SELECT n.guid, c.ord, c.id FROM {_BY_GUID}"
    return {(g, o): i for g, o, i in chunked(conn, store, sql, guids, store.profile.id)}


def _logged_times(conn: Connection, store: Store, card_ids: list[int]) -> dict[int, set[int]]:
    """Times of the answers these cards have (from the index alone: there can be many)."""
    out: dict[int, set[int]] = {}
    sql = "SELECT card_id, reviewed_at FROM reviews WHERE card_id IN ({})"
    for card_id, group in itertools.groupby(chunked(conn, store, sql, card_ids), key=itemgetter(0)):
        out.setdefault(card_id, set()).update(at for _id, at in group)
    return out


def _reset_times(conn: Connection, store: Store, card_ids: list[int]) -> dict[int, int]:
    """Our cards' last reset times (epoch ms), for the ones ever reset."""
    sql = "SELECT id, reset_at FROM cards WHERE reset_at > 0 AND id IN ({})"
    return dict(chunked(conn, store, sql, card_ids))


def _ratings(
    conn: Connection, store: Store, card_ids: list[int]
) -> dict[int, list[tuple[int, int]]]:
    """(ms, rating) of the answers these cards have."""
    out: dict[int, list[tuple[int, int]]] = {}
    sql = "SELECT card_id, reviewed_at, rating FROM reviews WHERE card_id IN ({})"
    for card_id, at, rating in chunked(conn, store, sql, sorted(card_ids)):
        out.setdefault(card_id, []).append((at, rating))
    return out


def _options_by_name(conn: Connection, name: str) -> DeckOptions:
    """A deck's options; a deck the import is about to create gets the defaults."""
    deck = decks_repo.deck_by_name(conn, name)
    return deck.options if deck is not None else DeckOptions()


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


_SAVE_CARD = (
    "UPDATE cards SET state = ?, queue = ?, due = ?, step = ?, stability = ?, difficulty = ?, "
    "last_review = ?, reps = ?, lapses = ? WHERE id = ?"
)


def _card_row(card: Card) -> tuple[Any, ...]:
    """``_SAVE_CARD``'s parameters for a card."""
    v = cards_repo.card_values(card)
    return (
        v["state"],
        v["queue"],
        v["due"],
        v["step"],
        v["stability"],
        v["difficulty"],
        v["last_review"],
        v["reps"],
        v["lapses"],
        card.id,
    )


def _replayed_row(row: OurCard, saved: SavedState, twin: AnkiCard) -> tuple[Any, ...]:
    """The card in ``row`` with its replayed state, as ``_SAVE_CARD``'s parameters.

    Suspended stays suspended (ours or Anki's), buried stays buried; otherwise
    the queue follows the state. No Card objects: there can be many.
    """
    state, step, stability, difficulty, due, last, reps, lapses = saved
    if twin.queue == -1:
        queue = Queue.SUSPENDED
    elif row[3] in (Queue.SUSPENDED, Queue.BURIED):
        queue = Queue(row[3])
    else:
        queue = Queue.for_state(CardState(state))
    return (state, int(queue), due, step, stability, difficulty, last, reps, lapses, row[0])
