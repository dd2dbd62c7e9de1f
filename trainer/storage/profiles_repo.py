"""Profiles: the learners sharing one store (each with its own cards and review log)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.storage.driver import DriverConn

if TYPE_CHECKING:
    from sqlalchemy import Connection


def profile_ids(conn: DriverConn) -> list[int]:
    return [int(i) for (i,) in conn.exec_driver_sql("SELECT id FROM profiles").fetchall()]


def all_profiles(conn: Connection) -> list[Any]:
    """Every profile row (id, name, timezone, rollover_hour, created_at), by name."""
    from sqlalchemy import select

    from trainer.storage.models import PROFILES

    return list(conn.execute(select(PROFILES).order_by(PROFILES.c.name)).all())


def set_day_boundary(conn: Connection, profile_id: int, rollover_hour: int, timezone: str) -> None:
    from sqlalchemy import update

    from trainer.storage.models import PROFILES

    conn.execute(
        update(PROFILES)
        .where(PROFILES.c.id == profile_id)
        .values(rollover_hour=rollover_hour, timezone=timezone)
    )
