"""A new SQLite store made without SQLAlchemy (``Store.create_lite``, the plain ``trainer
import``'s) is the store ``Store.open`` makes from the models: same ``sqlite_master``,
word for word, same version stamp, same profile, WAL mode; and it declines what only
``Store.open`` may do."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.storage.test_migrations import _schema
from trainer.storage.engine import make_engine, resolve_url
from trainer.storage.models import NOTES
from trainer.storage.notes_repo import NOTE_COLUMNS
from trainer.storage.revision import HEAD_REVISION
from trainer.storage.schema_sql import SQLITE_SCHEMA
from trainer.storage.store import Store


def _master(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
    finally:
        con.close()


def _facts(db: Path) -> tuple[object, ...]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute("PRAGMA journal_mode").fetchone(),
            con.execute("SELECT version_num FROM alembic_version").fetchall(),
            con.execute("SELECT id, name, timezone, rollover_hour FROM profiles").fetchall(),
        )
    finally:
        con.close()


def test_the_fixed_schema_is_the_one_the_models_create(tmp_path: Path) -> None:
    from_models, fixed = tmp_path / "models.sqlite3", tmp_path / "fixed.sqlite3"
    Store.open(str(from_models)).close()  # METADATA.create_all and the version stamp
    made = Store.create_lite(str(fixed))
    assert made is not None
    assert made.profile.name == "default"
    made.close()
    assert _master(fixed) == _master(from_models)
    assert (
        _facts(fixed)
        == _facts(from_models)
        == (
            ("wal",),
            [(HEAD_REVISION,)],
            [(1, "default", "", 4)],
        )
    )
    engines = [make_engine(resolve_url(str(p))) for p in (from_models, fixed)]
    try:
        assert _schema(engines[0]) == _schema(engines[1])  # as the migrations tests see it
    finally:
        for engine in engines:
            engine.dispose()
    assert len(SQLITE_SCHEMA) == len([r for r in _master(fixed) if r[3] is not None])


def test_the_notes_columns_follow_the_table() -> None:
    assert NOTE_COLUMNS.split(", ") == [c.name for c in NOTES.columns]


def test_create_lite_leaves_to_open_what_only_it_does(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    assert Store.create_lite(f"sqlite:///{db}") is None  # a URL
    assert Store.create_lite(str(db), "") is None  # no valid profile name
    assert not db.exists()
    Store.open(str(db)).close()
    assert Store.create_lite(str(db)) is None  # a store is there already
    busy = tmp_path / "busy.sqlite3"
    Path(f"{busy}-journal").write_bytes(b"")
    assert Store.create_lite(str(busy)) is None  # another trainer is making it
    assert not busy.exists()
    nested = tmp_path / "a" / "b" / "s.sqlite3"
    made = Store.create_lite(str(nested))  # its folder is made, as ``open`` makes it
    assert made is not None
    made.close()


def test_a_failed_create_lite_leaves_nothing(tmp_path: Path) -> None:
    """A folder that is not a folder: nothing made, nothing left, ``open`` explains."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert Store.create_lite(str(blocker / "s.sqlite3")) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_trainers_creating_one_new_store_at_once_all_open_it(tmp_path: Path) -> None:
    """Four processes make the same new store together, each the quick way first: the
    schema is made once, under the write lock, and each of them opens it."""
    db = tmp_path / "new.sqlite3"
    code = (
        "import sys\n"
        "from trainer.storage.store import Store\n"
        "p = sys.argv[1]\n"
        "s = Store.create_lite(p) or Store.open_lite(p, need_decks=False) or Store.open(p)\n"
        "s.close()\n"
        "print('opened')\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err for _out, err in results]
    assert all(out.strip() == "opened" for out, _err in results)
    assert _facts(db) == (("wal",), [(HEAD_REVISION,)], [(1, "default", "", 4)])


@pytest.mark.parametrize("how", ["create_lite", "open"])
def test_a_store_being_made_is_never_an_empty_file_at_its_path(tmp_path: Path, how: str) -> None:
    """Another trainer starting meanwhile must never find an empty file at the path (it
    would take it for a stranger's file and refuse it): the store appears whole, made
    the quick way or through the engine."""
    import contextlib
    import threading

    make = Store.create_lite if how == "create_lite" else Store.open
    seen: list[int] = []
    for n in range(5):
        db = tmp_path / f"s{n}.sqlite3"
        done = threading.Event()

        def watch(db: Path = db, done: threading.Event = done) -> None:
            while not done.is_set():
                with contextlib.suppress(FileNotFoundError):
                    seen.append(db.stat().st_size)

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            store = make(str(db))
        finally:
            done.set()
            watcher.join()
        assert store is not None
        store.close()
    assert 0 not in seen
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".new")]
