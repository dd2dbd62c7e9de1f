"""The end-of-session summary and what comes tomorrow, as plain Content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from trainer.tui.render import DUE_STYLE, LEARN_STYLE, NEW_STYLE

if TYPE_CHECKING:
    from trainer.services.progress import DaySummary, Tomorrow


def elapsed_text(ms: int) -> str:
    """``12 min 5 s`` style duration."""
    minutes, secs = divmod(round(ms / 1000), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def summary_content(
    answered: int, again: int, elapsed_ms: int, today: DaySummary, ahead: Tomorrow
) -> Content:
    parts: list[str | tuple[str, str]] = []
    if answered:
        parts += [
            ("This session: ", "bold"),
            f"{answered} cards in {elapsed_text(elapsed_ms)} · {again} again\n",
        ]
    retention = "—" if today.retention is None else f"{today.retention:.0%}"
    parts += [
        ("Today: ", "bold"),
        f"{today.reviews} answers · {today.again} again · {today.new} new · "
        f"{elapsed_text(today.time_ms)} · retention {retention}\n\n",
    ]
    if ahead.learning_today:
        parts += [
            (str(ahead.learning_today), LEARN_STYLE),
            " learning cards come back later today.\n",
        ]
    parts += [
        ("Tomorrow: ", "bold"),
        (str(ahead.review), DUE_STYLE),
        " reviews · ",
        (str(ahead.new), NEW_STYLE),
        " new cards\n\n",
        ("Esc: back to the decks · u: undo the last answer", "dim"),
    ]
    return Content.assemble(*parts)
