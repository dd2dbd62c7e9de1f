"""A list's question never takes a title of two phrases as its subject (``“刷单炒信”泛滥，
这病得治的对策有哪三条?``): a slogan is no subject; the title's first phrase is, when
plain, else the lead-in asks (rubric: PRM, title as subject)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts


def _prompt(title: str, lead: str) -> str:
    text = (
        f"{title}\n\n网络刷单屡禁不止，损害了消费者权益。\n\n{lead}"
        "电商平台要升级风控系统；行业协会要制定自律公约；监管部门要全链条追溯资金流向。\n\n"
        "治理刷单，贵在坚持。\n"
    )
    return next(v for k, v in _prompts(text).items() if "电商平台" in k)


def test_a_slogan_title_is_no_subject_of_a_measures_list() -> None:
    prompt = _prompt(
        "“刷单炒信”泛滥，这病得治", "治理刷单炒信这一顽疾有赖于各方主体共同发力并形成长效机制。"
    )
    assert "这病得治" not in prompt, prompt
    assert "对策" in prompt, prompt


def test_a_plain_first_phrase_of_the_title_is_the_subject() -> None:
    prompt = _prompt(
        "整治网络刷单乱象，护航数字消费",
        "治理刷单炒信这一顽疾有赖于各方主体共同发力并形成长效机制。",
    )
    assert prompt.startswith("整治网络刷单乱象的对策有哪三条"), prompt
