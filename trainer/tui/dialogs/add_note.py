"""Add notes by hand: deck and tags stay for the next note, cloze checked as you type.

ctrl+s adds the note and clears the fields for the next one (deck, tags and
kind stay, as in Anki's Add window); Escape closes. The cloze markup is checked
on every change; a note whose front matches one already in the store is
flagged as a duplicate (looked up in a worker, so typing never waits), but can
still be added, as in Anki.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea
from textual.worker import get_current_worker

from trainer.domain import notetypes
from trainer.domain.errors import TrainerError
from trainer.domain.model import Note, NoteKind
from trainer.tui.keys import Key

if TYPE_CHECKING:
    from trainer.services.adding import Added
    from trainer.tui.app import TrainerApp


@dataclass
class Remembered:
    """What the dialog keeps between notes and between openings in one session."""

    deck: str = ""
    tags: str = ""
    kind: NoteKind = NoteKind.CLOZE
    added: list[str] = field(default_factory=list)
    """GUIDs added, newest last."""


REMEMBERED = Remembered()

KIND_LABELS = [(nt.label, nt.kind) for nt in notetypes.REGISTRY]
_BY_NAME: dict[str, notetypes.Field] = {}
for _nt in notetypes.REGISTRY:
    for _f in _nt.fields:
        _BY_NAME.setdefault(_f.name, _f)
FIELDS = tuple(_BY_NAME.values())
"""Every note type's content fields, each once (the dialog shows the chosen kind's)."""


class AddNoteDialog(ModalScreen[int]):
    """Returns how many notes were added."""

    TITLE_KEYS = "Add note"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("escape", "close", "Close", help="Close"),
        Key(
            "ctrl+s",
            "add",
            "Add",
            priority=True,
            help="Add the note (deck and tags stay for the next)",
        ),
    ]

    DEFAULT_CSS = """
    AddNoteDialog { align: center middle; }
    AddNoteDialog > VerticalScroll {
        width: 90%; max-width: 110; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AddNoteDialog .label { padding-top: 1; color: $text-muted; }
    AddNoteDialog TextArea { height: 5; }
    AddNoteDialog #add-check { color: $error; height: auto; }
    AddNoteDialog #add-dupe { color: $warning; height: auto; }
    AddNoteDialog #add-done { color: $success; height: auto; }
    AddNoteDialog Horizontal { height: auto; padding-top: 1; }
    AddNoteDialog Button { margin-right: 2; }
    """

    def __init__(self, deck: str | None = None, memory: Remembered = REMEMBERED) -> None:
        super().__init__()
        self.memory = memory
        if deck:
            memory.deck = deck
        self.count = 0
        self.problem = ""
        """Why the note cannot be added as typed ("" when it can)."""
        self.duplicate = ""
        self._checks = 0

    @property
    def trainer(self) -> TrainerApp:
        return cast("TrainerApp", self.app)

    def compose(self) -> ComposeResult:
        memory = self.memory
        with VerticalScroll():
            yield Static("Add a note · ctrl+s adds · Esc closes", markup=False)
            yield Static("Deck", markup=False, classes="label")
            yield Input(memory.deck, placeholder="申论::金句", id="add-deck")
            yield Static("Kind", markup=False, classes="label")
            yield Select(KIND_LABELS, value=memory.kind, allow_blank=False, id="add-kind")
            for f in FIELDS:
                yield Static(f.label, markup=False, classes=f"label field-{f.name}")
                if f.multiline:
                    yield TextArea(
                        "", id=f"add-{f.name}", soft_wrap=True, classes=f"field-{f.name}"
                    )
                else:
                    yield Input("", id=f"add-{f.name}", classes=f"field-{f.name}")
            yield Static("Extra", markup=False, classes="label")
            yield Input("", id="add-extra")
            yield Static(
                "Tags (space separated; kept for the next note)", markup=False, classes="label"
            )
            yield Input(memory.tags, id="add-tags")
            yield Static("", markup=False, id="add-check")
            yield Static("", markup=False, id="add-dupe")
            yield Static("", markup=False, id="add-done")
            with Horizontal():
                yield Button("Add", variant="primary", id="add-add")
                yield Button("Close", id="add-close")

    def on_mount(self) -> None:
        blink = self.trainer.cursor_blink
        for area in self.query(TextArea):
            area.cursor_blink = blink
        for field_ in self.query(Input):
            field_.cursor_blink = blink
        self._show_kind()
        first = "#add-deck" if not self.memory.deck else self._first_field()
        self.query_one(first).focus()

    # -- the note as typed ------------------------------------------------------------------
    @property
    def kind(self) -> NoteKind:
        value = self.query_one("#add-kind", Select).value
        return value if isinstance(value, NoteKind) else NoteKind.CLOZE

    def _first_field(self) -> str:
        return f"#add-{notetypes.of(self.kind).fields[0].name}"

    def _show_kind(self) -> None:
        """Show the fields a note of the chosen kind needs (edit shows optional ones)."""
        wanted = {f.name for f in notetypes.of(self.kind).fields if f.required}
        for f in FIELDS:
            for widget in self.query(f".field-{f.name}"):
                widget.display = f.name in wanted

    def note(self) -> Note:
        from trainer.services.adding import draft

        lines = self.query_one("#add-items", TextArea).text.splitlines()
        return draft(
            self.kind,
            text=self.query_one("#add-text", TextArea).text,
            prompt=self.query_one("#add-prompt", Input).value,
            answer=self.query_one("#add-answer", TextArea).text,
            items=lines,
            tags=[self.query_one("#add-tags", Input).value],
            extra=self.query_one("#add-extra", Input).value,
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._show_kind()
        self.memory.kind = self.kind
        self._recheck()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._recheck()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id in ("add-prompt", "add-deck"):
            self._recheck()

    def _recheck(self) -> None:
        """Check the markup now (cheap); look for duplicates in a worker."""
        from trainer.services.adding import check, front_key

        note = self.note()
        try:
            check(note)
            self.problem = ""
        except TrainerError as exc:
            self.problem = str(exc)
        empty = not (note.text or note.prompt or note.answer or note.items)
        self.query_one("#add-check", Static).update("" if empty else self.problem)
        self._checks += 1
        if front_key(note):
            self._look_for_duplicates(note, self._checks)
        else:
            self._show_duplicate("", self._checks)

    @work(thread=True, exclusive=True, group="add-duplicates")
    def _look_for_duplicates(self, note: Note, check_no: int) -> None:
        from trainer.services.adding import AddService

        try:
            found = AddService(self.trainer.store).duplicates(note)
        except Exception:  # a lookup that fails only loses the warning
            return
        if get_current_worker().is_cancelled:
            return
        text = f"Duplicate: the same front is already in {found[0].deck}" if found else ""
        self.trainer.call_from_thread(self._show_duplicate, text, check_no)

    def _show_duplicate(self, text: str, check_no: int) -> None:
        if check_no != self._checks or not self.is_attached:
            return
        self.duplicate = text
        self.query_one("#add-dupe", Static).update(text)

    # -- adding -----------------------------------------------------------------------------
    def action_add(self) -> None:
        deck = self.query_one("#add-deck", Input).value.strip()
        if not deck:
            self.query_one("#add-check", Static).update("Choose a deck first.")
            self.query_one("#add-deck", Input).focus()
            return
        self._recheck()
        if self.problem:
            self.query_one("#add-check", Static).update(self.problem)
            return
        self._add(deck, self.note())

    @work(thread=True, exclusive=True, group="add-note")
    def _add(self, deck: str, note: Note) -> None:
        from trainer.services.adding import AddService

        try:
            added = AddService(self.trainer.store).add(deck, note, self.trainer.now())
        except TrainerError as exc:
            self.trainer.call_from_thread(self._not_added, str(exc))
            return
        self.trainer.call_from_thread(self._added, added)

    def _not_added(self, message: str) -> None:
        if self.is_attached:
            self.query_one("#add-check", Static).update(f"Not added: {message}")

    def _added(self, added: Added) -> None:
        self.count += 1
        if not self.is_attached:
            return
        memory = self.memory
        memory.deck = added.deck
        memory.tags = self.query_one("#add-tags", Input).value
        memory.added.append(added.note.guid)
        self.trainer.decks_changed()
        message = added.describe()
        if added.duplicates:
            message += f" (a duplicate of one in {added.duplicates[0].deck})"
        self.query_one("#add-done", Static).update(message)
        for area_id in ("#add-text", "#add-answer", "#add-items"):
            self.query_one(area_id, TextArea).text = ""
        for input_id in ("#add-prompt", "#add-extra"):
            self.query_one(input_id, Input).value = ""
        self.query_one("#add-check", Static).update("")
        self.query_one("#add-dupe", Static).update("")
        self.query_one(self._first_field()).focus()

    def action_close(self) -> None:
        self.memory.deck = self.query_one("#add-deck", Input).value.strip() or self.memory.deck
        self.memory.tags = self.query_one("#add-tags", Input).value
        self.dismiss(self.count)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add-add":
            self.action_add()
        else:
            self.action_close()
