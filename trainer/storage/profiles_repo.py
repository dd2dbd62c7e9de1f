"""Profiles: the learners sharing one store (each with its own cards and review log)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from trainer.storage.models import PROFILES


def profile_ids(conn: Connection) -> list[int]:
    return list(conn.execute(select(PROFILES.c.id)).scalars())


def all_profiles(conn: Connection) -> list[Any]:
    """Every profile row (id, name, timezone, rollover_hour, created_at), by name."""
    return list(conn.execute(select(PROFILES).order_by(PROFILES.c.name)).all())


def set_day_boundary(conn: Connection, profile_id: int, rollover_hour: int, timezone: str) -> None:
    conn.execute(
        update(PROFILES)
        .where(PROFILES.c.id == profile_id)
        .values(rollover_hour=rollover_hour, timezone=timezone)
    )
