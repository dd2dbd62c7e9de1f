"""A full disk and a read-only store: one clear line, no corruption, nothing half-written.

A full disk is simulated with SQLite's ``PRAGMA max_page_count`` set on every
new connection (in-process through an engine event; in a child process through
a tiny launcher that installs the same event before running the CLI). A
read-only store is the real thing: ``chattr +i`` when we are root (root ignores
file modes), ``chmod 444`` otherwise.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.reliability.crashkit import (
    START,
    STEP,
    Child,
    build_store,
    check_store,
    child_env,
    clean_run,
    dump,
    integrity,
    notes,
    trainer_cmd,
)
from trainer.domain.errors import StoreError
from trainer.domain.model import Rating
from trainer.formats.deckfile import write_deck
from trainer.services.exchange import import_file
from trainer.services.study import StudyService
from trainer.storage.store import Store

LAUNCHER = """
import sys
from sqlalchemy import event
from sqlalchemy.engine import Engine

@event.listens_for(Engine, "connect")
def _full(dbapi_conn, _rec):
    cur = dbapi_conn.cursor()
    pages = cur.execute("PRAGMA page_count").fetchone()[0]
    cur.execute(f"PRAGMA max_page_count={pages}")
    cur.close()

from trainer.cli import main
sys.argv = ["trainer", *sys.argv[1:]]
main()
"""


def _fill_disk(store: Store, spare_pages: int = 0) -> Any:
    """From now on every connection of ``store`` may grow the file by ``spare_pages`` only."""

    def on_connect(dbapi_conn: Any, _rec: Any) -> None:
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count={pages + spare_pages}")
        cur.close()

    store.engine.dispose()
    event.listen(store.engine, "connect", on_connect)
    return on_connect


def _free_disk(store: Store, listener: Any) -> None:
    event.remove(store.engine, "connect", listener)
    store.engine.dispose()


def test_disk_full_while_answering_is_a_clear_error_and_the_session_goes_on(
    tmp_path: Path,
) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=400)
    store = Store.open(str(db))
    study = StudyService(store)
    listener = _fill_disk(store)
    now = START
    answered: list[tuple[int, int]] = []
    with pytest.raises(StoreError, match="disk full") as caught:
        for _ in range(5000):
            card = study.queue(now, limit=1)[0]
            result = study.answer(card.id, Rating.GOOD, now)
            answered.append((card.id, result.review_id))
            now += timedelta(seconds=STEP)
    assert "\n" not in str(caught.value)
    assert integrity(db) == "ok"
    # Space is freed: the same service carries on and nothing before was lost.
    _free_disk(store, listener)
    card = study.queue(now, limit=1)[0]
    result = study.answer(card.id, Rating.GOOD, now)
    store.close()
    check = check_store(db, [*answered, (card.id, result.review_id)])
    assert check.ok, check
    assert check.reviews == len(answered) + 1


def test_disk_full_during_import_leaves_the_store_as_before(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=50)
    deck_file = tmp_path / "big.toml"
    write_deck(deck_file, "Big", notes(3000, "big"))
    before = dump(db)
    store = Store.open(str(db))
    listener = _fill_disk(store, spare_pages=20)
    with pytest.raises(StoreError, match="disk full"):
        import_file(store, deck_file)
    _free_disk(store, listener)
    store.close()
    assert integrity(db) == "ok"
    assert dump(db) == before


def test_disk_full_in_the_cli_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=400)
    launcher = tmp_path / "full_disk_trainer.py"
    launcher.write_text(LAUNCHER)
    env = child_env(TRAINER_NOW=START.isoformat(), TRAINER_NOW_STEP=str(STEP))
    child = Child([sys.executable, str(launcher), "--db", str(db), "drill"], "3\n" * 3000, env)
    code = child.finish()
    assert code == 1
    err = child.stderr.strip()
    assert err.startswith("trainer: ") and "disk full" in err, err
    assert "\n" not in err and "Traceback" not in err
    check = check_store(db, child.acks())
    assert check.ok, check
    # With space again the next session simply continues.
    code, out, err = clean_run(db, "3\n")
    assert code == 0, err
    assert out[0].startswith("ack ")


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` truly unwritable, for root too; skip if this file system cannot."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is not available to make a file read-only for root")
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"chattr +i failed: {made.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        mode = path.stat().st_mode
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def test_read_only_store_refuses_to_study_with_one_line_but_still_lists(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=20)
    code, out, err = clean_run(db, "3\n3\n")
    assert code == 0, err
    before = dump(db)
    with read_only(db):
        code, out, err = clean_run(db, "3\n")
        assert code == 1
        assert out == []
        line = err.strip()
        assert line.startswith("trainer: ") and "read-only" in line, line
        assert "\n" not in line and "Traceback" not in line
        listing = subprocess.run(
            trainer_cmd(db, "decks"), capture_output=True, text=True, env=child_env(), check=False
        )
        assert listing.returncode == 0, listing.stderr
        assert "Crash" in listing.stdout
    assert integrity(db) == "ok"
    assert dump(db) == before
    code, out, err = clean_run(db, "3\n")
    assert code == 0, err


def test_read_only_store_in_process_raises_store_error(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=5)
    with read_only(db):
        store = Store.open(str(db))
        try:
            study = StudyService(store)
            card = study.queue(START, limit=1)[0]
            with pytest.raises(StoreError, match="read-only"):
                study.answer(card.id, Rating.GOOD, START)
        finally:
            store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    conn.close()
