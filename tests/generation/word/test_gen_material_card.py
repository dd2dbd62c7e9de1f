"""The structure card of an exam 给定资料: its place's 做法 and their 成效."""

from __future__ import annotations

from gen_scoring import make

from trainer.generation.text import fold

_MEASURES = (
    "临湖村位于湖畔，全村有村民八百余人。"
    "近年来，临湖村开通了乡村旅游直通车，方便游客进村。"
    "同时，该村鼓励渔民开办民宿，接待外地游客。"
    "此外，临湖村还建成了渔文化博物馆，展示传统渔具。"
    "在此基础上，该村推出了湖鲜美食节，吸引四方食客。"
)
_OUTCOME = "去年，全村接待游客十二万人次，带动两百余户村民增收。"


def _material_cards(text: str) -> list[tuple[str, str]]:
    return [(n.prompt, n.answer) for n in make(text, "t").notes if "结构" in n.tags]


def test_a_material_telling_measures_and_a_result_gets_a_card() -> None:
    cards = _material_cards(_MEASURES + "\n\n" + _OUTCOME + "\n")
    assert len(cards) == 1
    prompt, answer = cards[0]
    assert fold(prompt) == fold("临湖村的做法及成效是什么？")
    assert fold("做法：") in fold(answer) and fold("成效：") in fold(answer)
    assert "开通了乡村旅游直通车" in answer and "带动两百余户村民增收" in answer
    assert "论点" not in answer


def _practice_only(cards: list[tuple[str, str]]) -> None:
    """One card asking the 做法 alone: no 成效 line, none invented."""
    assert len(cards) == 1
    prompt, answer = cards[0]
    assert fold(prompt) == fold("临湖村采取了哪些做法？")
    assert "开通了乡村旅游直通车" in answer and "建成了渔文化博物馆" in answer
    assert fold("成效") not in fold(answer)


def test_measures_without_a_result_are_asked_as_the_practice() -> None:
    _practice_only(_material_cards(_MEASURES + "\n\n游客们纷纷表示，这里的风景很美。\n"))


def test_a_planned_result_or_a_speakers_line_is_no_outcome() -> None:
    said = "村支书说：“我们希望明年带动更多村民增收。”下一步，该村将提升接待能力。"
    _practice_only(_material_cards(_MEASURES + "\n\n" + said + "\n"))


def test_a_story_without_measures_gets_no_card() -> None:
    story = (
        "那年冬天，老李回到了村里。他看见湖面结了冰，想起小时候和父亲一起打鱼的日子。"
        "后来，他在村口开了一家小饭馆，生意慢慢好了起来，收入提升了不少。\n"
    )
    assert _material_cards(story) == []


def test_a_decision_naming_a_result_is_no_outcome() -> None:
    plan = "该村下决心把乡村旅游作为带动全村致富的新举措。"
    _practice_only(_material_cards(_MEASURES + "\n\n" + plan + "\n"))


_PROBLEMS = (
    "近年来，青山镇的农村养老服务仍面临不少困难。"
    "调查发现，当地养老服务存在以下问题：护理人员严重缺乏；服务设施建设滞后；"
    "资金投入渠道单一。\n\n"
    "究其原因，主要有以下几点：一是财政投入有限，二是社会力量参与不多，"
    "三是专业人才留不住。\n"
)


def test_a_material_telling_problems_and_causes_is_asked_them() -> None:
    cards = _material_cards(_PROBLEMS)
    assert len(cards) == 1
    prompt, answer = cards[0]
    assert fold(prompt).endswith(fold("存在哪些问题？原因是什么？"))
    lines = answer.splitlines()
    assert fold(lines[0]).startswith(fold("问题："))
    assert "护理人员严重缺乏" in lines[0] and "资金投入渠道单一" in lines[0]
    assert fold(lines[1]).startswith(fold("原因：")) and "财政投入有限" in lines[1]


def test_problems_without_causes_are_asked_alone() -> None:
    text = _PROBLEMS.split("\n\n")[0] + "\n"
    cards = _material_cards(text)
    assert len(cards) == 1
    prompt, answer = cards[0]
    assert fold(prompt).endswith(fold("存在哪些问题？"))
    assert fold("原因") not in fold(answer)


def test_a_list_of_words_for_problems_is_no_problem() -> None:
    """A series of bare words (不科学、不合理、不到位) names no problem of a place."""
    text = (
        "概括问题时，可以从以下几类词入手：不科学、不合理、不到位；缺乏、缺少、流失；"
        "少、低、差、弱等。\n"
    )
    assert _material_cards(text) == []


def test_a_given_material_gets_no_argument_card() -> None:
    text = "某县调研\n\n材料1\n\n" + _MEASURES + _OUTCOME + "\n"
    made = make(text, "t").notes
    assert not any("论证结构" in n.prompt for n in made)
    assert any("做法及成效" in n.prompt for n in made)


_CLAUSE_RUN = (
    "溪口镇地处山区，过去以种植茶叶为主，产业单一，年轻人大多外出务工。"
    "前几年，当地引进了一家茶饮料企业，建起了加工厂。\n\n"
    "为了让茶产业走得更远，溪口镇打造茶叶公共品牌，引导茶农组建合作社，推动茶园机械化改造。"
    "镇里的茶叶越卖越远，外出的年轻人陆续回到家乡。\n"
)


def test_a_run_of_measures_inside_one_sentence_is_asked_as_the_practice() -> None:
    """A material whose place's measures stand as clauses of one sentence (打造……,
    引导……, 推动……): the 做法 card quotes them, in the material's own words."""
    notes = make(_CLAUSE_RUN, "t").notes
    cards = [n for n in notes if "结构" in n.tags]
    assert len(cards) == 1
    said = cards[0].answer + "".join(cards[0].items)
    assert fold("做法") in fold(cards[0].prompt) or "哪三" in cards[0].prompt
    for item in ("打造茶叶公共品牌", "引导茶农组建合作社", "推动茶园机械化改造"):
        assert item in said
    # One card per run: no list card asks the same three measures besides it.
    asking = [n for n in notes if "推动茶园机械化改造" in n.answer + "".join(n.items)]
    assert len(asking) == 1


def test_a_quoted_run_of_measures_is_no_practice() -> None:
    said = (
        "溪口镇地处山区，过去以种植茶叶为主，年轻人大多外出务工。\n\n"
        "镇长说：“我们的思路是，打造茶叶公共品牌，引导茶农组建合作社，推动茶园机械化改造。”\n"
    )
    assert _material_cards(said) == []


_COMMENTARY = (
    "让老街焕发新活力\n\n"
    "老街是城市的记忆，也是城市更新的难点。近年来，不少城市着手改造老街，成效有目共睹，"
    "但也暴露出一些问题。\n\n"
    "老街改造存在的问题集中表现为以下两方面：一是改造方案千篇一律，二是居民参与渠道不畅。"
    "有的老街拆了真古迹、建了假古董，失去了原有的烟火气。\n\n"
    "让老街焕发新活力，应从以下几方面着力：一是守住历史文脉，二是畅通居民参与渠道，"
    "三是培育特色业态。只有这样，老街才能留住乡愁、留住人气。\n"
)


def test_a_commentary_without_headings_gets_its_problems_and_measures() -> None:
    """A commentary stating its judgement in its title and laying out the problems and
    the measures in runs led in as such: the structure card quotes them, whole."""
    cards = _material_cards(_COMMENTARY)
    assert len(cards) == 1
    _prompt, answer = cards[0]
    assert "让老街焕发新活力" in answer
    assert fold("问题：改造方案千篇一律；居民参与渠道不畅") in fold(answer)
    assert fold("对策：守住历史文脉；畅通居民参与渠道；培育特色业态") in fold(answer)
