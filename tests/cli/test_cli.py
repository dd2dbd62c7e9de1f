"""The ``trainer`` command as a user runs it: exit codes, one-line errors, JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_DECK

TRAINER = [sys.executable, "-m", "trainer"]


def run(args: list[str], db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    return subprocess.run(
        [*TRAINER, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def test_version_and_help(db: Path) -> None:
    out = run(["--version"], db)
    assert out.returncode == 0 and out.stdout.startswith("trainer ")
    out = run(["--help"], db)
    assert out.returncode == 0 and "import" in out.stdout and "due" in out.stdout


def test_first_run_decks_json_has_bundled_deck(db: Path) -> None:
    out = run(["decks", "--json"], db)
    assert out.returncode == 0, out.stderr
    (deck,) = json.loads(out.stdout)
    assert deck["deck"] == "申论::直播带货" and deck["new"] == 20
    assert set(deck) == {"deck", "id", "parent", "new", "learning", "due", "with_subdecks"}
    assert deck["parent"] == "申论"


def test_due_fast_path_matches_full_path(db: Path) -> None:
    from datetime import UTC, datetime

    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    assert run(["decks"], db).returncode == 0
    fast = run(["due", "--json"], db)
    listed = run(["decks", "--json"], db)
    assert fast.returncode == 0
    store = open_store(str(db))
    try:
        full = StudyService(store).deck_counts(datetime.now(UTC))
    finally:
        store.close()
    expected = [[r.name, r.new, r.learning, r.due] for r in full]
    for out in (fast, listed):
        assert [[d["deck"], d["new"], d["learning"], d["due"]] for d in json.loads(out.stdout)] == (
            expected
        )
    assert run(["due"], db).stdout.strip() == "20 new, 0 learning, 0 due"


def test_decks_draws_the_tree_with_wide_characters_aligned(db: Path) -> None:
    out = run(["decks"], db)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Decks"
    assert "┃ Deck " in lines[2] and "│ 申论 " in out.stdout and "│   直播带货 " in out.stdout
    assert any(line.startswith("│ Total ") and line.rstrip().endswith("│") for line in lines)
    widths = {sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in line) for line in lines[1:]}
    assert len(widths) == 1  # every line of the box is as wide as the others


def test_due_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from trainer.cli import main; sys.argv=['trainer','due'];\n"
        "try:\n main()\nexcept SystemExit: pass\n"
        "print('MODULES:' + ','.join(m for m in ('sqlalchemy','jieba','textual','fsrs') if m in sys.modules))"
    )
    env = {**os.environ, "TRAINER_DB": "/nonexistent-dir-for-test/x.db"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    # With no store file the fast path falls back; with one it must stay lean.
    assert "textual" not in out.stdout and "jieba" not in out.stdout


def test_due_fast_path_is_lean(db: Path) -> None:
    assert run(["decks"], db).returncode == 0
    code = (
        "import sys; from trainer.cli import main; sys.argv=['trainer','due'];\n"
        "try:\n main()\nexcept SystemExit: pass\n"
        "print('MODULES:' + ','.join(m for m in ('sqlalchemy','jieba','textual','fsrs') if m in sys.modules))"
    )
    env = {**os.environ, "TRAINER_DB": str(db)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "MODULES:"


def test_import_export_round_trip(db: Path, tmp_path: Path) -> None:
    out = run(["import", str(BUNDLED_DECK)], db)
    assert out.returncode == 0, out.stderr
    assert "new" in out.stdout
    target = tmp_path / "x.toml"
    out = run(["export", "申论::直播带货", "-o", str(target)], db)
    assert out.returncode == 0, out.stderr
    out = run(["import", str(target), "--json"], db)
    report = json.loads(out.stdout)
    assert report["new"] == 0 and report["updated"] == 0 and report["unchanged"] > 20


@pytest.mark.parametrize(
    "args",
    [
        ["export", "申论", "-o", "x.apkg"],
        ["export", "申论", "-o", "x.toml"],
        ["deck", "options", "申论", "--new-per-day", "5"],
        ["custom", "申论", "--new", "5"],
    ],
)
def test_a_parent_with_no_deck_of_its_own_is_called_so(
    db: Path, tmp_path: Path, args: list[str]
) -> None:
    """`trainer decks` shows 申论 over 申论::直播带货; a command that needs a deck of its own
    says 申论 is only a parent and names its sub-decks, not "no deck named"."""
    assert run(["import", str(BUNDLED_DECK)], db).returncode == 0
    out = run([a.replace("x.", str(tmp_path / "x.")) for a in args], db)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1, out.stderr
    assert "only a parent" in out.stderr and "申论::直播带货" in out.stderr, out.stderr
    assert not list(tmp_path.glob("x.*"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "/no/such.toml"], "no such file"),
        (["export", "没有这个", "-o", "x.toml"], "no deck named"),
        (["import", "{bad}"], "unknown file type"),
    ],
)
def test_user_errors_are_one_line_exit_1(
    db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    if args[-1] == "{bad}":
        bad = tmp_path / "deck.xyz"
        bad.write_text("x", encoding="utf-8")
        args = [args[0], str(bad)]
    out = run(args, db)
    assert out.returncode == 1
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_bad_deck_file_names_file_and_line(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'format = "trainer-deck"\nversion = 1\n[deck]\nname = "x"\n[[notes]]\nguid = "a"\nkind = "qa"\n',
        encoding="utf-8",
    )
    out = run(["import", str(bad)], db)
    assert out.returncode == 1
    assert out.stderr.strip() == f"trainer: {bad}:5: note 1 (a): missing field 'prompt'"


def test_usage_error_exit_2(db: Path) -> None:
    out = run(["export"], db)
    assert out.returncode == 2


def test_foreign_database_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(b"not a database at all" * 100)
    out = run(["decks"], other)
    assert out.returncode == 1
    assert "not a trainer database" in out.stderr
    assert "Traceback" not in out.stderr


def test_suspended_and_unsuspend_commands(db: Path) -> None:
    assert run(["decks"], db).returncode == 0
    out = run(["suspended"], db)
    assert out.returncode == 0 and out.stdout.strip() == "no suspended cards"
    out = run(["unsuspend"], db)
    assert out.returncode == 2 and "give card ids" in out.stderr
    out = run(["unsuspend", "--deck", "申论::直播带货"], db)
    assert out.returncode == 0 and out.stdout.strip() == "no suspended cards in 申论::直播带货"


def test_study_opener_makes_the_daily_backup(tmp_path: Path) -> None:
    from trainer.cli.study import store_opener

    db = tmp_path / "s.sqlite3"
    store = store_opener(str(db), "default", None)()
    store.close()
    assert len(list((tmp_path / "backups").glob("*"))) == 1
    store = store_opener(str(db), "default", None)()  # same day: no second backup
    store.close()
    assert len(list((tmp_path / "backups").glob("*"))) == 1


def test_decks_tree_caps_parent_counts_by_its_limits(db: Path, tmp_path: Path) -> None:
    """`trainer decks`, `--json` and `trainer due` agree on a parent capped by its own limit."""
    for name, n, limit in (("申论", 1, 4), ("申论::甲", 3, 3), ("申论::乙", 3, 3)):
        path = tmp_path / f"{n}{limit}{len(name)}.toml"
        notes = "\n".join(
            f'[[notes]]\nguid = "{name}{i}"\nkind = "qa"\nprompt = "问{i}"\nanswer = "答"\n'
            for i in range(n)
        )
        path.write_text(
            'format = "trainer-deck"\nversion = 1\n\n'
            f'[deck]\nname = "{name}"\n\n[deck.options]\nnew_per_day = {limit}\n\n{notes}',
            encoding="utf-8",
        )
        assert run(["import", str(path)], db).returncode == 0
    out = run(["decks", "--json"], db)
    assert out.returncode == 0, out.stderr
    rows = {r["deck"]: r for r in json.loads(out.stdout)}
    assert rows["申论"]["new"] == 1  # its own cards
    assert rows["申论"]["with_subdecks"]["new"] == 4  # min(1 + 3 + 3, 4)
    assert rows["申论::甲"]["with_subdecks"]["new"] == 3 and rows["申论::甲"]["parent"] == "申论"
    table = run(["decks"], db).stdout
    assert "Total" in table and " 4 " in table.split("Total")[1]
    assert run(["due"], db).stdout.startswith("4 new, 0 learning, 0 due")
