"""Our cards and answers as Anki's columns (the mapping alone; tests/anki drives real Anki)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from trainer.domain.clock import DayClock, to_epoch
from trainer.domain.model import DeckOptions, Queue
from trainer.formats.apkg_schedule import CRT_DAY, collection_start, scheduling_of
from trainer.storage.schedule_repo import AnswerRow, CardRow

CLOCK = DayClock(UTC, 4)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TODAY = CLOCK.day(NOW)


def _card(guid: str, ord_: int = 0, **kw: object) -> CardRow:
    values: dict[str, object] = dict(
        guid=guid, ord=ord_, state=0, queue=0, due=0, step=0, stability=None, difficulty=None,
        last_review=None, reps=0, lapses=0, position=7, buried_until=0, reset_at=0,
        original_deck_id=0, original_due=0,
    )  # fmt: skip
    values.update(kw)
    return CardRow(**values)  # type: ignore[arg-type]


def _answer(guid: str, at_ms: int, rating: int = 3, ord_: int = 0, **kw: object) -> AnswerRow:
    values: dict[str, object] = dict(
        guid=guid, ord=ord_, reviewed_at=at_ms, rating=rating, duration_ms=6000,
        state_before=2, interval_days=3.0, difficulty=5.5,
    )  # fmt: skip
    values.update(kw)
    return AnswerRow(**values)  # type: ignore[arg-type]


def test_day_count_starts_at_a_study_day_in_the_learners_zone() -> None:
    from zoneinfo import ZoneInfo

    crt, conf = collection_start(DayClock(ZoneInfo("Asia/Shanghai"), 5))
    assert conf == {"schedVer": 2, "rollover": 5, "creationOffset": -480}
    local = datetime.fromtimestamp(crt, ZoneInfo("Asia/Shanghai"))
    assert (local.date().toordinal(), local.hour, local.minute) == (CRT_DAY, 5, 0)


def test_each_state_goes_to_its_queue() -> None:
    last = to_epoch(NOW - timedelta(days=3))
    review_due = to_epoch(NOW + timedelta(days=5))
    cards = [
        _card("new"),
        _card("susp", queue=Queue.SUSPENDED),
        _card("buried", queue=Queue.BURIED, buried_until=TODAY + 1),
        _card("stale", queue=Queue.BURIED, buried_until=TODAY),  # its bury is over
        _card(
            "rev", state=2, queue=2, due=review_due, stability=9.123456, difficulty=4.56789,
            last_review=last, reps=5, lapses=1,
        ),
        _card(
            "learn", 2, state=1, queue=1, due=last + 600, step=1, stability=1.0, difficulty=5.0,
            last_review=last, reps=1,
        ),
        _card(
            "daylearn", state=3, queue=1, due=to_epoch(NOW + timedelta(days=1)), step=0,
            stability=2.6, difficulty=7.0, last_review=to_epoch(NOW), reps=9, lapses=2,
        ),
    ]  # fmt: skip
    options = DeckOptions(desired_retention=0.85, learning_steps=(60, 600))
    sched = scheduling_of(cards, [], clock=CLOCK, today=TODAY, options=options, decay=0.1542)
    got = {c.guid: c for c in sched.cards}
    assert [(got[g].type, got[g].queue, got[g].due) for g in ("new", "susp", "buried")] == [
        (0, 0, 7),
        (0, -1, 7),
        (0, -3, 7),  # buried by hand: no other card of its note answered that day
    ]
    assert (got["stale"].type, got["stale"].queue) == (0, 0)
    rev = got["rev"]
    assert (rev.type, rev.queue, rev.due, rev.ivl) == (2, 2, TODAY + 5 - CRT_DAY, 8)
    assert (rev.reps, rev.lapses, rev.factor, rev.left) == (5, 1, 2500, 0)
    assert json.loads(rev.data) == {
        "pos": 7, "s": 9.1235, "d": 4.568, "dr": 0.85, "decay": 0.1542, "lrt": last,
    }  # fmt: skip
    learn = got["learn"]
    assert (learn.ord, learn.type, learn.queue, learn.due, learn.left) == (1, 1, 1, last + 600, 1)
    day = got["daylearn"]
    assert (day.type, day.queue, day.due, day.left) == (3, 3, TODAY + 1 - CRT_DAY, 1)
    assert sched.scheduled == 5  # all but the new one and the one whose bury is over


def test_review_log_rows_are_unique_and_a_reset_is_a_manual_row() -> None:
    t = int(NOW.timestamp() * 1000)
    answers = [
        _answer("a", t, 3, state_before=0, interval_days=600 / 86400, difficulty=None),
        _answer("a", t + 86_400_000, 1, interval_days=10 / 1440, state_before=2),
        _answer("b", t, 4, state_before=0, interval_days=4.0),
    ]
    cards = [_card("a", state=3, queue=1, due=1, reset_at=t + 1), _card("b")]
    sched = scheduling_of(
        cards, answers, clock=CLOCK, today=TODAY, options=DeckOptions(), decay=0.5
    )
    rows = [
        (r.guid, r.id, r.ease, r.ivl, r.last_ivl, r.factor, r.time, r.type) for r in sched.revlog
    ]
    assert rows == [
        ("a", t, 3, -600, 0, 0, 6000, 0),
        ("b", t + 1, 4, 4, 0, 600, 6000, 0),  # the same millisecond: one later
        ("a", t + 2, 0, 0, 0, 0, 0, 4),  # the reset, after it
        ("a", t + 86_400_000, 1, -600, -600, 600, 6000, 1),
    ]
    assert sched.answers == 3


def test_a_sibling_buried_by_an_answer_is_anki_s_buried_sibling() -> None:
    """Queue -2 when another card of the note was answered on the burying day, else -3."""
    cards = [
        _card("sib", 2, queue=Queue.BURIED, buried_until=TODAY + 1),
        _card("own", 1, queue=Queue.BURIED, buried_until=TODAY + 1),
        _card("old", 2, queue=Queue.BURIED, buried_until=TODAY + 1),
    ]
    at = to_epoch(NOW) * 1000
    answers = [
        _answer("sib", at, ord_=1, state_before=0),
        _answer("own", at, ord_=1, state_before=0),  # the buried card itself
        _answer("old", at - 86_400_000, ord_=1, state_before=0),  # the day before
    ]
    sched = scheduling_of(
        cards, answers, clock=CLOCK, today=TODAY, options=DeckOptions(), decay=0.1542
    )
    got = {c.guid: c.queue for c in sched.cards}
    assert got == {"sib": -2, "own": -3, "old": -3}
