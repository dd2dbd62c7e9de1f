"""A deck's options (``o`` on the decks screen), named as in Anki's deck options.

ctrl+s saves (checked as a deck file is: a bad value names its field and
nothing is saved); "Optimise" fits FSRS parameters to this deck's history in a
worker and keeps them only when they predict it better; Escape leaves.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Header, Input, Select, Static

from trainer.domain.errors import StoreUnavailable, TrainerError
from trainer.domain.model import DeckOptions, LeechAction
from trainer.tui.keys import Key, WidgetKey
from trainer.tui.screens.base import TrainerScreen

NUMBERS = [
    ("new_per_day", "New cards/day", "integer"),
    ("reviews_per_day", "Maximum reviews/day", "integer"),
    ("learning_steps", "Learning steps (e.g. 1m 10m)", "text"),
    ("relearning_steps", "Relearning steps", "text"),
    ("desired_retention", "Desired retention (0.70-0.99)", "number"),
    ("maximum_interval", "Maximum interval (days)", "integer"),
    ("leech_threshold", "Leech threshold (lapses)", "integer"),
]
SWITCHES = [
    ("bury_siblings", "Bury siblings (a note's other cards wait for tomorrow)"),
    ("type_answers", "Type answers"),
    ("enable_fuzz", "Fuzz review dates"),
]


class DeckOptionsScreen(TrainerScreen):
    TITLE_KEYS = "Deck options"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "ctrl+s",
            "save",
            "Save",
            priority=True,
            help="Save the options (u on the deck list undoes)",
            palette="Save deck options",
        ),
        Key("escape", "leave", "Back", help="Back (unsaved changes are dropped)"),
    ]
    WIDGET_KEYS: ClassVar[list[WidgetKey]] = [
        WidgetKey(
            "tab", "Next field; the Optimise button fits FSRS parameters to this deck's history"
        ),
    ]
    DEFAULT_CSS = """
    DeckOptionsScreen VerticalScroll { padding: 0 2; }
    DeckOptionsScreen .label { padding-top: 1; color: $text-muted; }
    DeckOptionsScreen Input { width: 40; }
    DeckOptionsScreen Select { width: 40; }
    DeckOptionsScreen #options-error { color: $error; height: auto; padding-top: 1; }
    DeckOptionsScreen #options-fsrs { height: auto; padding-top: 1; }
    DeckOptionsScreen Horizontal { height: auto; padding-top: 1; }
    DeckOptionsScreen Button { margin-right: 2; }
    """

    def __init__(self, deck: str) -> None:
        super().__init__()
        self.deck = deck
        self.loaded: DeckOptions | None = None
        self.preset = ""
        self.saved = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(f"Options of {self.deck}", markup=False)
            yield Static(
                "Preset (decks with the same preset share these options; empty: this deck's own)",
                markup=False,
                classes="label",
            )
            yield Input(id="opt-preset", placeholder="e.g. 申论")
            for key, label, _kind in NUMBERS:
                yield Static(label, markup=False, classes="label")
                yield Input(id=f"opt-{key}")
            yield Static("Leech action", markup=False, classes="label")
            yield Select(
                [("Tag only", LeechAction.TAG.value), ("Suspend card", LeechAction.SUSPEND.value)],
                allow_blank=False,
                id="opt-leech_action",
            )
            for key, label in SWITCHES:
                yield Checkbox(label, id=f"opt-{key}")
            yield Static("", markup=False, id="options-fsrs")
            yield Static("", markup=False, id="options-error")
            with Horizontal():
                yield Button("Save (ctrl+s)", variant="primary", id="options-save")
                yield Button("Optimise FSRS", id="options-optimise")
                yield Button("Back", id="options-back")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Options · {self.deck}"
        for field in self.query(Input):
            field.cursor_blink = self.trainer.cursor_blink
        self.load()

    @work(thread=True, exclusive=True, group="deck-options")
    def load(self) -> None:
        from trainer.services.deck_admin import DeckAdmin

        try:
            admin = DeckAdmin(self.trainer.store)
            options, preset = admin.options(self.deck), admin.preset(self.deck)
            peers = [d for d in admin.presets().get(preset, []) if d != self.deck]
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self._error, str(exc))
            return
        self.trainer.call_from_thread(self.show, options, preset, peers)

    def show(self, options: DeckOptions, preset: str = "", peers: list[str] | None = None) -> None:
        from trainer.services.deck_admin import format_steps

        self.loaded = options
        self.preset = preset
        self.query_one("#opt-preset", Input).value = preset
        for key, _label, _kind in NUMBERS:
            value: Any = getattr(options, key)
            text = format_steps(value) if key.endswith("steps") else str(value)
            self.query_one(f"#opt-{key}", Input).value = text
        self.query_one("#opt-leech_action", Select).value = options.leech_action.value
        for key, _label in SWITCHES:
            self.query_one(f"#opt-{key}", Checkbox).value = bool(getattr(options, key))
        fitted = "fitted to your history" if options.fsrs_parameters else "the FSRS defaults"
        shared = f"\nShared with: {', '.join(peers)}" if peers else ""
        self.query_one("#options-fsrs", Static).update(f"FSRS parameters: {fitted}{shared}")

    def _error(self, message: str) -> None:
        self.query_one("#options-error", Static).update(message)

    def changes(self) -> dict[str, Any]:
        """The fields as option values; raises TrainerError naming a bad field."""
        from trainer.services.deck_admin import parse_steps

        out: dict[str, Any] = {}
        for key, label, kind in NUMBERS:
            raw = self.query_one(f"#opt-{key}", Input).value.strip()
            try:
                if kind == "text":
                    out[key] = list(parse_steps(raw))
                elif kind == "integer":
                    out[key] = int(raw)
                else:
                    out[key] = float(raw)
            except ValueError:
                raise TrainerError(f"{label}: not a number: {raw!r}") from None
        out["leech_action"] = str(self.query_one("#opt-leech_action", Select).value)
        for key, _label in SWITCHES:
            out[key] = self.query_one(f"#opt-{key}", Checkbox).value
        return out

    def action_save(self) -> None:
        try:
            changes = self.changes()
        except TrainerError as exc:
            self._error(str(exc))
            return
        preset = self.query_one("#opt-preset", Input).value.strip()
        self._save(changes, preset if preset != self.preset else None)

    @work(thread=True, exclusive=True, group="deck-options")
    def _save(self, changes: dict[str, Any], preset: str | None) -> None:
        from trainer.services.deck_admin import DeckAdmin
        from trainer.services.undo import options_step

        admin = DeckAdmin(self.trainer.store)
        try:
            before, before_preset = admin.options(self.deck), admin.preset(self.deck)
            if preset is not None:
                admin.set_preset(self.deck, preset)
                # Joining a preset takes its options; the fields here were the old ones.
                if admin.presets().get(preset, [self.deck]) != [self.deck]:
                    changes = {}
            if changes:
                admin.set_options(self.deck, changes)
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self._error, str(exc))
            return
        if admin.options(self.deck) != before or preset is not None:
            step = options_step(self.trainer.store, self.deck, before, before_preset)
            self.trainer.study.undo_stack.push(step)
        self.trainer.call_from_thread(self._saved)

    def _saved(self) -> None:
        self.saved += 1
        self.trainer.decks_changed()
        self._error("")
        self.load()
        self.trainer.say(f"Saved the options of {self.deck}")

    @work(thread=True, exclusive=True, group="deck-options")
    def optimise(self) -> None:
        from trainer.services.planning import PlanningService

        self.trainer.call_from_thread(
            self.query_one("#options-fsrs", Static).update, "Optimising FSRS parameters…"
        )
        try:
            result = PlanningService(self.trainer.store).optimize(self.deck, save=True)
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self._error, f"Optimise: {exc}")
            self.trainer.call_from_thread(self.load)
            return
        if result.saved:
            message = f"New FSRS parameters saved; {result.rescheduled} cards rescheduled"
        else:
            message = "Kept the current parameters: the fit is not better on your history"
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, message)
        self.trainer.call_from_thread(self.load)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "options-save":
            self.action_save()
        elif event.button.id == "options-optimise":
            self.optimise()
        else:
            self.action_leave()

    def action_leave(self) -> None:
        self.dismiss(None)
