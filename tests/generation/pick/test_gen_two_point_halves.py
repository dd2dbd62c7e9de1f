"""Two-point sentences (既……又, 是……也是) are one cloze whose blanks are the two
halves' points, not a cloze on side words of the same sentence."""

from __future__ import annotations

from trainer.domain.model import Article
from trainer.generation import generate

ARTICLE = """乡村治理的新路子

基层治理是国家治理的基石。近年来，各地探索出许多好做法。

要坚持一盘棋，形成各部门各单位既各司其职又密切配合的工作格局，最大限度凝聚合力。

在乡村振兴中，奋斗是永不认输、迎难而上，也是懂得接纳局面、适时调整，然后轻装上阵。
"""


def _on(word: str) -> list[str]:
    made = generate(Article(title="", text=ARTICLE), "two")
    return [
        n.text for n in made.notes if word in n.text.replace("{{c1::", "").replace("{{c2::", "")
    ]


def test_both_halves_of_a_pair_inside_one_clause_before_a_noun_are_its_blanks() -> None:
    """既A又B的N: the pair ends at 的; N is what the two describe, not a point."""
    cards = _on("密切配合")
    assert len(cards) == 1
    assert "既{{c1::各司其职}}又{{c2::密切配合}}的" in cards[0]


def test_a_judgement_of_two_predicates_is_one_card_on_its_halves() -> None:
    """X是A,也是B: A and B are what X is; a series cloze on one half asks part of it."""
    assert _on("适时调整") == [
        "在乡村振兴中，奋斗是{{c1::永不认输、迎难而上}}，也是{{c2::懂得接纳局面、适时调整}}，"
        "然后轻装上阵。"
    ]


def test_a_second_half_holding_a_modifier_is_not_cut_at_it() -> None:
    """既A又B的C where B的C is short enough to be the half: 的 stays inside it."""
    from trainer.generation.pick.clozes import _inner_pair
    from trainer.generation.text import Span

    clause = Span("既保留传统又有新时代的特色", 0, 13)
    x, y = _inner_pair(clause, 1, "又")
    assert x is not None and y is not None
    assert (x.text, y.text) == ("保留传统", "新时代的特色")


def test_halves_naming_categories_the_subject_is_one_of_are_no_points() -> None:
    """X是大家关心的问题之一,也是较为突出的矛盾之一: membership, not two points."""
    text = (
        "要素保障\n\n资金的要素保障是大家关心的问题之一，也是较为突出的矛盾之一。"
        "各地要创新融资方式，健全担保体系，降低融资成本。\n"
    )
    notes = generate(Article(text=text), "t").notes
    assert not any("大家关心的问题之一}}" in n.text for n in notes)
