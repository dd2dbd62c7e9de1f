"""A sentence that names its points inside itself is tested on those points: its
cloze blanks the members of its series or pair, not the words beside them."""

from __future__ import annotations

import re

from gen_scoring import make

from trainer.generation.detect.members import members
from trainer.generation.text import Span, fold

_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _groups(sentence: str) -> list[list[str]]:
    text = fold(sentence)
    return [[m.text for m in g] for g in members(text, Span(text, 0, len(text)))]


def _blank_sets(text: str) -> list[set[str]]:
    return [set(_BLANK.findall(n.text)) for n in make(text, "t").notes if n.text]


def test_the_lead_verb_and_the_closing_words_stay_outside_the_members() -> None:
    assert _groups("要完善乡村人才政策,吸引大学毕业生、退役军人、返乡农民工到乡村创新创业。") == [
        ["大学毕业生", "退役军人", "返乡农民工"]
    ]


def test_a_last_piece_joined_by_yiji_gives_two_members() -> None:
    got = _groups("处罚的轻重要与违规行为的动机、手段、后果以及社会影响程度相适应。")
    assert got == [["动机", "手段", "后果", "社会影响程度"]]


def test_two_members_that_end_alike_stop_at_their_shared_ending() -> None:
    assert _groups("要把社区的资源优势、人才优势转化为发展动能。") == [["资源优势", "人才优势"]]
    assert _groups("要充分发挥协会桥梁纽带作用和企业示范引领作用。") == [
        ["协会桥梁纽带作用", "企业示范引领作用"]
    ]


def test_pairs_joined_in_a_series_are_members_whole() -> None:
    assert _groups("要把线上服务和线下服务、短期帮扶和长期帮扶结合起来。") == [
        ["线上服务和线下服务", "短期帮扶和长期帮扶"]
    ]


def test_common_nouns_ending_like_place_names_are_members() -> None:
    assert _groups("要着力弥合城乡、区域、群体间的收入差距。") == [["城乡", "区域", "群体"]]
    assert _groups("如果不自省、不警惕、不努力,再好的局面也会丢掉。") == [
        ["不自省", "不警惕", "不努力"]
    ]
    assert _groups("要加快推动东部地区与成都市、重庆市、西安市形成协同发展格局。") == []


def test_examples_are_no_members() -> None:
    assert _groups("一些单位,如花卉产业园、粮食储备仓库、水稻生产基地等,规模偏小。") == []


def test_a_sentence_naming_its_points_gets_them_blanked() -> None:
    text = (
        "乡村人才振兴\n\n"
        "乡村振兴,关键在人。当前一些村庄面临人才外流、老龄化加剧的困境,"
        "破解这一难题迫在眉睫。\n\n"
        "要完善乡村人才政策,吸引大学毕业生、退役军人、返乡农民工到乡村创新创业。\n"
    )
    blanks = _blank_sets(text)
    assert any({"大学毕业生", "退役军人", "返乡农民工"} <= b for b in blanks), blanks
    assert any({"人才外流", "老龄化加剧"} <= b for b in blanks), blanks


def test_members_two_sentences_share_are_asked_once() -> None:
    text = (
        "基层治理\n\n"
        "一些地方的服务仍未做到有呼必应、有难必帮,群众意见较大。\n\n"
        "基层治理必须做到有呼必应、有难必帮,把群众的事当成自己的事。\n\n"
        "基层减负要常态长效。\n"
    )
    cards = [b for b in _blank_sets(text) if {"有呼必应", "有难必帮"} <= b]
    assert len(cards) == 1, cards


def test_members_built_alike_are_asked_from_a_background_line() -> None:
    text = (
        "便民服务进社区\n\n"
        "近日,某市在各社区开展便民服务活动,现场设服务台,做到有求必应、随到随办。\n\n"
        "便民服务要常态长效,让居民少跑腿。\n"
    )
    assert any({"有求必应", "随到随办"} <= b for b in _blank_sets(text))


_NUMBERED = re.compile(r"\{\{c(\d+)::(.*?)\}\}")


def _numbered(text: str) -> list[dict[str, str]]:
    return [
        {a: n for n, a in _NUMBERED.findall(note.text)}
        for note in make(text, "t").notes
        if note.text
    ]


def test_parallel_clauses_on_one_lead_word_are_asked_one_at_a_time() -> None:
    text = (
        "志愿服务\n\n"
        "志愿服务是城市文明的一张名片,是社会温度的一把刻度。\n\n"
        "各地要让志愿服务常态长效。\n"
    )
    cards = [c for c in _numbered(text) if {"城市文明的一张名片", "社会温度的一把刻度"} <= set(c)]
    assert cards, _numbered(text)
    assert cards[0]["城市文明的一张名片"] != cards[0]["社会温度的一把刻度"]


def test_parallel_verb_clauses_keep_their_verbs_as_cues() -> None:
    text = (
        "政务服务\n\n"
        "要简化审批环节,推动部门之间信息互通,提高窗口办事效率,让群众少跑腿。\n\n"
        "服务无止境。\n"
    )
    cards = [
        c for c in _numbered(text) if {"审批环节", "部门之间信息互通", "窗口办事效率"} <= set(c)
    ]
    assert cards, _numbered(text)
    assert len(set(cards[0].values())) == 3


def test_two_points_too_long_to_hide_together_are_asked_apart() -> None:
    text = (
        "社区改造\n\n"
        "推进社区改造提升,不仅能为居民日常生活提供便利,还能带动周边小店的生意。\n\n"
        "社区改造要问计于民。\n"
    )
    cards = [
        c
        for c in _numbered(text)
        if "为居民日常生活提供便利" in c and any("带动周边小店的生意" in b for b in c)
    ]
    assert cards, _numbered(text)
    assert len(set(cards[0].values())) == 2


def test_a_long_second_point_is_still_a_point() -> None:
    text = (
        "基层治理\n\n"
        "在新征程上,基层治理不仅是一项日常工作,而且是关系群众切身利益和社会长治久安的大事。\n\n"
        "基层强则国家强。\n"
    )
    blanks = _blank_sets(text)
    assert any({"一项日常工作", "关系群众切身利益和社会长治久安的大事"} <= b for b in blanks), (
        blanks
    )


def test_wu_lun_shi_hai_shi_is_a_two_point_structure() -> None:
    text = (
        "作风建设\n\n"
        "从通报的案例来看,无论是“面子工程”,还是敷衍应对,都暴露出作风不实的问题。\n\n"
        "作风建设永远在路上。\n"
    )
    blanks = _blank_sets(text)
    assert any({"面子工程", "敷衍应对"} <= b for b in blanks), blanks


def test_a_second_series_is_a_deletion_of_its_own_on_the_same_card() -> None:
    text = (
        "社区服务\n\n"
        "要统筹推进社区服务设施、服务项目和服务队伍建设,把社区的资源优势、人才优势转化为发展动能。\n\n"
        "服务无止境。\n"
    )
    cards = [c for c in _numbered(text) if {"服务设施", "资源优势"} <= set(c)]
    assert len(cards) == 1, _numbered(text)
    card = cards[0]
    assert card["服务设施"] == card["服务项目"] == card["服务队伍"]
    assert card["资源优势"] == card["人才优势"] != card["服务设施"]


def _clause_groups(sentence: str) -> list[list[str]]:
    from trainer.generation.detect.members import clause_members

    text = fold(sentence)
    return [[m.text for m in g] for g in clause_members(text, Span(text, 0, len(text)))]


def test_clauses_opening_on_the_same_verb_are_points() -> None:
    assert _clause_groups("社区治理事关群众切身利益,事关基层和谐稳定。") == [
        ["群众切身利益", "基层和谐稳定"]
    ]
    assert _clause_groups("人们看到了乡村振兴的新面貌,看到了农民增收的新希望。") == [
        ["乡村振兴的新面貌", "农民增收的新希望"]
    ]


def test_clauses_sharing_a_subject_or_a_number_are_no_points() -> None:
    assert _clause_groups("社区场地建在家门口,社区活动办在群众心里。") == []
    assert _clause_groups("资料共有五段,段1引出话题,段2分析原因。") == []


def test_a_series_written_without_separators_gives_its_members() -> None:
    assert _groups("要让群众的获得感幸福感安全感更加充实。") == [["获得感", "幸福感", "安全感"]]
    assert _groups("要有力有序有效推进这项工作。") == [["有力", "有序", "有效"]]
    assert _groups("实施新技术新产品新场景应用示范行动。") == [["新技术", "新产品", "新场景"]]


def test_repeated_or_unlike_characters_are_no_unseparated_series() -> None:
    assert _groups("大大小小的问题越来越多。") == []
    assert _groups("他们一次又一次地来到这里。") == []


def test_a_first_member_is_never_cut_inside_a_word_the_dictionary_spells_out() -> None:
    """The first member of a pair is cut to about the second's length between words;
    a word the dictionary does not hold (微信, cut 微|信) is one word all the same, and
    a verb's aspect particle (连起了) leads into the member, it is not in it."""
    got = _groups("村里创建“临诗渔村”微信公众号、开办网店,在网上销售水产品。")
    assert not any(m.startswith(("信", "公众", "号")) for g in got for m in g), got
    got = _groups("走进村子,每家每户都连起了污水池、垃圾分类池,村民的生活环境更加宜居。")
    assert got and got[0] == ["污水池", "垃圾分类池"], got


def test_a_list_series_first_item_starts_after_the_aspect_particle() -> None:
    from trainer.generation.detect.inline import series_members

    text = fold("每家每户都连起了污水池、垃圾分类池、雨水收集池,村容村貌焕然一新。")
    got = [[m.text for m in g] for g in series_members(text, Span(text, 0, len(text)))]
    assert got and got[0][0] == "污水池", got
