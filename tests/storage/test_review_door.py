"""One typed door to the review log: ``reviews_repo`` is its only writer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import card_ids
from trainer.storage import reviews_repo
from trainer.storage.models import REVIEWS
from trainer.storage.reviews_repo import ReviewRecord
from trainer.storage.store import Store

ROOT = Path(__file__).resolve().parents[2] / "trainer"
WRITES = re.compile(
    r"INSERT\s+INTO\s+reviews\b|UPDATE\s+reviews\b|insert\(\s*REVIEWS\b|REVIEWS\.insert\("
    r"|update\(\s*REVIEWS\b",
    re.IGNORECASE,
)


def test_only_reviews_repo_writes_the_review_log() -> None:
    door = ROOT / "storage" / "reviews_repo.py"
    writers = [
        str(path.relative_to(ROOT.parent))
        for path in sorted(ROOT.rglob("*.py"))
        if path != door and WRITES.search(path.read_text(encoding="utf-8"))
    ]
    assert writers == []
    assert WRITES.search(door.read_text(encoding="utf-8"))


def test_record_follows_the_table() -> None:
    columns = tuple(c.name for c in REVIEWS.columns if not c.primary_key)
    assert ReviewRecord._fields == columns
    for column in REVIEWS.columns:
        if column.primary_key or column.name not in ReviewRecord._field_defaults:
            continue
        default = ReviewRecord._field_defaults[column.name]
        if column.nullable:
            assert default is None, column.name
        else:
            assert column.default is not None and column.default.arg == default, column.name  # type: ignore[attr-defined]
            assert column.server_default is not None, column.name


def test_insert_many_and_add_review_write_the_same_row(
    any_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = any_store
    monkeypatch.setattr(reviews_repo, "BATCH", 2)  # three rows: two batches
    deck = make_deck(store, qa_notes(2), name="门")
    first, second = card_ids(store, deck)
    pid = store.profile.id
    bulk = [
        ReviewRecord(first, pid, deck, 3, 1_000 + i, 739_000, 1500, 2, 3.5, 4.0, 5.0, "")
        for i in range(3)
    ]
    one = ReviewRecord(second, pid, deck, 1, 9_000, 739_001, undo='{"card": {}}')
    with store.write() as conn:
        assert reviews_repo.insert_many(conn, iter(bulk)) == 3
        assert reviews_repo.insert_many(conn, []) == 0
        review_id = reviews_repo.add_review(conn, one)
    with store.read() as conn:
        rows = conn.execute(select(REVIEWS).order_by(REVIEWS.c.id)).all()
        assert conn.execute(select(func.max(REVIEWS.c.id))).scalar_one() == review_id
    assert [ReviewRecord(*r[1:]) for r in rows] == [*bulk, one]
