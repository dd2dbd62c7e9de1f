"""Backups of two stores in one folder stay apart; restore works over a damaged store."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.reliability.crashkit import build_store, child_env, dump, integrity, trainer_cmd
from trainer.services import backup
from trainer.storage.store import Store


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        trainer_cmd(db, *args), capture_output=True, text=True, env=child_env(), check=False
    )


def _backup(db: Path, reason: str, when: datetime) -> Path:
    store = Store.open(str(db))
    try:
        dest = backup.backup_engine(store.engine, reason, when)
    finally:
        store.close()
    assert dest is not None
    return dest


def test_stores_sharing_a_stem_keep_their_own_backups(tmp_path: Path) -> None:
    one, other = tmp_path / "study.sqlite", tmp_path / "study.db"
    build_store(one, n_notes=3)
    build_store(other, n_notes=5)
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    mine = _backup(one, "manual", start - timedelta(days=40))
    # Many backups of the other store over forty days: thinning them must not touch ours.
    for day in range(40):
        _backup(other, "daily", start - timedelta(days=39 - day))
    assert mine.exists()
    assert [b.path for b in backup.list_backups(one)] == [mine]
    assert all(b.path.name.startswith("study.db-") for b in backup.list_backups(other))
    assert backup.check_backup(mine).counts["notes"] == 3


def test_daily_backup_is_not_skipped_because_the_other_store_has_a_new_one(
    tmp_path: Path,
) -> None:
    one, other = tmp_path / "study.sqlite", tmp_path / "study.db"
    build_store(one, n_notes=3)
    build_store(other, n_notes=5)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    _backup(other, "daily", now - timedelta(minutes=5))
    store = Store.open(str(one))
    try:
        made = backup.daily_backup(store, now)
    finally:
        store.close()
    assert made is not None and made.name.startswith("study.sqlite-")


def test_backups_named_the_old_way_still_count_for_a_lone_store(tmp_path: Path) -> None:
    db = tmp_path / "study.sqlite"
    build_store(db, n_notes=3)
    made = _backup(db, "manual", datetime(2026, 3, 1, tzinfo=UTC))
    old = made.with_name(made.name.replace("study.sqlite-", "study-"))
    made.rename(old)
    assert [b.path for b in backup.list_backups(db)] == [old]
    # A second store with the same stem makes the old names ambiguous: left alone.
    build_store(tmp_path / "study.db", n_notes=1)
    assert backup.list_backups(db) == []
    backup.thin_backups(db, datetime(2027, 3, 1, tzinfo=UTC))
    assert old.exists()


def test_restore_over_a_damaged_store_sets_it_aside_then_restores(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=10)
    made = _run(db, "backup")
    assert made.returncode == 0, made.stderr
    saved = backup.list_backups(db)[0].path
    wanted = dump(saved)
    # The store is damaged beyond opening: its header is garbage.
    damaged = b"this is not a database any more" + b"\x00" * 4000
    db.write_bytes(damaged)
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)

    result = _run(db, "restore", str(saved))
    assert result.returncode == 0, result.stderr
    assert integrity(db) == "ok"
    assert dump(db) == wanted
    kept = [p for p in (tmp_path / "backups").iterdir() if p.read_bytes() == damaged]
    assert len(kept) == 1, "the damaged store is kept, byte for byte"
    assert "damaged" in result.stdout and str(kept[0]) in result.stdout


def test_restore_names_what_a_non_file_is(tmp_path: Path) -> None:
    """A FIFO or a folder given to restore is named for what it is; the store is untouched."""
    import os

    db = tmp_path / "s.sqlite3"
    Store.open(str(db)).close()
    before = dump(db)
    fifo = tmp_path / "backup.sqlite3"
    os.mkfifo(fifo)
    for target, why in ((fifo, "FIFO"), (tmp_path, "directory"), ("/dev/zero", "device")):
        out = _run(db, "restore", str(target))
        assert out.returncode == 1, out.stderr
        assert out.stderr.count("\n") == 1 and why in out.stderr, out.stderr
    assert dump(db) == before
    out = _run(db, "restore", str(tmp_path / "missing.sqlite3"))
    assert out.returncode == 1 and "no such backup file" in out.stderr
