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


def test_people_and_bodies_named_by_role_are_never_blanks() -> None:
    """街道工作人员, 物业公司, 精神疾病患者, 广大基层干部: who acts is no study point
    (rubric GEN); the coined term of the same sentences still is."""
    text = (
        "老旧小区的治理之道\n\n"
        "街道工作人员和物业公司不能采取短效行为,必须推行“楼道议事会”。\n"
        "街道工作人员要会同物业公司,让“楼道议事会”常态化运行。\n"
        "不少精神疾病患者因羞耻感而不及时就医,精神疾病患者需要“心灵驿站”。\n"
        "广大基层干部要依托“楼道议事会”凝聚共识。\n"
    )
    blanks = _blanks(text)
    assert any("楼道议事会" in b for b in blanks), blanks
    assert not {"街道工作人员", "物业公司", "精神疾病患者", "广大基层干部"} & set(blanks), blanks


def test_a_topic_joined_by_a_sign_is_the_topic() -> None:
    """互联网+ and 互联网+社会治理 in an article titled on 互联网+社会治理 are its topic;
    互联网+政务, a new field, is a term."""
    text = (
        "互联网+推动社会治理创新\n\n"
        "一、“互联网+”促使公共服务高效化\n"
        "“互联网+社会治理”是与时俱进的必然选择,“互联网+政务”让办事更方便。\n"
        "“互联网+”为社会治理注入新动能,让社会治理更高效。\n"
        "二、“互联网+”促使社会治理民主化\n"
        "推进“互联网+社会治理”,关键在于打破“数据孤岛”,让社会治理更精准。\n"
    )
    blanks = _blanks(text)
    assert not {"互联网+", "互联网+社会治理"} & set(blanks), blanks
    assert "互联网+政务" in blanks, blanks


def test_a_plain_noun_with_a_sign_before_the_topic_is_a_term() -> None:
    """互联网+基层治理 in an article on 基层治理: 互联网 is a plain noun, not the topic,
    so the compound names a new approach, a term; 互联网+ alone is the topic only where
    互联网 is."""
    from trainer.generation.detect.keyterms import is_topic

    assert not is_topic("互联网+基层治理", {"基层治理"})
    assert is_topic("互联网+", {"互联网", "社会治理"})
