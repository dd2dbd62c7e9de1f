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
    assert (
        "-separated fields; to make cards from an article use `trainer make` or `a`" in (lines[0])
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
