"""``trainer profile``: learners in the store and their day boundary."""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import OPTIONS, app, echo


@app.command()
def profile(
    rollover: Annotated[
        int | None,
        typer.Option("--day-starts", help="Hour (0-23) at which a new study day starts."),
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", help="IANA zone such as Asia/Shanghai; '' for the machine's."),
    ] = None,
) -> None:
    """Show the profiles; with options, set the current profile's day boundary."""
    from trainer.services.profiles import configure, profiles
    from trainer.services.session import open_store

    store = open_store(OPTIONS.db, OPTIONS.profile, bundled=False)
    try:
        if rollover is not None or timezone is not None:
            p = configure(store, rollover_hour=rollover, timezone=timezone)
            zone = p.timezone or "this machine's zone"
            echo(f"{p.name}: the study day starts at {p.rollover_hour}:00, {zone}")
            return
        for info in profiles(store):
            mark = "*" if info.name == store.profile.name else " "
            zone = info.timezone or "local"
            typer.echo(
                f"{mark} {info.name}\tday starts {info.rollover_hour}:00 {zone}\t{info.reviews} reviews"
            )
    finally:
        store.close()
