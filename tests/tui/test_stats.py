"""The statistics screen: StatsService's figures, charts, exam readiness, range and deck keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

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
        assert screen.data is not None and screen.data.today["reviews"] == 4
        text = screen_text(app)
        assert "Today  4 answers" in text
        assert "Exam   " in text and "target 90%" in text
        assert "Answers per day" in text and "Due, next 30 days" in text
        assert "D[b]x[/]" in screen.sub_title
        await pilot.press("r")
        await settle(app)
        assert screen.range == "3m" and screen.data.meta["range"] == "3m"
        await pilot.press("d")
        await settle(app)
        assert screen.deck is None and screen.data.meta["deck"] is None
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
    assert "1 answer in" in plain and "2 new" in plain


async def test_r_cycles_the_range_and_d_switches_deck_and_all(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    from datetime import timedelta

    make_deck(store, qa_notes(6), "申论[要点]", OPTS)
    make_deck(store, qa_notes(3, prefix="z"), "真题", OPTS)
    study = StudyService(store)
    for at, deck, n in ((clock.now - timedelta(days=40), "申论[要点]", 3), (clock.now, "真题", 2)):
        for _ in range(n):
            item = study.next_item(at, deck)
            assert item is not None
            study.answer(item.card.id, Rating.EASY, at, 3000)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("s")  # the deck under the cursor: 申论[要点] (first by name)
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StatsScreen)

        async def press(key: str) -> dict[str, Any]:
            await pilot.press(key)
            await settle(app)
            assert screen.data is not None
            return screen.data

        seen: list[tuple[str, int, str]] = []
        for key in ("", "r", "r", "r", "r"):
            data = await press(key) if key else screen.data
            assert data is not None
            seen.append((data.meta["range"], data.reviews["total"], str(screen.sub_title)))
        assert seen == [
            ("1m", 0, "Statistics · 申论[要点] · 1 month"),
            ("3m", 3, "Statistics · 申论[要点] · 3 months"),
            ("1y", 3, "Statistics · 申论[要点] · 1 year"),
            ("all", 3, "Statistics · 申论[要点] · all time"),
            ("1m", 0, "Statistics · 申论[要点] · 1 month"),
        ]
        assert "Answers 0 in" in screen_text(app) and "6 in all" in screen_text(app)

        data = await press("d")  # every deck: the answers of today in 真题 count too
        assert screen.deck is None and data.meta["deck"] is None
        assert screen.sub_title == "Statistics · all decks · 1 month"
        assert data.reviews["total"] == 2 and data.card_counts["total"] == 9
        assert "Answers 2 in" in screen_text(app) and "9 in all" in screen_text(app)
        data = await press("r")  # the range applies to every deck too
        assert data.meta["range"] == "3m" and data.reviews["total"] == 5

        data = await press("d")  # back to the deck chosen on the deck list
        assert screen.deck == "申论[要点]" and data.meta["deck"] == "申论[要点]"
        assert screen.sub_title == "Statistics · 申论[要点] · 3 months"
        assert data.reviews["total"] == 3 and data.card_counts["total"] == 6
        assert "Answers 3 in" in screen_text(app) and "6 in all" in screen_text(app)


def test_first_view_lines_come_from_the_queue_counts(store: Store, clock: Clock) -> None:
    from trainer.services.stats import StatsService
    from trainer.tui.screens.stats import first_view_content

    make_deck(store, qa_notes(3), "D", OPTS)
    answer_some(store, clock, 2)
    view = StatsService(store).first_view(None, "1m", clock.now)
    plain = first_view_content(view).plain
    assert "Today  2 answers" in plain
    assert "1 new · 2 learning · 0 review · 0 suspended · 0 buried · 3 in all" in plain
    assert "Exam" not in plain and "daily load" not in plain


async def test_a_first_open_paints_the_report_then_its_sections(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    """A first open shows the report without its sections table, then adds the table
    (and the exam line) without drawing the charts again."""
    make_deck(store, qa_notes(6), "D", OPTS)
    answer_some(store, clock, 4)
    PlanningService(store).set_exam(date(clock.now.year + 1, 1, 15), 0.9)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        painted: list[tuple[str, int]] = []
        original = StatsScreen._paint

        async def paint(self: StatsScreen, report: Any, exam: Any) -> None:
            painted.append(("paint", len(report.sections)))
            await original(self, report, exam)

        StatsScreen._paint = paint  # type: ignore[method-assign]
        try:
            await pilot.press("s")
            await settle(app)
        finally:
            StatsScreen._paint = original  # type: ignore[method-assign]
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert painted == [("paint", 0)]  # once, from the report without sections
        assert screen.data is not None and screen.data.sections
        assert screen.data == app.stats.report("D", "1m", clock.now)
        from textual.widgets import Static

        sections = str(screen.query_one("#stats-sections", Static).render())
        assert "Weakest sections" in sections, sections
        assert "Exam   " in screen_text(app)
