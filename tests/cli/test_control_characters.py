"""Escape sequences in files never reach the terminal through the CLI's output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.domain.display import json_text, visible

TRAINER = [sys.executable, "-m", "trainer"]
CONTROLS = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n", "\t"}
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"


def run(args: list[str], db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    return subprocess.run([*TRAINER, *args], env=env, capture_output=True, text=True, timeout=120)


def raw_controls(out: subprocess.CompletedProcess[str]) -> list[str]:
    return [c for c in out.stdout + out.stderr if c in CONTROLS]


@pytest.fixture
def hostile_csv(tmp_path: Path) -> Path:
    path = tmp_path / "evil.tsv"
    path.write_text(
        f"#separator:tab\n#html:false\n#deck:申论\x1b]0;pwned\x07\n"
        f"问{OSC52}题\t答\x1b[2J案\x9b1m\n"
        f"空\t\n",
        encoding="utf-8",
    )
    return path


def test_visible_maps_controls_to_pictures_and_keeps_newline_and_tab() -> None:
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("\x00\x07\x7f") == "␀␇␡"
    assert visible("x\x9by") == "x\\x9by"
    assert visible("一\n二\t三\r\n四") == "一\n二\t三\n四"
    assert visible("普通文本") == "普通文本"
    doc = {"t": "a\x1b\x85\x7fb"}
    assert json.loads(json_text(doc)) == doc
    assert not set(json_text(doc)) & CONTROLS


def test_import_decks_and_export_print_no_raw_escape(tmp_path: Path, hostile_csv: Path) -> None:
    db = tmp_path / "s.sqlite3"
    out = run(["import", str(hostile_csv)], db)
    assert out.returncode == 0, out.stderr
    assert not raw_controls(out), repr(out.stdout + out.stderr)
    assert "申论␛]0;pwned␇" in out.stdout
    for args in (["decks"], ["decks", "--json"], ["import", str(hostile_csv), "--json"]):
        out = run(args, db)
        assert out.returncode == 0, out.stderr
        assert not raw_controls(out), (args, repr(out.stdout))
    (deck,) = [d for d in json.loads(run(["decks", "--json"], db).stdout) if "pwned" in d["deck"]]
    assert deck["deck"] == "申论\x1b]0;pwned\x07"  # JSON stays exact
    out = run(["export", deck["deck"], "-o", str(tmp_path / "out.tsv")], db)
    assert out.returncode == 0, out.stderr
    assert not raw_controls(out)
    out = run(["export", "no\x1b[2Jdeck", "-o", str(tmp_path / "x.tsv")], db)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and not raw_controls(out)


def test_make_summary_and_json_print_no_raw_escape(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    body = "加快推进乡村全面振兴，是新时代建设农业强国的重要任务。" * 3
    article.write_text(
        f"标题{OSC52}\n\n一、坚持{OSC52}党的领导\n{body}\x1b[2J\n\n二、深化改革\x9b\n{body}\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.sqlite3"
    for args in (["make", str(article)], ["make", str(article), "--json"]):
        out = run(args, db)
        assert out.returncode == 0, out.stderr
        assert not raw_controls(out), (args, repr(out.stdout))
