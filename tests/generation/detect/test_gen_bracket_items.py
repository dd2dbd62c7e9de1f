"""Inline series: a bracket that glosses an item, an ellipsis that ends a series, a line label."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"


def _lists(text: str) -> list[tuple[str, ...]]:
    out = generate(Article(text=text, title="答题方法"), "t")
    return [tuple(n.items) for n in out.notes if n.kind is NoteKind.LIST]


def test_a_glossed_item_stays_one_item_without_its_gloss() -> None:
    text = f"{_FILLER}\n\n要素：问题、影响（危害、意义）、对策等。{_FILLER}\n"
    lists = _lists(text)
    assert ("问题", "影响", "对策") in lists, lists
    assert not any("(" in i or "（" in i or ")" in i or "）" in i for it in lists for i in it)


def _list_cards(text: str) -> list[tuple[str, tuple[str, ...]]]:
    out = generate(Article(text=text, title="答题方法"), "t")
    return [(n.prompt, tuple(n.items)) for n in out.notes if n.kind is NoteKind.LIST]


def test_a_series_after_a_semicolon_is_asked_under_its_lines_label() -> None:
    text = (
        f"{_FILLER}\n\n（1）正面影响：激发、促进、实现、提升...；有利于、有助于、感动着、推动了、巩固了...\n"
        f"（2）负面影响：引发、导致、造成、危及、损害...；消解着、割裂着、破坏了、阻碍了、致使...\n\n"
        f"{_FILLER}\n"
    )
    cards = _list_cards(text)
    asked = {items[0]: prompt for prompt, items in cards}
    assert "正面影响" in asked["有利于"] and "负面影响" in asked["消解着"], cards
    for prompt, items in cards:
        assert "..." not in prompt and "…" not in prompt, prompt
        assert not any(i.endswith((".", "…")) for i in items), items


def test_a_series_of_examples_is_no_list() -> None:
    text = (
        f"{_FILLER}\n\n镇里的一些经营单位,如花卉产业园、粮食储备仓库、水稻生产基地等,"
        f"规模偏小,抗风险能力不强。{_FILLER}\n"
    )
    assert not any("花卉产业园" in i for _p, items in _list_cards(text) for i in items)


def test_an_aabb_word_closing_a_series_is_no_item() -> None:
    text = (
        f"{_FILLER}\n\n这个时候,快递小哥、环卫工人、出租车司机、千千万万的劳动者还在坚守岗位。"
        f"{_FILLER}\n"
    )
    cards = _list_cards(text)
    assert any(items == ("快递小哥", "环卫工人", "出租车司机") for _p, items in cards), cards


def test_paragraphs_opening_on_the_same_year_are_no_list_of_points() -> None:
    text = (
        f"{_FILLER}\n\n2019年,我们将隆重庆祝中华人民共和国70周年华诞。{_FILLER}\n\n"
        f"2019年,有机遇也有挑战,大家还要一起拼搏、一起奋斗。{_FILLER}\n\n{_FILLER}\n"
    )
    assert not any(any(i.startswith("2019年") for i in items) for _p, items in _list_cards(text)), (
        _list_cards(text)
    )
