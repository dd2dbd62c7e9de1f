"""The argument-structure card and complete, balanced Q&A answers."""

from __future__ import annotations

from gen_scoring import make, seed_text

from trainer.domain.model import NoteKind


def test_one_structure_card_per_article_tagged_structure() -> None:
    made = make(seed_text(), "zhibo-daihuo")
    cards = [n for n in made.notes if "结构" in n.tags]
    assert len(cards) == 1
    card = cards[0]
    assert card.kind is NoteKind.QA and "论证结构" in card.prompt
    lines = card.answer.splitlines()
    assert lines[0].startswith("中心论点:")
    assert any(line.startswith("分论点:") for line in lines)
    assert "怎样看待" not in card.answer  # a question heading is not a 分论点
    origin = made.origins[made.notes.index(card)]
    assert origin.rule == "struct.argument"


def test_a_how_to_view_question_covers_good_problems_and_measures() -> None:
    made = make(seed_text(), "zhibo-daihuo")
    qa = next(n for n in made.notes if n.prompt.startswith("怎样看待"))
    assert "积极作用:" in qa.answer and "问题:" in qa.answer and "对策:" in qa.answer


def test_viewpoint_answers_are_never_cut_off() -> None:
    made = make(seed_text(), "zhibo-daihuo")
    for n in made.notes:
        if n.kind is NoteKind.QA:
            assert "…" not in n.answer, n.answer


ARTICLE = """以法治护航平台经济

平台经济快速发展,也暴露出不少问题。

一、压实平台主体责任

平台要建立健全内容审核机制,落实主体责任。

二、完善监管制度

要加快完善平台经济监管规则,推进跨部门协同监管。

三、营造良好生态

鼓励平台企业创新发展,营造公平竞争的市场环境。
"""


def test_section_claims_become_the_sub_points_without_numbering() -> None:
    made = make(ARTICLE, "t")
    card = next(n for n in made.notes if "结构" in n.tags)
    assert "分论点:压实平台主体责任;完善监管制度;营造良好生态" in card.answer


_PARA = (
    "各地积极探索，形成了不少好的做法。{x}是推动高质量发展的关键。"
    "只有坚持问题导向，才能把工作做实做细。要加强统筹协调，形成工作合力。"
)


def _structure_cards(text: str) -> list[str]:
    return [n.answer for n in make(text, "t").notes if "结构" in n.tags]


def test_given_material_gets_no_structure_card() -> None:
    text = (
        "某县乡村治理调研\n\n给定资料\n\n材料1\n\n"
        "近年来，某县坚持党建引领，推进乡村治理现代化，乡村面貌焕然一新。"
        "县委书记说，乡村治理是国家治理的基石，必须下足绣花功夫。\n\n"
        + _PARA.format(x="乡村治理")
        + "\n\n材料2\n\n某镇探索积分制管理，村民参与村务的积极性明显提高。"
        "积分可以兑换生活用品，也可以作为评先评优的依据。\n\n"
        + _PARA.format(x="基层治理")
        + "\n\n镇党委书记介绍，下一步要从三方面发力：一是要完善积分评价标准，"
        "二是要拓宽积分兑换渠道，三是要加强积分结果运用。\n\n材料3\n\n某村设立议事会，大事小情由村民商量着办。"
        "议事会成员由村民推选产生，每月召开一次会议。\n\n" + _PARA.format(x="村民自治") + "\n"
    )
    assert _structure_cards(text) == []


def _essay(title: str, thesis: str) -> str:
    return (
        f"# {title}\n\n{thesis}。这是时代提出的课题，也是人民群众的期盼。\n\n"
        + _PARA.format(x=title[:4])
        + "\n\n"
        + _PARA.format(x="改革创新")
        + "\n\n"
        + f"总之，{thesis}，我们要久久为功、善作善成。\n"
    )


def test_several_essays_in_one_file_get_no_card_listing_their_titles() -> None:
    text = (
        "题目：请联系实际，自选角度，自拟题目，写一篇文章。\n\n## 甲老师\n\n"
        + _essay("以数字之力畅通城市脉络", "数字化是城市治理现代化的必由之路")
        + "\n## 乙老师\n\n"
        + _essay("让数据多跑路群众少跑腿", "政务服务数字化要以群众需求为导向")
        + "\n## 丙老师\n\n"
        + _essay("用智慧之光点亮乡村振兴", "数字乡村建设要坚持因地制宜")
    )
    for answer in _structure_cards(text):
        assert "以数字之力畅通城市脉络" not in answer or "让数据多跑路" not in answer, answer
