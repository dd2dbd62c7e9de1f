"""A new deck's many cards in an empty cards table: its indexes are built after the
rows, inside the import's transaction. The store ends with the same schema and index
contents, and a failed import leaves the indexes as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import make_deck, qa_notes
from trainer.services.decks import apply_notes
from trainer.storage import cards_repo
from trainer.storage.store import Store

MANY = cards_repo._BUILD_INDEXES_AFTER + 5


def _master(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


def test_a_first_big_import_leaves_the_schema_and_indexes_as_made(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    Store.open(str(empty)).close()
    db = tmp_path / "store.sqlite3"
    store = Store.open(str(db))
    try:
        make_deck(store, qa_notes(MANY))
        make_deck(store, qa_notes(MANY, "r"), "Other")  # not empty now: rows kept up to date
    finally:
        store.close()
    assert _master(db) == _master(empty)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM cards").fetchone() == (2 * MANY,)
        by_index = conn.execute(
            "SELECT count(*) FROM cards INDEXED BY ix_cards_note WHERE note_id > 0"
        ).fetchone()
        assert by_index == (2 * MANY,)
    finally:
        conn.close()


def test_a_failed_first_import_leaves_the_indexes(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    store = Store.open(str(db))
    before = _master(db)
    try:
        with pytest.raises(RuntimeError, match="after the cards"), store.write() as conn:
            apply_notes(conn, "Test", qa_notes(MANY))
            raise RuntimeError("after the cards")
    finally:
        store.close()
    assert _master(db) == before
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM cards").fetchone() == (0,)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
