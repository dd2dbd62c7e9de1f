"""SIGKILL ``trainer import`` of a big deck: the store is exactly as before, or fully imported."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from tests.reliability.crashkit import (
    OPTIONS,
    Child,
    build_store,
    clean_run,
    dump,
    integrity,
    notes,
    trainer_cmd,
)
from trainer.formats.deckfile import write_deck

BIG = 12_000
KILLS = 4


def _big_deck_state(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM notes n JOIN decks d ON d.id = n.deck_id"
            "        WHERE d.name = 'Big'),"
            "       (SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id"
            "        WHERE d.name = 'Big')"
        ).fetchone()
        return int(row[0]), int(row[1])
    finally:
        conn.close()


def _wait_for_wal_growth(db: Path, child: Child, timeout: float) -> bool:
    wal = db.with_name(db.name + "-wal")
    base = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + timeout
    while child.proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > base + 50 * 4096:
            return True
        time.sleep(0.002)
    return False


def test_killed_import_leaves_the_store_as_before(tmp_path: Path) -> None:
    rng = random.Random()
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=200)
    code, _out, err = clean_run(db, "3\n1\n4\n2\n" * 10)
    assert code == 0, err
    deck_file = tmp_path / "big.toml"
    write_deck(deck_file, "Big", notes(BIG, "big"), OPTIONS)
    before = dump(db)

    started = time.perf_counter()
    probe_db = tmp_path / "probe.sqlite3"
    src, dst = sqlite3.connect(db), sqlite3.connect(probe_db)
    src.backup(dst)
    src.close()
    dst.close()
    probe = Child(trainer_cmd(probe_db, "import", str(deck_file)))
    assert probe.finish() == 0, probe.stderr
    full_run = time.perf_counter() - started

    outcomes = []
    for i in range(KILLS):
        child = Child(trainer_cmd(db, "import", str(deck_file)))
        if i == 0:
            # Certainly mid-transaction: the import has spilled pages into the WAL.
            assert _wait_for_wal_growth(db, child, timeout=60), "import never wrote the WAL"
        else:
            time.sleep(rng.uniform(0.25, 0.95) * full_run)
        child.kill()
        assert integrity(db) == "ok"
        after = dump(db)
        if after == before:
            outcomes.append("as before")
            continue
        # Killed after the commit: the import is wholly there, nothing else changed.
        assert _big_deck_state(db) == (BIG, BIG)
        for table in ("reviews", "profiles"):
            assert after[table] == before[table]
        outcomes.append("complete")
        break
    assert "as before" in outcomes, outcomes
    # The store starts again cleanly and the import then succeeds.
    final = Child(trainer_cmd(db, "import", str(deck_file)))
    assert final.finish() == 0, final.stderr
    assert _big_deck_state(db) == (BIG, BIG)
    code, out, err = clean_run(db, "3\n")
    assert code == 0, err
    assert out[0].startswith("ack ")
