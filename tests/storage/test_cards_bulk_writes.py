"""The cards table's bulk writes (an Anki import's schedules, resets and new-queue
places) live in ``cards_repo``: each writes exactly what its rows say, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import CardState, Queue
from trainer.storage import cards_repo
from trainer.storage.store import Store

COLUMNS = "id, state, queue, due, step, stability, difficulty, last_review, reps, lapses"


def _cards(store: Store) -> dict[int, Any]:
    with store.read() as conn:
        rows = conn.execute(
            text(f"SELECT {COLUMNS}, position, reset_at FROM cards ORDER BY id")
        ).all()
    return {r.id: r for r in rows}


def test_save_states_writes_each_cards_schedule(any_store: Store) -> None:
    deck = make_deck(any_store, qa_notes(3))
    with any_store.read() as conn:
        cards = cards_repo.cards_in_deck(conn, any_store.profile.id, deck)
    first, second, third = cards
    due = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    reviewed = replace(
        first,
        state=CardState.REVIEW,
        queue=Queue.REVIEW,
        due=due,
        step=None,
        stability=3.5,
        difficulty=6.25,
        last_review=due - timedelta(days=3),
        reps=2,
        lapses=1,
    )
    learning = (int(CardState.LEARNING), int(Queue.LEARNING), 1_772_500_000, 1, 0.4, 5.0)
    with any_store.write() as conn:
        cards_repo.save_states(
            conn,
            [
                cards_repo.state_row(reviewed),
                (*learning, 1_772_400_000, 1, 0, second.id),
            ],
        )
        cards_repo.save_states(conn, [])
    rows = _cards(any_store)
    assert tuple(rows[first.id])[1:10] == (
        int(CardState.REVIEW),
        int(Queue.REVIEW),
        int(due.timestamp()),
        None,
        3.5,
        6.25,
        int((due - timedelta(days=3)).timestamp()),
        2,
        1,
    )
    assert tuple(rows[second.id])[1:10] == (*learning, 1_772_400_000, 1, 0)
    assert tuple(rows[third.id])[1:3] == (int(CardState.NEW), int(Queue.NEW))


def test_reset_times_and_new_queue_places(any_store: Store) -> None:
    deck = make_deck(any_store, qa_notes(3))
    with any_store.read() as conn:
        ids = [c.id for c in cards_repo.cards_in_deck(conn, any_store.profile.id, deck)]
    with any_store.write() as conn:
        cards_repo.set_reset_times(conn, [(1_700_000_000_123, ids[0])])
        cards_repo.place_new(conn, [(int(Queue.SUSPENDED), 7, ids[1]), (int(Queue.NEW), 3, ids[2])])
        cards_repo.set_reset_times(conn, [])
        cards_repo.place_new(conn, [])
    rows = _cards(any_store)
    with any_store.read() as conn:
        assert cards_repo.reset_times(conn, ids) == {ids[0]: 1_700_000_000_123}
    assert (rows[ids[1]].queue, rows[ids[1]].position) == (int(Queue.SUSPENDED), 7)
    assert (rows[ids[2]].queue, rows[ids[2]].position) == (int(Queue.NEW), 3)
    assert rows[ids[0]].queue == int(Queue.NEW)
