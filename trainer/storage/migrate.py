"""Bring a store to the current schema, or refuse it.

A store is upgraded in place, never recreated. A database that is not ours, or
one written by a newer trainer, is refused before anything is written. Alembic
is imported only when the store is not already at ``HEAD_REVISION``, so opening
an up-to-date store costs one small query.

A new (empty) store is created at the head in one step: the models' tables
(``models.METADATA``) and Alembic's version table stamped with ``HEAD_REVISION``,
without importing Alembic or replaying every migration. A test keeps a store made
that way identical in schema to one migrated step by step, on SQLite and
PostgreSQL; asking for an explicit ``target`` always runs the migrations.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    inspect,
    text,
)
from sqlalchemy.exc import DatabaseError

from trainer.domain.errors import StoreError
from trainer.storage.revision import HEAD_REVISION

OUR_TABLES = {"profiles", "decks", "notes", "cards", "reviews", "articles"}
CREATE_LOCK = (0x7472, 0)
"""PostgreSQL advisory lock keys held while a new store's schema is created."""

VERSION_TABLE = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)
"""Alembic's own version table, as its ``MigrationContext`` creates it."""


def current_revision(conn: Connection) -> str | None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StoreError(
                f"{_where(conn)} is not a trainer database (it has tables {sorted(tables)[:5]})"
            )
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) != 1:
        raise StoreError(f"{_where(conn)} has a damaged version table")
    return str(rows[0])


def _where(conn: Connection) -> str:
    url = conn.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def _alembic_config(conn: Connection) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "trainer.storage:migrations")
    cfg.attributes["connection"] = conn
    return cfg


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "trainer.storage:migrations")
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def upgrade(
    engine: Engine,
    before_upgrade: Callable[[str | None], None] | None = None,
    target: str = "head",
) -> str | None:
    """Migrate to ``target``; returns the revision found before, if any.

    ``before_upgrade`` runs when a migration is about to happen on an existing
    store (the backup hook), with the revision found.
    """
    try:
        with engine.connect() as conn:
            found = current_revision(conn)
    except DatabaseError as exc:
        from trainer.storage.engine import open_error

        raise open_error(engine.url, exc) from None
    if found == HEAD_REVISION and target == "head":
        return found
    if found is None and target == "head":
        found = _create_at_head(engine)
        if found is None or found == HEAD_REVISION:
            return found
    if found is not None and found not in known_revisions():
        raise StoreError(
            f"{_where_engine(engine)} was written by a newer trainer (schema {found}); "
            "upgrade trainer to open it"
        )
    if found is not None and before_upgrade is not None:
        before_upgrade(found)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), target)  # type: ignore[arg-type]
    return found


def _create_at_head(engine: Engine) -> str | None:
    """Create an empty store's schema at ``HEAD_REVISION`` in one transaction.

    Returns None when it did; when another process created the store meanwhile
    (the check is repeated under the write lock), the revision it found.
    """
    from trainer.storage.models import METADATA

    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            a, b = CREATE_LOCK
            conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": a, "b": b})
        found = current_revision(conn)
        if found is not None:
            return found
        METADATA.create_all(conn, checkfirst=False)
        VERSION_TABLE.create(conn, checkfirst=False)
        conn.execute(VERSION_TABLE.insert().values(version_num=HEAD_REVISION))
    return None


def _where_engine(engine: Engine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)
