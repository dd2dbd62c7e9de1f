"""A full card gives its weakest blank up to a 规范表述 its sentence holds (rubric: KEY)."""

from __future__ import annotations

from trainer.generation.pick.clozes import Cloze, _swap
from trainer.generation.text import Span

SENTENCE = "各地坚持包容审慎原则,把个人信息保护放在突出位置,守住成千上万用户的数字安全。"


def _span(sentence: str, word: str) -> Span:
    at = sentence.index(word)
    return Span(word, at, at + len(word))


def _card(sentence: str, blanks: list[str], rule: str = "term") -> Cloze:
    return Cloze(
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        1,
        Span(sentence, 0, len(sentence)),
        tuple(_span(sentence, b) for b in blanks),
        "term",
        rule,
    )


def test_a_named_term_takes_the_place_of_a_side_word() -> None:
    out = [_card(SENTENCE, ["个人信息保护", "成千上万", "突出位置"])]
    scores = {"个人信息保护": 3.0, "成千上万": 1.0, "突出位置": 2.0}
    assert _swap(out, "包容审慎", {**scores, "包容审慎": 4.0})
    assert [b.text for b in out[0].blanks] == ["包容审慎", "个人信息保护", "突出位置"]


def test_a_card_of_names_keeps_them() -> None:
    sentence = (
        "从最多跑一次到一网通办、一网统管,再到接诉即办,改革走深走实,服务越来越贴近群众的需要。"
    )
    out = [_card(sentence, ["最多跑一次", "一网通办", "一网统管"])]
    assert not _swap(out, "接诉即办", {"接诉即办": 4.0})


def test_a_couplet_keeps_its_own_halves() -> None:
    out = [_card(SENTENCE, ["个人信息保护", "成千上万", "突出位置"], rule="golden.couplet")]
    assert not _swap(out, "包容审慎", {"包容审慎": 4.0})


def test_a_side_word_ranked_above_the_name_stays() -> None:
    out = [_card(SENTENCE, ["个人信息保护", "成千上万", "突出位置"])]
    scores = {"个人信息保护": 3.0, "成千上万": 2.0, "突出位置": 2.0, "包容审慎": 1.0}
    assert not _swap(out, "包容审慎", scores)


def test_a_saying_with_a_longer_term_leaves_a_side_pair_visible() -> None:
    from trainer.generation.detect.golden import Golden
    from trainer.generation.pick.clozes import _golden_blanks

    sentence = "只有把网红流量转化为乡村振兴的持久动力,数字乡村建设才能行稳致远。"
    g = Golden(Span(sentence, 0, len(sentence)), "pattern", ())
    blanks = _golden_blanks(g, {"网红": 6.0, "数字乡村建设": 5.0}, set())
    assert [b.text for b in blanks] == ["数字乡村建设"]


LONG = "各地坚持包容审慎原则,把数据分类分级管理放在突出位置,守住用户的数字安全。"


def test_a_standard_phrase_takes_the_place_of_a_long_unranked_name() -> None:
    # 数据分类分级管理 is long, yet neither a 规范表述 nor quoted: ranked below the standard
    # phrase, it gives way (the study point never stays in view beside it).
    out = [_card(LONG, ["数据分类分级管理", "突出位置", "数字安全"])]
    scores = {"数据分类分级管理": 1.0, "突出位置": 2.0, "数字安全": 3.0, "包容审慎": 4.0}
    assert _swap(out, "包容审慎", scores)
    assert [b.text for b in out[0].blanks] == ["包容审慎", "突出位置", "数字安全"]


def test_a_lead_in_standard_phrase_leaves_a_long_name() -> None:
    # 多措并举 only leads a point in: no study point of its own.
    sentence = "各地多措并举,把数据分类分级管理放在突出位置,守住用户的数字安全。"
    out = [_card(sentence, ["数据分类分级管理", "突出位置", "数字安全"])]
    scores = {"数据分类分级管理": 1.0, "突出位置": 5.0, "数字安全": 5.0, "多措并举": 4.0}
    assert not _swap(out, "多措并举", scores)


def test_a_short_standard_phrase_leaves_a_long_name() -> None:
    sentence = "各地补齐短板,把数据分类分级管理放在突出位置,守住用户的数字安全。"
    out = [_card(sentence, ["数据分类分级管理", "突出位置", "数字安全"])]
    scores = {"数据分类分级管理": 1.0, "突出位置": 5.0, "数字安全": 5.0, "短板": 4.0}
    assert not _swap(out, "短板", scores)
