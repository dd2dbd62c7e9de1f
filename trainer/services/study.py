"""Studying: what comes next, answering, undo, bury, suspend.

Each use case is one transaction. ``answer`` writes the review log row, the new
card state, sibling burying and leech handling together and commits before it
returns, so the next card is only ever shown after the last answer is safe.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.clock import LEARN_AHEAD, from_epoch, to_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.model import Card, CardState, Deck, DeckCounts, LeechAction, Note, Queue, Rating
from trainer.scheduling import exam, fsrs_adapter
from trainer.services.dayroll import bring_back_buried
from trainer.services.decks import SEP, TreeRow, deck_tree, subtree, tree_totals
from trainer.services.undo import Step, Undone, UndoStack
from trainer.storage import (
    cards_repo,
    decks_repo,
    filtered_repo,
    notes_repo,
    profiles_repo,
    reviews_repo,
    rollup_repo,
)
from trainer.storage.driver import DriverConn
from trainer.storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy import Connection

LEECH_TAG = "leech"


@dataclass(frozen=True, slots=True)
class QueueCounts:
    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review

    @staticmethod
    def total_of(
        rows: list[DeckCounts], limits: dict[int, tuple[int, int]] | None = None
    ) -> QueueCounts:
        """The decks' counts together, each parent within its own limits (``limits``)."""
        return QueueCounts(*tree_totals(rows, limits))


@dataclass(frozen=True, slots=True)
class _Today:
    """The decks in play and what their daily limits still allow."""

    ids: list[int]
    remaining: dict[int, tuple[int, int]]
    chains: dict[int, list[int]]
    """Per deck: itself and the decks above it in play, whose limits cap it too."""

    def take(self, cards: list[Card], budget: dict[int, int]) -> list[Card]:
        """The cards (in order) that every limit on the way up still allows; spends them."""
        out = []
        for card in cards:
            chain = self.chains.get(card.deck_id, [card.deck_id])
            if all(budget.get(d, 0) > 0 for d in chain):
                for d in chain:
                    budget[d] -= 1
                out.append(card)
        return out

    def budget(self, which: int) -> dict[int, int]:
        """What each deck may still show today: 0 for new cards, 1 for reviews."""
        return {d: left[which] for d, left in self.remaining.items()}


@dataclass(frozen=True, slots=True)
class StudyItem:
    """A card ready to show, with everything the study screen needs."""

    card: Card
    note: Note
    deck: Deck
    counts: QueueCounts
    intervals: dict[Rating, timedelta]


@dataclass(frozen=True, slots=True)
class AnswerResult:
    card: Card
    review_id: int
    leech: bool
    buried_siblings: int


@dataclass(frozen=True, slots=True)
class Action:
    """Something done in this session that ``undo_last`` can take back."""

    kind: str
    """``answer``, ``bury``, ``suspend`` or ``edit``."""
    card_id: int
    review_id: int = 0
    rating: Rating | None = None
    queue: Queue | None = None
    """The card's queue before a bury or suspend."""
    buried_until: int = 0
    note: Note | None = None
    """The note before an edit."""

    def describe(self) -> str:
        if self.kind == "answer" and self.rating is not None:
            return f"answer ({self.rating.name.capitalize()})"
        return {"bury": "bury", "suspend": "suspend", "edit": "edit"}.get(self.kind, self.kind)


class StudyService:
    """One per app session: besides the use cases it keeps this session's undo history."""

    def __init__(self, store: Store, undo_stack: UndoStack | None = None) -> None:
        self.store = store
        self._decks: dict[int, Deck] = {}
        self._all: list[Deck] | None = None
        self._unburied_day = 0
        self.collapsed_by_name: set[str] = set()
        """Collapsed parents that exist only by their sub-decks' names (not kept)."""
        self.undo_stack = undo_stack if undo_stack is not None else UndoStack()
        """The session's one undo stack: study actions and every other service's."""

    def _did(self, action: Action) -> None:
        self.undo_stack.push(
            Step(action.describe(), lambda: self._take_back(action), action.kind, ref=action)
        )

    # -- decks -------------------------------------------------------------------
    def deck(self, conn: DriverConn, deck_id: int) -> Deck:
        deck = self._decks.get(deck_id)
        if deck is None:
            deck = decks_repo.deck_by_id(conn, deck_id)
            if deck is None:
                raise TrainerError(f"no deck with id {deck_id}")
            self._decks[deck_id] = deck
        return deck

    def forget_decks(self) -> None:
        """Drop cached deck options; call after decks are imported or changed."""
        self._decks.clear()
        self._all = None

    def _all_decks(self, conn: DriverConn) -> list[Deck]:
        if self._all is None:
            self._all = decks_repo.all_decks(conn)
            self._decks.update((d.id, d) for d in self._all)
        return self._all

    def deck_ids(self, conn: DriverConn, deck: str | int | None) -> list[int]:
        """The deck and its sub-decks (``A::B``), or every deck for None.

        A parent needs no deck of its own: ``申论`` names every ``申论::…`` deck.
        """
        decks = self._all_decks(conn)
        if deck is None:
            return [d.id for d in decks]
        chosen = subtree(decks, deck)
        if not chosen:
            self.forget_decks()  # maybe created since we looked
            chosen = subtree(self._all_decks(conn), deck)
        if not chosen:
            raise TrainerError(f"no deck named {deck!r}")
        return [d.id for d in chosen]

    # -- queue -------------------------------------------------------------------
    def _prepare_day(self, now: datetime) -> None:
        """Bring back cards buried on an earlier day, once per study day."""
        today = self.store.clock.day(now)
        if self._unburied_day == today:
            return
        bring_back_buried(self.store, now)
        self._unburied_day = today

    def _remaining(
        self, conn: DriverConn, deck_ids: list[int], now: datetime
    ) -> dict[int, tuple[int, int]]:
        """Per deck: new cards and reviews still allowed today."""
        day = self.store.clock.day(now)
        done = reviews_repo.done_today(conn, self.store.profile.id, day, deck_ids)
        extra = filtered_repo.extensions(conn, day)  # custom study's "increase today's limit"
        out = {}
        for deck_id in deck_ids:
            opts = self.deck(conn, deck_id).options
            new_done, rev_done = done.get(deck_id, (0, 0))
            more_new, more_rev = extra.get(deck_id, (0, 0))
            out[deck_id] = (
                max(0, opts.new_per_day + more_new - new_done),
                max(0, opts.reviews_per_day + more_rev - rev_done),
            )
        return out

    def _open(self, conn: DriverConn, deck: str | int | None, now: datetime) -> _Today:
        ids = self.deck_ids(conn, deck)
        by_name = {self.deck(conn, d).name: d for d in ids}
        chains = {}
        for name, d in by_name.items():
            parts = name.split(SEP)
            prefixes = (SEP.join(parts[: i + 1]) for i in range(len(parts)))
            chains[d] = [by_name[p] for p in prefixes if p in by_name]
        return _Today(ids, self._remaining(conn, ids, now), chains)

    def tree(
        self, now: datetime, *, collapse: bool = True
    ) -> tuple[list[DeckCounts], list[TreeRow]]:
        """Every deck's own counts, and the deck tree (collapsed parents' sub-decks left out)
        with each parent's counts capped by its own daily limits, as Anki shows them."""
        self._prepare_day(now)
        with self.store.read() as conn:
            today = self._open(conn, None, now)
            rows = self._counts(conn, today, now)
            collapsed = decks_repo.collapsed_names(conn) | self.collapsed_by_name
            if not collapse:
                collapsed = set()
        return rows, deck_tree(rows, today.remaining, collapsed)

    def set_collapsed(self, deck: str, collapsed: bool) -> bool:
        """Collapse or expand a deck in the tree, kept in the store; False for a parent that
        exists only by name, which has no row to keep it in (it lasts this session)."""
        with self.store.write() as conn:
            found = decks_repo.deck_by_name(conn, deck)
            if found is not None:
                decks_repo.set_collapsed(conn, found.id, collapsed)
        if found is None:
            (self.collapsed_by_name.add if collapsed else self.collapsed_by_name.discard)(deck)
        return found is not None

    def deck_counts(self, now: datetime, deck: str | int | None = None) -> list[DeckCounts]:
        self._prepare_day(now)
        with self.store.sql_read() as conn:
            today = self._open(conn, deck, now)
            return self._counts(conn, today, now)

    def _counts(self, conn: DriverConn, today: _Today, now: datetime) -> list[DeckCounts]:
        pid = self.store.profile.id
        ahead = to_epoch(now + LEARN_AHEAD) + 1
        day_end = to_epoch(self.store.clock.next_day_start(now))
        ids, left = today.ids, today.remaining
        if len(ids) > 2:
            # Many decks: three grouped index scans beat three small queries per deck.
            new = cards_repo.count_by_deck(conn, pid, ids, Queue.NEW, None)
            learning = cards_repo.count_by_deck(conn, pid, ids, Queue.LEARNING, ahead)
            due = cards_repo.count_by_deck(conn, pid, ids, Queue.REVIEW, day_end)
            return [
                DeckCounts(
                    d,
                    self._decks[d].name,
                    min(new.get(d, 0), left[d][0]),
                    learning.get(d, 0),
                    min(due.get(d, 0), left[d][1]),
                )
                for d in ids
            ]
        return [
            DeckCounts(
                deck_id=d,
                name=self._decks[d].name,
                new=cards_repo.count_queue(conn, pid, d, Queue.NEW, None, left[d][0]),
                learning=cards_repo.count_queue(conn, pid, d, Queue.LEARNING, ahead, 100_000),
                due=cards_repo.count_queue(conn, pid, d, Queue.REVIEW, day_end, left[d][1]),
            )
            for d in ids
        ]

    def queue(self, now: datetime, deck: str | int | None = None, limit: int = 50) -> list[Card]:
        """Today's queue in study order: learning due now, reviews, new, then learn-ahead."""
        self._prepare_day(now)
        with self.store.sql_read() as conn:
            return self._queue(conn, self._open(conn, deck, now), now, limit)

    def _queue(self, conn: DriverConn, today: _Today, now: datetime, limit: int) -> list[Card]:
        pid = self.store.profile.id
        ids = today.ids
        now_s = to_epoch(now)
        day_end = to_epoch(self.store.clock.next_day_start(now))
        cards = cards_repo.learning_due(conn, pid, ids, now_s, limit)
        cards += self._reviews(conn, today, day_end, limit)
        cards.sort(key=lambda c: (c.queue != Queue.LEARNING, c.due or now))
        budget = today.budget(0)
        for deck_id in ids:
            if len(cards) >= limit:
                break
            want = min([budget[d] for d in today.chains[deck_id]] + [limit - len(cards)])
            if want > 0:
                cards += today.take(cards_repo.new_cards(conn, pid, [deck_id], want), budget)
        if len(cards) < limit:
            seen = {c.id for c in cards}
            ahead = cards_repo.learning_due(conn, pid, ids, to_epoch(now + LEARN_AHEAD), limit)
            cards += [c for c in ahead if c.id not in seen]
        return cards[:limit]

    def _reviews(self, conn: DriverConn, today: _Today, day_end: int, limit: int) -> list[Card]:
        """Due reviews across decks in due order, each deck (and each deck above it in
        play) within its daily limit."""
        pid = self.store.profile.id
        left = today.remaining
        open_ids = [d for d in today.ids if left[d][1] > 0]
        found = cards_repo.reviews_due(conn, pid, open_ids, day_end, limit)
        out = today.take(found, today.budget(1))
        if len(out) == len(found):
            return out
        found = []  # a deck ran past a limit: ask deck by deck instead
        for deck_id in open_ids:
            found += cards_repo.reviews_due(
                conn, pid, [deck_id], day_end, min(left[deck_id][1], limit)
            )
        found.sort(key=lambda c: (c.due is None, c.due))
        return today.take(found, today.budget(1))[:limit]

    def next_item(self, now: datetime, deck: str | int | None = None) -> StudyItem | None:
        """The card to show next, with counts and interval previews, from one read."""
        self._prepare_day(now)
        with self.store.sql_read() as conn:
            today = self._open(conn, deck, now)
            cards = self._queue(conn, today, now, 1)
            if not cards:
                return None
            card = cards[0]
            rows = self._counts(conn, today, now)
            note = notes_repo.note_by_guid(conn, card.note_guid)
            d = self.deck(conn, card.deck_id)
        assert note is not None
        counts = QueueCounts.total_of(rows, today.remaining)
        return StudyItem(
            card,
            note,
            d,
            counts,
            fsrs_adapter.preview(card, now, d.options, clock=self.store.clock),
        )

    def counts(self, now: datetime, deck: str | int | None = None) -> QueueCounts:
        """Today's counts for ``deck`` and its sub-decks, each level within its limits."""
        self._prepare_day(now)
        with self.store.sql_read() as conn:
            today = self._open(conn, deck, now)
            rows = self._counts(conn, today, now)
        return QueueCounts.total_of(rows, today.remaining)

    # -- answering ---------------------------------------------------------------
    def answer(
        self, card_id: int, rating: Rating, now: datetime, duration_ms: int = 0
    ) -> AnswerResult:
        now = utc(now)
        pid = self.store.profile.id
        clock = self.store.clock
        with self.store.sql_write() as conn:
            found = cards_repo.card_for_answer(conn, card_id)
            if found is None:
                raise TrainerError(f"no card with id {card_id}")
            card = found.card
            if card.queue in (Queue.SUSPENDED, Queue.RETIRED):
                raise TrainerError(f"card {card_id} is not in the study queue")
            # In a filtered deck: scheduled by the home deck, from its own due time.
            away = found.home
            filtered_deck, filtered_due = card.deck_id, card.due
            if away is not None:
                card = replace(
                    card,
                    deck_id=away[0],
                    due=from_epoch(away[1]) if card.state is not CardState.NEW else None,
                )
            deck = self.deck(conn, card.deck_id)
            opts = deck.options
            after = exam.pull_forward(
                fsrs_adapter.review(card, rating, now, opts, clock=clock), opts, clock
            )
            undo: dict[str, object] = {
                "card": cards_repo.card_values(card),
                "buried": [],
                "tagged": False,
            }
            if away is not None:
                undo["filtered"] = {
                    "deck_id": filtered_deck,
                    "original_deck_id": away[0],
                    "original_due": away[1],
                    "due": to_epoch(filtered_due) if filtered_due is not None else 0,
                }
            leech = False
            if after.lapses > card.lapses and _is_leech(after.lapses, opts.leech_threshold):
                leech = True
                note = notes_repo.note_by_guid(conn, card.note_guid)
                if note is not None and LEECH_TAG not in note.tags:
                    notes_repo.set_tags(conn, found.note_id, [*note.tags, LEECH_TAG])
                    undo["tagged"] = True
                if opts.leech_action is LeechAction.SUSPEND:
                    after = replace(after, queue=Queue.SUSPENDED)
            buried: list[int] = []
            if opts.bury_siblings:
                tomorrow = clock.next_day_start(now)
                for sib in cards_repo.siblings(conn, card, pid, found.note_id):
                    if sib.queue == Queue.NEW or (
                        sib.queue == Queue.REVIEW and sib.due < to_epoch(tomorrow)
                    ):
                        buried.append(sib.id)
                cards_repo.set_queue(conn, buried, Queue.BURIED, clock.day(now) + 1)
                undo["buried"] = buried
            interval = ((after.due or now) - now).total_seconds() / 86400
            review_id = reviews_repo.add_review(
                conn,
                reviews_repo.ReviewRecord(
                    card_id=card_id,
                    profile_id=pid,
                    deck_id=card.deck_id,
                    rating=int(rating),
                    reviewed_at=int(now.timestamp() * 1000),
                    day=clock.day(now),
                    duration_ms=max(0, int(duration_ms)),
                    state_before=int(card.state),
                    interval_days=interval,
                    stability=after.stability,
                    difficulty=after.difficulty,
                    undo=json.dumps(undo),
                ),
            )
            cards_repo.save_card(conn, after)
            if away is not None:
                _after_filtered_answer(conn, after, away[0])
            rollup_repo.record(conn, clock, pid, review_id, card, rating, now, duration_ms)
        self._did(Action("answer", card_id, review_id=review_id, rating=rating))
        return AnswerResult(after, review_id, leech, len(buried))

    def undo(self) -> Card | None:
        """Take back the most recent answer: its review row goes, the card's state returns."""
        with self.store.sql_write() as conn:
            last = reviews_repo.last_answer(conn, self.store.profile.id)
            if last is None:
                return None
            restored = self._undo_answer(conn, last)
        self.undo_stack.drop(
            lambda s: (
                isinstance(s.ref, Action) and s.ref.kind == "answer" and s.ref.review_id == last.id
            )
        )
        return restored

    @property
    def can_undo(self) -> bool:
        return self.undo_stack.can_undo

    def undo_last(self) -> Undone | None:
        """Take back the session's newest action, whatever it was and wherever it was done;
        None if there is none.

        An answer can only be taken back while it is the newest answer in the
        store (another process may have answered since): otherwise TrainerError
        (and the step is dropped).
        """
        return self.undo_stack.undo()

    def _take_back(self, action: Action) -> Card | None:
        with self.store.write() as conn:
            card = cards_repo.get_card(conn, action.card_id)
            if action.kind == "answer":
                last = reviews_repo.last_answer(conn, self.store.profile.id)
                if last is None or last.id != action.review_id:
                    raise TrainerError("cannot undo the answer: answers were given since")
                card = self._undo_answer(conn, last)
            elif action.kind in ("bury", "suspend") and action.queue is not None:
                cards_repo.set_queue(conn, [action.card_id], action.queue, action.buried_until)
                card = cards_repo.get_card(conn, action.card_id)
            elif action.kind == "edit" and action.note is not None:
                _save_note(conn, action.note)
        return card

    def _undo_answer(self, conn: DriverConn, last: reviews_repo.LoggedAnswer) -> Card | None:
        snap = json.loads(last.undo)
        card = cards_repo.get_card(conn, last.card_id)
        if card is None:
            return None
        # Before the leech tag comes off: the answer was filed under the note's tags then.
        rollup_repo.unrecord(conn, self.store.clock, last.id)
        values = snap["card"]
        restored = replace(
            card,
            state=CardState(values["state"]),
            queue=Queue(values["queue"]),
            due=from_epoch(values["due"]) if values["state"] else None,
            step=values["step"],
            stability=values["stability"],
            difficulty=values["difficulty"],
            last_review=from_epoch(values["last_review"]) if values["last_review"] else None,
            reps=values["reps"],
            lapses=values["lapses"],
        )
        cards_repo.save_card(conn, restored)
        if "filtered" in snap:  # back into the filtered deck it was answered in
            filtered_repo.place(conn, restored.id, snap["filtered"])
        cards_repo.restore_queue(conn, snap.get("buried", []))
        if snap.get("tagged"):
            note = notes_repo.note_by_guid(conn, card.note_guid)
            if note is not None:
                notes_repo.set_tags(
                    conn,
                    cards_repo.note_id_of(conn, card.id),
                    [t for t in note.tags if t != LEECH_TAG],
                )
        reviews_repo.delete_review(conn, last.id)
        return restored

    # -- card actions ------------------------------------------------------------
    def bury(self, card_id: int, now: datetime) -> None:
        with self.store.sql_write() as conn:
            before = self._queue_of(conn, card_id)
            cards_repo.set_queue(conn, [card_id], Queue.BURIED, self.store.clock.day(now) + 1)
        self._did(Action("bury", card_id, queue=before[0], buried_until=before[1]))

    def suspend(self, card_id: int) -> None:
        with self.store.sql_write() as conn:
            before = self._queue_of(conn, card_id)
            cards_repo.set_queue(conn, [card_id], Queue.SUSPENDED)
        self._did(Action("suspend", card_id, queue=before[0], buried_until=before[1]))

    @staticmethod
    def _queue_of(conn: DriverConn, card_id: int) -> tuple[Queue, int]:
        card = cards_repo.get_card(conn, card_id)
        if card is None:
            raise TrainerError(f"no card with id {card_id}")
        return card.queue, cards_repo.buried_until(conn, card_id)

    def edit_note(self, note: Note, card_id: int) -> None:
        """Change a note's content in place (GUID, cards and history stay), undoably."""
        with self.store.write() as conn:
            before = notes_repo.note_by_guid(conn, note.guid)
            if before is None:
                raise TrainerError(f"no note {note.guid}")
            _save_note(conn, note)
        self._did(Action("edit", card_id, note=before))

    def suspended(self, deck: str | int | None = None) -> list[tuple[Card, Note]]:
        """Suspended cards (with their notes) in a deck and its sub-decks, or everywhere."""
        with self.store.read() as conn:
            ids = self.deck_ids(conn, deck)
            out = []
            for card in cards_repo.suspended(conn, self.store.profile.id, ids):
                note = notes_repo.note_by_guid(conn, card.note_guid)
                if note is not None:
                    out.append((card, note))
        return out

    def unsuspend(self, card_ids: list[int]) -> list[int]:
        """Put suspended cards back in their queue; returns those that were suspended.

        An id that names no card of this profile raises TrainerError and
        changes nothing.
        """
        pid = self.store.profile.id
        with self.store.write() as conn:
            wanted = list(dict.fromkeys(card_ids))
            mine = cards_repo.of_profile(conn, wanted, pid)
            unknown = [i for i in wanted if i not in mine]
            if unknown:
                listed = ", ".join(map(str, unknown[:10])) + (" …" if len(unknown) > 10 else "")
                what = "card with id" if len(unknown) == 1 else "cards with ids"
                raise TrainerError(f"no {what} {listed} (see `trainer suspended`)")
            cards = {i: cards_repo.get_card(conn, i) for i in wanted}
            changed = [i for i, c in cards.items() if c is not None and c.queue is Queue.SUSPENDED]
            cards_repo.restore_queue(conn, changed)
        return changed

    # -- cramming ----------------------------------------------------------------
    def cram_answer(
        self,
        card_id: int,
        rating: Rating,
        now: datetime,
        duration_ms: int = 0,
        *,
        reschedule: bool = False,
    ) -> None:
        """Record a cram rating: in the cram log, schedule untouched (Anki's filtered
        deck with rescheduling off), or with ``reschedule`` as an ordinary answer."""
        if reschedule:
            self.answer(card_id, rating, now, duration_ms)
            return
        entry = {
            "profile": self.store.profile.name,
            "card": card_id,
            "rating": int(rating),
            "at": int(utc(now).timestamp() * 1000),
            "duration_ms": max(0, int(duration_ms)),
        }
        path = cram_log_path(self.store)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")

    def card(self, card_id: int) -> Card | None:
        with self.store.sql_read() as conn:
            return cards_repo.get_card(conn, card_id)


def _after_filtered_answer(conn: DriverConn, after: Card, home: int) -> None:
    """A card answered in a filtered deck goes home once out of learning (Anki,
    rescheduling on); until then it stays, its own due time kept current."""
    if after.queue in (Queue.LEARNING, Queue.NEW):
        due = to_epoch(after.due) if after.due is not None else 0
        filtered_repo.place(conn, after.id, {"original_due": due})
    else:
        filtered_repo.place(
            conn, after.id, {"deck_id": home, "original_deck_id": 0, "original_due": 0}
        )


def cram_log_path(store: Store) -> Path:
    """Where cram ratings are kept: ``cram-log.jsonl`` next to a SQLite store, else in
    the user data folder. They are not answers: statistics and scheduling ignore them."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(str(url.database)).with_name("cram-log.jsonl")
    from platformdirs import user_data_dir

    return Path(user_data_dir("trainer", appauthor=False)) / "cram-log.jsonl"


def _save_note(conn: Connection, note: Note) -> None:
    """Write ``note``'s content over the stored note with its GUID; its cards follow."""
    rows = notes_repo.rows_by_guid(conn, [note.guid])
    row = rows.get(note.guid)
    if row is None:
        raise TrainerError(f"no note {note.guid}")
    notes_repo.update_notes(conn, row.deck_id, [(note, row.position)], int(time.time()))
    for profile_id in profiles_repo.profile_ids(conn):
        cards_repo.sync_cards(conn, profile_id, row.deck_id)


def _is_leech(lapses: int, threshold: int) -> bool:
    """Anki's rule: at the threshold, then every half-threshold after it."""
    if lapses < threshold:
        return False
    half = max(1, threshold // 2)
    return (lapses - threshold) % half == 0
