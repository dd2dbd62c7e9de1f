"""The study screen's work with the services: fetch, answer, look ahead, undo, bury…

Every call here runs off the UI thread (a thread worker on the screen, or for
answers the screen's answer thread, below) and hands the result back on the UI
thread (``call_from_thread``) through the :class:`StudyView` methods; nothing
here touches a widget. Answers commit before they return, and the next card is
handed over only after that; the answer thread is not a daemon, so quitting
right after a rating still commits it.

Speed: while a card is shown, :meth:`StudyController.look_ahead` reads the
card expected next (:func:`progress.upcoming`). When the answer has committed
and that guess provably is the queue head (:meth:`progress.Lookahead.holds`),
it is handed over at once (:meth:`StudyView.provisional`) with predicted
counts; once it is painted the same thread reads the real head with its counts
(``next_item``) and the card expected after it, and hands both over
(:meth:`StudyView.confirmed`), so the screen can correct itself before taking
another key (a key pressed meanwhile waits, see the screen) and the next
answer's commit never queues behind a look-ahead. Otherwise the next card
comes from ``next_item`` directly.

Answers run on one long-lived thread (:class:`AnswerThread`), not a Textual
worker each: a worker starts on the event loop's next turn and then waits for
a pool thread, two waits for the scheduler on a busy machine before the
commit can even begin. The thread takes one answer at a time, in order.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from trainer.domain.errors import StoreUnavailable
from trainer.domain.model import Note, Rating

if TYPE_CHECKING:
    from textual.worker import Worker

    from trainer.services.progress import DaySummary, Lookahead, Tomorrow
    from trainer.services.study import StudyItem
    from trainer.services.undo import Undone
    from trainer.tui.app import TrainerApp

Fetch = Callable[[], "StudyItem | None"]


@dataclass
class Session:
    """What this sitting has done, for the summary."""

    started: float
    answered: int = 0
    again: int = 0
    ratings: tuple[Rating, ...] = ()

    def record(self, rating: Rating) -> None:
        self.answered += 1
        self.again += rating is Rating.AGAIN
        self.ratings += (rating,)

    def take_back(self) -> None:
        """The last answer was undone (maybe one given before this screen opened)."""
        self.answered = max(0, self.answered - 1)
        if self.ratings:
            last = self.ratings[-1]
            self.again -= last is Rating.AGAIN
            self.ratings = self.ratings[:-1]

    def elapsed_ms(self) -> int:
        return int((time.monotonic() - self.started) * 1000)


class StudyView(Protocol):
    """What the controller needs of its screen; the result methods run on the UI thread."""

    @property
    def trainer(self) -> TrainerApp: ...

    def run_worker(
        self,
        work: Callable[[], None],
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Worker[None]: ...

    def arrived(self, item: StudyItem | None, revealed: bool, done: str) -> None:
        """Show ``item`` (None: the queue is empty); ``done`` is a notice to show."""

    def failed(self, message: str) -> None:
        """A service call failed; nothing changed on screen."""

    def provisional(self, item: StudyItem, painted: threading.Event) -> None:
        """Show the expected successor now; set ``painted`` once it is painted."""

    def confirmed(self, shown: StudyItem, real: StudyItem | None, ahead: Lookahead | None) -> None:
        """The real queue head after ``shown`` was put on screen provisionally, and
        (when it is ``shown``) the card expected after it."""

    def looked_ahead(self, guess: Lookahead) -> None:
        """The card expected after ``guess.after``."""

    def tomorrow_counted(self, ahead: Tomorrow, today: DaySummary) -> None:
        """Today's answers and tomorrow's counts, for the end of the queue."""

    def source_found(self, article: str, found: tuple[str, str] | None) -> None:
        """The title and text of ``article`` (None: not in the store)."""

    def undone(self, item: StudyItem | None, undone: Undone) -> None:
        """``undone`` was taken back; ``item`` is its card, to show again."""


class AnswerThread:
    """One thread that runs answers in the order given; started on first use.

    ``close`` lets it finish what it was given (an answer in flight still
    commits) and end; it is not a daemon, so the process waits for that commit.
    """

    def __init__(self, on_error: Callable[[Exception], None]) -> None:
        self._on_error = on_error
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._unfinished = 0

    @property
    def idle(self) -> bool:
        """Nothing given is still to run or running."""
        with self._lock:
            return self._unfinished == 0

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until ``idle`` (not on the UI thread: jobs call back into it)."""
        with self._done:
            return self._done.wait_for(lambda: self._unfinished == 0, timeout)

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="answers", daemon=False)
                self._thread.start()
            self._unfinished += 1
        self._jobs.put(job)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception as exc:  # a job reports its own errors; this one escaped
                with contextlib.suppress(RuntimeError):  # the app stopped: nobody to tell
                    self._on_error(exc)
            finally:
                with self._done:
                    self._unfinished -= 1
                    self._done.notify_all()

    def close(self) -> None:
        with self._lock:
            if self._thread is not None:
                self._jobs.put(None)
                self._thread = None


class StudyController:
    """Runs one study screen's service calls for ``deck`` (None: every deck)."""

    def __init__(self, view: StudyView, deck: str | None) -> None:
        self.view = view
        self.deck = deck
        self._sources: dict[str, tuple[str, str] | None] = {}
        self._answers = AnswerThread(self._fail)

    def close(self) -> None:
        """The screen is going away: end the answer thread once its work is done."""
        self._answers.close()

    @property
    def answers(self) -> AnswerThread:
        """The thread answers are committed on (tests wait for it to be idle)."""
        return self._answers

    # -- plumbing ------------------------------------------------------------------------
    def _start(self, work: Callable[[], None], name: str, group: str, exclusive: bool) -> None:
        self.view.run_worker(
            work, name=name, group=group, description=name, exclusive=exclusive, thread=True
        )

    def _fail(self, exc: Exception) -> None:
        """In a worker: report ``exc`` on the UI thread."""
        self.view.trainer.call_from_thread(self.view.failed, f"{type(exc).__name__}: {exc}")

    def _run(self, fetch: Fetch, *, revealed: bool = False, done: str = "") -> None:
        """In a worker: run ``fetch`` and hand over what it returns."""
        try:
            item = fetch()
        except StoreUnavailable:
            return  # the app is closing with the reason
        except Exception as exc:
            self._fail(exc)
            return
        self.view.trainer.call_from_thread(self.view.arrived, item, revealed, done)

    def _study(self, fetch: Fetch, name: str, *, revealed: bool = False, done: str = "") -> None:
        """Run ``fetch`` in the screen's one "study" worker (a new one replaces the old)."""
        self._start(lambda: self._run(fetch, revealed=revealed, done=done), name, "study", True)

    # -- the queue -----------------------------------------------------------------------
    def first(self) -> None:
        """Read the queue head."""
        trainer = self.view.trainer
        self._study(lambda: trainer.study.next_item(trainer.now(), self.deck), "load_first")

    def answer(
        self, shown: StudyItem, rating: Rating, duration_ms: int, guess: Lookahead | None
    ) -> None:
        """Commit ``rating`` for ``shown``; then hand over the next card (see the module)."""
        self._answers.submit(lambda: self._answer(shown, rating, duration_ms, guess))

    def _answer(
        self, shown: StudyItem, rating: Rating, duration_ms: int, guess: Lookahead | None
    ) -> None:
        from trainer.services.progress import counts_after

        view = self.view
        trainer = view.trainer
        study = trainer.study
        try:
            now = trainer.now()
            result = study.answer(shown.card.id, rating, now, duration_ms)  # commits first
            day_end = trainer.store.clock.next_day_start(guess.at) if guess is not None else now
            if (
                guess is not None
                and guess.item is not None
                and guess.holds(shown.card, result.card, result.buried_siblings, now, day_end)
            ):
                counts = counts_after(shown.counts, shown.card, result.card, now)
                provisional = replace(guess.item, counts=counts)
                painted = threading.Event()
                trainer.call_from_thread(view.provisional, provisional, painted)
                # Read the real head once the guess is painted, not while it is painting.
                painted.wait(0.25)
                real = study.next_item(trainer.now(), self.deck)
                ahead = None
                if real is not None and real.card.id == provisional.card.id:
                    ahead = self._upcoming(real.card.id)
                trainer.call_from_thread(view.confirmed, provisional, real, ahead)
                return
        except StoreUnavailable:
            return
        except Exception as exc:
            self._fail(exc)
            return
        self._run(lambda: study.next_item(trainer.now(), self.deck))

    def look_ahead(self, card_id: int) -> None:
        """Read the card expected after ``card_id`` while it is on screen."""
        self._start(lambda: self._look_ahead(card_id), "look_ahead", "look-ahead", False)

    def _look_ahead(self, card_id: int) -> None:
        guess = self._upcoming(card_id)
        if guess is not None:
            self.view.trainer.call_from_thread(self.view.looked_ahead, guess)

    def _upcoming(self, card_id: int) -> Lookahead | None:
        """In a worker: the card expected after ``card_id`` (None: could not say)."""
        from trainer.services.progress import upcoming

        trainer = self.view.trainer
        try:
            return upcoming(trainer.store, trainer.study, trainer.now(), self.deck, card_id)
        except Exception:
            return None  # only a guess: the answer path reads the queue itself

    def undo(self) -> None:
        """Take back this session's last action (answer, bury, suspend, edit); show its card."""
        self._start(self._undo, "undo_last", "study", True)

    def _undo(self) -> None:
        from trainer.services.progress import item_for_card

        trainer = self.view.trainer
        try:
            undone = trainer.study.undo_last()
            if undone is None:
                trainer.call_from_thread(self.view.failed, "Nothing to undo in this session.")
                return
            trainer.cards_changed()
            if undone.step.decks_changed:
                trainer.decks_changed()
            item = None
            if undone.card is not None:
                item = item_for_card(trainer.store, undone.card.id, trainer.now(), self.deck)
        except StoreUnavailable:
            return
        except Exception as exc:
            self._fail(exc)
            return
        trainer.call_from_thread(self.view.undone, item, undone)

    def put_away(self, card_id: int, how: str) -> None:
        """Bury (``how="bury"``) or suspend the card, then hand over the next one."""
        trainer = self.view.trainer

        def fetch() -> StudyItem | None:
            now = trainer.now()
            if how == "bury":
                trainer.study.bury(card_id, now)
            else:
                trainer.study.suspend(card_id)
            trainer.cards_changed()
            return trainer.study.next_item(now, self.deck)

        done = "Buried until tomorrow" if how == "bury" else "Card suspended"
        self._study(fetch, "put_away", done=done)

    def save_edit(self, note: Note, card_id: int, revealed: bool) -> None:
        """Save the edited note (its history stays) and hand the card over again."""
        from trainer.services.progress import item_for_card

        trainer = self.view.trainer

        def fetch() -> StudyItem | None:
            trainer.study.edit_note(note, card_id)
            trainer.cards_changed()
            return item_for_card(trainer.store, card_id, trainer.now(), self.deck)

        self._study(fetch, "save_edit", revealed=revealed, done="Note saved")

    # -- around the queue ----------------------------------------------------------------
    def count_tomorrow(self) -> None:
        """Today's summary and tomorrow's counts, for the end of the queue."""
        self._start(self._count_tomorrow, "load_tomorrow", "tomorrow", True)

    def _count_tomorrow(self) -> None:
        from trainer.services import progress

        trainer = self.view.trainer
        try:
            now = trainer.now()
            ahead = progress.tomorrow(trainer.store, now, self.deck)
            today = progress.day_summary(trainer.store, now, self.deck)
        except StoreUnavailable:
            return
        except Exception as exc:
            self._fail(exc)
            return
        trainer.call_from_thread(self.view.tomorrow_counted, ahead, today)

    def source(self, article: str) -> None:
        """Hand over ``article``'s title and text: at once if read before, else from a worker."""
        if article in self._sources:
            self.view.source_found(article, self._sources[article])
            return
        self._start(lambda: self._read_source(article), "load_source", "source", True)

    def _read_source(self, article: str) -> None:
        trainer = self.view.trainer
        try:
            found = trainer.decks.source_text(article)
        except StoreUnavailable:
            return
        trainer.call_from_thread(self._found, article, found)

    def _found(self, article: str, found: tuple[str, str] | None) -> None:
        self._sources[article] = found
        self.view.source_found(article, found)
