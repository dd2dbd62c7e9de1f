"""A list's question cut from its sentence after the subject opens on a link word
(``就必须建设一支哪三项的……?``, ``也就没有办法哪三项?``, ``于是,……``): the link word
and the clauses before the asking one go, and the sentence's subject, else the
article's, stands before it; a question whose own first clause names what it is about
stays as it is. Rubric: PRM (a garbled fragment as the prompt's subject)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_TITLE = "推动社区养老服务提质增效\n\n"


def _prompt(text: str, first: str) -> str:
    got = _prompts(_TITLE + text)
    return next(v for k, v in got.items() if first in k)


def test_a_frame_after_a_link_word_takes_the_sentence_subject() -> None:
    prompt = _prompt(
        "社区养老服务要走在前列，就必须建设一支规模宏大、结构合理、素质优良的护理人员队伍。\n",
        "规模宏大",
    )
    assert prompt.startswith("社区养老服务必须建设一支哪三"), prompt


def test_a_question_never_opens_on_a_dangling_link_word() -> None:
    prompt = _prompt(
        "老年人口数量持续上升，也就没有办法赢得主动、赢得优势、赢得未来。\n", "赢得主动"
    )
    question = prompt.rpartition(":")[2]
    assert not question.startswith(("也", "就")), prompt


def test_a_connective_clause_before_the_question_goes() -> None:
    prompt = _prompt(
        "养老服务人才短缺。于是，街道召集社区党支部、居委会、物业和养老机构共商对策。\n",
        "党支部",
    )
    assert prompt.startswith("街道召集"), prompt


def test_a_question_whose_first_clause_names_its_subject_stays() -> None:
    prompt = _prompt(
        "一个社区仅有七八名工作人员，却承担着人口统计、社会救助、综合治理等工作。\n",
        "人口统计",
    )
    assert "一个社区" in prompt, prompt


def test_a_clause_before_a_question_that_names_nothing_loses_its_link_word() -> None:
    prompt = _prompt(
        "养老服务体系日趋完善，也要注意补齐失能老人的照护短板：护理床位要增加，"
        "护理人员要培训，长期护理保险要完善。\n",
        "护理床位",
    )
    assert prompt.startswith("要注意补齐失能老人的照护短板"), prompt
