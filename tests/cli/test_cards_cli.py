"""``trainer cards`` and ``trainer add`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    assert run(["decks"], path).returncode == 0  # the bundled deck
    return path


def test_cards_lists_matches_as_text_and_json(db: Path) -> None:
    out = run(["cards", "deck:申论* tag:金句"], db)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines and all(line.split("\t")[1] == "申论::直播带货" for line in lines)
    assert all("金句" in line.split("\t")[6] for line in lines)
    data = json.loads(run(["cards", "tag:金句", "--json"], db).stdout)
    assert len(data) == len(lines)
    assert {d["state"] for d in data} == {"new"}
    assert all("金句" in d["tags"] for d in data)


def test_cards_sorts_and_limits(db: Path) -> None:
    data = json.loads(run(["cards", "", "--json", "--sort", "front", "--limit", "5"], db).stdout)
    assert len(data) == 5
    everything = json.loads(run(["cards", "--json"], db).stdout)
    assert len(everything) > 5
    rev = json.loads(run(["cards", "", "--json", "--sort", "added", "--reverse"], db).stdout)
    assert [d["card_id"] for d in rev] == sorted((d["card_id"] for d in everything), reverse=True)


def test_a_malformed_query_is_one_line_naming_the_position(db: Path) -> None:
    out = run(["cards", "deck:申论 (tag:金句"], db)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "trainer: bad search at position 9: '(' is never closed"
    ]
    out = run(["cards", "is:nothing"], db)
    assert out.returncode == 1 and "position 4" in out.stderr
    out = run(["cards", "--sort", "colour"], db)
    assert out.returncode == 2 and "cannot sort by 'colour'" in out.stderr


def test_no_match_says_so(db: Path) -> None:
    out = run(["cards", "deck:没有这个"], db)
    assert out.returncode == 0 and out.stdout.strip() == "no cards match"


def test_actions_on_the_cards_found(db: Path) -> None:
    out = run(["cards", "tag:金句", "--suspend"], db)
    assert out.returncode == 0, out.stderr
    n = int(out.stdout.split(":")[1].split()[0])
    assert n > 0
    assert len(json.loads(run(["cards", "is:suspended", "--json"], db).stdout)) == n
    assert run(["cards", "is:suspended", "--unsuspend"], db).returncode == 0
    assert json.loads(run(["cards", "is:suspended", "--json"], db).stdout) == []
    assert run(["cards", "tag:金句", "--tag", "背诵"], db).returncode == 0
    assert len(json.loads(run(["cards", "tag:背诵", "--json"], db).stdout)) == n
    assert run(["cards", "tag:背诵", "--move", "申论::金句"], db).returncode == 0
    moved = json.loads(run(["cards", "deck:申论::金句", "--json"], db).stdout)
    assert len(moved) == n
    # Deleting asks first; "n" leaves everything.
    out = run(["cards", "deck:申论::金句", "--delete"], db, stdin="n\n")
    assert out.returncode == 1
    assert len(json.loads(run(["cards", "deck:申论::金句", "--json"], db).stdout)) == n
    out = run(["cards", "deck:申论::金句", "--delete", "--yes"], db)
    assert out.returncode == 0 and out.stdout.startswith("Deleted:")
    assert json.loads(run(["cards", "deck:申论::金句", "--json"], db).stdout) == []
    out = run(["cards", "tag:x", "--bury", "--forget"], db)
    assert out.returncode == 2 and "one action at a time" in out.stderr


def test_add_cloze_qa_and_list(db: Path) -> None:
    out = run(
        [
            "add",
            "申论::手写",
            "--cloze",
            "{{c1::共同富裕}}是{{c2::本质要求}}",
            "--tags",
            "金句 重点",
        ],
        db,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Added 1 note (2 cards) to 申论::手写 (guid ")
    out = run(["add", "申论::手写", "--qa", "什么是新质生产力?", "创新起主导作用", "--json"], db)
    data = json.loads(out.stdout)
    assert data["kind"] == "qa" and len(data["card_ids"]) == 1 and len(data["guid"]) == 12
    out = run(["add", "申论::手写", "--list", "三个要点", "监管", "诚信", "创新", "--json"], db)
    assert out.returncode == 0, out.stderr
    cards = json.loads(run(["cards", "deck:申论::手写", "--json"], db).stdout)
    assert [c["kind"] for c in cards] == ["cloze", "cloze", "qa", "list"]
    assert cards[0]["tags"] == ["金句", "重点"]
    assert cards[3]["back"] == "1. 监管\n2. 诚信\n3. 创新"


def test_add_a_qa_note_asked_both_ways(db: Path) -> None:
    out = run(["add", "手写", "--qa", "枫桥经验", "矛盾不上交", "--reverse", "--json"], db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["kind"] == "reversed" and len(data["card_ids"]) == 2
    cards = json.loads(run(["cards", "deck:手写", "--json"], db).stdout)
    assert [(c["front"], c["back"]) for c in cards] == [
        ("枫桥经验", "矛盾不上交"),
        ("矛盾不上交", "枫桥经验"),
    ]
    wrong = run(["add", "手写", "--cloze", "{{c1::甲}}", "--reverse"], db)
    assert wrong.returncode == 2 and "--reverse goes with --qa" in wrong.stderr


def test_add_warns_on_a_duplicate_but_adds(db: Path) -> None:
    assert run(["add", "手写", "--qa", "问题一", "答案"], db).returncode == 0
    out = run(["add", "手写", "--qa", "问题一", "另一个答案"], db)
    assert out.returncode == 0
    assert out.stderr.strip() == "trainer: warning: a note with the same front is in 手写"
    assert len(json.loads(run(["cards", "deck:手写", "--json"], db).stdout)) == 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["add", "手写", "--cloze", "{{c1::没关"], 1, "unclosed or malformed cloze at character 0"),
        (["add", "手写", "--cloze", "没有挖空"], 1, "at least one {{c1::…}} deletion"),
        (["add", "手写", "--qa", "问", ""], 1, "the answer is empty"),
        (["add", "手写", "--list", "要点"], 1, "at least one item"),
        (["add", "手写", "--cloze", "{{c1::a}}", "--qa", "p", "a"], 2, "exactly one of"),
        (["add", "手写", "多余", "--cloze", "{{c1::a}}"], 2, "unexpected arguments"),
        (["add", "a::", "--cloze", "{{c1::a}}"], 1, "bad deck name 'a::'"),
    ],
)
def test_add_refuses_bad_notes_in_one_line(
    db: Path, args: list[str], code: int, message: str
) -> None:
    out = run(args, db)
    assert out.returncode == code
    assert len(out.stderr.strip().splitlines()) == 1 and message in out.stderr
    assert json.loads(run(["cards", "deck:手写", "--json"], db).stdout) == []


def test_custom_study_and_filtered_decks(db: Path) -> None:
    out = run(["custom", "申论::直播带货", "--search", "tag:金句", "--limit", "4"], db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        'Custom Study Session: 4 cards (deck:"申论::直播带货" (tag:金句))',
        'study it with: trainer study "Custom Study Session"',
    ]
    session = json.loads(run(["cards", 'deck:"Custom Study Session"', "--json"], db).stdout)
    assert len(session) == 4 and {c["home_deck"] for c in session} == {"申论::直播带货"}
    decks = {d["deck"]: d for d in json.loads(run(["decks", "--json"], db).stdout)}
    assert decks["Custom Study Session"]["new"] == 4
    out = run(["custom", "申论::直播带货", "--new", "5"], db)
    assert out.returncode == 0
    assert "5 more new cards" in out.stdout
    decks = {d["deck"]: d for d in json.loads(run(["due", "--json"], db).stdout)}
    assert decks["申论::直播带货"]["new"] == 25
    out = run(
        ["filtered", "build", "复习", "deck:申论* is:new", "--limit", "3", "--order", "added"], db
    )
    assert out.stdout.strip() == "复习: 3 cards (deck:申论* is:new)"
    assert run(["filtered", "empty", "复习"], db).stdout.strip() == "复习: 3 cards sent home"
    assert (
        run(["filtered", "rebuild", "复习"], db).stdout.strip()
        == "复习: 3 cards (deck:申论* is:new)"
    )
    out = run(["filtered", "delete", "Custom Study Session"], db)
    assert out.stdout.strip() == "deleted Custom Study Session: 4 cards sent home"
    assert "Custom Study Session" not in {
        d["deck"] for d in json.loads(run(["decks", "--json"], db).stdout)
    }


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["custom", "申论::直播带货"], 2, "give one of"),
        (["custom", "申论::直播带货", "--ahead", "2", "--new", "3"], 2, "give one of"),
        (["custom", "申论::直播带货", "--search", "is:x"], 1, "bad search at position 4"),
        (["custom", "没有", "--new", "3"], 1, "no deck named '没有'"),
        (["filtered", "empty", "申论::直播带货"], 1, "is not a filtered deck"),
        (["filtered", "build", "申论::直播带货", "tag:x"], 1, "is a normal deck"),
        (["filtered", "build", "F", "tag:x", "--order", "up"], 1, "order must be one of"),
    ],
)
def test_custom_study_errors_are_one_line(
    db: Path, args: list[str], code: int, message: str
) -> None:
    out = run(args, db)
    assert out.returncode == code
    assert len(out.stderr.strip().splitlines()) == 1 and message in out.stderr


def test_deck_options_rename_move_delete(db: Path) -> None:
    out = run(["deck", "options", "申论::直播带货", "--json"], db)
    assert json.loads(out.stdout)["new_per_day"] == 20
    out = run(
        [
            "deck",
            "options",
            "申论::直播带货",
            "--new-per-day",
            "30",
            "--learning-steps",
            "1m 10m 1h",
            "--retention",
            "0.85",
            "--no-bury-siblings",
        ],
        db,
    )
    assert out.returncode == 0, out.stderr
    assert "learning steps     1m 10m 1h" in out.stdout
    data = json.loads(run(["deck", "options", "申论::直播带货", "--json"], db).stdout)
    assert data["new_per_day"] == 30 and data["desired_retention"] == 0.85
    assert data["learning_steps"] == [60, 600, 3600] and data["bury_siblings"] is False
    assert json.loads(run(["decks", "--json"], db).stdout)[0]["new"] == 30
    assert run(["deck", "presets"], db).stdout.startswith("no presets")
    out = run(["deck", "options", "申论::直播带货", "--preset", "申论"], db)
    assert "preset             申论" in out.stdout
    assert run(["deck", "presets"], db).stdout.strip() == "申论: 申论::直播带货"
    out = run(["deck", "options", "申论::直播带货", "--retention", "1.5"], db)
    assert out.returncode == 1 and "between 0.7 and 0.99" in out.stderr
    out = run(["deck", "rename", "申论::直播带货", "申论::电商"], db, stdin="y\n")
    assert out.stdout.strip().endswith("Renamed 申论::直播带货 to 申论::电商")
    out = run(["deck", "move", "申论::电商", "", "--yes"], db)
    assert out.stdout.strip() == "Renamed 申论::电商 to 电商"
    out = run(["deck", "delete", "电商"], db, stdin="n\n")
    assert out.returncode == 1 and "nothing deleted" in out.stderr
    out = run(["deck", "delete", "电商", "--yes"], db)
    assert out.returncode == 0 and out.stdout.startswith("Deleted 电商 (")
    assert run(["cards", "--json"], db).stdout.strip() == "[]"
    out = run(["deck", "rename", "没有", "x", "-y"], db)
    assert out.returncode == 1 and "no deck named '没有'" in out.stderr


def test_cards_shows_control_characters_as_symbols(db: Path) -> None:
    added = run(["add", "申论::手写", "--qa", "提示\x1b]0;pwned\x07问", "答案\x9b"], db)
    assert added.returncode == 0, added.stderr
    out = run(["cards", "deck:申论::手写"], db)
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout
    assert "␛]0;pwned␇" in out.stdout  # shown, not dropped and not obeyed
    data = run(["cards", "deck:申论::手写", "--json"], db).stdout
    assert "\x9b" not in data and "\x1b" not in data


def test_deck_rename_and_move_report_a_missing_deck_or_taken_name_before_asking(db: Path) -> None:
    """A question the answer cannot matter to is not asked: the error comes first."""
    for args in (
        ["deck", "rename", "没有", "x"],
        ["deck", "rename", "申论::直播带货", "申论::直播带货"],
        ["deck", "move", "没有", "申论"],
        ["deck", "move", "申论", "申论::直播带货"],
    ):
        out = run(args, db, stdin="")  # no answer: a question would abort the command
        assert out.returncode == 1, (args, out.stdout, out.stderr)
        assert "?" not in out.stdout, (args, out.stdout)
        assert len(out.stderr.strip().splitlines()) == 1, (args, out.stderr)
    assert run(["deck", "rename", "申论::直播带货", "申论::x", "-y"], db).returncode == 0
    assert run(["deck", "rename", "申论::x", "申论::直播带货", "-y"], db).returncode == 0
