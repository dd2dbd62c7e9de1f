"""The 概括 drill graded: facts found, groups' purity, names' kind and content."""

from __future__ import annotations

from tests.conftest import SEED
from tests.practice.test_practice_service import ART, ARTICLE
from trainer.services.practice import Question, build_questions
from trainer.services.practice.drill import drill_items, grade_drill, name_category


def _question() -> Question:
    return next(q for q in build_questions(ART, "", ARTICLE) if q.kind == "问题")


def test_items_hold_the_points_with_their_category() -> None:
    items = drill_items(_question())
    facts = [it for it in items if it.category]
    assert facts and all(it.category == "问题" for it in facts if it.point in _question().points)
    assert any(it.point == "居民分类意识淡薄" for it in items)


def test_a_perfect_drill_scores_full() -> None:
    items = drill_items(_question())
    facts = {i for i, it in enumerate(items) if it.category}
    result = grade_drill(items, facts, dict.fromkeys(facts, 1), {1: "居民分类意识淡薄等问题"})
    assert not result.missed and not result.extra
    (group,) = result.groups
    assert group.purity == 1.0 and group.name_kind_ok
    assert "居民分类意识淡薄" in group.name_points
    assert result.score == 1.0


def test_wrong_marks_groups_and_names_cost() -> None:
    zhibo = SEED.read_text(encoding="utf-8")
    question = next(q for q in build_questions("zhibo", "", zhibo) if q.kind == "问题")
    items = drill_items(question)
    facts = sorted(i for i, it in enumerate(items) if it.category)
    others = [i for i, it in enumerate(items) if not it.category]
    assert others
    marked = set(facts[:1]) | set(others[:1])
    result = grade_drill(items, marked, dict.fromkeys(marked, 2), {2: "加强宣传的对策"})
    assert result.missed and result.extra == tuple(others[:1])
    (group,) = result.groups
    assert group.purity < 1.0 and not group.name_kind_ok
    assert result.score < 0.6


def test_category_nouns() -> None:
    assert name_category("人才短缺问题") == "问题"
    assert name_category("完善机制的措施") == "对策"
    assert name_category("带动就业的作用") == "成效"
    assert name_category("基层治理") == ""
