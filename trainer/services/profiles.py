"""Learner profiles and their day boundary.

A profile's study day starts at ``rollover_hour`` local time in its zone
("next day starts at 4:00"); the zone defaults to the machine's. Changing them
affects limits and due-today from the next query on; review days already
logged keep the day they were logged on.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select, update

from trainer.domain.errors import TrainerError
from trainer.storage.models import PROFILES, REVIEWS
from trainer.storage.store import Profile, Store


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    name: str
    timezone: str
    rollover_hour: int
    reviews: int


def profiles(store: Store) -> list[ProfileInfo]:
    with store.read() as conn:
        counts: dict[int, int] = dict(
            conn.execute(
                select(REVIEWS.c.profile_id, func.count()).group_by(REVIEWS.c.profile_id)
            ).all()
        )
        rows = conn.execute(select(PROFILES).order_by(PROFILES.c.name)).all()
    return [
        ProfileInfo(r.name, r.timezone, r.rollover_hour, int(counts.get(r.id, 0))) for r in rows
    ]


def configure(
    store: Store, *, rollover_hour: int | None = None, timezone: str | None = None
) -> Profile:
    """Set the open profile's day boundary; returns the profile as now stored."""
    current = store.profile
    hour = current.rollover_hour if rollover_hour is None else rollover_hour
    zone = current.timezone if timezone is None else timezone
    if not 0 <= hour <= 23:
        raise TrainerError(f"the day must start at an hour from 0 to 23, not {hour}")
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise TrainerError(
                f"unknown time zone {zone!r} (use a name like Asia/Shanghai)"
            ) from None
    with store.write() as conn:
        conn.execute(
            update(PROFILES)
            .where(PROFILES.c.id == current.id)
            .values(rollover_hour=hour, timezone=zone)
        )
    store.profile = Profile(current.id, current.name, zone, hour)
    return store.profile
