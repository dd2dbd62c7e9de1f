"""Study days: the local day boundary ("next day starts at 4:00").

All stored times are UTC; a learner sees local time. A *study day* is the local
date of ``t - rollover``, numbered by ``date.toordinal()`` so that days are plain
integers in the store and day arithmetic is subtraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

LEARN_AHEAD = timedelta(minutes=20)
"""Learning cards due this soon are shown when nothing else is left (Anki's default)."""


def local_zone(name: str = "") -> tzinfo:
    """The named IANA zone, or the machine's own zone when ``name`` is empty."""
    if name:
        return ZoneInfo(name)
    local = datetime.now().astimezone().tzinfo
    return local if local is not None else UTC


def utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError("naive datetime: scheduling takes aware UTC times")
    return dt.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class DayClock:
    zone: tzinfo = UTC
    rollover_hour: int = 4

    def day(self, at: datetime) -> int:
        """The study day that ``at`` falls in."""
        local = utc(at).astimezone(self.zone) - timedelta(hours=self.rollover_hour)
        return local.date().toordinal()

    def day_start(self, day: int) -> datetime:
        """UTC instant at which study day ``day`` begins."""
        local = datetime.combine(date.fromordinal(day), time(self.rollover_hour), self.zone)
        return local.astimezone(UTC)

    def next_day_start(self, at: datetime) -> datetime:
        return self.day_start(self.day(at) + 1)

    def local(self, at: datetime) -> datetime:
        return utc(at).astimezone(self.zone)

    @staticmethod
    def date_of(day: int) -> date:
        return date.fromordinal(day)


def to_epoch(dt: datetime) -> int:
    return int(utc(dt).timestamp())


def from_epoch(seconds: int | float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
