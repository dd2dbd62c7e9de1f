"""Practice scores for the statistics, kept light: no grader or generator to import,
so the stats screen and ``trainer stats`` open as fast without practice as with it."""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain.clock import DayClock, from_epoch
from trainer.storage import practice_repo
from trainer.storage.practice_repo import Attempt
from trainer.storage.store import Store

KINDS = ("问题", "原因", "对策", "意义", "理解")
"""Question types, in the order an exam asks them."""


@dataclass(frozen=True, slots=True)
class KindScore:
    """Practice scores of one question type, for the statistics."""

    kind: str
    attempts: int
    mean_coverage: float
    last_coverage: float
    over_limit: int
    by_day: tuple[tuple[str, float], ...]
    """(local date, mean coverage that day), oldest first."""


def practice_scores(attempts: list[Attempt], clock: object) -> list[KindScore]:
    assert isinstance(clock, DayClock)
    out = []
    for kind in KINDS:
        mine = [a for a in attempts if a.question_type == kind]
        if not mine:
            continue
        days: dict[int, list[float]] = {}
        for a in mine:
            days.setdefault(clock.day(from_epoch(a.answered_at)), []).append(a.coverage)
        out.append(
            KindScore(
                kind,
                len(mine),
                sum(a.coverage for a in mine) / len(mine),
                mine[-1].coverage,
                sum(1 for a in mine if a.char_limit and a.char_count > a.char_limit),
                tuple(
                    (clock.date_of(d).isoformat(), sum(v) / len(v)) for d, v in sorted(days.items())
                ),
            )
        )
    return out


def practice_report(store: Store) -> list[dict[str, object]]:
    """Practice scores per question type for the statistics (``trainer stats --json``'s
    ``practice``): attempts, mean and last coverage, answers over the limit, and the
    mean coverage per study day, oldest first."""
    with store.read() as conn:
        attempts = practice_repo.attempts(conn, store.profile.id)
    return [
        {
            "type": s.kind,
            "attempts": s.attempts,
            "mean_coverage": round(s.mean_coverage, 4),
            "last_coverage": round(s.last_coverage, 4),
            "over_limit": s.over_limit,
            "days": [{"date": d, "coverage": round(c, 4)} for d, c in s.by_day],
        }
        for s in practice_scores(attempts, store.clock)
    ]
