"""The statistics screen: StatsService's figures, charts, exam readiness, range and deck keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import SIZE, SMALL, Clock, screen_text, settle
from trainer.domain.model import DeckOptions, Rating
from trainer.services.planning import PlanningService
from trainer.services.study import StudyService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.screens.stats import StatsScreen, summary_content

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False)


def answer_some(store: Store, clock: Clock, n: int) -> None:
    study = StudyService(store)
    for i in range(n):
        item = study.next_item(clock.now)
        assert item is not None
        study.answer(item.card.id, Rating.AGAIN if i % 3 == 0 else Rating.GOOD, clock.now, 4000)


async def test_figures_charts_and_exam_line(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    make_deck(store, qa_notes(6), "D[b]x[/]", OPTS)
    answer_some(store, clock, 4)
    PlanningService(store).set_exam(date(clock.now.year + 1, 1, 15), 0.9)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("s")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.data is not None and screen.data["today"]["reviews"] == 4
        text = screen_text(app)
        assert "Today  4 answers" in text
        assert "Exam   " in text and "target 90%" in text
        assert "Answers per day" in text and "Due, next 30 days" in text
        assert "D[b]x[/]" in screen.sub_title
        await pilot.press("r")
        await settle(app)
        assert screen.range == "3m" and screen.data["meta"]["range"] == "3m"
        await pilot.press("d")
        await settle(app)
        assert screen.deck is None and screen.data["meta"]["deck"] is None
        await pilot.press("escape")
        await settle(app)
        assert not isinstance(app.screen, StatsScreen)


async def test_no_exam_no_line_and_small_terminal(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2), "D", OPTS)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        await pilot.press("s")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.exam is None
        text = screen_text(app)
        assert "Exam" not in text and "Today  0 answers" in text


def test_summary_counts_after_an_answer_come_from_stats_service(store: Store, clock: Clock) -> None:
    from trainer.services.stats import StatsService

    make_deck(store, qa_notes(3), "D", OPTS)
    answer_some(store, clock, 1)
    data = StatsService(store).report(None, "1m", clock.now)
    plain = summary_content(data, None).plain
    assert "1 answers" in plain and "2 new" in plain
