"""Study days across DST changes: the segment mapping agrees with the clock, in Python
and in SQL (SQLite and PostgreSQL), and future due counts cards on their study day."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text, update

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import card_ids
from trainer.domain.clock import DayClock, from_epoch, local_zone, to_epoch
from trainer.services.stats import StatsService
from trainer.storage.models import CARDS, PROFILES
from trainer.storage.store import Profile, Store
from trainer.storage.studydays import StudyDays

ZONES = ["UTC", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]
NOWS = [datetime(2026, 3, 2, 9, 30, tzinfo=UTC), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]


def _instants(clock: DayClock, today: int, rng: random.Random) -> list[int]:
    start = to_epoch(clock.day_start(today))
    out = [start + rng.randrange(-400 * 86400, 800 * 86400) for _ in range(300)]
    for i in range(-400, 800, 3):
        b = to_epoch(clock.day_start(today + i))
        out += [b - 1, b, b + 1, b + 3599, b - 3601]
    return out


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("now", NOWS)
def test_python_mapping_matches_the_clock(zone: str, now: datetime) -> None:
    for hour in (0, 4, 23):
        clock = DayClock(local_zone(zone), hour)
        today = clock.day(now)
        days = StudyDays(clock, today)
        assert days.plain == (zone in ("UTC", "Asia/Shanghai", "Asia/Kathmandu"))
        for e in _instants(clock, today, random.Random(hour)):
            assert days.day(e) == clock.day(from_epoch(e)), (zone, hour, e)


def test_sql_mapping_matches_the_clock(any_store: Store) -> None:
    rng = random.Random(3)
    with any_store.read() as conn:
        for zone in ZONES:
            clock = DayClock(local_zone(zone), 4)
            today = clock.day(NOWS[1])
            days = StudyDays(clock, today)
            later = [e for e in _instants(clock, today, rng) if e >= days.start][:400]
            values = ", ".join(f"({e})" for e in later)
            got = conn.execute(
                text(f"WITH t(due) AS (VALUES {values}) SELECT {days.sql_offset('t.due')} FROM t")
            ).scalars()
            assert [int(g) for g in got] == [clock.day(from_epoch(e)) - today for e in later]


def test_future_due_counts_the_study_day_after_dst(any_store: Store) -> None:
    store = any_store
    with store.write() as conn:
        conn.execute(
            update(PROFILES)
            .where(PROFILES.c.id == store.profile.id)
            .values(timezone="America/New_York")
        )
    store.profile = Profile(store.profile.id, store.profile.name, "America/New_York", 4)
    make_deck(store, qa_notes(2))
    a, b = card_ids(store)
    now = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # 10:00 EST; DST starts 8 March
    clock = store.clock
    today = clock.day(now)
    after_change = clock.day_start(today + 10)  # 04:00 EDT = 08:00 UTC
    for cid, due in (
        (a, after_change + timedelta(minutes=30)),
        (b, after_change - timedelta(minutes=30)),
    ):
        with store.write() as conn:
            conn.execute(
                update(CARDS)
                .where(CARDS.c.id == cid)
                .values(
                    state=2,
                    queue=2,
                    due=to_epoch(due),
                    last_review=to_epoch(now) - 86400,
                    stability=10.0,
                    difficulty=5.0,
                )
            )
    rep = StatsService(store).report(now=now, range_name="1m")
    assert rep.future_due["days"] == [{"day": 9, "due": 1}, {"day": 10, "due": 1}]
