"""The ``trainer`` command's entry point.

Bare ``trainer`` (with at most ``--db`` and ``--profile``) opens the study app
without loading the command-line parser and its sub-commands: the first screen
pays only for what it shows. Anything else goes to :func:`trainer.cli.main`.
"""

from __future__ import annotations

import os
import sys

APP_OPTIONS = ("--db", "--profile")


def app_only(args: list[str]) -> dict[str, str] | None:
    """The options of a bare ``trainer`` call, or None when the parser is needed."""
    found: dict[str, str] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name not in APP_OPTIONS or name in found:
            return None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None  # let the parser say what is missing
            value = rest.pop(0)
        found[name] = value
    return found


def main() -> None:
    options = app_only(sys.argv[1:])
    if options is None:
        from trainer.cli import main as cli_main

        cli_main()
        return
    db = options.get("--db") or os.environ.get("TRAINER_DB") or None
    profile = options.get("--profile") or os.environ.get("TRAINER_PROFILE") or "default"
    try:
        from trainer.tui.launch import open_app

        open_app(db, profile, None)
    except BaseException as exc:
        from trainer.cli import report

        report(exc)
