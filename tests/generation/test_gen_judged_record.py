"""The judged-cards bench compares two records of the cards made for judged articles:
which judged cards a change drops or rewords, by verdict, and the deck sizes."""

from __future__ import annotations

from pathlib import Path

from bench.judged_cards import against, article_path


def test_a_change_is_counted_by_the_verdicts_of_the_cards_it_drops_or_rewords() -> None:
    before = {
        "made": [
            ["d", "a", 0, "TRIVIAL", "cloze|x"],
            ["d", "a", 1, "GOOD", "cloze|y"],
            ["d", "a", 2, "FIXABLE", "cloze|z"],
            ["d", "a", 3, "BROKEN", None],
        ],
        "cards": {"s/a": 30, "s/b": 10},
    }
    after = {
        "made": [
            ["d", "a", 0, "TRIVIAL", None],
            ["d", "a", 1, "GOOD", "cloze|y"],
            ["d", "a", 2, "FIXABLE", "cloze|z2"],
            ["d", "a", 3, "BROKEN", None],
        ],
        "cards": {"s/a": 26, "s/b": 10},
    }
    lines = against(before, after).splitlines()
    assert "dropped    GOOD 0 FIXABLE 0 TRIVIAL 1 BROKEN 0" in lines
    assert "reworded   GOOD 0 FIXABLE 1 TRIVIAL 0 BROKEN 0" in lines
    assert "cards per judged article before: 20.00 (2 articles)" in lines
    assert "cards per judged article after: 18.00 (2 articles)" in lines


def test_an_article_of_a_set_labelled_in_parts_is_found_in_its_all_folder(tmp_path: Path) -> None:
    (tmp_path / "set11" / "all").mkdir(parents=True)
    article = tmp_path / "set11" / "all" / "x.md"
    article.write_text("标题\n\n正文。", encoding="utf-8")
    assert article_path(tmp_path, "set11", "x") == article
