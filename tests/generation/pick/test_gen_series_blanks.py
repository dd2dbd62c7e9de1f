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
