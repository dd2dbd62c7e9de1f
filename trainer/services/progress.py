"""Small read models the study screen needs beyond ``StudyService``.

Today's answers and what comes tomorrow for the session summary ("done for
today"), a StudyItem for a given card (shown again after undo or an edit), and
the look-ahead: the card expected next, whether it provably stays the queue
head after an answer, and the counts that answer leaves. Statistics proper
come from ``StatsService``; each function here is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from trainer.domain.clock import LEARN_AHEAD, to_epoch
from trainer.domain.model import Card, Queue
from trainer.scheduling import fsrs_adapter
from trainer.services.study import QueueCounts, StudyItem, StudyService
from trainer.storage import cards_repo, notes_repo, reviews_repo
from trainer.storage.store import Store


@dataclass(frozen=True, slots=True)
class DaySummary:
    """Answers on one study day."""

    reviews: int = 0
    again: int = 0
    new: int = 0
    time_ms: int = 0
    mature_reviews: int = 0
    """Answers to cards in review state (Anki's 'true retention' base)."""
    mature_passed: int = 0

    @property
    def retention(self) -> float | None:
        if not self.mature_reviews:
            return None
        return self.mature_passed / self.mature_reviews


@dataclass(frozen=True, slots=True)
class Tomorrow:
    """What the student will meet next."""

    review: int
    learning_today: int
    """Learning cards that come back later today (after the learn-ahead window)."""
    new: int


def _deck_ids(study: StudyService, conn: Connection, deck: str | int | None) -> list[int]:
    return study.deck_ids(conn, deck)


def day_summary(store: Store, now: datetime, deck: str | int | None = None) -> DaySummary:
    """Today's answers in ``deck`` (and its sub-decks), or all decks."""
    study = StudyService(store)
    today = store.clock.day(now)
    with store.read() as conn:
        ids = _deck_ids(study, conn, deck)
        row = reviews_repo.day_tallies(conn, store.profile.id, today, ids)
    values = [int(v or 0) for v in row]
    return DaySummary(*values)


def tomorrow(store: Store, now: datetime, deck: str | int | None = None) -> Tomorrow:
    """Reviews due by the end of tomorrow, learning later today, new cards tomorrow.

    Cards buried until tomorrow count too: they come back then, as new cards
    (within the new-card limit) or as the reviews they were.
    """
    study = StudyService(store)
    clock = store.clock
    day_after = to_epoch(clock.day_start(clock.day(now) + 2))
    tonight = to_epoch(clock.next_day_start(now))
    ahead = to_epoch(now + LEARN_AHEAD)
    pid = store.profile.id
    with store.read() as conn:
        ids = _deck_ids(study, conn, deck)
        review, learning, fresh = cards_repo.tomorrow_counts(
            conn, pid, ids, clock.day(now) + 1, day_after, tonight, ahead
        )
        new = 0
        for deck_id in ids:
            per_day = study.deck(conn, deck_id).options.new_per_day
            new += min(per_day, int(fresh.get(deck_id, 0)))
    return Tomorrow(int(review) - int(learning), int(learning), new)


def item_for_card(
    store: Store, card_id: int, now: datetime, deck: str | int | None = None
) -> StudyItem | None:
    """The StudyItem for one card (after undo or an edit), counts included."""
    study = StudyService(store)
    with store.read() as conn:
        card = cards_repo.get_card(conn, card_id)
        if card is None:
            return None
        note = notes_repo.note_by_guid(conn, card.note_guid)
        d = study.deck(conn, card.deck_id)
    if note is None:
        return None
    counts = study.counts(now, deck)
    return StudyItem(
        card, note, d, counts, fsrs_adapter.preview(card, now, d.options, clock=store.clock)
    )


@dataclass(frozen=True, slots=True)
class Lookahead:
    """The card expected after card ``after``, read while ``after`` is on screen."""

    after: int
    item: StudyItem | None
    """Counts left at zero: the screen predicts them (:func:`counts_after`)."""
    at: datetime
    """When the queue was read."""
    next_learning_s: int | None
    """Epoch seconds of the earliest learning card (other than ``after``) due after ``at``."""

    def holds(
        self, before: Card, after: Card, buried: int, now: datetime, day_end: datetime
    ) -> bool:
        """Whether ``item`` is certainly the queue head once ``before`` was answered (→ ``after``).

        True only when nothing the queue order depends on moved: the guess is due
        now or is a review/new card (the answered card, if back in learning, can
        only come back after those), no learning card fell due since ``at``, no
        sibling was buried, the study day is the same and the answered card is not
        due again today as a review. Other writers are not covered: the screen
        reads the real head right after showing the guess and corrects it.
        """
        item = self.item
        if item is None or buried or before.id != self.after:
            return False
        at_s, now_s = to_epoch(self.at), to_epoch(now)
        if now_s < at_s or now >= day_end or self.at >= day_end:
            return False
        card = item.card
        if card.queue == Queue.LEARNING and (card.due is None or to_epoch(card.due) > at_s):
            return False  # a learn-ahead guess: the answered card may now come first
        if self.next_learning_s is not None and self.next_learning_s <= now_s:
            return False
        return not (after.queue == Queue.REVIEW and after.due is not None and after.due < day_end)


def upcoming(
    store: Store, study: StudyService, now: datetime, deck: str | int | None, after: int
) -> Lookahead:
    """The card expected after card ``after`` (prefetched while ``after`` is on screen)."""
    cards = [c for c in study.queue(now, deck, limit=2) if c.id != after]
    with store.read() as conn:
        ids = study.deck_ids(conn, deck)
        next_learning = cards_repo.next_learning_due(
            conn, store.profile.id, ids, to_epoch(now), after
        )
        if not cards:
            return Lookahead(after, None, now, next_learning)
        card = cards[0]
        note = notes_repo.note_by_guid(conn, card.note_guid)
        d = study.deck(conn, card.deck_id)
    if note is None:
        return Lookahead(after, None, now, next_learning)
    item = StudyItem(
        card,
        note,
        d,
        QueueCounts(0, 0, 0),
        fsrs_adapter.preview(card, now, d.options, clock=store.clock),
    )
    return Lookahead(after, item, now, None if next_learning is None else int(next_learning))


def counts_after(counts: QueueCounts, before: Card, after: Card, now: datetime) -> QueueCounts:
    """The queue counts once ``before`` was answered and became ``after`` (a prediction)."""
    new, learning, review = counts.new, counts.learning, counts.review
    if before.queue == Queue.NEW:
        new -= 1
    elif before.queue == Queue.LEARNING:
        learning -= 1
    elif before.queue == Queue.REVIEW:
        review -= 1
    if after.queue == Queue.LEARNING and after.due is not None and after.due <= now + LEARN_AHEAD:
        learning += 1
    return QueueCounts(max(0, new), max(0, learning), max(0, review))
