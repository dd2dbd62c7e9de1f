from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from trainer.domain.clock import DayClock


def test_day_starts_at_rollover_hour_local() -> None:
    clock = DayClock(ZoneInfo("Asia/Shanghai"), 4)
    # 03:59 Shanghai on 3 March belongs to 2 March; 04:00 starts 3 March.
    before = datetime(2026, 3, 2, 19, 59, tzinfo=UTC)
    after = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    assert clock.date_of(clock.day(before)).isoformat() == "2026-03-02"
    assert clock.date_of(clock.day(after)).isoformat() == "2026-03-03"
    assert clock.day_start(clock.day(after)) == after
    assert clock.next_day_start(before) == after


def test_dst_day_is_23_hours() -> None:
    clock = DayClock(ZoneInfo("Europe/Berlin"), 4)
    day = clock.day(datetime(2026, 3, 29, 12, 0, tzinfo=UTC))
    # The study day labelled 28 March (04:00 CET to 04:00 CEST) loses an hour.
    length = clock.day_start(day) - clock.day_start(day - 1)
    assert length.total_seconds() == 23 * 3600
