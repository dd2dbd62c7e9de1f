"""The judged-cards bench reads the decks blind judges rated and compares two records
of those cards' fates: which judged cards a change drops or rewords, by verdict."""

from __future__ import annotations

from bench.judged_cards import JUDGED, Seen, against, read_deck, verdicts


def test_a_rendered_deck_reads_back_as_the_cards_the_judge_saw() -> None:
    deck = (
        "# Deck for x: title 'T'; 2 cards\n\n"
        "## card 0 (cloze) tags: section::正文 金句\n"
        "text: 必须{{c1::创新工作思路}}。\n\n"
        "## card 1 (list) tags: section::正文 列举\n"
        "front: 乱象有哪两种表现？\n"
        "back:\n1. 虚假宣传\n\n2. 数据造假\n—— 源句。\n"
    )
    assert read_deck(deck) == [
        Seen("cloze", "必须{{c1::创新工作思路}}。", ""),
        Seen("list", "乱象有哪两种表现？", "1. 虚假宣传\n\n2. 数据造假\n—— 源句。"),
    ]


def test_every_kept_verdict_names_a_card_of_its_deck() -> None:
    sets = sorted(p.name for p in JUDGED.iterdir() if p.is_dir())
    rows = verdicts(sets)
    assert len(rows) > 1000
    assert {r.verdict for r in rows} <= {"GOOD", "FIXABLE", "TRIVIAL", "BROKEN"}


def test_a_change_is_counted_by_the_verdicts_of_the_cards_whose_fate_it_alters() -> None:
    before = {
        "made": [
            ["s", "a", "main", 0, "TRIVIAL", "same"],
            ["s", "a", "main", 1, "GOOD", "same"],
            ["s", "a", "main", 2, "FIXABLE", "same"],
            ["s", "a", "main", 3, "BROKEN", "gone"],
        ],
        "cards": {"s/a": 30, "s/b": 10},
    }
    after = {
        "made": [
            ["s", "a", "main", 0, "TRIVIAL", "gone"],
            ["s", "a", "main", 1, "GOOD", "same"],
            ["s", "a", "main", 2, "FIXABLE", "reworded"],
            ["s", "a", "main", 3, "BROKEN", "gone"],
        ],
        "cards": {"s/a": 26, "s/b": 10},
    }
    lines = against(before, after).splitlines()
    assert "same -> gone         GOOD 0 FIXABLE 0 TRIVIAL 1 BROKEN 0" in lines
    assert "same -> reworded     GOOD 0 FIXABLE 1 TRIVIAL 0 BROKEN 0" in lines
    assert "cards per judged article before: 20.00" in lines
    assert "cards per judged article after: 18.00" in lines
