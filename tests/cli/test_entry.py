"""Bare ``trainer`` opens the app without the command-line parser; the rest goes to it."""

from __future__ import annotations

import subprocess
import sys

from trainer.entry import app_only


def test_only_db_and_profile_skip_the_parser() -> None:
    assert app_only([]) == {}
    assert app_only(["--db", "x.sqlite3"]) == {"--db": "x.sqlite3"}
    assert app_only(["--db=x.sqlite3", "--profile", "p"]) == {"--db": "x.sqlite3", "--profile": "p"}
    for args in (
        ["due"],
        ["--help"],
        ["--version"],
        ["--db"],
        ["--db", "--profile", "p"],
        ["--db", "a", "--db", "b"],
        ["--db", "a", "decks"],
        ["-x"],
    ):
        assert app_only(args) is None, args


def test_the_parser_still_answers_everything_else() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "--version"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0 and out.stdout.startswith("trainer ")
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "--db"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 2
