"""What a new user ran into in the first hour, each as the command line shows it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TRAINER = [sys.executable, "-m", "trainer"]


def run(args: list[str], db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    env.pop("TRAINER_PROFILE", None)
    return subprocess.run(
        [*TRAINER, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def _deck_names(db: Path) -> list[str]:
    out = run(["decks", "--json"], db)
    assert out.returncode == 0, out.stderr
    return [d["deck"] for d in json.loads(out.stdout)]


# -- 3. importing an article or an empty file -----------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".csv", ".tsv"])
def test_import_refuses_text_without_fields(db: Path, tmp_path: Path, suffix: str) -> None:
    article = tmp_path / f"article{suffix}"
    article.write_text("官员直播带货\n\n第一段落说明背景。\n\n最后一段。\n", encoding="utf-8")
    before = _deck_names(db)
    out = run(["import", str(article)], db)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert str(article) in lines[0]
    assert lines[0].endswith(
        "-separated fields; to make cards from an article use `trainer make FILE`"
        " (key `a` in the app)"
    )
    assert _deck_names(db) == before


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_import_refuses_an_empty_file(db: Path, tmp_path: Path, content: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    before = _deck_names(db)
    out = run(["import", str(empty)], db)
    assert out.returncode == 1
    assert out.stderr.strip() == f"trainer: {empty}: empty file: nothing to import"
    assert _deck_names(db) == before


def test_import_keeps_one_field_files_with_a_header(db: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("#separator:tab\n#deck:单列\n第一条\n第二条\n", encoding="utf-8")
    out = run(["import", str(one)], db)
    assert out.returncode == 0, out.stderr
    assert "2 new" in out.stdout
    tsv = tmp_path / "two.tsv"
    tsv.write_text("正面\t背面\n", encoding="utf-8")
    assert run(["import", str(tsv)], db).returncode == 0


# -- 4. parent decks exist implicitly --------------------------------------------------


def _two_sub_decks(db: Path, tmp_path: Path) -> None:
    """The bundled 申论::直播带货 and a second deck 申论::网络直播 (two cards)."""
    sub = tmp_path / "sub.txt"
    sub.write_text("#separator:tab\n#deck:申论::网络直播\n问一\t答一\n问二\t答二\n", "utf-8")
    assert run(["decks"], db).returncode == 0  # the first run loads the bundled deck
    assert run(["import", str(sub)], db).returncode == 0


def test_parent_deck_is_implicit_for_stats_and_drill(db: Path, tmp_path: Path) -> None:
    _two_sub_decks(db, tmp_path)
    out = run(["stats", "申论", "--json"], db)
    assert out.returncode == 0, out.stderr
    assert run(["stats", "申论::网络直播", "--json"], db).returncode == 0
    drilled = run(["drill", "申论"], db, stdin="3\n" * 30)
    assert drilled.returncode == 0, drilled.stderr
    assert drilled.stdout.strip()
    assert run(["stats", "申"], db).returncode == 1
    missing = run(["drill", "申论x"], db, stdin="3\n")
    assert missing.returncode == 1 and "no deck named '申论x'" in missing.stderr


def test_decks_shows_the_tree_and_json_names_the_parent(db: Path, tmp_path: Path) -> None:
    _two_sub_decks(db, tmp_path)
    out = run(["decks"], db)
    assert out.returncode == 0, out.stderr
    lines = [line.replace("│", " ").strip() for line in out.stdout.splitlines()]
    parent = next(line for line in lines if line.startswith("申论 "))
    assert parent.split()[1:] == ["22", "0", "0"]  # 20 + 2 new rolled up
    assert any(line.startswith("直播带货") for line in lines)
    assert any(line.startswith("网络直播") for line in lines)
    assert "申论::" not in out.stdout
    rows = json.loads(run(["decks", "--json"], db).stdout)
    assert [(r["deck"], r["parent"]) for r in rows] == [
        ("申论::直播带货", "申论"),
        ("申论::网络直播", "申论"),
    ]


# -- 7. unsuspend says what changed; unknown ids are an error ------------------------------


def _suspend(db: Path, card_id: int) -> None:
    from trainer.services.session import open_store
    from trainer.services.study import StudyService

    store = open_store(str(db))
    try:
        StudyService(store).suspend(card_id)
    finally:
        store.close()


def test_unsuspend_an_unknown_id_fails_and_changes_nothing(db: Path) -> None:
    assert run(["decks"], db).returncode == 0
    _suspend(db, 3)
    out = run(["unsuspend", "99999"], db)
    assert out.returncode == 1
    assert out.stderr.strip() == "trainer: no card with id 99999 (see `trainer suspended`)"
    assert out.stdout == ""
    out = run(["unsuspend", "3", "99999"], db)
    assert out.returncode == 1
    assert run(["suspended"], db).stdout.splitlines()[1].startswith("3\t")  # still suspended


def test_unsuspend_reports_what_changed(db: Path) -> None:
    assert run(["decks"], db).returncode == 0
    _suspend(db, 3)
    _suspend(db, 5)
    out = run(["unsuspend", "3", "5", "1"], db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "unsuspended 2 cards: 3, 5",
        "not suspended, so unchanged: 1 card (1)",
    ]
    out = run(["unsuspend", "3"], db)
    assert out.stdout.strip() == "not suspended, so unchanged: 1 card (3)"


def test_suspended_has_a_header_and_deck_names(db: Path) -> None:
    assert run(["decks"], db).returncode == 0
    _suspend(db, 3)
    lines = run(["suspended"], db).stdout.splitlines()
    assert lines[0] == "card\tdeck\tlapses\tfront"
    card, deck, lapses, front = lines[1].split("\t")
    assert (card, deck, lapses) == ("3", "申论::直播带货", "0") and front


# -- friction: the README says how to run trainer and where the store is ------------------


def test_readme_says_how_to_run_trainer_and_where_the_store_is(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/trainer" in readme
    assert 'export PATH="$PWD/.venv/bin:$PATH"' in readme
    assert "~/.local/share/trainer/trainer.sqlite3" in readme
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(tmp_path)
    code = "from trainer.storage.paths import default_path; print(default_path())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    if sys.platform.startswith("linux"):
        assert out.stdout.strip() == str(tmp_path / ".local/share/trainer/trainer.sqlite3")


# -- friction: a typo in --profile makes no learner ----------------------------------------


def test_a_profile_typo_makes_no_new_learner(db: Path) -> None:
    assert run(["decks"], db).returncode == 0
    for args in (["--profile", "alcie", "decks"], ["--profile", "alcie", "due"]):
        out = run(args, db)
        assert out.returncode == 1
        assert out.stderr.strip() == (
            "trainer: no profile named 'alcie' (profiles: default); "
            "add it with `trainer profile add alcie`"
        )
    listed = run(["profile"], db).stdout
    assert "alcie" not in listed
    out = run(["profile", "add", "alice"], db)
    assert (
        out.returncode == 0
        and out.stdout.strip() == "profile alice is ready (2 profiles in the store)"
    )
    out = run(["--profile", "alice", "due"], db)
    assert out.returncode == 0 and out.stdout.startswith("20 new")
    assert run(["profile", "remove", "alice"], db).returncode == 2


# -- friction: every export gets the same file mode ------------------------------------------


def test_exports_get_the_mode_of_any_new_file(db: Path, tmp_path: Path) -> None:
    assert run(["decks"], db).returncode == 0
    modes = {}
    for suffix in (".toml", ".apkg", ".csv", ".tsv"):
        out = tmp_path / f"deck{suffix}"
        done = run(["export", "申论::直播带货", "-o", str(out)], db)
        assert done.returncode == 0, done.stderr
        modes[suffix] = out.stat().st_mode & 0o777
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert set(modes.values()) == {plain.stat().st_mode & 0o777}, modes


# -- friction: one naming rule for made decks; make's labels; plurals -----------------------

SEED = Path(__file__).resolve().parents[2] / "decks" / "zhibo-daihuo.txt"


def test_make_names_the_deck_as_the_app_does(db: Path, tmp_path: Path) -> None:
    from trainer.domain.naming import made_deck_name

    out = tmp_path / "made.toml"
    done = run(["make", str(SEED), "-o", str(out)], db)
    assert done.returncode == 0, done.stderr
    assert run(["import", str(out)], db).returncode == 0
    assert "申论::疫情背景下的直播带货景象" in _deck_names(db)
    assert made_deck_name("疫情背景下的直播带货景象") == "申论::疫情背景下的直播带货景象"


def test_make_labels_are_all_english(db: Path) -> None:
    done = run(["make", str(SEED)], db)
    assert done.returncode == 0, done.stderr
    head = done.stdout.splitlines()[0]
    assert head == "title: 疫情背景下的直播带货景象"
    labels = [line.split(":")[0] for line in done.stdout.splitlines()[:3]]
    assert "标题" not in labels and "正文" not in done.stdout


def test_counts_of_one_are_singular(db: Path) -> None:
    assert run(["drill"], db, stdin="3\n").returncode == 0
    listed = run(["profile"], db).stdout
    assert "\t1 review" in listed and "1 reviews" not in listed
    stats = run(["stats"], db).stdout
    assert "Today: 1 answer in" in stats


# -- friction: the exam plan is applied on request ---------------------------------------------


def test_exam_plan_is_printed_and_applied_on_request(db: Path) -> None:
    from datetime import date, timedelta

    assert run(["drill"], db, stdin="3\n3\n").returncode == 0
    when = (date.today() + timedelta(days=60)).isoformat()
    out = run(["exam", "set", when], db)
    assert out.returncode == 0, out.stderr
    plan = out.stdout.splitlines()[1]
    assert (
        plan.startswith("Plan: ")
        and "apply it to the decks' limits with `trainer exam apply`" in plan
    )
    per_day = int(plan.split()[1])
    assert json.loads(run(["decks", "--json"], db).stdout)[0]["new"] == 18  # limits untouched
    out = run(["exam", "apply"], db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1].strip().startswith(f"申论::直播带货: {per_day} new card")
    new_today = json.loads(run(["decks", "--json"], db).stdout)[0]["new"]
    assert new_today == max(0, per_day - 2)


# -- friction: cram is a real session ------------------------------------------------------------


def _reviews(db: Path) -> int:
    out = run(["stats", "--json"], db)
    return int(json.loads(out.stdout)["today"]["reviews"])


def test_cram_asks_how_it_went_keeps_schedules_and_sums_up(db: Path) -> None:
    assert run(["drill"], db, stdin="3\n1\n3\n").returncode == 0
    before = run(["decks", "--json"], db).stdout
    out = run(["cram", "--limit", "3"], db, stdin="\n1\n\n\n")  # Again, Good, then end of input
    assert out.returncode == 0, out.stderr
    assert "Aborted!" not in out.stdout + out.stderr
    assert "How did it go? 1 Again · 2 Hard · 3 Good · 4 Easy" in out.stdout
    assert (
        "Crammed 2 of 3 cards in " in out.stdout
        and ": 1 again, 0 hard, 1 good, 0 easy" in out.stdout
    )
    assert "Schedules unchanged" in out.stdout
    log = (db.parent / "cram-log.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["rating"] for line in log] == [1, 3]
    assert _reviews(db) == 3 and run(["decks", "--json"], db).stdout == before
    out = run(["cram", "--limit", "1", "--reschedule"], db, stdin="\n4\n")
    assert out.returncode == 0, out.stderr
    assert "rescheduled" in out.stdout and _reviews(db) == 4


def test_cram_stops_on_q(db: Path) -> None:
    assert run(["drill"], db, stdin="3\n3\n").returncode == 0
    out = run(["cram"], db, stdin="q\n")
    assert out.returncode == 0 and "Crammed 0 of 2 cards" in out.stdout
