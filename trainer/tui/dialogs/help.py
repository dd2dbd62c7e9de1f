"""``?``: every key of the current screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from trainer.domain.display import visible


def keys_content(rows: list[tuple[str, str]]) -> Content:
    width = max((len(k) for k, _ in rows), default=0)
    parts: list[str | tuple[str, str]] = []
    for key, description in rows:
        parts += [(key.ljust(width + 2), "bold $accent"), description, "\n"]
    return Content.assemble(*parts).rstrip()


class HelpDialog(ModalScreen[None]):
    """A list of keys; any of Escape, ``?`` or ``q`` closes it.

    The list scrolls (arrows, Page Up/Down, Home/End, the mouse wheel) when the
    terminal is too small to show it whole.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,enter", "dismiss(None)", "Close", show=False),
    ]

    DEFAULT_CSS = """
    HelpDialog { align: center middle; }
    HelpDialog > VerticalScroll {
        width: 86; max-width: 95%; height: auto; max-height: 95%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    HelpDialog #help-title { text-style: bold; padding-bottom: 1; }
    """

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title = visible(title)
        self._rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-scroll"):
            yield Static(self._title, markup=False, id="help-title")
            yield Static(keys_content(self._rows), markup=False, id="help-keys")
            yield Static("Esc closes · ↑ ↓ PgUp PgDn scroll", markup=False, classes="dim")

    def on_mount(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).focus()
