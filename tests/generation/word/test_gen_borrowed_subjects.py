"""A list's question with no subject borrows the one its source names before the
items, and parallel clauses are asked for what they are: outcomes as effects, never
as what to do (rubric: PRM: answerable without the article; a list of effects is not
要做到哪几点)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_TITLE = "守正创新，让改革落地生根\n\n改革进入深水区。"


def _prompt(body: str, first: str) -> str:
    got = _prompts(_TITLE + body + "\n")
    return next(v for k, v in got.items() if first in k)


def test_a_bare_question_borrows_the_body_named_in_the_sentence_before() -> None:
    prompt = _prompt(
        "深圳市积极推进医联体建设。通过专科联盟建立胸痛中心、卒中中心、创伤中心。", "胸痛中心"
    )
    assert prompt == "深圳市通过专科联盟建立哪三项?"


def test_a_bare_question_borrows_no_heading_or_topic() -> None:
    prompt = _prompt("人才队伍建设。通过专科联盟建立胸痛中心、卒中中心、创伤中心。", "胸痛中心")
    assert prompt == "通过专科联盟建立哪三项?"


def test_parallel_outcomes_are_asked_as_effects() -> None:
    prompt = _prompt("唯有心态归零，方可不被外界所左右，方能坚守内心的宁静，方能走得更远。", "方可")
    assert "做到" not in prompt
    assert prompt == "心态归零有哪三点作用?"
