"""Custom study from the decks screen against a real store."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Select, Static

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import settle
from trainer.domain.model import DeckOptions
from trainer.services.custom_study import SESSION
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.custom_study import CustomStudyDialog
from trainer.tui.screens.decks import DecksScreen
from trainer.tui.screens.study import StudyScreen

WIDE = (120, 36)


async def test_increase_todays_new_limit(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, qa_notes(30), "A", DeckOptions(enable_fuzz=False, new_per_day=5))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        decks = app.screen
        assert isinstance(decks, DecksScreen) and decks.rows[0].new == 5
        await pilot.press("c")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, CustomStudyDialog)
        assert dialog.query_one("#custom-number", Input).value == "10"
        await pilot.press("enter")
        await settle(app)
        assert app.screen is decks
        assert decks.rows[0].new == 15
        assert "A: 10 more new cards today" in [n.message for n in app._notifications]


async def test_study_by_search_opens_the_session(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(30), "A", DeckOptions(enable_fuzz=False, new_per_day=5))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("c")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, CustomStudyDialog)
        dialog.query_one("#custom-mode", Select).value = "search"
        await settle(app)
        assert dialog.query_one("#custom-query", Input).display
        dialog.query_one("#custom-query", Input).value = "问题1 or (("
        dialog.query_one("#custom-number", Input).value = "7"
        await pilot.press("ctrl+s")
        await settle(app)
        assert "bad search at position 9" in str(dialog.query_one("#custom-error", Static).render())
        dialog.query_one("#custom-query", Input).value = "问题1"  # 问题1, 问题10-19
        await pilot.press("ctrl+s")
        await settle(app)
        study = app.screen
        assert isinstance(study, StudyScreen) and study.deck == SESSION
        assert study.item is not None and study.item.counts.new == 7
