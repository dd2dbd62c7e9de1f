"""The ``trainer`` command's entry point.

Bare ``trainer`` (with at most ``--db`` and ``--profile``) opens the study app
without loading the command-line parser and its sub-commands: the first screen
pays only for what it shows. So does a plain ``trainer drill [DECK]`` (scripted
study, where start-up is most of the run) and a plain ``trainer import FILE``
(the parser was about a tenth of a 10k-note package's import). Anything else goes to
:func:`trainer.cli.main`.
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


def drill_only(args: list[str]) -> tuple[dict[str, str], str | None] | None:
    """The options and deck of a plain ``trainer [OPTIONS] drill [DECK]``, or None when
    the parser is needed (any other option, ``--help``, more arguments)."""
    if "drill" not in args:
        return None
    at = args.index("drill")
    options = app_only(args[:at])
    rest = args[at + 1 :]
    if options is None or len(rest) > 1 or any(a.startswith("-") for a in rest):
        return None
    return options, (rest[0] if rest else None)


def import_only(args: list[str]) -> tuple[dict[str, str], str] | None:
    """The options and file of a plain ``trainer [OPTIONS] import FILE``, or None when
    the parser is needed (any other option, ``--json``, ``--help``, more arguments)."""
    if "import" not in args:
        return None
    at = args.index("import")
    options = app_only(args[:at])
    rest = args[at + 1 :]
    if options is None or len(rest) != 1 or rest[0].startswith("-") or not rest[0]:
        return None
    return options, rest[0]


def main() -> None:
    args = sys.argv[1:]
    options = app_only(args)
    drill = drill_only(args) if options is None else None
    imported = import_only(args) if options is None and drill is None else None
    if imported is not None:
        try:
            from pathlib import Path

            from trainer.importing import run as run_import

            run_import(
                _db(imported[0]), _profile(imported[0]), Path(imported[1]), sys.stdout, sys.stderr
            )
        except BaseException as exc:
            from trainer.cli import report

            report(exc)
        return
    if options is None and drill is None:
        from trainer.cli import main as cli_main

        cli_main()
        return
    if drill is not None:
        options, deck = drill
        try:
            from trainer.drill import run

            run(_db(options), _profile(options), deck, sys.stdin, sys.stdout, lite=True)
        except BaseException as exc:
            from trainer.cli import report

            report(exc)
        return
    assert options is not None
    try:
        from trainer.tui.launch import open_app

        open_app(_db(options), _profile(options), None)
    except BaseException as exc:
        from trainer.cli import report

        report(exc)


def _db(options: dict[str, str]) -> str | None:
    return options.get("--db") or os.environ.get("TRAINER_DB") or None


def _profile(options: dict[str, str]) -> str:
    return options.get("--profile") or os.environ.get("TRAINER_PROFILE") or "default"
