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

from sqlalchemy import Connection, func, select, update

from trainer.domain.clock import DayClock
from trainer.domain.errors import TrainerError
from trainer.storage.models import CARDS, PROFILES, REVIEWS
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
        conn.execute(
            update(PROFILES)
            .where(PROFILES.c.id == current.id)
            .values(rollover_hour=hour, timezone=zone)
        )
        if moved:
            _move_days(conn, current.id, current.clock, new.clock, now or datetime.now(UTC))
    store.profile = new
    return store.profile


def _has_reviews(store: Store) -> bool:
    with store.read() as conn:
        found = conn.execute(
            select(REVIEWS.c.id).where(REVIEWS.c.profile_id == store.profile.id).limit(1)
        ).first()
    return found is not None


def _move_days(
    conn: Connection, profile_id: int, old: DayClock, new: DayClock, now: datetime
) -> int:
    """Study days after a change of day boundary; returns the reviews whose day moved."""
    from trainer.scheduling.fsrs_adapter import study_day_of_ms
    from trainer.storage import rollup_repo

    day_of = study_day_of_ms(new)
    rows = conn.execute(
        select(REVIEWS.c.id, REVIEWS.c.reviewed_at, REVIEWS.c.day).where(
            REVIEWS.c.profile_id == profile_id
        )
    )
    moved = [(day, rid) for rid, at, was in rows if (day := day_of(int(at))) != was]
    p = "?" if conn.dialect.name == "sqlite" else "%s"
    for i in range(0, len(moved), 5000):
        conn.exec_driver_sql(f"UPDATE reviews SET day = {p} WHERE id = {p}", moved[i : i + 5000])
    shift = new.day(now) - old.day(now)
    if shift:  # "buried until tomorrow" stays tomorrow, in the new days
        conn.execute(
            update(CARDS)
            .where(CARDS.c.profile_id == profile_id, CARDS.c.buried_until > 0)
            .values(buried_until=CARDS.c.buried_until + shift)
        )
    rollup_repo.rebuild(conn)
    return len(moved)
