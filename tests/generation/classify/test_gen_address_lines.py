"""Greetings, blessings, handing-on lines and broken text: never a claim nor a 金句."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"

_SPEECH = (
    "同志们、朋友们:大家好!新年即将到来,我向大家致以美好的新年祝福!\n\n"
    "过去一年,我们的经济稳步发展,粮食生产再获丰收,民生事业加快发展。\n\n"
    "一、坚持创新驱动,培育发展新动能\n\n科技创新是发展的第一动力,要加快突破关键技术。\n\n"
    "二、坚持改革开放,激发市场新活力\n\n改革是发展的根本动力,要持续优化营商环境。\n\n"
    "三、坚持人民至上,增进民生新福祉\n\n民生是最大的政治,要办好群众关心的实事。\n"
)


def _structure(text: str, title: str = "") -> list[str]:
    out = generate(Article(text=text, title=title), "t")
    return [n.answer for n in out.notes if "结构" in n.tags]


def _golden(text: str) -> list[str]:
    out = generate(Article(text=text, title="测试"), "t")
    return [n.text for n in out.notes if n.kind is NoteKind.CLOZE and "金句" in n.tags]


def test_a_greeting_is_never_the_thesis() -> None:
    for answer in _structure(_SPEECH):
        thesis = answer.splitlines()[0]
        assert "大家好" not in thesis and "祝福" not in thesis, answer


def test_a_greeting_title_is_never_the_thesis() -> None:
    body = _SPEECH.split("\n\n", 1)[1]
    for answer in _structure(body, title="大家好!我向大家致以新年的美好问候"):
        assert "问候" not in answer.splitlines()[0], answer


def test_a_handout_title_that_names_its_topic_is_no_claim() -> None:
    text = (
        "1.常见的命题方式\n\n单一题、综合题、公文题、文章写作题都会考查概括能力。\n\n"
        "2.答题技巧\n\n按照日常用语理解题目问法,并去资料中找寻相应信息。\n\n"
        "3.书写规范\n\n字迹工整,卷面整洁,分条作答。\n"
    )
    for answer in _structure(text, title="方法精讲"):
        assert answer.splitlines()[0] != "中心论点:方法精讲", answer


def test_greetings_blessings_and_handing_on_lines_are_not_golden() -> None:
    lines = [
        "这一年,又有很多新老朋友来到中国。",
        "此时此刻,我特别要提到一些闪亮的名字。",
        "此时此刻,许多人还在辛苦忙碌,大家辛苦了!",
        "新年之际,祝乡亲们的生活蒸蒸日上,越过越红火。",
    ]
    text = "".join(f"{line}{_FILLER}\n\n" for line in lines)
    found = _golden(text)
    for line in lines:
        assert not any(line[:6] in c for c in found), found


def test_pieces_of_wrapped_or_gapped_text_are_not_golden() -> None:
    text = (
        f"{_FILLER}\n\n"
        "在调研中发现沿街存在占道经营,乱摆乱卖,路边随意摆摊等现象,圩镇周边还有一些\n"
        "乱搭乱建的临时铁皮房,铁皮围挡。这些现象与美丽圩镇建设的相关要求不符。\n\n"
        f"{_FILLER}遗憾的是,这里因常年无人居住,年久失…屋顶早已破损。\n"
    )
    found = _golden(text)
    assert not any("铁皮围挡" in c or "年久失" in c for c in found), found


def test_a_judgement_beside_them_is_still_golden() -> None:
    text = (
        f"{_FILLER}\n\n这一年,又有很多新老朋友来到中国。{_FILLER}\n\n"
        f"{_FILLER}当然,热闹起来不等于好起来。{_FILLER}\n"
    )
    assert any("{{c1::热闹起来}}不等于{{c2::好起来}}" in c for c in _golden(text))


def test_a_measure_heading_its_paragraph_is_a_point_not_a_golden_line() -> None:
    text = (
        f"{_FILLER}\n\n强化企业主体地位,让科技强变成产业强。企业是创新的主体,{_FILLER}\n\n"
        f"守正创新,才能行稳致远。{_FILLER}\n"
    )
    out = generate(Article(text=text, title="测试"), "t")
    heading = [n for n in out.notes if "强化企业主体地位" in n.text]
    assert heading and all("金句" not in n.tags for n in heading), [n.tags for n in heading]
    assert any("守正创新" in c for c in _golden(text))  # a consequence: still a saying
