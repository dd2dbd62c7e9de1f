"""Studying: what comes next, answering, undo, bury, suspend.

Each use case is one transaction. ``answer`` writes the review log row, the new
card state, sibling burying and leech handling together and commits before it
returns, so the next card is only ever shown after the last answer is safe.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection

from trainer.domain.clock import from_epoch, to_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.model import Card, CardState, Deck, DeckCounts, LeechAction, Note, Queue, Rating
from trainer.scheduling import exam, fsrs_adapter
from trainer.stats import rollup
from trainer.storage import cards_repo, decks_repo, notes_repo, reviews_repo
from trainer.storage.store import Store

LEARN_AHEAD = timedelta(minutes=20)
LEECH_TAG = "leech"


@dataclass(frozen=True, slots=True)
class QueueCounts:
    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


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


class StudyService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._decks: dict[int, Deck] = {}

    # -- decks -------------------------------------------------------------------
    def deck(self, conn: Connection, deck_id: int) -> Deck:
        deck = self._decks.get(deck_id)
        if deck is None:
            deck = decks_repo.deck_by_id(conn, deck_id)
            if deck is None:
                raise TrainerError(f"no deck with id {deck_id}")
            self._decks[deck_id] = deck
        return deck

    def forget_decks(self) -> None:
        self._decks.clear()

    def deck_ids(self, conn: Connection, deck: str | int | None) -> list[int]:
        """The deck and its sub-decks (``A::B``), or every deck for None."""
        decks = decks_repo.all_decks(conn)
        for d in decks:
            self._decks[d.id] = d
        if deck is None:
            return [d.id for d in decks]
        if isinstance(deck, int):
            named = next((d for d in decks if d.id == deck), None)
        else:
            named = next((d for d in decks if d.name == deck), None)
        if named is None:
            raise TrainerError(f"no deck named {deck!r}")
        return [d.id for d in decks if d.id == named.id or d.name.startswith(named.name + "::")]

    # -- queue -------------------------------------------------------------------
    def _prepare_day(self, now: datetime) -> None:
        pid, today = self.store.profile.id, self.store.clock.day(now)
        with self.store.read() as conn:
            ids = list(self._decks) or [d.id for d in decks_repo.all_decks(conn)]
            if not cards_repo.has_buried(conn, pid, today, ids):
                return
        with self.store.write() as conn:
            cards_repo.unbury(conn, pid, today, ids)

    def _remaining(
        self, conn: Connection, deck_ids: list[int], now: datetime
    ) -> dict[int, tuple[int, int]]:
        """Per deck: new cards and reviews still allowed today."""
        done = reviews_repo.done_today(
            conn, self.store.profile.id, self.store.clock.day(now), deck_ids
        )
        out = {}
        for deck_id in deck_ids:
            opts = self.deck(conn, deck_id).options
            new_done, rev_done = done.get(deck_id, (0, 0))
            out[deck_id] = (
                max(0, opts.new_per_day - new_done),
                max(0, opts.reviews_per_day - rev_done),
            )
        return out

    def deck_counts(self, now: datetime, deck: str | int | None = None) -> list[DeckCounts]:
        self._prepare_day(now)
        pid = self.store.profile.id
        ahead = to_epoch(now + LEARN_AHEAD)
        day_end = to_epoch(self.store.clock.next_day_start(now))
        with self.store.read() as conn:
            ids = self.deck_ids(conn, deck)
            remaining = self._remaining(conn, ids, now)
            out = []
            for deck_id in ids:
                new_left, rev_left = remaining[deck_id]
                out.append(
                    DeckCounts(
                        deck_id=deck_id,
                        name=self._decks[deck_id].name,
                        new=cards_repo.count_queue(conn, pid, deck_id, Queue.NEW, None, new_left),
                        learning=cards_repo.count_queue(
                            conn, pid, deck_id, Queue.LEARNING, ahead + 1, 100_000
                        ),
                        due=cards_repo.count_queue(
                            conn, pid, deck_id, Queue.REVIEW, day_end, rev_left
                        ),
                    )
                )
        return out

    def queue(self, now: datetime, deck: str | int | None = None, limit: int = 50) -> list[Card]:
        """Today's queue in study order: learning due now, reviews, new, then learn-ahead."""
        self._prepare_day(now)
        pid = self.store.profile.id
        now_s = to_epoch(now)
        day_end = to_epoch(self.store.clock.next_day_start(now))
        with self.store.read() as conn:
            ids = self.deck_ids(conn, deck)
            remaining = self._remaining(conn, ids, now)
            cards = cards_repo.learning_due(conn, pid, ids, now_s, limit)
            for deck_id in ids:
                rev_left = remaining[deck_id][1]
                cards += cards_repo.reviews_due(conn, pid, [deck_id], day_end, min(rev_left, limit))
            cards.sort(key=lambda c: (c.queue != Queue.LEARNING, c.due or now))
            for deck_id in ids:
                if len(cards) >= limit:
                    break
                cards += cards_repo.new_cards(
                    conn, pid, [deck_id], min(remaining[deck_id][0], limit - len(cards))
                )
            seen = {c.id for c in cards}
            ahead = cards_repo.learning_due(conn, pid, ids, to_epoch(now + LEARN_AHEAD), limit)
            cards += [c for c in ahead if c.id not in seen]
        return cards[:limit]

    def next_item(self, now: datetime, deck: str | int | None = None) -> StudyItem | None:
        cards = self.queue(now, deck, limit=1)
        if not cards:
            return None
        card = cards[0]
        counts = self.counts(now, deck)
        with self.store.read() as conn:
            note = notes_repo.note_by_guid(conn, card.note_guid)
            d = self.deck(conn, card.deck_id)
        assert note is not None
        return StudyItem(card, note, d, counts, fsrs_adapter.preview(card, now, d.options))

    def counts(self, now: datetime, deck: str | int | None = None) -> QueueCounts:
        rows = self.deck_counts(now, deck)
        return QueueCounts(
            sum(r.new for r in rows), sum(r.learning for r in rows), sum(r.due for r in rows)
        )

    # -- answering ---------------------------------------------------------------
    def answer(
        self, card_id: int, rating: Rating, now: datetime, duration_ms: int = 0
    ) -> AnswerResult:
        now = utc(now)
        pid = self.store.profile.id
        clock = self.store.clock
        with self.store.write() as conn:
            card = cards_repo.get_card(conn, card_id)
            if card is None:
                raise TrainerError(f"no card with id {card_id}")
            if card.queue in (Queue.SUSPENDED, Queue.RETIRED):
                raise TrainerError(f"card {card_id} is not in the study queue")
            deck = self.deck(conn, card.deck_id)
            opts = deck.options
            after = exam.pull_forward(fsrs_adapter.review(card, rating, now, opts), opts, clock)
            undo: dict[str, object] = {
                "card": cards_repo.card_values(card),
                "buried": [],
                "tagged": False,
            }
            leech = False
            if after.lapses > card.lapses and _is_leech(after.lapses, opts.leech_threshold):
                leech = True
                note_id = cards_repo.note_id_of(conn, card_id)
                note = notes_repo.note_by_guid(conn, card.note_guid)
                if note is not None and LEECH_TAG not in note.tags:
                    notes_repo.set_tags(conn, note_id, [*note.tags, LEECH_TAG])
                    undo["tagged"] = True
                if opts.leech_action is LeechAction.SUSPEND:
                    after = replace(after, queue=Queue.SUSPENDED)
            buried: list[int] = []
            if opts.bury_siblings:
                tomorrow = clock.next_day_start(now)
                for sib in cards_repo.siblings(conn, card, pid):
                    if sib.queue == Queue.NEW or (
                        sib.queue == Queue.REVIEW and sib.due < to_epoch(tomorrow)
                    ):
                        buried.append(sib.id)
                cards_repo.set_queue(conn, buried, Queue.BURIED, clock.day(now) + 1)
                undo["buried"] = buried
            interval = ((after.due or now) - now).total_seconds() / 86400
            review_id = reviews_repo.add_review(
                conn,
                {
                    "card_id": card_id,
                    "profile_id": pid,
                    "deck_id": card.deck_id,
                    "rating": int(rating),
                    "reviewed_at": int(now.timestamp() * 1000),
                    "day": clock.day(now),
                    "duration_ms": max(0, int(duration_ms)),
                    "state_before": int(card.state),
                    "interval_days": interval,
                    "stability": after.stability,
                    "difficulty": after.difficulty,
                    "undo": json.dumps(undo),
                },
            )
            cards_repo.save_card(conn, after)
            rollup.record(conn, clock, pid, review_id, card, rating, now, duration_ms)
        return AnswerResult(after, review_id, leech, len(buried))

    def undo(self) -> Card | None:
        """Take back the most recent answer: its review row goes, the card's state returns."""
        with self.store.write() as conn:
            last = reviews_repo.last_answer(conn, self.store.profile.id)
            if last is None:
                return None
            snap = json.loads(last.undo)
            card = cards_repo.get_card(conn, last.card_id)
            if card is None:
                return None
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
            cards_repo.restore_queue(conn, snap.get("buried", []))
            if snap.get("tagged"):
                note = notes_repo.note_by_guid(conn, card.note_guid)
                if note is not None:
                    notes_repo.set_tags(
                        conn,
                        cards_repo.note_id_of(conn, card.id),
                        [t for t in note.tags if t != LEECH_TAG],
                    )
            rollup.unrecord(conn, self.store.clock, last.id)
            reviews_repo.delete_review(conn, last.id)
        return restored

    # -- card actions ------------------------------------------------------------
    def bury(self, card_id: int, now: datetime) -> None:
        with self.store.write() as conn:
            cards_repo.set_queue(conn, [card_id], Queue.BURIED, self.store.clock.day(now) + 1)

    def suspend(self, card_id: int) -> None:
        with self.store.write() as conn:
            cards_repo.set_queue(conn, [card_id], Queue.SUSPENDED)

    def unsuspend(self, card_ids: list[int]) -> None:
        with self.store.write() as conn:
            cards_repo.restore_queue(conn, card_ids)

    def card(self, card_id: int) -> Card | None:
        with self.store.read() as conn:
            return cards_repo.get_card(conn, card_id)


def _is_leech(lapses: int, threshold: int) -> bool:
    """Anki's rule: at the threshold, then every half-threshold after it."""
    if lapses < threshold:
        return False
    half = max(1, threshold // 2)
    return (lapses - threshold) % half == 0
