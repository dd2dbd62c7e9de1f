"""The deck list: counts, Enter to study, import, export, stats, palette."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input

from tests.conftest import BUNDLED_DECK, make_deck, qa_notes
from tests.tui.conftest import SIZE, screen_text, settle
from trainer.domain.model import DeckOptions
from trainer.services.decks import DeckService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.screens.article import ArticleScreen
from trainer.tui.screens.decks import DecksScreen
from trainer.tui.screens.stats import StatsScreen
from trainer.tui.screens.study import StudyScreen


async def test_counts_and_enter_studies(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(bundled, qa_notes(3), "B[red]x[/]", DeckOptions(enable_fuzz=False))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, DecksScreen)
        text = screen_text(app)
        assert [r.name for r in screen.rows] == ["B[red]x[/]", "申论", "申论::直播带货"]
        assert "  直播带货" in text and "申论" in text
        assert "B[red]x[/]" in text
        assert "Today: 23 new · 0 learning · 0 due" in text
        index = [r.name for r in screen.rows].index("B[red]x[/]")
        await pilot.press(*["down"] * index, "enter")
        await settle(app)
        assert isinstance(app.screen, StudyScreen)
        assert app.screen.deck == "B[red]x[/]"
        await pilot.press("space", "3", "escape")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        assert "Today: 22 new · 1 learning" in screen_text(app)


async def test_empty_store(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        assert "No decks yet" in screen_text(app)
        await pilot.press("enter", "x")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)


async def test_import_and_export(
    store: Store, make_app: Callable[..., TrainerApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("i")
        await settle(app)
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = str(BUNDLED_DECK)
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        assert [d.name for d in DeckService(store).decks()] == ["申论::直播带货"]
        assert app.screen.query_one(DataTable).row_count == 2  # 申论 and 直播带货 under it
        out = tmp_path / "out.toml"
        await pilot.press("x")  # on the parent, which holds only sub-decks
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        assert "申论 holds only sub-decks: export one of them." in [
            n.message for n in app._notifications
        ]
        await pilot.press("down", "x")
        await settle(app)
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await settle(app)
        assert out.exists() and "直播带货" in out.read_text(encoding="utf-8")
        said = [n.message for n in app._notifications if n.message.startswith("Exported")]
        assert said and " notes from 申论::直播带货 to " in said[-1], said  # as the CLI says it


async def test_import_error_is_a_notification(
    store: Store, make_app: Callable[..., TrainerApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("i")
        await settle(app)
        app.screen.query_one(Input).value = str(tmp_path / "missing[/].xyz")
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        messages = [n.message for n in app._notifications]
        assert any("missing[/].xyz" in m for m in messages)


async def test_keys_open_stats_article_and_help(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("s")
        await settle(app)
        assert isinstance(app.screen, StatsScreen)
        assert "Today" in screen_text(app)
        await pilot.press("escape", "a")
        await settle(app)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape", "escape")
        await settle(app)
        await pilot.press("question_mark")
        await settle(app)
        assert isinstance(app.screen, HelpDialog)
        assert "Import a deck file" in screen_text(app)


async def test_palette_has_each_action(bundled: Store, make_app: Callable[..., TrainerApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        await settle(app)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for wanted in (
            "Study selected deck",
            "Import deck file",
            "Export selected deck",
            "Make cards from an article",
            "Statistics",
            "Light / dark theme",
        ):
            assert wanted in titles


async def test_start_in_a_deck_and_theme_toggle(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("申论::直播带货")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        assert isinstance(app.screen, StudyScreen)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark


async def test_store_opens_in_a_worker_after_the_first_paint(bundled: Store, clock: object) -> None:
    from trainer.tui.app import build_app

    opened: list[Store] = []

    def opener() -> Store:
        opened.append(bundled)
        return bundled

    app = build_app(opener, clock, cursor_blink=False)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE):
        assert not opened or app.is_open  # the skeleton came first
        await settle(app)
        screen = app.screen
        assert isinstance(screen, DecksScreen) and screen.loads == 1
        assert opened == [bundled]
        assert "  直播带货" in screen_text(app)


async def test_store_that_cannot_open_ends_the_app_with_the_reason(clock: object) -> None:
    from trainer.domain.errors import TrainerError
    from trainer.tui.app import build_app

    def opener() -> Store:
        raise TrainerError("no deck named 'nope'")

    app = build_app(opener, clock, "nope", cursor_blink=False)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE):
        await settle(app)
    assert isinstance(app.open_error, TrainerError)
    assert app.return_code == 1


async def test_enter_pressed_while_the_decks_load_is_kept(bundled: Store, clock: object) -> None:
    """A key pressed before the counts are on screen acts once they are (not dropped)."""
    import threading

    from trainer.tui.app import build_app

    release = threading.Event()

    def opener() -> Store:
        release.wait(30)
        return bundled

    app = build_app(opener, clock, cursor_blink=False)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, DecksScreen) and screen.loads == 0
        await pilot.press("enter")  # while "Loading decks…" shows
        release.set()
        await settle(app)
        assert isinstance(app.screen, StudyScreen), [n.message for n in app._notifications]
        assert not [n for n in app._notifications if n.severity == "warning"]


async def test_first_paint_shows_quick_counts_before_the_store_opens(
    bundled: Store, clock: object
) -> None:
    """With the CLI's read-only count path the first frame has the counts, and the
    store opens behind it (the counts are the full path's)."""
    import threading

    from trainer.services.study import StudyService
    from trainer.tui.app import build_app

    release = threading.Event()
    expected = StudyService(bundled).tree(clock())  # type: ignore[operator]

    def opener() -> Store:
        release.wait(30)
        return bundled

    app = build_app(
        opener,  # type: ignore[arg-type]
        clock,  # type: ignore[arg-type]
        cursor_blink=False,
        quick_counts=lambda now: expected,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecksScreen) and screen.loads == 1
        assert not app.is_open
        assert "  直播带货" in screen_text(app) and "Loading" not in screen_text(app)
        await pilot.press("enter")
        release.set()
        await settle(app)
        assert app.is_open
        assert isinstance(app.screen, StudyScreen)
