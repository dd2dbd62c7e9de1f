"""Custom study (``c`` on a deck), as Anki's dialog: raise today's limits or build a session.

Returns what was done: ``(message, deck to study or None)``; the session deck is
"Custom Study Session", rebuilt each time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from trainer.domain.errors import TrainerError
from trainer.tui.keys import Key

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp

MODES = [
    ("Increase today's new card limit", "new"),
    ("Increase today's review card limit", "reviews"),
    ("Review forgotten cards", "forgotten"),
    ("Review ahead", "ahead"),
    ("Study by search (deck:, tag:, is:, prop: …)", "search"),
]
QUESTIONS = {
    "new": ("Increase today's new card limit by", "10"),
    "reviews": ("Increase today's review limit by", "50"),
    "forgotten": ("Cards forgotten (answered Again) in the last … days", "1"),
    "ahead": ("Reviews due in the next … days", "1"),
    "search": ("At most … cards", "100"),
}
ORDERS = [
    ("Order due", "due"),
    ("Random", "random"),
    ("Increasing intervals", "ivl"),
    ("Decreasing intervals", "ivl-desc"),
    ("Most lapses", "lapses"),
    ("Order added", "added"),
    ("Latest added first", "added-desc"),
]

Result = tuple[str, "str | None"]


class CustomStudyDialog(ModalScreen[Result | None]):
    TITLE_KEYS = "Custom study"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("escape", "dismiss(None)", "Cancel", help="Cancel"),
        Key(
            "ctrl+s",
            "go",
            "OK",
            priority=True,
            help="Go (raise a limit, or build the filtered deck and study it)",
        ),
    ]
    DEFAULT_CSS = """
    CustomStudyDialog { align: center middle; }
    CustomStudyDialog > Vertical {
        width: 76; max-width: 95%; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    CustomStudyDialog .label { padding-top: 1; color: $text-muted; }
    CustomStudyDialog #custom-error { color: $error; height: auto; }
    CustomStudyDialog Horizontal { height: auto; padding-top: 1; }
    CustomStudyDialog Button { margin-right: 2; }
    """

    def __init__(self, deck: str) -> None:
        super().__init__()
        self.deck = deck

    @property
    def trainer(self) -> TrainerApp:
        return cast("TrainerApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Custom study: {self.deck}", markup=False)
            yield Select(MODES, value="new", allow_blank=False, id="custom-mode")
            yield Static("Search (within the deck)", markup=False, classes="label search-only")
            yield Input("", placeholder="tag:对策 is:due", id="custom-query", classes="search-only")
            yield Static("", markup=False, classes="label", id="custom-question")
            yield Input("", id="custom-number", type="integer")
            yield Static("Order", markup=False, classes="label search-only")
            yield Select(
                ORDERS, value="due", allow_blank=False, id="custom-order", classes="search-only"
            )
            yield Static("", markup=False, id="custom-error")
            with Horizontal():
                yield Button("OK (ctrl+s)", variant="primary", id="custom-ok")
                yield Button("Cancel", id="custom-cancel")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = self.trainer.cursor_blink
        self._show_mode()
        self.query_one("#custom-number", Input).focus()

    @property
    def mode(self) -> str:
        return str(self.query_one("#custom-mode", Select).value)

    def _show_mode(self) -> None:
        mode = self.mode
        for widget in self.query(".search-only"):
            widget.display = mode == "search"
        question, default = QUESTIONS[mode]
        self.query_one("#custom-question", Static).update(question)
        self.query_one("#custom-number", Input).value = default
        self.query_one("#custom-error", Static).update("")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "custom-mode":
            self._show_mode()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_go()

    def action_go(self) -> None:
        raw = self.query_one("#custom-number", Input).value.strip()
        if not raw.isdigit() or int(raw) < 1:
            self.query_one("#custom-error", Static).update("Give a whole number, 1 or more.")
            return
        query = self.query_one("#custom-query", Input).value
        order = str(self.query_one("#custom-order", Select).value)
        self._run(self.mode, int(raw), query, order)

    @work(thread=True, exclusive=True, group="custom-study")
    def _run(self, mode: str, number: int, query: str, order: str) -> None:
        from trainer.services.custom_study import CustomStudyService

        service = CustomStudyService(self.trainer.store)
        now = self.trainer.now()
        try:
            if mode in ("new", "reviews"):
                new, rev = (number, 0) if mode == "new" else (0, number)
                totals = service.extend_limits(self.deck, now, new=new, reviews=rev)
                what = "new cards" if mode == "new" else "reviews"
                result: Result = (
                    f"{self.deck}: {totals[0] if mode == 'new' else totals[1]} more {what} today",
                    None,
                )
            else:
                if mode == "forgotten":
                    built = service.forgotten(self.deck, number, now)
                elif mode == "ahead":
                    built = service.review_ahead(self.deck, number, now)
                else:
                    built = service.by_search(self.deck, query, now, limit=number, order=order)
                result = (built.describe(), built.deck if built.cards else None)
        except TrainerError as exc:
            self.trainer.call_from_thread(self._failed, str(exc))
            return
        self.trainer.call_from_thread(self.dismiss, result)

    def _failed(self, message: str) -> None:
        if self.is_attached:
            self.query_one("#custom-error", Static).update(message)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "custom-ok":
            self.action_go()
        else:
            self.dismiss(None)
