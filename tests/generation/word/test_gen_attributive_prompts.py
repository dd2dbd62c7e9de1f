"""A series closing a 的-phrase that stands for those it names (``对不敢担当、作风飘浮、
落实不力的,要严肃问责``) is never asked as ``对哪三项的?`` (the series cut out at 的, a
question that asks nothing): the question takes the clause after the phrase, else names
the article's topic. A series before its noun (``坚持……的服务理念``) keeps its wording.
Rubric: PRM (the series slot replaced by 哪N项 so the question no longer reads)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

from trainer.generation.text import fold

_TITLE = "推动社区养老服务提质增效\n\n"


def _prompt(text: str, first: str) -> str:
    got = _prompts(_TITLE + text)
    return fold(next(v for k, v in got.items() if first in k))


def test_a_series_closing_a_de_phrase_asks_by_the_clause_after_it() -> None:
    prompt = _prompt(
        "养老服务监管要动真格。对虐待老人、克扣伙食、漏报事故的，要严肃问责。\n",
        "虐待老人",
    )
    assert not prompt.endswith("的?"), prompt
    assert "要严肃问责?" in prompt, prompt
    assert "哪三" in prompt, prompt


def test_a_series_before_its_noun_keeps_its_wording() -> None:
    prompt = _prompt(
        "养老机构要坚持安全、便捷、温馨、实惠的服务理念，让老人住得放心。\n",
        "安全",
    )
    assert prompt == "养老机构要坚持哪四项的服务理念?", prompt


def test_a_de_phrase_with_no_clause_after_it_names_the_topic() -> None:
    prompt = _prompt("对虐待老人、克扣伙食、漏报事故的。\n", "虐待老人")
    assert prompt == "关于推动社区养老服务提质增效,文中列举了哪三点?", prompt
