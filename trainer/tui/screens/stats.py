"""Statistics: the main figures of ``trainer stats`` with charts, and exam readiness.

Everything comes from ``StatsService.report`` (the typed report ``trainer stats``
also renders, see docs/stats.md) and ``PlanningService.readiness_summary``, loaded
in a thread worker; this module lays the figures out as text and hands the
charts to :class:`~trainer.tui.widgets.stats_charts.StatsCharts`. A first open
shows ``StatsService.first_view`` at once (today, cards per queue, due, answers,
retention: the roll-up and the queue index, no scan of the cards) while the
same worker builds the report without its sections table (the charts, and
their plotting library, come with it), then the sections table below them. Deck and
section names are user text: they go through Content, never markup, and are
kept out of plotext (which counts a wide character as one cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from trainer.domain.display import visible
from trainer.domain.errors import StoreUnavailable
from trainer.domain.words import plural
from trainer.tui import render
from trainer.tui.keys import Key
from trainer.tui.screens.base import TrainerScreen

if TYPE_CHECKING:
    from trainer.stats.types import (
        FirstView,
        GroupFigure,
        RetentionPeriod,
        Reviews,
        StatsReport,
        TodayFigure,
    )

RANGES = ("1m", "3m", "1y", "all")
RANGE_NAMES = {"1m": "1 month", "3m": "3 months", "1y": "1 year", "all": "all time"}
SECTIONS_SHOWN = 8
BAR = "█"


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


_Part = str | tuple[str, str] | Content
"""A piece of the summary: plain text, (text, style) or styled content."""


def _today(t: TodayFigure) -> list[_Part]:
    """The summary's first line: today's answers, again and correct rates."""
    return [
        ("Today  ", "bold"),
        f"{plural(t['reviews'], 'answer')} in {render.elapsed_text(t['time_ms'])} · {t['again']} again · "
        f"correct {pct(t['correct_rate'])} · mature correct {pct(t['mature_correct_rate'])}\n",
    ]


def _answers_and_retention(
    rv: Reviews, tr: dict[str, RetentionPeriod], desired: float
) -> list[_Part]:
    """The summary's last lines, the same in the first view and the whole report."""
    periods = (("today", "today"), ("week", "week"), ("month", "month"), ("year", "year"))
    return [
        ("Answers ", "bold"),
        f"{rv['total']} in {render.elapsed_text(rv['time_ms'])} · studied {rv['days_studied']} of "
        f"{plural(rv['days_in_range'], 'day')}\n",
        ("Retention ", "bold"),
        " · ".join(f"{label} {pct(tr[key]['all']['retention'])}" for key, label in periods)
        + f" (desired {pct(desired)})",
    ]


def summary_content(report: StatsReport, exam: dict[str, Any] | None) -> Content:
    """Today, the exam line (when a date is set), card counts, reviews and retention."""
    t = report.today
    cc = report.card_counts
    rv = report.reviews
    fd = report.future_due
    tr = report.true_retention
    parts: list[_Part] = [
        *_today(t),
    ]
    if exam:
        below = exam["below_target"]
        style = "bold $error" if below else "bold $success"
        parts += [
            ("Exam   ", "bold"),
            f"{exam['exam_date']} in {plural(exam['days_left'], 'day')} · projected recall ",
            (pct(exam["projected_mean_r"]), style),
            f" (target {pct(exam['target'])}) · {below} of {exam['cards']} cards below target"
            f" · {exam['new_cards']} not yet studied\n",
        ]
    parts += [
        ("Cards  ", "bold"),
        (str(cc["new"]), render.NEW_STYLE),
        " new · ",
        (str(cc["learning"] + cc["relearning"]), render.LEARN_STYLE),
        " learning · ",
        (str(cc["young"]), render.DUE_STYLE),
        f" young · {cc['mature']} mature · {cc['suspended']} suspended · "
        f"{cc['buried']} buried · {cc['total']} in all\n",
        ("Due    ", "bold"),
        f"{fd['overdue']} overdue · {fd['due_tomorrow']} tomorrow · "
        f"{fd['average_per_day']:.1f} a day on average · daily load {fd['daily_load']:.1f}\n",
        *_answers_and_retention(rv, tr, report.meta["desired_retention"]),
    ]
    return Content.assemble(*parts)


def first_view_content(view: FirstView) -> Content:
    """``summary_content``'s lines as far as the first view knows them: cards per
    queue (young and mature come with the whole report), no daily load, no exam."""
    t = view.today
    q = view.queues
    fd = view.future_due
    rv = view.reviews
    tr = view.true_retention
    parts: list[_Part] = [
        *_today(t),
        ("Cards  ", "bold"),
        (str(q["new"]), render.NEW_STYLE),
        " new · ",
        (str(q["learning"]), render.LEARN_STYLE),
        " learning · ",
        (str(q["review"]), render.DUE_STYLE),
        f" review · {q['suspended']} suspended · {q['buried']} buried · {q['total']} in all\n",
        ("Due    ", "bold"),
        f"{fd['overdue']} overdue · {fd['due_tomorrow']} tomorrow · "
        f"{fd['average_per_day'] or 0:.1f} a day on average\n",
        *_answers_and_retention(rv, tr, view.meta["desired_retention"]),
    ]
    return Content.assemble(*parts)


def sections_content(sections: Sequence[GroupFigure], limit: int = SECTIONS_SHOWN) -> Content:
    """Weakest sections first: recall now as a bar, answer retention in the range."""
    studied = [s for s in sections if s["studied"]]
    if not studied:
        return Content("No studied sections yet.")
    lines: list[Content] = [Content.styled("Weakest sections (recall now · retention)\n", "bold")]
    for s in studied[:limit]:
        r = s["mean_retrievability"] or 0.0
        bar = BAR * round(r * 10)
        lines.append(
            Content.assemble(
                (f"{bar:<10} ", "$error" if r < 0.8 else "$success"),
                (f"{pct(s['mean_retrievability']):>4} · {pct(s['retention']):>4}  ", "bold"),
                render.plain(s["name"]),
                (f"  {s['studied']}/{s['cards']} cards\n", "dim"),
            )
        )
    return Content("").join(lines).rstrip()


def _practice_scores(store: Any) -> list[dict[str, Any]]:
    from trainer.services.practice_stats import practice_report

    return practice_report(store)


def practice_content(scores: list[dict[str, Any]]) -> Content:
    """Practice scores over time per question type: coverage per day as a bar row."""
    if not scores:
        return Content("")
    lines: list[Content] = [
        Content.styled("\nPractice (coverage of the expected points · last 20 days)\n", "bold")
    ]
    for s in scores:
        bars = "".join(" ▁▂▃▄▅▆▇█"[min(8, round(d["coverage"] * 8))] for d in s["days"][-20:])
        lines.append(
            Content.assemble(
                (f"{s['type']:<3} ", "bold"),
                f"{plural(s['attempts'], 'answer')} · mean {pct(s['mean_coverage'])} · "
                f"last {pct(s['last_coverage'])} · {s['over_limit']} over the limit  ",
                (bars, "$success"),
                "\n",
            )
        )
    return Content("").join(lines).rstrip()


class StatsScreen(TrainerScreen):
    """The deck chosen on the deck list (with sub-decks), or every deck."""

    CSS_PATH = "stats.tcss"
    TITLE_KEYS = "Statistics"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "r",
            "next_range",
            "Range",
            help="Range: 1 month, 3 months, 1 year or all time",
            palette="Statistics range",
        ),
        Key(
            "d",
            "toggle_deck",
            "Deck/all",
            help="Switch between this deck and every deck",
            palette="Statistics: deck or all decks",
        ),
        Key("question_mark", "help", "Keys", show=False, help="This list"),
        Key("escape,q", "dismiss(None)", "Back", help="Back"),
    ]

    class Loaded(Message):
        """The figures are on screen."""

    def __init__(self, deck: str | None = None) -> None:
        super().__init__()
        self.deck = deck
        self.chosen_deck = deck
        self.range = "1m"
        self.data: StatsReport | None = None
        self._painted: StatsReport | None = None
        """The report the summary and charts were last drawn from."""
        self.exam: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static("Loading…", markup=False, id="stats-today")
            yield Static("", markup=False, id="stats-sections")
            practice = Static("", markup=False, id="stats-practice")
            practice.display = False
            yield practice
        yield Footer()

    def on_mount(self) -> None:
        self._title()
        self.load()

    def _title(self) -> None:
        self.sub_title = visible(
            f"Statistics · {self.deck or 'all decks'} · {RANGE_NAMES[self.range]}"
        )

    def action_next_range(self) -> None:
        self.range = RANGES[(RANGES.index(self.range) + 1) % len(RANGES)]
        self._title()
        self.load()

    def action_toggle_deck(self) -> None:
        self.deck = None if self.deck is not None else self.chosen_deck
        self._title()
        self.load()

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        from trainer.services.planning import PlanningService

        worker = get_current_worker()
        deck, range_name = self.deck, self.range
        try:
            now = self.trainer.now()
            stats = self.trainer.stats
            if stats.cached(deck, range_name, now) is None:
                first = stats.first_view(deck, range_name, now)
                if worker.is_cancelled:
                    return  # another range or deck was asked for meanwhile
                self.trainer.call_from_thread(self.show_first, first)
                # Then the report without its sections table (the costliest scan),
                # which follows below it.
                shown = stats.report(deck, range_name, now, sections=False)
                if worker.is_cancelled:
                    return
                self.trainer.call_from_thread(self.show_report, shown)  # type: ignore[arg-type]
            data = stats.report(deck, range_name, now)
            exam = PlanningService(self.trainer.store).readiness_summary(deck, now)
            practice = _practice_scores(self.trainer.store)
        except StoreUnavailable:
            return
        except Exception as exc:
            self.trainer.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        if not worker.is_cancelled:
            self.trainer.call_from_thread(self.show, data, exam, practice)  # type: ignore[arg-type]

    def show_first(self, view: FirstView) -> None:
        """The first view's figures, until the whole report replaces them."""
        if self.data is None:
            self.query_one("#stats-today", Static).update(first_view_content(view))

    def _failed(self, message: str) -> None:
        self.query_one("#stats-today", Static).update(
            visible(f"Could not load statistics: {message}")
        )
        self.trainer.say(message, "error")

    async def show_report(self, report: StatsReport) -> None:
        """The report without its sections table (which follows), in place of the
        first view: the summary and the charts."""
        if self.data is None:
            self.query_one("#stats-sections", Static).update("Sections: loading…")
            await self._paint(report, None)

    async def show(
        self, report: StatsReport, exam: dict[str, Any] | None, practice: list[dict[str, Any]]
    ) -> None:
        painted = self._painted
        if painted is not None and replace(painted, sections=report.sections, tags=report.tags) == (
            report
        ):  # the report shown first, now with its sections: the charts stay as drawn
            self.query_one("#stats-today", Static).update(summary_content(report, exam))
        else:
            await self._paint(report, exam)
        self.data, self.exam = report, exam
        self.query_one("#stats-sections", Static).update(sections_content(report.sections))
        self.query_one("#stats-practice", Static).update(practice_content(practice))
        self.post_message(self.Loaded())

    async def _paint(self, report: StatsReport, exam: dict[str, Any] | None) -> None:
        from trainer.tui.widgets.stats_charts import StatsCharts

        self._painted = report
        self.query_one("#stats-today", Static).update(summary_content(report, exam))
        charts = self.query(StatsCharts)
        if not charts:
            chart = StatsCharts(id="stats-charts")
            await self.query_one("#stats-body").mount(chart, after="#stats-today")
        else:
            chart = charts.first()
        chart.show(report)
