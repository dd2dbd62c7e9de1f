"""What a new user ran into in the first hour, in the app (Pilot, real store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, TextArea

from tests.conftest import make_deck, qa_notes
from tests.tui.conftest import SIZE, Clock, screen_text, settle
from trainer.domain.model import DeckOptions, Queue, Rating
from trainer.services.decks import DeckService
from trainer.services.study import StudyService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.screens.decks import DecksScreen
from trainer.tui.screens.stats import StatsScreen
from trainer.tui.screens.study import Phase, StudyScreen
from trainer.tui.widgets.stats_charts import StatsCharts

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False)


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


# -- 4. parent decks -------------------------------------------------------------------


async def test_study_a_parent_studies_its_sub_decks(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(bundled, qa_notes(2), "申论::网络直播", DeckOptions(enable_fuzz=False))
    app = make_app("申论")
    async with app.run_test(size=SIZE):
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert screen.item is not None
        assert screen.item.counts.new == 22
        assert screen.item.deck.name.startswith("申论::")


async def test_decks_screen_shows_the_tree_and_enter_on_a_parent_studies_it(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(bundled, qa_notes(2), "申论::网络直播", DeckOptions(enable_fuzz=False))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, DecksScreen)
        assert [(r.name, r.new) for r in screen.rows] == [
            ("申论", 22),
            ("申论::直播带货", 20),
            ("申论::网络直播", 2),
        ]
        text = screen_text(app)
        assert "  直播带货" in text and "  网络直播" in text
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, StudyScreen) and app.screen.deck == "申论"
        assert app.screen.item is not None and app.screen.item.counts.new == 22


# -- 5. undo reverses the last action ---------------------------------------------------


def _queue(store: Store, card_id: int) -> Queue:
    card = StudyService(store).card(card_id)
    assert card is not None
    return card.queue


async def test_u_after_bury_and_suspend_undoes_them_not_the_answer(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(4), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.item is not None
        answered = screen.item.card.id
        await pilot.press("space", "3")
        await settle(app)
        buried = screen.item.card.id  # type: ignore[union-attr]
        await pilot.press("minus")
        await settle(app)
        suspended = screen.item.card.id  # type: ignore[union-attr]
        await pilot.press("exclamation_mark")
        await settle(app)
        assert _queue(store, suspended) is Queue.SUSPENDED
        await pilot.press("u")
        await settle(app)
        assert _messages(app)[-1] == "Undone: suspend"
        assert _queue(store, suspended) is Queue.NEW
        assert screen.item.card.id == suspended  # type: ignore[union-attr]
        await pilot.press("u")
        await settle(app)
        assert _messages(app)[-1] == "Undone: bury"
        assert _queue(store, buried) is Queue.NEW
        assert _queue(store, answered) is Queue.LEARNING  # the answer stays
        assert screen.item.card.id == buried  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await settle(app)
        assert _messages(app)[-1] == "Undone: answer (Good)"
        assert _queue(store, answered) is Queue.NEW
        assert screen.session.answered == 0


async def test_undo_survives_leaving_the_study_screen(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.item is not None
        first = screen.item.card.id
        await pilot.press("space", "4", "minus", "escape")
        await settle(app)
        assert isinstance(app.screen, DecksScreen)
        await pilot.press("u")  # on the deck list: the bury
        await settle(app)
        assert _messages(app)[-1] == "Undone: bury"
        await pilot.press("enter")  # back into the deck
        await settle(app)
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("u")  # the answer given on the earlier study screen
        await settle(app)
        assert _messages(app)[-1] == "Undone: answer (Easy)"
        assert _queue(store, first) is Queue.NEW
        assert app.screen.item is not None and app.screen.item.card.id == first
        await pilot.press("u")
        await settle(app)
        assert _messages(app)[-1] == "Nothing to undo in this session."


# -- 6. the edit dialog ------------------------------------------------------------------


async def test_edit_dialog_types_into_the_first_field_and_the_card_refreshes(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(2), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.item is not None
        await pilot.press("e")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, EditNoteDialog)
        prompt = dialog.query_one("#edit-prompt", Input)
        assert dialog.focused is prompt
        await pilot.press(*"改", "tab", *"x", "shift+tab", *"好")
        assert prompt.value == "问题0改好"  # typed at the end; Tab selected nothing
        assert dialog.query_one("#edit-answer", TextArea).text == "答案0x"
        await pilot.press("ctrl+s")
        await settle(app)
        assert app.screen is screen
        assert screen.item.note.prompt == "问题0改好"
        assert "问题0改好" in screen_text(app)
        assert _messages(app)[-1] == "Note saved"
        await pilot.press("u")
        await settle(app)
        assert _messages(app)[-1] == "Undone: edit"
        assert screen.item.note.prompt == "问题0"
        assert "问题0改好" not in screen_text(app) and "问题0" in screen_text(app)


async def test_edit_dialog_cloze_text_has_the_focus_at_its_end(
    tricky: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("Tricky")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        while screen.item is not None and screen.item.note.kind.value != "cloze":
            await pilot.press("minus")
            await settle(app)
        assert screen.item is not None
        await pilot.press("e")
        await settle(app)
        area = app.screen.query_one("#edit-text", TextArea)
        assert app.screen.focused is area
        await pilot.press("好")
        assert area.text.endswith("。好")


# -- 8. buried cards in tomorrow's count and in the card-count bars ------------------------


async def test_done_screen_counts_cards_buried_until_tomorrow(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    make_deck(store, qa_notes(4), "D", OPTS)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await pilot.press("space", "4", "minus", "minus", "minus")
        await settle(app)
        assert screen.phase is Phase.DONE
        text = screen_text(app)
        assert "Tomorrow: 0 reviews · 3 new cards" in text
        assert "This session: 1 card in" in text and "since it began" in text
        assert "spent answering" in text
    study = StudyService(store)
    clock.advance(days=1)
    assert study.counts(clock.now, "D").new == 3  # they did come back


async def test_done_screen_counts_a_buried_review_for_tomorrow(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    make_deck(store, qa_notes(2), "D", OPTS)
    study = StudyService(store)
    first = study.queue(clock.now, "D", limit=1)[0].id
    study.answer(first, Rating.EASY, clock.now)
    card = study.card(first)
    assert card is not None and card.due is not None
    clock.now = card.due  # the review is due now
    study.bury(first, clock.now)
    app = make_app("D")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("minus")  # the other card, new
        await settle(app)
        assert "Tomorrow: 1 review · 1 new card" in screen_text(app)


async def test_stats_card_bars_include_buried_and_add_up(
    store: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    make_deck(store, qa_notes(5), "D", OPTS)
    study = StudyService(store)
    a, b, c = (card.id for card in study.queue(clock.now, "D", limit=3))
    study.answer(a, Rating.GOOD, clock.now)
    study.bury(b, clock.now)
    study.suspend(c)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("s")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.data is not None
        counts = screen.data.card_counts
        bars = dict(getattr(screen.query_one(StatsCharts), "count_bars", []))
        assert bars["buried"] == 1 and bars["susp."] == 1
        assert sum(bars.values()) == counts["total"] == 5
        assert "Cards (5)" in screen_text(app)


# -- friction: footer, help, rating bar, keys while typing ----------------------------------


def _footer(app: TrainerApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_footer_fits_80_columns_and_drops_show_answer_on_the_back(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("申论::直播带货")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        footer = _footer(app)
        assert "space Show answer" in footer
        assert "? Keys" in footer and "esc Decks" in footer
        await pilot.press("space")
        await settle(app)
        footer = _footer(app)
        assert "Show answer" not in footer
        assert "s Source" in footer and "? Keys" in footer and "esc Decks" in footer
        await pilot.press("space")  # space on the answer side still confirms
        await settle(app)
        assert isinstance(app.screen, StudyScreen) and app.screen.session.answered == 1


async def test_footer_keys_change_in_place_between_front_and_back(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    """Front, back, next front: the footer's key widgets are the ones it started with
    (relabelled, not rebuilt), and they say and do what the phase allows."""
    from textual.widgets._footer import FooterKey

    app = make_app("申论::直播带货")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        keys = list(screen.query(FooterKey))
        front = [(k.key, k.description) for k in keys]
        assert ("space", "Show answer") in front and all(k.key != "s" for k in keys)
        await pilot.press("space")
        await settle(app)
        assert list(screen.query(FooterKey)) == keys
        back = [(k.key, k.description) for k in keys]
        assert ("s", "Source") in back and all(k.description != "Show answer" for k in keys)
        assert "s Source" in _footer(app) and "Show answer" not in _footer(app)
        await pilot.press("3")
        await settle(app)
        assert screen.session.answered == 1 and screen.phase is Phase.FRONT
        assert list(screen.query(FooterKey)) == keys
        assert [(k.key, k.description) for k in keys] == front
        assert "space Show answer" in _footer(app)
        reveal = next(k for k in keys if k.description == "Show answer")
        await pilot.click(reveal)  # a relabelled key still does what it says
        await settle(app)
        assert screen.phase is Phase.BACK


async def test_help_dialog_scrolls_at_60x20(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("申论::直播带货")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app)
        await pilot.press("question_mark")
        await settle(app)
        dialog = app.screen
        assert isinstance(dialog, HelpDialog)
        scroll = dialog.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0
        assert "This list" not in screen_text(app)
        await pilot.press("end")
        await settle(app)
        assert scroll.scroll_y == scroll.max_scroll_y
        assert "This list" in screen_text(app)


async def test_rating_bar_stays_on_one_line_at_60_columns(
    bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("申论::直播带货")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app)
        await pilot.press("space")
        await settle(app)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "1 Again" in line)
        assert all(label in row for label in ("2 Hard", "3 Good", "4 Easy"))
        assert "1m" in row and "8d" in row
        below = lines[lines.index(row) + 1]
        assert not below.strip()


async def test_ctrl_z_and_minus_belong_to_the_typing_field(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(store, qa_notes(3), "D", DeckOptions(enable_fuzz=False, type_answers=True))
    app = make_app("D")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await pilot.press("enter")  # empty field: show the answer
        await settle(app)
        await pilot.press("3")
        await settle(app)
        assert screen.session.answered == 1 and screen.phase is Phase.FRONT
        field = screen.query_one("#typed", Input)
        assert screen.focused is field
        footer = _footer(app)
        assert "Bury" not in footer and "Undo" not in footer and "Show answer" not in footer
        await pilot.press(*"答案", "minus", "ctrl+z")
        await settle(app)
        assert field.value == "答案-"  # the typing stays, and - went into it
        assert screen.session.answered == 1  # ctrl+z did not take back the answer
        assert _messages(app)[-1:] != ["Undone: answer (Good)"]
        await pilot.press("escape")  # leave the field: the screen's keys come back
        await settle(app)
        assert "Undo" in _footer(app)
        await pilot.press("u")
        await settle(app)
        assert _messages(app)[-1] == "Undone: answer (Good)"


# -- friction: the theme is kept between runs -----------------------------------------------


async def test_theme_is_kept_in_the_settings_file(
    bundled: Store, clock: Clock, tmp_path: Path
) -> None:
    from trainer.tui.app import build_app

    settings = tmp_path / "config" / "config.toml"
    app = build_app(bundled, clock, cursor_blink=False, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        await settle(app)
        assert app.theme == "textual-light"
    assert 'theme = "textual-light"' in settings.read_text(encoding="utf-8")
    again = build_app(bundled, clock, cursor_blink=False, settings=settings)
    async with again.run_test(size=SIZE):
        await settle(again)
        assert again.theme == "textual-light"
    settings.write_text("theme = [broken", encoding="utf-8")  # a broken file means defaults
    third = build_app(bundled, clock, cursor_blink=False, settings=settings)
    async with third.run_test(size=SIZE):
        await settle(third)
        assert third.theme == "textual-dark"


def test_the_command_keeps_settings_in_the_user_config_dir(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("TRAINER_CONFIG", "XDG_CONFIG_HOME")}
    env["HOME"] = str(tmp_path)
    code = "from trainer.cli.study import make_app; app = make_app(None); print(app.settings)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    if sys.platform.startswith("linux"):
        assert out.stdout.strip() == str(tmp_path / ".config" / "trainer" / "config.toml")


# -- friction: export prompt default and file modes ------------------------------------------


async def test_export_prompt_defaults_to_a_file_in_the_home_folder(
    bundled: Store,
    make_app: Callable[..., TrainerApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("down", "x")
        await settle(app)
        field = app.screen.query_one(Input)
        assert field.value == str(home / "申论-直播带货.toml")
        await pilot.press("enter")
        await settle(app)
        assert (home / "申论-直播带货.toml").exists()
        await pilot.press("x")
        await settle(app)
        app.screen.query_one(Input).value = "out.csv"  # relative: to the home folder too
        await pilot.press("enter")
        await settle(app)
    assert (home / "out.csv").exists() and not (tmp_path / "out.csv").exists()


# -- friction: the article preview keeps its focus; Home and End -----------------------------

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


async def test_article_preview_tab_cycle_and_end_key(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    from textual.widgets import ListView

    from trainer.tui.screens.article import ArticleScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("a")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.query_one(Input).value = str(ARTICLES / "renmin-shiping.txt")
        await pilot.press("enter")
        await settle(app)
        preview = screen.query_one("#preview", ListView)
        assert app.focused is preview and len(preview.children) > 3
        await pilot.press("tab", "tab", "tab")  # path, pasted text, back to the preview
        await settle(app)
        assert app.focused is preview
        await pilot.press("end")
        assert preview.index == len(preview.children) - 1
        await pilot.press("home")
        assert preview.index == 0
        await pilot.press("tab", "end")  # in the path field End moves its cursor
        assert preview.index == 0


# -- friction: no line starts with closing punctuation ----------------------------------------

LONG_ANSWER = (
    "疫情期间，不少地方官员走进直播间为本地农产品“代言”，这种做法拉近了政府与群众的距离，"
    "也让不少滞销的农产品找到了销路。但也有一些地方把直播带货变成官员个人的“魅力秀场”、"
    "地区之间的“数字竞赛”，甚至搞硬性摊派、做亏本买卖，这就把“真经念歪”了。《人民日报》说，"
    "要“多一些实干，少一些表演”。"
)


async def test_card_lines_never_start_with_closing_punctuation(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    from trainer.domain.model import Note, NoteKind
    from trainer.tui.widgets.kinsoku import NO_START

    make_deck(store, [Note("long", NoteKind.QA, prompt="问？", answer=LONG_ANSWER)], "L", OPTS)
    starts = []
    for width in range(40, 72, 3):
        app = make_app("L")
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(app)
            await pilot.press("space")
            await settle(app)
            for line in screen_text(app).splitlines()[3:-6]:
                text = line.strip()
                if text:
                    starts.append((width, text))
    assert any("人民日报" in t for _, t in starts)
    bad = [(w, t) for w, t in starts if t[0] in NO_START]
    assert not bad, bad


# -- friction: the exam plan on the deck list ----------------------------------------------------


async def test_decks_screen_shows_and_applies_the_exam_plan(
    bundled: Store, make_app: Callable[..., TrainerApp], clock: Clock
) -> None:
    from datetime import timedelta

    from trainer.services.planning import PlanningService

    PlanningService(bundled).set_exam((clock.now + timedelta(days=90)).date(), 0.9)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        text = screen_text(app)
        assert "plan 1 new card a day · limits 20 a day · p applies the plan" in text
        await pilot.press("p")
        await settle(app)
        assert _messages(app)[-1].startswith("Exam plan applied: ")
        assert "plan 1 new card a day · limits 1 a day" in screen_text(app)
        assert "p applies the plan" not in screen_text(app)
