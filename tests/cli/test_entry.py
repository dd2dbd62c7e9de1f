"""Bare ``trainer`` opens the app without the command-line parser; the rest goes to it."""

from __future__ import annotations

import os
import sqlite3
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


def test_a_plain_import_skips_the_parser() -> None:
    from trainer.entry import import_only

    assert import_only(["import", "a.apkg"]) == ({}, "a.apkg")
    assert import_only(["--db", "x", "import", "申论.apkg"]) == ({"--db": "x"}, "申论.apkg")
    assert import_only(["--profile=p", "import", "a.toml"]) == ({"--profile": "p"}, "a.toml")
    for args in (
        ["import"],
        ["import", "--help"],
        ["import", "--json", "a.apkg"],
        ["import", "a.apkg", "--json"],
        ["import", "a.apkg", "b.apkg"],
        ["import", "--", "a.apkg"],
        ["import", ""],
        ["--version", "import", "a.apkg"],
        ["--db", "import", "a.apkg"],
        ["export", "import", "a.apkg"],
        ["import", "-x"],
    ):
        assert import_only(args) is None, args


def _import(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _DRILL, *args], capture_output=True, text=True, check=False
    )


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, the columns holding the time of the run left out."""
    conn = sqlite3.connect(db)
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {}
        for table in tables:
            cur = conn.execute(f"SELECT * FROM {table} ORDER BY 1")
            keep = [i for i, d in enumerate(cur.description) if not d[0].endswith("_at")]
            out[table] = [tuple(row[i] for i in keep) for row in cur.fetchall()]
        return out
    finally:
        conn.close()


def test_the_fast_import_stores_what_the_parsed_one_stores(tmp_path: Path) -> None:
    from trainer.domain.model import Note, NoteKind
    from trainer.formats.apkg_write import package_bytes

    pkg = tmp_path / "p.apkg"
    notes = [Note(f"g{i}", NoteKind.QA, prompt=f"问{i}", answer=f"答{i}") for i in range(30)]
    notes.append(Note("c1", NoteKind.CLOZE, text="{{c1::甲}}与{{c2::乙}}", tags=("t",)))
    pkg.write_bytes(package_bytes("P", notes))
    fast_db, parsed_db = tmp_path / "fast.sqlite3", tmp_path / "parsed.sqlite3"
    fast = _import(["--db", str(fast_db), "import", str(pkg)])
    assert fast.returncode == 0, fast.stderr
    assert fast.stderr.strip().endswith("no parser")
    parsed = _import(["--db", str(parsed_db), "import", "--", str(pkg)])
    assert parsed.returncode == 0, parsed.stderr
    assert "typer loaded" in parsed.stderr
    assert fast.stdout == parsed.stdout
    assert fast.stdout.startswith(f"imported {pkg}: P: 31 new")
    assert _rows(fast_db) == _rows(parsed_db)


def test_the_fast_import_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    missing = _import(["--db", str(db), "import", str(tmp_path / "none.apkg")])
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[0] == f"trainer: {tmp_path / 'none.apkg'}: no such file"
    assert not db.exists()
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"not a zip")
    first = _import(["--db", str(db), "import", str(bad)])
    again = _import(["--db", str(db), "import", "--", str(bad)])
    assert first.returncode == again.returncode == 1
    assert first.stderr.splitlines()[0] == again.stderr.splitlines()[0]
    assert first.stderr.splitlines()[0].startswith(f"trainer: {bad}: not a zip package")
    assert first.stdout == ""


def test_a_refused_import_into_a_new_store_leaves_no_store_behind(tmp_path: Path) -> None:
    """Bad input loses nothing and makes nothing: no empty store where there was none,
    on the parser-free path and the parsed one alike."""
    bad = tmp_path / "bad.apkg"
    bad.write_bytes(b"not a zip")
    for args in (["import", str(bad)], ["import", "--", str(bad)], ["import", str(bad), "--json"]):
        db = tmp_path / "new" / "store.sqlite3"
        out = _import(["--db", str(db), *args])
        assert out.returncode == 1, (args, out.stderr)
        assert not db.exists(), args
        assert not any(p.name.startswith("store.sqlite3") for p in db.parent.glob("*")), args
    kept = tmp_path / "kept.sqlite3"
    assert _import(["--db", str(kept), "import", str(bad)]).returncode == 1
    assert _import(["--db", str(kept), "decks"]).returncode == 0  # made by `decks`
    size = kept.stat().st_size
    assert _import(["--db", str(kept), "import", str(bad)]).returncode == 1
    assert kept.exists() and kept.stat().st_size == size  # an existing store stays
