"""What every screen of this app shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
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

    def action_help(self) -> None:
        from trainer.tui.dialogs.help import HelpDialog
        from trainer.tui.keys import help_rows

        self.app.push_screen(HelpDialog(f"{self.TITLE_KEYS}: keys", help_rows(type(self))))
