"""Sentence functions: cue words (data file) weighed with the sentence's place."""

from __future__ import annotations

from gen_scoring import make
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.generation.classify.functions import (
    SentenceFunctions,
    classify,
    cues,
    function_at,
    sentence_start,
)
from trainer.generation.split.structure import outline
from trainer.generation.text import fold

ARTICLE = """治理网络谣言

近年来,网络谣言借助短视频平台快速传播。据统计,2023年查处谣言案件1.2万起,同比上升35%。

谣言屡禁不止,原因在于造谣成本低、平台审核不到位。

压实平台责任,织密审核网。平台要健全审核机制,加强对热点内容的核查。

说到底,清朗的网络空间需要每个人共同守护。
"""


def _functions(text: str) -> dict[str, str]:
    folded = fold(text)
    doc = outline(folded, "")
    got = classify(doc)
    return {
        s.text: got[s.start] for sec in doc.sections for p in sec.paragraphs for s in p.sentences
    }


def test_cues_come_from_the_data_file() -> None:
    table = cues()
    assert {"背景", "论据", "问题", "原因", "对策", "意义"} <= set(table)
    assert "据统计" in table["论据"]


def test_each_sentence_gets_its_function() -> None:
    got = _functions(ARTICLE)
    assert got["近年来,网络谣言借助短视频平台快速传播。"] == "背景"
    assert got["据统计,2023年查处谣言案件1.2万起,同比上升35%。"] == "论据"
    assert got["谣言屡禁不止,原因在于造谣成本低、平台审核不到位。"] == "原因"
    assert got["压实平台责任,织密审核网。"] == "分论点"
    assert got["平台要健全审核机制,加强对热点内容的核查。"] == "对策"
    assert got["说到底,清朗的网络空间需要每个人共同守护。"] == "论点"


def test_cards_name_the_function_of_their_sentence() -> None:
    made = make(ARTICLE, "t")
    assert len(made.origins) == len(made.notes)
    assert any(o.function for o in made.origins)
    for n, o in zip(made.notes, made.origins, strict=True):
        assert o.function not in {"论据", "背景"} or "据统计" not in n.text


STATS = """让老年人乐享数字生活

据统计,2023年该市开设银龄课堂120个,同比增长35%,银龄课堂学员超过2万人。

帮助老年人跨越数字鸿沟,要完善适老化改造,推动线上线下服务融合。

要发挥社区作用,组织志愿者开展一对一帮扶,让老年人会用、敢用、爱用智能设备。
"""


def test_a_statistic_is_not_a_key_term_card() -> None:
    made = make(STATS, "t")
    assert not any("据统计" in n.text for n in made.notes)


@settings(deadline=None)
@given(
    starts=st.sets(st.integers(min_value=0, max_value=500), max_size=40),
    offset=st.integers(min_value=-5, max_value=520),
)
def test_the_sentence_holding_an_offset_is_the_last_starting_at_or_before_it(
    starts: set[int], offset: int
) -> None:
    plain = {s: f"f{s}" for s in starts}
    indexed = SentenceFunctions(plain)
    before = [s for s in starts if s <= offset]
    expected = max(before) if before else None
    for functions in (plain, indexed):
        assert sentence_start(functions, offset) == expected
        assert function_at(functions, offset) == (plain[expected] if before else "")
