"""Bare ``trainer`` opens the app without the command-line parser; the rest goes to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_a_plain_drill_skips_the_parser() -> None:
    from trainer.entry import drill_only

    assert drill_only(["drill"]) == ({}, None)
    assert drill_only(["--db", "x", "drill", "申论"]) == ({"--db": "x"}, "申论")
    assert drill_only(["--profile=p", "drill"]) == ({"--profile": "p"}, None)
    for args in (
        ["drill", "--help"],
        ["drill", "a", "b"],
        ["--version", "drill"],
        ["--db", "drill"],
        ["due", "drill"],
        ["drill", "-x"],
    ):
        assert drill_only(args) is None, args


_DRILL = """
import sys
from trainer.entry import main
sys.argv = ["trainer", *sys.argv[1:]]
try:
    main()
finally:
    print("typer loaded" if "typer" in sys.modules else "no parser", file=sys.stderr)
"""


def _drill(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TRAINER_NOW="2026-03-02T09:00:00+00:00")
    return subprocess.run(
        [sys.executable, "-c", _DRILL, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_the_fast_drill_answers_as_the_parsed_one(tmp_path: Path) -> None:
    fast_db, parsed_db = tmp_path / "fast.sqlite3", tmp_path / "parsed.sqlite3"
    fast = _drill(["--db", str(fast_db), "drill"], "3\n1\nu\n3\n")
    assert fast.returncode == 0, fast.stderr
    assert fast.stderr.strip().endswith("no parser")
    # An argument the fast path does not take ("--") sends the same drill through the parser.
    parsed = _drill(["--db", str(parsed_db), "--profile", "default", "drill", "--"], "3\n1\nu\n3\n")
    assert parsed.returncode == 0, parsed.stderr
    assert "typer loaded" in parsed.stderr
    assert fast.stdout == parsed.stdout
    assert [line.split()[0] for line in fast.stdout.splitlines()] == ["ack", "ack", "undone", "ack"]


def test_the_fast_drill_reports_bad_input_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    out = _drill(["--db", str(db), "drill"], "3\nx\n3\n")
    assert out.returncode == 1
    assert out.stdout.count("ack") == 1
    assert (
        out.stderr.splitlines()[0]
        == "trainer: stdin line 2: expected a rating 1-4, 'u' or 'q', got 'x'"
    )
    missing = _drill(["--db", str(db), "drill", "no such deck"], "3\n")
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[0] == "trainer: no deck named 'no such deck'"
