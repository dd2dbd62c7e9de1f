"""Typed-answer grading: normalisation, list matching in any order, partial credit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.domain.model import Note, NoteKind, Rating
from trainer.services.grading import (
    DiffKind,
    Mark,
    char_diff,
    expected_points,
    grade,
    grade_note,
    normalize,
    overlap,
    split_items,
)

ITEMS = ["真经念歪", "赶鸭子上架", "成本转嫁"]


def test_normalize_folds_width_punctuation_and_space() -> None:
    assert normalize("“真经念歪”，") == "真经念歪"
    assert normalize("ＡＢＣ　１２３") == "abc123"
    assert normalize(" a b\tc\n") == "abc"
    assert normalize("（一）成本，转嫁。") == "一成本转嫁"


def test_split_items_on_separators_and_numbering() -> None:
    assert split_items("1. 真经念歪\n2、赶鸭子上架；成本转嫁") == ITEMS
    assert split_items("其一，真经念歪") == ["真经念歪"]
    assert split_items("  ") == []


def test_all_items_any_order_is_good() -> None:
    g = grade(ITEMS, "成本转嫁\n真经念歪\n赶鸭子上架")
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 3
    assert g.suggested is Rating.GOOD
    assert g.coverage == 1.0


def test_full_width_and_punctuation_do_not_matter() -> None:
    g = grade(["ＡＰＰ监管"], "app 监管。")
    assert g.points[0].mark is Mark.RECALLED


def test_partial_and_missed_points() -> None:
    g = grade(ITEMS, "真经念歪；赶鸭子")
    marks = [p.mark for p in g.points]
    assert marks[0] is Mark.RECALLED
    assert marks[1] is Mark.PARTIAL
    assert marks[2] is Mark.MISSED
    assert g.suggested is Rating.HARD


def test_few_points_is_again() -> None:
    g = grade(ITEMS, "不知道")
    assert g.suggested is Rating.AGAIN
    assert all(p.mark is Mark.MISSED for p in g.points)


def test_points_typed_on_one_line() -> None:
    g = grade(ITEMS, "真经念歪 赶鸭子上架 成本转嫁")
    assert g.suggested is Rating.GOOD


def test_each_item_used_once() -> None:
    g = grade(["提高效率", "提高质量"], "提高效率")
    assert [p.mark for p in g.points].count(Mark.RECALLED) == 1


def test_char_diff_short_answer() -> None:
    diff = char_diff("数字竞赛", "数学竞赛")
    assert (DiffKind.SAME, "数") in diff
    assert (DiffKind.MISSING, "字") in diff
    assert (DiffKind.EXTRA, "学") in diff
    g = grade(["数字竞赛"], "数学竞赛")
    assert g.diff == diff


def test_expected_points_by_kind() -> None:
    lst = Note("g1", NoteKind.LIST, prompt="p", items=tuple(ITEMS))
    assert expected_points(lst) == ITEMS
    cz = Note("g2", NoteKind.CLOZE, text="把直播变成{{c1::魅力秀场}}和{{c2::数字竞赛::比}}")
    assert expected_points(cz, 2) == ["数字竞赛"]
    long = "第一句话说明了很多问题而且很长很长很长很长很长。第二句话也是很长很长很长很长很长很长很长很长。"
    qa = Note("g3", NoteKind.QA, prompt="p", answer=long)
    assert len(expected_points(qa)) == 2
    assert grade_note(Note("g4", NoteKind.QA, answer="答案"), 0, "答案").suggested is Rating.GOOD


def test_no_points_is_good() -> None:
    assert grade([], "x").suggested is Rating.GOOD


@given(st.text(max_size=30))
def test_exact_answer_is_always_recalled(text: str) -> None:
    if not normalize(text):
        return
    g = grade([text], text)
    assert g.points[0].mark is Mark.RECALLED
    assert g.suggested is Rating.GOOD


@given(st.text(max_size=20), st.text(max_size=20))
def test_overlap_is_a_share(a: str, b: str) -> None:
    assert 0.0 <= overlap(a, b) <= 1.0
    g = grade([a, b], b + "\n" + a)
    assert 0.0 <= g.coverage <= 1.0


def test_half_remembered_phrase_is_partly_recalled() -> None:
    from trainer.services.grading import Mark, grade

    result = grade(["真经念歪", "赶鸭子上架", "成本转嫁"], "真经念歪 赶鸭子 成本")
    assert [p.mark for p in result.points] == [Mark.RECALLED, Mark.PARTIAL, Mark.PARTIAL]
