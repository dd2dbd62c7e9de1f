"""The add dialog: deck and tags kept, cloze checked as you type, duplicates flagged."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Select, Static, TextArea

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import settle
from trainer.domain.model import DeckOptions, NoteKind
from trainer.services.browse import BrowseService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.add_note import AddNoteDialog, Remembered
from trainer.tui.screens.browser import BrowserScreen
from trainer.tui.screens.decks import DecksScreen

WIDE = (140, 40)


def _text(dialog: AddNoteDialog, selector: str) -> str:
    return str(dialog.query_one(selector, Static).render())


async def test_add_from_the_decks_screen_keeps_deck_and_tags(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2), "申论::手写", DeckOptions(enable_fuzz=False))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        await pilot.press("down")  # past the implicit parent 申论 to its sub-deck
        await pilot.press("n")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, AddNoteDialog)
        dialog.memory = Remembered()  # this test's own memory
        assert dialog.query_one("#add-deck", Input).value == "申论::手写"
        assert app.focused is dialog.query_one("#add-text", TextArea)
        await pilot.press(*"{{c1::共同富裕")
        await settle(app)
        assert "unclosed or malformed cloze" in _text(dialog, "#add-check")
        await pilot.press(*"}}是本质要求")
        await settle(app)
        assert _text(dialog, "#add-check") == ""
        dialog.query_one("#add-tags", Input).value = "金句 重点"
        await pilot.press("ctrl+s")
        await settle(app)
        assert "Added 1 note (1 card) to 申论::手写" in _text(dialog, "#add-done")
        # Fields cleared for the next note; deck and tags stay.
        assert dialog.query_one("#add-text", TextArea).text == ""
        assert dialog.query_one("#add-deck", Input).value == "申论::手写"
        assert dialog.query_one("#add-tags", Input).value == "金句 重点"
        # The same sentence again is flagged as a duplicate while typing.
        await pilot.press(*"{{c1::共同富裕}}是本质要求")
        await settle(app)
        assert "Duplicate: the same front is already in 申论::手写" in _text(dialog, "#add-dupe")
        dialog.query_one("#add-text", TextArea).text = ""
        # A Q&A note.
        dialog.query_one("#add-kind", Select).value = NoteKind.QA
        await settle(app)
        assert dialog.query_one("#add-prompt", Input).display
        assert not dialog.query_one("#add-text", TextArea).display
        dialog.query_one("#add-prompt", Input).value = "什么是新质生产力?"
        await pilot.press("ctrl+s")
        await settle(app)
        assert "the answer is empty" in _text(dialog, "#add-check")
        dialog.query_one("#add-answer", TextArea).text = "创新起主导作用的先进生产力"
        await pilot.press("ctrl+s")
        await settle(app)
        assert dialog.count == 2
        await pilot.press("escape")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
    found = BrowseService(store).search("deck:申论::手写 tag:金句 tag:重点", app.now())
    assert sorted(r.front for r in found) == ["[...]是本质要求", "什么是新质生产力?"]


async def test_add_from_the_browser_shows_the_new_card(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2), "Q", DeckOptions(enable_fuzz=False))
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("b")
        await settle(app)
        browser = app.screen
        assert isinstance(browser, BrowserScreen) and browser.total == 2
        await pilot.press("a")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, AddNoteDialog)
        assert dialog.query_one("#add-deck", Input).value == "Q"
        dialog.query_one("#add-kind", Select).value = NoteKind.LIST
        await settle(app)
        dialog.query_one("#add-prompt", Input).value = "三个要点"
        dialog.query_one("#add-items", TextArea).text = "监管\n\n诚信\n创新\n"
        await pilot.press("ctrl+s")
        await settle(app)
        await pilot.press("escape")
        await settle(app)
        assert app.screen is browser
        assert browser.total == 3
        assert any(r.back == "1. 监管\n2. 诚信\n3. 创新" for r in browser.rows)
