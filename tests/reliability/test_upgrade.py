"""Schema upgrades keep everything; a store from a newer trainer is refused untouched.

The old store is made by the first migration only and filled with real data
(decks, notes, cards for two profiles, hundreds of reviews copied from a store
the current code studied), then opened the way every front end opens it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text

from tests.reliability.crashkit import (
    START,
    build_store,
    check_store,
    child_env,
    clean_run,
    trainer_cmd,
)
from trainer.services import backup
from trainer.services.session import open_store
from trainer.storage import migrate
from trainer.storage.engine import make_engine, resolve_url
from trainer.storage.revision import HEAD_REVISION

FIRST = "0001"
OLD_TABLES = ("profiles", "decks", "articles", "notes", "cards", "reviews")


def _first_revision_store(path: Path, source: Path) -> dict[str, list[tuple[object, ...]]]:
    """A store at the first revision holding ``source``'s rows (first-revision columns)."""
    engine = make_engine(resolve_url(str(path)))
    migrate.upgrade(engine, target=FIRST)
    rows: dict[str, list[tuple[object, ...]]] = {}
    src = sqlite3.connect(source)
    with engine.begin() as conn:
        for table in OLD_TABLES:
            cols = [c["name"] for c in inspect(conn).get_columns(table)]
            data = src.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1").fetchall()
            marks = ", ".join(f":{c}" for c in cols)
            if data:
                conn.execute(
                    text(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})"),
                    [dict(zip(cols, row, strict=True)) for row in data],
                )
            rows[table] = data
    src.close()
    engine.dispose()
    return rows


def _rows(path: Path, table: str, cols: list[str]) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_store_from_the_first_migration_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    studied = tmp_path / "studied.sqlite3"
    build_store(studied, n_notes=150)
    code, _out, err = clean_run(studied, "3\n1\n3\n4\n2\n" * 36)
    assert code == 0, err
    # A second profile with its own progress on the same deck.
    second = open_store(str(studied), "second", bundled=False, create_profile=True)
    from trainer.domain.model import Rating
    from trainer.services.study import StudyService

    s2 = StudyService(second)
    for _ in range(10):
        card = s2.queue(START, limit=1)[0]
        s2.answer(card.id, Rating.GOOD, START)
    second.close()

    old = tmp_path / "old.sqlite3"
    before = _first_revision_store(old, studied)
    assert len(before["reviews"]) == 190
    assert len({r[1] for r in before["cards"]}) == 2  # two profiles' cards

    store = open_store(str(old), bundled=False)  # the way the CLI and the TUI open it
    try:
        with store.read() as conn:
            assert migrate.current_revision(conn) == HEAD_REVISION
    finally:
        store.close()

    engine = make_engine(resolve_url(str(old)))
    with engine.connect() as conn:
        insp = inspect(conn)
        for table in OLD_TABLES:
            cols = [c["name"] for c in insp.get_columns(table)]
            old_cols = cols[: len(before[table][0])] if before[table] else cols
            assert _rows(old, table, old_cols) == before[table], table
    engine.dispose()
    # The pre-migration backup exists, is sound, and is still at the first revision.
    if HEAD_REVISION != FIRST:
        saved = [b for b in backup.list_backups(old) if b.reason.startswith("before-upgrade")]
        assert len(saved) == 1
        checked = backup.check_backup(saved[0].path)
        assert checked.revision == FIRST
        assert checked.counts["reviews"] == len(before["reviews"])
    # Card state still equals the replay of the review log, and study goes on.
    acked = [(int(str(r[1])), int(str(r[0]))) for r in before["reviews"]]
    assert check_store(old, acked).ok
    code, out, err = clean_run(old, "3\n")
    assert code == 0, err
    assert out[0].startswith("ack ")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_newer_than_the_code_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=10)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest = _sha(db)
    for args in (("decks",), ("drill",), ("import", str(tmp_path / "x.toml")), ("backup",)):
        if args[0] == "import":
            (tmp_path / "x.toml").write_text('format = "trainer-deck"\n')
        result = subprocess.run(
            trainer_cmd(db, *args),
            input="3\n",
            capture_output=True,
            text=True,
            env=child_env(),
            check=False,
        )
        assert result.returncode == 1, (args, result.stderr)
        line = result.stderr.strip()
        assert "newer trainer" in line and "\n" not in line, (args, line)
        assert result.stdout == ""
    assert _sha(db) == digest
    assert not (tmp_path / "backups").exists()


def test_a_file_that_is_not_a_store_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE mine (x)")
    conn.execute("INSERT INTO mine VALUES (1)")
    conn.commit()
    conn.close()
    digest = _sha(db)
    result = subprocess.run(
        trainer_cmd(db, "drill"), input="3\n", capture_output=True, text=True, env=child_env()
    )
    assert result.returncode == 1
    assert "not a trainer database" in result.stderr
    assert _sha(db) == digest
