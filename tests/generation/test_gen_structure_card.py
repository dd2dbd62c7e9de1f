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
