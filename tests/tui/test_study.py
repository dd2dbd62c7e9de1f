"""Pilot tests of the study screen against a real SQLite store and a pinned clock."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import SIZE, Clock, screen_text, settle
from trainer.domain.model import DeckOptions, Queue, Rating
from trainer.storage.models import CARDS, NOTES, REVIEWS
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.screens.study import Phase, StudyScreen
from trainer.tui.widgets.rating_bar import RatingBar

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False)


def review_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(REVIEWS)).scalar_one())


def queue_of(store: Store, card_id: int) -> Queue:
    with store.read() as conn:
        return Queue(conn.execute(select(CARDS.c.queue).where(CARDS.c.id == card_id)).scalar_one())


async def open_study(app: TrainerApp, pilot: object) -> StudyScreen:
    await settle(app)
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    return screen


async def test_reveal_with_space_and_enter(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        assert screen.phase is Phase.FRONT
        assert "问题0" in screen_text(app)
        assert "答案0" not in screen_text(app)
        assert "New 3" in screen_text(app)
        await pilot.press("space")
        assert screen.phase is Phase.BACK
        await pilot.pause()
        assert "答案0" in screen_text(app)
        await pilot.press("enter")  # Good on the answer side
        await settle(app)
        assert screen.phase is Phase.FRONT
        await pilot.press("enter")
        assert screen.phase is Phase.BACK


async def test_rate_each_button_shows_interval_and_commits(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(5), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        for key, expected in (("1", 1), ("2", 2), ("3", 3), ("4", 4)):
            await pilot.press("space")
            await pilot.pause()
            labels = [str(b.label) for b in screen.query_one(RatingBar).query("Button")]
            assert labels[0].startswith("1 Again · ") and labels[3].startswith("4 Easy · ")
            assert "1m" in labels[0]  # first learning step is one minute
            card_id = screen.item.card.id  # type: ignore[union-attr]
            await pilot.press(key)
            await settle(app)
            assert review_count(store) == expected
            assert screen.item is None or screen.item.card.id != card_id or key == "1"
        assert screen.session.answered == 4
        assert screen.session.again == 1
        assert len(app.answer_latencies_ms) == 4


async def test_rating_keys_ignored_on_front(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, pilot)
        await pilot.press("3")
        await settle(app)
        assert review_count(store) == 0


async def test_click_rating_button(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, qa_notes(2), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, pilot)
        await pilot.press("space")
        await pilot.click("#rate-3")
        await settle(app)
        assert review_count(store) == 1


async def test_undo_with_u_and_ctrl_z(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        first = screen.item.card.id  # type: ignore[union-attr]
        await pilot.press("u")  # nothing to undo yet
        await settle(app)
        assert screen.item.card.id == first  # type: ignore[union-attr]
        await pilot.press("space", "3")
        await settle(app)
        second = screen.item.card.id  # type: ignore[union-attr]
        await pilot.press("space", "4")
        await settle(app)
        assert review_count(store) == 2
        await pilot.press("u")
        await settle(app)
        assert review_count(store) == 1
        assert screen.item.card.id == second  # type: ignore[union-attr]
        assert screen.phase is Phase.FRONT
        await pilot.press("ctrl+z")
        await settle(app)
        assert review_count(store) == 0
        assert screen.item.card.id == first  # type: ignore[union-attr]
        assert queue_of(store, first) is Queue.NEW
        assert screen.session.answered == 0


async def test_bury_and_suspend(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        first = screen.item.card.id  # type: ignore[union-attr]
        await pilot.press("minus")
        await settle(app)
        assert queue_of(store, first) is Queue.BURIED
        second = screen.item.card.id  # type: ignore[union-attr]
        assert second != first
        await pilot.press("space", "exclamation_mark")
        await settle(app)
        assert queue_of(store, second) is Queue.SUSPENDED
        assert screen.item.card.id not in (first, second)  # type: ignore[union-attr]
        assert "New 1" in screen_text(app)


async def test_edit_note_in_place_keeps_guid(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        guid = screen.item.note.guid  # type: ignore[union-attr]
        await pilot.press("space", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditNoteDialog)
        from textual.widgets import Input

        dialog.query_one("#edit-prompt", Input).value = "改过的问题[x]"
        await pilot.press("ctrl+s")
        await settle(app)
        assert app.screen is screen
        assert screen.phase is Phase.BACK
        assert screen.item.note.prompt == "改过的问题[x]"  # type: ignore[union-attr]
        assert "改过的问题[x]" in screen_text(app)
        with store.read() as conn:
            prompt = conn.execute(select(NOTES.c.prompt).where(NOTES.c.guid == guid)).scalar_one()
        assert prompt == "改过的问题[x]"


async def test_edit_cancel_changes_nothing(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(1), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await settle(app)
        assert app.screen is screen
        assert screen.item.note.prompt == "问题0"  # type: ignore[union-attr]


async def test_source_paragraph_with_answer_highlighted(
    tricky: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("Tricky")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("s")  # front: only a hint
        await settle(app)
        assert not screen.query_one("#source").display or "测试文章" not in screen_text(app)
        await pilot.press("space", "s")
        await settle(app)
        text = screen_text(app)
        assert "测试文章" in text
        assert "[@click=app.quit]点我[/]" in text
        assert "第一段落" not in text  # only the card's paragraph
        await pilot.press("s")
        await settle(app)
        assert "测试文章" not in screen_text(app)


async def test_cloze_front_shows_placeholder_and_hint(
    tricky: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    app = make_app("Tricky")
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, pilot)
        seen: list[str] = []
        for _ in range(4):
            seen.append(screen_text(app))
            await pilot.press("space", "4")
            await settle(app)
        joined = "\n".join(seen)
        assert "变成[...]和数字竞赛" in joined
        assert "变成魅力秀场和[比什么]" in joined


async def test_done_for_today_shows_tomorrow(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(1), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space", "4")
        await settle(app)
        assert screen.phase is Phase.DONE
        text = screen_text(app)
        assert "Done for today" in text
        assert "This session: 1 card in" in text
        assert "Tomorrow:" in text
        await pilot.press("u")
        await settle(app)
        assert screen.phase is Phase.FRONT
        assert review_count(store) == 0


async def test_empty_deck(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, [], "Empty", OPTS)
    app = make_app("Empty")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        assert screen.phase is Phase.DONE
        assert "Nothing to study here yet" in screen_text(app)
        await pilot.press("space", "3", "minus", "exclamation_mark", "e", "s")
        await settle(app)
        assert screen.phase is Phase.DONE
        await pilot.press("escape")
        await settle(app)
        assert not isinstance(app.screen, StudyScreen)


async def test_help_lists_every_key(store: Store, make_app: Callable[..., TrainerApp]) -> None:
    make_deck(store, qa_notes(1), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, pilot)
        await pilot.press("question_mark")
        await settle(app)
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        for key in ("1 2 3 4", "u / ctrl+z", "-", "!", "e", "s", "t", "space / enter"):
            assert key in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)


async def test_leave_and_come_back_keeps_answers(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await open_study(app, pilot)
        await pilot.press("space", "3")
        await settle(app)
        await pilot.press("escape")
        await settle(app)
        assert "New" in screen_text(app)
    assert review_count(store) == 1


async def test_palette_commands_for_study(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(1), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        titles = {c.title for c in app.get_system_commands(screen)}
        assert {"Undo last action", "Bury card", "Suspend card", "Edit note"} <= titles
        command = next(c for c in app.get_system_commands(screen) if c.title == "Bury card")
        await pilot.press("space")
        await command.callback()  # type: ignore[misc]
        await settle(app)
        with store.read() as conn:
            buried = conn.execute(
                select(func.count()).where(CARDS.c.queue == int(Queue.BURIED))
            ).scalar_one()
        assert buried == 1


def test_rating_enum_matches_keys() -> None:
    assert [int(r) for r in Rating] == [1, 2, 3, 4]


async def test_learning_card_due_meanwhile_comes_before_the_prefetched_one(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    make_deck(store, qa_notes(4), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        first = screen.item.card.id  # type: ignore[union-attr]
        await pilot.press("space", "1")  # Again: back in a minute
        await settle(app)
        assert screen._next is not None and screen._next.item is not None
        assert screen._next.item.card.id != first  # the guess is the next new card
        clock.advance(minutes=2)
        await pilot.press("space", "3")
        await settle(app)
        assert screen.item is not None and screen.item.card.id == first
        assert "问题0" in screen_text(app)


async def test_prefetched_card_changed_elsewhere_is_replaced_by_the_real_head(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    from trainer.services.study import StudyService

    make_deck(store, qa_notes(4), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        assert screen._next is not None and screen._next.item is not None
        guessed = screen._next.item.card.id
        StudyService(store).suspend(guessed)  # another process, between look-ahead and answer
        await pilot.press("space", "3")
        await settle(app)
        assert review_count(store) == 1
        assert screen.item is not None and screen.item.card.id != guessed
        assert queue_of(store, screen.item.card.id) is Queue.NEW
        assert "问题2" in screen_text(app) and not screen.busy


async def test_keys_pressed_while_the_answer_commits_are_kept(
    store: Store, make_app: Callable[..., TrainerApp], db_path: Path
) -> None:
    """Another process holds the store's write lock, so the answer waits to commit:
    space pressed meanwhile shows the next card's answer once it is there, and a
    second rating pressed meanwhile rates nothing (the next card is not revealed)."""
    make_deck(store, qa_notes(4), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space")
        await pilot.pause()
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            await pilot.press("3")
            assert screen.busy
            await pilot.press("3", "space")  # the second 3 comes first: it is the one kept
            assert screen.busy and review_count(store) == 0
        finally:
            other.execute("ROLLBACK")
            other.close()
        await settle(app)
        assert review_count(store) == 1
        assert screen.phase is Phase.FRONT  # the kept key was the rating, not space
        assert "问题1" in screen_text(app)


async def test_space_pressed_while_the_next_card_loads_reveals_it(
    store: Store, make_app: Callable[..., TrainerApp], db_path: Path
) -> None:
    make_deck(store, qa_notes(4), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space")
        await pilot.pause()
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            await pilot.press("3", "space")
            assert screen.busy and screen.phase is Phase.BACK
        finally:
            other.execute("ROLLBACK")
            other.close()
        await settle(app)
        assert review_count(store) == 1 and screen.session.answered == 1
        assert screen.phase is Phase.BACK and not screen.busy
        assert screen.item is not None and "答案1" in screen_text(app)


async def test_the_answer_thread_ends_with_the_screen(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space", "3")
        await settle(app)
        assert any(t.name == "answers" for t in threading.enumerate())
        await pilot.press("escape")
        await settle(app)
        assert not isinstance(app.screen, StudyScreen)
        assert screen.controller.answers.wait_idle(10)
    for thread in threading.enumerate():
        if thread.name == "answers":
            thread.join(10)
    assert not any(t.name == "answers" for t in threading.enumerate())
    assert review_count(store) == 1


async def test_quitting_on_the_study_screen_ends_the_answer_thread(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        await pilot.press("space", "3")
        await settle(app)
        await pilot.press("ctrl+q")
    assert screen.controller.answers.wait_idle(10)
    for thread in threading.enumerate():
        if thread.name == "answers":
            thread.join(10)
    assert not any(t.name == "answers" for t in threading.enumerate())
    assert review_count(store) == 1


async def test_turning_the_card_is_one_layout_pass(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    """Showing the answer and showing the next card each lay the screen out once: the
    card's text and its view take their new height in that pass (no second pass for a
    size that changed), the counts line repaints in place, and the footer key that
    changes ("space Show answer" / "s Source") keeps its width, so no other key moves.
    (The first answer side is left out: the rating bar is laid out for the first time.)"""
    from textual.widgets._footer import FooterKey

    make_deck(store, qa_notes(6), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        for key in ("space", "3"):
            await pilot.press(key)
            await settle(app)
        passes: list[bool] = []
        layout = type(screen)._refresh_layout

        def counted(self: StudyScreen, *args: object, **kwargs: object) -> None:
            passes.append(True)
            layout(self, *args, **kwargs)  # type: ignore[arg-type]

        screen._refresh_layout = counted.__get__(screen)  # type: ignore[method-assign]
        for turn in range(3):
            keys = list(screen.query(FooterKey))
            places = [k.region for k in keys[1:]]
            for key in ("space", "3"):
                passes.clear()
                await pilot.press(key)
                await settle(app)
                assert len(passes) == 1, (turn, key, len(passes))
                assert [k.region for k in keys[1:]] == places  # only the first key changed
            assert screen.session.answered == turn + 2 and screen.phase is Phase.FRONT


async def test_a_card_taller_than_the_view_scrolls_and_wraps_beside_the_scrollbar(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    """The card's text takes its height without a second layout pass; a scrollbar that
    comes with a long answer (or goes with the next short card) still re-lays the text
    out at the width left beside it, and the answer's end can be scrolled to."""
    from trainer.domain.model import Note, NoteKind
    from trainer.tui.widgets.card_view import CardText, CardView

    long = "疫情期间，不少地方官员走进直播间为本地农产品代言，拉近了政府与群众的距离。" * 30
    notes = [Note("long", NoteKind.QA, prompt="问题一", answer=long + "最后一句。"), *qa_notes(2)]
    make_deck(store, notes, "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_study(app, pilot)
        view = screen.query_one(CardView)
        text = screen.query_one(CardText)
        full = view.scrollable_content_region.width
        seen = 0
        for _ in range(3):
            long_card = screen.item is not None and screen.item.note.guid == "long"
            await pilot.press("space")
            await settle(app)
            if long_card:
                seen += 1
                assert view.show_vertical_scrollbar
                assert view.scrollable_content_region.width < full
                assert text.region.right <= view.scrollable_content_region.right
                view.scroll_end(animate=False)
                await settle(app)
                assert "最后一句。" in screen_text(app)
            else:
                assert not view.show_vertical_scrollbar
                assert view.scrollable_content_region.width == full
            await pilot.press("3")
            await settle(app)
        assert seen == 1
