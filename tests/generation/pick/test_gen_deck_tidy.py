"""Cards a tutor throws away whatever the budget (rubric: STAT, DUP)."""

from __future__ import annotations

import re

from trainer.domain.model import Article, Note, NoteKind, SourceRef
from trainer.generation import generate
from trainer.generation.detect.figures import figures
from trainer.generation.pick.deck import tidy
from trainer.generation.provenance import Origin

_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _clozes(text: str, title: str) -> list[str]:
    out = generate(Article(text=text, title=title), "t")
    return [n.text for n in out.notes if n.kind is NoteKind.CLOZE]


def test_figures_are_counted_but_a_year_alone_is_none() -> None:
    assert figures("赤字率拟按 4% 左右安排，赤字规模 5.89 万亿元、比上年增加 2300 亿元") == 3
    assert figures("到 2035 年基本实现社会主义现代化") == 0
    assert figures("全省 18 个市、749 件样本") == 2


def test_a_line_of_figures_makes_no_cloze() -> None:
    text = (
        "财政与投资安排\n"
        "1. 实施更加积极的财政政策。\n"
        "2. 赤字率拟按 4% 左右安排，赤字规模 5.89 万亿元、比上年增加 2300 亿元。\n"
        "3. 《纲要（草案）》细化提出 20 项主要指标、6 方面 109 项重大工程。\n"
    )
    clozes = _clozes(text, "政府工作报告")
    assert not [c for c in clozes if "2300" in c or "109" in c]


def test_a_list_of_figures_makes_no_list_card() -> None:
    text = (
        "过去五年成就显著：国内生产总值年均增长 5.4%；制造业增加值规模连续 16 年保持全球第一；"
        "居民人均可支配收入年均增长 5.4%；城镇新增就业累计超过 6000 万人。\n"
    )
    out = generate(Article(text=text, title="工作回顾"), "t")
    assert not [n for n in out.notes if n.kind is NoteKind.LIST and "5.4%" in "".join(n.items)]


def test_one_figure_in_a_measure_keeps_its_card() -> None:
    text = (
        "脱贫攻坚是一场硬仗。我时常牵挂着奋战在脱贫一线的同志们，280多万驻村干部、第一书记，"
        "工作很投入、很给力，一定要保重身体。\n"
    )
    assert any("驻村干部" in "".join(_BLANK.findall(c)) for c in _clozes(text, "新年贺词"))


def test_one_sentence_gets_one_cloze_holding_every_blank() -> None:
    text = (
        "推进科技赋能，创新基层治理方式。数字技术是提升基层治理效能的重要手段。"
        "要推广“一网通办”“一网统管”，让数据多跑路、群众少跑腿，让基层治理更聪明、更高效。\n"
    )
    clozes = [c for c in _clozes(text, "基层治理") if "一网通办" in _BLANK.sub(r"\1", c)]
    asking = [c for c in clozes if "一网通办" in _BLANK.findall(c)]
    assert len(asking) == 1
    assert {"一网通办", "数据多跑路"} <= set(_BLANK.findall(asking[0]))
    # A series the full card has no room for is a point of its own, on a card asking
    # nothing else (更聪明、更高效).
    for c in clozes:
        if c not in asking:
            assert set(_BLANK.findall(c)) == {"更聪明", "更高效"}, c


def test_a_cloze_asking_a_lists_items_on_its_sentence_goes() -> None:
    text = (
        "加强能力建设，提升基层治理水平。"
        "要加强基层干部培训，提升其依法办事、服务群众、化解矛盾、应急处置的能力。\n"
    )
    out = generate(Article(text=text, title="基层治理"), "t")
    lists = [n.items for n in out.notes if n.kind is NoteKind.LIST]
    assert ("依法办事", "服务群众", "化解矛盾", "应急处置") in lists
    clozes = [n.text for n in out.notes if n.kind is NoteKind.CLOZE and "化解矛盾" in n.text]
    assert not [c for c in clozes if set(_BLANK.findall(c)) <= set(lists[0])]


def test_a_list_question_with_no_subject_takes_the_articles() -> None:
    text = "推进“破界”合作,保障重大项目、重大平台、重大改革顺畅落地。我们要主动融入国家战略。\n"
    out = generate(Article(text=text, title="田向利:以改革举措加强国家战略腹地建设"), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts
    assert all(p.startswith("以改革举措加强国家战略腹地建设：") for p in prompts), prompts


def test_a_slogan_title_is_no_subject() -> None:
    text = "推进“破界”合作,保障重大项目、重大平台、重大改革顺畅落地。\n"
    out = generate(Article(text=text, title="守正创新,让文化焕发时代光彩"), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts and not any("守正创新" in p for p in prompts)


def test_a_list_answer_gives_its_items_then_the_source_once() -> None:
    text = (
        "数字中国建设的四点启示。\n"
        "以数强基，数字底座方能坚如磐石；以数兴业，实体经济方能焕发新机；"
        "以数善治，社会治理方能精准高效；以数铸盾，数字中国方能行稳致远。\n"
    )
    out = generate(Article(text=text, title="数字中国"), "t")
    notes = [n for n in out.notes if n.kind is NoteKind.LIST and len(n.items) == 4]
    assert notes
    for n in notes:
        # no item followed by its own sentence again (rubric: REP)
        assert n.answer.count("以数强基") == 1 or n.answer.count("——") == 1, n.answer
        assert n.answer.count("——") <= 1, n.answer


def test_serial_numbers_make_no_list_card() -> None:
    text = "这一年,我们的航天事业捷报频传,神舟十三号、十四号、十五号接力腾飞,太空探索步履不停。\n"
    out = generate(Article(text=text, title="新年贺词"), "t")
    assert not [n for n in out.notes if n.kind is NoteKind.LIST and "十四号" in n.items]


def test_a_list_question_with_only_a_verb_before_which_takes_the_articles_subject() -> None:
    text = "我们要建立川渝产业协同发展机制。协同构建创新链、产业链、资金链、人才链。\n"
    out = generate(Article(text=text, title="以改革举措加强国家战略腹地建设"), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts and all(p.startswith("以改革举措加强国家战略腹地建设：") for p in prompts), (
        prompts
    )


def test_points_with_paragraphs_of_their_own_are_not_written_out_again() -> None:
    """Items each opening a long paragraph: the answer is the items; their paragraphs
    pasted after them would be the source once per item (rubric: REP)."""
    text = (
        "破解基层治理难题,要从三个方面着手。\n"
        "一是完善考核机制。坚持过程考核和结果考核相结合,倒逼干部积极作为。\n"
        "二是建立奖惩机制。对表现优秀的个人给予物质和精神奖励。\n"
        "三是加强教育培训。开展专题讲座、案例学习等活动,提高专业素养。\n"
    )
    out = generate(Article(text=text, title="基层治理"), "t")
    (note,) = [n for n in out.notes if n.kind is NoteKind.LIST and "完善考核机制" in n.items]
    assert "坚持过程考核" not in note.answer and "物质和精神奖励" not in note.answer, note.answer


def test_a_long_shared_sentence_is_cut_to_the_clauses_of_its_items() -> None:
    text = (
        "为进一步加强基层队伍的管理和培养,全面落实“青蓝结对·导师帮带”能力素质提升工作,"
        "市综合执法局严把导师资格入口关,把“信念坚定”作为“硬杠杠”,"
        "选出综合素质优秀的帮带导师,统一实行动态管理,为青年干部结对配备政治导师、业务导师、作风导师,"
        "打造履职尽责、担当作为的基层执法干部队伍。\n"
    )
    out = generate(Article(text=text, title="基层队伍"), "t")
    (note,) = [n for n in out.notes if n.kind is NoteKind.LIST and "业务导师" in n.items]
    source = note.answer.split("—— ", 1)[1]
    assert "政治导师、业务导师、作风导师" in source and "严把导师资格入口关" not in source


def _note(text: str, start: int, end: int, k: int) -> Note:
    return Note(
        guid=f"g{k}",
        kind=NoteKind.CLOZE,
        text=text,
        source=SourceRef("t", f"s0/p{k}/cloze1", "", start, end),
    )


def test_a_study_notes_advice_to_the_student_is_no_golden_line() -> None:

    folded = "很多同学写营商环境,这话不能说错,但说浅了。企业需要的不是不受约束,而是规则稳定。"
    advice = folded.index("这话")
    end = folded.index("。") + 1
    said = (
        _note("这话不能说错,{{c1::但说浅了}}。", advice, end, 1),
        Origin("cloze.golden.aphorism", "金句"),
    )
    start = end
    claim = (
        _note("企业需要的不是{{c1::不受约束}},而是{{c2::规则稳定}}。", start, len(folded), 2),
        Origin("cloze.two_points", "金句"),
    )
    kept = tidy([said, claim], frozenset(), folded)
    assert [o.rule for _n, o in kept] == ["cloze.two_points"]


def test_a_series_outnumbering_the_figures_of_its_sentence_keeps_its_cloze() -> None:
    text = (
        "教育扶贫是阻断贫困代际传递的根本之策。\n\n"
        "去年，全市投入 3000 万元资助 2 万名贫困学生，他们在校期间免交学费、学杂费、住宿费。\n\n"
        "今年，全省粮食产量增长 5%，棉花产量增长 3%，油料产量增长 2%。\n"
    )
    clozes = _clozes(text, "教育扶贫")
    assert [c for c in clozes if "{{c1::学杂费}}" in c]
    assert not [c for c in clozes if "5%" in c or "3%" in c]


def test_a_series_no_longer_than_its_sentences_figures_is_still_a_statistic() -> None:
    made = [
        (
            Note(
                guid="g",
                kind=NoteKind.CLOZE,
                text="全省{{c1::粮食}}、{{c1::棉花}}、{{c1::油料}}产量分别增长 5%、3%、2%。",
                source=SourceRef(start=0, end=30, anchor="s0"),
            ),
            Origin(rule="cloze.series", function="论据"),
        )
    ]
    assert tidy(made, frozenset(), "全省粮食、棉花、油料产量分别增长 5%、3%、2%。") == []
