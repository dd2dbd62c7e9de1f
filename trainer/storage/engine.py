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
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from trainer.domain.errors import StoreError
from trainer.storage.driver import BUSY_TIMEOUT_MS, SQLITE_PRAGMAS
from trainer.storage.paths import default_path

PG_CONNECT_TIMEOUT_S = 10
"""A PostgreSQL server that accepts the connection and never answers: give up after this."""
PG_STATEMENT_TIMEOUT_MS = 600_000
PG_LOCK_TIMEOUT_MS = 120_000
"""Server-side caps: no statement runs longer, no writer waits longer for another."""
PG_KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}
"""TCP keepalives, so a server that vanishes mid-session is noticed within about a minute."""


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
    try:
        url = make_url(url_or_path)
    except ArgumentError:
        raise StoreError(
            f"--db {url_or_path!r} is neither a file path nor a database URL "
            "(sqlite:///path or postgresql://user@host/db)"
        ) from None
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in SUPPORTED:
        raise StoreError(
            f"--db {url.render_as_string(hide_password=True)}: {url.get_backend_name()!r} "
            "databases are not supported (use a file path, sqlite:///path or "
            "postgresql://user@host/db)"
        )
    return url


SUPPORTED = ("sqlite", "postgresql")
DRIVER_HINTS = {
    "psycopg": "pip install 'psycopg[binary]'",
    "psycopg2": "pip install psycopg2-binary",
}


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
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql" and url.get_driver_name() == "psycopg":
        # Settings given in the URL (?connect_timeout=...) win over these defaults.
        connect_args = {k: v for k, v in PG_KEEPALIVE.items() if k not in url.query}
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        if "options" not in url.query:
            connect_args["options"] = (
                f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS} "
                f"-c lock_timeout={PG_LOCK_TIMEOUT_MS}"
            )
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    except NoSuchModuleError:
        raise StoreError(
            f"--db {url.render_as_string(hide_password=True)}: no database driver "
            f"{url.drivername!r} (use sqlite:///path or postgresql://user@host/db)"
        ) from None
    except ImportError as exc:
        module = (exc.name or str(exc)).split(".")[0]
        hint = DRIVER_HINTS.get(module, f"install the Python package that provides {module!r}")
        raise StoreError(
            f"--db {url.render_as_string(hide_password=True)}: the database driver "
            f"{module!r} is not installed ({hint})"
        ) from None


def open_error(url: URL, exc: BaseException) -> StoreError:
    """One line saying why the store at ``url`` cannot be opened, for what it really is.

    Only a file that is not an SQLite database at all is "not a trainer database";
    a read-only file or folder, a missing folder, a server that is down or slow
    each say so, so nobody deletes a good store over the wrong diagnosis.
    """
    orig = getattr(exc, "orig", None) or exc
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if is_sqlite(url):
        where = url.database or str(url)
        name = str(getattr(orig, "sqlite_errorname", "") or "")
        if name.startswith("SQLITE_NOTADB") or "file is not a database" in reason:
            return StoreError(f"{where} is not a trainer database (not an SQLite file)")
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or (
            "readonly" in reason or "unable to open" in reason
        ):
            return StoreError(f"cannot open store {where}: {_why_not_writable(Path(where))}")
        return StoreError(f"cannot open store {where}: {reason}")
    where = url.render_as_string(hide_password=True)
    state = str(getattr(orig, "sqlstate", "") or "")
    if state == "57014" or "timeout" in reason.lower():
        return StoreError(f"PostgreSQL server {where} did not answer in time ({reason})")
    if state.startswith("28") or "authentication" in reason.lower():
        return StoreError(f"PostgreSQL server {where} refused the login ({reason})")
    if state == "3D000":
        return StoreError(f"PostgreSQL server {where}: no such database ({reason})")
    return StoreError(f"cannot connect to PostgreSQL server {where}: {reason}")


def _why_not_writable(path: Path) -> str:
    folder = path.parent
    if not folder.is_dir():
        return f"no such folder {str(folder)!r}"
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    if read_only:
        return (
            "it is on a read-only file system (SQLite must write the store and its "
            "-wal/-shm files next to it); the store itself is fine"
        )
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return "the file or its folder is read-only for you (SQLite must write next to it)"
    return "SQLite could not open or create the file there"


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cur.execute(pragma)
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
