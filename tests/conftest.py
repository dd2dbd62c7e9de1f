"""Shared fixtures: a pinned clock and real stores (SQLite file, and PostgreSQL).

``store`` is a real SQLite file created at the schema head. ``any_store`` runs the
same test on SQLite and, when a PostgreSQL server is available (``.ci/run``
starts one and exports TRAINER_TEST_PG_URL), on a fresh PostgreSQL database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings

from trainer.domain.model import DeckOptions, Note
from trainer.storage.store import Store

# No test may depend on the machine's speed: Hypothesis' per-example deadline is off
# for every property test (a loaded machine once failed a 200 ms deadline).
settings.register_profile("trainer", deadline=None)
settings.load_profile("trainer")

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
"""A pinned 'now': Monday 2026-03-02 09:30 UTC."""

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "decks" / "zhibo-daihuo.txt"
BUNDLED_DECK = REPO / "decks" / "zhibo-daihuo.toml"


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


def _utc_profile(store: Store) -> Store:
    """Pin the profile to UTC with a 4:00 boundary so day maths is machine-independent."""
    from sqlalchemy import update

    from trainer.storage.models import PROFILES
    from trainer.storage.store import Profile

    with store.write() as conn:
        conn.execute(
            update(PROFILES).where(PROFILES.c.id == store.profile.id).values(timezone="UTC")
        )
    store.profile = Profile(store.profile.id, store.profile.name, "UTC", 4)
    return store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = _utc_profile(Store.open(str(db_path)))
    yield s
    s.close()


def pg_url() -> str | None:
    return os.environ.get("TRAINER_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgres"])
def any_db_url(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """An empty database on SQLite and on PostgreSQL: a file path or a server URL."""
    if request.param == "sqlite":
        yield str(db_path)
        return
    base = pg_url()
    if not base:
        if os.environ.get("CI"):
            pytest.fail("TRAINER_TEST_PG_URL is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL server (set TRAINER_TEST_PG_URL)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def any_store(any_db_url: str) -> Iterator[Store]:
    """The same test against SQLite and a fresh PostgreSQL database."""
    s = _utc_profile(Store.open(any_db_url))
    yield s
    s.close()


def make_deck(
    store: Store,
    notes: list[Note],
    name: str = "Test",
    options: DeckOptions | None = None,
) -> int:
    """Put ``notes`` in deck ``name`` through the real import path; returns the deck id."""
    from trainer.services.decks import apply_notes

    with store.write() as conn:
        deck, _ = apply_notes(conn, name, notes, options=options or DeckOptions(enable_fuzz=False))
    return deck.id


def qa_notes(n: int, prefix: str = "q") -> list[Note]:
    from trainer.domain.model import NoteKind

    return [
        Note(guid=f"{prefix}{i:05d}", kind=NoteKind.QA, prompt=f"问题{i}", answer=f"答案{i}")
        for i in range(n)
    ]
