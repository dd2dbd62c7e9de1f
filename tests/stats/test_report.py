"""Figures from real stores with hand-built histories, day boundaries and time zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import answer, card_ids, days, graduate
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating, SourceRef
from trainer.scheduling import fsrs_adapter
from trainer.services.stats import StatsService
from trainer.services.study import StudyService
from trainer.storage.models import PROFILES
from trainer.storage.store import Profile, Store


def test_today_true_retention_counts_and_knowledge(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, qa_notes(3))
    a, b, c = card_ids(store)
    due_a = graduate(store, a, now - days(30))
    answer(store, a, due_a, Rating.GOOD)  # young review, passed, first of its day
    due_b = graduate(store, b, now - days(20))
    answer(store, b, due_b, Rating.AGAIN)  # young review failed -> relearning
    answer(store, c, now, Rating.GOOD)  # learn today
    at = now + timedelta(minutes=1)
    rep = StatsService(store).report(now=at, range_name="1y")
    assert rep.today["learn"] == 1 and rep.today["reviews"] == 1
    tr_all = rep.true_retention["all"]["young"]
    assert (tr_all["passed"], tr_all["failed"]) == (1, 1)
    cc = rep.card_counts
    assert cc["learning"] == 1 and cc["relearning"] == 1 and cc["total"] == 3
    assert cc["young"] + cc["mature"] == 1
    # Sum of R equals the forgetting curve over each studied card.
    total = 0.0
    decay = fsrs_adapter.decay_of(DeckOptions())
    for cid in (a, b, c):
        card = StudyService(store).card(cid)
        assert card is not None and card.stability and card.last_review
        elapsed = (at - card.last_review).total_seconds() // 86400
        total += fsrs_adapter.forgetting_curve(elapsed, card.stability, decay)
    assert abs(rep.knowledge["estimated_total"] - round(total, 2)) < 0.011
    assert rep.buttons["young"]["again"] == 1 and rep.buttons["learn"]["easy"] == 2


def test_same_day_second_answer_not_in_true_retention(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, qa_notes(1))
    (a,) = card_ids(store)
    due = graduate(store, a, now - days(10))
    answer(store, a, due, Rating.AGAIN)
    answer(store, a, due + timedelta(minutes=11), Rating.GOOD)  # relearning, same day
    rep = StatsService(store).report(now=now, range_name="all")
    young = rep.true_retention["all"]["young"]
    assert (young["passed"], young["failed"]) == (0, 1)
    kinds = {k: sum(d[k] for d in rep.reviews["days"]) for k in ("learn", "young", "relearn")}
    assert kinds == {"learn": 1, "young": 1, "relearn": 1}


def test_future_due_and_cache(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, qa_notes(2))
    a, _ = card_ids(store)
    due = graduate(store, a, now)
    svc = StatsService(store)
    rep = svc.report(now=now, range_name="all")
    offset = store.clock.day(due) - store.clock.day(now)
    assert rep.future_due["days"] == [{"day": offset, "due": 1}]
    assert svc.report(now=now, range_name="all") is rep  # cached
    answer(store, card_ids(store)[1], now + timedelta(seconds=5))
    assert svc.report(now=now + timedelta(seconds=6), range_name="all") is not rep


def _zone(store: Store, zone: str) -> None:
    with store.write() as conn:
        conn.execute(
            update(PROFILES).where(PROFILES.c.id == store.profile.id).values(timezone=zone)
        )
    store.profile = Profile(store.profile.id, store.profile.name, zone, 4)


def test_day_boundary_in_local_time(any_store: Store) -> None:
    store = any_store
    _zone(store, "Asia/Shanghai")
    make_deck(store, qa_notes(2))
    a, b = card_ids(store)
    before = datetime(2026, 3, 1, 19, 59, tzinfo=UTC)  # 03:59 in Shanghai: still 1 March
    after = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 04:00: study day 2 March begins
    answer(store, a, before)
    answer(store, b, after)
    rep = StatsService(store).report(now=after + timedelta(minutes=1), range_name="1m")
    assert rep.today["reviews"] == 1
    assert [d["day"] for d in rep.reviews["days"]] == [-1, 0]
    hours = {h["hour"]: h["reviews"] for h in rep.hours if h["reviews"]}
    assert hours == {3: 1, 4: 1}
    assert rep.meta["today"] == "2026-03-02"


def test_sections_and_tags(any_store: Store, now: datetime) -> None:
    store = any_store
    notes = [
        Note(
            guid=f"s{i}",
            kind=NoteKind.QA,
            prompt=f"q{i}",
            answer="a",
            tags=("评论",) if i < 2 else ("背景",),
            source=SourceRef(section="一" if i < 2 else "二"),
        )
        for i in range(4)
    ]
    make_deck(store, notes)
    ids = card_ids(store)
    for i, cid in enumerate(ids):
        due = graduate(store, cid, now - days(20))
        answer(store, cid, due, Rating.AGAIN if i == 0 else Rating.GOOD)
    rep = StatsService(store).report(now=now, range_name="all")
    sec = {r["name"]: r for r in rep.sections}
    assert sec["一"]["reviews"] == 2 and sec["一"]["retention"] == 0.5
    assert sec["二"]["retention"] == 1.0
    tags = {r["name"]: r for r in rep.tags}
    assert tags["评论"]["cards"] == 2 and tags["背景"]["studied"] == 2
    assert rep.sections[0]["name"] == "一"  # the lapsed card makes it weakest


def test_first_view_agrees_with_the_whole_report(any_store: Store, now: datetime) -> None:
    """The statistics screen's first paint (roll-up and queue index) says what the
    whole report says, for every deck and for one deck, in every range."""
    store = any_store
    make_deck(store, qa_notes(6), "A")
    make_deck(store, qa_notes(3, prefix="b"), "B")
    a, b, c, d, *_ = card_ids(store)
    due = graduate(store, a, now - days(40))
    answer(store, a, due, Rating.GOOD)
    due = graduate(store, b, now - days(20))
    answer(store, b, due, Rating.AGAIN)  # relearning
    answer(store, c, now, Rating.HARD)
    study = StudyService(store)
    study.suspend(d)
    study.bury(card_ids(store)[4], now)
    at = now + timedelta(minutes=5)
    for deck in (None, "A", "B"):
        for range_name in ("1m", "3m", "1y", "all"):
            service = StatsService(store)
            first = service.first_view(deck, range_name, at)
            whole = service.report(deck, range_name, at)
            assert first.meta == {**whole.meta, "generated_at": first.meta["generated_at"]}
            assert first.today == whole.today and first.reviews == whole.reviews
            assert first.true_retention == whole.true_retention
            assert {**first.future_due, "daily_load": whole.future_due["daily_load"]} == (
                whole.future_due
            )
            cc, q = whole.card_counts, first.queues
            assert (q["new"], q["learning"], q["review"]) == (
                cc["new"],
                cc["learning"] + cc["relearning"],
                cc["young"] + cc["mature"],
            )
            assert (q["suspended"], q["buried"], q["retired"], q["total"]) == (
                cc["suspended"],
                cc["buried"],
                cc["retired"],
                cc["total"],
            )
