"""What every screen of this app shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp


class TrainerScreen(Screen[None]):
    """A screen that knows its app is a TrainerApp (store, clock, services)."""

    PALETTE: ClassVar[list[tuple[str, str, str]]] = []
    """Command palette entries: (title, help, action name on this screen)."""

    @property
    def trainer(self) -> TrainerApp:
        return cast("TrainerApp", self.app)
