"""The article screen: open a file or pasted text, preview, toggle, edit, add to a deck."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, TextArea

from tests.tui.conftest import SIZE, screen_text, settle
from trainer.services.decks import DeckService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.screens.article import ArticleScreen
from trainer.tui.widgets.note_row import NoteRow

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


async def open_article_screen(app: TrainerApp, pilot: object) -> ArticleScreen:
    await settle(app)
    await pilot.press("a")  # type: ignore[attr-defined]
    await settle(app)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


async def test_file_preview_toggle_edit_and_add(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    path = ARTICLES / "renmin-shiping.txt"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article_screen(app, pilot)
        screen.query_one(Input).value = str(path)
        await pilot.press("enter")
        await settle(app)
        rows = screen.rows()
        assert len(rows) >= 3
        assert "cards" in screen_text(app)
        assert app.focused is screen.query_one("#preview")
        # Switch the first card off.
        await pilot.press("space")
        assert rows[0].on is False
        # Edit the second card.
        await pilot.press("down", "e")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, EditNoteDialog)
        edited_guid = rows[1].note.guid
        if "#edit-prompt" in [f"#{w.id}" for w in dialog.query(Input)]:
            dialog.query_one("#edit-prompt", Input).value = "改过[的]提示"
        else:
            area = dialog.query_one("#edit-text", TextArea)
            area.text = area.text + "改过[的]提示"
        await pilot.press("ctrl+s")
        await settle(app)
        assert app.screen is screen
        assert "改过[的]提示" in (rows[1].note.prompt + rows[1].note.text)
        await pilot.press("ctrl+s")
        await settle(app)
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "文章卡片"
        await pilot.press("enter")
        await settle(app)
        assert app.screen is screen
    notes = DeckService(store).notes("文章卡片")
    assert len(notes) == len(rows) - 1
    assert rows[0].note.guid not in {n.guid for n in notes}
    edited = next(n for n in notes if n.guid == edited_guid)
    assert "改过[的]提示" in edited.prompt + edited.text
    article = notes[0].source.article
    assert DeckService(store).source_text(article) is not None


async def test_pasted_text(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    text = (ARTICLES / "zhonggong-duice.txt").read_text(encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article_screen(app, pilot)
        screen.query_one(TextArea).text = text
        await pilot.click("#open-paste")
        await settle(app)
        assert len(screen.query(NoteRow)) >= 1


async def test_bad_file_says_why(
    store: Store, make_app: Callable[..., TrainerApp], tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article_screen(app, pilot)
        screen.query_one(Input).value = str(tmp_path / "nope[/].txt")
        await pilot.press("enter")
        await settle(app)
        assert "Could not make cards" in screen_text(app)
        assert not screen.rows()
        await pilot.press("ctrl+s")
        await settle(app)
        assert app.screen is screen


async def test_a_long_article_shows_its_progress_while_cards_are_made(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    from textual.widgets import ProgressBar

    from trainer.generation import LONG_ARTICLE

    text = (ARTICLES / "renmin-shiping.txt").read_text(encoding="utf-8")
    long_text = "\n".join([text] * (LONG_ARTICLE // len(text) + 1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article_screen(app, pilot)
        bar = screen.query_one("#article-progress", ProgressBar)
        assert not bar.display  # hidden until a long article is read
        screen.query_one(TextArea).text = long_text
        await pilot.click("#open-paste")
        await settle(app)
        assert len(screen.rows()) >= 3
        assert bar.progress is not None and bar.progress > 0  # the stages were told
        assert not bar.display  # and it went away with the preview
