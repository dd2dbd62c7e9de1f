"""Backups of a SQLite progress store: before migrations and imports, daily, on demand.

A backup is a compact, consistent copy made with ``VACUUM INTO`` (a read
transaction: other trainers keep studying while it runs) into a temporary name,
synced, then renamed, so a crash never leaves a half backup under a real name.
Backups live in ``backups/`` next to the store, named
``<store file name>-<YYYYmmdd-HHMMSS>-<reason>.sqlite3`` (UTC; the whole name, so
``study.sqlite`` and ``study.db`` in one folder never share or thin each other's
backups), and are thinned like
Anki's: everything from today, then the newest of each of 12 days, 10 weeks
and 9 months.

``restore`` checks a backup (integrity, foreign keys, schema revision, row
counts) before touching anything, sets the current store aside as a backup of
its own, then copies the backup in with SQLite's online backup API (one locked
step, so other connections see either the old store or the restored one) and
upgrades it to the current schema.

PostgreSQL stores are not backed up here: ``pg_dump`` does that properly.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.errors import StoreError
from trainer.storage.store import Store

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

DAILY, WEEKLY, MONTHLY = 12, 10, 9
"""Anki's default rolling retention."""
RECENT_MAX = 30
"""At most this many backups from today are kept (newest first)."""
DAILY_EVERY = timedelta(hours=24)
COUNTED_TABLES = ("profiles", "decks", "notes", "cards", "reviews")
PG_UNSUPPORTED = "backups of a PostgreSQL store are not supported here: use pg_dump"

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9-]+)\.sqlite3$"
)


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class CheckedBackup:
    """What ``check_backup`` found in a backup file."""

    path: Path
    revision: str
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class RestoreReport:
    restored: CheckedBackup
    replaced: Path | None
    """The backup holding the store that was replaced."""
    damaged: bool = False
    """The replaced store could not be read: it was moved aside as it was."""


# -- where -------------------------------------------------------------------------
def store_file(engine: Engine) -> Path | None:
    """The SQLite file behind ``engine``, or None for PostgreSQL / in-memory stores."""
    from trainer.storage.engine import is_sqlite

    if not is_sqlite(engine.url):
        return None
    database = engine.url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def backup_prefix(path: Path) -> str:
    """What every backup of the store at ``path`` is named after: its whole file name."""
    return path.name


def _legacy_prefix(path: Path) -> str | None:
    """Older trainers named backups after the stem (``study`` for ``study.sqlite``).

    Those still count as this store's only while no other file in the folder has
    the same stem: with two such stores nobody can tell whose they are, so they are
    left alone (never thinned, never taken for the newest).
    """
    if path.stem == path.name:
        return None
    try:
        siblings = [
            p
            for p in path.parent.iterdir()
            if p.stem == path.stem and not p.name.startswith(path.name) and p.is_file()
        ]
    except OSError:
        return None
    return None if siblings else path.stem


def list_backups(path: Path) -> list[BackupFile]:
    """Backups of the store at ``path``, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    names = {backup_prefix(path), _legacy_prefix(path)} - {None}
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if not m or m.group("stem") not in names:
            continue
        taken = datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        found.append(BackupFile(entry, taken, m.group("reason")))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


# -- taking backups ----------------------------------------------------------------
def backup_engine(engine: Engine, reason: str, now: datetime | None = None) -> Path | None:
    """Copy the store behind ``engine`` into its backups folder; None if not SQLite."""
    path = store_file(engine)
    if path is None:
        return None

    def vacuum_into(target: Path) -> None:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
        finally:
            raw.close()

    return _backup_file(path, vacuum_into, reason, now)


def _backup_file(
    path: Path, vacuum_into: Callable[[Path], None], reason: str, now: datetime | None
) -> Path | None:
    """Copy the store file ``path`` (through ``vacuum_into``, on one of its connections)
    into its backups folder; None if there is no such file."""
    if not path.exists():
        return None
    now = (now or datetime.now(UTC)).astimezone(UTC)
    folder = backup_dir(path)
    # A name of its own per process: two trainers may back up in the same second.
    tmp = folder / f".{backup_prefix(path)}-{os.getpid()}-{time.monotonic_ns()}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        vacuum_into(tmp)
        _fsync(tmp)
        dest = _publish(tmp, folder, backup_prefix(path), now, reason)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot back up {path} to {folder}: {_reason(exc)}") from None
    thin_backups(path, now)
    return dest


def backup_store(store: Store, reason: str = "manual", now: datetime | None = None) -> Path:
    """``trainer backup``: a backup now, or a clear refusal for PostgreSQL."""
    if not store.is_sqlite:
        raise StoreError(PG_UNSUPPORTED)
    dest = backup_engine(store.engine, reason, now)
    if dest is None:
        raise StoreError(f"{store.where}: only a SQLite file store can be backed up")
    return dest


def before_upgrade(engine: Engine, revision: str | None) -> None:
    """The ``Store.open`` hook: back up an existing store before migrating it."""
    if revision is not None:
        backup_engine(engine, f"before-upgrade-from-{revision}")


def before_import(store: Store) -> Path | None:
    """A backup before an import changes the store; none for a store that holds
    nothing yet (a first import into a new store): there would be nothing to restore."""
    if store.is_empty():
        return None
    path = store.file
    if path is None:
        return None
    return _backup_file(path, store.vacuum_into, "before-import", None)


def daily_backup(store: Store, now: datetime | None = None) -> Path | None:
    """While studying: a backup when the newest is a day old or there is none."""
    path = store.file
    if path is None:
        return None
    now = (now or datetime.now(UTC)).astimezone(UTC)
    newest = next(iter(list_backups(path)), None)
    if newest is not None and now - newest.taken < DAILY_EVERY:
        return None
    return _backup_file(path, store.vacuum_into, "daily", now)


# -- retention ---------------------------------------------------------------------
def backups_to_keep(backups: list[BackupFile], today: date) -> set[Path]:
    """Anki's thinning over ``backups`` (any order): which files stay."""
    keep: set[Path] = set()
    daily, weekly, monthly = DAILY, WEEKLY, MONTHLY
    last_day: date | None = None
    last_week: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None
    recent = 0
    for b in sorted(backups, key=lambda b: (b.taken, b.path.name), reverse=True):
        day = b.taken.date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        month = (day.year, day.month)
        if day >= today and recent < RECENT_MAX:
            recent += 1
            kept = True
        elif daily and (last_day is None or day < last_day) and day < today:
            daily -= 1
            kept = True
        elif weekly and (last_week is None or week < last_week):
            weekly -= 1
            kept = True
        elif monthly and (last_month is None or month < last_month):
            monthly -= 1
            kept = True
        else:
            kept = False
        if kept:
            keep.add(b.path)
            last_day = min(day, last_day) if last_day else day
            last_week = min(week, last_week) if last_week else week
            last_month = min(month, last_month) if last_month else month
    return keep


def thin_backups(path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups retention no longer keeps; returns what went."""
    today = (now or datetime.now(UTC)).astimezone(UTC).date()
    if backup_dir(path).is_dir():
        _clear_stale_parts(backup_dir(path))
    backups = list_backups(path)
    keep = backups_to_keep(backups, today)
    gone = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            gone.append(b.path)
    return gone


# -- checking and restoring ---------------------------------------------------------
def check_backup(path: Path) -> CheckedBackup:
    """Open ``path`` read-only and prove it is a sound trainer store we can read."""
    from trainer.storage.migrate import known_revisions

    if not path.is_file():
        if not path.exists():
            raise StoreError(f"{path}: no such backup file")
        from trainer.domain.files import require_regular_file

        require_regular_file(path)  # says what it is instead: a FIFO, a device, a folder
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open: {_reason(exc)}") from None
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            raise StoreError(f"{path}: failed the integrity check ({ok[0][0]})")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise StoreError(f"{path}: has rows pointing at missing rows (foreign key check)")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = {"alembic_version", *COUNTED_TABLES} - tables
        if missing:
            raise StoreError(f"{path}: not a trainer store (no table {sorted(missing)[0]!r})")
        revs = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        if len(revs) != 1 or revs[0] not in known_revisions():
            raise StoreError(f"{path}: written by a newer trainer or damaged (schema {revs})")
        counts = {
            t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED_TABLES
        }
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a readable trainer store: {_reason(exc)}") from None
    finally:
        conn.close()
    if counts["profiles"] == 0:
        raise StoreError(f"{path}: holds no profile, so it is no backup of a used store")
    orphans = _orphan_reviews(path)
    if orphans:
        raise StoreError(f"{path}: {orphans} reviews belong to no card")
    return CheckedBackup(path, revs[0], counts)


def _orphan_reviews(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT count(*) FROM reviews r LEFT JOIN cards c ON c.id = r.card_id WHERE c.id IS NULL"
        ).fetchone()
        return int(row[0])
    finally:
        conn.close()


def restore(store_url: str | None, backup: Path, now: datetime | None = None) -> RestoreReport:
    """Replace the store at ``store_url`` with ``backup``, keeping the replaced store."""
    from trainer.storage import migrate
    from trainer.storage.engine import is_sqlite, make_engine, resolve_url

    checked = check_backup(backup)
    url = resolve_url(store_url)
    if not is_sqlite(url):
        raise StoreError("restoring into a PostgreSQL store is not supported here: use pg_restore")
    engine = make_engine(url)
    try:
        target = store_file(engine)
        if target is None:
            raise StoreError(f"{url}: only a SQLite file store can be restored into")
        if target.exists() and target.resolve() == backup.resolve():
            raise StoreError(f"{backup} is the store itself")
        replaced, damaged = (
            _keep_replaced(engine, target, now) if target.exists() else (None, False)
        )
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(target), timeout=15)
            try:
                dst.execute("PRAGMA busy_timeout=15000")
                src.backup(dst)
                ok = dst.execute("PRAGMA integrity_check").fetchall()
                if ok != [("ok",)]:
                    raise StoreError(f"{target}: integrity check failed after restore ({ok[0][0]})")
            finally:
                dst.close()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot restore {backup} into {target}: {_reason(exc)}") from None
        finally:
            src.close()
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    return RestoreReport(checked, replaced, damaged)


def _keep_replaced(engine: Engine, target: Path, now: datetime | None) -> tuple[Path, bool]:
    """Back up the store about to be replaced; a store too damaged for that is moved aside.

    Restoring is what a damaged store needs, so its damage must not stop it: the
    file (with its -wal and -shm) goes to ``backups/`` byte for byte, named
    ``<store>-<stamp>-damaged``, and the restore writes a fresh file.
    """
    try:
        made = backup_engine(engine, "before-restore", now)
    except StoreError:
        if _readable(target):
            raise
    else:
        assert made is not None
        return made, False
    engine.dispose()
    when = (now or datetime.now(UTC)).astimezone(UTC)
    folder = backup_dir(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"{backup_prefix(target)}-{when:%Y%m%d-%H%M%S}-{os.getpid()}-damaged"
        for side in ("-wal", "-shm", "-journal"):
            extra = Path(f"{target}{side}")
            if extra.exists():
                os.replace(extra, Path(f"{dest}{side}"))
        os.replace(target, dest)
        _fsync_dir(folder)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise StoreError(f"cannot move the damaged store {target} aside: {_reason(exc)}") from None
    return dest, True


def _readable(path: Path) -> bool:
    """Whether SQLite can read ``path`` as a database at all (quick check passes)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def store_counts(store: Store) -> dict[str, int]:
    from sqlalchemy import text

    with store.read() as conn:
        return {
            t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in COUNTED_TABLES
        }


# -- helpers -----------------------------------------------------------------------
def _publish(tmp: Path, folder: Path, stem: str, now: datetime, reason: str) -> Path:
    """Give the finished copy its real name without ever replacing another backup."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "backup"
    for n in range(1000):
        infix = f"-{n}" if n else ""
        dest = folder / f"{stem}-{stamp}{infix}-{reason}.sqlite3"
        try:
            os.link(tmp, dest)  # fails if the name is taken, unlike rename
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            if dest.exists():
                continue
            os.replace(tmp, dest)
            return dest
        tmp.unlink()
        return dest
    raise OSError(f"no free backup name for {stem}-{stamp}-{reason}")


def _clear_stale_parts(folder: Path, older_than: float = 3600.0) -> None:
    """Remove copies left half-made by a killed process."""
    cutoff = time.time() - older_than
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < cutoff:
                part.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync(path)


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc)
