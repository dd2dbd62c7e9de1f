"""A material's measures told one a sentence, with no 一是……二是: one list of the 做法."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.detect.enumerations import find_enumerations
from trainer.generation.split.structure import outline
from trainer.generation.text import fold


def _found(text: str) -> list[tuple[str, list[str]]]:
    folded = fold(text)
    return [
        (e.style.value, [it.phrase.text for it in e.items])
        for e in find_enumerations(folded, outline(folded))
    ]


MATERIAL = (
    "给定资料2\n\n"
    "青禾镇地处山区,过去交通不便,村民收入不高。\n\n"
    "2018 年,青禾镇开通了城乡公交专线,村民进城只需半小时。"
    "同时,该镇鼓励农户成立种植合作社,统一收购山货。\n\n"
    "为了留住年轻人,青禾镇还建成了返乡创业孵化园,为创业者提供免费场地。"
    "此外,该镇举办了山货文化节,吸引了不少游客。\n\n"
    "如今,镇上的年轻人越来越多了。\n"
)


def test_measures_one_actor_took_across_sentences_are_one_list() -> None:
    assert (
        "measures",
        [
            "开通了城乡公交专线",
            "鼓励农户成立种植合作社",
            "建成了返乡创业孵化园",
            "举办了山货文化节",
        ],
    ) in _found(MATERIAL)


def test_the_list_is_asked_by_the_actor_and_its_items_are_short() -> None:
    made = make(MATERIAL, "t")
    card = next(
        n for n in made.notes if n.kind is NoteKind.LIST and "开通了城乡公交专线" in n.items
    )
    assert fold(card.prompt) == fold("青禾镇采取了哪四项做法？")
    assert all(len(it) <= 15 for it in card.items)


def test_an_item_is_cut_at_a_word_never_inside_a_quotation() -> None:
    text = (
        "柳湾村推出了“一户一码”服务。"
        "该村还建成了集党建宣传和文化活动于一体的综合性村民服务中心。"
        "柳湾村举办“我们的节日·端午”民俗文化活动。\n"
    )
    items = [items for style, items in _found(text) if style == "measures"]
    assert items
    second, third = items[0][1], items[0][2]
    assert len(second) <= 15 and text.find(second) >= 0
    assert third.count("“") == third.count("”")


def test_prescriptions_and_different_actors_are_no_such_list() -> None:
    essay = (
        "我们要建立健全监管体系。各地应推行信用承诺制度。政府必须搭建公共服务平台。"
        "企业需要引入专业人才。\n"
    )
    assert not [s for s, _ in _found(essay) if s == "measures"]
    places = (
        "浙江推出了数字化改革。江苏建立了营商环境评价体系。广东开展了产业转移行动。"
        "山东实施了乡村振兴战略。\n"
    )
    assert not [s for s, _ in _found(places) if s == "measures"]


def test_a_measure_after_a_clause_describing_its_actor_counts() -> None:
    text = (
        "明德小学是一所乡村寄宿学校,它取消了统一的作息时间表。"
        "据了解,明德小学还开设了农耕体验课程。"
        "明德小学设立了家长开放日。\n"
    )
    assert (
        "measures",
        ["取消了统一的作息时间表", "开设了农耕体验课程", "设立了家长开放日"],
    ) in _found(text)


def test_a_long_object_keeps_its_verb_and_head_noun() -> None:
    text = (
        "桃源村修建了占地 800 平方米的村民文化活动广场。"
        "该村开通了乡村旅游专线。桃源村还成立了旅游合作社。\n"
    )
    found = [items for style, items in _found(text) if style == "measures"]
    assert found and found[0][0] == "修建了村民文化活动广场"
