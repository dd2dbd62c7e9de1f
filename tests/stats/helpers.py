"""Hand-built review histories: answer real cards at pinned times."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from trainer.domain.model import Rating
from trainer.services.study import StudyService
from trainer.storage.models import CARDS, REVIEW_DAYS
from trainer.storage.store import Store


def card_ids(store: Store, deck_id: int | None = None) -> list[int]:
    with store.read() as conn:
        q = select(CARDS.c.id).order_by(CARDS.c.id)
        if deck_id is not None:
            q = q.where(CARDS.c.deck_id == deck_id)
        return list(conn.execute(q).scalars())


def answer(
    store: Store, card_id: int, at: datetime, rating: Rating = Rating.GOOD, ms: int = 1000
) -> None:
    StudyService(store).answer(card_id, rating, at, ms)


def graduate(store: Store, card_id: int, at: datetime) -> datetime:
    """Answer Easy once (graduates straight to review); returns the card's due time."""
    StudyService(store).answer(card_id, Rating.EASY, at, 1000)
    card = StudyService(store).card(card_id)
    assert card is not None and card.due is not None
    return card.due


def rollup_rows(store: Store) -> list[dict[str, int]]:
    with store.read() as conn:
        rows = conn.execute(
            select(REVIEW_DAYS).order_by(
                REVIEW_DAYS.c.profile_id, REVIEW_DAYS.c.deck_id, REVIEW_DAYS.c.day
            )
        )
        return [dict(r._mapping) for r in rows]


def days(n: float) -> timedelta:
    return timedelta(days=n)
