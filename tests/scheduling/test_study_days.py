"""Elapsed time is counted in study days, as fsrs-rs (Anki's own FSRS) counts it.

The learner's answers go through the real study service; fsrs-rs gets the same
ratings with the gaps in study days (the profile's 4:00 boundary, UTC) and is the
reference for stability and difficulty.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import fsrs_rs_python as rs
import pytest
from sqlalchemy import text

from tests.conftest import make_deck, qa_notes
from trainer.domain.clock import to_epoch
from trainer.domain.model import Card, CardState, DeckOptions, Rating
from trainer.scheduling import fsrs_adapter
from trainer.services.study import StudyService
from trainer.storage.engine import make_engine, resolve_url
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False)
MODEL = rs.FSRS(list(rs.DEFAULT_PARAMETERS))


def _at(day: int, hh: int, mm: int) -> datetime:
    return datetime(2026, 3, day, hh, mm, tzinfo=UTC)


def _reference(answers: list[tuple[int, int]]) -> tuple[float, float]:
    """fsrs-rs memory state after (rating, study days since the previous answer) pairs."""
    item = rs.FSRSItem([rs.FSRSReview(r, d) for r, d in answers])
    state = MODEL.memory_state(item, None)
    return float(state.stability), float(state.difficulty)


def _answer_all(store: Store, times: list[tuple[datetime, Rating]]) -> Card:
    study = StudyService(store)
    card_id = study.queue(times[0][0])[0].id
    for at, rating in times:
        study.answer(card_id, rating, at)
    card = study.card(card_id)
    assert card is not None
    return card


def test_next_morning_under_24_hours_later_is_one_day(store: Store) -> None:
    """08:52, then 08:27 the next morning: a 1-day gap (not a same-day review)."""
    make_deck(store, qa_notes(1), options=OPTS)
    card = _answer_all(
        store,
        [
            (_at(2, 8, 40), Rating.GOOD),
            (_at(2, 8, 52), Rating.GOOD),  # graduates: due the next day
            (_at(3, 8, 27), Rating.GOOD),  # 23 h 35 min later, the next study day
        ],
    )
    s, d = _reference([(3, 0), (3, 0), (3, 1)])
    assert card.state is CardState.REVIEW
    assert card.stability == pytest.approx(s, rel=1e-5)
    assert card.difficulty == pytest.approx(d, rel=1e-5)
    same_day, _ = _reference([(3, 0), (3, 0), (3, 0)])
    assert card.stability != pytest.approx(same_day, rel=1e-3)


def test_day_boundary_not_the_calendar_decides(store: Store) -> None:
    """03:30 and 04:30 are different study days; 23:00 and 03:00 next night the same one."""
    make_deck(store, qa_notes(1), options=OPTS)
    card = _answer_all(
        store,
        [
            (_at(2, 9, 0), Rating.EASY),
            (_at(6, 23, 0), Rating.GOOD),  # 4 days later
            (_at(7, 3, 0), Rating.HARD),  # same study day as 23:00 (before 4:00)
            (_at(7, 4, 30), Rating.GOOD),  # 90 minutes later, but a new study day
            (_at(9, 3, 59), Rating.AGAIN),  # 2 study days on
        ],
    )
    s, d = _reference([(4, 0), (3, 4), (2, 0), (3, 1), (1, 1)])
    assert card.stability == pytest.approx(s, rel=1e-5)
    assert card.difficulty == pytest.approx(d, rel=1e-5)


def test_replay_and_preview_count_study_days(store: Store) -> None:
    """The log's replay gives the live card; previews use the same day count."""
    make_deck(store, qa_notes(1), options=OPTS)
    times = [
        (_at(2, 8, 40), Rating.GOOD),
        (_at(2, 8, 52), Rating.GOOD),
        (_at(3, 8, 27), Rating.GOOD),
        (_at(5, 22, 0), Rating.AGAIN),
        (_at(6, 2, 0), Rating.GOOD),
    ]
    card = _answer_all(store, times)
    past = [fsrs_adapter.PastReview(r, at) for at, r in times]
    again = fsrs_adapter.reschedule(card, past, OPTS, clock=store.clock)
    assert again == card
    s, _d = _reference([(3, 0), (3, 0), (3, 1), (1, 2), (3, 0)])
    assert card.stability == pytest.approx(s, rel=1e-5)
    late = _at(6, 3, 30)  # still 2026-03-05 as a study day: a same-day answer
    good = fsrs_adapter.review(card, Rating.GOOD, late, OPTS, clock=store.clock)
    s_same, _ = _reference([(3, 0), (3, 0), (3, 1), (1, 2), (3, 0), (3, 0)])
    assert good.stability == pytest.approx(s_same, rel=1e-5)


def _old_store(url: str, now: datetime) -> tuple[int, float, float]:
    """A store as schema 0003 left it: answers whose card state counted 24-hour periods.

    Returns the card id and the stability and difficulty fsrs-rs gives its log. A
    second card, whose gaps are the same in hours and in study days, had its due
    date fuzzed a day later (``FUZZED``); a third was never answered.
    """
    store = Store.open(url)
    with store.write() as conn:
        conn.execute(text("UPDATE profiles SET timezone = 'UTC'"))
    store.close()
    store = Store.open(url)
    try:
        make_deck(store, qa_notes(3), options=OPTS)
        card = _answer_all(
            store,
            [
                (_at(2, 8, 40), Rating.GOOD),
                (_at(2, 8, 52), Rating.GOOD),
                (_at(3, 8, 27), Rating.GOOD),
            ],
        )
        other = _answer_all(
            store,
            [
                (_at(2, 10, 0), Rating.GOOD),
                (_at(2, 10, 10), Rating.GOOD),
                (_at(5, 11, 0), Rating.GOOD),
            ],
        )
    finally:
        store.close()
    s, d = _reference([(3, 0), (3, 0), (3, 1)])
    wrong, _ = _reference([(3, 0), (3, 0), (3, 0)])  # what the 24-hour count gave
    engine = make_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE cards SET stability = :s WHERE id = :id"), {"s": wrong, "id": card.id}
        )
        conn.execute(text("UPDATE cards SET due = due + 86400 WHERE id = :id"), {"id": other.id})
        # Schema 0003 had none of the later columns (dropped in place: a batch copy of
        # ``cards`` would cascade to the review log).
        conn.execute(text("DROP INDEX ix_cards_added"))
        conn.execute(text("DROP INDEX ix_cards_stats"))  # schema 0011
        conn.execute(text("DROP INDEX ix_cards_group"))  # schema 0012
        for column in ("reset_at", "added_at", "original_deck_id", "original_due", "group_id"):
            conn.execute(text(f"ALTER TABLE cards DROP COLUMN {column}"))
        for column in (
            "filter",
            "preset",
            "extend_day",
            "extend_new",
            "extend_review",
            "collapsed",
        ):
            conn.execute(text(f'ALTER TABLE decks DROP COLUMN "{column}"'))
        for column in ("date", "topics", "deck_id", "created_at"):
            conn.execute(text(f'ALTER TABLE articles DROP COLUMN "{column}"'))
        conn.execute(text("DROP TABLE practice_attempts"))
        conn.execute(text("DROP TABLE note_groups"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    engine.dispose()
    FUZZED[url] = (other.id, to_epoch(other.due or _at(1, 0, 0)) + 86400, other.stability or 0)
    return card.id, s, d


FUZZED: dict[str, tuple[int, int, float]] = {}
"""By store: the second card's id, fuzzed due and stability (see ``_old_store``)."""


def test_upgrade_recomputes_every_card_after_a_backup(any_db_url: str, now: datetime) -> None:
    card_id, s, d = _old_store(any_db_url, now)
    backups: list[str | None] = []
    store = Store.open(any_db_url, before_upgrade=lambda _e, rev: backups.append(rev))
    try:
        with store.read() as conn:
            row = conn.execute(
                text("SELECT stability, difficulty, reset_at FROM cards WHERE id = :id"),
                {"id": card_id},
            ).one()
            untouched = conn.execute(
                text("SELECT count(*) FROM cards WHERE state = 0 AND stability IS NULL")
            ).scalar_one()
            other_id, fuzzed, stability = FUZZED[any_db_url]
            other = conn.execute(
                text("SELECT due, stability FROM cards WHERE id = :id"), {"id": other_id}
            ).one()
    finally:
        store.close()
    assert backups == ["0003"]
    assert row.stability == pytest.approx(s, rel=1e-5)
    assert row.difficulty == pytest.approx(d, rel=1e-5)
    assert row.reset_at == 0
    assert untouched == 1  # the card never answered stays new
    assert (other.due, other.stability) == (fuzzed, stability)  # memory unchanged: due kept


def test_upgrade_of_a_file_store_leaves_a_backup(tmp_path: Path, now: datetime) -> None:
    from trainer.services.backup import backup_dir, before_upgrade

    path = tmp_path / "old.sqlite3"
    _old_store(str(path), now)
    Store.open(str(path), before_upgrade=before_upgrade).close()
    assert any("before-upgrade-from-0003" in p.name for p in backup_dir(path).iterdir())


def test_reschedule_command_explains_the_study_day_count(tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "cli.sqlite3"
    card_id, _s, _d = _old_store(str(db), now)
    Store.open(str(db)).close()  # upgraded: the state is right again
    engine = make_engine(resolve_url(str(db)))
    with engine.begin() as conn:  # spoil it the old way once more
        conn.execute(text("UPDATE cards SET stability = 1.0 WHERE id = :id"), {"id": card_id})
    engine.dispose()
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "reschedule", "Test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "rescheduled 2 of 2 answered cards in Test"  # the fuzz goes too
    assert "study days (a day starts at 4:00, UTC)" in lines[1]
    assert "stability up: 1, down: 0" in lines[2]
    assert "due earlier: 1" in lines[2]
