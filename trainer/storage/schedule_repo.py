"""One learner's scheduling of one deck, as an export carries it: card states and answers.

Cards are found from their notes (a card sitting in a filtered deck still belongs
to its note's deck); retired notes are left out, as the export leaves them out.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, select

from trainer.storage.driver import driver_sql
from trainer.storage.models import CARDS, NOTES


class CardRow(NamedTuple):
    """A card's scheduling columns, with its note's GUID."""

    guid: str
    ord: int
    state: int
    queue: int
    due: int
    step: int | None
    stability: float | None
    difficulty: float | None
    last_review: int | None
    reps: int
    lapses: int
    position: int
    buried_until: int
    reset_at: int
    original_deck_id: int
    original_due: int


class AnswerRow(NamedTuple):
    """One logged answer of a card, by its note's GUID and ord."""

    guid: str
    ord: int
    reviewed_at: int
    """Epoch milliseconds."""
    rating: int
    duration_ms: int
    state_before: int
    interval_days: float
    difficulty: float | None


def _of_deck(profile_id: int, deck_id: int) -> object:
    return (
        (CARDS.c.profile_id == profile_id)
        & (NOTES.c.deck_id == deck_id)
        & NOTES.c.retired.is_(False)
    )


def deck_cards(conn: Connection, profile_id: int, deck_id: int) -> list[CardRow]:
    """The learner's cards of the deck's notes, by GUID and ord."""
    c = CARDS.c
    query = (
        select(
            NOTES.c.guid,
            c.ord,
            c.state,
            c.queue,
            c.due,
            c.step,
            c.stability,
            c.difficulty,
            c.last_review,
            c.reps,
            c.lapses,
            c.position,
            c.buried_until,
            c.reset_at,
            c.original_deck_id,
            c.original_due,
        )
        .join(NOTES, NOTES.c.id == c.note_id)
        .where(_of_deck(profile_id, deck_id))  # type: ignore[arg-type]
        .order_by(NOTES.c.guid, c.ord)
    )
    return [CardRow._make(row) for row in conn.execute(query)]


_ANSWERS_SQL = (
    "SELECT n.guid, c.ord, r.reviewed_at, r.rating, r.duration_ms, r.state_before, "
    "r.interval_days, r.difficulty FROM reviews r JOIN cards c ON c.id = r.card_id "
    "JOIN notes n ON n.id = c.note_id WHERE c.profile_id = ? AND n.deck_id = ? "
    "AND n.retired = ? ORDER BY n.guid, c.ord, r.reviewed_at, r.id"
)


def deck_answers(conn: Connection, profile_id: int, deck_id: int) -> list[AnswerRow]:
    """The learner's answers on the deck's cards, by card then time (plain driver SQL:
    a long history is a hundred thousand rows)."""
    sql = driver_sql(conn, _ANSWERS_SQL)
    make = AnswerRow._make
    return [make(row) for row in conn.exec_driver_sql(sql, (profile_id, deck_id, False))]
