"""``trainer deck options|presets|rename|move|delete``: a deck's options and its place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trainer.cli import fail, store_for

if TYPE_CHECKING:
    from trainer.services.deck_admin import DeckAdmin

deck_app = typer.Typer(
    help="A deck's options and presets; rename, move or delete it (sub-decks follow).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@contextmanager
def _admin(ctx: typer.Context) -> Iterator[DeckAdmin]:
    from trainer.services.deck_admin import DeckAdmin

    with store_for(ctx) as store:
        yield DeckAdmin(store)


@deck_app.command("options")
def options(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="The deck.")],
    new_per_day: Annotated[
        int | None, typer.Option("--new-per-day", help="New cards a day.")
    ] = None,
    reviews_per_day: Annotated[
        int | None, typer.Option("--reviews-per-day", help="Reviews a day.")
    ] = None,
    retention: Annotated[
        float | None, typer.Option("--retention", help="Desired retention, 0.70-0.99.")
    ] = None,
    learning_steps: Annotated[
        str | None, typer.Option("--learning-steps", help="E.g. '1m 10m'.")
    ] = None,
    relearning_steps: Annotated[
        str | None, typer.Option("--relearning-steps", help="E.g. '10m'.")
    ] = None,
    max_interval: Annotated[
        int | None, typer.Option("--max-interval", help="Maximum interval in days.")
    ] = None,
    bury_siblings: Annotated[
        bool | None,
        typer.Option("--bury-siblings/--no-bury-siblings", help="Bury a note's other cards."),
    ] = None,
    leech_threshold: Annotated[
        int | None, typer.Option("--leech-threshold", help="Lapses that make a leech.")
    ] = None,
    leech_action: Annotated[
        str | None, typer.Option("--leech-action", help="tag or suspend.")
    ] = None,
    type_answers: Annotated[
        bool | None, typer.Option("--type-answers/--no-type-answers", help="Typed answers.")
    ] = None,
    fuzz: Annotated[
        bool | None, typer.Option("--fuzz/--no-fuzz", help="Spread review dates a little.")
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option(
            "--preset",
            help="Share options with the decks of this preset ('' for the deck's own).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show a deck's options, or change those given."""
    import json

    from trainer.domain.options import options_to_dict
    from trainer.services.deck_admin import format_steps, parse_steps

    changes: dict[str, Any] = {}
    for key, value in (
        ("new_per_day", new_per_day),
        ("reviews_per_day", reviews_per_day),
        ("desired_retention", retention),
        ("maximum_interval", max_interval),
        ("bury_siblings", bury_siblings),
        ("leech_threshold", leech_threshold),
        ("leech_action", leech_action),
        ("type_answers", type_answers),
        ("enable_fuzz", fuzz),
    ):
        if value is not None:
            changes[key] = value
    if learning_steps is not None:
        changes["learning_steps"] = list(parse_steps(learning_steps))
    if relearning_steps is not None:
        changes["relearning_steps"] = list(parse_steps(relearning_steps))
    with _admin(ctx) as admin:
        if preset is not None:
            admin.set_preset(deck, preset)
        if changes:
            _before, opts = admin.set_options(deck, changes)
        else:
            opts = admin.options(deck)
        shared = admin.preset(deck)
        peers = [d for d in admin.presets().get(shared, []) if d != deck] if shared else []
    if as_json:
        typer.echo(json.dumps({**options_to_dict(opts), "preset": shared}, ensure_ascii=False))
        return
    if changes or preset is not None:
        typer.echo(f"{deck}: saved")
    if shared:
        also = f" (also {', '.join(peers)})" if peers else ""
        typer.echo(f"{'preset':<18} {shared}{also}")
    rows: list[tuple[str, object]] = [
        ("new per day", opts.new_per_day),
        ("reviews per day", opts.reviews_per_day),
        ("learning steps", format_steps(opts.learning_steps)),
        ("relearning steps", format_steps(opts.relearning_steps)),
        ("desired retention", opts.desired_retention),
        ("maximum interval", f"{opts.maximum_interval} days"),
        ("bury siblings", "on" if opts.bury_siblings else "off"),
        ("leech threshold", f"{opts.leech_threshold} lapses, then {opts.leech_action.value}"),
        ("typed answers", "on" if opts.type_answers else "off"),
        ("fuzz", "on" if opts.enable_fuzz else "off"),
        ("FSRS parameters", "fitted" if opts.fsrs_parameters else "defaults"),
    ]
    for label, shown in rows:
        typer.echo(f"{label:<18} {shown}")


@deck_app.command("rename")
def rename(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="The deck.")],
    new_name: Annotated[str, typer.Argument(help="Its new full name (A::B).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Rename a deck; its sub-decks follow."""
    with _admin(ctx) as admin:
        admin.check_rename(deck, new_name)  # a missing deck or taken name before asking
        if not yes and not typer.confirm(f"Rename {deck} to {new_name}?", default=True):
            fail("nothing renamed", 1)
        done = admin.rename(deck, new_name)
    typer.echo(done.describe())


@deck_app.command("move")
def move(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="The deck.")],
    parent: Annotated[str, typer.Argument(help='The new parent deck ("" for the top level).')],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Move a deck (with its sub-decks) under another deck."""
    where = f"under {parent}" if parent.strip() else "to the top level"
    with _admin(ctx) as admin:
        admin.check_move(deck, parent)  # a missing deck or taken name before asking
        if not yes and not typer.confirm(f"Move {deck} {where}?", default=True):
            fail("nothing moved", 1)
        done = admin.move(deck, parent)
    typer.echo(done.describe())


@deck_app.command("delete")
def delete(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="The deck (its sub-decks go too).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Delete a deck with its sub-decks, notes, cards and their review history (asks first)."""
    from trainer.services.browse import BrowseService

    with _admin(ctx) as admin:
        from datetime import UTC, datetime

        from trainer.services.custom_study import deck_scope

        count = BrowseService(admin.store).count(deck_scope(deck), datetime.now(UTC))
        admin.options(deck)  # a missing deck is reported before asking
        question = f"Delete {deck} and its {count} cards, with their review history?"
        if not yes and not typer.confirm(question, default=False):
            fail("nothing deleted", 1)
        done = admin.delete(deck)
    typer.echo(done.describe())


@deck_app.command("presets")
def presets(ctx: typer.Context) -> None:
    """Options presets and the decks that share each."""
    with _admin(ctx) as admin:
        found = admin.presets()
    if not found:
        typer.echo("no presets: every deck has its own options (trainer deck options D --preset P)")
    for name, decks in found.items():
        typer.echo(f"{name}: {', '.join(decks)}")
