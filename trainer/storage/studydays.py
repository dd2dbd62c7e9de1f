"""Study days of UTC instants without a zone conversion per row.

Counting study days as 24-hour periods from today's start is off by an hour for
instants near a day boundary once a DST change lies between: the day after the
change starts an hour earlier or later. ``StudyDays`` finds the days whose
length is not 24 hours within a window (sampling the clock every two weeks and
bisecting where the day starts shift) and splits the window into segments:
within one segment ``(t - start - shift) // 86400`` is exact, and a day of 23 or
25 hours is its own segment. Zones without DST (China, UTC) have one segment, so
the SQL is the plain 24-hour division. Outside the window the nearest segment
is extended (off by at most the DST shift; windows reach ten years out).
"""

from __future__ import annotations

import bisect

from trainer.domain.clock import DayClock, to_epoch

DAY = 86400
STEP = 14
"""Sampling step in days; DST changes are further apart than this."""


class StudyDays:
    def __init__(self, clock: DayClock, today: int, first: int = -3660, last: int = 3660) -> None:
        """Segments for study days ``today + first`` .. ``today + last`` (offsets)."""
        self.today = today
        self.start = to_epoch(clock.day_start(today))
        self._clock = clock
        cache: dict[int, int] = {}

        def shift(i: int) -> int:
            if i not in cache:
                cache[i] = to_epoch(clock.day_start(today + i)) - self.start - i * DAY
            return cache[i]

        # (threshold epoch, fixed day offset or None, shift), ascending by threshold.
        self.segments: list[tuple[int, int | None, int]] = []
        base = shift(first)
        prev_i, prev_s = first, base
        while prev_i < last:
            i = min(prev_i + STEP, last)
            if shift(i) == prev_s:
                prev_i = i
                continue
            lo, hi = prev_i, i
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if shift(mid) == prev_s:
                    lo = mid
                else:
                    hi = mid
            # Day hi - 1 is not 24 hours long; day hi starts a segment with a new shift.
            self.segments.append((self.start + (hi - 1) * DAY + prev_s, hi - 1, prev_s))
            self.segments.append((self.start + hi * DAY + shift(hi), None, shift(hi)))
            prev_i, prev_s = hi, shift(hi)
        self.base_shift = base
        self._thresholds = [t for t, _, _ in self.segments]

    @property
    def plain(self) -> bool:
        """True when every day in the window is 24 hours long (no DST)."""
        return not self.segments and self.base_shift == 0

    def offset(self, epoch: int) -> int:
        """Study day of ``epoch`` as an offset from today."""
        k = bisect.bisect_right(self._thresholds, epoch) - 1
        if k < 0:
            return (epoch - self.start - self.base_shift) // DAY
        _, fixed, s = self.segments[k]
        if fixed is not None:
            return fixed
        return (epoch - self.start - s) // DAY

    def start_of(self, offset: int) -> int:
        """Epoch at which study day ``today + offset`` begins."""
        return to_epoch(self._clock.day_start(self.today + offset))

    def day(self, epoch: int) -> int:
        return self.today + self.offset(epoch)

    def sql_offset(self, column: str) -> str:
        """SQL for the study-day offset of ``column`` (epoch seconds) from today, for
        instants from today's start on (the caller handles earlier ones)."""
        plain = f"({column} - {self.start + self.base_shift}) / {DAY}"
        whens = []
        for threshold, fixed, s in reversed(self.segments):
            then = str(fixed) if fixed is not None else f"({column} - {self.start + s}) / {DAY}"
            whens.append(f"WHEN {column} >= {threshold} THEN {then}")
            if threshold <= self.start:
                break  # the segment holding today: earlier ones never apply
        return f"CASE {' '.join(whens)} ELSE {plain} END" if whens else plain
