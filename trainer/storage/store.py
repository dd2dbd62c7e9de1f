"""One open progress store: engine, profile and transactions.

Services take a Store and do one transaction per use case through ``read()`` or
``write()``. ``write()`` begins with BEGIN IMMEDIATE on SQLite so concurrent
writers queue on the busy timeout instead of losing updates.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from trainer.domain.clock import DayClock, local_zone
from trainer.domain.errors import StoreError
from trainer.storage import migrate
from trainer.storage.engine import enable_wal, is_sqlite, make_engine, open_error, resolve_url
from trainer.storage.models import PROFILES

PG_LOCK_NAMESPACE = 0x7472
"""First key of the PostgreSQL advisory lock a write transaction takes for its profile."""


class StoreBusyError(StoreError):
    """Another process held the store past the busy timeout; nothing was written, retry."""


def translate_error(exc: DBAPIError, where: str) -> StoreError | None:
    """A one-line StoreError for faults a user can meet (full disk, read-only, busy).

    Returns None for anything else, which is a bug and should surface as one.
    The transaction that hit the fault has been rolled back, so nothing is half-written.
    """
    orig = exc.orig
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
    """The progress store opened for one profile."""

    def __init__(self, engine: Engine, profile: Profile) -> None:
        self.engine = engine
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
        resolved = resolve_url(url)
        if is_sqlite(resolved):
            _refuse_foreign_file(resolved.database or "")
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
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, DBAPIError) and (found := translate_error(exc, _describe(resolved))):
                raise found from None
            if isinstance(exc, SQLAlchemyError):
                raise open_error(resolved, exc) from None
            raise
        return cls(engine, row)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.engine.url)

    @property
    def clock(self) -> DayClock:
        return self.profile.clock

    @property
    def where(self) -> str:
        """The store's name for messages (file path, or URL without password)."""
        return _describe(self.engine.url)

    @contextmanager
    def read(self) -> Iterator[Connection]:
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

    def is_empty(self) -> bool:
        """No decks, notes, answers, articles or practice answers: nothing to lose."""
        tables = ("decks", "notes", "reviews", "articles", "practice_attempts")
        probe = " UNION ALL ".join(
            f"SELECT 1 FROM (SELECT 1 FROM {t} LIMIT 1) AS {t}_row" for t in tables
        )
        with self.read() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM ({probe}) AS found").scalar() == 0

    def close(self) -> None:
        self.engine.dispose()


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
    row = conn.execute(select(PROFILES).where(PROFILES.c.name == name)).first()
    if row is None:
        return None
    return Profile(row.id, row.name, row.timezone, row.rollover_hour)


def _create_profile(conn: Connection, name: str) -> Profile:
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
