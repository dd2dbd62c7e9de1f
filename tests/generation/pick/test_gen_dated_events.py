"""A sentence of a material that opens by dating one event (2020 年 3 月，……; 2021 年
底，……) tells the material's story: its names and projects make no cloze (rubric:
LOW, STAT). A sentence that only names a year, a 金句 and a term that stands on its
own (a quoted coined term) keep their cards."""

from __future__ import annotations

from gen_scoring import cloze_card, tidied

from trainer.generation.pick.deck import Made

_TEXT = (
    "H 市是一座老工业城市。"
    "2021 年 3 月，H 市 K 银行召开了绿色信贷战略启动大会。"
    "2021 年底，客户经理刘明又跟进了几笔五金作坊的贷款。"
    "2022 年上半年，K 银行推出了“惠企行”服务。"
    "2022 年，K 银行要健全风险分担机制。"
)


def _card(sentence: str, blanked: str, rule: str = "cloze.term", function: str = "论据") -> Made:
    return cloze_card(_TEXT, sentence, blanked, rule, function)


def _kept(*cards: Made) -> list[str]:
    return tidied(_TEXT, *cards)


def test_a_dated_event_makes_no_cloze() -> None:
    launch = _card(
        "2021 年 3 月，H 市 K 银行召开了绿色信贷战略启动大会。", "绿色信贷战略", function="对策"
    )
    loans = _card("2021 年底，客户经理刘明又跟进了几笔五金作坊的贷款。", "刘明", "cloze.series")
    assert _kept(launch, loans) == []


def test_a_quoted_term_a_golden_line_and_a_bare_year_keep_their_cards() -> None:
    quoted = _card("2022 年上半年，K 银行推出了“惠企行”服务。", "惠企行")
    golden = _card(
        "2021 年底，客户经理刘明又跟进了几笔五金作坊的贷款。",
        "五金作坊",
        "cloze.golden.saying",
        "金句",
    )
    year = _card("2022 年，K 银行要健全风险分担机制。", "风险分担机制", function="对策")
    assert len(_kept(quoted, golden, year)) == 3


def test_a_date_describing_the_subject_dates_no_event() -> None:
    plain = "2020年初春的新冠肺炎疫情是一次最严峻的考验。"
    made = cloze_card(plain, plain, "最严峻", "cloze.series", "对策")
    assert tidied(plain, made) == [made[0].text]
