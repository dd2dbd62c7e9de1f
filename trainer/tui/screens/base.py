"""What every screen of this app shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.widgets import Input

    from trainer.tui.app import TrainerApp


class TrainerScreen(Screen[None]):
    """A screen that knows its app is a TrainerApp (store, clock, services).

    Its keys are declared once, as :class:`trainer.tui.keys.Key` bindings: the
    help list (``?``), the command palette and the hint line come from them.
    """

    TITLE_KEYS: ClassVar[str] = ""
    """The screen's name in its help title ("Decks: keys") and in docs/tui.md."""

    @property
    def trainer(self) -> TrainerApp:
        return cast("TrainerApp", self.app)

    def action_undo(self) -> None:
        """Take back the session's newest action, wherever it was done (one stack)."""
        if not self.trainer.can_undo:
            self.trainer.say("Nothing to undo in this session.")
            return
        self.undo_newest()

    @work(thread=True, exclusive=True, group="undo")
    def undo_newest(self) -> None:
        from trainer.domain.errors import StoreUnavailable, TrainerError

        trainer = self.trainer
        try:
            undone = trainer.study.undo_last()
        except StoreUnavailable:
            return
        except TrainerError as exc:
            trainer.call_from_thread(trainer.say, f"Undo failed: {exc}", "error")
            return
        if undone is None:
            return
        trainer.cards_changed()
        if undone.step.decks_changed:
            trainer.decks_changed()
        trainer.call_from_thread(trainer.say, undone.message)
        trainer.call_from_thread(self.after_undo)

    def action_redo(self) -> None:
        """Do again the action undone last (not an answer), as Anki's Edit ▸ Redo."""
        if not self.trainer.study.undo_stack.can_redo:
            self.trainer.say("Nothing to redo.")
            return
        self.redo_last()

    @work(thread=True, exclusive=True, group="undo")
    def redo_last(self) -> None:
        from trainer.domain.errors import StoreUnavailable, TrainerError

        trainer = self.trainer
        try:
            redone = trainer.study.undo_stack.redo()
        except StoreUnavailable:
            return
        except TrainerError as exc:
            trainer.call_from_thread(trainer.say, f"Redo failed: {exc}", "error")
            return
        if redone is None:
            return
        trainer.cards_changed()
        if redone.step.decks_changed:
            trainer.decks_changed()
        trainer.call_from_thread(trainer.say, f"Redone: {redone.step.label}")
        trainer.call_from_thread(self.after_undo)

    def after_undo(self) -> None:
        """Show the store as the undo left it (each screen reloads what it shows)."""

    def action_help(self) -> None:
        from trainer.tui.dialogs.help import HelpDialog
        from trainer.tui.keys import help_rows

        self.app.push_screen(HelpDialog(f"{self.TITLE_KEYS}: keys", help_rows(type(self))))


class FilteredScreen(TrainerScreen):
    """A screen whose table a filter box narrows: ``/`` shows and focuses the box
    (an ``Input`` styled hidden until it has the class ``shown``), Enter applies it,
    and an empty filter hides the box again."""

    def apply_filter(self, query: str) -> None:
        """Show only the rows that match ``query`` (empty: every row)."""
        raise NotImplementedError

    def action_filter(self) -> None:
        from textual.widgets import Input

        field = self.query_one(Input)
        field.add_class("shown")
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from textual.widgets import Input

        event.stop()
        self.apply_filter(event.value)
        if not event.value.strip():
            self.query_one(Input).remove_class("shown")
