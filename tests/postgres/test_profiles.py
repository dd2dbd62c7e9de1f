"""Several learners in one store, on SQLite and on a real PostgreSQL server.

Each profile has its own cards for the shared notes, its own review log, its
own undo and daily limits; concurrent writers (threads with their own
connections, as separate processes would have) lose no answer on either backend.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import DeckOptions, Rating
from trainer.scheduling.fsrs_adapter import PastReview, reschedule
from trainer.services.decks import apply_notes
from trainer.services.study import StudyService
from trainer.storage import cards_repo, reviews_repo
from trainer.storage.models import CARDS, REVIEWS
from trainer.storage.store import Store

pytestmark = pytest.mark.postgres

OPTS = DeckOptions(enable_fuzz=False, new_per_day=1000, reviews_per_day=1000)


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def second(any_store: Store) -> Iterator[Store]:
    """A second learner, 'bob', on the same store."""
    s = Store.open(_url(any_store), "bob")
    from trainer.storage.store import Profile

    s.profile = Profile(s.profile.id, s.profile.name, "UTC", 4)
    yield s
    s.close()


def _reviews(store: Store) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                select(func.count()).where(REVIEWS.c.profile_id == store.profile.id)
            ).scalar_one()
        )


def test_a_new_profile_gets_its_own_cards_for_existing_decks(
    any_store: Store, second: Store, now: datetime
) -> None:
    # `second` was opened before the deck existed: the import gives it cards too.
    make_deck(any_store, qa_notes(12), options=OPTS)
    late = Store.open(_url(any_store), "carol")  # opened after: gets cards on creation
    try:
        for s in (any_store, second, late):
            with s.read() as conn:
                n = conn.execute(
                    select(func.count()).where(CARDS.c.profile_id == s.profile.id)
                ).scalar_one()
            assert n == 12
            assert StudyService(s).counts(now).new == 12
    finally:
        late.close()


def test_progress_undo_and_limits_are_per_profile(
    any_store: Store, second: Store, now: datetime
) -> None:
    make_deck(any_store, qa_notes(10), options=replace(OPTS, new_per_day=4))
    alice, bob = StudyService(any_store), StudyService(second)
    for _ in range(4):
        card = alice.queue(now, limit=1)[0]
        alice.answer(card.id, Rating.GOOD, now)
    assert alice.counts(now).new == 0
    assert bob.counts(now).new == 4
    bob_card = bob.queue(now, limit=1)[0]
    bob.answer(bob_card.id, Rating.EASY, now)
    assert (_reviews(any_store), _reviews(second)) == (4, 1)
    # Undo takes back only the undoer's own last answer.
    restored = alice.undo()
    assert restored is not None
    with any_store.read() as conn:
        owner = conn.execute(
            select(CARDS.c.profile_id).where(CARDS.c.id == restored.id)
        ).scalar_one()
    assert owner == any_store.profile.id
    assert (_reviews(any_store), _reviews(second)) == (3, 1)
    assert bob.card(bob_card.id).reps == 1  # type: ignore[union-attr]
    # The same note is one card per profile, each with its own state.
    assert bob_card.note_guid in {c.note_guid for c in alice.queue(now, limit=50)} | {
        restored.note_guid
    }


def test_card_state_equals_replay_on_both_backends(any_store: Store, now: datetime) -> None:
    make_deck(any_store, qa_notes(6), options=OPTS)
    study = StudyService(any_store)
    t = now
    for rating in [3, 1, 3, 3, 4, 2, 3, 1, 1, 3, 3, 4] * 3:
        cards = study.queue(t, limit=1)
        if cards:
            study.answer(cards[0].id, Rating(rating), t)
        t += timedelta(minutes=17)
    with any_store.read() as conn:
        ids = conn.execute(select(REVIEWS.c.card_id).distinct()).scalars().all()
        for card_id in ids:
            card = cards_repo.get_card(conn, card_id)
            assert card is not None
            history = [
                PastReview(r.rating, r.reviewed_at) for r in reviews_repo.history(conn, card_id)
            ]
            again = reschedule(card, history, OPTS, clock=any_store.clock)
            assert (card.state, card.step, card.reps, card.lapses) == (
                again.state,
                again.step,
                again.reps,
                again.lapses,
            )
            assert card.stability == pytest.approx(again.stability)
            assert card.difficulty == pytest.approx(again.difficulty)


def test_a_failed_write_leaves_nothing_behind(any_store: Store) -> None:
    make_deck(any_store, qa_notes(3), options=OPTS)
    with any_store.read() as conn:
        before = conn.execute(text("SELECT count(*) FROM notes")).scalar_one()
    with pytest.raises(RuntimeError), any_store.write() as conn:
        apply_notes(conn, "Half", qa_notes(50, "h"), options=OPTS)
        raise RuntimeError("crash in the middle of an import")
    with any_store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM notes")).scalar_one() == before
        assert (
            conn.execute(text("SELECT count(*) FROM decks WHERE name = 'Half'")).scalar_one() == 0
        )


def _answer_many(
    url: str, profile: str, n: int, start: datetime, out: dict[str, list[int]]
) -> None:
    store = Store.open(url, profile)
    try:
        study = StudyService(store)
        t, done = start, []
        for _ in range(n):
            card = study.queue(t, limit=1)[0]
            done.append(study.answer(card.id, Rating.GOOD, t).review_id)
            t += timedelta(minutes=11)
        out[profile] = done
    finally:
        store.close()


def test_concurrent_learners_lose_no_answer(any_store: Store, now: datetime) -> None:
    make_deck(any_store, qa_notes(40), options=OPTS)
    url = _url(any_store)
    out: dict[str, list[int]] = {}
    threads = [
        threading.Thread(target=_answer_many, args=(url, f"p{i}", 15, now, out)) for i in range(6)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(out) == [f"p{i}" for i in range(6)]
    with any_store.read() as conn:
        logged = set(conn.execute(select(REVIEWS.c.id)).scalars())
        lost_updates = conn.execute(
            text(
                "SELECT c.id FROM cards c LEFT JOIN reviews r ON r.card_id = c.id "
                "GROUP BY c.id, c.reps HAVING c.reps != count(r.id)"
            )
        ).all()
    assert all(set(ids) <= logged for ids in out.values())
    assert len(logged) == 6 * 15
    assert lost_updates == []


def test_two_sessions_of_one_learner_answering_the_same_card_lose_no_update(
    any_store: Store, now: datetime
) -> None:
    """Two windows open on one profile answer the same card at once: both answers count."""
    make_deck(any_store, qa_notes(1), options=OPTS)
    url = _url(any_store)
    with any_store.read() as conn:
        card_id = conn.execute(select(CARDS.c.id)).scalar_one()
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def hammer(k: int) -> None:
        store = Store.open(url, any_store.profile.name)
        try:
            study = StudyService(store)
            for i in range(10):
                barrier.wait(timeout=60) if i == 0 else None
                study.answer(card_id, Rating.GOOD, now + timedelta(seconds=k * 100 + i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=hammer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with any_store.read() as conn:
        reps = conn.execute(select(CARDS.c.reps).where(CARDS.c.id == card_id)).scalar_one()
        logged = conn.execute(select(func.count()).where(REVIEWS.c.card_id == card_id)).scalar_one()
    assert logged == 40
    assert reps == 40, "an answer's card update was lost (read-modify-write race)"
