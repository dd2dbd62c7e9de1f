"""``trainer custom`` (Anki's Custom Study) and ``trainer filtered`` (filtered decks)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from trainer.cli import fail, store_for

if TYPE_CHECKING:
    from trainer.services.custom_study import CustomStudyService

filtered_app = typer.Typer(
    help="Filtered decks: cards borrowed by a search, sent home after.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

ORDER_HELP = "due, random, ivl, ivl-desc, lapses, added or added-desc."


@contextmanager
def _service(ctx: typer.Context) -> Iterator[CustomStudyService]:
    from trainer.services.custom_study import CustomStudyService

    with store_for(ctx) as store:
        yield CustomStudyService(store)


def _now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)


def custom(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="The deck (with sub-decks) to study.")],
    new: Annotated[
        int | None, typer.Option("--new", min=1, help="Increase today's new card limit by N.")
    ] = None,
    reviews: Annotated[
        int | None, typer.Option("--reviews", min=1, help="Increase today's review limit by N.")
    ] = None,
    ahead: Annotated[
        int | None, typer.Option("--ahead", min=1, help="Review ahead: cards due in N days.")
    ] = None,
    forgotten: Annotated[
        int | None,
        typer.Option("--forgotten", min=1, help="Review cards failed in the last N days."),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Study by search, e.g. 'tag:对策 is:due'.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="With --search: at most N.")] = 100,
    order: Annotated[str, typer.Option("--order", help="With --search: " + ORDER_HELP)] = "due",
) -> None:
    """Custom study: raise today's limits, or build the "Custom Study Session" deck."""
    chosen = [
        name
        for name, value in (
            ("--new", new),
            ("--reviews", reviews),
            ("--ahead", ahead),
            ("--forgotten", forgotten),
            ("--search", search),
        )
        if value is not None
    ]
    if len(chosen) != 1:
        fail("give one of --new N, --reviews N, --ahead N, --forgotten N, --search QUERY", 2)
    with _service(ctx) as service:
        now = _now()
        if new is not None or reviews is not None:
            totals = service.extend_limits(deck, now, new=new or 0, reviews=reviews or 0)
            typer.echo(
                f"{deck}: today {totals[0]} more new cards and {totals[1]} more reviews allowed"
            )
            return
        if ahead is not None:
            built = service.review_ahead(deck, ahead, now)
        elif forgotten is not None:
            built = service.forgotten(deck, forgotten, now)
        else:
            built = service.by_search(deck, search or "", now, limit=limit, order=order)
    typer.echo(built.describe())
    if built.cards:
        typer.echo(f'study it with: trainer study "{built.deck}"')


@filtered_app.command("build")
def build(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name of the filtered deck (made or rebuilt).")],
    query: Annotated[str, typer.Argument(help="Anki search for its cards.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most N cards.")] = 100,
    order: Annotated[str, typer.Option("--order", help=ORDER_HELP)] = "due",
) -> None:
    """Make or rebuild a filtered deck from a search."""
    with _service(ctx) as service:
        built = service.build(name, query, _now(), limit=limit, order=order)
    typer.echo(built.describe())


@filtered_app.command("rebuild")
def rebuild(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="A filtered deck.")]
) -> None:
    """Send the cards home and search again."""
    with _service(ctx) as service:
        built = service.rebuild(name, _now())
    typer.echo(built.describe())


@filtered_app.command("empty")
def empty(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="A filtered deck.")]
) -> None:
    """Send every card home; the deck stays, to rebuild later."""
    with _service(ctx) as service:
        n = service.empty(name)
    typer.echo(f"{name}: {n} cards sent home")


@filtered_app.command("delete")
def delete(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="A filtered deck.")]
) -> None:
    """Send every card home and remove the filtered deck."""
    with _service(ctx) as service:
        n = service.delete(name)
    typer.echo(f"deleted {name}: {n} cards sent home")
