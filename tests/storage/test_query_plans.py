"""The queue queries must be answered from the queue indexes, not a table scan.

These are the id queries ``cards_repo`` runs before fetching the rows.
"""

from datetime import datetime

from sqlalchemy import Select, select

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import Queue
from trainer.storage.models import CARDS
from trainer.storage.store import Store


def _plan(store: Store, query: Select[object]) -> str:  # type: ignore[type-var]
    compiled = query.compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.read() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    return " | ".join(str(r[-1]) for r in rows)


def test_due_reviews_use_the_queue_index(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(50))
    q = (
        select(CARDS.c.id)
        .where(
            CARDS.c.profile_id == 1,
            CARDS.c.deck_id.in_([1]),
            CARDS.c.queue == int(Queue.REVIEW),
            CARDS.c.due < 2_000_000_000,
        )
        .order_by(CARDS.c.due, CARDS.c.id)
        .limit(50)
    )
    plan = _plan(store, q)
    assert "ix_cards_queue_due" in plan, plan
    assert "SCAN cards" not in plan, plan
    assert "COVERING INDEX" in plan, plan


def test_new_cards_use_the_position_index(store: Store) -> None:
    make_deck(store, qa_notes(50))
    q = (
        select(CARDS.c.id)
        .where(
            CARDS.c.profile_id == 1,
            CARDS.c.deck_id.in_([1]),
            CARDS.c.queue == int(Queue.NEW),
        )
        .order_by(CARDS.c.position, CARDS.c.id)
        .limit(50)
    )
    plan = _plan(store, q)
    assert "ix_cards_queue_position" in plan, plan
    assert "SCAN cards" not in plan, plan
    assert "COVERING INDEX" in plan, plan
