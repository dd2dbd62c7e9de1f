"""Under the question: the typed-answer field and the hint line; grades what was typed."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from trainer.domain.model import Note
from trainer.services import grading

TYPING_HINT = "Enter checks your answer · Esc leaves the field · Enter on empty shows it"
REVEAL_HINT = "Space or Enter: show answer · t: type the answer · ?: keys"


class AnswerBox(Vertical):
    """The front side's way to answer: a hint to reveal, or a field to type into.

    The screen sets the card with :meth:`ask` and hides the box's parts with
    :meth:`hide`; Enter in the field posts :class:`AnswerBox.Checked` with the
    grade (``None`` for an empty field: just show the answer). The field is a
    plain ``Input``, so IME-composed text arrives as ordinary key/paste events.
    """

    DEFAULT_CSS = """
    AnswerBox { height: auto; }
    AnswerBox > #typed { margin: 0 2; }
    AnswerBox > #reveal-hint { height: 3; content-align: center middle; color: $text-muted; }
    """

    class Checked(Message):
        """Enter in the field: the typed answer's grade, or None when nothing was typed."""

        def __init__(self, grade: grading.Grade | None) -> None:
            self.grade = grade
            super().__init__()

    def __init__(self, *, cursor_blink: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cursor_blink = cursor_blink
        self._hint = ""
        self._card: tuple[Note, int] | None = None
        self._strict = False
        self._asked_at = 0.0

    def compose(self) -> ComposeResult:
        typed = Input(placeholder="Type your answer · Enter checks it", id="typed")
        typed.cursor_blink = self._cursor_blink
        typed.display = False  # an inline style: showing a card restyles nothing
        yield typed
        yield Static("", markup=False, id="reveal-hint")

    @property
    def field(self) -> Input:
        return self.query_one("#typed", Input)

    def say(self, text: str) -> None:
        """Show ``text`` on the hint line (repainted only when it changes)."""
        if text != self._hint:
            self._hint = text
            self.query_one("#reveal-hint", Static).update(text)

    def ask(self, note: Note, ord_: int, *, typing: bool, strict: bool = False) -> None:
        """The front of ``note``'s card ``ord_``: an empty focused field, or the reveal hint.

        ``strict``: the deck wants every point word for word."""
        self._card = (note, ord_)
        self._strict = strict
        self._asked_at = time.monotonic()
        if typing:
            # The segmenter and the script converter load in a second or so,
            # and each card's points are read once: in a worker while the
            # learner types, not on Enter.
            self.run_worker(lambda: grading.prepare(note, ord_), thread=True, group="warm-grading")
        typed = self.field
        self.display = True
        if typing:
            typed.value = ""
            typed.display = True
            typed.focus()
            self.say(TYPING_HINT)
        else:
            typed.display = False
            self.say(REVEAL_HINT)

    def hide(self) -> None:
        """The answer side or the end of the queue: neither field nor hint.

        The box is hidden whole and its parts stay as they are, so showing it
        again for the next card brings it back at the same size (no second
        layout pass for a box that changed height)."""
        self.display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._card is None:
            return
        typed = event.value
        if not typed.strip():
            self.post_message(self.Checked(None))
            return
        note, ord_ = self._card
        seconds = time.monotonic() - self._asked_at
        grade = grading.grade_note(note, ord_, typed, seconds=seconds, strict=self._strict)
        self.post_message(self.Checked(grade))
