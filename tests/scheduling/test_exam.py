"""Exam planning on a small deck with a pinned clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from tests.conftest import make_deck, qa_notes
from tests.stats.helpers import card_ids, graduate
from trainer.domain.clock import DayClock
from trainer.domain.model import Card, CardState, DeckOptions, Queue
from trainer.scheduling import exam, fsrs_adapter
from trainer.services.planning import PlanningService
from trainer.storage.store import Store

DECAY = fsrs_adapter.decay_of(DeckOptions())


def test_readiness_mean_r_and_below_target() -> None:
    cards = [
        exam.MemoryCard(1, 10.0, 5.0, 100, 110, ("tag:a",)),  # 10 days at exam -> R = 0.9
        exam.MemoryCard(2, 100.0, 5.0, 100, 200, ("tag:a",)),
        exam.MemoryCard(3, None, None, None, None, ("tag:b",)),
    ]
    r = exam.readiness(cards, 110, 105, 0.9, DECAY)
    r2 = fsrs_adapter.forgetting_curve(10, 100.0, DECAY)
    assert abs(r.mean_r - (0.9 + r2) / 3) < 1e-9
    assert r.below_target == 1 and r.new_cards == 1 and r.days_left == 5
    assert r.by_group["tag:b"] == (1, 0.0, 1)


def _step(s: float, d: float, elapsed: int) -> tuple[float, float]:
    return s * 2.5, d


def test_plan_reaches_target_and_introduces_new_cards_early() -> None:
    today, exam_day = 1000, 1060
    cards = [exam.MemoryCard(i, 3.0, 5.0, 998, 1001) for i in range(5)]
    cards += [exam.MemoryCard(100 + i, None, None, None, None) for i in range(106)]
    p = exam.plan(cards, exam_day, today, 0.9, DECAY, _step, (2.0, 5.0))
    assert len(p.days) == 60 and p.days[0][0] == today
    assert p.new_per_day == 2  # 106 new cards over 53 days
    assert sum(n for _, _, n in p.days) == 106
    assert all(n == 0 for d, _, n in p.days if d > exam_day - exam.MATURE_MARGIN - 1)
    assert p.below_target == 0 and p.projected_mean_r >= 0.9
    assert sum(r for _, r, _ in p.days) > 0


def test_pull_forward_moves_a_review_due_after_the_exam() -> None:
    clock = DayClock(UTC, 4)
    last = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    card = Card(
        1,
        "g",
        0,
        1,
        CardState.REVIEW,
        Queue.REVIEW,
        last + timedelta(days=40),
        stability=40.0,
        difficulty=5.0,
        last_review=last,
    )
    opts = DeckOptions(exam_date=date(2026, 3, 30), exam_target=0.95)
    moved = exam.pull_forward(card, opts, clock)
    assert moved.due is not None and moved.due < card.due  # type: ignore[operator]
    gap = clock.date_of(clock.day(moved.due)) - date(2026, 3, 2)
    assert timedelta(days=1) <= gap < timedelta(days=28)
    assert exam.pull_forward(card, replace(opts, exam_date=None), clock) == card
    assert exam.pull_forward(card, replace(opts, exam_target=0.7), clock) == card


def test_service_readiness_plan_and_cram(any_store: Store, now: datetime) -> None:
    store = any_store
    make_deck(store, qa_notes(6))
    ids = card_ids(store)
    for i, cid in enumerate(ids[:4]):
        graduate(store, cid, now - timedelta(days=5 + i))
    svc = PlanningService(store)
    assert svc.readiness(None, now) is None
    svc.set_exam(date(2026, 4, 1), 0.9)
    summary = svc.readiness_summary(None, now)
    assert summary is not None
    assert summary["days_left"] == 30 and summary["cards"] == 6 and summary["new_cards"] == 2
    assert summary["below_target"] >= 2
    plan = svc.plan(None, now)
    assert plan is not None and len(plan.days) == 30
    assert sum(n for _, _, n in plan.days) == 2 and plan.below_target == 0
    weakest = [c.id for c, _ in svc.cram(None, now)]
    assert weakest[0] == ids[3] and len(weakest) == 4  # oldest review first; new cards skipped
    before = {c.id: c for c in (svc.cram(None, now)[i][0] for i in range(4))}
    assert {c.id: c for c, _ in svc.cram(None, now)} == before
    svc.clear_exam()
    assert svc.readiness(None, now) is None
