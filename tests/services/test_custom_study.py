"""Filtered decks and custom study on a real store, scheduled as Anki does."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import make_deck, qa_notes
from trainer.domain.clock import to_epoch
from trainer.domain.errors import TrainerError
from trainer.domain.model import CardState, DeckOptions, Queue, Rating
from trainer.domain.search import SearchError
from trainer.services.browse import BrowseService
from trainer.services.custom_study import SESSION, CustomStudyService
from trainer.services.study import StudyService
from trainer.storage import cards_repo, filtered_repo
from trainer.storage.models import REVIEWS
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False, new_per_day=5)


def _reviewed(store: Store, now: datetime, n: int) -> tuple[StudyService, list[int]]:
    """Deck A with ``n`` review cards learnt 3 days ago (Easy), and 5 new cards."""
    make_deck(store, qa_notes(n + 5), "A", replace(OPTS, new_per_day=n + 5))
    study = StudyService(store)
    ids = [c.id for c in study.queue(now - timedelta(days=3), "A", limit=100)][:n]
    for card_id in ids:
        study.answer(card_id, Rating.EASY, now - timedelta(days=3))
    return study, ids


def test_a_filtered_deck_borrows_the_cards_a_search_finds(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(6), "A", OPTS)
    make_deck(store, qa_notes(3, "b"), "B", OPTS)
    study = StudyService(store)
    first = study.queue(now, "A")[0]
    study.suspend(first.id)
    custom = CustomStudyService(store)
    built = custom.build("Cram", "deck:A", now, limit=3, order="added")
    assert built.cards == 3
    cram = [c for c in study.queue(now, "Cram", limit=100)]
    assert len(cram) == 3 and first.id not in [c.id for c in cram]
    # Its cards still match their home deck, and show where they are.
    rows = BrowseService(store).search("deck:A", now, limit=None)
    assert len(rows) == 6
    assert sorted(r.deck for r in rows if r.home_deck) == ["Cram"] * 3
    # Another filtered deck cannot take them; rebuilding takes the same ones.
    other = custom.build("Other", "deck:A", now, limit=10)
    assert other.cards == 2  # 6 minus the suspended one minus the three in Cram
    again = custom.rebuild("Cram", now)
    assert again.cards == 3
    assert custom.empty("Cram") == 3
    assert study.queue(now, "Cram") == []
    assert custom.delete("Other") == 2
    assert custom.is_filtered("Cram") and not custom.is_filtered("A")
    with pytest.raises(TrainerError, match="normal deck"):
        custom.build("A", "deck:B", now)
    with pytest.raises(SearchError, match="position 1"):
        custom.build("Cram", "(", now)
    with pytest.raises(TrainerError, match="order must be"):
        custom.build("Cram", "deck:B", now, order="sideways")


def test_review_ahead_answers_go_home_rescheduled_by_the_home_deck(
    store: Store, now: datetime
) -> None:
    study, ids = _reviewed(store, now, 4)
    own_due = {i: study.card(i).due for i in ids}  # type: ignore[union-attr]
    home_deck = study.card(ids[0]).deck_id  # type: ignore[union-attr]
    assert all(d is not None and d > now for d in own_due.values())
    assert study.counts(now, "A").review == 0
    custom = CustomStudyService(store)
    built = custom.review_ahead("A", 365, now)
    assert built.deck == SESSION and built.cards == 4
    queue = study.queue(now, SESSION)
    assert sorted(c.id for c in queue) == sorted(ids)
    assert [c.id for c in queue] == sorted(ids, key=lambda i: own_due[i])  # due order
    # Answering early: the home deck's options, from the card's own state; then home.
    head = queue[0]
    before = study.card(head.id)
    assert before is not None and before.deck_id != home_deck
    result = study.answer(head.id, Rating.GOOD, now)
    after = study.card(head.id)
    assert after is not None and after.deck_id == home_deck == result.card.deck_id
    assert after.last_review == now and after.reps == 2
    with store.read() as conn:
        assert filtered_repo.home_of(conn, head.id) is None
        home = cards_repo.get_card(conn, head.id)
        logged = conn.execute(
            select(REVIEWS.c.deck_id).order_by(REVIEWS.c.id.desc()).limit(1)
        ).scalar_one()
    assert logged == home_deck  # statistics see the home deck
    assert home is not None and home.queue is Queue.REVIEW and home.due is not None
    assert home.due > now
    # Undo puts it back in the session.
    study.undo()
    assert head.id in [c.id for c in study.queue(now, SESSION)]
    # Emptying restores every card's own due time.
    custom.empty(SESSION)
    assert {i: study.card(i).due for i in ids} == own_due  # type: ignore[union-attr]


def test_a_failed_card_stays_until_it_leaves_relearning(store: Store, now: datetime) -> None:
    study, _ids = _reviewed(store, now, 2)
    CustomStudyService(store).review_ahead("A", 365, now)
    card_id = study.queue(now, SESSION)[0].id
    study.answer(card_id, Rating.AGAIN, now)
    card = study.card(card_id)
    assert card is not None and card.state is CardState.RELEARNING
    with store.read() as conn:
        assert filtered_repo.home_of(conn, card_id) is not None
    later = now + timedelta(minutes=11)
    assert card_id in [c.id for c in study.queue(later, SESSION)]
    study.answer(card_id, Rating.GOOD, later)
    with store.read() as conn:
        assert filtered_repo.home_of(conn, card_id) is None
    card = study.card(card_id)
    assert card is not None and card.state is CardState.REVIEW


def test_review_forgotten_cards(store: Store, now: datetime) -> None:
    study, ids = _reviewed(store, now, 3)
    study.answer(ids[0], Rating.AGAIN, now - timedelta(days=1))
    study.answer(ids[0], Rating.GOOD, now - timedelta(days=1, minutes=-11))
    built = CustomStudyService(store).forgotten("A", 2, now)
    assert built.cards == 1 and built.query == 'deck:"A" rated:2:1'
    assert [c.id for c in study.queue(now, SESSION)] == [ids[0]]


def test_study_by_search_limit_and_order(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(10), "A", OPTS)
    custom = CustomStudyService(store)
    built = custom.by_search("A", "问题1 or 问题2 or 问题3", now, limit=2, order="added-desc")
    assert built.cards == 2
    cards = StudyService(store).queue(now, SESSION)
    assert sorted(c.note_guid for c in cards) == ["q00002", "q00003"]
    assert custom.by_search("A", "", now, limit=9999, order="random").cards == 10


def test_increase_todays_limits(store: Store, now: datetime, db_path: Path) -> None:
    from trainer.storage.fastcount import due_counts

    make_deck(store, qa_notes(30), "A", OPTS)
    study = StudyService(store)
    assert study.counts(now, "A").new == 5
    custom = CustomStudyService(store)
    assert custom.extend_limits("A", now, new=10) == (10, 0)
    assert custom.extend_limits("A", now, new=2) == (12, 0)
    assert study.counts(now, "A").new == 17
    assert due_counts(db_path, "default", now) is None  # the full path counts it
    tomorrow = now + timedelta(days=1)
    assert study.counts(tomorrow, "A").new == 5
    with pytest.raises(TrainerError, match="0 to 9999"):
        custom.extend_limits("A", now, new=-1)


def test_filtered_decks_keep_cards_when_the_home_deck_is_edited(
    store: Store, now: datetime
) -> None:
    from trainer.services.decks import DeckService

    make_deck(store, qa_notes(3), "A", OPTS)
    CustomStudyService(store).build("F", "deck:A", now)
    note = DeckService(store).notes("A")[0]
    DeckService(store).edit_note(replace(note, answer="改"))
    assert len(StudyService(store).queue(now, "F")) == 3
    assert to_epoch(now) > 0
