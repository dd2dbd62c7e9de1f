"""A list whose items end their clause (减少A、B、C) is asked with a subject and,
where the items share one, their category noun: answerable without the article."""

from __future__ import annotations

import pytest
from gen_scoring import list_prompts as _prompts

_SLOGAN = "守正创新，让执法更有温度\n\n"
"""A title that is a slogan, not a subject the prompt could borrow."""


def test_items_sharing_a_noun_are_asked_as_kinds_of_it() -> None:
    got = _prompts(
        _SLOGAN + "涉企执法关系营商环境。某市推行联合执法，减少多头检查、重复检查、随意检查。"
    )
    assert got["多头检查"].endswith("减少哪三种检查?"), got


def test_a_noun_before_the_count_has_the_items() -> None:
    got = _prompts(_SLOGAN + "价值引领很重要。社会主义核心价值观:富强、民主、文明、和谐。")
    assert got["富强"] == "社会主义核心价值观有哪四项?", got


def test_a_verb_alone_before_the_count_takes_the_clause_before_it() -> None:
    got = _prompts(
        _SLOGAN + "某县主动对接沿海产业布局，建设“两中心、两基地、一屏障”，努力成为增长极。"
    )
    assert got["两中心"] == "某县主动对接沿海产业布局,建设哪三点?", got


def test_three_character_items_sharing_their_middle_are_a_series() -> None:
    got = _prompts(_SLOGAN + "干部要深入基层调查研究，扑下身子干实事、谋实招、求实效。")
    assert "干实事" in got, got


def test_a_numbered_line_with_a_slogan_title_is_asked_under_its_first_clause() -> None:
    got = _prompts(
        "发展银发经济，增进老年人福祉\n\n2.让老年人老有所养、老有所依、老有所乐、老有所安。"
    )
    assert got["老有所养"].startswith("发展银发经济:"), got


def test_a_series_resumed_by_these_takes_its_category_from_the_resuming_noun() -> None:
    """白大褂、诊室背景……，这些元素组合在一起，……: the series is the sentence's subject
    and 这些元素 names what its items are; the question asks for the elements, not for
    哪四项."""
    got = _prompts(
        "警惕虚假医疗广告\n\n近年来，一些账号借助技术冒充医生推销产品。"
        "白大褂、诊室背景、专业术语、权威头衔，这些元素组合在一起，足以让消费者信以为真。"
        "平台要压实审核责任。\n"
    )
    assert "哪四种元素组合在一起" in got["白大褂"], got


_PLAIN = "基层治理的几点体会\n\n"


def test_a_series_of_states_after_a_degree_adverb_quotes_its_lead_in() -> None:
    """让X更加A、B、C: the items are states, not things; ``更加哪三项`` has no verb
    (rubric: PRM), so the question quotes the lead-in's own words."""
    got = _prompts(
        _PLAIN + "近年来各地探索数字治理。总而言之，数字技术让乡村治理更加智能化、精细化、人性化。"
    )
    asked = got["智能化"]
    assert "哪三项" not in asked, asked
    assert asked.endswith("数字技术让乡村治理更加……”,文中列举了哪三点?"), asked


def test_a_series_of_clauses_with_more_quotes_its_lead_in() -> None:
    """使X的目标更明确、责任更清晰……: subject-predicate items never hang on ``的哪三项``."""
    got = _prompts(_PLAIN + "各地出台了配套办法，使基层治理的目标更明确、责任更清晰、措施更扎实。")
    asked = got["目标更明确"]
    assert "的哪三项" not in asked, asked
    assert "“使基层治理的……”" in asked and asked.endswith("文中列举了哪三点?"), asked


@pytest.mark.parametrize(
    ("sentence", "item", "bare", "quoted"),
    [
        (
            "干部必须守住底线，才能准确识变、科学应变、主动求变，确保工作行稳致远。",
            "准确识变",
            "才能哪三项",
            "“干部必须守住底线,才能……”",
        ),
        (
            "改革在一步步深化。基层改革实践在城乡大地上全方位、全领域、全地域展开。",
            "全方位",
            "上哪三项",
            "在城乡大地上……”",
        ),
    ],
)
def test_a_series_after_a_modal_or_a_place_quotes_its_lead_in(
    sentence: str, item: str, bare: str, quoted: str
) -> None:
    asked = _prompts(_PLAIN + sentence)[item]
    assert bare not in asked, asked
    assert quoted in asked, asked


def test_things_with_a_degree_word_are_still_things() -> None:
    """获得更稳定的预期、更可靠的保障……: the items are objects of 获得, asked as such."""
    got = _prompts(_PLAIN + "改革让群众获得更稳定的预期、更可靠的保障、更有品质的生活。")
    assert "文中列举了" not in got["更稳定的预期"], got


def test_a_quoted_lead_in_after_a_section_label_is_no_second_colon() -> None:
    """``标签：“……”：文中列举了……`` reads as two labels; the quote closes on a comma."""
    from gen_scoring import make

    text = (
        "数字乡村\n\n一、数字赋能\n\n"
        "数字技术让乡村治理更加精准化、高效化、透明化,群众办事不再来回跑。\n"
    )
    asked = [n.prompt for n in make(text, "t").notes if "文中列举了" in n.prompt]
    assert asked and all("”，文中列举了" in p for p in asked), asked
