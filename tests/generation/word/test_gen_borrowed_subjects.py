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


def test_predicates_asked_of_whom_a_clause_names_are_asked_as_what_to_do() -> None:
    prompt = _prompt("解除居民消费的后顾之忧，让居民敢消费、能消费、愿消费。", "敢消费")
    assert prompt == "解除居民消费的后顾之忧,让居民做到哪三点?"
    prompt = _prompt("相信基层，就要允许基层因地制宜选择路径、调配资源、安排节奏。", "选择路径")
    assert prompt.endswith("允许基层因地制宜做到哪三点?"), prompt


def test_predicates_under_a_condition_are_not_asked_as_what_to_do() -> None:
    prompt = _prompt(
        "实际工作中，若简单以考核代替指导、以留痕代替实绩、以加码代替精准，"
        "就容易导致基层机械执行。",
        "以考核代替指导",
    )
    assert "做到" not in prompt, prompt
