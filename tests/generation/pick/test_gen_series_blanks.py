"""A short 、-series naming an answer is asked as a set: its members share one cloze."""

from __future__ import annotations

import re

from gen_scoring import make

_BLANK = re.compile(r"\{\{c(\d+)::(.*?)\}\}")


def _cards(text: str) -> list[list[tuple[str, str]]]:
    return [_BLANK.findall(n.text) for n in make(text, "t").notes if n.text]


def test_members_of_a_short_series_share_one_deletion() -> None:
    text = (
        "社区治理的新路子\n\n"
        "推进社区治理现代化，要推动资金、人才、技术向社区流动，让居民在家门口办成事。\n"
    )
    cards = _cards(text)
    series = [c for c in cards if {"资金", "人才", "技术"} <= {a for _n, a in c}]
    assert series, cards
    assert len({n for n, a in series[0] if a in {"资金", "人才", "技术"}}) == 1


def test_two_members_built_alike_are_a_series() -> None:
    text = (
        "数据要素的治理\n\n"
        "要破解一些企业有数不敢用、不知怎么用的困惑，各地各部门必须从实际出发，"
        "加快建立清晰可操作的规则。\n"
    )
    blanks = {a for c in _cards(text) for _n, a in c}
    assert {"有数不敢用", "不知怎么用"} <= blanks


def test_figures_places_and_long_phrases_are_not_members() -> None:
    text = (
        "区域协调发展\n\n"
        "要加快推动东部地区与成都市、重庆市、西安市形成协同发展格局。\n\n"
        "要持续加大投入，今年投入120亿元、150亿元、180亿元支持产业升级。\n"
    )
    blanks = {a for c in _cards(text) for _n, a in c}
    assert not blanks & {"成都市", "重庆市", "西安市", "120亿元", "150亿元"}


def test_a_series_already_a_list_card_gets_no_cloze() -> None:
    text = (
        "基层减负\n\n"
        "为基层减负，一是精简文件会议，二是规范督查检查，三是整治过度留痕，四是清理政务应用。\n\n"
        "总之，要让基层干部把精力用在抓落实上，用在服务群众上。\n"
    )
    made = make(text, "t").notes
    lists = [n for n in made if n.kind.value == "list"]
    assert lists
    items = {i for n in lists for i in n.items}
    blanks = {a for n in made if n.text for _n, a in _BLANK.findall(n.text)}
    assert not items & blanks


def test_an_idiom_of_the_field_is_blanked_as_a_standard_phrase() -> None:
    text = (
        "整治形式主义\n\n"
        "整治形式主义没有休止符，各级党委必须坚持驰而不息、久久为功，防止问题反弹回潮。\n"
    )
    blanks = {a for c in _cards(text) for _n, a in c}
    assert {"驰而不息", "久久为功"} & blanks, blanks


def test_a_series_is_cut_at_each_dun_outside_brackets_and_titles() -> None:
    from trainer.generation.text import dun_pieces

    assert [p for p, _at in dun_pieces("问题、影响(危害、意义)、《规划(一、二)》")] == [
        "问题",
        "影响(危害、意义)",
        "《规划(一、二)》",
    ]
    # a quoted series is cut for a list card, kept whole for a cloze's members
    assert len(dun_pieces("“引不来、留不住”、对策")) == 3
    assert [p for p, _at in dun_pieces("“引不来、留不住”、对策", quotes=True)] == [
        "“引不来、留不住”",
        "对策",
    ]
    assert [at for _p, at in dun_pieces("资金、技术、人才")] == [0, 3, 6]


def _asked_together(cards: list[list[tuple[str, str]]], members: set[str]) -> bool:
    """Some card asks every one of ``members`` on one cloze number."""
    for c in cards:
        numbers = {n for n, a in c if a in members}
        if {a for _n, a in c} >= members and len(numbers) == 1:
            return True
    return False


def test_a_second_series_of_a_full_card_is_still_asked() -> None:
    text = (
        "社区服务的新格局\n\n"
        "社区治理要把服务居民、造福居民作为出发点和落脚点，最大程度实现便民化、惠民化，"
        "不断满足人民日益增长的美好生活需要。\n"
    )
    cards = _cards(text)
    assert _asked_together(cards, {"便民化", "惠民化"}), cards


def test_a_series_whose_member_a_term_card_blanks_alone_is_asked_whole() -> None:
    text = (
        "多元共治的合力\n\n"
        "社区治理是一项系统性工程，必须坚持党的集中统一领导，政府、社会、个体等多元主体"
        "协同发力，实现共同行动、资源共享。\n"
    )
    cards = _cards(text)
    assert _asked_together(cards, {"共同行动", "资源共享"}), cards
