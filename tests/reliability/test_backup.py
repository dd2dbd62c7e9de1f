"""Backups: made before imports and migrations and daily, thinned like Anki's, restorable."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reliability.crashkit import (
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
from trainer.formats.deckfile import write_deck
from trainer.services import backup
from trainer.services.backup import BackupFile, backups_to_keep
from trainer.storage.store import Store


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        trainer_cmd(db, *args), capture_output=True, text=True, env=child_env(), check=False
    )


def _fake(folder: Path, when: datetime, reason: str = "daily") -> BackupFile:
    return BackupFile(folder / f"s-{when:%Y%m%d-%H%M%S}-{reason}.sqlite3", when, reason)


def test_retention_keeps_today_then_12_daily_10_weekly_9_monthly(tmp_path: Path) -> None:
    today = date(2026, 3, 2)
    start = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    # Four backups a day for two years.
    all_ = [_fake(tmp_path, start - timedelta(hours=6 * i)) for i in range(4 * 730)]
    keep = backups_to_keep(all_, today)
    kept = sorted((b for b in all_ if b.path in keep), key=lambda b: b.taken, reverse=True)
    todays = [b for b in kept if b.taken.date() == today]
    older = [b for b in kept if b.taken.date() < today]
    assert len(todays) == 4
    days = [b.taken.date() for b in older]
    assert len(days) == len(set(days)) == 12 + 10 + 9
    assert days[:12] == [today - timedelta(days=d) for d in range(1, 13)]
    # Past the dailies, each kept backup opens a new week or a new month (as in Anki,
    # a month's last backup can be kept while the weekly allowance still lasts).
    weeks = [tuple(d.isocalendar())[:2] for d in days[12:]]
    months = [(d.year, d.month) for d in days[12:]]
    for i in range(1, len(days) - 12):
        assert weeks[i] < weeks[i - 1] or months[i] < months[i - 1]
    assert min(days) > today - timedelta(days=400)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=3 * 365 * 24 * 60), min_size=0, max_size=80),
    st.integers(min_value=0, max_value=3 * 365),
)
def test_retention_never_keeps_more_than_its_limits_and_always_the_newest(
    minutes_ago: list[int], days_later: int
) -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC) + timedelta(days=days_later)
    folder = Path("/nonexistent")
    files = [_fake(folder, now - timedelta(minutes=m), f"r{i}") for i, m in enumerate(minutes_ago)]
    keep = backups_to_keep(files, now.date())
    assert len(keep) <= backup.RECENT_MAX + backup.DAILY + backup.WEEKLY + backup.MONTHLY
    if files:
        newest = max(files, key=lambda b: (b.taken, b.path.name))
        assert newest.path in keep
    # Thinning again changes nothing (stable under repeated runs).
    again = backups_to_keep([b for b in files if b.path in keep], now.date())
    assert again == keep


def test_import_and_first_study_of_the_day_make_backups(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=20)
    code, _out, err = clean_run(db, "3\n")
    assert code == 0, err
    deck = tmp_path / "d.toml"
    write_deck(deck, "More", notes(5, "m"))
    assert _run(db, "import", str(deck)).returncode == 0
    reasons = sorted(b.reason for b in backup.list_backups(db))
    assert reasons == ["before-import", "daily"]
    for b in backup.list_backups(db):
        assert backup.check_backup(b.path).counts["cards"] == 20
    # Only one daily backup per day.
    code, _out, err = clean_run(db, "3\n")
    assert code == 0, err
    assert sorted(b.reason for b in backup.list_backups(db)) == ["before-import", "daily"]


def test_backup_and_restore_round_trip_keeping_the_replaced_store(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=30)
    code, out, err = clean_run(db, "3\n1\n4\n")
    assert code == 0, err
    made = _run(db, "backup")
    assert made.returncode == 0, made.stderr
    assert "3 reviews" in made.stdout
    saved = backup.list_backups(db)[0].path
    at_backup = dump(db)
    code, _out2, err = clean_run(db, "2\n2\n")
    assert code == 0, err
    after_more = dump(db)

    restored = _run(db, "restore", str(saved))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    assert integrity(db) == "ok"
    assert dump(db) == at_backup
    acks = [tuple(map(int, line.split()[1:])) for line in out]
    assert check_store(db, acks).ok  # type: ignore[arg-type]
    # The replaced store was kept and holds the two answers made after the backup.
    kept = next(b for b in backup.list_backups(db) if b.reason == "before-restore")
    assert dump(kept.path) == after_more
    # Studying goes on on the restored store.
    code, _out3, err = clean_run(db, "3\n")
    assert code == 0, err


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=10)
    before = dump(db)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 200)
    foreign = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    # A real backup with one page damaged.
    good = backup.backup_store(store := Store.open(str(db)))
    store.close()
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):  # every b-tree page header but the schema page
        data[n * page : n * page + 12] = b"\x0d" + b"\xff" * 11
    damaged.write_bytes(bytes(data))
    for bad in (junk, foreign, damaged, tmp_path / "missing.sqlite3"):
        result = _run(db, "restore", str(bad))
        assert result.returncode == 1, bad
        line = result.stderr.strip()
        assert line.startswith("trainer: ") and "\n" not in line, line
    assert dump(db) == before
    assert not [b for b in backup.list_backups(db) if b.reason == "before-restore"]


def test_postgres_stores_are_not_backed_up_here(tmp_path: Path) -> None:
    class FakeStore:
        is_sqlite = False

    with pytest.raises(StoreError, match="pg_dump"):
        backup.backup_store(FakeStore())  # type: ignore[arg-type]


def test_backups_taken_at_the_same_moment_both_land(tmp_path: Path) -> None:
    """Two trainers starting in the same second each make a whole, separate backup."""
    import threading
    from datetime import UTC, datetime

    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=200)
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    stores = [Store.open(str(db)) for _ in range(4)]
    made: list[Path] = []
    errors: list[BaseException] = []

    def take(store: Store) -> None:
        try:
            dest = backup.backup_engine(store.engine, "daily", moment)
            assert dest is not None
            made.append(dest)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for s in stores:
        s.close()
    assert not errors, errors
    assert len(set(made)) == 4
    for path in made:
        assert backup.check_backup(path).counts["cards"] == 200
    assert not list((tmp_path / "backups").glob(".*.part"))


def test_an_import_into_an_empty_store_takes_no_backup(tmp_path: Path) -> None:
    """A backup of a store with nothing in it restores nothing: the first import into
    a new store goes without; the next one, with the first's notes there, takes one."""
    db = tmp_path / "new.sqlite3"
    deck = tmp_path / "d.toml"
    write_deck(deck, "First", notes(5, "f"))
    assert _run(db, "import", str(deck)).returncode == 0
    assert backup.list_backups(db) == []
    write_deck(deck, "Second", notes(5, "s"))
    assert _run(db, "import", str(deck)).returncode == 0
    assert [b.reason for b in backup.list_backups(db)] == ["before-import"]
    assert backup.check_backup(backup.list_backups(db)[0].path).counts["cards"] == 5
