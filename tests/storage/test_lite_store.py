"""A store opened on the standard library's ``sqlite3`` (``Store.open_lite``, what
``trainer drill`` studies over) writes what the engine-backed store writes, keeps its
guarantees, and declines whatever only ``Store.open`` may do."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.reliability.crashkit import START, STEP, build_store, dump, integrity
from trainer.domain.errors import StoreError
from trainer.domain.model import Rating
from trainer.services.study import StudyService
from trainer.storage.driver import LiteConnection
from trainer.storage.store import Store

RATINGS = [3, 1, 2, 4, 1, 1, 3, 3, 2, 1, 4, 3] * 5


def _session(store: Store, undo_at: set[int]) -> list[str]:
    study = StudyService(store)
    now = START
    log = []
    for i, rating in enumerate(RATINGS):
        card = study.queue(now, limit=1)[0]
        result = study.answer(card.id, Rating(rating), now)
        log.append(f"ack {card.id} {result.review_id}")
        if i in undo_at:
            undone = study.undo()
            log.append(f"undone {undone.id if undone else '-'}")
        now += timedelta(seconds=STEP)
    return log


def test_a_lite_session_writes_what_an_engine_session_writes(tmp_path: Path) -> None:
    engine_db, lite_db = tmp_path / "engine.sqlite3", tmp_path / "lite.sqlite3"
    build_store(engine_db, n_notes=40)
    shutil.copyfile(engine_db, lite_db)
    store = Store.open(str(engine_db))
    try:
        by_engine = _session(store, {3, 17, 18})
    finally:
        store.close()
    lite = Store.open_lite(str(lite_db))
    assert lite is not None
    try:
        by_lite = _session(lite, {3, 17, 18})
    finally:
        lite.close()
    assert by_lite == by_engine
    tables = ("decks", "notes", "cards", "reviews", "review_days", "review_groups", "profiles")
    assert dump(lite_db, tables) == dump(engine_db, tables)
    assert integrity(lite_db) == "ok"


def test_a_lite_session_never_imports_sqlalchemy(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=10)
    script = (
        "import sys\n"
        "from trainer.drill import run\n"
        "n = run(sys.argv[1], 'default', None, sys.stdin, sys.stdout, lite=True)\n"
        "assert n == 3, n\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(db)],
        input="3\n1\n3\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [line.split()[0] for line in done.stdout.splitlines()] == ["ack"] * 3


def test_disk_full_on_a_lite_store_is_one_line_and_keeps_every_committed_answer(
    tmp_path: Path,
) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=400)
    store = Store.open_lite(str(db))
    assert store is not None
    study = StudyService(store)
    with store.sql_read() as conn:
        assert isinstance(conn, LiteConnection)
        pages = conn.raw.execute("PRAGMA page_count").fetchone()[0]
        conn.raw.execute(f"PRAGMA max_page_count={pages}")
    now = START
    answered = 0
    with pytest.raises(StoreError, match="disk full") as caught:
        for _ in range(5000):
            card = study.queue(now, limit=1)[0]
            study.answer(card.id, Rating.GOOD, now)
            answered += 1
            now += timedelta(seconds=STEP)
    assert "\n" not in str(caught.value)
    store.close()
    assert integrity(db) == "ok"
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM reviews").fetchone()[0] == answered
    finally:
        con.close()


def test_open_lite_leaves_to_open_what_only_it_does(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    assert Store.open_lite(str(db)) is None  # no file yet: open creates it
    Store.open(str(db)).close()
    assert Store.open_lite(str(db)) is None  # no decks yet: the bundled deck is loaded
    build_store(db, n_notes=3)
    assert Store.open_lite(f"sqlite:///{db}") is None  # a URL
    assert Store.open_lite(str(db), "someone") is None  # no such profile
    found = Store.open_lite(str(db))
    assert found is not None
    found.close()

    old = tmp_path / "old.sqlite3"
    shutil.copyfile(db, old)
    con = sqlite3.connect(old)
    con.execute("UPDATE alembic_version SET version_num = '0008'")
    con.commit()
    con.close()
    assert Store.open_lite(str(old)) is None  # a migration (and its backup) is due

    rollback = tmp_path / "rollback.sqlite3"
    shutil.copyfile(db, rollback)
    con = sqlite3.connect(rollback)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    assert Store.open_lite(str(rollback)) is None  # open switches it to WAL first

    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a store")
    with pytest.raises(StoreError, match="not a trainer database"):
        Store.open_lite(str(foreign))
