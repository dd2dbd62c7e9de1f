"""Small read models the study app needs beyond ``StudyService``.

Today's review summary and the 30-day chart (until the statistics service
lands), what comes tomorrow for the "done for today" screen, a StudyItem for a
given card (shown again after undo or an edit) and adding generated notes with
their article to a deck. Each is one transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, and_, case, func, select

from trainer.domain.clock import to_epoch
from trainer.domain.model import CardState, Note, Queue
from trainer.scheduling import fsrs_adapter
from trainer.services.decks import ImportReport, apply_notes
from trainer.services.study import LEARN_AHEAD, QueueCounts, StudyItem, StudyService
from trainer.storage import cards_repo, decks_repo, notes_repo
from trainer.storage.models import CARDS, REVIEWS
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
    r = REVIEWS.c
    with store.read() as conn:
        ids = _deck_ids(study, conn, deck)
        row = conn.execute(
            select(
                func.count(),
                func.sum(case((r.rating == 1, 1), else_=0)),
                func.sum(case((r.state_before == int(CardState.NEW), 1), else_=0)),
                func.sum(r.duration_ms),
                func.sum(case((r.state_before == int(CardState.REVIEW), 1), else_=0)),
                func.sum(
                    case(
                        (and_(r.state_before == int(CardState.REVIEW), r.rating > 1), 1),
                        else_=0,
                    )
                ),
            ).where(r.profile_id == store.profile.id, r.day == today, r.deck_id.in_(ids))
        ).one()
    values = [int(v or 0) for v in row]
    return DaySummary(*values)


def reviews_by_day(
    store: Store, now: datetime, days: int = 30, deck: str | int | None = None
) -> list[tuple[date, int]]:
    """Answers per study day for the last ``days`` days, oldest first, zeros included."""
    study = StudyService(store)
    today = store.clock.day(now)
    first = today - days + 1
    r = REVIEWS.c
    with store.read() as conn:
        ids = _deck_ids(study, conn, deck)
        rows = conn.execute(
            select(r.day, func.count())
            .where(
                r.profile_id == store.profile.id,
                r.day >= first,
                r.day <= today,
                r.deck_id.in_(ids),
            )
            .group_by(r.day)
        ).all()
    found = {int(day): int(n) for day, n in rows}
    return [(date.fromordinal(d), found.get(d, 0)) for d in range(first, today + 1)]


def tomorrow(store: Store, now: datetime, deck: str | int | None = None) -> Tomorrow:
    """Reviews due by the end of tomorrow, learning later today, new cards tomorrow."""
    study = StudyService(store)
    clock = store.clock
    day_after = to_epoch(clock.day_start(clock.day(now) + 2))
    tonight = to_epoch(clock.next_day_start(now))
    ahead = to_epoch(now + LEARN_AHEAD)
    c = CARDS.c
    pid = store.profile.id
    with store.read() as conn:
        ids = _deck_ids(study, conn, deck)
        review = conn.execute(
            select(func.count()).where(
                c.profile_id == pid,
                c.deck_id.in_(ids),
                c.queue.in_([int(Queue.REVIEW), int(Queue.LEARNING)]),
                c.due < day_after,
            )
        ).scalar_one()
        learning = conn.execute(
            select(func.count()).where(
                c.profile_id == pid,
                c.deck_id.in_(ids),
                c.queue == int(Queue.LEARNING),
                c.due >= ahead,
                c.due < tonight,
            )
        ).scalar_one()
        new = 0
        for deck_id in ids:
            per_day = study.deck(conn, deck_id).options.new_per_day
            new += cards_repo.count_queue(conn, pid, deck_id, Queue.NEW, None, per_day)
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
    return StudyItem(card, note, d, counts, fsrs_adapter.preview(card, now, d.options))


def upcoming(
    store: Store, study: StudyService, now: datetime, deck: str | int | None, after: int
) -> StudyItem | None:
    """The card expected after card ``after`` (prefetched while ``after`` is on screen).

    Counts are left at zero: the study screen keeps showing its own and checks
    this guess against the real queue head once the answer is committed.
    """
    cards = [c for c in study.queue(now, deck, limit=2) if c.id != after]
    if not cards:
        return None
    card = cards[0]
    with store.read() as conn:
        note = notes_repo.note_by_guid(conn, card.note_guid)
        d = study.deck(conn, card.deck_id)
    if note is None:
        return None
    return StudyItem(
        card, note, d, QueueCounts(0, 0, 0), fsrs_adapter.preview(card, now, d.options)
    )


def add_article_notes(
    store: Store,
    deck_name: str,
    notes: list[Note],
    *,
    article_id: str,
    title: str,
    text: str,
    source: str = "",
) -> ImportReport:
    """Save the article (so cards can show their paragraph) and add ``notes`` to a deck."""
    with store.write() as conn:
        decks_repo.save_article(conn, article_id, title, text, source)
        _deck, report = apply_notes(
            conn, deck_name, notes, retire_missing=False, now_s=int(time.time())
        )
    return report


def elapsed_text(ms: int) -> str:
    """``12 min 5 s`` style duration."""
    seconds = round(ms / 1000)
    td = timedelta(seconds=seconds)
    minutes, secs = divmod(int(td.total_seconds()), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"
