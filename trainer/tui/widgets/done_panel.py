"""The end of the queue: "Done for today", the session summary and what comes tomorrow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from trainer.domain.words import plural
from trainer.tui.render import DUE_STYLE, LEARN_STYLE, NEW_STYLE, elapsed_text

if TYPE_CHECKING:
    from trainer.services.progress import DaySummary, Tomorrow


def summary_content(
    answered: int, again: int, elapsed_ms: int, today: DaySummary, ahead: Tomorrow
) -> Content:
    """This session, today, learning cards later today and tomorrow's counts.

    The session's time is the clock time since it began; today's is the time
    spent answering (each answer counted up to a minute, as Anki does), so the
    two are labelled apart.
    """
    parts: list[str | tuple[str, str]] = []
    if answered:
        parts += [
            ("This session: ", "bold"),
            f"{plural(answered, 'card')} in {elapsed_text(elapsed_ms)} since it began"
            f" · {again} again\n",
        ]
    retention = "—" if today.retention is None else f"{today.retention:.0%}"
    parts += [
        ("Today: ", "bold"),
        f"{plural(today.reviews, 'answer')} · {today.again} again · {today.new} new · "
        f"{elapsed_text(today.time_ms)} spent answering · retention {retention}\n\n",
    ]
    if ahead.learning_today:
        parts += [
            (str(ahead.learning_today), LEARN_STYLE),
            " learning card comes back later today.\n"
            if ahead.learning_today == 1
            else " learning cards come back later today.\n",
        ]
    parts += [
        ("Tomorrow: ", "bold"),
        (str(ahead.review), DUE_STYLE),
        " review · " if ahead.review == 1 else " reviews · ",
        (str(ahead.new), NEW_STYLE),
        " new card\n\n" if ahead.new == 1 else " new cards\n\n",
        ("Esc: back to the decks · u: undo the last action", "dim"),
    ]
    return Content.assemble(*parts)


class DonePanel(Vertical):
    """Shown instead of the card when the queue is empty.

    :meth:`counting` shows the title at once; :meth:`show_summary` fills in the
    figures when the worker has read them.
    """

    DEFAULT_CSS = """
    DonePanel { height: 1fr; padding: 1 2; }
    DonePanel > #done-title { text-style: bold; color: $success; padding-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="done-title")
        yield Static("", markup=False, id="done-text")

    def counting(self) -> None:
        self.query_one("#done-title", Static).update("Done for today")
        self.query_one("#done-text", Static).update("Counting what comes tomorrow…")

    def show_summary(
        self, answered: int, again: int, elapsed_ms: int, today: DaySummary, ahead: Tomorrow
    ) -> None:
        empty = answered == 0 and today.reviews == 0 and not (ahead.review or ahead.new)
        title = "Nothing to study here yet" if empty else "Done for today"
        self.query_one("#done-title", Static).update(title)
        self.query_one("#done-text", Static).update(
            summary_content(answered, again, elapsed_ms, today, ahead)
        )
