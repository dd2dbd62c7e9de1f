"""``trainer exam`` (date, readiness, daily plan) and ``trainer cram``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Annotated, Any

import typer

from trainer.cli import echo, echo_json, fail, store_for
from trainer.domain.words import plural

exam_app = typer.Typer(
    help="Plan for an exam date: readiness and a daily plan.", no_args_is_help=True
)

DeckOpt = Annotated[
    str | None, typer.Option("--deck", help="Deck (with sub-decks); all when omitted.")
]


@contextmanager
def _service(ctx: typer.Context) -> Iterator[Any]:
    """A PlanningService on the store; a TrainerError becomes one line and exit 1."""
    from trainer.domain.errors import TrainerError
    from trainer.services.planning import PlanningService

    with store_for(ctx) as store:
        try:
            yield PlanningService(store)
        except TrainerError as exc:
            fail(str(exc))


@exam_app.command("set")
def exam_set(
    ctx: typer.Context,
    when: Annotated[str, typer.Argument(help="Exam date, YYYY-MM-DD.")],
    target: Annotated[float, typer.Option("--target", help="Retention wanted on exam day.")] = 0.9,
    deck: DeckOpt = None,
    apply: Annotated[
        bool,
        typer.Option("--apply", help="Also set the decks' new cards a day to follow the plan."),
    ] = False,
) -> None:
    """Set the exam date and target retention; print the daily plan (applied with --apply)."""
    try:
        day = date.fromisoformat(when)
    except ValueError:
        fail(f"exam date must be YYYY-MM-DD, not {when!r}")
        return
    if not 0.7 <= target <= 0.99:
        fail(f"--target must be between 0.7 and 0.99, not {target}")
    with _service(ctx) as svc:
        if day <= svc.store.clock.date_of(svc.store.clock.day(datetime.now(UTC))):
            fail(f"the exam date must be after today, not {day.isoformat()}")
        decks = svc.set_exam(day, target, deck)
        typer.echo(
            f"exam on {day.isoformat()}, target {target:.0%}, for {plural(len(decks), 'deck')}"
        )
        _plan_or_apply(svc, deck, apply)


def _plan_or_apply(svc: Any, deck: str | None, apply: bool) -> None:
    """Print the plan; with ``apply``, set the decks' new-card limits to it and say how."""
    now = datetime.now(UTC)
    if apply:
        done = svc.apply_plan(deck, now)
        if done is None:
            fail("no exam date set (trainer exam set YYYY-MM-DD --target 0.9)")
            return
        plan, changed = done
        typer.echo(f"Plan: {plural(plan.new_per_day, 'new card')} a day, applied:")
        for d in changed:
            typer.echo(f"  {d.name}: {plural(d.options.new_per_day, 'new card')} a day")
        if not changed:
            typer.echo("  no deck has new cards left; limits unchanged")
        return
    plan = svc.plan(deck, now)
    if plan is not None:
        typer.echo(
            f"Plan: {plural(plan.new_per_day, 'new card')} a day; apply it to the decks' "
            "limits with `trainer exam apply`"
        )


@exam_app.command("apply")
def exam_apply(ctx: typer.Context, deck: DeckOpt = None) -> None:
    """Set the decks' new cards a day to follow the exam plan."""
    with _service(ctx) as svc:
        _plan_or_apply(svc, deck, True)


@exam_app.command("clear")
def exam_clear(ctx: typer.Context, deck: DeckOpt = None) -> None:
    """Remove the exam date."""
    with _service(ctx) as svc:
        decks = svc.clear_exam(deck)
    typer.echo(f"exam date cleared on {plural(len(decks), 'deck')}")


@exam_app.command("show")
def exam_show(
    ctx: typer.Context,
    deck: DeckOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Readiness on exam day and the daily plan until then."""
    now = datetime.now(UTC)
    with _service(ctx) as svc:
        summary = svc.readiness_summary(deck, now)
        plan = svc.plan(deck, now) if summary else None
    if summary is None or plan is None:
        fail("no exam date set (trainer exam set YYYY-MM-DD --target 0.9)")
        return
    days = [
        {"date": date.fromordinal(d).isoformat(), "reviews": r, "new": n} for d, r, n in plan.days
    ]
    data = summary | {
        "plan": {
            "new_per_day": plan.new_per_day,
            "projected_mean_r": round(plan.projected_mean_r, 4),
            "below_target": plan.below_target,
            "days": days,
        }
    }
    if as_json:
        echo_json(data)
        return
    typer.echo(readiness_line(summary))
    for g in summary["by_group"][:10]:
        typer.echo(
            f"  {g['name']}: R {g['projected_mean_r']:.0%}, {g['below_target']} below target"
        )
    typer.echo(
        f"Plan: {plural(plan.new_per_day, 'new card')} a day; following it, projected R "
        f"{plan.projected_mean_r:.0%} with {plural(plan.below_target, 'card')} below target"
    )
    for d in days[:14]:
        typer.echo(f"  {d['date']}: {plural(d['reviews'], 'review')}, {d['new']} new")
    if len(days) > 14:
        typer.echo(f"  ... {plural(len(days) - 14, 'more day')} (--json for all)")


def readiness_line(summary: dict[str, Any]) -> str:
    return (
        f"Exam {summary['exam_date']} in {plural(summary['days_left'], 'day')}: projected R "
        f"{summary['projected_mean_r']:.0%} (target {summary['target']:.0%}), "
        f"{summary['below_target']} of {summary['cards']} cards below target"
    )


def due_readiness(ctx: typer.Context, deck: str | None = None) -> str | None:
    """One line for ``trainer due`` when an exam date is set, else None."""
    from trainer.services.planning import PlanningService

    with store_for(ctx) as store:
        summary = PlanningService(store).readiness_summary(deck, datetime.now(UTC))
    return readiness_line(summary) if summary else None


def cram(
    ctx: typer.Context,
    deck: Annotated[
        str | None, typer.Argument(help="Deck (with sub-decks); all when omitted.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many cards.")] = 20,
    reschedule: Annotated[
        bool,
        typer.Option("--reschedule", help="Count the ratings as answers (schedules change)."),
    ] = False,
) -> None:
    """Study the weakest cards (lowest recall) now: show, rate, and a summary at the end.

    Ratings go to the cram log and leave every schedule alone, unless --reschedule
    makes them ordinary answers. q or the end of input stops early.
    """
    import sys
    import time

    from trainer.domain.model import Rating
    from trainer.services.study import StudyService

    if limit < 1:
        fail(f"--limit must be at least 1, not {limit}")
    with _service(ctx) as svc:
        items = svc.cram(deck, datetime.now(UTC), limit)
        if not items:
            echo("nothing to cram: no studied cards")
            return
        study = StudyService(svc.store)
        started = time.monotonic()
        rated: list[Rating] = []
        again: list[str] = []
        for i, (card, note) in enumerate(items, 1):
            question = (note.prompt or note.text).strip()
            echo(f"[{i}/{len(items)}] {question}")
            shown_at = time.monotonic()
            if _ask("  Enter shows the answer (q stops): ", sys.stdin) is None:
                break
            answer = note.answer or "\n".join(note.items) or note.text
            echo("  " + answer.replace("\n", "\n  "))
            rating = _rating(sys.stdin)
            if rating is None:
                break
            took = int((time.monotonic() - shown_at) * 1000)
            study.cram_answer(
                card.id, rating, datetime.now(UTC), min(took, 60_000), reschedule=reschedule
            )
            rated.append(rating)
            if rating is Rating.AGAIN:
                again.append(question)
            echo("")
    _cram_summary(rated, len(items), time.monotonic() - started, again, reschedule)


def _ask(prompt: str, stream: Any) -> str | None:
    """One line from ``stream`` after ``prompt``; None at the end of input or on q."""
    typer.echo(prompt, nl=False)
    line = stream.readline()
    if not line:
        echo("")
        return None
    line = line.strip()
    return None if line.lower() in ("q", "quit") else line


def _rating(stream: Any) -> Any:
    from trainer.domain.model import Rating

    while True:
        line = _ask("  How did it go? 1 Again · 2 Hard · 3 Good · 4 Easy (Enter: Good): ", stream)
        if line is None:
            return None
        if line == "":
            return Rating.GOOD
        if line in ("1", "2", "3", "4"):
            return Rating(int(line))
        echo("  type 1, 2, 3 or 4 (q stops)")


def _cram_summary(
    rated: list[Any], total: int, seconds: float, again: list[str], reschedule: bool
) -> None:
    from trainer.domain.model import Rating

    minutes, secs = divmod(round(seconds), 60)
    took = f"{minutes} min {secs} s" if minutes else f"{secs} s"
    counts = ", ".join(
        f"{sum(1 for r in rated if r is rating)} {rating.name.lower()}" for rating in Rating
    )
    echo(
        f"Crammed {len(rated)} of {plural(total, 'card')} in {took}"
        + (f": {counts}" if rated else "")
    )
    if again:
        echo("Again:")
        for question in again[:10]:
            echo(f"  {question}")
    if reschedule:
        echo("Ratings counted as answers: those cards are rescheduled.")
    else:
        echo("Schedules unchanged; ratings kept in the cram log (--reschedule counts them).")
