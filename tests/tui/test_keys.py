"""Keys are declared once per screen; help, palette, hint and docs come from the bindings."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.binding import Binding

from trainer.tui import keys
from trainer.tui.screens.decks import DecksScreen
from trainer.tui.screens.study import StudyScreen

DOCS = Path(__file__).resolve().parents[2] / "docs" / "tui.md"
TUI = Path(__file__).resolve().parents[2] / "trainer" / "tui"


@pytest.mark.parametrize("screen", keys.screens_with_keys(), ids=lambda s: s.__name__)
def test_docs_key_table_is_the_bindings(screen: type) -> None:
    section = keys.docs_section(screen)
    assert section in DOCS.read_text(encoding="utf-8"), (
        f"docs/tui.md: the key table of {screen.__name__} differs from its bindings; "
        f"it should read:\n\n{section}\n"
    )


def test_every_screen_with_bindings_declares_keys() -> None:
    """A plain Binding would be missing from help, palette and docs."""
    for screen in keys.screens_with_keys():
        own = screen.__dict__.get("BINDINGS", [])
        plain = [b for b in own if isinstance(b, Binding) and not isinstance(b, keys.Key)]
        assert not plain, f"{screen.__name__}: declare {plain} as Key"
        assert screen.TITLE_KEYS, f"{screen.__name__} has no TITLE_KEYS"


def test_help_palette_and_hint_come_from_the_bindings() -> None:
    rows = dict(keys.help_rows(DecksScreen))
    assert rows["u / ctrl+z"].startswith("Undo the last action")
    assert rows["-"].startswith("Collapse") and rows["+"].startswith("Expand")
    assert rows["ctrl+p"].startswith("Command palette")
    titles = {title: action for title, _help, action in keys.palette(DecksScreen)}
    assert titles["Study all decks"] == "study_all"
    assert titles["Collapse deck"] == "collapse"
    for title, action in titles.items():
        assert hasattr(DecksScreen, f"action_{action}"), (title, action)
    assert keys.hint(DecksScreen) == (
        "enter study · i import · x export · a article · s stats · ? keys"
    )
    # The second binding of space is listed once, with both keys.
    study_rows = keys.help_rows(StudyScreen)
    assert [k for k, _ in study_rows].count("space") == 0
    assert "space / enter" in dict(study_rows)


def test_every_palette_action_exists() -> None:
    for screen in keys.screens_with_keys():
        for title, _help, action in keys.palette(screen):
            name = action.partition("(")[0]
            if "." not in name:
                assert hasattr(screen, f"action_{name}"), (screen.__name__, title)


def test_no_tui_module_imports_the_app_at_run_time() -> None:
    """The app imports its screens; a screen importing the app back made a loop."""
    for path in TUI.rglob("*.py"):
        if path.name == "app.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # top level only: TYPE_CHECKING blocks are ifs
            if isinstance(node, ast.ImportFrom):
                assert node.module != "trainer.tui.app", f"{path} imports trainer.tui.app"
