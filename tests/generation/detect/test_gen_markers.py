"""One test per way of writing a list, on short hand-written paragraphs."""

from __future__ import annotations

import pytest
from gen_scoring import make, matched

from trainer.domain.model import NoteKind
from trainer.generation.text import fold


def lists(text: str) -> list[list[str]]:
    return [[fold(i) for i in n.items] for n in make(text).notes if n.kind is NoteKind.LIST]


def has_list(text: str, expected: list[str]) -> bool:
    return any(matched(expected, got) == len(expected) for got in lists(text))


CASES = {
    "qi": (
        "乱象分析\n\n其一,是“数据造假”现象。有的地方虚报数字。\n"
        "其二,是“层层加码”现象。任务逐级放大。\n其三,是“一刀切”现象。不分情况。\n",
        ["数据造假", "层层加码", "一刀切"],
    ),
    "shouxian": (
        "首先,要提高思想认识,把工作摆上重要位置;其次,要完善制度设计,明确责任分工;"
        "最后,要强化监督考核,确保落到实处。\n",
        ["要提高思想认识", "要完善制度设计", "要强化监督考核"],
    ),
    "yishi": (
        "做好这项工作,一是压实主体责任,层层传导压力;二是健全工作机制,形成工作合力;"
        "三是加强督促检查,推动问题整改。\n",
        ["压实主体责任", "健全工作机制", "加强督促检查"],
    ),
    "di": (
        "第一,坚持问题导向,找准症结所在。第二,坚持系统观念,统筹推进各项工作。"
        "第三,坚持久久为功,一张蓝图绘到底。\n",
        ["坚持问题导向", "坚持系统观念", "坚持久久为功"],
    ),
    "numbered": (
        "对策建议\n\n1.加大财政投入。设立专项资金,保障项目建设。\n"
        "2.引进专业人才。完善人才政策,吸引人才回流。\n"
        "3.优化营商环境。简化审批流程,提升服务效率。\n",
        ["加大财政投入", "引进专业人才", "优化营商环境"],
    ),
    "paren_headings": (
        "标题\n\n(一)强化组织领导\n\n各级要成立领导小组,统筹推进工作落实。\n\n"
        "(二)加强资金保障\n\n要把经费列入财政预算,确保专款专用。\n\n"
        "(三)注重宣传引导\n\n要通过多种渠道宣传政策,营造良好氛围。\n",
        ["强化组织领导", "加强资金保障", "注重宣传引导"],
    ),
    "fangmian": (
        "推进改革,一方面要敢于破除体制机制障碍,激发市场活力;另一方面要守住安全底线,"
        "防范化解重大风险。\n",
        ["要敢于破除体制机制障碍", "要守住安全底线"],
    ),
    "fangmian_then_tongshi": (
        "乡村治理要补齐服务短板。一方面,在村里建好综合服务站,方便群众就近办事。"
        "另一方面,培育一支懂政策的网格员队伍,及时回应群众诉求。"
        "同时,搭建线上议事平台,让村民参与村务决策。\n",
        ["在村里建好综合服务站", "培育一支懂政策的网格员队伍", "搭建线上议事平台"],
    ),
    "zhe_yifangmian": (
        "审批层级过多带来不少麻烦。这一方面拉长了企业的等待时间,另一方面也抬高了项目的落地成本。\n",
        ["拉长了企业的等待时间", "也抬高了项目的落地成本"],
    ),
    "openers": (
        "提升认知,扩大融入面。干部要熟悉网络规律,走好网上群众路线。\n"
        "完善机制,消除顾虑心。要作出明确规定,让干部放开手脚。\n"
        "强化培训,提升动力源。要加强专业培训,提升干部能力。\n",
        ["提升认知,扩大融入面", "完善机制,消除顾虑心", "强化培训,提升动力源"],
    ),
    "clauses": (
        "乡村要振兴,必须靠产业发展带动,靠人才回流支撑,靠文化传承铸魂。这是基本经验。\n",
        ["靠产业发展带动", "靠人才回流支撑", "靠文化传承铸魂"],
    ),
    "dun": (
        "在整个链条中,销售只是一环,其背后是生产、包装、仓储、物流、售后等一系列工作。\n",
        ["生产", "包装", "仓储", "物流", "售后"],
    ),
    "dun_alike": (
        "调研时要摸清企业痛点、行业堵点和群众难点,才能对症下药。\n",
        ["企业痛点", "行业堵点", "群众难点"],
    ),
    "semicolon": (
        "因此,企业要守法经营,不搞虚假宣传;消费者要理性消费,不盲目跟风;"
        "监管部门要加强执法,依法查处违法行为。\n",
        ["企业要守法经营", "消费者要理性消费", "监管部门要加强执法"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_marker_style(name: str) -> None:
    text, expected = CASES[name]
    assert has_list(text, expected), lists(text)


def test_list_prompt_says_how_many_and_items_are_short() -> None:
    text, _ = CASES["qi"]
    note = next(n for n in make(text).notes if n.kind is NoteKind.LIST)
    assert "三" in note.prompt and note.prompt.endswith("？")
    assert note.items == ("数据造假", "层层加码", "一刀切")
    assert "有的地方虚报数字" not in "".join(note.items)
    assert "其一，是“数据造假”现象。" in note.answer


@pytest.mark.parametrize(
    "text",
    [
        "价格因素、营销策略、服务态度都会影响销量,这是常识。\n",  # three unlike 、 items
        "从产业规划扶持到产业结构布局,从打通农产品流通链条到加强助农产品的标准化建设,"
        "从地域品牌设计到公共服务提速,都是考题。\n",  # parallel but uneven clauses
        "他第一次来到这里。第二天又走了。\n",  # 第一 not used as a list marker
        "直播间里,专业化、职业化是方向。\n",  # two-item 、 run
    ],
)
def test_no_junk_lists(text: str) -> None:
    assert lists(text) == []


def test_connective_openers_are_not_a_list() -> None:
    text = (
        "同时,各地要加强统筹。各部门要密切配合,形成工作合力。\n"
        "同时,基层要主动作为。要结合实际,创造性开展工作。\n"
    )
    assert lists(text) == []


def test_a_number_opening_a_line_has_one_pattern() -> None:
    from trainer.generation.detect.markers import LINE_NUMBER, SENTENCE_NUMBER
    from trainer.generation.word.lists import item_kind

    for line in (
        "(一)加强",
        "(1):加强",
        "一、加强",
        "1.加强",
        "1、加强",
        "①加强",
        "一 加强",
        " 2. 加强",
    ):
        assert LINE_NUMBER.sub("", line) == "加强", line
    assert LINE_NUMBER.sub("", "1.5亿元资金") == "1.5亿元资金"  # a figure, not a number
    assert SENTENCE_NUMBER.sub("", "1.网络空间是家园") == "网络空间是家园"
    assert SENTENCE_NUMBER.sub("", "一、权责不对等") == "一、权责不对等"  # a heading's
    assert item_kind(["①加强宣传引导", "②完善监督机制", "③加大执法力度"]) == "对策"
