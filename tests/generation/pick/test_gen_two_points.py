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


def test_a_cloze_opening_with_an_ordinal_carries_its_lead_in() -> None:
    text = (
        "银发经济。\n\n发展银发经济,需要多方发力。一是强化顶层设计,完善银发经济政策体系。"
        "二是扩大服务供给,大力发展社区嵌入式养老服务。三是加强人才培养,提高养老护理员待遇。"
    )
    ordinal = [t for t in _clozes(text) if "一是" in t or "二是" in t or "三是" in t]
    assert ordinal
    for t in ordinal:
        assert t.startswith("〔发展银发经济,需要多方发力〕"), t


def test_quoted_points_are_blanked_inside_their_quotation_marks() -> None:
    got = _clozes("执法与营商。\n\n优化营商环境,不是“不执法”,而是“规范执法”。")
    blanks = [_BLANK.findall(t) for t in got]
    assert ["不执法", "规范执法"] in blanks, got


def test_both_halves_in_one_clause_are_blanked() -> None:
    got = _clozes("人才与企业。\n\n引进人才的关键在于待遇和平台,这家企业既肯花钱也善于放权。")
    blanks = [_BLANK.findall(t) for t in got]
    assert any({"肯花钱", "善于放权"} <= set(b) for b in blanks), got


def test_bu_dan_er_qie_and_a_third_point() -> None:
    got = _clozes(
        "绿色金融。\n\n在多个试点县市推行一年多以来,以生态资产为抵押物的这类新型贷款,"
        "不但缓解融资压力,而且带动技术推广,还能增加农户收入。"
    )
    blanks = [_BLANK.findall(t) for t in got]
    assert any({"缓解融资压力", "带动技术推广", "增加农户收入"} <= set(b) for b in blanks), got


def test_ji_ke_ye_neng_drops_the_modals() -> None:
    got = _clozes(
        "碳汇交易。\n\n湿地碳汇交易在试点地区推开以后,这项交易既可吸引企业投身修复,也能倒逼企业改进工艺。"
    )
    blanks = [_BLANK.findall(t) for t in got]
    assert ["吸引企业投身修复", "倒逼企业改进工艺"] in blanks, got


_TWICE = re.compile(r"\{\{c\d+::([^}]*)\}\}\{\{c\d+::\1\}\}")


def test_a_series_inside_a_pair_point_is_never_written_twice() -> None:
    # The series 稳妥、细致 lies inside the second point of 不仅……更: asked on a card
    # of its own, each member stood for by the point's blank, it wrote that blank twice.
    text = (
        "数字乡村。\n\n它不仅作为看不见的推手，带动乡村产业的发展，"
        "更以其稳妥、细致的信息服务能力，改变着乡村治理的面貌。"
    )
    got = _clozes(text)
    assert got
    for t in got:
        assert not _TWICE.search(t), t
        blanks = _BLANK.findall(t)
        assert len(blanks) == len(set(blanks)), t


def test_markup_writes_one_blank_once() -> None:
    from trainer.generation.pick.clozes import Cloze, markup
    from trainer.generation.split.structure import Span

    sentence = "甲乙丙丁戊己庚辛。"
    blank = Span("丙丁", 2, 4)
    for together in (frozenset({2}), frozenset()):
        c = Cloze(
            None, None, 0, Span(sentence, 0, len(sentence)), (blank, blank), "term", "t", together
        )  # type: ignore[arg-type]
        assert markup(sentence, c) == "甲乙{{c1::丙丁}}戊己庚辛。"
