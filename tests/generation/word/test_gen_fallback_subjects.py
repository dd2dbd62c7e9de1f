"""A list whose lead-in names nothing to ask it by is asked of the article's subject
with the category its function gives, never by punctuation, a quoted sentence or a
statement that opens on a pronoun or its own subject (rubric: PRM, BROKEN)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_SLOGAN = "守正创新，让执法更有温度\n\n"
"""A title that is a slogan: the lead-in is all a prompt could be asked by."""
_ITEMS = "\n\n一是完善值班制度；二是健全应急预案；三是加强人员培训。"
_CASES = "\n\n一是小赵在晨会上必问变更单；二是李主任的手机开着报警音量；三是小方的白板上贴着便签。"


def test_a_quoted_sentence_is_no_subject() -> None:
    got = _prompts("政务云运维的日常\n\n运维人员这样说：“平时的精力都用于防备洪水。”" + _CASES)
    assert got["小赵在晨会上必问变更单"] == "关于政务云运维的日常,文中列举了哪三个方面?", got


def test_punctuation_alone_is_no_subject() -> None:
    got = _prompts('政务云运维的日常\n\n"' + _CASES)
    assert got["小赵在晨会上必问变更单"] == "关于政务云运维的日常,文中列举了哪三个方面?", got


def test_a_statement_opening_on_a_pronoun_is_no_subject() -> None:
    got = _prompts(_SLOGAN + "其中蕴藏的发展潜力不容小觑。" + _ITEMS)
    assert "小觑" not in got["完善值班制度"], got
    assert got["完善值班制度"].endswith("对策有哪三条?"), got


def test_a_statement_with_its_own_subject_is_no_subject() -> None:
    got = _prompts(_SLOGAN + "当地群众也能分享发展红利。" + _ITEMS)
    assert "红利" not in got["完善值班制度"], got
    assert got["完善值班制度"].endswith("对策有哪三条?"), got


def test_a_call_that_opens_on_its_verb_still_asks_the_list() -> None:
    got = _prompts(_SLOGAN + "要激发制度化推进的效能。" + _ITEMS)
    assert got["完善值班制度"].startswith("要激发制度化推进的效能,"), got
