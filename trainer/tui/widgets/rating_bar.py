"""The four answer buttons, each showing the interval it would give."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from trainer.domain.model import Rating
from trainer.tui.render import RATING_NAMES, interval

VARIANTS = {
    Rating.AGAIN: "error",
    Rating.HARD: "warning",
    Rating.GOOD: "success",
    Rating.EASY: "primary",
}


class RatingBar(Horizontal):
    """Again / Hard / Good / Easy; posts :class:`RatingBar.Rated` when one is clicked."""

    DEFAULT_CSS = """
    RatingBar { height: 3; width: 1fr; align: center middle; }
    RatingBar Button { width: 1fr; min-width: 6; max-width: 22; margin: 0 1; }
    RatingBar Button { text-wrap: nowrap; text-overflow: ellipsis; }
    RatingBar.-narrow Button { margin: 0 0 0 1; }
    RatingBar Button.suggested { text-style: bold reverse; }
    """

    NARROW = 72
    """Below this width the labels drop the separator and the buttons their right margin."""

    class Rated(Message):
        """The student clicked a rating button."""

        def __init__(self, rating: Rating) -> None:
            self.rating = rating
            super().__init__()

    def compose(self) -> ComposeResult:
        for rating in Rating:
            button = Button(
                f"{int(rating)} {RATING_NAMES[rating]}",
                variant=VARIANTS[rating],  # type: ignore[arg-type]
                id=f"rate-{int(rating)}",
                compact=True,
            )
            button.can_focus = False
            yield button

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[dict[Rating, timedelta], Rating | None] = ({}, None)

    def show(self, intervals: dict[Rating, timedelta], suggested: Rating | None = None) -> None:
        self._shown = (intervals, suggested)
        narrow = self.size.width and self.size.width < self.NARROW
        self.set_class(bool(narrow), "-narrow")
        joint = " " if narrow else " · "
        for rating in Rating:
            button = self.query_one(f"#rate-{int(rating)}", Button)
            after = intervals.get(rating)
            label = f"{int(rating)} {RATING_NAMES[rating]}"
            if after is not None:
                label += f"{joint}{interval(after)}"
            button.label = label
            button.set_class(rating == suggested, "suggested")

    def on_resize(self) -> None:
        # Showing the bar resizes it; its labels only change when it crosses NARROW.
        if self.has_class("-narrow") != bool(self.size.width and self.size.width < self.NARROW):
            self.show(*self._shown)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        ident = event.button.id or ""
        if ident.startswith("rate-"):
            self.post_message(self.Rated(Rating(int(ident[5:]))))
