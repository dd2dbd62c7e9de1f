"""``trainer optimize``: fit FSRS parameters to your own history (fsrs-rs, no torch)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from trainer.cli import echo, fail, store_for
from trainer.domain.words import plural


def optimize(
    ctx: typer.Context,
    deck: Annotated[
        str | None, typer.Argument(help="Deck (with sub-decks); all when omitted.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report only; save nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Fit the deck's FSRS parameters; saved (and cards rescheduled) only if they predict better."""
    from trainer.domain.errors import TrainerError
    from trainer.services.planning import PlanningService

    with store_for(ctx) as store:
        try:
            result = PlanningService(store).optimize(deck, save=not dry_run)
        except TrainerError as exc:
            fail(str(exc))
            return
    if as_json:
        typer.echo(json.dumps(result.to_dict()))
        return
    echo(f"{result.deck}: {plural(result.items, 'review')} used")
    if result.evaluated < result.items:
        typer.echo(f"  (before/after judged on an even sample of {result.evaluated})")
    typer.echo(
        f"  before: log loss {result.log_loss_before:.4f}, RMSE (bins) {result.rmse_before:.4f}"
    )
    typer.echo(
        f"  after:  log loss {result.log_loss_after:.4f}, RMSE (bins) {result.rmse_after:.4f}"
    )
    if result.saved:
        typer.echo(f"  saved the new parameters; {plural(result.rescheduled, 'card')} rescheduled")
    elif dry_run:
        typer.echo("  dry run: nothing saved")
    else:
        typer.echo("  kept the current parameters (the fit is not better on your history)")
