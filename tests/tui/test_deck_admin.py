"""Deck options screen, rename, move and delete (with undo) from the decks screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Checkbox, Input, Select, Static

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import settle
from trainer.domain.model import DeckOptions, LeechAction, Rating
from trainer.services.deck_admin import DeckAdmin
from trainer.services.decks import DeckService
from trainer.services.study import StudyService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.confirm import ConfirmDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.screens.deck_options import DeckOptionsScreen
from trainer.tui.screens.decks import DecksScreen

WIDE = (120, 40)


def _said(app: TrainerApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_options_screen_shows_and_saves(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(30), "A", DeckOptions(enable_fuzz=False, new_per_day=5))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("o")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, DeckOptionsScreen)
        assert screen.query_one("#opt-new_per_day", Input).value == "5"
        assert screen.query_one("#opt-learning_steps", Input).value == "1m 10m"
        assert screen.query_one("#opt-enable_fuzz", Checkbox).value is False
        screen.query_one("#opt-new_per_day", Input).value = "12"
        screen.query_one("#opt-learning_steps", Input).value = "2m 20m 1d"
        screen.query_one("#opt-leech_action", Select).value = "suspend"
        screen.query_one("#opt-desired_retention", Input).value = "1.2"
        await pilot.press("ctrl+s")
        await settle(app)
        error = str(screen.query_one("#options-error", Static).render())
        assert "desired_retention" in error and "between 0.7 and 0.99" in error
        assert DeckAdmin(store).options("A").new_per_day == 5  # nothing saved
        screen.query_one("#opt-desired_retention", Input).value = "0.85"
        await pilot.press("ctrl+s")
        await settle(app)
        assert screen.saved == 1
        opts = DeckAdmin(store).options("A")
        assert opts.new_per_day == 12 and opts.learning_steps == (120, 1200, 86400)
        assert opts.leech_action is LeechAction.SUSPEND and opts.desired_retention == 0.85
        # Joining a preset another deck uses takes its options.
        make_deck(store, qa_notes(2, "p"), "P", DeckOptions(new_per_day=3))
        DeckAdmin(store).set_preset("P", "共享")
        screen.query_one("#opt-preset", Input).value = "共享"
        await pilot.press("ctrl+s")
        await settle(app)
        assert DeckAdmin(store).options("A").new_per_day == 3
        assert screen.query_one("#opt-new_per_day", Input).value == "3"
        assert "Shared with: P" in str(screen.query_one("#options-fsrs", Static).render())
        await pilot.press("escape")
        await settle(app)
        decks = app.screen
        assert isinstance(decks, DecksScreen) and decks.rows[0].new == 3


async def test_rename_move_delete_and_undo(
    store: Store, make_app: Callable[..., TrainerApp], clock: object
) -> None:
    make_deck(store, qa_notes(3), "A", DeckOptions(enable_fuzz=False))
    make_deck(store, qa_notes(2, "b"), "B", DeckOptions(enable_fuzz=False))
    app = make_app()
    study = StudyService(store)
    first = study.queue(app.now(), "A")[0]
    study.answer(first.id, Rating.GOOD, app.now())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        decks = app.screen
        assert isinstance(decks, DecksScreen)
        await pilot.press("R")
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "申论"
        await pilot.press("enter")
        await settle(app)
        assert [r.name for r in decks.rows] == ["B", "申论"]
        await pilot.press("down", "M")
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "B"
        await pilot.press("enter")
        await settle(app)
        assert [r.name for r in decks.rows] == ["B", "B::申论"]
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app)
        assert [r.name for r in decks.rows] == ["B"]
        assert "Deleted B::申论 (3 cards)" in _said(app)
        await pilot.press("u")
        await settle(app)
        assert [r.name for r in decks.rows] == ["B", "B::申论"]
        assert decks.rows[1].learning == 1  # the answer came back with it
        await pilot.press("u")  # the move
        await settle(app)
        assert [d.name for d in DeckService(store).decks()] == ["B", "申论"]
        await pilot.press("u", "u")
        await settle(app)
        assert [d.name for d in DeckService(store).decks()] == ["A", "B"]
        assert "Nothing to undo in this session." in _said(app)
