"""The App and the one factory that builds it for the CLI, the tests and the bench."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from typing import Any, ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from trainer.services.decks import DeckService
from trainer.services.study import StudyService
from trainer.storage.store import Store

Severity = Literal["information", "warning", "error"]
Generator = Callable[[Any, str], Any]
"""``generate(article, source_id) -> Generated`` (title, sections, notes)."""


def system_clock() -> datetime:
    return datetime.now(UTC)


class TrainerApp(App[None]):
    """Decks, study, article and stats screens over one open store.

    Collaborators come in through the constructor: the store, the ``now`` clock
    (tests pin it) and optionally the article generator.
    """

    CSS_PATH = "app.tcss"
    TITLE = "trainer"
    SUB_TITLE = "申论"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        now: Callable[[], datetime] = system_clock,
        deck: str | None = None,
        *,
        cursor_blink: bool = True,
        generate: Generator | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.now = now
        """The clock every screen asks for 'now'."""
        self.start_deck = deck
        self.cursor_blink = cursor_blink
        """Off in tests and snapshots so frames are deterministic."""
        self.generate = generate
        self.study = StudyService(store)
        self.decks = DeckService(store)
        self.answer_latencies_ms: list[float] = []
        """Rating key to next card painted, per answer (read by the bench)."""

    def on_mount(self) -> None:
        from trainer.tui.screens.decks import DecksScreen

        self.push_screen(DecksScreen())
        if self.start_deck is not None:
            self.open_study(self.start_deck)

    def open_study(self, deck: str | None) -> None:
        from trainer.tui.screens.study import StudyScreen

        self.push_screen(StudyScreen(deck))

    def say(self, message: str, severity: Severity = "information") -> None:
        """A notification; the text is never parsed as markup."""
        self.notify(message, markup=False, severity=severity)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Light / dark theme", "Switch between light and dark", self.action_toggle_theme
        )
        for title, help_text, action in getattr(screen, "PALETTE", ()):
            yield SystemCommand(title, help_text, partial(screen.run_action, action))


def build_app(
    store: Store,
    clock: Callable[[], datetime] = system_clock,
    deck: str | None = None,
    *,
    cursor_blink: bool = True,
    generate: Generator | None = None,
) -> TrainerApp:
    """The one way to make the app: the CLI, the tests and the bench all call this."""
    return TrainerApp(store, clock, deck, cursor_blink=cursor_blink, generate=generate)
