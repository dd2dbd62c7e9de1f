"""One card per span and point, and a deck a tutor can hand over (rubric: DUP, budget)."""

from __future__ import annotations

from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.generation.pick.deck import budget, choose, tidy
from trainer.generation.provenance import Origin

_SENTENCE = "改革开放以来，这座小城锐意进取、砥砺前行、繁荣发展，走出了一条新路。"
_FOLDED = _SENTENCE + "\n"


def _cloze(text: str, start: int = 0, end: int | None = None, section: str = "") -> Note:
    plain = text.replace("{{c1::", "").replace("{{c2::", "").replace("{{c3::", "")
    plain = plain.replace("}}", "")
    return Note(
        guid=f"g{start}-{text}",
        kind=NoteKind.CLOZE,
        text=text,
        source=SourceRef(
            "t", f"s0/p{start}/cloze1", section, start, start + len(plain) if end is None else end
        ),
    )


def _list(items: tuple[str, ...], start: int, end: int, section: str = "") -> Note:
    return Note(
        guid=f"l{start}",
        kind=NoteKind.LIST,
        prompt="这座小城哪三项？",
        items=items,
        source=SourceRef("t", f"s0/p{start}/list1", section, start, end),
    )


_SERIES = (_list(("锐意进取", "砥砺前行", "繁荣发展"), 11, 25), Origin("list.inline", "论点"))


def test_a_cloze_on_one_item_of_the_list_on_its_sentence_goes() -> None:
    term = (_cloze("改革开放以来，这座小城锐意进取、{{c1::砥砺前行}}、繁荣发展，走出了一条新路。"),)
    made = [_SERIES, (term[0], Origin("cloze.term", "论点"))]
    assert [o.rule for _n, o in tidy(made, frozenset(), _FOLDED)] == ["list.inline"]


def test_a_cloze_gives_up_the_blanks_a_list_asks_and_keeps_the_others() -> None:
    text = "改革开放以来，这座小城{{c1::锐意进取}}、砥砺前行、繁荣发展，走出了一条{{c2::新路}}。"
    made = [_SERIES, (_cloze(text), Origin("cloze.term", "论点"))]
    kept = [n.text for n, o in tidy(made, frozenset(), _FOLDED) if o.rule == "cloze.term"]
    assert kept == ["改革开放以来，这座小城锐意进取、砥砺前行、繁荣发展，走出了一条{{c1::新路}}。"]


def test_a_standing_term_in_a_list_item_keeps_its_blank() -> None:
    text = "改革开放以来，这座小城锐意进取、{{c1::砥砺前行}}、繁荣发展，走出了一条新路。"
    made = [_SERIES, (_cloze(text), Origin("cloze.term", "论点"))]
    kept = tidy(made, frozenset({"砥砺前行"}), _FOLDED)
    assert [o.rule for _n, o in kept] == ["list.inline", "cloze.term"]


def test_a_term_cloze_goes_where_a_series_cloze_reads_the_same_sentence() -> None:
    sentence = "稳住了阵脚、稳定了人心，才能稳住发展振兴的方向。"
    series = _cloze("{{c1::稳住了阵脚}}、{{c1::稳定了人心}}，才能稳住发展振兴的方向。")
    term = _cloze("稳住了阵脚、稳定了人心，才能稳住{{c1::发展振兴}}的{{c2::方向}}。")
    made = [(series, Origin("cloze.series", "分论点")), (term, Origin("cloze.term", "分论点"))]
    kept = tidy(made, frozenset(), sentence + "\n")
    assert [o.rule for _n, o in kept] == ["cloze.series"]


def test_a_series_inside_a_half_of_a_couplet_card_goes() -> None:
    sentence = "上级部门统筹谋划，负责定方向、定标准；基层单位立足一线，负责抓落地、抓执行。"
    couplet = _cloze(
        "上级部门统筹谋划，{{c1::负责定方向、定标准}}；基层单位立足一线，{{c2::负责抓落地、抓执行}}。"
    )
    series = _cloze("基层单位立足一线，负责{{c1::抓落地}}、{{c1::抓执行}}。", start=19)
    made = [
        (couplet, Origin("cloze.golden.couplet", "金句")),
        (series, Origin("cloze.series", "论据")),
    ]
    kept = tidy(made, frozenset(), sentence + "\n")
    assert [o.rule for _n, o in kept] == ["cloze.golden.couplet"]


def test_the_budget_grows_with_the_article() -> None:
    assert 17 <= budget(1500) <= 20
    assert 20 < budget(4000) < budget(8000)


def test_evidence_and_heading_terms_rank_below_measures() -> None:
    from trainer.generation.pick.deck import rank

    def r(function: str, rule: str = "cloze.term") -> int:
        return rank(_cloze("要{{c1::健全机制}}。"), Origin(rule, function), frozenset(), "")

    assert r("论据") > r("论点") > r("对策")
    assert r("背景") > r("问题")
    assert r("金句", "cloze.golden.saying") == 0


def test_past_forty_cards_heading_terms_go_spread_over_the_sections() -> None:
    """A long speech's deck stops at forty cards: the key-term clozes of its 论点
    sentences go first, from the section keeping the most, never the measures."""
    folded = "x" * 30000  # a budget far above the ceiling
    measures = [
        (_cloze(f"要{{{{c1::健全机制{k}}}}}。", k, section="一"), Origin("cloze.term", "对策"))
        for k in range(30)
    ]
    first = [
        (
            _cloze(f"{{{{c1::某县{k}}}}}走新路。", 100 + k, section="一"),
            Origin("cloze.term", "论点"),
        )
        for k in range(12)
    ]
    second = [
        (
            _cloze(f"{{{{c1::某市{k}}}}}走新路。", 200 + k, section="二"),
            Origin("cloze.term", "论点"),
        )
        for k in range(4)
    ]
    chosen = choose([*measures, *first, *second], 30000, frozenset(), folded)
    assert len(chosen) == 40
    assert all(m in chosen for m in measures)
    assert any(m in chosen for m in second)


def test_a_term_cloze_holding_a_series_stays_beside_another_series() -> None:
    sentence = "实行行政、人事、财务等统一管理，推动专家坐诊、带教。"
    merged = _cloze(
        "实行{{c1::行政}}、{{c1::人事}}、{{c1::财务}}等{{c2::统一管理}}，推动专家坐诊、带教。"
    )
    series = _cloze("实行行政、人事、财务等统一管理，推动专家{{c1::坐诊}}、{{c1::带教}}。")
    made = [(merged, Origin("cloze.term", "对策")), (series, Origin("cloze.series", "对策"))]
    assert len(tidy(made, frozenset(), sentence + "\n")) == 2
