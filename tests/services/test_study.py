"""Queue order, daily limits across the day boundary, undo, bury, suspend, leech."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from tests.conftest import make_deck, qa_notes
from trainer.domain.errors import TrainerError
from trainer.domain.model import CardState, DeckOptions, LeechAction, Note, NoteKind, Queue, Rating
from trainer.scheduling.fsrs_adapter import PastReview, reschedule
from trainer.services.study import StudyService
from trainer.storage import reviews_repo
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False)


def test_new_cards_come_in_file_order_within_the_daily_limit(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(30), options=replace(OPTS, new_per_day=5))
    study = StudyService(store)
    queue = study.queue(now)
    assert [c.note_guid for c in queue] == [f"q{i:05d}" for i in range(5)]
    assert study.counts(now).new == 5


def test_new_limit_counts_cards_introduced_today_and_resets_next_day(
    store: Store, now: datetime
) -> None:
    make_deck(store, qa_notes(10), options=replace(OPTS, new_per_day=3))
    study = StudyService(store)
    for _ in range(3):
        item = study.next_item(now)
        assert item is not None
        study.answer(item.card.id, Rating.EASY, now)
    assert study.counts(now).new == 0
    # Still the same study day at 03:59 tomorrow (day starts at 4:00).
    night = now.replace(hour=3, minute=59) + timedelta(days=1)
    assert study.counts(night).new == 0
    morning = now.replace(hour=4, minute=0) + timedelta(days=1)
    assert study.counts(morning).new == 3


def test_learning_first_then_reviews_then_new(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(4), options=OPTS)
    study = StudyService(store)
    a, b, c, _d = study.queue(now)
    study.answer(a.id, Rating.EASY, now - timedelta(days=30))  # review card, long overdue
    study.answer(b.id, Rating.AGAIN, now - timedelta(minutes=5))  # learning, due 1 min later
    later = now
    order = [card.id for card in study.queue(later)]
    assert order[:3] == [b.id, a.id, c.id]


def test_learn_ahead_only_when_nothing_else(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(2), options=OPTS)
    study = StudyService(store)
    first, second = study.queue(now)
    study.answer(first.id, Rating.GOOD, now)  # learning, due in 10 minutes
    assert [c.id for c in study.queue(now)] == [second.id, first.id]
    study.answer(second.id, Rating.EASY, now)
    assert [c.id for c in study.queue(now)] == [first.id]  # within the 20-minute learn-ahead
    counts = study.counts(now)
    assert counts.learning == 1 and counts.new == 0


def test_review_limit(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(6), options=replace(OPTS, reviews_per_day=2))
    study = StudyService(store)
    for card in study.queue(now - timedelta(days=40)):
        study.answer(card.id, Rating.EASY, now - timedelta(days=40))
    assert study.counts(now).review == 2


def test_answer_is_committed_and_logged(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(1), options=OPTS)
    study = StudyService(store)
    item = study.next_item(now)
    assert item is not None
    result = study.answer(item.card.id, Rating.GOOD, now, duration_ms=4200)
    # A second, independent store sees it: it was committed.
    other = Store.open(store.engine.url.render_as_string(hide_password=False))
    with other.read() as conn:
        (review,) = reviews_repo.history(conn, item.card.id)
    other.close()
    assert review.rating is Rating.GOOD and review.duration_ms == 4200
    assert review.state_before is CardState.NEW
    assert result.card.state is CardState.LEARNING


def test_undo_restores_exact_state(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(2), options=OPTS)
    study = StudyService(store)
    item = study.next_item(now)
    assert item is not None
    before = study.card(item.card.id)
    study.answer(item.card.id, Rating.GOOD, now)
    after_first = study.card(item.card.id)
    study.answer(item.card.id, Rating.GOOD, now + timedelta(minutes=10))
    assert study.undo() == after_first
    assert study.card(item.card.id) == after_first
    assert study.undo() == before
    assert study.card(item.card.id) == before
    assert study.undo() is None
    with store.read() as conn:
        assert reviews_repo.history(conn, item.card.id) == []


def _cloze(guid: str, text: str) -> Note:
    return Note(guid=guid, kind=NoteKind.CLOZE, text=text)


def test_siblings_are_buried_until_tomorrow_and_undo_unburies(store: Store, now: datetime) -> None:
    make_deck(store, [_cloze("c1", "{{c1::甲}}{{c2::乙}}{{c3::丙}}")], options=OPTS)
    study = StudyService(store)
    first = study.queue(now)[0]
    result = study.answer(first.id, Rating.GOOD, now)
    assert result.buried_siblings == 2
    assert [c.id for c in study.queue(now)] == [first.id]  # siblings gone; learn-ahead shows it
    study.undo()
    assert len(study.queue(now)) == 3
    study.answer(first.id, Rating.GOOD, now)
    tomorrow = now + timedelta(days=1)
    assert {c.ord for c in study.queue(tomorrow)} >= {2, 3}


def test_manual_bury_and_suspend(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), options=OPTS)
    study = StudyService(store)
    a, b, c = study.queue(now)
    study.bury(a.id, now)
    study.suspend(b.id)
    assert [x.id for x in study.queue(now)] == [c.id]
    assert {x.id for x in study.queue(now + timedelta(days=1))} == {a.id, c.id}
    study.unsuspend([b.id])
    assert b.id in {x.id for x in study.queue(now + timedelta(days=1))}
    with pytest.raises(TrainerError):
        study.suspend(b.id)
        study.answer(b.id, Rating.GOOD, now)


def test_leech_tagged_and_suspended_after_eight_lapses(store: Store, now: datetime) -> None:
    opts = replace(OPTS, leech_action=LeechAction.SUSPEND, bury_siblings=False)
    make_deck(store, qa_notes(1), options=opts)
    study = StudyService(store)
    card = study.queue(now)[0]
    t = now
    leech = False
    lapses = 0
    while not leech:
        res = study.answer(card.id, Rating.GOOD, t)
        t = (res.card.due or t) + timedelta(hours=1)
        res = study.answer(card.id, Rating.GOOD, t)
        t = (res.card.due or t) + timedelta(hours=1)
        res = study.answer(card.id, Rating.AGAIN, t)
        t = (res.card.due or t) + timedelta(hours=1)
        lapses = res.card.lapses
        leech = res.leech
    assert lapses == 8
    assert res.card.queue is Queue.SUSPENDED
    from trainer.services.decks import DeckService

    (note,) = DeckService(store).notes("Test")
    assert "leech" in note.tags
    study.undo()
    (note,) = DeckService(store).notes("Test")
    assert "leech" not in note.tags
    assert study.card(card.id).queue is not Queue.SUSPENDED  # type: ignore[union-attr]


def test_card_state_equals_replayed_log(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(1), options=OPTS)
    study = StudyService(store)
    card = study.queue(now)[0]
    t = now
    for r in (3, 1, 3, 3, 2, 4):
        res = study.answer(card.id, Rating(r), t)
        t = (res.card.due or t) + timedelta(minutes=30)
    live = study.card(card.id)
    assert live is not None
    with store.read() as conn:
        log = [PastReview(r.rating, r.reviewed_at) for r in reviews_repo.history(conn, card.id)]
    assert reschedule(live, log, OPTS, clock=store.clock) == live


def test_deck_counts_and_subdecks(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3, "a"), name="申论::甲", options=OPTS)
    make_deck(store, qa_notes(4, "b"), name="申论::乙", options=OPTS)
    make_deck(store, qa_notes(2, "p"), name="申论", options=OPTS)
    study = StudyService(store)
    counts = {c.name: c.new for c in study.deck_counts(now)}
    assert counts == {"申论": 2, "申论::甲": 3, "申论::乙": 4}
    assert study.counts(now, "申论").new == 9
    assert study.counts(now, "申论::甲").new == 3
    with pytest.raises(TrainerError, match="no deck named"):
        study.counts(now, "没有")


def test_reviews_after_the_exam_are_pulled_before_it(store: Store, now: datetime) -> None:
    exam_day = (now + timedelta(days=10)).date()
    opts = replace(OPTS, exam_date=exam_day, exam_target=0.95, bury_siblings=False)
    make_deck(store, qa_notes(1), options=opts)
    study = StudyService(store)
    card = study.queue(now)[0]
    t = now
    for r in (Rating.GOOD, Rating.GOOD, Rating.EASY):
        res = study.answer(card.id, r, t)
        t = res.card.due or t
    assert res.card.due is not None
    assert store.clock.day(res.card.due) < exam_day.toordinal()


def test_suspended_cards_of_a_deck_include_those_a_filtered_deck_borrowed(
    store: Store, now: datetime
) -> None:
    """As Anki's ``deck:`` search: a card sitting in a filtered deck still belongs to its home
    deck, so `trainer suspended D` and `unsuspend --deck D` find it there."""
    from trainer.services.custom_study import CustomStudyService

    make_deck(store, qa_notes(3), options=OPTS)
    study = StudyService(store)
    a, b, _c = study.queue(now)
    assert CustomStudyService(store).build("Borrowed", "is:new", now).cards == 3
    study.suspend(a.id)
    study.suspend(b.id)
    assert {c.id for c, _n in study.suspended("Test")} == {a.id, b.id}
    assert {c.id for c, _n in study.suspended("Borrowed")} == {a.id, b.id}
    assert {c.id for c, _n in study.suspended()} == {a.id, b.id}


def test_suspended_list_and_unsuspend(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), options=OPTS)
    study = StudyService(store)
    a, _b, _c = study.queue(now)
    study.suspend(a.id)
    ((card, note),) = study.suspended("Test")
    assert card.id == a.id and note.guid == a.note_guid
    study.unsuspend([a.id])
    assert study.suspended() == []
    assert a.id in {c.id for c in study.queue(now)}
