"""The review log: written once per answer, read for undo, limits and replay."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from trainer.domain.clock import from_epoch
from trainer.domain.model import CardState, Rating, Review
from trainer.storage.models import REVIEWS


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """A review row with the undo snapshot it carries."""

    id: int
    card_id: int
    undo: str


def add_review(conn: Connection, values: dict[str, Any]) -> int:
    result = conn.execute(insert(REVIEWS).values(**values))
    pk = result.inserted_primary_key
    return int(pk[0]) if pk else 0


def last_answer(conn: Connection, profile_id: int, since_ms: int = 0) -> LoggedAnswer | None:
    row = conn.execute(
        select(REVIEWS.c.id, REVIEWS.c.card_id, REVIEWS.c.undo)
        .where(
            REVIEWS.c.profile_id == profile_id,
            REVIEWS.c.reviewed_at >= since_ms,
            REVIEWS.c.undo != "",
        )
        .order_by(REVIEWS.c.id.desc())
        .limit(1)
    ).first()
    return LoggedAnswer(row.id, row.card_id, row.undo) if row else None


def delete_review(conn: Connection, review_id: int) -> None:
    conn.execute(delete(REVIEWS).where(REVIEWS.c.id == review_id))


def done_today(
    conn: Connection, profile_id: int, day: int, deck_ids: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """Per deck: (new cards introduced, review cards answered) on study day ``day``."""
    rows = conn.execute(
        select(
            REVIEWS.c.deck_id,
            REVIEWS.c.state_before,
            func.count(func.distinct(REVIEWS.c.card_id)),
        )
        .where(
            REVIEWS.c.profile_id == profile_id,
            REVIEWS.c.day == day,
            REVIEWS.c.deck_id.in_(list(deck_ids)),
            REVIEWS.c.state_before.in_([int(CardState.NEW), int(CardState.REVIEW)]),
        )
        .group_by(REVIEWS.c.deck_id, REVIEWS.c.state_before)
    )
    out: dict[int, tuple[int, int]] = {}
    for deck_id, state_before, n in rows:
        new, rev = out.get(deck_id, (0, 0))
        if state_before == int(CardState.NEW):
            new = n
        else:
            rev = n
        out[deck_id] = (new, rev)
    return out


def history(conn: Connection, card_id: int) -> list[Review]:
    rows = conn.execute(
        select(REVIEWS)
        .where(REVIEWS.c.card_id == card_id)
        .order_by(REVIEWS.c.reviewed_at, REVIEWS.c.id)
    )
    return [
        Review(
            card_id=r.card_id,
            rating=Rating(r.rating),
            reviewed_at=from_epoch(r.reviewed_at / 1000),
            duration_ms=r.duration_ms,
            state_before=CardState(r.state_before),
            id=r.id,
        )
        for r in rows
    ]
