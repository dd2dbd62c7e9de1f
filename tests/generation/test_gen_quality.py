"""The quality bar on the seed article and on our own articles of other layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gen_scoring import ARTICLES, SEED_GOLD, make, score, seed_text

from trainer.generation.read.reader import read_article


def test_seed_meets_the_quality_bar() -> None:
    text = seed_text()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    got = score(gold, make(text, "zhibo-daihuo"))
    assert got["item_recall"] >= 0.90
    assert got["list_precision"] >= 0.85
    assert got["golden_recall"] >= 0.90
    assert got["term_recall"] >= 0.80
    assert got["section_recall"] == 1.0
    assert got["title_ok"]
    assert got["leaks"] == []


ARTICLE_FILES = sorted(p for p in ARTICLES.iterdir() if p.suffix in {".txt", ".md", ".html"})


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.name)
def test_own_articles(path: Path) -> None:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    article = read_article(str(path))
    from trainer.generation import generate

    got = score(gold, generate(article, path.stem))
    assert got["item_recall"] >= 0.9, got
    assert got["list_precision"] >= 0.8, got
    assert got["golden_recall"] >= 0.85, got
    assert got["term_recall"] >= 0.6, got
    assert got["section_recall"] == 1.0, got
    assert got["title_ok"], got
    assert got["leaks"] == [], got


def test_shared_scorer_on_cli_output(tmp_path: Path) -> None:
    """The acceptance command itself: `trainer make --json` piped into the shared scorer."""
    import subprocess
    import sys

    from gen_scoring import ROOT, SEED

    scorer = ROOT.parent / "shared" / "tools" / "score_cards.py"
    if not scorer.exists() or not SEED.exists():
        pytest.skip("shared scorer not present")
    out = tmp_path / "out.json"
    made = subprocess.run(
        [sys.executable, "-m", "trainer", "make", str(SEED), "--json"],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    out.write_bytes(made.stdout)
    scored = subprocess.run(
        [sys.executable, str(scorer), str(SEED_GOLD), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(scored.stdout.strip().splitlines()[-1])
    assert result["enum_item_recall"] >= 0.90
    assert result["enum_point_recall"] >= 0.90
    assert result["list_precision"] >= 0.85
    assert result["golden_recall"] >= 0.90
    assert result["key_term_recall"] >= 0.80
    assert result["section_recall"] == 1.0
    assert result["title_ok"] is True
    assert result["boilerplate_leaks"] == []


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.name)
def test_list_prompts_read_naturally(path: Path) -> None:
    """Every list prompt says how many items it wants, and none uses the old
    bare templates (``分哪三点?``, ``……——分哪三点?``, ``哪五项一系列工作``)."""
    from trainer.generation import generate

    article = read_article(str(path))
    for note in generate(article, path.stem).notes:
        if note.kind.value != "list":
            continue
        assert note.prompt.endswith("？"), note.prompt
        assert "哪" in note.prompt, note.prompt
        assert "——" not in note.prompt and "分哪" not in note.prompt, note.prompt
        assert "一系列" not in note.prompt, note.prompt


def test_gbk_article_is_really_gbk() -> None:
    data = (ARTICLES / "gbk-shipin-anquan.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert read_article(str(ARTICLES / "gbk-shipin-anquan.txt")).text.startswith("守护")
