"""The library, outline, recitation and bank screens over a real store (Pilot)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import DataTable, Input, TextArea, Tree
from textual.widgets.text_area import Selection

from tests.tui.conftest import SIZE, screen_text, settle
from trainer.services.banks import quotes
from trainer.storage import decks_repo, library_repo
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.screens.banks import BankDrillScreen, BankScreen
from trainer.tui.screens.library import (
    LibraryScreen,
    OutlineScreen,
    RecitationScreen,
    location_of,
)


async def _until(app: TrainerApp, ready: Callable[[], bool]) -> None:
    """Settle until ``ready()`` (a load posts its result after the worker ends)."""
    for _ in range(50):
        await settle(app)
        if ready():
            await settle(app)
            return
    raise AssertionError("the screen never finished loading:\n" + screen_text(app))


async def _library(app: TrainerApp, pilot: object) -> LibraryScreen:
    await settle(app)
    await pilot.press("l")  # type: ignore[attr-defined]
    await settle(app)
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await _until(app, lambda: screen.loaded)
    return screen


async def _outline(app: TrainerApp, pilot: object) -> OutlineScreen:
    await _library(app, pilot)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app)
    screen = app.screen
    assert isinstance(screen, OutlineScreen)
    await _until(app, lambda: screen.outline is not None)
    return screen


async def test_library_lists_articles_with_topics_and_progress(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library(app, pilot)
        await _until(app, lambda: "疫情背景下的直播带货景象" in screen_text(app))
        text = screen_text(app)
        assert "网络治理" in text
        assert screen.rows[0].cards > 0
        # Filter by a theme the article does not have: nothing listed.
        await pilot.press("slash")
        screen.query_one(Input).value = "养老"
        await pilot.press("enter")
        await settle(app)
        assert screen.shown_rows == []
        await pilot.press("slash")
        screen.query_one(Input).value = "网络"
        await pilot.press("enter")
        await settle(app)
        assert len(screen.shown_rows) == 1


async def test_outline_shows_claims_points_cards_and_paragraph(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _outline(app, pilot)
        assert screen.outline is not None
        root = screen.outline.root
        assert root.role == "中心论点"
        roles = {n.role for n in root.walk()}
        assert "分论点" in roles and "对策" in roles
        assert root.all_cards(), "the article's cards hang on its outline"
        await _until(app, lambda: "分论点" in screen_text(app))
        assert "中心论点" in screen_text(app)
        tree: Tree[object] = screen.query_one(Tree)
        assert tree.root.children
        # Down to a point, then p shows its paragraph in the source view.
        await pilot.press("down", "down", "down")
        node = screen.node()
        assert node is not None
        await pilot.press("p")
        await settle(app)
        area = screen.query_one(TextArea)
        assert area.has_class("shown")
        start, end = node.paragraph if node.paragraph[1] else (0, 0)
        if end:
            assert area.text == screen.outline.article.text[start:end]
        await pilot.press("escape")
        assert not area.has_class("shown")


async def test_recite_the_structure_grades_point_by_point(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _outline(app, pilot)
        tree = screen.query_one(Tree)
        # The first 分论点 and what backs it.
        first = tree.root.children[0]
        tree.move_cursor(first)
        await pilot.pause()
        await pilot.press("r")
        await settle(app)
        recite = app.screen
        assert isinstance(recite, RecitationScreen)
        points = recite.points
        assert len(points) >= 2
        typed = "\n".join(p.point for p in points[:-1])
        recite.query_one(TextArea).text = typed
        await pilot.press("ctrl+s")
        await settle(app)
        assert recite.result is not None
        marks = [r.mark.value for r in recite.result.points]
        assert marks[: len(points) - 1] == ["✓"] * (len(points) - 1)
        assert marks[-1] == "✗"
        assert "% of the points" in screen_text(app) and "✓" in screen_text(app)
        assert 0 < recite.result.coverage < 1


async def test_selecting_a_phrase_makes_a_cloze_card_in_one_key(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _outline(app, pilot)
        assert screen.outline is not None
        text = screen.outline.article.text
        await pilot.press("v")
        await settle(app)
        area = screen.query_one(TextArea)
        assert area.text == text
        phrase = "公信力"
        at = text.index(phrase)
        area.selection = Selection(location_of(text, at), location_of(text, at + len(phrase)))
        await pilot.press("c")
        await settle(app)
    with bundled.read() as conn:
        made = [
            c.note
            for c in library_repo.cards_of(conn, bundled.profile.id, ["zhibo-daihuo"])
            if "{{c1::公信力}}" in c.note.text
        ]
    assert len(made) == 1
    note = made[0]
    assert note.source.article == "zhibo-daihuo"
    assert text[note.source.start : note.source.end] == note.text.replace(
        "{{c1::公信力}}", "公信力"
    )
    assert "关键词" in note.tags


async def test_banks_list_switch_and_drill_both_ways(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    first = quotes(bundled)[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("t")
        await settle(app)
        bank = app.screen
        assert isinstance(bank, BankScreen) and bank.bank == "term"
        await pilot.press("t")
        await settle(app)
        assert bank.bank == "quote"
        await _until(app, lambda: first.text[:10] in screen_text(app))
        assert bank.query_one(DataTable).row_count == len(quotes(bundled))
        # `/` filters the bank; an empty filter shows every entry again.
        await pilot.press("slash")
        bank.query_one(Input).value = "没有这样的句子"
        await pilot.press("enter")
        await settle(app)
        assert bank.shown_entries == []
        await pilot.press("slash")
        bank.query_one(Input).value = ""
        await pilot.press("enter")
        await settle(app)
        assert len(bank.shown_entries) == len(quotes(bundled))
        bank.query_one(DataTable).focus()
        # Context → key words, answered right.
        await pilot.press("d")
        await settle(app)
        drill = app.screen
        assert isinstance(drill, BankDrillScreen)
        assert "＿" in drill.drill.prompt
        drill.query_one(Input).value = "".join(drill.drill.expected)
        await pilot.press("enter")
        await settle(app)
        assert drill.graded is not None and drill.graded.coverage == 1.0
        await pilot.press("escape")
        await settle(app)
        # Key words → the sentence, strict: one word changed is not exact.
        await pilot.press("s", "D")
        await settle(app)
        drill = app.screen
        assert isinstance(drill, BankDrillScreen) and drill.strict
        sentence = drill.drill.expected[0]
        drill.query_one(Input).value = sentence
        await pilot.press("enter")
        await settle(app)
        assert drill.graded is not None and drill.graded.coverage == 1.0


async def test_titles_and_sentences_are_data_not_markup(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    from tests.conftest import make_deck
    from trainer.domain.model import Note, NoteKind, SourceRef

    text = "[b]标题[/b]\n\n乡村振兴要靠人才。[red]乡村[/red]振兴\x1b[2J需要产业。"
    with store.write() as conn:
        decks_repo.save_article(conn, "mk", "[b]乡村[/b]\x1b]0;x\x07振兴", text, "t")
    make_deck(
        store,
        [
            Note(
                "mk-c",
                NoteKind.CLOZE,
                text="[red]乡村[/red]{{c1::振兴}}\x1b[2J需要产业。",
                tags=("金句",),
                source=SourceRef("mk", "p1", "", 0, len(text)),
            )
        ],
        "MK",
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _library(app, pilot)
        await _until(app, lambda: "振兴" in screen_text(app))
        shown = screen_text(app)
        assert "[b]乡村[/b]␛]0;x␇振兴" in shown
        assert "\x1b" not in shown
        await pilot.press("escape")
        await settle(app)
        await pilot.press("t")
        await settle(app)
        await pilot.press("t")
        await _until(app, lambda: "产业" in screen_text(app))
        shown = screen_text(app)
        assert "[red]乡村[/red]振兴␛[2J需要产业。" in shown


@pytest.mark.parametrize("key", ["l", "t"])
async def test_empty_store_screens_say_so(
    store: Store, make_app: Callable[..., TrainerApp], key: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press(key)
        await settle(app)
        text = screen_text(app)
        assert ("No articles yet" in text) if key == "l" else ("0 terms" in text)
