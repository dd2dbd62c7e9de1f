"""Bare ``trainer`` opens the app without the command-line parser; the rest goes to it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

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
    print("sqlalchemy loaded" if "sqlalchemy" in sys.modules else "no sqlalchemy", file=sys.stderr)
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


def _schema(db: Path) -> tuple[object, ...]:
    conn = sqlite3.connect(db)
    try:
        master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        return sorted(master), conn.execute("PRAGMA journal_mode").fetchone()
    finally:
        conn.close()


def _both(pkg: Path, fast_db: Path, parsed_db: Path, *, fresh: bool) -> str:
    """``pkg`` imported by the plain entry (over ``sqlite3``, no SQLAlchemy) into
    ``fast_db`` and through the parser (on the SQLAlchemy engine) into ``parsed_db``:
    the same output, the same schema and every table's rows the same."""
    fast = _import(["--db", str(fast_db), "import", str(pkg)])
    assert fast.returncode == 0, fast.stderr
    assert fast.stderr.strip().splitlines()[-2:] == ["no sqlalchemy", "no parser"], fast.stderr
    parsed = _import(["--db", str(parsed_db), "import", "--", str(pkg)])
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stderr.strip().splitlines()[-2:] == ["sqlalchemy loaded", "typer loaded"]
    assert fast.stdout == parsed.stdout
    assert _schema(fast_db) == _schema(parsed_db)
    assert _rows(fast_db) == _rows(parsed_db)
    if not fresh:  # a store with something in it is backed up first, on both paths
        backups = [
            ["before-import" in p.name for p in (db.parent / "backups").iterdir()]
            for db in (fast_db, parsed_db)
        ]
        assert backups[0] == backups[1] != [] and all(backups[0])
    return fast.stdout


def test_the_fast_import_stores_what_the_parsed_one_stores(tmp_path: Path) -> None:
    from trainer.domain.model import Note, NoteKind
    from trainer.formats.apkg_write import package_bytes

    pkg = tmp_path / "p.apkg"
    notes = [Note(f"g{i}", NoteKind.QA, prompt=f"问{i}", answer=f"答{i}") for i in range(30)]
    notes.append(Note("c1", NoteKind.CLOZE, text="{{c1::甲}}与{{c2::乙}}", tags=("t",)))
    pkg.write_bytes(package_bytes("P", notes))
    fast_db, parsed_db = tmp_path / "fast" / "s.sqlite3", tmp_path / "parsed" / "s.sqlite3"
    out = _both(pkg, fast_db, parsed_db, fresh=True)
    assert out.startswith(f"imported {pkg}: P: 31 new")
    # Again into the stores now there: notes changed, added, tags reordered, one deck more.
    notes[0] = Note("g0", NoteKind.QA, prompt="问0", answer="新答")
    notes[30] = Note("c1", NoteKind.CLOZE, text="{{c1::甲}}与{{c3::丙}}", tags=("t",))
    notes.append(Note("g99", NoteKind.QA, prompt="问99", answer="答99", tags=("b", "a")))
    pkg.write_bytes(package_bytes("P", notes))
    out = _both(pkg, fast_db, parsed_db, fresh=False)
    assert out.startswith(f"imported {pkg}: P: 1 new, 2 updated, 29 unchanged")
    other = tmp_path / "q.apkg"
    other.write_bytes(package_bytes("Q", [Note("q1", NoteKind.QA, prompt="问", answer="答")]))
    _both(other, fast_db, parsed_db, fresh=False)


def test_the_fast_import_of_an_anki_history_stores_what_the_parsed_one_stores(
    tmp_path: Path,
) -> None:
    """A package from Anki itself with a review log, suspended, buried and repositioned
    cards and a preset: the review-log plan and the rebuilt schedules run on the
    ``sqlite3`` connection as they run on the engine."""
    import pytest

    pytest.importorskip("anki")
    from anki.collection import Collection, ExportAnkiPackageOptions

    (tmp_path / "anki").mkdir()
    col: Any = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        did = col.decks.id("Lang::Sub")
        conf = col.decks.add_config_returning_id("考试")
        c = col.decks.get_config(conf)
        c["new"]["perDay"] = 7
        c["rev"]["maxIvl"] = 400
        col.decks.update_config(c)
        deck = col.decks.get(did)
        deck["conf"] = conf
        col.decks.save(deck)
        ids = []
        for i in range(12):
            note = col.new_note(col.models.by_name("Basic"))
            note["Front"], note["Back"] = f"问{i}", "答"
            col.add_note(note, did)
            ids.append(note.cards()[0].id)
        cloze = col.new_note(col.models.by_name("Cloze"))
        cloze["Text"] = "{{c1::甲}}和{{c2::乙}}"
        col.add_note(cloze, did)
        for cid, eases in zip(ids[:5], ([3, 3], [1, 3], [4], [2, 3, 3], [1, 1]), strict=True):
            for ease in eases:
                card = col.get_card(cid)
                card.start_timer()
                col.sched.answerCard(card, ease)
        col.sched.suspend_cards([ids[5], ids[0]])
        col.sched.bury_cards([ids[6], ids[1]])
        col.sched.reposition_new_cards(ids[7:][::-1], 100, 1, False, False)
        pkg = tmp_path / "history.apkg"
        col.export_anki_package(
            out_path=str(pkg),
            options=ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False
            ),
            limit=None,
        )
    finally:
        col.close()
    fast_db, parsed_db = tmp_path / "fast" / "s.sqlite3", tmp_path / "parsed" / "s.sqlite3"
    out = _both(pkg, fast_db, parsed_db, fresh=True)
    assert "13 new" in out and "reviews" in out
    _both(pkg, fast_db, parsed_db, fresh=False)  # the same package again: nothing new


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
