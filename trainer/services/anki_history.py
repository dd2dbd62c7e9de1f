"""An Anki package's review log, carried into ours: answers and rebuilt card states.

Each card that gets answers is rebuilt from its whole history with FSRS
(``replay_pool.SavedReplayBatch``, in worker processes for big logs); a
reviewed Anki card without any log gets an FSRS memory state from its SM-2
interval and ease (or from Anki's own FSRS state when it has one).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from trainer.domain.clock import DayClock, from_epoch, to_epoch
from trainer.domain.files import loads_json
from trainer.domain.model import Card, CardState, DeckOptions, Queue
from trainer.formats.anki_notes import MappedNote, anki_card_ord, note_deck, two_card_notes
from trainer.formats.apkg_read import AnkiCard, Answer, Collection
from trainer.services.reporting import tick
from trainer.storage import cards_repo, decks_repo, reviews_repo
from trainer.storage.driver import DriverConn, driver_sql
from trainer.storage.reviews_repo import ReviewRecord
from trainer.storage.store import Store

if TYPE_CHECKING:  # FSRS loads only for a package with answers to replay
    from trainer.scheduling.fsrs_adapter import SavedState
    from trainer.scheduling.replay_pool import SavedReplayBatch

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

    def __init__(
        self, conn: DriverConn, store: Store, coll: Collection, now: datetime | None = None
    ) -> None:
        self.store = store
        self.coll = coll
        self.today = store.clock.day(now or datetime.now(UTC))
        self.ours_newer: set[int] = set()  # anki card ids whose latest answer is ours
        self.key_of: dict[int, Key] = {}  # anki card id -> our card
        self.new: dict[int, list[Answer]] = {}  # anki card id -> answers not yet in the log
        self.had_history: set[Key] = set()
        self.replayed: list[int] = []  # anki card ids, in the batch's order
        self.batch: SavedReplayBatch | None = None
        self.kept: dict[int, AnkiCard] = {}
        self.reset_at: dict[int, int] = {}  # anki card id -> a reset newer than ours (ms)
        self.bury: list[int] = []  # our card ids that Anki has buried
        self.placed: set[Key] = set()  # cards made just now at their ``new_places`` place
        self.shared: set[str] = set()  # GUIDs of notes whose answers our log has already
        notes = {an.id: an for an in coll.notes}
        deck_of: dict[int, str] = {}
        two_cards = two_card_notes(coll)
        for ac in coll.cards:
            an = notes.get(ac.nid)
            nt = coll.notetypes.get(an.mid) if an is not None else None
            if an is None or nt is None:
                continue
            ord_ = anki_card_ord(ac.ord, cloze=nt.is_cloze, two_cards=an.id in two_cards)
            if ord_ < 0:
                continue  # e.g. the third card of a custom note type: none of ours
            self.key_of[ac.id] = (an.guid, ord_)
            deck_of[ac.id] = note_deck(coll, ac.nid)
        if not self.key_of:
            return
        guids = sorted({g for g, _ in self.key_of.values()})
        card_ids = _card_ids(conn, store, guids)  # the cards of ours that exist already
        logged = _logged_times(conn, store, sorted(card_ids.values()))
        self.had_history = {k for k, i in card_ids.items() if i in logged}
        key_of = self.key_of
        ours_reset = cards_repo.reset_times(conn, sorted(card_ids.values()))
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
                if any(a[0] in have for a in answers):
                    self.shared.add(key[0])
                if max(have) > answers[-1][0]:
                    self.ours_newer.add(cid)
                answers = [a for a in answers if a[0] not in have]
            if len({a[0] for a in answers}) < len(answers):
                answers = _first_at_each_time(answers)
            if answers:
                self.new[cid] = answers
        replay = [*self.new, *(c for c in self.reset_at if c not in self.new)]
        if not replay:
            return
        options = {
            name: _options_by_name(conn, name, coll.deck_options) for name in set(deck_of.values())
        }
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
        from trainer.scheduling.replay_pool import SavedReplayBatch

        self.batch = SavedReplayBatch(items, clock=store.clock)

    def keep(self, mapped: list[MappedNote]) -> None:
        """Only the cards of these notes (the ones imported) get answers and state."""
        nids = {m.anki_id for m in mapped}
        self.kept = {ac.id: ac for ac in self.coll.cards if ac.nid in nids and ac.id in self.key_of}

    def new_places(self) -> dict[Key, int]:
        """Anki's new-queue positions of the kept cards that stay plain new cards here:
        what ``finish`` would give them, handed to the cards as they are made."""
        new, resets, history, key_of = self.new, self.reset_at, self.had_history, self.key_of
        return {
            key: twin.home_due
            for cid, twin in self.kept.items()
            if twin.type == 0
            and twin.queue == 0
            and cid not in new
            and cid not in resets
            and (key := key_of[cid]) not in history
        }

    def close(self) -> None:
        if self.batch is not None:
            self.batch.close()

    def finish(self, conn: DriverConn) -> int:
        """Insert the new answers, save the rebuilt cards; returns the answers added."""
        if not self.kept:
            return 0
        wanted = {  # cards that get answers, or a state from Anki's SM-2 data or queues
            self.key_of[cid]
            for cid, twin in self.kept.items()
            if cid in self.new
            or cid in self.reset_at
            or (twin.type == 2 and self.key_of[cid] not in self.had_history)
            or (self.key_of[cid] not in self.had_history and (twin.queue < 0 or twin.type == 0))
        }
        wanted -= self.placed  # new cards made at Anki's place already: nothing to change
        if not wanted:
            return 0  # e.g. the same package again: nothing new
        ours = self._our_cards(conn, sorted({g for g, _ in wanted}))
        inserted = self._insert_reviews(conn, ours)
        resets = [
            (at, row[0])
            for cid, at in self.reset_at.items()
            if cid in self.kept and (row := ours.get(self.key_of[cid])) is not None
        ]
        cards_repo.set_reset_times(conn, resets)
        rows: list[tuple[Any, ...]] = []
        if self.batch is not None:
            # Each part is saved as soon as it is ready, while the workers do the rest.
            total, done = len(self.replayed), 0
            for start, states in self.batch.saved_parts():
                part = []
                for cid, state in zip(
                    self.replayed[start : start + len(states)], states, strict=True
                ):
                    twin = self.kept.get(cid)
                    row = ours.get(self.key_of[cid])
                    if twin is not None and row is not None:  # else not imported, or not ours
                        part.append(self._replayed_row(row, state, twin, cid))
                cards_repo.save_states(conn, part)
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
            from_sm2 = _sm2_card(card, sm2[card.id], self.coll, self.store.clock)
            if from_sm2 is not None:
                rows.append(cards_repo.state_row(from_sm2))
        cards_repo.save_states(conn, rows)
        buried = [r[-1] for r in rows if r[1] == Queue.BURIED]
        if buried:
            cards_repo.set_queue(conn, buried, Queue.BURIED, self.today + 1)
        self._new_cards(conn, ours, answered | {self.key_of[c] for c in self.reset_at}, sm2)
        return inserted

    def _replayed_row(
        self, row: OurCard, saved: SavedState, twin: AnkiCard, cid: int
    ) -> tuple[Any, ...]:
        """``_replayed_row`` with Anki's due date, repetitions, lapses and queue when the
        package has the card's latest answer and Anki's card is in the state the replay
        reached."""
        out = _replayed_row(row, saved, twin)
        if cid in self.ours_newer:
            return out
        state = CardState(saved[0])
        same = (twin.type == 2 and state is CardState.REVIEW) or (
            twin.type in (1, 3) and state in (CardState.LEARNING, CardState.RELEARNING)
        )
        due = _anki_due(twin, self.coll, self.store.clock, saved[4]) if same else None
        queue = _anki_queue(twin)
        if due is None and queue is None:
            return out
        values = list(out)
        if due is not None:
            values[2] = due
            # Anki's counts: a "Forget" that kept them keeps them here too
            values[7], values[8] = max(twin.reps, 0), max(twin.lapses, 0)
        if queue is Queue.BURIED:
            values[1] = int(Queue.BURIED)
            self.bury.append(row[0])
        return tuple(values)

    def _new_cards(
        self,
        conn: DriverConn,
        ours: dict[Key, OurCard],
        answered: set[Key],
        sm2: dict[int, AnkiCard],
    ) -> None:
        """Cards new here and in Anki: its queue (suspended, buried) and new position."""
        rows: list[tuple[int, int, int]] = []
        for cid, twin in self.kept.items():
            key = self.key_of[cid]
            row = ours.get(key)
            if row is None or key in answered or key in self.had_history or row[0] in sm2:
                continue
            if row[2] != 0 or (twin.type != 0 and twin.queue >= 0):
                continue
            queue = _anki_queue(twin) or Queue.NEW
            if twin.type != 0 and queue is Queue.NEW:
                continue  # a reviewed card without a log that Anki gave no FSRS state
            position = twin.home_due if twin.type == 0 else row[4]
            if (int(queue), position) != (row[3], row[4]):
                rows.append((int(queue), position, row[0]))
        cards_repo.place_new(conn, rows)
        buried = [*self.bury, *(r[2] for r in rows if r[0] == Queue.BURIED)]
        if buried:
            cards_repo.set_queue(conn, buried, Queue.BURIED, self.today + 1)

    def _our_cards(self, conn: DriverConn, guids: list[str]) -> dict[Key, OurCard]:
        sql = f"SELECT n.guid, c.ord, c.id, c.deck_id, c.state, c.queue, c.position FROM {_BY_GUID}"
        return {
            (guid, ord_): rest
            for guid, ord_, *rest in chunked(conn, self.store, sql, guids, self.store.profile.id)
        }

    def _full_cards(self, conn: DriverConn, ids: list[int]) -> Iterator[Card]:
        sql = (
            "SELECT c.id, c.ord, c.deck_id, c.state, c.queue, c.due, c.step, c.stability, "
            "c.difficulty, c.last_review, c.reps, c.lapses, c.position, n.guid "
            "FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id IN ({})"
        )
        for row in chunked(conn, self.store, sql, ids):
            yield cards_repo.card_from_row(row, row.guid)

    def _insert_reviews(self, conn: DriverConn, ours: dict[Key, OurCard]) -> int:
        """The new answers as review rows: plain tuples in ``ReviewRecord``'s field order
        (the driver binds a plain tuple's values faster than a named tuple's)."""
        clock = self.store.clock
        pid = self.store.profile.id
        days: dict[int, int] = {}
        rows: list[tuple[Any, ...]] = []
        key_of, kept, had_history = self.key_of, self.kept, self.had_history
        state_before, rest = _STATE_BEFORE, _REST_OF_RECORD
        append = rows.append
        for cid, answers in self.new.items():
            if cid not in kept:
                continue
            key = key_of[cid]
            card = ours.get(key)
            if card is None:
                continue
            card_id, deck_id = card[0], card[1]
            first = 0 if key not in had_history else -1  # a fresh card's first answer
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
                        state_before[rtype][i in (first, restart)],
                        float(ivl) if ivl >= 0 else -ivl / 86400,
                        *rest,
                    )
                )
        reviews_repo.insert_many(conn, rows)
        return len(rows)


CHUNK = 500
_BY_GUID = "notes n JOIN cards c ON c.note_id = n.id WHERE +c.profile_id = ? AND n.guid IN ({})"
"""A profile's cards of some notes, found from the notes' GUIDs. The unary ``+``
keeps SQLite from scanning all the profile's cards once per chunk, which it
otherwise prefers when the IN list is long: cost follows the import's size, not
the store's (7 ms instead of 70 for 10,000 notes in a store of just those)."""
_STATE_BEFORE = {t: {f: int(_state_before(t, f)) for f in (False, True)} for t in range(4)}
_REST_OF_RECORD = tuple(ReviewRecord._field_defaults[f] for f in ReviewRecord._fields[9:])
"""An imported answer's fields after ``interval_days``: the record's defaults."""


def chunked(
    conn: DriverConn, store: Store, sql: str, values: Sequence[Any], *first: Any
) -> Iterator[Any]:
    """Rows of ``sql`` whose ``IN ({})`` takes ``values`` a chunk at a time (plain driver SQL)."""
    for i in range(0, len(values), CHUNK):
        chunk = values[i : i + CHUNK]
        query = driver_sql(conn, sql.format(", ".join("?" * len(chunk))))
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


def _card_ids(conn: DriverConn, store: Store, guids: list[str]) -> dict[Key, int]:
    sql = f"SELECT n.guid, c.ord, c.id FROM {_BY_GUID}"
    return {(g, o): i for g, o, i in chunked(conn, store, sql, guids, store.profile.id)}


def _logged_times(conn: DriverConn, store: Store, card_ids: list[int]) -> dict[int, set[int]]:
    """Times of the answers these cards have (from the index alone: there can be many)."""
    out: dict[int, set[int]] = {}
    sql = "SELECT card_id, reviewed_at FROM reviews WHERE card_id IN ({})"
    for card_id, group in itertools.groupby(chunked(conn, store, sql, card_ids), key=itemgetter(0)):
        out.setdefault(card_id, set()).update(at for _id, at in group)
    return out


def _ratings(
    conn: DriverConn, store: Store, card_ids: list[int]
) -> dict[int, list[tuple[int, int]]]:
    """(ms, rating) of the answers these cards have."""
    out: dict[int, list[tuple[int, int]]] = {}
    sql = "SELECT card_id, reviewed_at, rating FROM reviews WHERE card_id IN ({})"
    for card_id, at, rating in chunked(conn, store, sql, sorted(card_ids)):
        out.setdefault(card_id, []).append((at, rating))
    return out


def _options_by_name(
    conn: DriverConn, name: str, presets: dict[str, DeckOptions] | None = None
) -> DeckOptions:
    """A deck's options; a deck the import is about to create gets its Anki preset's
    (from ``presets``), or the defaults."""
    deck = decks_repo.deck_by_name(conn, name)
    if deck is not None:
        return deck.options
    return (presets or {}).get(name) or DeckOptions()


def _anki_queue(twin: AnkiCard) -> Queue | None:
    """Suspended or buried in Anki (user- or sibling-buried), else None."""
    if twin.queue == -1:
        return Queue.SUSPENDED
    if twin.queue in (-2, -3):
        return Queue.BURIED
    return None


def _anki_day(coll: Collection, clock: DayClock, due: int) -> int:
    """Our study day for Anki's day ``due``: counted from the date Anki's day 0 is (see
    ``Collection.day_zero``), or for an old collection from the study day of ``crt``."""
    zero = coll.day_zero
    return (clock.day(from_epoch(coll.crt)) if zero is None else zero) + due


def _anki_due(twin: AnkiCard, coll: Collection, clock: DayClock, replayed: int) -> int | None:
    """Anki's due date (its fuzz, a "set due date") in epoch seconds, or None for a new card.

    Review and interday learning cards are due on a day counted from the
    collection's creation (``crt``); the time of day is the replay's, so only the
    day changes. Intraday learning cards are due at an epoch second.
    """
    due = twin.home_due
    if twin.type == 0:
        return None
    if due > 1_000_000_000:
        return due
    day = _anki_day(coll, clock, due)
    offset = 0
    if replayed:
        offset = replayed - to_epoch(clock.day_start(clock.day(from_epoch(replayed))))
    return to_epoch(clock.day_start(day)) + max(0, offset)


def _sm2_card(card: Card, ac: AnkiCard, coll: Collection, clock: DayClock) -> Card | None:
    """A review card from Anki's interval and ease when it has no review log."""
    if ac.type != 2 or ac.ivl <= 0:
        return None
    stability = difficulty = None
    if ac.data:
        try:
            data = loads_json(ac.data)
            stability, difficulty = float(data["s"]), float(data["d"])
            if not (math.isfinite(stability) and math.isfinite(difficulty) and stability > 0):
                raise ValueError("no memory: not finite or not positive")
        except (ValueError, KeyError, TypeError, RecursionError):
            stability = difficulty = None
    if stability is None or difficulty is None:
        from trainer.scheduling.optimizer import memory_from_sm2

        try:
            stability, difficulty = memory_from_sm2(
                max(ac.factor, 1300) / 1000, float(ac.ivl), SM2_RETENTION
            )
        except (ValueError, RuntimeError):
            return None
    due = from_epoch(_anki_due(ac, coll, clock, 0) or coll.crt)
    queue = _anki_queue(ac) or Queue.REVIEW
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


def _replayed_row(row: OurCard, saved: SavedState, twin: AnkiCard) -> tuple[Any, ...]:
    """The card in ``row`` with its replayed state, as a ``cards_repo.save_states`` row.

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
