"""The card itself: question or answer, typed-answer grading, source paragraph."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static


class CardView(VerticalScroll):
    """Scrolls when a long Chinese answer does not fit; all parts are plain Content."""

    DEFAULT_CSS = """
    CardView { height: 1fr; padding: 0 2; }
    CardView > #card-text { width: 1fr; padding: 1 0; }
    CardView > #grading { width: 1fr; padding: 1 0 0 0; border-top: dashed $foreground 30%; }
    CardView > #source { width: 1fr; padding: 1 0 0 0; border-top: dashed $foreground 30%; }
    CardView > .hidden { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="card-text")
        yield Static("", markup=False, id="grading", classes="hidden")
        yield Static("", markup=False, id="source", classes="hidden")

    def _part(self, ident: str, content: Content | None) -> None:
        part = self.query_one(f"#{ident}", Static)
        part.set_class(content is None, "hidden")
        part.update(content if content is not None else "")

    def show_card(self, content: Content) -> None:
        self.query_one("#card-text", Static).update(content)
        self._part("grading", None)
        self._part("source", None)
        self.scroll_home(animate=False)

    def show_grading(self, content: Content | None) -> None:
        self._part("grading", content)

    def show_source(self, content: Content | None) -> None:
        self._part("source", content)
        if content is not None:
            self.call_after_refresh(self.scroll_end, animate=False)

    @property
    def source_shown(self) -> bool:
        return not self.query_one("#source", Static).has_class("hidden")
