"""A cloze blank is trimmed to the phrase it holds, not dropped with its card: the
words that lead on past its end stay outside it (最, 无法, 来说, a one-character
complement), and a blank that stops inside its clause after a preposition or a
modal keeps its longest part that is a phrase (rubric: CUT). Made-up texts."""

from __future__ import annotations

from trainer.generation.pick.clozes import _phrases, phrase_blank
from trainer.generation.text import Span


def _trim(sentence: str, blank: str) -> str | None:
    at = sentence.index(blank)
    got = phrase_blank(Span(sentence, 0, len(sentence)), Span(blank, at, at + len(blank)))
    if got is not None:
        assert sentence[got.start : got.end] == got.text
    return None if got is None else got.text


def test_a_blank_closing_on_a_word_that_leads_on_is_trimmed_to_its_phrase() -> None:
    assert _trim("村里的合作社最懂农户需求。", "合作社最") == "合作社"
    assert _trim("数据孤岛无法一夜打通。", "数据孤岛无法") == "数据孤岛"
    assert _trim("对留守老人来说，助餐点很重要。", "留守老人来说") == "留守老人"


def test_a_one_character_complement_is_left_outside() -> None:
    assert _trim("要宽容先行先试出的错。", "先行先试出") == "先行先试"


def test_a_blank_that_stops_after_a_preposition_keeps_its_longest_phrase() -> None:
    assert _trim("小微企业因自身资金有限而停工。", "小微企业因自身资金") == "小微企业"


def test_a_blank_that_is_a_phrase_is_left_as_it_is() -> None:
    assert _trim("坚持以人民为中心的发展思想。", "以人民为中心") == "以人民为中心"
    assert _trim("推进乡村全面振兴。", "乡村全面振兴") == "乡村全面振兴"


def test_a_card_keeps_its_blanks_when_none_is_a_phrase() -> None:
    """No part of {人开始意识}到 is a blank of its own: the card is not emptied."""
    text = "越来越多的人开始意识到问题。"
    at = text.index("人开始意识")
    blank = Span("人开始意识", at, at + 5)
    sentence = Span(text, 0, len(text))
    assert phrase_blank(sentence, blank) is None
    assert _phrases(sentence, [blank]) == [blank]


def test_a_line_that_runs_to_the_end_of_its_clause_is_kept_whole() -> None:
    """A maxim's clause may end on a one-character verb or an adverb the dictionary
    tags so (一任接着一任干, 耳听不一定为真): nothing past it is left to cut."""
    assert _trim("一张蓝图绘到底，一任接着一任干。", "一任接着一任干") == "一任接着一任干"
    assert _trim("眼见不一定为实，耳听不一定为真。", "耳听不一定为真") == "耳听不一定为真"


def test_a_blank_holding_quotation_marks_is_left_as_it_is() -> None:
    text = "新时代文艺，“出新”更要“出彩”。"
    assert _trim(text, "“出新”更要“出彩”") == "“出新”更要“出彩”"


def test_a_one_character_modal_before_one_character_is_a_word_cut_apart() -> None:
    """乡土|能|人: 能人 is the head, not a modal leading on."""
    assert _trim("让乡土能人把经验传下去。", "乡土能人") == "乡土能人"


def test_a_word_before_de_is_no_adverb_whatever_its_tag() -> None:
    """The dictionary tags 立法 an adverb; before 的 it closes an attribute."""
    assert _trim("要坚持公正立法的方向。", "公正立法") == "公正立法"
