"""Deck tree (collapse, expand, capped counts) and the one undo stack across screens."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import settle
from trainer.domain.model import DeckOptions, Queue
from trainer.services.deck_admin import DeckAdmin
from trainer.services.study import StudyService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.screens.browser import BrowserScreen
from trainer.tui.screens.deck_options import DeckOptionsScreen
from trainer.tui.screens.decks import DecksScreen

WIDE = (100, 32)


def _opts(new: int) -> DeckOptions:
    return DeckOptions(new_per_day=new, enable_fuzz=False)


def _said(app: TrainerApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_tree_collapses_by_key_and_click_and_caps_parent_counts(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2, "p"), "申论", _opts(6))
    make_deck(store, qa_notes(5, "a"), "申论::直播带货", _opts(5))
    make_deck(store, qa_notes(5, "b"), "申论::网络直播", _opts(5))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        decks = app.screen
        assert isinstance(decks, DecksScreen)
        assert [(r.name, r.new) for r in decks.rows] == [
            ("申论", 6),  # min(2 + 5 + 5, 6): the parent's own limit caps it
            ("申论::直播带货", 5),
            ("申论::网络直播", 5),
        ]
        await pilot.press("minus")
        await settle(app)
        assert [r.name for r in decks.rows] == ["申论"] and decks.rows[0].collapsed
        assert StudyService(store).tree(app.now())[1][0].collapsed  # kept in the store
        await pilot.press("plus")
        await settle(app)
        assert len(decks.rows) == 3
        await pilot.press("down", "minus")  # on a sub-deck: its parent folds
        await settle(app)
        assert [r.name for r in decks.rows] == ["申论"]
        # A click on the ▾/▸ marker (first character of the first row) toggles it.
        await pilot.click("#decks-table", offset=(1, 1))
        await settle(app)
        assert len(decks.rows) == 3 and not decks.rows[0].collapsed
        assert isinstance(app.screen, DecksScreen)  # the click did not open the deck
        await pilot.click("#decks-table", offset=(1, 1))
        await settle(app)
        assert [r.name for r in decks.rows] == ["申论"]


async def test_one_undo_stack_across_screens(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "A", _opts(5))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("o")  # options: 5 → 9 new a day
        await settle(app)
        options = app.screen
        assert isinstance(options, DeckOptionsScreen)
        options.query_one("#opt-new_per_day", Input).value = "9"
        await pilot.press("ctrl+s")
        await settle(app)
        assert DeckAdmin(store).options("A").new_per_day == 9
        await pilot.press("escape")
        await settle(app)
        await pilot.press("b")  # the browser: suspend the first card
        await settle(app)
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        browser.query_one("#browse-table").focus()
        await pilot.press("exclamation_mark")
        await settle(app)
        suspended = StudyService(store).suspended("A")
        assert len(suspended) == 1
        await pilot.press("escape")
        await settle(app)
        decks = app.screen
        assert isinstance(decks, DecksScreen)
        await pilot.press("u")  # the newest: the browser's suspend
        await settle(app)
        assert _said(app)[-1] == "Undone: Suspended: 1 card"
        card = StudyService(store).card(suspended[0][0].id)
        assert card is not None and card.queue is Queue.NEW
        assert DeckAdmin(store).options("A").new_per_day == 9
        await pilot.press("ctrl+z")  # then the options change
        await settle(app)
        assert _said(app)[-1] == "Undone: options of A"
        assert DeckAdmin(store).options("A").new_per_day == 5
        assert decks.rows[0].new == 3
        await pilot.press("u")
        await settle(app)
        assert _said(app)[-1] == "Nothing to undo in this session."
        await pilot.press("ctrl+y")  # redo: the options change comes back first
        await settle(app)
        assert _said(app)[-1] == "Redone: options of A"
        assert DeckAdmin(store).options("A").new_per_day == 9


def test_first_paint_counts_are_the_stores_tree(store: Store, db_path: object) -> None:
    """The read-only first paint gives the tree the store gives: parents capped by
    their limits and a collapsed parent's sub-decks left out (it showed them all,
    uncapped, until the store opened)."""
    from datetime import UTC, datetime

    from trainer.tui.launch import quick_counts

    make_deck(store, qa_notes(2, "p"), "申论", _opts(6))
    make_deck(store, qa_notes(5, "a"), "申论::直播带货", _opts(5))
    make_deck(store, qa_notes(5, "b"), "申论::网络直播", _opts(5))
    study = StudyService(store)
    now = datetime(2026, 12, 6, 12, tzinfo=UTC)
    assert study.set_collapsed("申论", True)
    counter = quick_counts(str(db_path), store.profile.name)
    assert counter is not None
    found = counter(now)
    assert found is not None
    assert found[1] == study.tree(now)[1]
    assert [(r.name, r.new, r.collapsed) for r in found[1]] == [("申论", 6, True)]
