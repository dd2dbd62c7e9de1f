"""``trainer practice`` as a script runs it: help, an answer file, piped lines, bad input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def test_practice_help(db: Path) -> None:
    out = run(["practice", "--help"], db)
    assert out.returncode == 0
    for option in ("--minutes", "--limit", "--type", "--answer-file", "[DECK|ARTICLE]"):
        assert option in out.stdout


def test_answer_file_is_graded_and_saved(db: Path, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("一是真经念歪；\n二是赶鸭子上架；\n三是成本转嫁。\n", encoding="utf-8")
    out = run(
        ["practice", "申论", "--type", "问题", "--answer-file", str(answer), "--rating", "4"], db
    )
    assert out.returncode == 0, out.stderr
    assert "概括材料中直播带货存在的问题" in out.stdout
    assert "Points: 3/3 · coverage 100%" in out.stdout
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT rating, coverage, char_limit FROM practice_attempts").fetchall()
    finally:
        con.close()
    assert rows == [(4, 1.0, 100)]


def test_piped_lines_and_the_limit_option(db: Path) -> None:
    out = run(["practice", "zhibo-daihuo", "--limit", "20"], db, stdin="真经念歪" * 8 + "\n\n\n")
    assert out.returncode == 0, out.stderr
    assert "（不超过20字）" in out.stdout
    assert "OVER by 12" in out.stdout


def test_bad_input_is_one_line_and_exit_1(db: Path, tmp_path: Path) -> None:
    out = run(["practice", "没有这个"], db)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "没有这个" in out.stderr
    out = run(["practice", "--type", "作文"], db)
    assert out.returncode == 1 and "--type" in out.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    out = run(["practice", "--answer-file", str(bad)], db)
    assert out.returncode == 1 and str(bad) in out.stderr


def test_drill_on_standard_input(db: Path) -> None:
    out = run(
        ["practice", "zhibo-daihuo", "--type", "问题", "--drill"],
        db,
        stdin="1 4 6\n1 1 1\n真经念歪等问题\n",
    )
    assert out.returncode == 0, out.stderr
    assert "找点: 3/" in out.stdout
    assert "组1 真经念歪等问题: 100% one kind · name fits its kind" in out.stdout
    bad = run(["practice", "zhibo-daihuo", "--drill"], db, stdin="1 99\n")
    assert bad.returncode == 1 and "找点" in bad.stderr


def test_stats_show_practice_scores(db: Path, tmp_path: Path) -> None:
    import json

    answer = tmp_path / "answer.txt"
    answer.write_text("一是真经念歪；二是成本转嫁。", encoding="utf-8")
    assert run(["practice", "--type", "问题", "--answer-file", str(answer)], db).returncode == 0
    out = run(["stats", "--json"], db)
    assert out.returncode == 0, out.stderr
    (score,) = json.loads(out.stdout)["practice"]
    assert score["type"] == "问题" and score["attempts"] == 1
    assert 0.6 < score["mean_coverage"] < 0.7
    text = run(["stats"], db).stdout
    assert "Practice (coverage of the expected points" in text
    assert "问题  1 answer · mean 67%" in text


def test_an_article_that_is_not_a_regular_file_is_named_as_such(db: Path, tmp_path: Path) -> None:
    """A FIFO, a device or a folder given as the article: what it is, not "no such name"."""
    import os

    fifo = tmp_path / "article"
    os.mkfifo(fifo)
    folder = tmp_path / "articles"
    folder.mkdir()
    for target, why in ((fifo, "FIFO"), ("/dev/zero", "device"), (folder, "directory")):
        out = run(["practice", str(target)], db)
        assert out.returncode == 1, out.stderr
        assert out.stderr.count("\n") == 1 and why in out.stderr, out.stderr
