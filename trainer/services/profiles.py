"""Learner profiles and their day boundary.

A profile's study day starts at ``rollover_hour`` local time in its zone
("next day starts at 4:00"); the zone defaults to the machine's. Changing
either moves every study day the store keeps, in the same transaction (after a
backup of a file store): each review's ``day`` is worked out again from its
time with the new boundary, so answers given today in the new zone count as
today's (stats, new-card and review limits); buried cards stay buried for as
many days as they had left; the statistics roll-up is rebuilt from the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection

from trainer.domain.clock import DayClock
from trainer.domain.errors import TrainerError
from trainer.storage import cards_repo, profiles_repo, reviews_repo
from trainer.storage.store import Profile, Store


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    name: str
    timezone: str
    rollover_hour: int
    reviews: int


def profiles(store: Store) -> list[ProfileInfo]:
    with store.read() as conn:
        counts = reviews_repo.counts_by_profile(conn)
        rows = profiles_repo.all_profiles(conn)
    return [
        ProfileInfo(r.name, r.timezone, r.rollover_hour, int(counts.get(r.id, 0))) for r in rows
    ]


def configure(
    store: Store,
    *,
    rollover_hour: int | None = None,
    timezone: str | None = None,
    now: datetime | None = None,
) -> Profile:
    """Set the open profile's day boundary; returns the profile as now stored.

    The study days stored with its reviews (and buried cards) move with it, in
    the same transaction; a file store is backed up first when it has reviews.
    """
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
    new = Profile(current.id, current.name, zone, hour)
    moved = (zone, hour) != (current.timezone, current.rollover_hour)
    if moved and _has_reviews(store):
        from trainer.services.backup import backup_engine

        backup_engine(store.engine, "before-day-change")
    with store.write() as conn:
        profiles_repo.set_day_boundary(conn, current.id, hour, zone)
        if moved:
            _move_days(conn, current.id, current.clock, new.clock, now or datetime.now(UTC))
    store.profile = new
    return store.profile


def _has_reviews(store: Store) -> bool:
    with store.read() as conn:
        return reviews_repo.has_reviews(conn, store.profile.id)


def _move_days(
    conn: Connection, profile_id: int, old: DayClock, new: DayClock, now: datetime
) -> int:
    """Study days after a change of day boundary; returns the reviews whose day moved."""
    from trainer.scheduling.fsrs_adapter import study_day_of_ms
    from trainer.storage import rollup_repo

    moved = reviews_repo.move_days(conn, profile_id, study_day_of_ms(new))
    shift = new.day(now) - old.day(now)
    if shift:  # "buried until tomorrow" stays tomorrow, in the new days
        cards_repo.shift_buried(conn, profile_id, shift)
    rollup_repo.rebuild(conn)
    return moved
