"""A question heading becomes a Q&A card only when it is a question of the article
and its answer says something (rubric: QAA, PRM): not a line of dialogue from the
material, not a question whose answer is empty."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate

_ARTICLE = """乡村环境整治的思考

一、为什么要整治乡村环境?

整治乡村环境是建设美丽乡村的必然要求。干净整洁的村容村貌能够提升村民的幸福感和获得感。

二、如何推进乡村环境整治?

一是完善垃圾收运体系。二是加强村民环保教育。三是建立长效管护机制。

三、村民:政府一亩地只补贴十块钱,够么?

小丽沉默了，她感到很苦恼。
"""


def _questions(text: str) -> dict[str, str]:
    out = generate(Article(text=text, title=""), "t")
    return {n.prompt: n.answer for n in out.notes if n.kind is NoteKind.QA and "结构" not in n.tags}


def test_a_line_of_dialogue_is_no_question_card() -> None:
    asked = _questions(_ARTICLE)
    assert not any("够么" in q for q in asked), asked


def test_the_articles_own_questions_keep_their_cards() -> None:
    asked = _questions(_ARTICLE)
    assert any("为什么要整治乡村环境" in q for q in asked), asked
    how = next(a for q, a in asked.items() if "如何推进" in q)
    assert "完善垃圾收运体系" in how


def test_a_question_whose_answer_says_nothing_is_no_card() -> None:
    text = _ARTICLE + "\n四、第二种展示中要不要概括问题?\n\n这三种展示中\n"
    asked = _questions(text)
    assert not any("第二种展示" in q for q in asked), asked
