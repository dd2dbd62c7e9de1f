"""``trainer stats``: Anki's statistics in the terminal (Rich tables, bar charts) or JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trainer.cli import echo_json, fail, store_for
from trainer.domain.words import plural

if TYPE_CHECKING:
    from trainer.stats.types import ReviewDay, StatsReport

BARS = " ▁▂▃▄▅▆▇█"


def spark(values: list[int]) -> str:
    """A one-line bar chart."""
    top = max(values) if values else 0
    if not top:
        return " " * len(values)
    return "".join(BARS[min(8, round(v * 8 / top))] if v else " " for v in values)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.1f}%"


def _minutes(ms: int) -> str:
    return f"{ms / 60000:.1f} min"


def _answers(day: ReviewDay) -> int:
    return day["learn"] + day["young"] + day["mature"] + day["relearn"]


def render(report: StatsReport, exam: dict[str, Any] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    from trainer.domain.display import visible

    con = Console(highlight=False, markup=False)
    meta = report.meta
    con.print(
        f"Statistics: {visible(meta['deck'] or 'all decks')} ({meta['range']}, today {meta['today']})"
    )
    t = report.today
    con.print(
        f"Today: {plural(t['reviews'], 'answer')} in {_minutes(t['time_ms'])}; again {t['again']}; "
        f"learn {t['learn']}, review {t['review']}, relearn {t['relearn']}; "
        f"correct on mature {_pct(t['mature_correct_rate'])} ({t['mature_correct']}/{t['mature']})"
    )
    if exam:
        e = exam
        con.print(
            f"Exam {e['exam_date']} (in {plural(e['days_left'], 'day')}): projected R {_pct(e['projected_mean_r'])}, "
            f"target {_pct(e['target'])}, {plural(e['below_target'], 'card')} projected below target"
        )
    fd = report.future_due
    days = {d["day"]: d["due"] for d in fd["days"]}
    horizon = max(days, default=0) + 1
    con.print(
        f"Future due: {fd['total']} (overdue {fd['overdue']}, tomorrow {fd['due_tomorrow']}), "
        f"daily load {fd['daily_load']}"
    )
    con.print("  " + spark([days.get(i, 0) for i in range(min(horizon, 90))]))
    rv = report.reviews
    con.print(
        f"Reviews: {rv['total']} in {_minutes(rv['time_ms'])}, studied {rv['days_studied']} of "
        f"{plural(rv['days_in_range'], 'day')}, {rv['average_per_studied_day'] or 0} per studied day"
    )
    per = {d["day"]: d for d in rv["days"]}
    span = min(rv["days_in_range"], 90)
    con.print("  " + spark([_answers(per[i]) if i in per else 0 for i in range(-span + 1, 1)]))
    cal = {d["day"]: d["reviews"] for d in report.calendar}
    con.print("Calendar (last 52 weeks, a row per weekday):")
    for wd in range(7):
        con.print(
            "  "
            + spark(
                [cal.get(-364 + wk * 7 + wd, 0) for wk in range(52)]
                + [max(cal.values(), default=0)]
            )[:-1]
        )

    counts = Table(title="Card counts", title_justify="left")
    cc = report.card_counts
    for k in cc:
        counts.add_column(k.capitalize(), justify="right")
    counts.add_row(*(str(v) for v in cc.values()))
    con.print(counts)

    for name, rows in (
        ("intervals", report.intervals),
        ("stability", report.stability),
        ("difficulty", report.difficulty),
        ("retrievability", report.retrievability),
    ):
        con.print(
            f"{name.capitalize()}: "
            + spark([r["count"] for r in rows])
            + f"  ({rows[0]['bucket']} .. {rows[-1]['bucket']})"
        )
    know = report.knowledge
    con.print(
        f"Estimated total knowledge: {plural(know['estimated_total'], 'card')} (mean R {_pct(know['mean_retrievability'])})"
    )
    hrs = report.hours
    con.print("Hours (answers, 0-23): " + spark([h["reviews"] for h in hrs]))

    tr = Table(title="True retention", title_justify="left")
    for col in ("Period", "Young", "Mature", "All", "Count"):
        tr.add_column(col, justify="right")
    for period, v in report.true_retention.items():
        tr.add_row(
            period,
            _pct(v["young"]["retention"]),
            _pct(v["mature"]["retention"]),
            _pct(v["all"]["retention"]),
            str(v["all"]["passed"] + v["all"]["failed"]),
        )
    con.print(tr)

    bt = Table(title="Answer buttons", title_justify="left")
    for col in ("", "Again", "Hard", "Good", "Easy", "Correct"):
        bt.add_column(col, justify="right")
    for g, b in report.buttons.items():
        bt.add_row(
            g,
            str(b["again"]),
            str(b["hard"]),
            str(b["good"]),
            str(b["easy"]),
            _pct(b["correct_rate"]),
        )
    con.print(bt)

    for groups, title in (
        (report.sections, "By section (weakest first)"),
        (report.tags, "By tag (weakest first)"),
    ):
        if not groups:
            continue
        gt = Table(title=title, title_justify="left")
        for col in ("Name", "Cards", "Studied", "Mean R", "Answers", "Retention"):
            gt.add_column(col, justify="right" if col != "Name" else "left")
        for r in groups[:15]:
            gt.add_row(
                visible(r["name"] or "(none)"),
                str(r["cards"]),
                str(r["studied"]),
                _pct(r["mean_retrievability"]),
                str(r["reviews"]),
                _pct(r["retention"]),
            )
        con.print(gt)


def stats(
    ctx: typer.Context,
    deck: Annotated[
        str | None, typer.Argument(help="Deck (with its sub-decks); all when omitted.")
    ] = None,
    range_name: Annotated[
        str, typer.Option("--range", help="Period for the graphs: 1m, 3m, 1y or all.")
    ] = "1m",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts (docs/stats.md).")
    ] = False,
) -> None:
    """Progress statistics as Anki defines them, and exam readiness if a date is set."""
    if range_name not in ("1m", "3m", "1y", "all"):
        fail("--range must be 1m, 3m, 1y or all")
    from trainer.domain.errors import TrainerError
    from trainer.services.planning import PlanningService
    from trainer.services.stats import StatsService

    with store_for(ctx) as store:
        try:
            now = datetime.now(UTC)
            report = StatsService(store).report(deck, range_name, now)
            exam = PlanningService(store).readiness_summary(deck, now)
            from trainer.services.practice_stats import practice_report

            practice = practice_report(store)
        except TrainerError as exc:
            fail(str(exc))
            return
    if as_json:
        echo_json(report.to_json(exam=exam, practice=practice))
        return
    render(report, exam)
    from trainer.cli.practice import render_scores

    render_scores(practice)
