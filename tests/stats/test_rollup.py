"""The roll-up agrees with the review log: as answers commit, after undo, and rebuilt."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import answer, card_ids, days, graduate, rollup_rows
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating, SourceRef
from trainer.services.study import StudyService
from trainer.storage import rollup_repo as rollup
from trainer.storage.store import Store


def _strip(rows: list[dict[str, int]]) -> list[dict[str, int]]:
    return [{k: v for k, v in r.items() if k != "last_review_id"} for r in rows]


def test_answer_kinds_buttons_and_hours(any_store: Store, now: datetime) -> None:
    store = any_store
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


def test_undo_takes_the_answer_back(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, qa_notes(2))
    a, b = card_ids(store)
    answer(store, a, now, Rating.GOOD)
    before = _strip(rollup_rows(store))
    answer(store, b, now + days(0.001), Rating.AGAIN, 5000)
    StudyService(store).undo()
    assert _strip(rollup_rows(store)) == before


def test_rebuild_matches_incremental(any_store: Store, now: datetime) -> None:
    store = any_store
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


def test_staleness_is_detected(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, qa_notes(1))
    (cid,) = card_ids(store)
    answer(store, cid, now)
    with store.write() as conn:
        from trainer.storage.models import REVIEW_DAYS

        conn.execute(REVIEW_DAYS.delete())
        assert rollup.is_stale(conn)
        rollup.rebuild(conn)
        assert not rollup.is_stale(conn)


def _group_rows(store: Store) -> list[tuple[object, ...]]:
    from sqlalchemy import select

    from trainer.storage.models import REVIEW_GROUPS

    with store.read() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(REVIEW_GROUPS).order_by(*REVIEW_GROUPS.primary_key.columns)
            )
        ]


def _sectioned(n: int) -> list[Note]:
    return [
        Note(
            guid=f"g{i}",
            kind=NoteKind.QA,
            prompt=f"q{i}",
            answer="a",
            tags=("评论", "x") if i % 2 else ("背景",),
            source=SourceRef(section=f"第{i % 3}节"),
        )
        for i in range(n)
    ]


def test_group_rollup_counts_review_answers_by_section_and_tags(
    any_store: Store, now: datetime
) -> None:
    store = any_store
    make_deck(store, _sectioned(4))
    ids = card_ids(store)
    answer(store, ids[3], now)  # a learning answer: not counted
    for i, cid in enumerate(ids[:3]):
        due = graduate(store, cid, now - days(30))
        answer(store, cid, due, Rating.AGAIN if i == 1 else Rating.GOOD)
    rows = _group_rows(store)
    assert sum(r[5] for r in rows) == 3 and sum(r[6] for r in rows) == 2
    by_section: dict[object, tuple[int, int]] = {}
    for r in rows:
        a, p = by_section.get(r[3], (0, 0))
        by_section[r[3]] = (a + int(r[5]), p + int(r[6]))  # type: ignore[call-overload]
    assert by_section == {"第0节": (1, 1), "第1节": (1, 0), "第2节": (1, 1)}
    assert {r[4] for r in rows} == {" 背景 ", " x 评论 "} or {r[4] for r in rows} == {
        " 背景 ",
        " 评论 x ",
    }


def test_group_rollup_undo_and_rebuild_agree(any_store: Store, now: datetime) -> None:
    store = any_store
    opts = DeckOptions(enable_fuzz=False, leech_threshold=1)
    make_deck(store, _sectioned(3), options=opts)
    ids = card_ids(store)
    for cid in ids:
        due = graduate(store, cid, now - days(40))
        answer(store, cid, due, Rating.GOOD)
    before = _group_rows(store)
    card = StudyService(store).card(ids[0])
    assert card is not None and card.due is not None
    answer(store, ids[0], card.due, Rating.AGAIN)  # a lapse: tagged leech in this answer
    StudyService(store).undo()
    assert _group_rows(store) == before
    with store.write() as conn:
        rollup.rebuild(conn)
    assert _group_rows(store) == before


def test_upgraded_store_rebuilds_both_rollups(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, _sectioned(2))
    for cid in card_ids(store):
        due = graduate(store, cid, now - days(30))
        answer(store, cid, due, Rating.GOOD)
    days_rows, group_rows = _strip(rollup_rows(store)), _group_rows(store)
    from trainer.storage.models import REVIEW_DAYS, REVIEW_GROUPS

    with store.write() as conn:  # what migration 0003 leaves behind
        conn.execute(REVIEW_DAYS.delete())
        conn.execute(REVIEW_GROUPS.delete())
    from trainer.services.stats import StatsService

    assert StatsService(store).refresh_rollup()
    assert _strip(rollup_rows(store)) == days_rows and _group_rows(store) == group_rows


def _answers_in_rollup(store: Store) -> int:
    return sum(
        r["learn_n"] + r["relearn_n"] + r["young_n"] + r["mature_n"] for r in rollup_rows(store)
    )


def _answers_in_log(store: Store) -> int:
    from sqlalchemy import func, select

    from trainer.storage.models import REVIEWS

    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(REVIEWS)).scalar_one())


def test_bulk_written_answers_are_counted_after_a_later_answer(
    any_store: Store, now: datetime
) -> None:
    """A history written in bulk (as the Anki history import does), then one answer
    given before statistics are first opened: the roll-up still folds in the history,
    although the newest review id is one it has seen."""
    store = any_store
    deck = make_deck(store, qa_notes(3))
    a, b, c = card_ids(store)
    from trainer.storage import reviews_repo

    pid, clock = store.profile.id, store.clock
    past = [now - days(20 - i) for i in range(6)]
    with store.write() as conn:
        reviews_repo.insert_many(
            conn,
            [
                reviews_repo.ReviewRecord(
                    card_id=cid,
                    profile_id=pid,
                    deck_id=deck,
                    rating=3,
                    reviewed_at=int(at.timestamp() * 1000),
                    day=clock.day(at),
                    duration_ms=4000,
                )
                for cid in (a, b)
                for at in past
            ],
        )
    answer(store, c, now)  # folded in as it commits; the history is not
    from trainer.services.stats import StatsService

    assert StatsService(store).refresh_rollup()
    assert _answers_in_rollup(store) == _answers_in_log(store) == 13
    incremental = _strip(rollup_rows(store))
    with store.write() as conn:
        assert not rollup.is_stale(conn)
        rollup.rebuild(conn)
    assert _strip(rollup_rows(store)) == incremental
