"""A list's question takes its subject from the list's own sentence: a 唯有/只有 series
asks what the outcome after 才 needs, and a series that opens its sentence with no
lead-in is asked by the clause it leads into, never by the article's title
(rubric: PRM)."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_TITLE = "以改革之力激发创新之源\n\n"


def test_an_only_if_series_asks_what_the_outcome_needs() -> None:
    got = _prompts(
        _TITLE + "改革进入深水区。实践告诉我们，唯有坚持问题导向，加快制度创新步伐，"
        "加快培育创新人才，地方经济才能在转型升级中赢得先机。\n"
    )
    prompt = next(v for k, v in got.items() if "问题导向" in k)
    assert "唯有的" not in prompt, got
    assert prompt == "地方经济要在转型升级中赢得先机,唯有做到哪三点?", got


def test_a_series_opening_its_sentence_is_not_asked_by_the_title() -> None:
    got = _prompts(
        _TITLE + "改革进入深水区，成效日益显现。\n\n推动高水平开放、创造高品质服务、"
        "促进高效率监管，开放合作、共享发展理念日益深入人心。\n"
    )
    prompt = next(v for k, v in got.items() if "高水平开放" in k)
    assert not prompt.startswith("以改革之力"), got
    assert prompt == "“……,开放合作、共享发展理念日益深入人心”,文中列举了哪三点?", got
