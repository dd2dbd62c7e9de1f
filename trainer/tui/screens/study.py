"""Studying: front, reveal, rate; undo, bury, suspend, edit, source; typed answers.

Database work runs in thread workers. A rating is ignored while the previous
answer is being written, and the next card appears only after ``answer()``
has returned (it commits), so quitting at any moment loses nothing.

Speed: while a card is shown, a worker reads the card expected next
(:func:`progress.upcoming`). When the answer has committed and that guess
provably is the queue head (:meth:`progress.Lookahead.holds`), it is shown at
once with predicted counts; the same worker then reads the real head with its
counts (``next_item``) and corrects the screen if anything differs, before any
key is taken again. Otherwise the next card comes from ``next_item`` directly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, Static

from trainer.domain.model import Note, NoteKind, Rating
from trainer.services import grading
from trainer.tui import render
from trainer.tui.app import StoreUnavailable
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.screens.base import TrainerScreen
from trainer.tui.screens.summary import elapsed_text, summary_content
from trainer.tui.widgets.card_view import CardView
from trainer.tui.widgets.counts import CountsBar
from trainer.tui.widgets.rating_bar import RatingBar

if TYPE_CHECKING:
    from trainer.services.progress import DaySummary, Lookahead, Tomorrow
    from trainer.services.study import StudyItem

MAX_ANSWER_MS = 60_000
"""Anki caps the time counted for one answer at a minute."""


class Phase(Enum):
    LOADING = "loading"
    FRONT = "front"
    BACK = "back"
    DONE = "done"


@dataclass
class Session:
    """What this sitting has done, for the summary."""

    started: float
    answered: int = 0
    again: int = 0
    ratings: tuple[Rating, ...] = ()


class StudyScreen(TrainerScreen):
    """One deck (and its sub-decks), or all decks for ``deck=None``."""

    CSS_PATH = "study.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "space", "Show answer"),
        Binding("enter", "space", "Show/confirm", show=False),
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("minus", "bury", "Bury"),
        Binding("exclamation_mark", "suspend", "Suspend"),
        Binding("e", "edit", "Edit"),
        Binding("s", "source", "Source"),
        Binding("t", "toggle_typing", "Type"),
        Binding("question_mark", "help", "Keys"),
        Binding("escape,q", "leave", "Decks"),
    ]
    KEYS: ClassVar[list[tuple[str, str]]] = [
        ("space / enter", "Show the answer; on the answer side, confirm Good or the suggestion"),
        ("1 2 3 4", "Again · Hard · Good · Easy"),
        ("u / ctrl+z", "Undo the last answer"),
        ("-", "Bury the card until tomorrow"),
        ("!", "Suspend the card"),
        ("e", "Edit the note (keeps its history)"),
        ("s", "Show the source paragraph (answer side)"),
        ("t", "Type the answer and have it graded"),
        ("esc", "Leave the typing field, or go back to the decks"),
        ("ctrl+p", "Command palette"),
        ("ctrl+t", "Light / dark theme"),
        ("?", "This list"),
    ]
    PALETTE: ClassVar[list[tuple[str, str, str]]] = [
        ("Undo last answer", "Take back the last answer of this session", "undo"),
        ("Bury card", "Hide this card until tomorrow", "bury"),
        ("Suspend card", "Take this card out of study", "suspend"),
        ("Edit note", "Edit this card's note in place", "edit"),
        ("Show source paragraph", "The article paragraph this card came from", "source"),
        ("Type answers on/off", "Answer by typing, graded point by point", "toggle_typing"),
        ("Back to decks", "Leave the study screen", "leave"),
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
        self._key_at: float | None = None
        self._sources: dict[str, tuple[str, str] | None] = {}
        self._next: Lookahead | None = None
        """The card expected after the one shown, read while it is shown."""
        self._hint = ""

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield CountsBar(id="counts")
        yield CardView(id="card")
        typed = Input(placeholder="Type your answer · Enter checks it", id="typed")
        typed.display = False
        yield typed
        yield Static("", markup=False, id="reveal-hint")
        ratings = RatingBar(id="ratings")
        ratings.display = False
        yield ratings
        done = Vertical(id="done")
        done.display = False
        with done:
            yield Static("", markup=False, id="done-title")
            yield Static("", markup=False, id="done-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.deck or "All decks"
        self.query_one("#typed", Input).cursor_blink = self.trainer.cursor_blink
        self._set_hint("Loading…")
        self.load_first()

    # -- state -------------------------------------------------------------------
    @property
    def typing(self) -> bool:
        if self.item is None or (
            self.item.note.kind is NoteKind.CLOZE and not self.typing_override
        ):
            return bool(self.typing_override)
        if self.typing_override is not None:
            return self.typing_override
        return self.item.deck.options.type_answers

    def show(self, item: StudyItem | None, *, revealed: bool = False) -> None:
        """Show ``item``'s front (or back), or the done panel for None.

        Visibility changes go through ``display`` (an inline style), not CSS
        classes, so a new card restyles nothing: it is one layout and one paint.
        """
        self.busy = False
        self.item = item
        self.suggested = None
        self._next = None
        card_view = self.query_one(CardView)
        typed = self.query_one("#typed", Input)
        ratings = self.query_one(RatingBar)
        hint = self.query_one("#reveal-hint", Static)
        done = self.query_one("#done")
        counts = self.query_one("#counts", CountsBar)
        if item is None:
            self.phase = Phase.DONE
            for w in (card_view, typed, ratings, hint, counts):
                w.display = False
            done.display = True
            self.query_one("#done-title", Static).update("Done for today")
            self.query_one("#done-text", Static).update("Counting what comes tomorrow…")
            self.load_tomorrow()
            return
        done.display = False
        card_view.display = True
        counts.display = True
        counts.show(item.counts, item.card.queue)
        self.shown_at = time.monotonic()
        self.call_after_refresh(self.look_ahead, item.card.id)
        if revealed:
            self._show_back()
            return
        self.phase = Phase.FRONT
        card_view.show_card(render.front(item.note, item.card.ord))
        ratings.display = False
        hint.display = True
        if self.typing:
            typed.value = ""
            typed.display = True
            typed.focus()
            self._set_hint(
                "Enter checks your answer · Esc leaves the field · Enter on empty shows it"
            )
        else:
            typed.display = False
            if self.focused is not None:
                self.set_focus(None)
            self._set_hint("Space or Enter: show answer · t: type the answer · ?: keys")

    def _set_hint(self, text: str) -> None:
        if text != self._hint:
            self._hint = text
            self.query_one("#reveal-hint", Static).update(text)

    def _show_back(self) -> None:
        assert self.item is not None
        self.phase = Phase.BACK
        item = self.item
        self.query_one(CardView).show_card(render.back(item.note, item.card.ord))
        self.query_one("#typed", Input).display = False
        self.query_one("#reveal-hint", Static).display = False
        ratings = self.query_one(RatingBar)
        ratings.display = True
        ratings.show(item.intervals, self.suggested)
        if self.focused is not None:
            self.set_focus(None)

    # -- workers -----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="study")
    def load_first(self) -> None:
        self._run(lambda: self.trainer.study.next_item(self.trainer.now(), self.deck))

    def _run(
        self,
        fetch: Callable[[], StudyItem | None],
        *,
        revealed: bool = False,
        done: str = "",
    ) -> None:
        """Run ``fetch`` (in the worker thread) and show what it returns."""
        try:
            item = fetch()
        except StoreUnavailable:
            return  # the app is closing with the reason
        except Exception as exc:
            self.trainer.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.trainer.call_from_thread(self._arrived, item, revealed, done)

    def _arrived(self, item: StudyItem | None, revealed: bool, done: str) -> None:
        self.show(item, revealed=revealed)
        if done:
            self.trainer.say(done)
        self._measure()

    def _measure(self) -> None:
        """Record rating key → this paint, if a rating is waiting for its card."""
        if self._key_at is not None:
            started, self._key_at = self._key_at, None
            self.call_after_refresh(self._painted, started)

    def _painted(self, started: float) -> None:
        self.trainer.answer_latencies_ms.append((time.perf_counter() - started) * 1000)

    def _failed(self, message: str) -> None:
        self.busy = False
        self._key_at = None
        self.trainer.say(message, "error")

    @work(thread=True, exclusive=True, group="study")
    def answer_and_next(
        self, card_id: int, rating: Rating, duration_ms: int, guess: Lookahead | None
    ) -> None:
        from trainer.services.progress import counts_after

        trainer = self.trainer
        study = trainer.study
        shown = self.item
        try:
            now = trainer.now()
            result = study.answer(card_id, rating, now, duration_ms)  # commits before returning
            store = trainer.store
            day_end = store.clock.next_day_start(guess.at) if guess is not None else now
            if (
                guess is not None
                and guess.item is not None
                and shown is not None
                and guess.holds(shown.card, result.card, result.buried_siblings, now, day_end)
            ):
                counts = counts_after(shown.counts, shown.card, result.card, now)
                provisional = replace(guess.item, counts=counts)
                painted = threading.Event()
                trainer.call_from_thread(self._provisional, provisional, painted)
                # Read the real head once the guess is painted, not while it is painting.
                painted.wait(0.25)
                real = study.next_item(trainer.now(), self.deck)
                trainer.call_from_thread(self._confirmed, provisional, real)
                return
        except StoreUnavailable:
            return
        except Exception as exc:
            trainer.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self._run(lambda: study.next_item(trainer.now(), self.deck))

    def _provisional(self, item: StudyItem, painted: threading.Event) -> None:
        """The committed answer's expected successor: shown now, confirmed next."""
        self.show(item)
        self.busy = True  # until the real queue head is confirmed
        self._measure()
        self.call_after_refresh(painted.set)

    def _confirmed(self, shown: StudyItem, real: StudyItem | None) -> None:
        if self.item is not shown:
            return  # the screen moved on (left, undone): nothing to confirm
        if real is None or real.card.id != shown.card.id:
            self.show(real)  # someone else changed the queue: show the real head
            return
        self.busy = False
        self.item = replace(shown, card=real.card, counts=real.counts, intervals=real.intervals)
        if real.counts != shown.counts:
            self.query_one("#counts", CountsBar).show(real.counts, real.card.queue)

    @work(thread=True, group="look-ahead")
    def look_ahead(self, card_id: int) -> None:
        """Read the card expected after ``card_id`` while it is on screen."""
        from trainer.services.progress import upcoming

        try:
            trainer = self.trainer
            guess = upcoming(trainer.store, trainer.study, trainer.now(), self.deck, card_id)
        except Exception:
            return  # only a guess: the answer path reads the queue itself
        trainer.call_from_thread(self._looked_ahead, guess)

    def _looked_ahead(self, guess: Lookahead) -> None:
        if self.item is not None and self.item.card.id == guess.after:
            self._next = guess

    @work(thread=True, exclusive=True, group="study")
    def undo_last(self) -> None:
        from trainer.services.progress import item_for_card

        def fetch() -> StudyItem | None:
            card = self.trainer.study.undo()
            if card is None:
                return self.item
            return item_for_card(self.trainer.store, card.id, self.trainer.now(), self.deck)

        self._run(fetch, done="Undone: the card is back")

    @work(thread=True, exclusive=True, group="study")
    def put_away(self, card_id: int, how: str) -> None:
        def fetch() -> StudyItem | None:
            now = self.trainer.now()
            if how == "bury":
                self.trainer.study.bury(card_id, now)
            else:
                self.trainer.study.suspend(card_id)
            self.trainer.cards_changed()
            return self.trainer.study.next_item(now, self.deck)

        self._run(fetch, done="Buried until tomorrow" if how == "bury" else "Card suspended")

    @work(thread=True, exclusive=True, group="study")
    def save_edit(self, note: Note, card_id: int, revealed: bool) -> None:
        from trainer.services.progress import item_for_card

        def fetch() -> StudyItem | None:
            self.trainer.decks.edit_note(note)
            self.trainer.cards_changed()
            return item_for_card(self.trainer.store, card_id, self.trainer.now(), self.deck)

        self._run(fetch, revealed=revealed, done="Note saved")

    @work(thread=True, exclusive=True, group="tomorrow")
    def load_tomorrow(self) -> None:
        from trainer.services import progress

        try:
            now = self.trainer.now()
            ahead = progress.tomorrow(self.trainer.store, now, self.deck)
            today = progress.day_summary(self.trainer.store, now, self.deck)
        except StoreUnavailable:
            return
        except Exception as exc:
            self.trainer.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.trainer.call_from_thread(self._show_done, ahead, today)

    def _show_done(self, ahead: Tomorrow, today: DaySummary) -> None:
        elapsed_ms = int((time.monotonic() - self.session.started) * 1000)
        empty = (
            self.session.answered == 0 and today.reviews == 0 and not (ahead.review or ahead.new)
        )
        title = "Nothing to study here yet" if empty else "Done for today"
        self.query_one("#done-title", Static).update(title)
        self.query_one("#done-text", Static).update(
            summary_content(self.session.answered, self.session.again, elapsed_ms, today, ahead)
        )

    @work(thread=True, exclusive=True, group="source")
    def load_source(self, article: str) -> None:
        try:
            found = self.trainer.decks.source_text(article)
        except StoreUnavailable:
            return
        self.trainer.call_from_thread(self._show_source, article, found)

    def _show_source(self, article: str, found: tuple[str, str] | None) -> None:
        self._sources[article] = found
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

    # -- actions -----------------------------------------------------------------
    def action_space(self) -> None:
        if self.busy:
            return
        if self.phase is Phase.FRONT:
            self._show_back()
        elif self.phase is Phase.BACK:
            self.action_rate(int(self.suggested or Rating.GOOD))

    def action_rate(self, value: int) -> None:
        if self.busy or self.item is None or self.phase is not Phase.BACK:
            return
        rating = Rating(value)
        self.busy = True
        self._key_at = time.perf_counter()
        self.session.answered += 1
        self.session.again += rating is Rating.AGAIN
        self.session.ratings += (rating,)
        duration = min(MAX_ANSWER_MS, int((time.monotonic() - self.shown_at) * 1000))
        guess = (
            self._next if self._next is not None and self._next.after == self.item.card.id else None
        )
        self.answer_and_next(self.item.card.id, rating, duration, guess)

    def on_rating_bar_rated(self, event: RatingBar.Rated) -> None:
        self.action_rate(int(event.rating))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy or self.item is None or self.phase is not Phase.FRONT:
            return
        typed = event.value
        if not typed.strip():
            self._show_back()
            return
        item = self.item
        result = grading.grade_note(item.note, item.card.ord, typed)
        self.suggested = result.suggested
        self._show_back()
        self.query_one(CardView).show_grading(render.grading(result))

    def action_undo(self) -> None:
        if self.busy:
            return
        if self.session.answered == 0:
            self.trainer.say("Nothing to undo in this session.")
            return
        self.busy = True
        self.session.answered -= 1
        if self.session.ratings:
            last = self.session.ratings[-1]
            self.session.again -= last is Rating.AGAIN
            self.session.ratings = self.session.ratings[:-1]
        self.undo_last()

    def action_bury(self) -> None:
        if self.busy or self.item is None or self.phase is Phase.DONE:
            return
        self.busy = True
        self.put_away(self.item.card.id, "bury")

    def action_suspend(self) -> None:
        if self.busy or self.item is None or self.phase is Phase.DONE:
            return
        self.busy = True
        self.put_away(self.item.card.id, "suspend")

    def action_edit(self) -> None:
        if self.busy or self.item is None or self.phase is Phase.DONE:
            return
        card_id = self.item.card.id
        revealed = self.phase is Phase.BACK

        def edited(note: Note | None) -> None:
            if note is not None and note != (self.item.note if self.item else None):
                self.busy = True
                self.save_edit(note, card_id, revealed)

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
        if article in self._sources:
            self._show_source(article, self._sources[article])
        else:
            self.load_source(article)

    def action_toggle_typing(self) -> None:
        self.typing_override = not self.typing
        self.trainer.say("Typed answers on" if self.typing else "Typed answers off")
        if self.phase is Phase.FRONT and not self.busy:
            self.show(self.item)

    def action_help(self) -> None:
        self.trainer.push_screen(HelpDialog("Studying: keys", self.KEYS))

    def action_leave(self) -> None:
        typed = self.query_one("#typed", Input)
        if self.focused is typed:
            self.set_focus(None)
            return
        if self.session.answered:
            minutes = elapsed_text(int((time.monotonic() - self.session.started) * 1000))
            self.trainer.say(
                f"Session: {self.session.answered} cards in {minutes}, {self.session.again} again"
            )
        self.dismiss(None)
