"""``e``: edit a note in place (its GUID, cards and history stay)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from trainer.domain import cloze, notetypes
from trainer.domain.display import visible
from trainer.domain.model import Note
from trainer.tui.keys import Key


class EditNoteDialog(ModalScreen[Note | None]):
    """Fields by note kind; ctrl+s saves, Escape cancels. Returns the changed note.

    The first field has the focus, with the cursor after its text; Tab moves to
    the next field without selecting its text, so a key never replaces it.
    """

    TITLE_KEYS = "Edit note"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("escape", "dismiss(None)", "Cancel", help="Cancel"),
        Key(
            "ctrl+s",
            "save",
            "Save",
            priority=True,
            help="Save (the note keeps its GUID, cards and history)",
        ),
    ]

    DEFAULT_CSS = """
    EditNoteDialog { align: center middle; }
    EditNoteDialog > VerticalScroll {
        width: 90%; max-width: 110; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    EditNoteDialog .label { padding-top: 1; color: $text-muted; }
    EditNoteDialog TextArea { height: 6; }
    EditNoteDialog #edit-error { color: $error; }
    EditNoteDialog Horizontal { height: auto; padding-top: 1; }
    EditNoteDialog Button { margin-right: 2; }
    """

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        note = self.note
        with VerticalScroll():
            yield Static(f"Edit {note.kind.value} note · ctrl+s saves", markup=False)
            for f in notetypes.of(note).fields:
                yield Static(f.label, markup=False, classes="label")
                shown = visible(_value(note, f.name))
                if f.multiline:
                    yield TextArea(shown, id=f"edit-{f.name}", soft_wrap=True)
                else:
                    yield Input(shown, id=f"edit-{f.name}", select_on_focus=False)
            yield Static("Extra", markup=False, classes="label")
            yield Input(visible(note.extra), id="edit-extra", select_on_focus=False)
            yield Static("Tags (space separated)", markup=False, classes="label")
            yield Input(visible(" ".join(note.tags)), id="edit-tags", select_on_focus=False)
            yield Static("", markup=False, id="edit-error")
            with Horizontal():
                yield Button("Save", variant="primary", id="edit-save")
                yield Button("Cancel", id="edit-cancel")

    def on_mount(self) -> None:
        blink = bool(getattr(self.app, "cursor_blink", True))
        for area in self.query(TextArea):
            area.cursor_blink = blink
            area.move_cursor(area.document.end)
        for field in self.query(Input):
            field.cursor_blink = blink
        # Typing goes into the first field at once, after its text (nothing selected).
        first = self.query_one(f"#edit-{notetypes.of(self.note).fields[0].name}")
        if isinstance(first, Input):
            first.cursor_position = len(first.value)
        first.focus()

    def edited(self) -> Note:
        """The note as the fields now say."""
        note = self.note
        changes: dict[str, object] = {
            "extra": _kept(self.query_one("#edit-extra", Input).value, note.extra),
            "tags": tuple(
                _kept(self.query_one("#edit-tags", Input).value, " ".join(note.tags)).split()
            ),
        }
        for f in notetypes.of(note).fields:
            widget = self.query_one(f"#edit-{f.name}")
            typed = widget.text if isinstance(widget, TextArea) else self._line(f.name)
            original = _value(note, f.name)
            value = _kept(typed, original)
            if f.name != "items":
                changes[f.name] = value
            elif value == original:
                changes["items"] = note.items
            else:
                lines = value.splitlines()
                changes["items"] = tuple(line.strip() for line in lines if line.strip())
        return replace(note, **changes)  # type: ignore[arg-type]

    def _line(self, name: str) -> str:
        return self.query_one(f"#edit-{name}", Input).value

    def action_save(self) -> None:
        note = self.edited()
        nt = notetypes.of(note)
        try:
            nt.check_cards(note)
        except cloze.ClozeError as exc:
            self.query_one("#edit-error", Static).update(str(exc))
            return
        if not getattr(note, nt.sort_field).strip():
            self.query_one("#edit-error", Static).update(f"the {nt.sort_field} must not be empty")
            return
        self.dismiss(note)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit-save":
            self.action_save()
        else:
            self.dismiss(None)


def _value(note: Note, name: str) -> str:
    """A content field as the editor shows it (points one a line)."""
    value = getattr(note, name)
    return "\n".join(value) if isinstance(value, tuple) else str(value)


def _kept(value: str, original: str) -> str:
    """A field shows its text with control characters made visible; left as shown, the
    original text (controls and all) is kept, so opening and saving changes nothing."""
    return original if value == visible(original) else value
