"""Two ``trainer`` processes on one SQLite file: no lost answers, no "database is locked".

Both use the real clock. A lost update shows as a card whose ``reps`` differs
from the number of its logged reviews; a lock error would reach stderr.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.reliability.crashkit import (
    OPTIONS,
    Child,
    build_store,
    check_store,
    child_env,
    integrity,
    notes,
    trainer_cmd,
)
from trainer.formats.deckfile import write_deck


def _reps_match_log(db: Path) -> list[tuple[int, int, int]]:
    """Cards whose reps differ from their logged reviews (a lost update)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT c.id, c.reps, count(r.id) FROM cards c LEFT JOIN reviews r ON r.card_id = c.id "
            "GROUP BY c.id HAVING c.reps != count(r.id)"
        ).fetchall()
    finally:
        conn.close()


def _logged(db: Path) -> dict[int, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT id, card_id FROM reviews").fetchall())
    finally:
        conn.close()


def _assert_clean(child: Child, code: int) -> None:
    assert code == 0, child.stderr
    assert "locked" not in child.stderr.lower() and "busy" not in child.stderr.lower()
    assert "Traceback" not in child.stderr


def test_two_study_sessions_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=300)
    ratings = "".join(f"{r}\n" for r in "1233" * 40)
    env = child_env()
    a = Child(trainer_cmd(db, "drill"), ratings, env)
    b = Child(trainer_cmd(db, "drill"), ratings, env)
    code_a, code_b = a.finish(), b.finish()
    _assert_clean(a, code_a)
    _assert_clean(b, code_b)
    acks = a.acks() + b.acks()
    assert len(acks) == 320
    logged = _logged(db)
    assert all(logged.get(r) == c for c, r in acks)
    assert len(logged) == 320
    assert _reps_match_log(db) == []
    assert integrity(db) == "ok"


def test_two_sessions_on_different_decks_match_their_replay(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=200, deck="Crash")
    from trainer.services.decks import apply_notes
    from trainer.storage.store import Store

    store = Store.open(str(db))
    with store.write() as conn:
        apply_notes(conn, "Other", notes(200, "o"), options=OPTIONS)
    store.close()
    ratings = "".join(f"{r}\n" for r in "1234" * 30)
    a = Child(trainer_cmd(db, "drill", "Crash"), ratings)
    b = Child(trainer_cmd(db, "drill", "Other"), ratings)
    code_a, code_b = a.finish(), b.finish()
    _assert_clean(a, code_a)
    _assert_clean(b, code_b)
    check = check_store(db, a.acks() + b.acks())
    assert check.ok, check
    assert check.reviews == 240


def test_study_during_a_big_import(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    build_store(db, n_notes=300)
    deck_file = tmp_path / "big.toml"
    write_deck(deck_file, "Big", notes(8000, "big"), OPTIONS)
    study = Child(trainer_cmd(db, "drill"), "".join(f"{r}\n" for r in "3132" * 150))
    assert study.wait_lines(1, timeout=30)
    imp = Child(trainer_cmd(db, "import", str(deck_file)))
    code_imp = imp.finish()
    code_study = study.finish()
    _assert_clean(imp, code_imp)
    _assert_clean(study, code_study)
    assert "8000 new" in imp.out[-1]
    acks = study.acks()
    assert len(acks) == 600
    logged = _logged(db)
    assert all(logged.get(r) == c for c, r in acks)
    assert _reps_match_log(db) == []
    conn = sqlite3.connect(db)
    try:
        big = conn.execute(
            "SELECT count(*) FROM notes n JOIN decks d ON d.id = n.deck_id WHERE d.name = 'Big'"
        ).fetchone()[0]
        cards = conn.execute(
            "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = 'Big'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert (big, cards) == (8000, 8000)
    assert integrity(db) == "ok"
