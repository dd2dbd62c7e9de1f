"""The roll-up agrees with the review log: as answers commit, after undo, and rebuilt."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import answer, card_ids, days, graduate, rollup_rows
from trainer.domain.model import Rating
from trainer.services.study import StudyService
from trainer.stats import rollup
from trainer.storage.store import Store


def _strip(rows: list[dict[str, int]]) -> list[dict[str, int]]:
    return [{k: v for k, v in r.items() if k != "last_review_id"} for r in rows]


def test_answer_kinds_buttons_and_hours(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3))
    a, b, _ = card_ids(store)
    answer(store, a, now, Rating.AGAIN, 2000)  # new -> learning: learn, button 1
    answer(store, a, now + days(0.01), Rating.GOOD, 3000)  # learning: learn
    due = graduate(store, b, now)
    answer(store, b, due, Rating.GOOD, 4000)  # review, young, first of its day
    rows = rollup_rows(store)
    today = store.clock.day(now)
    by_day = {r["day"]: r for r in rows}
    r0 = by_day[today]
    assert r0["learn_n"] == 3 and r0["learn_ms"] == 6000
    assert r0["learn_b1"] == 1 and r0["learn_b3"] == 1 and r0["learn_b4"] == 1
    assert r0["h09"] == 3 and r0["hp09"] == 2
    r1 = by_day[store.clock.day(due)]
    assert r1["young_n"] == 1 and r1["young_b3"] == 1 and r1["tr_young_pass"] == 1
    assert r1["mature_n"] == 0


def test_undo_takes_the_answer_back(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(2))
    a, b = card_ids(store)
    answer(store, a, now, Rating.GOOD)
    before = _strip(rollup_rows(store))
    answer(store, b, now + days(0.001), Rating.AGAIN, 5000)
    StudyService(store).undo()
    assert _strip(rollup_rows(store)) == before


def test_rebuild_matches_incremental(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(4))
    ids = card_ids(store)
    for i, cid in enumerate(ids):
        due = graduate(store, cid, now + days(i * 0.3))
        for k in range(4):
            rating = Rating.AGAIN if (i + k) % 3 == 0 else Rating.GOOD
            answer(store, cid, due, rating, 1500)
            card = StudyService(store).card(cid)
            assert card is not None and card.due is not None
            due = max(card.due, due + days(0.01))
    incremental = _strip(rollup_rows(store))
    with store.write() as conn:
        assert not rollup.is_stale(conn)
        rollup.rebuild(conn)
    assert _strip(rollup_rows(store)) == incremental


def test_staleness_is_detected(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(1))
    (cid,) = card_ids(store)
    answer(store, cid, now)
    with store.write() as conn:
        from trainer.storage.models import REVIEW_DAYS

        conn.execute(REVIEW_DAYS.delete())
        assert rollup.is_stale(conn)
        rollup.rebuild(conn)
        assert not rollup.is_stale(conn)
