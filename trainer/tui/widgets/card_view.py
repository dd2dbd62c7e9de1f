"""The card itself: question or answer, typed-answer grading, source paragraph."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Static

from trainer.tui.widgets.kinsoku import Kinsoku


class CardText(Static):
    """The card's text; tells once it has been drawn for a frame (see ``CardView.show_card``).

    This and :class:`CardView` take their new size without asking for a second
    layout pass: Textual asks for another layout whenever a widget's virtual size
    changed in the pass that just ran, but for the card's text (a leaf) and its
    scrolling view that pass has already placed everything, and nearly every new
    card changes their height, so each card cost two full layout passes.
    Scrollbars that come or go still ask for a layout of their own
    (``show_vertical_scrollbar`` does).
    """

    def __init__(self) -> None:
        super().__init__("", markup=False, id="card-text")
        self.on_drawn: Callable[[], None] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if self.on_drawn is not None:
            # The frame being drawn goes to the terminal before the loop's next turn.
            asyncio.get_running_loop().call_soon(self.on_drawn)
            self.on_drawn = None
        return lines


class CardView(VerticalScroll):
    """Scrolls when a long Chinese answer does not fit; all parts are plain Content.

    Every part breaks its lines the Chinese way (:class:`Kinsoku`): no line
    starts with closing punctuation such as 》，。.
    """

    DEFAULT_CSS = """
    CardView { height: 1fr; padding: 0 2; }
    CardView > #card-text { width: 1fr; padding: 1 0; }
    CardView > #grading { width: 1fr; padding: 1 0 0 0; border-top: dashed $foreground 30%; }
    CardView > #source { width: 1fr; padding: 1 0 0 0; border-top: dashed $foreground 30%; }
    """

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def compose(self) -> ComposeResult:
        yield CardText()
        for ident in ("grading", "source"):
            part = Static("", markup=False, id=ident)
            part.display = False  # an inline style: showing a card restyles nothing
            yield part

    def _part(self, ident: str, content: Content | None) -> None:
        part = self.query_one(f"#{ident}", Static)
        if content is None:
            if part.display:
                part.display = False
                part.update("")
            return
        part.update(Kinsoku(content))
        part.display = True

    def show_card(self, content: Content, drawn: Callable[[], None] | None = None) -> None:
        """Show ``content``; ``drawn`` is called once the frame showing it is on the terminal."""
        text = self.query_one(CardText)
        text.update(Kinsoku(content))
        text.on_drawn = drawn
        self._part("grading", None)
        self._part("source", None)
        if self.scroll_y:
            self.scroll_home(animate=False)

    def show_grading(self, content: Content | None) -> None:
        self._part("grading", content)

    def show_source(self, content: Content | None) -> None:
        self._part("source", content)
        if content is not None:
            self.call_after_refresh(self.scroll_end, animate=False)

    @property
    def source_shown(self) -> bool:
        return bool(self.query_one("#source", Static).display)
