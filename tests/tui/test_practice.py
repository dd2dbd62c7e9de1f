"""The practice screen with a pinned clock: countdown, live count, hand-in, time-out, rating;
and the 概括 drill screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable, Input, TextArea

from tests.conftest import REPO
from tests.tui.conftest import SIZE, Clock, screen_text, settle
from trainer.services.practice import PracticeService
from trainer.storage import decks_repo
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.screens.drill import DrillScreen
from trainer.tui.screens.practice import PracticeScreen

ARTICLE = (REPO / "tests" / "data" / "articles" / "zhonggong-duice.txt").read_text(encoding="utf-8")


def _article(store: Store, text: str = ARTICLE) -> None:
    with store.write() as conn:
        decks_repo.save_article(conn, "duice", "", text, "test")


async def _open(app: TrainerApp, pilot: object, **kwargs: object) -> PracticeScreen:
    await settle(app)
    screen = PracticeScreen("duice", **kwargs)  # type: ignore[arg-type]
    app.push_screen(screen)
    await settle(app)
    return screen


async def test_countdown_count_hand_in_and_rate(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    _article(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, kind="问题", minutes=10)
        text = screen_text(app)
        assert "概括材料中垃圾分类存在的问题" in text
        assert "10:00 left" in text
        assert "0/100 cells" in text
        clock.advance(minutes=2, seconds=30)
        screen.tick()
        await settle(app)
        assert "07:30 left" in screen_text(app)
        area = screen.query_one(TextArea)
        area.insert("一是居民分类意识淡薄；\n二是配套设施不完善。")
        await settle(app)
        assert "35/100 cells" in screen_text(app)  # the first line's row is counted whole
        await pilot.press("ctrl+s")
        await settle(app)
        result = screen.result
        assert result is not None and not result.timed_out
        assert result.seconds == 150
        text = screen_text(app)
        assert "✓ hit" in text and "✗ missed" in text
        assert "Model answer" in text
        assert "一是居民分类意识淡薄" in text
        await pilot.press("3")
        await settle(app)
        assert screen.rated == 3
        assert "comes back on" in screen_text(app)
    (attempt,) = PracticeService(store).history()
    assert attempt.rating == 3
    assert attempt.time_used_ms == 150_000
    assert attempt.answer.startswith("一是居民分类意识淡薄")


async def test_time_out_hands_the_answer_in(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    _article(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, kind="对策", minutes=5)
        screen.query_one(TextArea).insert("加强宣传教育")
        clock.advance(minutes=5, seconds=1)
        screen.tick()
        await settle(app)
        assert screen.result is not None and screen.result.timed_out
        assert "Time ran out" in screen_text(app)
        assert screen.query_one(TextArea).read_only
    (attempt,) = PracticeService(store).history()
    assert attempt.time_used_ms == 300_000
    assert attempt.answer == "加强宣传教育"


async def test_over_the_limit_is_shown_live(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    _article(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, kind="问题")
        screen.query_one(TextArea).insert("字" * 120)
        await settle(app)
        assert "120/100 cells over the limit" in screen_text(app)


async def test_markup_in_an_article_is_shown_as_text(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    text = (
        "[b]标题[/b]\n\n存在的问题\n\n一是[red]居民[/red]分类意识淡薄\x1b[2J。二是配套设施不完善。"
        "三是收运体系不健全。"
    )
    _article(store, text)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        assert screen.question is not None
        await pilot.press("ctrl+s")
        await settle(app)
        shown = screen_text(app)
        assert "[red]居民[/red]" in shown
        assert "\x1b" not in shown


async def test_no_questions(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    _article(store, "只有一句话。")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert "No question to practise here" in screen_text(app)


async def test_drill_find_group_name(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    _article(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, kind="问题")
        question = screen.question
        assert question is not None
        drill = DrillScreen(question)
        app.push_screen(drill)
        await settle(app)
        facts = [i for i, it in enumerate(drill.items) if it.category == "问题"]
        assert facts
        table = drill.query_one(DataTable)
        for i in facts:
            table.move_cursor(row=i)
            await pilot.press("1")
        await pilot.press("enter")
        await settle(app)
        field = drill.query_one("#name-1", Input)
        assert app.focused is field
        await pilot.press(*"分类意识淡薄等问题")
        await pilot.press("ctrl+s")
        await settle(app)
        result = drill.result
        assert result is not None
        assert result.found and not result.extra
        (group,) = result.groups
        assert group.category == "问题" and group.purity == 1.0
        assert group.name_kind_ok
        assert "居民分类意识淡薄" in group.name_points
        assert "Score" in screen_text(app)


async def test_stats_screen_shows_practice_scores(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    from trainer.tui.screens.stats import StatsScreen

    _article(store)
    service = PracticeService(store)
    question = service.questions("duice", "问题")[0]
    service.save(service.grade(question, "居民分类意识淡薄"), clock.now, 600)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        app.push_screen(StatsScreen())
        await settle(app)
        body = app.screen.query_one("#stats-body")
        body.scroll_end(animate=False)
        await pilot.pause()
        await settle(app)
        text = str(app.screen.query_one("#stats-practice").render())
        assert "Practice" in text and "问题" in text and "1 answer" in text
