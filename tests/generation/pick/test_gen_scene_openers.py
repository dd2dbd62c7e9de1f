"""A background or evidence sentence that opens on the scene of a story (近日，……; 走进
车间，……; 眼下，……: ``data/case_marks.txt``, scene) tells a case, not a point: its
key-term and series clozes go (rubric: LOW). The same opening on a sentence that does
something in the argument (对策) keeps its card, and so does a quoted coined term."""

from __future__ import annotations

from gen_scoring import cloze_card, tidied

from trainer.generation.pick.deck import Made

_TEXT = (
    "Q 县是一座山区小城。"
    "走进加工车间，成箱的脐橙在分拣线上码放整齐。"
    "眼下，一座集冷库、电商中心、物流站于一体的产业园正在建设。"
    "近日，Q 县推出了“橙心办”服务。"
    "眼下，Q 县要加快补齐冷链物流短板。"
)


def _card(sentence: str, blanked: str, rule: str = "cloze.term", function: str = "论据") -> Made:
    return cloze_card(_TEXT, sentence, blanked, rule, function)


def test_a_scene_of_a_story_makes_no_cloze() -> None:
    workshop = _card("走进加工车间，成箱的脐橙在分拣线上码放整齐。", "分拣线")
    park = _card(
        "眼下，一座集冷库、电商中心、物流站于一体的产业园正在建设。",
        "电商中心",
        "cloze.series",
        "背景",
    )
    assert tidied(_TEXT, workshop, park) == []


def test_a_measure_and_a_quoted_term_keep_their_cards() -> None:
    quoted = _card("近日，Q 县推出了“橙心办”服务。", "橙心办", function="背景")
    measure = _card("眼下，Q 县要加快补齐冷链物流短板。", "冷链物流", function="对策")
    assert len(tidied(_TEXT, quoted, measure)) == 2
