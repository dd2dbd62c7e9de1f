"""金句 are quotations, sayings and judgements (GUIDE.md), not the material's story:
a villager's remark, a news line, a description that only looks like a correlative."""

from __future__ import annotations

import re

import pytest

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.detect.golden import remark, reported

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _golden(text: str) -> list[str]:
    """The plain sentences of the 金句 cards made from ``text``."""
    out = generate(Article(text=text, title="乡村治理的几点思考"), "t")
    return [
        _BLANK.sub(r"\1", n.text)
        for n in out.notes
        if n.kind is NoteKind.CLOZE and "金句" in n.tags
    ]


def _around(line: str) -> str:
    return f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"


def test_a_villagers_spoken_remark_is_no_golden_line() -> None:
    lines = [
        "“唉,可惜我们村不是城里头啊!”",
        "“以前大家都是各过各的,现在要一起集资修路,我们哪里懂哦!”",
        "“小时候河水大得能推动水磨,后来泉水少了,村里吃水都困难!”",
        "“全组都参加了这个项目,10户拿到了首批贷款,有的种上了药材。”",
    ]
    for line in lines:
        assert remark(line), line
        assert not any(line.strip("“”。!") in g for g in _golden(_around(line))), line


def test_a_classical_quotation_and_a_spokesmans_judgement_stay_golden() -> None:
    lines = [
        "“民之所忧,我必念之;民之所盼,我必行之。”",
        "“绿水青山就是金山银山。”",
        "“‘小切口’不是‘小打小闹’,而是于法有据的创新。”",
        "“今天,我们比历史上任何时期都更接近中华民族伟大复兴的目标。”",
    ]
    for line in lines:
        assert not remark(line), line
    assert any("绿水青山就是金山银山" in g for g in _golden(_around(lines[1])))


def test_a_dated_news_line_is_no_golden_line_but_its_quoted_couplet_is() -> None:
    news = "12月17日,某媒体刊登了一则声明,表示“中国公民李某某”与该校没有任何关系。"
    assert reported(news)
    assert not any("一则声明" in g for g in _golden(_around(news)))
    couplet = "12月21日,该校又回应称,他从未在该系任职——可谓“真话不全说,假话全敢说”。"
    assert any("真话不全说" in g for g in _golden(_around(couplet)))


def test_a_description_with_a_correlative_lookalike_is_no_golden_line() -> None:
    lines = [
        "随着生态越来越好,山上的珍稀动物又多了起来。",
        "越来越多的游客来到这里,村民们过好日子的劲头越来越足。",
        "既然事已至此,公众也饶有兴趣地打量他过往的言论与活动。",
        "不仅如此,新技术的应用,也让基础设施的维护变得更加智能。",
        "无论是桥梁的健康监测,还是水电气的智能调度,都离不开新技术的支持。",
        "怎么把村民力量发动起来,既让大家吃饱穿暖,又能保护好生态?",
    ]
    for line in lines:
        body = line.rstrip("。?")
        assert not any(body in g for g in _golden(_around(line))), line


def test_a_true_correlative_stays_golden() -> None:
    lines = [
        "改革越深入,越要注意协同。",
        "城市更新不是简单的穿衣戴帽,而是一场关乎民生福祉的系统工程。",
        "制止餐饮浪费,既要靠制度的刚性约束,也要靠文化的柔性浸润。",
    ]
    for line in lines:
        body = line.rstrip("。")
        assert any(body in g for g in _golden(_around(line))), line


def test_a_description_opening_on_a_time_cue_is_no_golden_line() -> None:
    line = (
        "如今,各式各样的大集吸引了大批年轻人,不仅是城市里的大集,"
        "逛乡村集市也日益成为周末出游的重要选择。"
    )
    assert not any("逛乡村集市" in g for g in _golden(_around(line)))


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("困境:民众自觉性差,责任意识差。", "责任意识差"),
        ("发布人才激励计划,让基层留住人才;", "让基层留住人才"),
        ("回家,并不会觉得辛苦。”", "并不会觉得辛苦"),
        ("对策:加大投入力度等等。", "加大投入力度"),
        ("针对问题提出对策是较为常规的方式,。", "较为常规的方式"),
    ],
)
def test_a_note_a_list_item_a_piece_of_a_quotation_or_a_cut_line_is_no_saying(
    line: str, body: str
) -> None:
    text = f"{_FILLER}\n{line}\n{_FILLER}\n"  # a line of its own: opens its paragraph
    assert not any(body in g for g in _golden(text))


def test_a_short_saying_ending_on_de_stays_golden() -> None:
    for line in ("分类是前提,利用是目的。", "发券是手段,不是目的。"):
        body = line.rstrip("。")
        assert any(body in g for g in _golden(f"{_FILLER}\n{line}\n{_FILLER}\n")), line
