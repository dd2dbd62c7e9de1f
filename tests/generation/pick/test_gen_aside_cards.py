"""A cloze that asks no point goes, whatever the budget (rubric: LOW, TRIVIAL): a
key-term or claim cloze on a rhetorical question (its answer follows), and a claim
cloze (a point, 既……又) on a background or transition sentence. A blank that stands
on its own (a quoted coined term) keeps its card, and so does a claim cloze on an
argued sentence."""

from __future__ import annotations

from gen_scoring import cloze_card, tidied

from trainer.generation.pick.deck import Made

_TEXT = (
    "一块电子屏，有无资格替老人的药品“站台”？"
    "如今，青禾街道的议事模式已经初步成型。"
    "议事会既要听取居民意见，又要落实整改责任。"
    "谁来守护“数字孤岛”里的老人？"
    "对策：走出惯性思维，密切联系群众。"
)


def _card(sentence: str, blanked: str, rule: str, function: str) -> Made:
    return cloze_card(_TEXT, sentence, blanked, rule, function)


def _kept(*cards: Made) -> list[str]:
    return tidied(_TEXT, *cards)


def test_a_rhetorical_question_makes_no_term_cloze() -> None:
    question = _card("一块电子屏，有无资格替老人的药品“站台”？", "电子屏", "cloze.term", "过渡")
    assert _kept(question) == []


def test_a_claim_cloze_on_a_background_line_goes() -> None:
    status = _card(
        "如今，青禾街道的议事模式已经初步成型。",
        "青禾街道的议事模式已经初步成型",
        "cloze.golden.point",
        "背景",
    )
    assert _kept(status) == []


def test_a_claim_on_an_argued_line_and_a_quoted_term_keep_their_cards() -> None:
    claim = _card(
        "议事会既要听取居民意见，又要落实整改责任。", "又要落实整改责任", "cloze.two_points", "对策"
    )
    quoted = _card("谁来守护“数字孤岛”里的老人？", "数字孤岛", "cloze.term", "问题")
    assert len(_kept(claim, quoted)) == 2


def test_a_claim_on_a_labelled_note_line_keeps_its_card() -> None:
    labelled = _card(
        "对策：走出惯性思维，密切联系群众。", "密切联系群众", "cloze.golden.point", "背景"
    )
    assert len(_kept(labelled)) == 1
