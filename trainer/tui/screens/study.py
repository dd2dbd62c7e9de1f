"""Studying: front, reveal, rate; undo, bury, suspend, edit, source; typed answers.

Database work runs in thread workers. A rating is ignored while the previous
answer is being written, and the next card appears only after ``answer()``
has returned (it commits), so quitting at any moment loses nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from enum import Enum
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, Static

from trainer.domain.model import Note, NoteKind, Rating
from trainer.services import grading, progress
from trainer.services.study import QueueCounts, StudyItem
from trainer.tui import render
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.screens.base import TrainerScreen
from trainer.tui.screens.summary import summary_content
from trainer.tui.widgets.card_view import CardView
from trainer.tui.widgets.counts import CountsBar
from trainer.tui.widgets.rating_bar import RatingBar

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
        self._next: StudyItem | None = None
        """The card expected next, fetched while this one is shown."""

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield CountsBar(id="counts")
        yield CardView(id="card")
        yield Input(placeholder="Type your answer · Enter checks it", id="typed", classes="hidden")
        yield Static("", markup=False, id="reveal-hint")
        yield RatingBar(id="ratings", classes="hidden")
        with Vertical(id="done", classes="hidden"):
            yield Static("", markup=False, id="done-title")
            yield Static("", markup=False, id="done-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.deck or "All decks"
        self.query_one("#typed", Input).cursor_blink = self.trainer.cursor_blink
        self.query_one("#reveal-hint", Static).update("Loading…")
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
        """Show ``item``'s front (or back), or the done panel for None."""
        self.busy = False
        self.item = item
        self.suggested = None
        self._next = None
        card_view = self.query_one(CardView)
        typed = self.query_one("#typed", Input)
        ratings = self.query_one(RatingBar)
        hint = self.query_one("#reveal-hint", Static)
        done = self.query_one("#done")
        if item is None:
            self.phase = Phase.DONE
            for w in (card_view, typed, ratings, hint):
                w.add_class("hidden")
            done.remove_class("hidden")
            self.query_one("#counts", CountsBar).display = False
            self.query_one("#done-title", Static).update("Done for today")
            self.query_one("#done-text", Static).update("Counting what comes tomorrow…")
            self.load_tomorrow()
            return
        done.add_class("hidden")
        card_view.remove_class("hidden")
        counts = self.query_one("#counts", CountsBar)
        counts.display = True
        counts.show(item.counts, item.card.queue)
        self.shown_at = time.monotonic()
        self.call_after_refresh(self.look_ahead, item.card.id)
        if revealed:
            self._show_back()
            return
        self.phase = Phase.FRONT
        card_view.show_card(render.front(item.note, item.card.ord))
        ratings.add_class("hidden")
        hint.remove_class("hidden")
        if self.typing:
            typed.value = ""
            typed.remove_class("hidden")
            typed.focus()
            hint.update("Enter checks your answer · Esc leaves the field · Enter on empty shows it")
        else:
            typed.add_class("hidden")
            self.set_focus(None)
            hint.update("Space or Enter: show answer · t: type the answer · ?: keys")

    def _show_back(self) -> None:
        assert self.item is not None
        self.phase = Phase.BACK
        item = self.item
        self.query_one(CardView).show_card(render.back(item.note, item.card.ord))
        self.query_one("#typed", Input).add_class("hidden")
        self.query_one("#reveal-hint", Static).add_class("hidden")
        ratings = self.query_one(RatingBar)
        ratings.remove_class("hidden")
        ratings.show(item.intervals, self.suggested)
        self.set_focus(None)

    # -- workers -----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="study")
    def load_first(self) -> None:
        self._run(lambda: self.trainer.study.next_item(self.trainer.now(), self.deck))

    def _run(self, fetch: object, *, revealed: bool = False, done: str = "") -> None:
        """Run ``fetch`` (in the worker thread) and show what it returns."""
        try:
            item = fetch()  # type: ignore[operator]
        except Exception as exc:
            self.trainer.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.trainer.call_from_thread(self._arrived, item, revealed, done)

    def _arrived(self, item: StudyItem | None, revealed: bool, done: str) -> None:
        self.show(item, revealed=revealed)
        if done:
            self.trainer.say(done)
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
    def answer_and_next(self, card_id: int, rating: Rating, duration_ms: int) -> None:
        def fetch() -> StudyItem | None:
            now = self.trainer.now()
            study = self.trainer.study
            study.answer(card_id, rating, now, duration_ms)  # commits before returning
            guess, shown = self._next, self.item
            if guess is not None and shown is not None:
                head = study.queue(now, self.deck, limit=1)
                if not head:
                    return None
                if head[0].id == guess.card.id:
                    # The prefetched card is the real queue head: show it with the
                    # current counts; look_ahead() refreshes them right after.
                    return replace(guess, card=head[0], counts=shown.counts)
            return study.next_item(now, self.deck)

        self._run(fetch)

    @work(thread=True, exclusive=True, group="look-ahead")
    def look_ahead(self, card_id: int) -> None:
        """Fresh counts for the card on screen, then prefetch the one after it."""
        now = self.trainer.now()
        study = self.trainer.study
        try:
            counts = study.counts(now, self.deck)
            self.trainer.call_from_thread(self._counts_arrived, card_id, counts)
            guess = progress.upcoming(self.trainer.store, study, now, self.deck, card_id)
        except Exception:
            return
        if self.item is not None and self.item.card.id == card_id:
            self._next = guess

    def _counts_arrived(self, card_id: int, counts: QueueCounts) -> None:
        if self.item is not None and self.item.card.id == card_id:
            self.item = replace(self.item, counts=counts)
            self.query_one("#counts", CountsBar).show(counts, self.item.card.queue)

    @work(thread=True, exclusive=True, group="study")
    def undo_last(self) -> None:
        def fetch() -> StudyItem | None:
            card = self.trainer.study.undo()
            if card is None:
                return self.item
            return progress.item_for_card(
                self.trainer.store, card.id, self.trainer.now(), self.deck
            )

        self._run(fetch, done="Undone: the card is back")

    @work(thread=True, exclusive=True, group="study")
    def put_away(self, card_id: int, how: str) -> None:
        def fetch() -> StudyItem | None:
            now = self.trainer.now()
            if how == "bury":
                self.trainer.study.bury(card_id, now)
            else:
                self.trainer.study.suspend(card_id)
            return self.trainer.study.next_item(now, self.deck)

        self._run(fetch, done="Buried until tomorrow" if how == "bury" else "Card suspended")

    @work(thread=True, exclusive=True, group="study")
    def save_edit(self, note: Note, card_id: int, revealed: bool) -> None:
        def fetch() -> StudyItem | None:
            self.trainer.decks.edit_note(note)
            return progress.item_for_card(
                self.trainer.store, card_id, self.trainer.now(), self.deck
            )

        self._run(fetch, revealed=revealed, done="Note saved")

    @work(thread=True, exclusive=True, group="tomorrow")
    def load_tomorrow(self) -> None:
        now = self.trainer.now()
        ahead = progress.tomorrow(self.trainer.store, now, self.deck)
        today = progress.day_summary(self.trainer.store, now, self.deck)
        self.trainer.call_from_thread(self._show_done, ahead, today)

    def _show_done(self, ahead: progress.Tomorrow, today: progress.DaySummary) -> None:
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
        found = self.trainer.decks.source_text(article)
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
        self.answer_and_next(self.item.card.id, rating, duration)

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
            minutes = render.plain(
                progress.elapsed_text(int((time.monotonic() - self.session.started) * 1000))
            )
            self.trainer.say(
                f"Session: {self.session.answered} cards in {minutes.plain}, {self.session.again} again"
            )
        self.dismiss(None)
