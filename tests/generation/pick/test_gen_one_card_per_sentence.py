"""One sentence, one card (rubric: DUP): clozes on the same sentence become one note
when their blanks fit together, a 金句 card among them too."""

from __future__ import annotations

from trainer.domain.model import Article, Note, NoteKind, SourceRef
from trainer.generation import generate
from trainer.generation.pick.deck import tidy
from trainer.generation.provenance import Origin

SENTENCE = "我们要贯彻落实好“五个必须”的要求，坚定信心、攻坚克难，实现全年经济社会发展目标任务，确保“十五五”开好局。"


def _cloze(text: str, rule: str, function: str = "对策") -> tuple[Note, Origin]:
    note = Note(
        guid=rule,
        kind=NoteKind.CLOZE,
        text=text,
        source=SourceRef("t", "s0/p1/cloze1", "", 0, len(SENTENCE)),
    )
    return note, Origin(rule, function)


def test_a_term_cloze_and_a_series_cloze_of_one_sentence_are_one_card() -> None:
    term = _cloze(
        "我们要贯彻落实好“{{c1::五个必须}}”的要求，坚定信心、攻坚克难，实现全年"
        "经济社会发展目标任务，确保“{{c2::十五五}}”开好局。",
        "cloze.term",
    )
    series = _cloze(
        "我们要贯彻落实好“五个必须”的要求，{{c1::坚定信心}}、{{c1::攻坚克难}}，"
        "实现全年经济社会发展目标任务，确保“十五五”开好局。",
        "cloze.series",
    )
    made = tidy([term, series], frozenset(), SENTENCE)
    assert [n.text for n, _o in made] == [
        "我们要贯彻落实好“{{c1::五个必须}}”的要求，{{c2::坚定信心}}、{{c2::攻坚克难}}，"
        "实现全年经济社会发展目标任务，确保“{{c3::十五五}}”开好局。"
    ]


def test_a_series_sharing_a_member_with_a_blank_asks_with_it() -> None:
    term = _cloze(
        "我们要贯彻落实好“五个必须”的要求，{{c1::坚定信心}}、攻坚克难，实现全年"
        "{{c2::经济社会发展}}目标任务，确保“十五五”开好局。",
        "cloze.term",
    )
    series = _cloze(
        "我们要贯彻落实好“五个必须”的要求，{{c1::坚定信心}}、{{c1::攻坚克难}}，"
        "实现全年经济社会发展目标任务，确保“十五五”开好局。",
        "cloze.series",
    )
    made = tidy([term, series], frozenset(), SENTENCE)
    assert [n.text for n, _o in made] == [
        "我们要贯彻落实好“五个必须”的要求，{{c1::坚定信心}}、{{c1::攻坚克难}}，"
        "实现全年{{c2::经济社会发展}}目标任务，确保“十五五”开好局。"
    ]


ARTICLE = """推动乡村文化振兴

乡村文化振兴是乡村振兴的铸魂工程。

推动乡村文化振兴，既要守住根脉，又要激活动力，让农民群众增强文化自信、提升文明素养。

要加强乡村文化人才队伍建设，引导文艺工作者深入基层、扎根群众。
"""


def test_a_series_on_the_sentence_of_a_golden_line_joins_its_card() -> None:
    made = generate(Article(title="", text=ARTICLE), "dup")
    on_it = [n.text for n in made.notes if "激活动力" in n.text]
    assert on_it == [
        "推动乡村文化振兴，既要{{c1::守住根脉}}，又要{{c2::激活动力}}，"
        "让农民群众{{c3::增强文化自信}}、{{c3::提升文明素养}}。"
    ]


def test_places_in_a_ranking_are_no_blanks_of_a_golden_lines_card() -> None:
    sentence = "中国货物贸易全球第一、服务贸易全球第二，既是超级“买家”，也是超级“卖家”。"
    golden = _cloze(
        "中国货物贸易全球第一、服务贸易全球第二，既是{{c1::超级“买家”}}，也是{{c2::超级“卖家”}}。",
        "cloze.two_points",
        "金句",
    )
    series = _cloze(
        "中国{{c1::货物贸易全球第一}}、{{c1::服务贸易全球第二}}，既是超级“买家”，也是超级“卖家”。",
        "cloze.series",
    )
    made = tidy([golden, series], frozenset(), sentence)
    assert [n.text for n, _o in made] == [golden[0].text]


def test_a_title_opening_with_a_rank_is_still_a_blank() -> None:
    sentence = "我们要选派优秀干部到村任第一书记。"
    term = _cloze("我们要选派优秀干部到村任{{c1::第一书记}}。", "cloze.term")
    assert [n.text for n, _o in tidy([term], frozenset(), sentence)] == [term[0].text]


def test_a_series_inside_the_halves_of_a_two_point_card_is_no_second_card() -> None:
    """既要A、A',又要B、B': a series cloze reading across the first half asks the same
    words again; the two-point card keeps the sentence."""
    sentence = "为乡村减负是一项长期工程，既要刀刃向内、敢于较真碰硬，又要着眼长远、注重建章立制。"
    two = _cloze(
        "为乡村减负是一项长期工程，既要{{c1::刀刃向内、敢于较真碰硬}}，"
        "又要{{c2::着眼长远、注重建章立制}}。",
        "cloze.two_points",
        "金句",
    )
    series = _cloze(
        "为乡村减负是一项长期工程，{{c1::既要刀刃向内}}、敢于较真碰硬，又要着眼长远、注重建章立制。",
        "cloze.series",
    )
    made = tidy([two, series], frozenset(), sentence)
    assert [n.text for n, _o in made] == [two[0].text]


def test_a_series_of_other_words_than_the_two_halves_keeps_its_card() -> None:
    """无论是A还是B,……增加X、Y和Z: the series is a point of its own."""
    sentence = (
        "无论是建设卫生城市还是文明城市，根本都是为了改善环境，增加居民的幸福感、自豪感和自信心。"
    )
    two = _cloze(
        "无论是{{c1::建设卫生城市}}还是{{c2::文明城市}}，根本都是为了{{c3::改善环境}}，"
        "增加居民的幸福感、自豪感和自信心。",
        "cloze.two_points",
        "金句",
    )
    series = _cloze(
        "无论是建设卫生城市还是文明城市，根本都是为了改善环境，"
        "增加居民的{{c1::幸福感}}、{{c1::自豪感}}和{{c1::自信心}}。",
        "cloze.series",
    )
    made = tidy([two, series], frozenset(), sentence)
    assert len(made) == 2


def _other(text: str, rule: str = "cloze.term") -> tuple[Note, Origin]:
    note = Note(
        guid=rule + "2",
        kind=NoteKind.CLOZE,
        text=text,
        source=SourceRef("t", "s0/p2/cloze1", "", 200, 220),
    )
    return note, Origin(rule, "对策")


SENTENCE2 = "我们要贯彻落实好“五个必须”的要求，坚定信心、攻坚克难，推动经济社会发展和高质量发展，确保“十五五”开好局。"


def test_a_full_term_cloze_gives_up_a_term_asked_elsewhere_to_take_the_series_in() -> None:
    """Three questions on the term card and a series beside it: a term another card
    asks already leaves this card, and the series joins it (rubric: DUP); no term goes
    untested, and no clause of the sentence loses its only blank."""
    term = _cloze(
        "我们要贯彻落实好“{{c1::五个必须}}”的要求，坚定信心、攻坚克难，推动"
        "{{c2::经济社会发展}}和{{c3::高质量发展}}，确保“十五五”开好局。",
        "cloze.term",
    )
    series = _cloze(
        "我们要贯彻落实好“五个必须”的要求，{{c1::坚定信心}}、{{c1::攻坚克难}}，"
        "推动经济社会发展和高质量发展，确保“十五五”开好局。",
        "cloze.series",
    )
    elsewhere = _other("推动{{c1::经济社会发展}}全面绿色转型。")
    made = tidy([term, series, elsewhere], frozenset(), SENTENCE2)
    assert [n.text for n, _o in made] == [
        "我们要贯彻落实好“{{c1::五个必须}}”的要求，{{c2::坚定信心}}、{{c2::攻坚克难}}，"
        "推动经济社会发展和{{c3::高质量发展}}，确保“十五五”开好局。",
        "推动{{c1::经济社会发展}}全面绿色转型。",
    ]
    # Asked nowhere else, every term keeps its test: two cards.
    assert len(tidy([term, series], frozenset(), SENTENCE2)) == 2


def test_a_blank_alone_in_its_item_is_not_given_up() -> None:
    """“推动城乡融合发展”“促进{融合发展}”: the blank is the one test of that item of a
    run of quoted items; the two cards stay two."""
    sentence = (
        "“推动{{c1::城乡融合}}”“促进{{c2::融合发展}}”“扩大{{c3::内需}}”“增进{{c4::交往}}交流”"
    )
    term = _cloze(sentence.replace("{{c4::交往}}", "交往"), "cloze.term")
    series = _cloze(
        "“推动城乡融合”“促进融合发展”“扩大内需”“增进{{c1::交往}}{{c1::交流}}”".replace(
            "{{c1::交流}}", "交流"
        ),
        "cloze.series",
    )
    elsewhere = _other("推动{{c1::融合发展}}。")
    assert len(tidy([term, series, elsewhere], frozenset(), SENTENCE2)) == 3
