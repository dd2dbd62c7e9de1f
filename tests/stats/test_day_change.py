"""A change of time zone or day start moves the study days stored with the answers.

Issue 12: on a UTC machine, ``trainer profile --timezone Asia/Shanghai`` after 22
answers made stats show 0 reviews today, reset the new-card limit and brought
buried cards back. The answers below are today's in both zones' terms (Shanghai
05:30 is its study day's morning), so they must stay today's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import card_ids
from trainer.domain.model import DeckOptions, Queue, Rating
from trainer.services.backup import backup_dir
from trainer.services.profiles import configure
from trainer.services.progress import day_summary
from trainer.services.study import StudyService
from trainer.storage.models import CARDS, REVIEW_DAYS, REVIEWS
from trainer.storage.store import Store

START = datetime(2026, 3, 1, 20, 30, tzinfo=UTC)  # 04:30 on 2 March in Shanghai
NOW = datetime(2026, 3, 1, 21, 45, tzinfo=UTC)  # still 1 March's study day in UTC


def _study(store: Store) -> int:
    """22 answers between 20:30 and 21:30 UTC, 20 of them new cards; one card buried."""
    make_deck(store, qa_notes(30), options=DeckOptions(enable_fuzz=False, new_per_day=20))
    study = StudyService(store)
    t = START
    ids = [c.id for c in study.queue(t, limit=30)]
    other = [i for i in card_ids(store) if i not in ids]
    for cid in ids[:20]:
        study.answer(cid, Rating.GOOD, t)
        t += timedelta(minutes=2)
    for cid in ids[:2]:
        study.answer(cid, Rating.GOOD, t)
        t += timedelta(minutes=2)
    study.bury(other[0], t)
    return other[0]


def _today(store: Store) -> tuple[int, int, int, int]:
    """Reviews today, new cards left today, buried cards, and today's roll-up answers."""
    summary = day_summary(store, NOW)
    counts = StudyService(store).counts(NOW)
    today = store.clock.day(NOW)
    with store.read() as conn:
        buried = conn.execute(
            select(func.count()).where(CARDS.c.queue == int(Queue.BURIED))
        ).scalar_one()
        rolled = conn.execute(
            select(func.sum(REVIEW_DAYS.c.learn_n)).where(REVIEW_DAYS.c.day == today)
        ).scalar()
    return summary.reviews, counts.new, buried, int(rolled or 0)


def test_zone_change_keeps_todays_answers_today(store: Store, db_path: Path) -> None:
    buried = _study(store)
    before = _today(store)
    assert before[:3] == (22, 0, 1)
    configure(store, timezone="Asia/Shanghai", now=NOW)
    assert store.clock.day(NOW) == store.clock.day(START) == datetime(2026, 3, 2).toordinal()
    reviews, new_left, still_buried, rolled = _today(store)
    assert (reviews, new_left, still_buried) == (22, 0, 1)
    assert rolled == 22
    with store.read() as conn:
        days = set(conn.execute(select(REVIEWS.c.day)).scalars())
        until = conn.execute(select(CARDS.c.buried_until).where(CARDS.c.id == buried)).scalar()
    assert days == {store.clock.day(NOW)}
    assert until == store.clock.day(NOW) + 1
    backups = [p.name for p in backup_dir(db_path).iterdir()]
    assert any("before-day-change" in name for name in backups)


def test_day_start_change_moves_early_answers(any_store: Store) -> None:
    """Day start 4:00 -> 0:00: an answer at 02:00 leaves yesterday for today."""
    store = any_store
    make_deck(store, qa_notes(2), options=DeckOptions(enable_fuzz=False))
    study = StudyService(store)
    at = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    study.answer(study.queue(at)[0].id, Rating.GOOD, at)
    assert day_summary(store, at).reviews == 1  # 1 March's study day, as is 02:00
    later = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert day_summary(store, later).reviews == 0
    configure(store, rollover_hour=0, now=later)
    assert day_summary(store, later).reviews == 1
