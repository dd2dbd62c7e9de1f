"""The remaining new / learning / review counts, always visible while studying."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from trainer.domain.model import Queue
from trainer.tui.render import DUE_STYLE, LEARN_STYLE, NEW_STYLE

if TYPE_CHECKING:
    from trainer.services.study import QueueCounts


def counts_content(counts: QueueCounts, active: Queue | None = None) -> Content:
    """``New 12  Learning 3  Review 40`` in Anki's colours, the current queue underlined."""
    parts: list[str | tuple[str, str]] = []
    for queue, label, value, style in (
        (Queue.NEW, "New", counts.new, NEW_STYLE),
        (Queue.LEARNING, "Learning", counts.learning, LEARN_STYLE),
        (Queue.REVIEW, "Review", counts.review, DUE_STYLE),
    ):
        parts.append(f"{label} ")
        parts.append((str(value), style + (" underline" if queue == active else "")))
        parts.append("   ")
    return Content.assemble(*parts).rstrip()


class CountsBar(Static):
    """One line of queue counts."""

    DEFAULT_CSS = """
    CountsBar { height: 1; width: 1fr; content-align: center middle; text-align: center; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)

    def show(self, counts: QueueCounts, active: Queue | None = None) -> None:
        # One line the width of the screen whatever it says: a repaint, never a layout.
        self.update(counts_content(counts, active), layout=False)
