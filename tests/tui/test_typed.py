"""Typed answers: point-by-point grading shown on screen, suggestion confirmed or overridden."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from textual.widgets import Input

from tests.conftest import make_deck
from tests.tui.conftest import SIZE, screen_text, settle
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating
from trainer.storage.models import REVIEWS
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.screens.study import Phase, StudyScreen

LIST = Note(
    "list1",
    NoteKind.LIST,
    prompt="官员直播带货中出现了哪三种乱象？",
    items=("真经念歪", "赶鸭子上架", "成本转嫁"),
)
QA = Note("qa1", NoteKind.QA, prompt="把直播变成什么？", answer="数字竞赛")


def ratings(store: Store) -> list[int]:
    with store.read() as conn:
        return [int(r) for r in conn.execute(select(REVIEWS.c.rating)).scalars()]


async def start(app: TrainerApp) -> StudyScreen:
    await settle(app)
    assert isinstance(app.screen, StudyScreen)
    return app.screen


async def test_deck_option_types_answers_and_grades_points(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [LIST], "T", DeckOptions(enable_fuzz=False, type_answers=True))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        typed = screen.query_one("#typed", Input)
        assert typed.display and app.focused is typed
        # Keys typed into the field never trigger the screen's bindings.
        await pilot.press(*"es1-!")
        assert typed.value == "es1-!"
        typed.value = "成本转嫁；真经念歪\n赶鸭子"
        await pilot.press("enter")
        await settle(app)
        assert screen.phase is Phase.BACK
        assert screen.suggested is Rating.HARD
        text = screen_text(app)
        assert "✓ 真经念歪" in text
        assert "◐ 赶鸭子上架" in text
        assert "✓ 成本转嫁" in text
        assert "suggested 2 Hard" in text
        await pilot.press("enter")  # confirm the suggestion
        await settle(app)
        assert ratings(store) == [2]


async def test_override_suggestion_with_a_number(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [LIST], "T", DeckOptions(enable_fuzz=False, type_answers=True))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        screen.query_one("#typed", Input).value = "不记得"
        await pilot.press("enter")
        await settle(app)
        assert screen.suggested is Rating.AGAIN
        assert "✗ 真经念歪" in screen_text(app)
        await pilot.press("3")
        await settle(app)
        assert ratings(store) == [3]


async def test_t_toggles_typing_and_short_answer_diff(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [QA], "T", DeckOptions(enable_fuzz=False))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        typed = screen.query_one("#typed", Input)
        assert not typed.display
        await pilot.press("t")
        await settle(app)
        assert typed.display and app.focused is typed
        await pilot.press(*"数学竞赛")
        await pilot.press("enter")
        await settle(app)
        text = screen_text(app)
        assert "diff: 数字学竞赛" in text
        assert "◐ 数字竞赛" in text or "✗ 数字竞赛" in text


async def test_escape_leaves_the_field_then_keys_work(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [QA], "T", DeckOptions(enable_fuzz=False, type_answers=True))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        await pilot.press("escape")
        assert app.screen is screen and app.focused is None
        await pilot.press("space")
        assert screen.phase is Phase.BACK


async def test_empty_typed_answer_just_reveals(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [QA], "T", DeckOptions(enable_fuzz=False, type_answers=True))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        await pilot.press("enter")
        await settle(app)
        assert screen.phase is Phase.BACK
        assert screen.suggested is None
        assert "数字竞赛" in screen_text(app)


PATHS = Note(
    "paths1",
    NoteKind.LIST,
    prompt="评论四:推动助农直播实现可持续、常态化、高质量发展的三条路径是什么?",
    items=("提升认知,扩大融入面", "完善机制,消除顾虑心", "强化培训,提升动力源"),
)


async def test_exact_answer_with_full_width_commas_is_three_of_three(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [PATHS], "T", DeckOptions(enable_fuzz=False, type_answers=True))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        field = screen.query_one("#typed", Input)
        field.value = "提升认知，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源"
        await pilot.press("enter")
        await settle(app)
        assert screen.suggested in (Rating.GOOD, Rating.EASY)
        text = screen_text(app)
        assert "3/3 points" in text
        assert "✓ 提升认知,扩大融入面" in text


async def test_strict_deck_fails_a_point_with_one_wrong_character_and_says_why(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, [PATHS], "T", DeckOptions(enable_fuzz=False, type_answers="strict"))
    app = make_app("T")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app)
        field = screen.query_one("#typed", Input)
        assert field.display  # strict is typing too
        field.value = "提升认识，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源"
        await pilot.press("enter")
        await settle(app)
        text = screen_text(app)
        assert "✗ 提升认知,扩大融入面" in text
        assert "2/3 points" in text
        assert screen.suggested is Rating.HARD
        assert "Hard: 2/3 recalled, 1 missed" in text
