"""Plain SQL over either connection the store can hand out, without importing SQLAlchemy.

The answer path's statements are fixed strings with ``?`` parameters run with
``exec_driver_sql``. They run on a SQLAlchemy ``Connection`` (any backend), or,
for a SQLite file store opened for a scripted study session (``trainer drill``),
on ``LiteConnection``: the standard library's ``sqlite3`` with the engine's own
settings (busy timeout, foreign keys, ``synchronous=FULL``, ``BEGIN IMMEDIATE``
for writes), so such a run never imports SQLAlchemy (~200 ms of CPU) nor pays
its execution context around every statement. Both satisfy ``DriverConn``; rows
of either are tuples whose columns can also be read by name.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Iterator
from typing import Any, Protocol

BUSY_TIMEOUT_MS = 15_000
SYNCHRONOUS = "FULL"
"""An answer acknowledged to the student survives power loss, not only a crash."""
SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA synchronous={SYNCHRONOUS}",
)
"""Run on every new connection to a SQLite store, by the engine and by ``LiteConnection``."""


class DriverDialect(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def paramstyle(self) -> str: ...


class DriverResult(Protocol):
    """What the plain-SQL functions read from a statement's result."""

    @property
    def rowcount(self) -> int: ...

    def __iter__(self) -> Iterator[Any]: ...

    def first(self) -> Any: ...

    def one(self) -> Any: ...

    def scalar(self) -> Any: ...

    def scalar_one(self) -> Any: ...

    def fetchall(self) -> Any: ...

    def all(self) -> Any: ...


class DriverConn(Protocol):
    """A connection plain SQL runs on: SQLAlchemy's ``Connection`` or ``LiteConnection``."""

    @property
    def dialect(self) -> DriverDialect: ...

    def exec_driver_sql(self, statement: str, parameters: Any = None) -> DriverResult: ...


def driver_sql(conn: DriverConn, sql: str) -> str:
    """Plain SQL written with ``?`` in the connection's driver parameter style.

    The one place driver SQL (``exec_driver_sql``, used where a bulk statement
    must not pay for SQLAlchemy's per-row work) is adapted to the backend:
    SQLite's driver takes ``?``, psycopg takes ``%s``.
    """
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


class _SqliteDialect:
    name = "sqlite"
    paramstyle = "qmark"


_ROW_TYPES: dict[tuple[str, ...], Any] = {}
_LAST: list[Any] = [None, None]
"""The last statement's column description and its row maker: a statement's rows share
one description object (held here, so its identity cannot be taken by another)."""


def _named_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Any:
    """A row as a tuple whose columns are also attributes, as SQLAlchemy's rows are."""
    description = cursor.description
    if description is _LAST[0]:
        return _LAST[1](row)
    names = tuple(d[0] for d in description)
    kind: Any = _ROW_TYPES.get(names)
    if kind is None:
        kind = _ROW_TYPES[names] = namedtuple("Row", names, rename=True)  # type: ignore[misc]
    _LAST[0], _LAST[1] = description, kind._make
    return kind._make(row)


class LiteResult:
    """A statement's result on a ``LiteConnection`` (the part of SQLAlchemy's used here)."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)

    def first(self) -> Any:
        row = self._cursor.fetchone()
        self._cursor.close()
        return row

    def one(self) -> Any:
        rows = self._cursor.fetchall()
        if len(rows) != 1:
            raise sqlite3.ProgrammingError(f"expected one row, got {len(rows)}")
        return rows[0]

    def scalar(self) -> Any:
        row = self.first()
        return None if row is None else row[0]

    def scalar_one(self) -> Any:
        return self.one()[0]

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    def all(self) -> list[Any]:
        return self._cursor.fetchall()


class LiteConnection:
    """``exec_driver_sql`` on a ``sqlite3`` connection in autocommit mode (the store
    opens and ends each transaction itself)."""

    dialect: DriverDialect = _SqliteDialect()

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw
        raw.row_factory = _named_row

    def exec_driver_sql(self, statement: str, parameters: Any = None) -> LiteResult:
        if isinstance(parameters, list):  # many rows: SQLAlchemy's executemany convention
            return LiteResult(self.raw.executemany(statement, parameters))
        return LiteResult(self.raw.execute(statement, parameters or ()))
