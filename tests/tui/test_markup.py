"""Card text is never parsed as markup: arbitrary strings appear verbatim everywhere.

Textual 8 shows ``Static("选项[A]正确")`` as ``选项正确``, raises on ``[/]`` and runs
``[@click=...]`` actions; every widget here that shows user text must not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Header, Input, ListView, Static, TextArea

from tests.tui.conftest import SIZE, screen_text, settle
from trainer.domain.display import visible
from trainer.domain.model import Note, NoteKind
from trainer.services.grading import grade, warm
from trainer.storage.store import Store
from trainer.tui import render
from trainer.tui.app import TrainerApp
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.screens.stats import sections_content
from trainer.tui.widgets.card_view import CardView
from trainer.tui.widgets.note_row import NoteRow, note_line

NASTY = [
    "选项[A]正确",
    "[/]",
    "[@click=app.quit]点我[/]",
    "[b]粗[/b] [red]红[/red] [$accent]x[/]",
    "\\[escaped] [[double]] ]]",
    "要避免把直播带货变成“魅力秀场”、“数字竞赛”",
    "[link='https://x']y[/link] :smile: $var",
]

# Printable text: no control, surrogate, format (zero-width) or line/paragraph separators.
user_text = st.text(
    alphabet=st.characters(
        exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn", "Mn", "Me", "Mc")
    ),
    min_size=1,
    max_size=30,
) | st.sampled_from(NASTY)


@pytest.fixture(scope="module", autouse=True)
def _grader_loaded() -> None:
    """The grader loads its segmenter and converters on first use (a second or
    so): before the examples, so no example's time or first paint depends on it."""
    warm()


@settings(deadline=None)
@given(user_text)
def test_render_functions_keep_text_verbatim(s: str) -> None:
    qa = Note("g", NoteKind.QA, prompt=s, answer=s, extra=s)
    assert s in render.front(qa, 0).plain
    assert render.back(qa, 0).plain.count(s) >= 2
    lst = Note("g", NoteKind.LIST, prompt=s, items=(s, "x"))
    assert s in render.front(lst, 0).plain
    assert s in render.back(lst, 0).plain
    cz = Note("g", NoteKind.CLOZE, text=s)  # usually not valid cloze: shown as typed
    assert s in render.front(cz, 1).plain
    assert s in render.source(f"前\n{s}\n后", 2, 2 + len(s), [s]).plain
    assert s in render.grading(grade([s], s)).plain
    assert s in note_line(qa, True).plain
    section = {"name": s, "cards": 2, "studied": 1, "mean_retrievability": 0.5, "retention": None}
    assert s in sections_content([section]).plain


CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\n\t"]
ATTACKS = [
    "\x1b]52;c;ZWNobyBwd25lZA==\x07",  # OSC 52: write the clipboard
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;pwned\x07",  # OSC 0: rename the window
    "\x9b31m",  # C1 CSI
    "a\x00b\x08c\rd",
]
# Text with at least one control character (other than newline and tab) in it.
control_text = (
    st.text(
        alphabet=st.sampled_from(CONTROLS) | st.sampled_from("申论ab[/] 。"),
        min_size=1,
        max_size=30,
    ).filter(lambda s: any(c in CONTROLS for c in s))
    | st.sampled_from(ATTACKS)
    | st.builds(lambda a, b: f"{a}{b}", user_text, st.sampled_from(ATTACKS))
)


def _raw_controls(shown: str) -> list[str]:
    return [c for c in shown if c in CONTROLS]


@given(control_text)
def test_render_functions_show_control_characters_as_symbols(s: str) -> None:
    shown = visible(s)
    assert not _raw_controls(shown)
    qa = Note("g", NoteKind.QA, prompt=s, answer=s, extra=s)
    lst = Note("g", NoteKind.LIST, prompt=s, items=(s, "x"))
    cz = Note("g", NoteKind.CLOZE, text=f"{s}{{{{c1::{s}}}}}{s}")
    outputs = [
        render.front(qa, 0),
        render.back(qa, 0),
        render.front(lst, 0),
        render.back(lst, 0),
        render.front(cz, 1),
        render.back(cz, 1),
        render.source(f"前{s}后", 1, 1 + len(s), [s]),
        render.grading(grade([s], s + "x")),
        note_line(qa, True),
        note_line(lst, True),
        sections_content(
            [{"name": s, "cards": 2, "studied": 1, "mean_retrievability": 0.5, "retention": None}]
        ),
    ]
    for content in outputs:
        assert not _raw_controls(content.plain), content.plain
        assert shown.strip() in content.plain


class Harness(App[None]):
    """Every widget that shows card, deck or section text, side by side.

    Header: deck names in screen sub-titles; CardView: card, grading, source;
    Static(markup=False): statuses, stats sections, dialog questions; DataTable:
    the deck list; NoteRow: the article preview; Input and TextArea: the edit
    dialog's fields, the prompt's default deck name, the typed answer. Fixed
    heights, so that no part is scrolled out of view.
    """

    CSS = """
    CardView { height: 14; }
    DataTable { height: 3; }
    ListView { height: 2; }
    TextArea { height: 4; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield CardView(id="card")
        yield Static("", markup=False, id="plain")
        yield Static("", markup=False, id="sections")
        table: DataTable[Text] = DataTable(id="table")
        yield table
        yield ListView(id="list")
        yield Input(id="field")
        yield TextArea(id="area")


PLACES = 10
"""Where show_everywhere puts the string (the grading shows it once: recalled)."""


async def show_everywhere(app: Harness, s: str) -> None:
    note = Note("g", NoteKind.QA, prompt=s, answer="a")
    # The app passes titles and statuses through visible() (say, status, sub_title).
    app.sub_title = visible(s)
    card = app.query_one(CardView)
    card.show_card(render.front(note, 0))
    card.show_grading(render.grading(grade([s], s)))
    card.show_source(render.source(s, 0, len(s), []))
    app.query_one("#plain", Static).update(visible(s))
    section = {"name": s, "cards": 2, "studied": 1, "mean_retrievability": 0.5, "retention": None}
    app.query_one("#sections", Static).update(sections_content([section]))
    table = app.query_one(DataTable)
    table.clear(columns=True)
    table.add_column("Deck")
    table.add_row(Text(visible(s)))  # as the decks screen does
    view = app.query_one(ListView)
    await view.clear()
    await view.append(NoteRow(note))
    # The app fills fields (the edit dialog, the prompt's default) with visible(text).
    field = app.query_one(Input)
    field.value = visible(s)
    field.cursor_position = 0
    app.query_one(TextArea).text = visible(s)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(user_text)
async def test_widgets_show_text_verbatim(s: str) -> None:
    app = Harness()
    async with app.run_test(size=(160, 40)):
        await show_everywhere(app, s)
        await settle(app)  # type: ignore[arg-type]  # every paint done, however slow
        text = screen_text(app)
        for _ in range(100):
            # On a loaded machine a widget may paint a refresh later than the others
            # (seen: 9 of 10 places once at load 15); wait for paints, never for time.
            if text.count(s.strip()) >= PLACES:
                break
            # A paint may be lost to a race under load (seen in CI: 9 of 10 after a
            # hundred waits); ask every widget to paint again. A markup or control
            # bug would show on every paint, so this hides no fault of the text.
            for widget in app.screen.walk_children():
                widget.refresh(layout=True)
            await settle(app)  # type: ignore[arg-type]
            text = screen_text(app)
        assert text.count(s.strip()) >= PLACES, text
        app.notify(s, markup=False, timeout=3600)  # a toast outlives a slow machine
        await settle(app)  # type: ignore[arg-type]
        assert s.strip() in screen_text(app)
        app.push_screen(PromptDialog(f"Export {s} to which file?", s))
        await settle(app)  # type: ignore[arg-type]
        assert screen_text(app).count(s.strip()) >= 2  # the question and the field
        assert app.is_running  # no [@click=app.quit] ran, no MarkupError


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(control_text)
async def test_widgets_never_send_control_characters_to_the_terminal(s: str) -> None:
    app = Harness()
    async with app.run_test(size=(160, 40)) as pilot:
        await show_everywhere(app, s)
        app.push_screen(PromptDialog(f"Export {s} to which file?", s))
        await pilot.pause()
        text = screen_text(app)
        assert not _raw_controls(text), repr(text)
        assert visible(s).strip() in text


async def test_nasty_card_on_the_real_screens(
    tricky: Store, make_app: Callable[..., TrainerApp]
) -> None:
    app = make_app("Tricky")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        assert "选项[A]正确吗？[b]不加粗[/b] [@click=app.quit]别点[/]" in screen_text(app)
        await pilot.click("#card-text")  # clicking [@click=...] text does nothing
        await pilot.press("space")
        await settle(app)
        assert "[red]答案[/red] 是 [/] 和 [@click=app.bell]" in screen_text(app)
        app.push_screen(HelpDialog("[/]", [("[b]", "[@click=app.quit]")]))
        await settle(app)
        assert "[@click=app.quit]" in screen_text(app)
        assert app.is_running


async def test_escape_sequences_in_a_deck_reach_no_screen_raw(
    store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    """OSC 52 (clipboard), ESC[2J (clear) and OSC 0 (title) in a deck name and its cards."""
    from tests.conftest import make_deck
    from trainer.domain.model import DeckOptions

    name = "申论\x1b]0;pwned\x07::直播"
    notes = [
        Note("osc", NoteKind.QA, prompt="问\x1b]52;c;aGk=\x07题", answer="答\x1b[2J案\x9b1m"),
        Note("cz", NoteKind.CLOZE, text="要避免{{c1::魅力\x1b[2J秀场}}。", extra="\x00额外"),
    ]
    make_deck(store, notes, name, DeckOptions(enable_fuzz=False, bury_siblings=False))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        shown = screen_text(app)
        assert "申论" in shown
        assert not _raw_controls(shown), repr(shown)
        app.open_study(name)
        await settle(app)
        for _ in range(2):
            shown = screen_text(app)
            assert not _raw_controls(shown), repr(shown)
            await pilot.press("space")
            await settle(app)
            shown = screen_text(app)
            assert not _raw_controls(shown), repr(shown)
            assert "␛" in shown
            await pilot.press("3")
            await settle(app)
