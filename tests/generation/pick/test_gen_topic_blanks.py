"""Blanks never fall on the article's topic, generic actors or connectives (rubric: GEN)."""

from __future__ import annotations

import re

from gen_scoring import make, seed_text

_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _blanks(text: str) -> list[str]:
    made = make(text, "t")
    return [b for n in made.notes if n.kind.value == "cloze" for b in _BLANK.findall(n.text)]


def test_the_seed_never_blanks_its_topic_or_generic_actors() -> None:
    blanks = set(_blanks(seed_text()))
    assert not blanks & {
        "直播带货",
        "领导干部",
        "基层干部",
        "消费者",
        "直播间",
        "农产品",
        "干部直播",
    }


ARTICLE = """网络直播的治理之道

近年来,网络直播快速发展,网络直播行业却乱象频出。网络直播平台要落实主体责任,
网络直播从业者要守住底线。总的来看,网络直播既要“放得活”,也要“管得住”。

网络直播不是法外之地。对网络直播中的虚假宣传,要建立长效监管机制。

规范网络直播,关键在于压实平台的主体责任。网络直播健康发展,离不开全社会共同参与。
"""


def test_a_topic_in_every_paragraph_is_never_a_blank() -> None:
    blanks = _blanks(ARTICLE)
    assert blanks
    assert not any(b in {"网络直播", "直播", "网络"} for b in blanks), blanks
    assert "总的来看" not in blanks and "近年来" not in blanks


def test_a_quoted_coined_term_named_once_is_blanked() -> None:
    blanks = _blanks(seed_text())
    assert "魅力秀场" in blanks or "新基建" in blanks


def test_place_names_are_never_key_terms() -> None:
    from trainer.generation.detect.keyterms import place_name

    assert place_name("青禾镇调节服务")
    assert place_name("石岭县")
    assert not place_name("乡村振兴")
    assert not place_name("县域经济")
    assert not place_name("城乡融合")


def test_a_standard_phrase_made_of_the_topic_words_is_the_topic() -> None:
    """数字技术 is one word to the segmenter (a 规范表述), but in an article on 数字技术
    it is the topic: 数字 + 技术."""
    from trainer.generation.detect.keyterms import is_topic

    assert is_topic("数字技术", {"数字", "技术", "城市"})
    assert not is_topic("数字技术", {"直播", "带货"})
    assert not is_topic("数字赋能城市治理", {"数字", "城市"})
    assert not is_topic("平台经济", {"骑手", "外卖"})  # two generic halves, neither the topic
    # a banner naming two topic phrases, one of them cut into characters by the segmenter
    assert is_topic("食品安全你送我检", {"食品安全", "你送我检"})


def test_words_of_degree_and_scope_are_never_blanks() -> None:
    """方方面面, 越来越 (``data/connectives.txt``): a student cannot recall them as content."""
    text = (
        "文明城市的创建之道\n\n"
        "城市的文明体现在方方面面,只有方方面面都达到了要求,才会步入文明之列。\n"
        "市民的文明素养越来越高,城市的治理能力越来越强。\n"
        "创建文明城市不能搞运动式突击,要建立长效机制。\n"
    )
    blanks = _blanks(text)
    assert not {"方方面面", "越来越"} & set(blanks), blanks
