"""The statistics screen's four plotext charts, drawn from ``StatsService.report``.

No user text goes into a chart: plotext counts a wide character as one cell,
and deck and section names belong in Content (see ``screens/stats.py``).

Plotext drops the axis labels that do not fit, keeping the first ones it
places; but it puts them in ``set`` order (``plotext._utility.no_duplicates``),
which for string labels depends on the process's hash seed, so the same figures
drew different charts from one run to the next. :func:`_keep_tick_order` makes
that de-duplication keep the first occurrence in order instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Grid
from textual_plotext import PlotextPlot

if TYPE_CHECKING:
    from trainer.stats.types import StatsReport


def _keep_tick_order() -> None:
    """Order-preserving de-duplication in plotext (its own commented-out version)."""
    from plotext import _utility

    def no_duplicates(data: Any) -> list[Any]:
        return list(dict.fromkeys(data))

    _utility.no_duplicates = no_duplicates


_keep_tick_order()

FORECAST_DAYS = 30
MAX_DAYS = 90
"""Answers per day: at most the last 90 days, whatever the range."""

CARD_BARS = (
    ("new", "new"),
    ("learning", "learn"),
    ("relearning", "relearn"),
    ("young", "young"),
    ("mature", "mature"),
    ("suspended", "susp."),
    ("buried", "buried"),
)
RETENTION_BARS = (
    ("today", "today"),
    ("yesterday", "yest."),
    ("week", "week"),
    ("month", "month"),
    ("year", "year"),
    ("all", "all"),
)


def count_title(counts: Mapping[str, Any]) -> str:
    """The card-count chart's title: the sum of its bars (retired cards are not a bar)."""
    shown = sum(int(counts[key]) for key, _ in CARD_BARS)
    retired = int(counts.get("retired", 0))
    return f"Cards ({shown}; {retired} retired not shown)" if retired else f"Cards ({shown})"


class StatsCharts(Grid):
    """Answers per day, the due forecast, card counts and true retention, two by two."""

    DEFAULT_CSS = """
    StatsCharts { grid-size: 2 2; grid-gutter: 0 1; height: 26; padding: 0 1; }
    StatsCharts > PlotextPlot { height: 13; }
    """

    count_bars: tuple[tuple[str, int], ...] = ()
    """The card-count bars as last drawn (label, cards)."""

    def compose(self) -> ComposeResult:
        for ident in ("chart-reviews", "chart-due", "chart-counts", "chart-retention"):
            yield PlotextPlot(id=ident)

    def show(self, report: StatsReport) -> None:
        """Redraw every chart from a ``StatsService.report``."""
        self._reviews(report.reviews)
        self._due(report.future_due)
        self._counts(report.card_counts)
        self._retention(report.true_retention)

    def _plot(self, ident: str) -> tuple[PlotextPlot, Any]:
        plot = self.query_one(f"#{ident}", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        return plot, plt

    def _reviews(self, reviews: Mapping[str, Any]) -> None:
        plot, plt = self._plot("chart-reviews")
        span = min(reviews["days_in_range"], MAX_DAYS)
        per = {d["day"]: d for d in reviews["days"]}
        xs = list(range(-span + 1, 1))
        kinds = ("learn", "young", "mature", "relearn")
        series = [[per[x][k] if x in per else 0 for x in xs] for k in kinds]
        if any(any(s) for s in series):
            plt.stacked_bar(xs, series, labels=list(kinds))
        plt.title(f"Answers per day, last {span} days")
        plot.refresh()

    def _due(self, future: Mapping[str, Any]) -> None:
        plot, plt = self._plot("chart-due")
        due = {d["day"]: d["due"] for d in future["days"]}
        xs = list(range(FORECAST_DAYS))
        ys = [due.get(x, 0) for x in xs]
        if any(ys):
            plt.bar(xs, ys)
        plt.title(f"Due, next {FORECAST_DAYS} days (day 0 with overdue)")
        plot.refresh()

    def _counts(self, counts: Mapping[str, Any]) -> None:
        plot, plt = self._plot("chart-counts")
        self.count_bars = tuple((label, int(counts[key])) for key, label in CARD_BARS)
        plt.bar([label for label, _ in self.count_bars], [n for _, n in self.count_bars])
        plt.title(count_title(counts))
        plot.refresh()

    def _retention(self, retention: Mapping[str, Any]) -> None:
        plot, plt = self._plot("chart-retention")
        ys = [
            round(100 * (retention[key]["all"]["retention"] or 0), 1) for key, _ in RETENTION_BARS
        ]
        plt.bar([label for _, label in RETENTION_BARS], ys)
        plt.ylim(0, 100)
        plt.title("True retention % (review cards)")
        plot.refresh()
