"""Statistics: today's counts and a 30-day reviews chart.

A place for the statistics issue to fill: it can add panels to ``compose`` and
data to :meth:`StatsScreen.load`, which runs in a thread.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from trainer.services import progress
from trainer.tui.screens.base import TrainerScreen
from trainer.tui.screens.summary import elapsed_text


def today_content(today: progress.DaySummary) -> Content:
    retention = "—" if today.retention is None else f"{today.retention:.0%}"
    return Content.assemble(
        ("Today  ", "bold"),
        f"{today.reviews} answers · {today.again} again · {today.new} new · "
        f"{elapsed_text(today.time_ms)} · retention {retention}",
    )


class StatsScreen(TrainerScreen):
    CSS_PATH = "stats.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss(None)", "Back")]

    def __init__(self, deck: str | None = None) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", markup=False, id="stats-today")
        yield PlotextPlot(id="stats-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Statistics · {self.deck or 'all decks'}"
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        now = self.trainer.now()
        today = progress.day_summary(self.trainer.store, now, self.deck)
        days = progress.reviews_by_day(self.trainer.store, now, 30, self.deck)
        self.trainer.call_from_thread(self.show, today, days)

    def show(self, today: progress.DaySummary, days: list[tuple[date, int]]) -> None:
        self.query_one("#stats-today", Static).update(today_content(today))
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        xs = list(range(1, len(days) + 1))
        plt.bar(xs, [n for _, n in days])
        plt.title("Answers per day, last 30 days")
        ticks = [float(x) for x in xs[::7]]
        plt.xticks(ticks, [days[int(i) - 1][0].strftime("%m-%d") for i in ticks])
        plot.refresh()
