"""What a cloze may hide: the candidate key terms the rules find in 申论 wording.

Each test is a made-up text holding one kind of term a tutor blanks and the rules
used to miss (issue 11: the candidate set, not the choice among candidates, held
key-term recall down)."""

from __future__ import annotations

import re

from trainer.domain.model import Article
from trainer.generation import generate
from trainer.generation.detect.keyterms import rank_terms
from trainer.generation.memo import one_article
from trainer.generation.split.words import tokens


def _terms(sentences: list[str], title: str = "") -> list[str]:
    with one_article():
        token_lists = [[w for w, _ in tokens(s)] for s in sentences]
        text = "\n".join([title, *sentences])
        return [t.word for t in rank_terms(token_lists, text, title)]


def test_a_term_does_not_take_in_the_verb_before_it() -> None:
    """靠 + 新型举国体制: 靠 stands next to the term each time, yet is a verb, not part
    of the name."""
    sentences = [
        "关键核心技术靠市场换不来,只能靠新型举国体制。",
        "科技强国建设离不开持续投入,这是新的起点。",
    ]
    terms = _terms(sentences)
    assert "新型举国体制" in terms, terms
    assert not any(w.startswith("靠") for w in terms), terms


def test_a_compound_may_open_with_a_word_whose_first_character_is_a_particle() -> None:
    """要素 opens with 要, 对外 with 对: whole words, not the particles they start with."""
    sentences = [
        "推动乡村振兴,资金的要素保障是大家关心的问题。",
        "坚持对外开放格局不动摇。",
    ]
    terms = _terms(sentences)
    assert "要素保障" in terms, terms
    assert "对外开放格局" in terms, terms


def test_a_term_met_once_does_not_grow_into_the_character_before_it() -> None:
    """更多 + 智慧城市建设 cut as 更/多智慧城市建设 once: 多 is no part of the term."""
    from trainer.generation.detect.keyterms import _whole

    text = "相信我们一定能创造更多智慧城市建设的经验,多想办法。"
    singles = {"多", "智", "更"}
    assert _whole("智慧城市建设", text, singles, set()) == "智慧城市建设"
    twice = text + "更多智慧城市建设。"
    assert _whole("智慧城市建设", twice, singles, set()) == "多智慧城市建设"


def test_names_in_straight_quotes_are_quoted_terms() -> None:
    """A plain-text article may quote with "…": "十九连丰" is as coined as “十九连丰”."""
    sentences = [
        '粮食生产实现"十九连丰",中国人的饭碗端得更牢。',
        '科研攻关要实现"从0到1"的突破,多几件"撒手锏"。',
    ]
    terms = _terms(sentences)
    assert {"十九连丰", "从0到1", "撒手锏"} <= set(terms), terms


_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _blanks(text: str, title: str = "") -> list[str]:
    made = generate(Article(text=text, title=title), "t")
    return [b for n in made.notes if n.kind.value == "cloze" for b in _BLANK.findall(n.text)]


def test_national_strategies_named_once_are_blanked() -> None:
    """规范表述 of national policy (``data/guifan.txt``), each named once in an article
    about something else: a student writes them from memory."""
    text = (
        "开放合作的新路径\n\n"
        "我们坚定推动构建人类命运共同体,为世界贡献中国智慧。\n"
        "粤港澳大湾区建设蹄疾步稳,新旧动能转换持续推进,区域合作更加紧密。\n"
        "各地要抓住机遇,以更大力度推进开放合作,让开放合作结出更多硕果。\n"
    )
    blanks = _blanks(text)
    assert any("人类命运共同体" in b for b in blanks), blanks
    assert any("新旧动能转换" in b for b in blanks), blanks


def test_local_is_a_generic_word_not_part_of_a_term() -> None:
    """当地 + 产品 is no term (rubric GEN: a blank on 当地产品 is guessed)."""
    text = (
        "干部直播的得与失\n\n"
        "各地干部走进直播间为当地产品争当推介员,解决当地产品滞销问题。\n"
        "这有利于当地产品更好地销售,开拓市场。\n"
        "干部直播不能一播了之,要建立长效机制。\n"
    )
    blanks = _blanks(text)
    assert blanks
    assert not any(b.startswith("当地") for b in blanks), blanks


def test_a_compound_named_once_that_ends_in_a_fund_a_body_or_a_zone_is_a_term() -> None:
    """Head nouns of ``data/term_heads.txt``: 资金, 联合体, 试验区 close a policy name."""
    sentences = [
        "没有规划专项资金,村里不知道怎么推进。",
        "支持领军企业牵头组建任务型创新联合体。",
        "海南自由贸易试验区建设取得新进展。",
    ]
    terms = _terms(sentences)
    assert "规划专项资金" in terms, terms
    assert "海南自由贸易试验区" in terms or "自由贸易试验区" in terms, terms
    assert not any(w.startswith("型") for w in terms), terms


def test_a_numbered_slogan_is_a_term_and_a_numbered_idiom_is_not() -> None:
    from trainer.generation.detect.keyterms import _slogans

    sentences = [
        "深入开展三严三实专题教育和两学一做学习教育,推行一企一策。",
        "不能三心二意,要一点一滴抓落实。",
    ]
    terms = _terms(sentences)
    assert {"三严三实", "两学一做", "一企一策"} <= set(terms), terms
    with one_article():
        assert set(_slogans("\n".join(sentences))) == {"三严三实", "两学一做", "一企一策"}


def test_a_short_quoted_name_with_the_head_noun_after_it_is_one_term() -> None:
    """「两重」建设: the quoted part alone (两重) is too short to be a term, and the head
    noun says what it is. A longer quoted name stays a term of its own (“千集万店”)."""
    sentences = [
        "安排超长期特别国债用于「两重」建设。",
        "以“千集万店”改造提升为抓手,改造乡镇集贸市场。",
    ]
    terms = _terms(sentences)
    assert "「两重」建设" in terms, terms
    assert "千集万店" in terms and "“千集万店”改造" not in terms, terms


def test_a_long_name_on_a_head_noun_named_once_is_a_term() -> None:
    """健全 + 重大疫情应急响应机制, 完善 + 国家公共卫生应急管理体系: a 规范表述 of more
    than ten characters or four words, the whole object of its verb and closing on a
    head noun, is a term though the article names it once; a run that only ends on a
    head noun inside a longer phrase (将……纳入政绩考核体系) is none."""
    sentences = [
        "疫情防控是一场大考,要健全重大疫情应急响应机制,完善国家公共卫生应急管理体系。",
        "各地要把生态环境保护纳入政绩考核体系,推动绿色发展。",
        "群众的健康是最大的民生,这一点必须牢记。",
    ]
    terms = _terms(sentences)
    assert "重大疫情应急响应机制" in terms, terms
    assert "国家公共卫生应急管理体系" in terms, terms
    assert not any(w.endswith("纳入政绩考核体系") for w in terms), terms
