"""``trainer drill [DECK]``: study from standard input, for scripts and crash tests.

The loop and its protocol are :mod:`trainer.drill` (the entry point also runs it
without this parser for a plain ``trainer drill``).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from trainer.cli import options


def drill(
    ctx: typer.Context,
    deck: Annotated[str | None, typer.Argument(help="Deck to study (default: all).")] = None,
) -> None:
    """Answer cards with ratings read from standard input (one of 1-4 per line)."""
    from trainer.drill import run

    opts = options(ctx)
    run(opts.db, opts.profile, deck, sys.stdin, sys.stdout)
