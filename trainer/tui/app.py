"""The App and the one factory that builds it for the CLI, the tests and the bench.

Startup stays light: this module imports Textual and nothing from the storage or
service layers. The store is opened (and migrated) by the first worker that
needs it, after the deck list has painted its skeleton; :meth:`TrainerApp.ensure_open`
is the only way in and runs in worker threads only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from trainer.domain.display import visible
from trainer.domain.errors import StoreUnavailable

if TYPE_CHECKING:
    from trainer.domain.counts import DeckCounts
    from trainer.domain.decktree import TreeRow
    from trainer.services.decks import DeckService
    from trainer.services.stats import StatsService
    from trainer.services.study import StudyService
    from trainer.storage.store import Store

Severity = Literal["information", "warning", "error"]
Generator = Callable[[Any, str], Any]
"""``generate(article, source_id[, progress=…]) -> Generated`` (title, sections, notes);
``progress`` is passed for long articles only."""
StoreOpener = Callable[[], "Store"]
"""Opens (and migrates) the store; called once, in a worker thread."""
QuickCounts = Callable[[datetime], "tuple[list[DeckCounts], list[TreeRow]] | None"]
"""Today's deck counts read without opening the store (None: it cannot say, open it)."""


def system_clock() -> datetime:
    return datetime.now(UTC)


class TrainerApp(App[None]):
    """Decks, study, article and stats screens over one store.

    Collaborators come in through the constructor: the store (or a function that
    opens it), the ``now`` clock (tests pin it) and optionally the article
    generator.
    """

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/decks.tcss"]
    """The deck list's styles come with the app's: it is the default screen (below)."""
    TITLE = "trainer"
    SUB_TITLE = "申论"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        store: Store | StoreOpener,
        now: Callable[[], datetime] = system_clock,
        deck: str | None = None,
        *,
        cursor_blink: bool = True,
        generate: Generator | None = None,
        settings: Path | None = None,
        quick_counts: QuickCounts | None = None,
    ) -> None:
        super().__init__()
        self.quick_counts = quick_counts
        """For the first paint of the deck list, before the store is open (the CLI's
        read-only count path); the store then opens in a worker behind it."""
        self.settings = settings
        """The settings file the theme is kept in (None: nothing is kept, as in tests)."""
        self._opener: StoreOpener | None = store if callable(store) else None
        self._store: Store | None = None if callable(store) else store
        self._open_lock = threading.Lock()
        self._study: StudyService | None = None
        self._decks: DeckService | None = None
        self._stats: StatsService | None = None
        self.open_error: BaseException | None = None
        """Why the store could not be opened (the CLI reports it after the app ends)."""
        self.now = now
        """The clock every screen asks for 'now'."""
        self.start_deck = deck
        self.cursor_blink = cursor_blink
        """Off in tests and snapshots so frames are deterministic."""
        self.generate = generate
        self.answer_latencies_ms: list[float] = []
        """Rating key to next card painted, per answer (read by the bench)."""
        if settings is not None:
            self._restore_theme(settings)  # before the first screen is styled

    # -- the store, opened on first use in a worker thread ----------------------------
    def ensure_open(self) -> Store:
        """The open store, opening it (and making the services) on first call.

        Call from worker threads only: opening imports SQLAlchemy and may migrate.
        If it fails the app exits with the reason and this raises StoreUnavailable.
        """
        failed = False
        with self._open_lock:
            if self._store is None and self.open_error is None:
                assert self._opener is not None
                try:
                    self._store = self._opener()
                except Exception as exc:
                    self.open_error = exc
                    failed = True
            if self._store is not None and self._study is None:
                from trainer.services.decks import DeckService
                from trainer.services.study import StudyService

                self._study = StudyService(self._store)
                self._decks = DeckService(self._store)
            store = self._store
        if store is None:
            if failed:
                self.call_from_thread(self.exit, None, 1)
            raise StoreUnavailable(str(self.open_error))
        return store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    @property
    def can_undo(self) -> bool:
        """Whether this session has an action to take back (answer, bury, suspend, edit)."""
        return self._study is not None and self._study.can_undo

    @property
    def store(self) -> Store:
        return self.ensure_open()

    @property
    def study(self) -> StudyService:
        self.ensure_open()
        assert self._study is not None
        return self._study

    @property
    def decks(self) -> DeckService:
        self.ensure_open()
        assert self._decks is not None
        return self._decks

    @property
    def stats(self) -> StatsService:
        """Statistics (cached in the service until answers or decks change)."""
        store = self.ensure_open()
        with self._open_lock:
            if self._stats is None:
                from trainer.services.stats import StatsService

                self._stats = StatsService(store)
            return self._stats

    def decks_changed(self) -> None:
        """After an import or any edit that adds, renames or re-options decks."""
        if self._study is not None:
            self._study.forget_decks()
        if self._stats is not None:
            self._stats.invalidate()

    def cards_changed(self) -> None:
        """After a change that writes no review (bury, suspend, edit): stats recount."""
        if self._stats is not None:
            self._stats.invalidate()

    def close_store(self) -> None:
        """Close the store if it was opened (the CLI calls this after the app ends)."""
        with self._open_lock:
            if self._store is not None and self._opener is not None:
                self._store.close()
                self._store = None

    # -- screens ------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The deck list is the first screen, composed with the app: no empty default
        screen composed, laid out and then covered by it (one layout less before the
        counts are on screen). Its styles are in the app's ``CSS_PATH``: a default
        screen's own are not read."""
        from trainer.tui.screens.decks import DecksScreen

        return DecksScreen()

    def on_mount(self) -> None:
        if self.settings is not None:
            self.theme_changed_signal.subscribe(self, self._keep_theme)
        if self.start_deck is not None:
            self.open_study(self.start_deck)

    def open_study(self, deck: str | None) -> None:
        from trainer.tui.screens.study import StudyScreen

        self.push_screen(StudyScreen(deck))

    def say(self, message: str, severity: Severity = "information") -> None:
        """A notification; the text is never parsed as markup."""
        self.notify(visible(message), markup=False, severity=severity)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def _restore_theme(self, path: Path) -> None:
        """Use the theme saved last time (every later change is kept: :meth:`_keep_theme`)."""
        from trainer.services import settings

        saved = settings.load(path).get("theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved

    def _keep_theme(self, theme: Any) -> None:
        from trainer.services import settings

        if self.settings is None:
            return
        try:
            settings.save(self.settings, theme=str(theme.name))
        except OSError as exc:
            self.say(f"Could not keep the theme in {self.settings}: {exc}", "warning")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Light / dark theme", "Switch between light and dark", self.action_toggle_theme
        )
        from trainer.tui.keys import palette

        for title, help_text, action in palette(type(screen)):
            yield SystemCommand(title, help_text, partial(screen.run_action, action))


def build_app(
    store: Store | StoreOpener,
    clock: Callable[[], datetime] = system_clock,
    deck: str | None = None,
    *,
    cursor_blink: bool = True,
    generate: Generator | None = None,
    settings: Path | None = None,
    quick_counts: QuickCounts | None = None,
) -> TrainerApp:
    """The one way to make the app: the CLI, the tests and the bench all call this.

    ``store`` is an open Store, or a function that opens one: the app then shows
    its first screen at once and opens the store in a worker thread.
    """
    return TrainerApp(
        store,
        clock,
        deck,
        cursor_blink=cursor_blink,
        generate=generate,
        settings=settings,
        quick_counts=quick_counts,
    )
