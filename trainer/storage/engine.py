"""Engine factory for the progress store.

Never an engine at import time. SQLite gets WAL, foreign keys, a busy timeout
and ``BEGIN IMMEDIATE`` for write transactions (SQLAlchemy's documented pysqlite
recipe): with the driver's default deferred transactions, read-then-write from
two processes loses updates or fails with "database is locked".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from trainer.storage.paths import default_path

BUSY_TIMEOUT_MS = 15_000
SYNCHRONOUS = "FULL"
"""An answer acknowledged to the student survives power loss, not only a crash."""


def enable_wal(engine: Engine) -> None:
    """Switch a SQLite store to WAL; called only once the file is known to be ours."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        mode = cur.execute("PRAGMA journal_mode").fetchone()
        if not mode or str(mode[0]).lower() != "wal":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()
    finally:
        raw.close()


def resolve_url(url_or_path: str | None) -> URL:
    """Turn ``--db`` / ``TRAINER_DB`` (a URL or a plain file path) into a URL."""
    if not url_or_path:
        url_or_path = os.environ.get("TRAINER_DB") or str(default_path())
    if "://" not in url_or_path:
        path = Path(url_or_path).expanduser()
        return URL.create("sqlite+pysqlite", database=str(path))
    url = make_url(url_or_path)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def make_engine(url: URL, **kwargs: Any) -> Engine:
    if is_sqlite(url):
        database = url.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None},
            **kwargs,
        )
        _sqlite_events(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
