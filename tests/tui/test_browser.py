"""The card browser against a real store: search box, table, sort, marks, actions, undo."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable, Input

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import SIZE, screen_text, settle
from trainer.domain.model import DeckOptions, Queue
from trainer.services.browse import BrowseService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.confirm import ConfirmDialog
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.screens.browser import BrowserScreen, deck_query
from trainer.tui.screens.decks import DecksScreen
from trainer.tui.screens.study import StudyScreen

WIDE = (140, 36)


def _said(app: TrainerApp) -> list[str]:
    return [n.message for n in app._notifications]


def _browser(app: TrainerApp) -> BrowserScreen:
    screen = app.screen
    assert isinstance(screen, BrowserScreen)
    return screen


async def test_b_on_the_decks_screen_browses_the_deck(
    bundled: Store, make_app: Callable[..., TrainerApp], clock: object
) -> None:
    make_deck(bundled, qa_notes(3), "Other", DeckOptions(enable_fuzz=False))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        decks = app.screen
        assert isinstance(decks, DecksScreen)
        index = [r.name for r in decks.rows].index("申论::直播带货")
        await pilot.press(*["down"] * index, "b")
        await settle(app)
        browser = _browser(app)
        assert browser.query_one(Input).value == 'deck:"申论::直播带货"'
        expected = BrowseService(bundled).count("deck:申论::直播带货", app.now())
        assert browser.total == expected > 3
        assert all(r.deck == "申论::直播带货" for r in browser.rows)
        text = screen_text(app)
        assert f"{expected} cards" in text
        assert "Front" in text and "Deck" in text and "Due" in text
        await pilot.press("escape")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)


async def test_typing_a_query_searches_and_a_bad_one_names_the_position(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        browser = _browser(app)
        await pilot.press("slash")
        assert app.focused is browser.query_one(Input)
        browser.query_one(Input).value = ""
        await pilot.press(*"tag:金句 is:new")
        await settle(app)
        want = BrowseService(bundled).search("tag:金句 is:new", app.now(), limit=None)
        assert [r.card_id for r in browser.rows] == [r.card_id for r in want]
        assert all("金句" in r.tags for r in browser.rows)
        await pilot.press("space", "(")
        await settle(app)
        assert browser.error == "bad search at position 15: '(' is never closed"
        assert "bad search at position 15" in screen_text(app)
        assert [r.card_id for r in browser.rows] == [r.card_id for r in want]  # kept
        await pilot.press("backspace", "backspace")
        await settle(app)
        assert browser.error == ""
        # Escape leaves the search box for the table, a second Escape leaves the screen.
        await pilot.press("escape")
        assert app.focused is browser.query_one(DataTable)


async def test_sorting_by_column_and_preview(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        browser = _browser(app)
        await pilot.press("o")  # added → due
        await settle(app)
        assert browser.sort == "due" and not browser.reverse
        positions = [r.position for r in browser.rows]
        assert positions == sorted(positions)
        await pilot.press("o")  # due again: reversed
        await settle(app)
        assert browser.reverse
        positions = [r.position for r in browser.rows]
        assert positions == sorted(positions, reverse=True)
        assert "Due ▼" in screen_text(app)
        row = browser.current()
        assert row is not None
        assert "Back" in screen_text(app)


async def test_mark_suspend_and_undo(bundled: Store, make_app: Callable[..., TrainerApp]) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        browser = _browser(app)
        first, second = browser.rows[0].card_id, browser.rows[1].card_id
        await pilot.press("space", "space")
        assert browser.marked == {first, second}
        assert "2 marked" in screen_text(app)
        await pilot.press("exclamation_mark")
        await settle(app)
        service = BrowseService(bundled)
        found = service.search("is:suspended", app.now())
        assert {r.card_id for r in found} == {first, second}
        assert "Suspended: 2 cards" in _said(app)
        await pilot.press("exclamation_mark")  # all marked are suspended: unsuspend
        await settle(app)
        assert service.count("is:suspended", app.now()) == 0
        await pilot.press("u")  # back to suspended
        await settle(app)
        assert service.count("is:suspended", app.now()) == 2
        await pilot.press("u")  # back to how it began
        await settle(app)
        assert service.count("is:suspended", app.now()) == 0
        await pilot.press("u")
        await settle(app)
        assert "Nothing to undo in this session." in _said(app)


async def test_tag_move_and_delete_with_confirmation(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        browser = _browser(app)
        card = browser.rows[0]
        await pilot.press("t")
        assert isinstance(app.screen, PromptDialog)
        await pilot.press(*"背诵 重点", "enter")
        await settle(app)
        service = BrowseService(bundled)
        assert [r.card_id for r in service.search("tag:背诵 tag:重点", app.now())] == [card.card_id]
        await pilot.press("m")
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "申论::背诵"
        await pilot.press("enter")
        await settle(app)
        moved = service.search("deck:申论::背诵", app.now())
        assert [r.card_id for r in moved] == [card.card_id]
        browser.query_one(Input).value = "deck:申论::背诵"
        await settle(app)
        assert [r.card_id for r in browser.rows] == [card.card_id]
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(app)
        assert service.count("deck:申论::背诵", app.now()) == 1
        await pilot.press("delete", "y")
        await settle(app)
        assert service.count("deck:申论::背诵", app.now()) == 0
        assert browser.total == 0
        with bundled.read() as conn:  # the note is retired, its card kept
            from trainer.storage import cards_repo

            kept = cards_repo.get_card(conn, card.card_id)
        assert kept is not None and kept.queue is Queue.RETIRED
        await pilot.press("u")
        await settle(app)
        assert service.count("deck:申论::背诵", app.now()) == 1


async def test_forget_set_due_and_edit(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, qa_notes(3), "Q", DeckOptions(enable_fuzz=False))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        browser = _browser(app)
        assert browser.total == 3
        await pilot.press("D")
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "5"
        await pilot.press("enter")
        await settle(app)
        service = BrowseService(store)
        due = service.search("prop:due=5", app.now())
        assert [r.card_id for r in due] == [browser.rows[0].card_id]
        assert due[0].interval_days == 5
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app)
        assert service.count("is:new", app.now()) == 3
        await pilot.press("e")
        await settle(app)
        assert isinstance(app.screen, EditNoteDialog)
        app.screen.query_one("#edit-prompt", Input).value = "改过的问题"
        await pilot.press("ctrl+s")
        await settle(app)
        assert [r.front for r in service.search("prompt:改过的问题", app.now())] == ["改过的问题"]
        assert "改过的问题" in screen_text(app)


async def test_b_while_studying_opens_the_browser_on_the_card(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("申论::直播带货")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        study = app.screen
        assert isinstance(study, StudyScreen) and study.item is not None
        shown = study.item.card.id
        await pilot.press("b")
        await settle(app)
        browser = _browser(app)
        assert browser.query_one(Input).value == deck_query("申论::直播带货")
        current = browser.current()
        assert current is not None and current.card_id == shown
        await pilot.press("exclamation_mark")  # suspend the card being studied
        await settle(app)
        await pilot.press("escape")
        await settle(app)
        study = app.screen
        assert isinstance(study, StudyScreen)
        assert study.item is not None and study.item.card.id != shown


def test_due_date_answers() -> None:
    from datetime import date

    from trainer.tui.screens.browser import due_days

    today = date(2026, 3, 2).toordinal()
    assert due_days("0", today) == 0
    assert due_days(" 12 ", today) == 12
    assert due_days("2026-03-05", today) == 3
    assert due_days("2026-03-01", today) is None
    assert due_days("soon", today) is None
    assert due_days("-1", today) is None


def test_deck_query_escapes_wildcards_and_quotes() -> None:
    from trainer.domain.search import DeckIs, parse

    assert parse(deck_query('a_b*"c')) == DeckIs('a\\_b\\*"c')
    assert deck_query(None) == ""


async def test_small_terminal(bundled: Store, make_app: Callable[..., TrainerApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        assert _browser(app).total > 0
