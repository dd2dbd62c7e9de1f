"""One generated note in the article preview: on/off box, kind and question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ListItem, Static

from trainer.domain import notetypes
from trainer.domain.model import Note
from trainer.tui import render


def note_line(note: Note, on: bool) -> Content:
    """One preview row: on/off box, kind, and the card's question as plain text."""
    box = "[x] " if on else "[ ] "
    body = render.side(notetypes.of(note).preview(note))
    return Content.assemble((box, "bold"), (f"{note.kind.value:<5} ", "$accent"), body)


class NoteRow(ListItem):
    """A generated note in the preview."""

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note
        self.on = True

    def compose(self) -> ComposeResult:
        yield Static(note_line(self.note, self.on), markup=False)

    def set(self, note: Note | None = None, on: bool | None = None) -> None:
        if note is not None:
            self.note = note
        if on is not None:
            self.on = on
        self.set_class(not self.on, "off")
        self.query_one(Static).update(note_line(self.note, self.on))
