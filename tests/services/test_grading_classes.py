"""The tally of the grader's disagreements by class (bench.grading_classes), on made-up answers."""

from __future__ import annotations

from bench.grading_classes import classify, items

POINT = "完善社区服务：增设便民窗口，组织志愿者上门帮办"


def test_a_half_point_marked_recalled_is_half_as_hit() -> None:
    assert classify("partial", "hit", "1.增设便民窗口", "增设便民窗口", POINT, "") == "half as hit"


def test_short_items_marked_lower_are_terse() -> None:
    typed = "1.社区服务 2.窗口 3.帮办"
    assert classify("hit", "partial", typed, "社区服务", POINT, "") == "terse"


def test_a_numbered_item_in_other_words_is_a_paraphrase() -> None:
    typed = "1.让社区里办事的地方更方便居民 2.请热心的年轻人到家里帮着办手续"
    assert classify("hit", "missed", typed, "", POINT, "") == "paraphrase"


def test_narration_without_items_is_prose() -> None:
    typed = (
        "我觉得社区应该把服务做得更好一些，比如多开几个办事的地方，"
        "还可以让年轻人到老人家里去帮他们把手续办了，这样大家都方便"
    )
    assert classify("hit", "missed", typed, "", POINT, "") == "prose"


def test_a_credited_point_the_answer_lacks() -> None:
    assert classify("missed", "partial", "1.加强宣传", "加强宣传", POINT, "") == "absent credited"
    note = "写反了"
    assert classify("missed", "hit", "1.撤销窗口", "撤销窗口", POINT, note) == "antonym"
    note = "帮办不是代办"
    assert classify("missed", "hit", "1.代办", "代办", POINT, note) == "wrong term"
    assert classify("missed", "hit", "1.不设窗口", "不设窗口", POINT, "") == "negation"


def test_items_split_at_numbering_and_separators() -> None:
    assert items("1.甲乙 2.丙丁；戊己\n庚") == ["甲乙", "丙丁", "戊己", "庚"]
    assert items("①甲②乙") == ["甲", "乙"]
