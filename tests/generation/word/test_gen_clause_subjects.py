"""A list's question whose frame opens with an adverb or a modal before its verb
(``还可能面临``, ``特别是要重点提升``) takes the subject of the nearest clause before
it in the sentence (``技术薄弱的地区``, ``基层干部``), not the sentence's first
subject nor none; a bare count after a verb whose items are things names them as
aspects (``加强哪四个方面``). Rubric: PRM (a prompt without a subject or category)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_TITLE = "推动数字乡村建设走深走实\n\n"


def _prompt(text: str, first: str) -> str:
    got = _prompts(_TITLE + text)
    return next(v for k, v in got.items() if first in k)


def test_an_adverb_led_frame_takes_the_nearest_clause_subject() -> None:
    prompt = _prompt(
        "数字技术发达的城市能够率先获得发展红利，而技术基础薄弱的地区不仅难以分享成果，"
        "还可能面临产业外迁、岗位流失和人才外流等多重压力。\n",
        "产业外迁",
    )
    assert prompt.startswith("技术基础薄弱的地区还可能面临哪三"), prompt


def test_a_modal_led_frame_takes_the_subject_of_its_sentence() -> None:
    prompt = _prompt(
        "乡村干部需要加强学习，特别是要重点提升政策把握、群众工作、依法办事、应急处变的能力。\n",
        "政策把握",
    )
    assert prompt.startswith("乡村干部"), prompt
    assert "哪四" in prompt, prompt


def test_a_frame_after_a_pronoun_keeps_no_pronoun_subject() -> None:
    prompt = _prompt(
        "他们以体验查问题，以监督促整改，参与事前评估、事中指导、事后验收。\n",
        "事前评估",
    )
    assert not prompt.startswith("他们"), prompt


def test_a_bare_count_after_a_verb_names_its_noun_items_as_aspects() -> None:
    prompt = _prompt(
        "数字乡村建设要守住底线，加强政策沟通、标准互认、风险预警和应急协作，让规则管得住风险。\n",
        "政策沟通",
    )
    assert "加强哪四个方面" in prompt, prompt


def test_a_bare_count_after_a_verb_and_an_owner_names_aspects() -> None:
    prompt = _prompt(
        "这份规划深刻阐明了数字乡村的发展方向、资金来源、人才队伍。\n",
        "发展方向",
    )
    assert "阐明了数字乡村的哪三个方面" in prompt, prompt


def test_things_after_an_owner_with_a_qualifier_are_aspects_too() -> None:
    prompt = _prompt(
        "新的制度安排为数字乡村提供了更为完善的制度保证、更为坚实的物质基础、更为主动的精神力量。\n",
        "制度保证",
    )
    assert "提供了哪三个方面" in prompt, prompt
