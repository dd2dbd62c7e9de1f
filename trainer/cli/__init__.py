"""The ``trainer`` command.

Each sub-command is a plain function in its own module under ``trainer.cli``;
``trainer.cli.commands`` registers them all on ``app``, in one list. Every heavy
import (SQLAlchemy, jieba, Textual) happens inside the command function so
``trainer --help`` and ``trainer due`` stay fast. The global options live in the
Typer context (``options(ctx)``); ``with store_for(ctx) as store:`` opens the
store they name and closes it. User errors (TrainerError) become one line on
stderr and exit code 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from trainer import __version__
from trainer.domain.errors import TrainerError

if TYPE_CHECKING:
    from trainer.storage.store import Store

app = typer.Typer(
    name="trainer",
    help="申论 flashcards: make cards from articles, study them with FSRS, track progress.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class GlobalOptions:
    """Options given before the sub-command (``ctx.obj`` of every command)."""

    db: str | None = None
    profile: str = "default"


OPTIONS = GlobalOptions()
"""This run's options, for code without a context; commands use ``options(ctx)``."""


def options(ctx: typer.Context) -> GlobalOptions:
    """The global options of this run, from the Typer context."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, GlobalOptions) else OPTIONS


@contextmanager
def store_for(
    ctx: typer.Context,
    *,
    bundled: bool = False,
    profile: str | None = None,
    create_profile: bool | None = None,
) -> Iterator[Store]:
    """The progress store the global options name, open for the ``with`` block.

    ``bundled`` loads the bundled deck into an empty store (what study does);
    ``profile`` overrides ``--profile`` (``trainer profile add NAME``).
    """
    from trainer.services.session import open_store

    opts = options(ctx)
    store = open_store(
        opts.db, profile or opts.profile, bundled=bundled, create_profile=create_profile
    )
    try:
        yield store
    finally:
        store.close()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trainer {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="TRAINER_DB",
            help="SQLAlchemy URL or SQLite file path of the progress store.",
        ),
    ] = None,
    profile: Annotated[
        str,
        typer.Option("--profile", envvar="TRAINER_PROFILE", help="Learner profile in the store."),
    ] = "default",
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """With no command, open the study app on your decks."""
    OPTIONS.db = db
    OPTIONS.profile = profile
    ctx.obj = GlobalOptions(db, profile)
    if ctx.invoked_subcommand is None:
        from trainer.cli.study import open_app

        open_app(None, ctx.obj)


def echo(message: str = "", err: bool = False) -> None:
    """Print a line that may hold text from files: control characters made visible."""
    from trainer.domain.display import visible

    typer.echo(visible(message), err=err)


def echo_json(data: object, **kwargs: object) -> None:
    """Print a JSON document; DEL and C1 controls escaped (json escapes C0 already)."""
    from trainer.domain.display import json_text

    typer.echo(json_text(data, **kwargs))


def fail(message: str, code: int = 1) -> None:
    """Print one line on stderr and leave with ``code``."""
    echo(f"trainer: {message}", err=True)
    raise typer.Exit(code)


def main() -> None:
    from trainer.cli import commands  # noqa: F401  (registers the sub-commands)

    try:
        app()
    except BaseException as exc:
        report(exc)


def report(exc: BaseException) -> NoReturn:
    """How the command ends on an exception: a user error is one line and exit 1."""
    if isinstance(exc, TrainerError):
        echo(f"trainer: {exc}", err=True)
        sys.exit(1)
    if isinstance(exc, KeyboardInterrupt):
        typer.echo("trainer: interrupted", err=True)
        sys.exit(130)
    if not isinstance(exc, Exception):
        raise exc  # SystemExit and the like: as they are
    # A bug: say so in one line; TRAINER_DEBUG=1 shows the traceback.
    import os

    if os.environ.get("TRAINER_DEBUG"):
        raise exc
    echo(
        f"trainer: internal error: {type(exc).__name__}: {exc} "
        "(run with TRAINER_DEBUG=1 for details, and please report it)",
        err=True,
    )
    sys.exit(70)
