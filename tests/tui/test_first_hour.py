"""What a new user ran into in the first hour, in the app (Pilot, real store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from tests.tui.conftest import SIZE, settle
from trainer.services.decks import DeckService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.screens.decks import DecksScreen


def _messages(app: TrainerApp) -> list[str]:
    return [n.message for n in app._notifications]


# -- 3. importing an article ---------------------------------------------------------


async def test_import_key_refuses_an_article(
    store: Store, make_app: Callable[..., TrainerApp], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("官员直播带货\n\n第一段落说明背景。\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("i")
        await settle(app)
        app.screen.query_one(Input).value = str(article)
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        assert any("no tab-separated fields" in m and "`a`" in m for m in _messages(app))
    assert DeckService(store).decks() == []
