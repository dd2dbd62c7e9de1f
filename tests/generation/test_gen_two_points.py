"""Two-point structures (既……也, 不是……而是, 不仅仅是……更是): both points blanked."""

from __future__ import annotations

import re

from gen_scoring import make

_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _clozes(text: str) -> list[str]:
    return [n.text for n in make(text, "t").notes if n.kind.value == "cloze"]


def test_both_halves_of_a_ji_ye_pair_are_blanked() -> None:
    got = _clozes("干部与网络。\n\n要让更多的干部认识到,网络既是信息传播平台,也是沟通互动渠道。")
    blanks = [_BLANK.findall(t) for t in got]
    assert ["信息传播平台", "沟通互动渠道"] in blanks


def test_the_longest_marker_wins() -> None:
    got = _clozes("带货。\n\n直播带货不仅仅是主播个人的功劳,更是背后团队的努力。")
    blanks = [b for t in got for b in _BLANK.findall(t)]
    assert "主播个人的功劳" in blanks and "背后团队的努力" in blanks
    assert not any(b.startswith("仅") for b in blanks)
