"""The learned point model of the grader (issue 19): its file, what it may
change and what stays the rules'."""

from __future__ import annotations

import pytest

from trainer.domain.model import Rating
from trainer.services.grading import Mark, grade, learned, point_features


def marks(points: list[str], typed: str, **kw: object) -> list[Mark]:
    return [p.mark for p in grade(points, typed, **kw).points]  # type: ignore[arg-type]


def test_the_shipped_model_names_every_feature_in_order() -> None:
    model = learned.shipped()
    assert model is not None
    assert len(model.weights) == len(learned.FEATURES)
    text = learned.dump(model, "header")
    again = learned.parse(text).weights
    for row, other in zip(again, model.weights, strict=True):
        assert row == pytest.approx(other, abs=1e-6)


def test_a_bad_model_file_names_the_line() -> None:
    good = learned.dump(learned.Model(tuple((0.0, 0.0, 0.0) for _ in learned.FEATURES)))
    with pytest.raises(ValueError, match=r"m\.txt:2: expected a feature and 3 weights"):
        learned.parse(good.replace("bias 0.000000 0.000000 0.000000", "bias 1 2"), "m.txt")
    with pytest.raises(ValueError, match="not a number"):
        learned.parse(good.replace("bias 0.000000", "bias x"), "m.txt")
    with pytest.raises(ValueError, match="features"):
        learned.parse(good.replace("bias", "bios"), "m.txt")


def test_one_row_of_features_per_point() -> None:
    rows = point_features(["提升认知", "强化培训"], "1. 提升认知 2. 加强培训")
    assert [len(r) for r in rows] == [len(learned.FEATURES)] * 2
    assert point_features([], "anything") == []


def test_without_a_model_the_rules_mark() -> None:
    points = ["靠产品质量说话", "成本转嫁", "真经念歪"]
    typed = "产品质量，成本转移，经念歪了"
    with learned.using(None):
        ruled = grade(points, typed)
    assert ruled == grade(points, typed, use_model=False)


def test_a_point_typed_word_for_word_stays_recalled_and_exact() -> None:
    g = grade(["成本转嫁", "提升认知，扩大融入面"], "成本转嫁；提升认知，扩大融入面", seconds=5)
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 2
    assert all(p.exact for p in g.points)
    assert g.suggested is Rating.EASY


def test_negation_and_opposites_still_turn_a_point_round() -> None:
    assert marks(["激励保障机制不健全"], "激励保障机制健全") == [Mark.MISSED]
    assert marks(["产品注重适老化"], "产品忽视了适老化") == [Mark.MISSED]


def test_a_different_term_sharing_characters_stays_missed() -> None:
    p = grade(["成本转嫁"], "成本摊派").points[0]
    assert p.mark is Mark.MISSED and p.why == "different term"


def test_only_the_kind_of_thing_named_stays_as_the_rules_mark_it() -> None:
    assert marks(["加强食品安全管理"], "加强管理") == [Mark.MISSED]
    assert marks(["培育“田秀才”"], "培育人才") == [Mark.PARTIAL]


def test_strict_mode_is_the_rules_alone() -> None:
    points = ["提升认知", "强化培训"]
    for typed in ["提升认识，加强培训", "提升认知，强化培训", "提高认知"]:
        assert grade(points, typed, strict=True) == grade(
            points, typed, strict=True, use_model=False
        )
    assert marks(points, "提升认识，加强培训", strict=True) != [Mark.RECALLED] * 2


def test_traditional_characters_any_order_and_numbering_are_still_read() -> None:
    points = ["提升認知", "強化培訓", "成本转嫁"]
    for typed in ["①成本轉嫁 ②提升認知 ③強化培訓", "一是强化培训；二是成本转嫁；三是提升认知"]:
        assert marks(points, typed) == [Mark.RECALLED] * 3


def test_a_word_of_a_two_word_term_stays_half_right() -> None:
    # 赶鸭子 of 赶鸭子上架, typed run on after another point: the rules' ◐ is
    # the least the model may give (the tutors give it ◐ or ✓).
    points = ["真经念歪", "赶鸭子上架", "成本转嫁"]
    got = grade(points, "真经念歪赶鸭子", prompt="哪三种乱象？")
    assert [p.mark for p in got.points] == [Mark.RECALLED, Mark.PARTIAL, Mark.MISSED]
    assert got.suggested is Rating.HARD


def test_a_word_changed_in_a_near_copy_of_a_clause_is_half_right_at_most() -> None:
    # The model may take a clause said in other words as the point, but one
    # word put in another's place in a copy of a clause is another measure.
    point = ["组建乡村旅游公司，借力社会资本解决资金问题"]
    p = grade(point, "组建乡村物流公司").points[0]
    assert p.mark is not Mark.RECALLED and p.why == "different word"
    assert marks(point, "组建乡村旅游公司") == [Mark.RECALLED]
    # Nor does a word the rules fail turn into the point.
    assert marks(["靠产品质量说话"], "靠主播的说学逗唱") == [Mark.MISSED]


def test_the_model_reads_how_much_of_a_span_is_the_points_words() -> None:
    at = learned.FEATURES.index("span_explained")
    own = point_features(["完善养老服务体系"], "完善养老服务体系")[0][at]
    retold = point_features(["完善养老服务体系"], "社区多办几家养老食堂和日间照料站")[0][at]
    assert own == pytest.approx(1.0)
    assert 0.0 < retold < 0.5
    # A label's word (whom the point is about) typed alone explains nothing.
    label = point_features(["对商户：缺乏统一规划，经营秩序混乱"], "对商户")[0][at]
    assert label == 0.0


def test_the_model_reads_how_terse_the_whole_answer_is() -> None:
    at = learned.FEATURES.index("answer_brevity")
    points = ["加强组织领导：成立工作专班", "加大资金投入：设立专项基金"]
    terse = point_features(points, "组织领导 资金投入")[0][at]
    full = point_features(points, "加强组织领导，成立工作专班；加大资金投入，设立专项基金")[0][at]
    long = point_features(points, "加强组织领导，成立工作专班；" * 4)[0][at]
    assert terse < full < long
    assert full == pytest.approx(0.5)
    assert long == pytest.approx(1.0)


def test_a_point_from_a_pdf_with_radicals_is_matched_by_plain_characters() -> None:
    # 居⺠ (U+2EA0) on a card made from an extracted exam paper; the learner types 居民.
    points = ["保障居⺠权益", "⻓效机制"]
    assert marks(points, "保障居民权益，建立长效机制") == [Mark.RECALLED] * 2


def test_the_model_reads_no_row_of_a_point_whose_mark_the_rules_keep() -> None:
    # Word for word and a different term: the rules' marks stand, the model
    # is given an empty row for them and marks them as before.
    from trainer.services.grading import _rules

    points = ["成本转嫁", "完善监管机制", "提升认知"]
    typed = "成本转嫁，监管到位，提升了大家的认识"
    ruled = _rules(points, typed, "", False)
    rows = learned.features(ruled.plans, ruled.matches, ruled.results, ruled.parts, every=False)
    assert rows[0] == []
    full = learned.features(ruled.plans, ruled.matches, ruled.results, ruled.parts)
    assert [r for r in rows if r] == [f for f, r in zip(full, rows, strict=True) if r]
    assert learned.revise(rows, ruled.results) == learned.revise(full, ruled.results)
