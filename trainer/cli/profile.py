"""``trainer profile``: learners in the store and their day boundary."""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import echo, options, store_for
from trainer.domain.words import plural


def profile(
    ctx: typer.Context,
    action: Annotated[
        str | None,
        typer.Argument(help="`add` to add the --profile learner (a typo never makes one)."),
    ] = None,
    name: Annotated[
        str | None, typer.Argument(help="The learner to add (default: --profile).")
    ] = None,
    rollover: Annotated[
        int | None,
        typer.Option("--day-starts", help="Hour (0-23) at which a new study day starts."),
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", help="IANA zone such as Asia/Shanghai; '' for the machine's."),
    ] = None,
) -> None:
    """Show the profiles; `profile add NAME` adds one; options set the day boundary."""
    from trainer.services.profiles import configure, profiles

    if action is not None:
        _add(ctx, action, name or options(ctx).profile)
        return

    with store_for(ctx) as store:
        if rollover is not None or timezone is not None:
            p = configure(store, rollover_hour=rollover, timezone=timezone)
            zone = p.timezone or "this machine's zone"
            echo(f"{p.name}: the study day starts at {p.rollover_hour}:00, {zone}")
            return
        for info in profiles(store):
            mark = "*" if info.name == store.profile.name else " "
            zone = info.timezone or "local"
            typer.echo(
                f"{mark} {info.name}\tday starts {info.rollover_hour}:00 {zone}\t{plural(info.reviews, 'review')}"
            )


def _add(ctx: typer.Context, action: str, name: str) -> None:
    """``trainer profile add NAME``: a new learner, with cards for every deck."""
    from trainer.cli import fail
    from trainer.services.profiles import profiles

    if action != "add":
        fail(f"unknown profile action {action!r} (use `trainer profile add NAME`)", 2)
    with store_for(ctx, profile=name, create_profile=True) as store:
        known = len(profiles(store))
    typer.echo(f"profile {name} is ready ({plural(known, 'profile')} in the store)")
