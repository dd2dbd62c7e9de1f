"""Studying: front, reveal, rate; undo, bury, suspend, edit, source; typed answers.

This module holds the screen's state and keys and lays out the widgets; the
service calls (thread workers, answer look-ahead) are in
:mod:`trainer.tui.controllers.study`, which hands results back through the
``StudyView`` methods below. A key is ignored while ``busy`` (an answer being
written, or a provisionally shown card not yet confirmed), and the next card
appears only after the answer has committed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Header

from trainer.domain import notetypes
from trainer.domain.display import visible
from trainer.domain.model import Note, Rating
from trainer.domain.words import plural
from trainer.services import grading
from trainer.tui import render
from trainer.tui.controllers.study import Session, StudyController
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.keys import Key
from trainer.tui.screens.base import TrainerScreen
from trainer.tui.widgets.answer_box import AnswerBox
from trainer.tui.widgets.card_view import CardView
from trainer.tui.widgets.counts import CountsBar
from trainer.tui.widgets.done_panel import DonePanel
from trainer.tui.widgets.key_footer import KeyFooter
from trainer.tui.widgets.rating_bar import RatingBar

if TYPE_CHECKING:
    from textual.timer import Timer

    from trainer.services.progress import DaySummary, Lookahead, Tomorrow
    from trainer.services.study import StudyItem
    from trainer.services.undo import Undone

MAX_ANSWER_MS = 60_000
"""Anki caps the time counted for one answer at a minute."""

FRAME_S = 1 / 250
"""Shortest time between two frames of this screen. Textual's default (1/60 s)
made a card ready just after a frame (the answer side, say) wait up to 17 ms
to be drawn; frames are only drawn when something changed."""


class Phase(Enum):
    LOADING = "loading"
    FRONT = "front"
    BACK = "back"
    DONE = "done"


class StudyScreen(TrainerScreen):
    """One deck (and its sub-decks), or all decks for ``deck=None``."""

    CSS_PATH = "study.tcss"
    TITLE_KEYS = "Studying"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("space", "reveal", "Show answer", listed=False),
        Key(
            "space,enter",
            "space",
            "Show/confirm",
            show=False,
            help="Show the answer; on the answer side, confirm Good or the suggestion",
        ),
        Key("1", "rate(1)", "Again", show=False, keys="1 2 3 4", help="Again · Hard · Good · Easy"),
        Key("2", "rate(2)", "Hard", show=False, listed=False),
        Key("3", "rate(3)", "Good", show=False, listed=False),
        Key("4", "rate(4)", "Easy", show=False, listed=False),
        # Source next: on the answer side it takes "Show answer"'s place in the
        # footer, so turning the card relabels one footer key and moves none.
        Key(
            "s",
            "source",
            "Source",
            help="Show the source paragraph (answer side)",
            palette="Show source paragraph",
        ),
        Key(
            "u,ctrl+z",
            "undo",
            "Undo",
            help="Undo the last action, wherever it was done (not while typing)",
            palette="Undo last action",
        ),
        Key("minus", "bury", "Bury", help="Bury the card until tomorrow", palette="Bury card"),
        Key(
            "exclamation_mark",
            "suspend",
            "Suspend",
            help="Suspend the card (take it out of study)",
            palette="Suspend card",
        ),
        Key(
            "e",
            "edit",
            "Edit",
            help="Edit the note in place (keeps its history)",
            palette="Edit note",
        ),
        Key(
            "b",
            "browse",
            "Browse",
            show=False,
            help="Browse the deck's cards, this one under the cursor",
            palette="Browse cards",
        ),
        Key(
            "t",
            "toggle_typing",
            "Type",
            help="Type answers on/off (graded point by point)",
            palette="Type answers on/off",
        ),
        Key("question_mark", "help", "Keys", help="This list"),
        Key(
            "escape,q",
            "leave",
            "Decks",
            help="Leave the typing field, or go back to the decks",
            palette="Back to decks",
        ),
    ]

    def __init__(self, deck: str | None) -> None:
        super().__init__()
        self.deck = deck
        self.item: StudyItem | None = None
        self.phase = Phase.LOADING
        self.busy = True
        self.typing_override: bool | None = None
        self.suggested: Rating | None = None
        self.session = Session(time.monotonic())
        self.shown_at = time.monotonic()
        self.controller = StudyController(self, deck)
        self._key_at: float | None = None
        self._next: Lookahead | None = None
        """The card expected after the one shown, read while it is shown."""
        self._pending: tuple[str, int] | None = None
        """A show/confirm or rating key pressed while busy: run once the card is ready."""
        self._frame_timer: Timer | None = None

    @property
    def _update_timer(self) -> Timer:
        """Textual's frame timer for this screen, at ``FRAME_S`` instead of 1/60 s."""
        if self._frame_timer is None:
            self._frame_timer = self.set_interval(
                FRAME_S, self._on_timer_update, name="screen_update", pause=True
            )
        return self._frame_timer

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield CountsBar(id="counts")
        yield CardView(id="card")
        yield AnswerBox(cursor_blink=self.trainer.cursor_blink, id="answer")
        ratings = RatingBar(id="ratings")
        ratings.display = False
        yield ratings
        done = DonePanel(id="done")
        done.display = False
        yield done
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        if not self.is_attached:
            return  # the app is already ending (the store could not open): nothing to show
        self.sub_title = visible(self.deck or "All decks")
        self.query_one(AnswerBox).say("Loading…")
        self.controller.first()

    def on_unmount(self) -> None:
        self.controller.close()

    # -- state -------------------------------------------------------------------
    @property
    def typing(self) -> bool:
        if self.item is None or (
            not notetypes.of(self.item.note).typed and not self.typing_override
        ):
            return bool(self.typing_override)
        if self.typing_override is not None:
            return self.typing_override
        return bool(self.item.deck.options.type_answers)

    def show(
        self,
        item: StudyItem | None,
        *,
        revealed: bool = False,
        painted: threading.Event | None = None,
    ) -> None:
        """Show ``item``'s front (or back), or the done panel for None.

        Visibility changes go through ``display`` (an inline style), not CSS
        classes, so a new card restyles nothing; the footer's keys change in the
        same frame. Once the card is drawn, the rating key's latency is recorded
        and the card after it is read ahead, or, with ``painted`` (a provisional
        card), ``painted`` is set and the answer thread reads both.
        """
        self.busy = painted is not None
        self.item = item
        self.suggested = None
        self._next = None
        card_view = self.query_one(CardView)
        answer = self.query_one(AnswerBox)
        ratings = self.query_one(RatingBar)
        done = self.query_one(DonePanel)
        counts = self.query_one(CountsBar)
        if item is None:
            self.phase = Phase.DONE
            self._keys_changed()
            for w in (card_view, ratings, counts):
                w.display = False
            answer.hide()
            done.display = True
            done.counting()
            self.controller.count_tomorrow()
            if self._key_at is not None:
                self.call_after_refresh(self._drawn, None, None)
            return
        done.display = False
        card_view.display = True
        counts.display = True
        counts.show(item.counts, item.card.queue)
        self.shown_at = time.monotonic()
        drawn = partial(self._drawn, item.card.id, painted)
        if revealed:
            self._show_back(drawn)
            return
        self.phase = Phase.FRONT
        self._keys_changed()
        card_view.show_card(render.front(item.note, item.card.ord), drawn)
        ratings.display = False
        typing = self.typing
        strict = item.deck.options.type_answers == "strict"
        answer.ask(item.note, item.card.ord, typing=typing, strict=strict)
        if not typing and self.focused is not None:
            self.set_focus(None)

    def _keys_changed(self) -> None:
        """The phase changed the keys that work: the footer follows in this frame."""
        self.refresh_bindings()
        self.query_one(KeyFooter).follow()

    def _drawn(self, card_id: int | None, painted: threading.Event | None) -> None:
        """The card just shown is on the terminal."""
        if self._key_at is not None:
            started, self._key_at = self._key_at, None
            self.trainer.answer_latencies_ms.append((time.perf_counter() - started) * 1000)
        if painted is not None:
            painted.set()  # the answer thread confirms the card and reads ahead
        elif card_id is not None and self.item is not None and self.item.card.id == card_id:
            self.controller.look_ahead(card_id)

    def _show_back(self, drawn: Callable[[], None] | None = None) -> None:
        assert self.item is not None
        self.phase = Phase.BACK
        self._keys_changed()
        item = self.item
        self.query_one(CardView).show_card(render.back(item.note, item.card.ord), drawn)
        self.query_one(AnswerBox).hide()
        ratings = self.query_one(RatingBar)
        ratings.display = True
        ratings.show(item.intervals, self.suggested)
        if self.focused is not None:
            self.set_focus(None)

    # -- results from the controller (StudyView), on the UI thread ----------------
    def arrived(self, item: StudyItem | None, revealed: bool, done: str) -> None:
        self.show(item, revealed=revealed)
        if done:
            self.trainer.say(done)
        self._run_pending()

    def failed(self, message: str) -> None:
        self.busy = False
        self._key_at = None
        self._pending = None
        self.trainer.say(message, "error")

    def provisional(self, item: StudyItem, painted: threading.Event) -> None:
        """The committed answer's expected successor: shown now (busy until confirmed)."""
        self.show(item, painted=painted)

    def confirmed(self, shown: StudyItem, real: StudyItem | None, ahead: Lookahead | None) -> None:
        if self.item is not shown:
            return  # the screen moved on (left, undone): nothing to confirm
        if real is None or real.card.id != shown.card.id:
            self.show(real)  # someone else changed the queue: show the real head
            self._run_pending()
            return
        self.busy = False
        self.item = replace(shown, card=real.card, counts=real.counts, intervals=real.intervals)
        if real.counts != shown.counts:
            self.query_one(CountsBar).show(real.counts, real.card.queue)
        if ahead is not None:
            self.looked_ahead(ahead)
        self._run_pending()

    def _run_pending(self) -> None:
        """Run the key pressed while the card was on its way, if it still applies."""
        pending, self._pending = self._pending, None
        if pending is None or self.busy:
            return
        action, value = pending
        if action == "space":
            self.action_space()
        else:
            self.action_rate(value)

    def looked_ahead(self, guess: Lookahead) -> None:
        if self.item is not None and self.item.card.id == guess.after:
            self._next = guess

    def tomorrow_counted(self, ahead: Tomorrow, today: DaySummary) -> None:
        session = self.session
        self.query_one(DonePanel).show_summary(
            session.answered, session.again, session.elapsed_ms(), today, ahead
        )

    def source_found(self, article: str, found: tuple[str, str] | None) -> None:
        item = self.item
        if item is None or self.phase is not Phase.BACK:
            return
        if found is None:
            self.trainer.say("The source article of this card is not in the store.", "warning")
            return
        title, text = found
        note = item.note
        answers = grading.expected_points(note, item.card.ord)
        para = render.source(text, note.source.start, note.source.end, answers)
        heading = render.plain(f"{title}  {note.source.section}".strip() + "\n")
        self.query_one(CardView).show_source(heading.stylize("dim") + para)

    # -- which keys work (and show in the footer) now ------------------------------
    TYPING_OFF: ClassVar[frozenset[str]] = frozenset(
        {"reveal", "undo", "bury", "suspend", "edit", "source", "toggle_typing", "help"}
    )
    """Actions whose keys belong to the typing field while it has the focus."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.TYPING_OFF and self._typing_focused():
            return False  # ctrl+z, - , e … are the field's, not the screen's
        if action == "reveal":
            return self.phase is Phase.FRONT
        if action == "source":
            return self.phase is Phase.BACK  # the paragraph shows on the answer side
        return True

    def _typing_focused(self) -> bool:
        focused = self.focused
        return focused is not None and focused.id == "typed"

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    # -- actions -----------------------------------------------------------------
    def action_reveal(self) -> None:
        self.action_space()

    def action_space(self) -> None:
        if self.busy:
            self._pending = self._pending or ("space", 0)
            return
        if self.phase is Phase.FRONT:
            self._show_back()
        elif self.phase is Phase.BACK:
            self.action_rate(int(self.suggested or Rating.GOOD))

    def action_rate(self, value: int) -> None:
        item = self.item
        if self.busy:
            self._pending = self._pending or ("rate", value)
            return
        if item is None or self.phase is not Phase.BACK:
            return
        rating = Rating(value)
        self.busy = True
        self._key_at = time.perf_counter()
        self.session.record(rating)
        duration = min(MAX_ANSWER_MS, int((time.monotonic() - self.shown_at) * 1000))
        guess = self._next if self._next is not None and self._next.after == item.card.id else None
        self.controller.answer(item, rating, duration, guess)

    def on_rating_bar_rated(self, event: RatingBar.Rated) -> None:
        self.action_rate(int(event.rating))

    def on_answer_box_checked(self, event: AnswerBox.Checked) -> None:
        event.stop()
        if self.busy or self.item is None or self.phase is not Phase.FRONT:
            return
        if event.grade is None:  # Enter on an empty field: just show the answer
            self._show_back()
            return
        self.suggested = event.grade.suggested
        self._show_back()
        self.query_one(CardView).show_grading(render.grading(event.grade))

    def action_undo(self) -> None:
        if self.busy:
            return
        if not self.trainer.can_undo:
            self.trainer.say("Nothing to undo in this session.")
            return
        self.busy = True
        self.controller.undo()

    def undone(self, item: StudyItem | None, undone: Undone) -> None:
        if undone.kind == "answer":
            self.session.take_back()
        self.show(item if item is not None else self.item)
        self.trainer.say(undone.message)
        self._run_pending()

    def action_bury(self) -> None:
        self._put_away("bury")

    def action_suspend(self) -> None:
        self._put_away("suspend")

    def _put_away(self, how: str) -> None:
        if self.busy or self.item is None or self.phase is Phase.DONE:
            return
        self.busy = True
        self.controller.put_away(self.item.card.id, how)

    def action_edit(self) -> None:
        if self.busy or self.item is None or self.phase is Phase.DONE:
            return
        card_id = self.item.card.id
        revealed = self.phase is Phase.BACK

        def edited(note: Note | None) -> None:
            if note is not None and note != (self.item.note if self.item else None):
                self.busy = True
                self.controller.save_edit(note, card_id, revealed)

        self.trainer.push_screen(EditNoteDialog(self.item.note), edited)

    def action_source(self) -> None:
        item = self.item
        if item is None or self.phase is not Phase.BACK:
            self.trainer.say("The source paragraph shows on the answer side.")
            return
        card_view = self.query_one(CardView)
        if card_view.source_shown:
            card_view.show_source(None)
            return
        article = item.note.source.article
        if not article:
            self.trainer.say("This card has no source article.", "warning")
            return
        self.controller.source(article)

    def action_toggle_typing(self) -> None:
        self.typing_override = not self.typing
        self.trainer.say("Typed answers on" if self.typing else "Typed answers off")
        if self.phase is Phase.FRONT and not self.busy:
            self.show(self.item)

    def action_browse(self) -> None:
        from trainer.tui.screens.browser import BrowserScreen, deck_query

        if self.busy:
            return
        card = self.item.card.id if self.item is not None else None

        def back(_result: None) -> None:
            if not self.busy:  # the browser may have suspended, moved or edited this card
                self.busy = True
                self.controller.first()

        self.trainer.push_screen(BrowserScreen(deck_query(self.deck), card), back)

    def action_leave(self) -> None:
        if self.focused is self.query_one(AnswerBox).field:
            self.set_focus(None)
            return
        session = self.session
        if session.answered:
            minutes = render.elapsed_text(session.elapsed_ms())
            self.trainer.say(
                f"Session: {plural(session.answered, 'card')} in {minutes}, {session.again} again"
            )
        self.dismiss(None)
