"""One open progress store: engine, profile and transactions.

Services take a Store and do one transaction per use case through ``read()`` or
``write()``. ``write()`` begins with BEGIN IMMEDIATE on SQLite so concurrent
writers queue on the busy timeout instead of losing updates.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.clock import DayClock, local_zone
from trainer.domain.errors import StoreError
from trainer.storage.driver import DriverConn, LiteConnection

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.exc import DBAPIError

PG_LOCK_NAMESPACE = 0x7472
"""First key of the PostgreSQL advisory lock a write transaction takes for its profile."""


class StoreBusyError(StoreError):
    """Another process held the store past the busy timeout; nothing was written, retry."""


def translate_error(exc: DBAPIError, where: str) -> StoreError | None:
    """A one-line StoreError for faults a user can meet (full disk, read-only, busy).

    Returns None for anything else, which is a bug and should surface as one.
    The transaction that hit the fault has been rolled back, so nothing is half-written.
    """
    return translate_driver_error(exc.orig, where)


def translate_driver_error(orig: BaseException | None, where: str) -> StoreError | None:
    """``translate_error`` for the driver's own exception (``sqlite3``, psycopg)."""
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    state = str(getattr(orig, "sqlstate", "") or "")
    text = str(orig).lower()
    if name.startswith("SQLITE_FULL") or state.startswith("53") or "disk is full" in text:
        return StoreError(
            f"{where}: disk full, the last change was not saved; free some space and try again"
        )
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or state == "25006":
        return StoreError(f"{where} is read-only: progress cannot be saved")
    if (
        name.startswith("SQLITE_BUSY")
        or name.startswith("SQLITE_LOCKED")
        or "database is locked" in text
        or state in ("40001", "40P01", "55P03")
    ):
        return StoreBusyError(f"{where} is busy (another trainer is writing to it); try again")
    if "0x00" in text and "nul" in text:
        return StoreError(
            f"{where}: a text contains the NUL character, which PostgreSQL cannot store; "
            "nothing was saved"
        )
    if name.startswith("SQLITE_CANTOPEN") or name.startswith("SQLITE_IOERR"):
        return StoreError(f"{where}: cannot read or write the store file ({orig})")
    return None


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    name: str
    timezone: str
    rollover_hour: int

    @property
    def clock(self) -> DayClock:
        return DayClock(local_zone(self.timezone), self.rollover_hour)


class Store:
    """The progress store opened for one profile.

    Opened with ``open``, it runs on a SQLAlchemy engine. Opened with ``open_lite``
    (a SQLite file already at the current schema: the scripted study session), the
    plain-SQL transactions ``sql_read`` / ``sql_write`` run on one ``sqlite3``
    connection with the engine's settings, and the engine is only made, with
    SQLAlchemy imported, if something asks for ``engine``, ``read`` or ``write``.
    """

    def __init__(
        self,
        engine: Engine | None,
        profile: Profile,
        *,
        lite: LiteConnection | None = None,
        path: Path | None = None,
    ) -> None:
        if engine is None and (lite is None or path is None):
            raise ValueError("a store needs an engine, or a sqlite3 connection and its file")
        self._engine = engine
        self._lite = lite
        self._path = path
        self.profile = profile

    @classmethod
    def open(
        cls,
        url: str | None = None,
        profile: str = "default",
        *,
        before_upgrade: Callable[[Engine, str | None], None] | None = None,
        create_profile: bool = True,
    ) -> Store:
        """Open (creating or upgrading) the store at ``url`` for ``profile``.

        A profile not in the store is created, or with ``create_profile=False``
        refused (StoreError naming the profiles there are).
        """
        from sqlalchemy import select
        from sqlalchemy.exc import DBAPIError, SQLAlchemyError

        from trainer.storage import migrate
        from trainer.storage.engine import (
            enable_wal,
            is_sqlite,
            make_engine,
            open_error,
            resolve_url,
        )
        from trainer.storage.models import PROFILES

        resolved = resolve_url(url)
        if is_sqlite(resolved):
            _refuse_foreign_file(resolved.database or "")
            _made_whole(resolved.database or "")
        engine = make_engine(resolved)
        try:
            hook = (lambda rev: before_upgrade(engine, rev)) if before_upgrade else None
            migrate.upgrade(engine, hook)
            if is_sqlite(resolved):
                enable_wal(engine)
            with engine.connect() as conn:
                row = _find_profile(conn, profile)
            if row is None and not create_profile:
                with engine.connect() as conn:
                    names = sorted(conn.execute(select(PROFILES.c.name)).scalars())
                there = f"profiles: {', '.join(names)}" if names else "no profiles yet"
                raise StoreError(
                    f"no profile named {profile!r} ({there}); "
                    f"add it with `trainer profile add {profile}`"
                )
            if row is None:
                row = _find_or_create_profile(engine, profile)
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            if isinstance(exc, DBAPIError) and (found := translate_error(exc, _describe(resolved))):
                raise found from None
            if isinstance(exc, SQLAlchemyError):
                raise open_error(resolved, exc) from None
            raise
        return cls(engine, row)

    @classmethod
    def open_lite(
        cls, url: str | None = None, profile: str = "default", *, need_decks: bool = True
    ) -> Store | None:
        """The SQLite file store at ``url`` for ``profile`` on a plain ``sqlite3``
        connection, or None when ``open`` must do it: a URL, no file yet, another
        schema revision (a migration, with its backup, is due), not in WAL mode, no
        such profile, no decks yet when ``need_decks`` (the bundled deck is loaded),
        or any error (``open`` says what is wrong in its own words)."""
        from trainer.storage.driver import BUSY_TIMEOUT_MS, SQLITE_PRAGMAS
        from trainer.storage.revision import HEAD_REVISION

        path = lite_path(url)
        if path is None or not path.is_file():
            return None
        _refuse_foreign_file(str(path))
        try:
            raw = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            for pragma in SQLITE_PRAGMAS:
                raw.execute(pragma)
            mode = raw.execute("PRAGMA journal_mode").fetchone()
            versions = raw.execute("SELECT version_num FROM alembic_version").fetchall()
            row = raw.execute(
                "SELECT id, name, timezone, rollover_hour FROM profiles WHERE name = ?", (profile,)
            ).fetchone()
            decks = raw.execute("SELECT 1 FROM decks LIMIT 1").fetchone()
        except sqlite3.Error:
            raw.close()
            return None
        if (
            str(mode[0] if mode else "").lower() != "wal"
            or versions != [(HEAD_REVISION,)]
            or row is None
            or (decks is None and need_decks)
        ):
            raw.close()
            return None
        return cls(None, Profile(*row), lite=LiteConnection(raw), path=path)

    @classmethod
    def create_lite(cls, url: str | None = None, profile: str = "default") -> Store | None:
        """A new SQLite file store at ``url``, made at the head schema without SQLAlchemy
        (``schema_sql``) with the profile ``profile`` in it, open on a plain ``sqlite3``
        connection; None when ``open`` must do it: a URL, a file (or its journal) there
        already, or any error (nothing is left behind; ``open`` then says what is wrong
        in its own words).

        As ``open`` makes a new store: the schema, the version stamp and the profile in
        one transaction, in a file of its own linked into place only when whole (never
        over another trainer's store); then WAL mode."""
        from trainer.storage.driver import BUSY_TIMEOUT_MS, SQLITE_PRAGMAS

        path = lite_path(url)
        if path is None or not profile or len(profile) > 100:
            return None
        if any(Path(f"{path}{s}").exists() for s in ("", "-journal", "-wal")):
            return None
        if not link_new_sqlite_store(path, profile):
            return None
        try:
            raw = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            for pragma in SQLITE_PRAGMAS:
                raw.execute(pragma)
            raw.execute("PRAGMA journal_mode=WAL")
            row = raw.execute(
                "SELECT id, name, timezone, rollover_hour FROM profiles WHERE name = ?", (profile,)
            ).fetchone()
        except sqlite3.Error:
            raw.close()
            return None
        return cls(None, Profile(*row), lite=LiteConnection(raw), path=path)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (made on first use for a store opened with ``open_lite``)."""
        if self._engine is None:
            from sqlalchemy.engine import URL

            from trainer.storage.engine import make_engine

            self._engine = make_engine(URL.create("sqlite+pysqlite", database=str(self._path)))
        return self._engine

    @property
    def file(self) -> Path | None:
        """The SQLite file behind the store; None for PostgreSQL and in-memory stores."""
        if self._lite is not None:
            return self._path
        url = self.engine.url
        database = url.database or ""
        if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
            return None
        return None if database.startswith("file:") else Path(database)

    @property
    def is_sqlite(self) -> bool:
        if self._lite is not None:
            return True
        from trainer.storage.engine import is_sqlite

        return is_sqlite(self.engine.url)

    @property
    def clock(self) -> DayClock:
        return self.profile.clock

    @property
    def where(self) -> str:
        """The store's name for messages (file path, or URL without password)."""
        if self._lite is not None:
            return str(self._path)
        return _describe(self.engine.url)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as exc:
            err = translate_error(exc, self.where)
            if err is None:
                raise
            raise err from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction; committed on success, rolled back on any error.

        A full disk, a read-only store or a writer that outlasts the busy timeout
        becomes a StoreError (StoreBusyError for the last, which is safe to retry).
        """
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect().execution_options(immediate=True) as conn, conn.begin():
                if not self.is_sqlite:
                    # BEGIN IMMEDIATE's counterpart, per learner: one profile's writers take
                    # turns (no lost read-modify-write), other learners run in parallel.
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:ns, :pid)"),
                        {"ns": PG_LOCK_NAMESPACE, "pid": self.profile.id},
                    )
                yield conn
        except DBAPIError as exc:
            err = translate_error(exc, self.where)
            if err is None:
                raise
            raise err from exc

    @contextmanager
    def sql_read(self) -> Iterator[DriverConn]:
        """``read`` for plain SQL: on the ``sqlite3`` connection when there is one."""
        if self._lite is None:
            with self.read() as conn:
                yield conn
        else:
            with self._lite_transaction("BEGIN") as conn:
                yield conn

    @contextmanager
    def sql_write(self) -> Iterator[DriverConn]:
        """``write`` for plain SQL: the same guarantees (``BEGIN IMMEDIATE``, committed
        on success, rolled back on any error, faults as one-line StoreErrors)."""
        if self._lite is None:
            with self.write() as conn:
                yield conn
        else:
            with self._lite_transaction("BEGIN IMMEDIATE") as conn:
                yield conn

    @contextmanager
    def _lite_transaction(self, begin: str) -> Iterator[DriverConn]:
        lite = self._lite
        assert lite is not None
        raw = lite.raw
        try:
            raw.execute(begin)
            try:
                yield lite
                raw.execute("COMMIT")
            except BaseException:
                if raw.in_transaction:
                    raw.rollback()
                raise
        except sqlite3.Error as exc:
            err = translate_driver_error(exc, self.where)
            if err is None:
                raise
            raise err from exc

    def vacuum_into(self, target: Path) -> None:
        """A compact, consistent copy of a SQLite store at ``target`` (a read transaction)."""
        if self._lite is not None:
            self._lite.raw.execute("VACUUM INTO ?", (str(target),))
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
        finally:
            raw.close()

    def is_empty(self) -> bool:
        """No decks, notes, answers, articles or practice answers: nothing to lose."""
        tables = ("decks", "notes", "reviews", "articles", "practice_attempts")
        probe = " UNION ALL ".join(
            f"SELECT 1 FROM (SELECT 1 FROM {t} LIMIT 1) AS {t}_row" for t in tables
        )
        with self.sql_read() as conn:
            found = conn.exec_driver_sql(f"SELECT count(*) FROM ({probe}) AS found").scalar()
        return int(found) == 0

    def close(self) -> None:
        if self._lite is not None:
            self._lite.raw.close()
        if self._engine is not None:
            self._engine.dispose()


def link_new_sqlite_store(path: Path, profile: str | None) -> bool:
    """Make a new SQLite store at ``path`` (the head schema, the version stamp, and the
    profile ``profile`` unless None); True when this process made it.

    It is made whole under a private name, then linked into place: the path never holds
    a half-made (empty) file that another trainer starting at the same moment would take
    for a stranger's file and refuse. The link fails when another trainer's store got
    there first (False: open that one); so does any error, leaving nothing behind."""
    from trainer.storage.driver import SQLITE_PRAGMAS
    from trainer.storage.revision import HEAD_REVISION
    from trainer.storage.schema_sql import SQLITE_SCHEMA

    if any(Path(f"{path}{s}").exists() for s in ("", "-journal", "-wal")):
        return False
    new = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = sqlite3.connect(str(new), isolation_level=None)
    except (OSError, sqlite3.Error):
        return False
    try:
        for pragma in SQLITE_PRAGMAS:
            raw.execute(pragma)
        raw.execute("BEGIN IMMEDIATE")
        for statement in SQLITE_SCHEMA:
            raw.execute(statement)
        raw.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))
        if profile is not None:
            raw.execute(
                "INSERT INTO profiles (name, timezone, rollover_hour, created_at) "
                "VALUES (?, '', 4, ?)",
                (profile, int(time.time())),
            )
        raw.execute("COMMIT")
        raw.close()
        os.link(new, path)
    except (OSError, sqlite3.Error):
        raw.close()
        return False
    finally:
        for suffix in ("", "-journal"):
            Path(f"{new}{suffix}").unlink(missing_ok=True)
    return True


def lite_path(url: str | None) -> Path | None:
    """The SQLite file ``--db`` / ``TRAINER_DB`` names (the default store without
    either), or None for a URL, which only ``Store.open`` takes."""
    from trainer.storage.paths import default_path

    where = url or os.environ.get("TRAINER_DB") or str(default_path())
    return None if "://" in where else Path(where).expanduser()


def _made_whole(database: str) -> None:
    """A new SQLite file store is made at the head in one step, linked into place
    (``link_new_sqlite_store``), so no trainer opening it meanwhile finds an empty file;
    ``open`` then opens it as any store."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    link_new_sqlite_store(Path(database), None)


SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse_foreign_file(database: str) -> None:
    """An existing file that is not an SQLite database is never turned into a store.

    SQLite would happily write a new database over an empty file (``--db notes.txt``
    after ``touch notes.txt``, a mistyped path to a document): only a file that
    does not exist yet becomes a new store.
    """
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a directory, not a store file (give a file name)")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path} is not a regular file, so it cannot be a store")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from None
    if info.st_size == 0 and any(Path(f"{path}{s}").exists() for s in ("-journal", "-wal")):
        return  # another trainer is creating this store right now: its journal is there
    if head != SQLITE_MAGIC:
        what = "an empty file" if info.st_size == 0 else "not an SQLite file"
        raise StoreError(
            f"{path} is not a trainer database ({what}); it is left as it is: give the "
            "path of a store, or of a file that does not exist yet"
        )


def _describe(url: object) -> str:
    from sqlalchemy.engine import URL

    if isinstance(url, URL):
        return (
            url.database
            if url.get_backend_name() == "sqlite" and url.database
            else url.render_as_string(hide_password=True)
        )
    return str(url)


def _find_or_create_profile(engine: Engine, name: str) -> Profile:
    """The profile named ``name``, created if no process has made it yet.

    SQLite's immediate transaction serialises the look and the insert; PostgreSQL's
    does not, so a second process starting on a new store may lose the race on the
    unique name: it then finds the row the winner wrote.
    """
    from sqlalchemy.exc import IntegrityError

    try:
        with engine.connect().execution_options(immediate=True) as conn, conn.begin():
            return _find_profile(conn, name) or _create_profile(conn, name)
    except IntegrityError:
        with engine.connect() as conn:
            found = _find_profile(conn, name)
        if found is None:
            raise
        return found


def _find_profile(conn: Connection, name: str) -> Profile | None:
    from sqlalchemy import select

    from trainer.storage.models import PROFILES

    row = conn.execute(select(PROFILES).where(PROFILES.c.name == name)).first()
    if row is None:
        return None
    return Profile(row.id, row.name, row.timezone, row.rollover_hour)


def _create_profile(conn: Connection, name: str) -> Profile:
    from sqlalchemy import insert

    from trainer.storage.models import PROFILES

    if not name or len(name) > 100:
        raise StoreError(f"bad profile name {name!r}")
    conn.execute(
        insert(PROFILES).values(
            name=name, timezone="", rollover_hour=4, created_at=int(time.time())
        )
    )
    found = _find_profile(conn, name)
    assert found is not None
    # A new learner gets their own cards for every deck already in the store.
    from trainer.storage.cards_repo import sync_cards

    sync_cards(conn, found.id)
    return found
