"""Timed answer practice: a question, a multi-line answer, a countdown and the cell count.

The countdown reads the app's clock (``TrainerApp.now``, pinned in tests) once a
second; at zero the answer is handed in as it stands. After handing in (Ctrl+S)
the screen shows each expected point hit / partial / missed, the coverage, the
count against the limit, the model answer, and the studied terms and 金句 the
answer used or could have used; 1-4 rate it (the suggestion is already saved),
``n`` moves to the next question, ``g`` opens the 概括 drill on this question.
Question and article text are data: shown through Content, never markup.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Static, TextArea

from trainer.domain.display import visible
from trainer.domain.errors import StoreUnavailable
from trainer.domain.grid import count as grid_count
from trainer.tui.keys import Key
from trainer.tui.screens.base import TrainerScreen

if TYPE_CHECKING:
    from trainer.services.practice import PracticeResult, Question

MARK_STYLE = {"✓": "bold $success", "◐": "bold $warning", "✗": "bold $error"}
MARK_WORD = {"✓": "hit", "◐": "partial", "✗": "missed"}


def clock_text(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60:02d}:{s % 60:02d}"


def result_content(result: PracticeResult) -> Content:
    g = result.grade
    parts: list[str | tuple[str, str] | Content] = []
    if result.timed_out:
        parts.append(("Time ran out: the answer was handed in as it stood.\n", "bold $warning"))
    over = result.over
    parts += [
        ("Points ", "bold"),
        f"{g.recalled}/{len(g.points)} · coverage ",
        (f"{g.coverage:.0%}", "bold"),
        f" · {result.count.cells}/{result.limit} cells",
    ]
    if over:
        parts.append((f" · over the limit by {over}", "bold $error"))
    parts.append("\n")
    for p in g.points:
        parts += [
            (f"{p.mark.value} {MARK_WORD[p.mark.value]:<8}", MARK_STYLE[p.mark.value]),
            visible(p.expected),
            "\n",
        ]
    parts += [
        ("Suggested ", "bold"),
        f"{g.suggested.name.title()} ({g.reason})\n",
        ("Model answer\n", "bold"),
        visible(result.question.model_answer),
        "\n",
    ]
    m = result.memory
    if m.used_terms or m.used_quotes:
        parts += [("Used from your cards: ", "bold"), visible("、".join(m.used_terms)), "\n"]
        for quote in m.used_quotes:
            parts += ["  金句 ", visible(quote), "\n"]
    for point, fits in m.fits:
        parts += [
            ("Studied, would fit ", "bold"),
            visible(f"“{point}”: "),
            visible(" / ".join(fits)),
            "\n",
        ]
    parts.append(("1 again · 2 hard · 3 good · 4 easy · n next question · g 概括 drill", "dim"))
    return Content.assemble(*parts)


class PracticeScreen(TrainerScreen):
    """Questions of a deck or an article (every stored article by default)."""

    CSS_PATH = "practice.tcss"
    TITLE_KEYS = "Practice"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "ctrl+s",
            "submit",
            "Hand in",
            priority=True,
            help="Hand in the answer (at zero it is handed in by itself)",
            hint="hand in",
        ),
        Key("1", "rate(1)", "Again", show=False, help="Again · Hard · Good · Easy", keys="1 2 3 4"),
        Key("2", "rate(2)", "Hard", show=False, listed=False),
        Key("3", "rate(3)", "Good", show=False, listed=False),
        Key("4", "rate(4)", "Easy", show=False, listed=False),
        Key("n", "next", "Next", help="Next question", palette="Next practice question"),
        Key("g", "drill", "概括 drill", help="概括 drill on this question", palette="概括 drill"),
        Key("escape", "dismiss(None)", "Back", help="Back"),
    ]

    class Ready(Message):
        """A question is on screen (or there is none)."""

    class Graded(Message):
        """The graded result is on screen."""

    def __init__(
        self, target: str | None = None, kind: str | None = None, minutes: int | None = None
    ) -> None:
        super().__init__()
        self.target = target
        self.kind = kind
        self.minutes = minutes
        self.questions: list[Question] = []
        self.index = 0
        self.started: datetime | None = None
        self.deadline: datetime | None = None
        self.result: PracticeResult | None = None
        self.rated: int | None = None
        self.handing_in = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading questions…", markup=False, id="practice-question")
        yield Static("", markup=False, id="practice-status")
        yield TextArea("", id="practice-answer", soft_wrap=True, show_line_numbers=False)
        with VerticalScroll(id="practice-result"):
            yield Static("", markup=False, id="practice-result-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = visible(f"Practice · {self.target or 'all articles'}")
        self.query_one("#practice-result").display = False
        self.set_interval(1.0, self.tick)
        self.load()

    @property
    def question(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @work(thread=True, exclusive=True, group="practice")
    def load(self) -> None:
        from trainer.services.practice import PracticeService

        try:
            found = PracticeService(self.trainer.store).questions(
                self.target, self.kind, self.trainer.now()
            )
        except StoreUnavailable:
            return
        except Exception as exc:
            self.trainer.call_from_thread(self._failed, str(exc))
            return
        self.trainer.call_from_thread(self._loaded, found)

    def _failed(self, message: str) -> None:
        self.query_one("#practice-question", Static).update(visible(message))
        self.post_message(self.Ready())

    def _loaded(self, found: list[Question]) -> None:
        self.questions = found
        self.index = 0
        self.show_question()

    def allowed(self, q: Question) -> int:
        return (self.minutes or q.minutes) * 60

    def show_question(self) -> None:
        q = self.question
        area = self.query_one(TextArea)
        self.result = None
        self.rated = None
        self.handing_in = False
        self.query_one("#practice-result").display = False
        if q is None:
            self.query_one("#practice-question", Static).update(
                "No question to practise here: no list or sentence of 问题, 原因, 对策 or 意义 "
                "was found in the articles."
                if not self.questions
                else "That was the last question. Esc goes back."
            )
            area.display = False
            self.started = self.deadline = None
            self.post_message(self.Ready())
            return
        self.query_one("#practice-question", Static).update(
            Content.assemble((f"【{q.kind}】 ", "bold"), visible(q.text))
        )
        area.display = True
        area.read_only = False
        area.text = ""
        area.focus()
        self.started = self.trainer.now()
        self.deadline = self.started + timedelta(seconds=self.allowed(q))
        self.tick()
        self.post_message(self.Ready())

    def left(self) -> float:
        if self.deadline is None:
            return 0.0
        return (self.deadline - self.trainer.now()).total_seconds()

    def tick(self) -> None:
        """Refresh the countdown; at zero hand the answer in."""
        q = self.question
        if q is None or self.result is not None or self.deadline is None:
            return
        left = self.left()
        self._status(left)
        if left <= 0 and not self.handing_in:
            self.hand_in(timed_out=True)

    def _status(self, left: float) -> None:
        q = self.question
        if q is None:
            return
        counted = grid_count(self.query_one(TextArea).text)
        over = counted.cells > q.limit
        self.query_one("#practice-status", Static).update(
            Content.assemble(
                ("⏱ ", "bold"),
                (clock_text(left), "bold $error" if left < 60 else "bold"),
                " left · ",
                (f"{counted.cells}/{q.limit}", "bold $error" if over else "bold"),
                " cells",
                (" over the limit" if over else "", "bold $error"),
                ("   Ctrl+S hands in", "dim"),
            )
        )

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.result is None and self.deadline is not None:
            self._status(self.left())

    def action_submit(self) -> None:
        if self.question is not None and self.result is None and not self.handing_in:
            self.hand_in(timed_out=False)

    def hand_in(self, timed_out: bool) -> None:
        q = self.question
        assert q is not None and self.started is not None
        self.handing_in = True
        area = self.query_one(TextArea)
        area.read_only = True
        now = self.trainer.now()
        seconds = min((now - self.started).total_seconds(), float(self.allowed(q)))
        self._grade(q, area.text, seconds, timed_out, now)

    @work(thread=True, exclusive=True, group="practice")
    def _grade(
        self, q: Question, answer: str, seconds: float, timed_out: bool, now: datetime
    ) -> None:
        from trainer.services.practice import PracticeService

        try:
            service = PracticeService(self.trainer.store)
            result = service.grade(q, answer, seconds=seconds, timed_out=timed_out)
            result = service.save(result, now, self.allowed(q))
        except StoreUnavailable:
            return
        except Exception as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Not saved: {exc}", "error")
            self.trainer.call_from_thread(self._unlock)
            return
        self.trainer.call_from_thread(self._graded, result)

    def _unlock(self) -> None:
        self.handing_in = False
        self.query_one(TextArea).read_only = False

    def _graded(self, result: PracticeResult) -> None:
        self.result = result
        self.query_one("#practice-status", Static).update(
            f"Handed in after {clock_text(result.seconds)} · saved"
        )
        box = self.query_one("#practice-result")
        box.display = True
        self.query_one("#practice-result-text", Static).update(result_content(result))
        self.set_focus(None)
        self.post_message(self.Graded())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rate", "next", "drill") and self.result is None:
            return action == "drill" and self.question is not None and self.focused is None
        return True

    def action_rate(self, rating: int) -> None:
        if self.result is not None:
            self._rate(self.result, rating)

    @work(thread=True, exclusive=True, group="practice")
    def _rate(self, result: PracticeResult, rating: int) -> None:
        from trainer.domain.model import Rating
        from trainer.services.practice import PracticeService

        try:
            rated = PracticeService(self.trainer.store).rate(result, Rating(rating))
        except StoreUnavailable:
            return
        self.trainer.call_from_thread(self._rated, rated, rating)

    def _rated(self, result: PracticeResult, rating: int) -> None:
        from trainer.domain.clock import from_epoch

        self.result = result
        self.rated = rating
        due = self.trainer.store.clock.local(from_epoch(result.due_at)).strftime("%Y-%m-%d")
        names = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
        self.query_one("#practice-status", Static).update(
            f"Rated {names[rating]} · this question comes back on {due} · n next"
        )
        self.post_message(self.Graded())

    def action_next(self) -> None:
        if self.result is None:
            return
        self.index += 1
        self.show_question()

    def action_drill(self) -> None:
        q = self.question
        if q is None:
            return
        from trainer.tui.screens.drill import DrillScreen

        self.trainer.push_screen(DrillScreen(q))

    def state(self) -> dict[str, Any]:
        """What is on screen, for tests."""
        return {
            "question": self.question.text if self.question else None,
            "result": self.result,
            "rated": self.rated,
        }
