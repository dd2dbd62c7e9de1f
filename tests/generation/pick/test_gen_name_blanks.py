"""Coined and quoted terms a card shows get blanked; a blank on part of a noun compound
takes the whole compound (rubric: KEY, CUT)."""

from __future__ import annotations

import re

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.pick.clozes import Cloze, _join_run, _name_pass, _whole_compounds, markup
from trainer.generation.text import Span

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _span(sentence: str, word: str) -> Span:
    at = sentence.index(word)
    return Span(word, at, at + len(word))


def _card(sentence: str, blanks: list[str], together: list[str] = ()) -> Cloze:  # type: ignore[assignment]
    return Cloze(
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        1,
        Span(sentence, 0, len(sentence)),
        tuple(_span(sentence, b) for b in blanks),
        "term",
        "series" if together else "term",
        frozenset(sentence.index(t) for t in together),
    )


def _cards(text: str) -> list[str]:
    out = generate(Article(text=text, title="测试"), "t")
    return [n.text for n in out.notes if n.kind is NoteKind.CLOZE]


def test_a_quoted_term_beside_a_series_is_blanked_as_a_question_of_its_own() -> None:
    sentence = "我们坚决反对搞小团体、拉帮派等形形色色的“伪合作主义”,推动乡村治理朝着更加公正合理的方向发展。"
    out = [_card(sentence, ["小团体", "拉帮派"], together=["小团体", "拉帮派"])]
    _name_pass(out, ["伪合作主义"], {})
    assert [b.text for b in out[0].blanks] == ["小团体", "拉帮派", "伪合作主义"]
    card = markup(sentence, out[0])
    assert "{{c1::小团体}}、{{c1::拉帮派}}" in card
    assert "“{{c2::伪合作主义}}”" in card


def test_a_term_another_card_blanks_is_left_alone() -> None:
    a = "各村推行“积分超市”,把文明新风融入日常生活。"
    b = "村民说,“积分超市”让大家争着做好事。"
    out = [_card(a, ["积分超市"]), _card(b + "", ["大家"])]
    _name_pass(out, ["积分超市"], {})
    assert [x.text for x in out[1].blanks] == ["大家"]


def test_a_card_hiding_half_its_sentence_takes_no_more() -> None:
    sentence = "推行“积分超市”,守护文明乡风。"
    out = [_card(sentence, ["守护文明乡风"])]
    _name_pass(out, ["积分超市"], {})
    assert [b.text for b in out[0].blanks] == ["守护文明乡风"]


def test_a_quoted_run_is_asked_as_one_deletion() -> None:
    sentence = "推行“师傅带徒弟”模式,让能人把经验传下去,培育一批“土专家”“田秀才”。"
    out = [_card(sentence, ["师傅带徒弟", "能人", "土专家"])]
    assert _join_run(out, "田秀才")
    card = markup(sentence, out[0])
    assert "“{{c3::土专家}}”“{{c3::田秀才}}”" in card


def test_a_quoted_run_grows_its_own_deletion() -> None:
    sentence = "一些人热衷于“跑门路”“凑材料”“抢功劳”,背离了干事创业的初心。"
    out = [_card(sentence, ["跑门路", "凑材料"], together=["跑门路", "凑材料"])]
    assert _join_run(out, "抢功劳")
    assert "“{{c1::跑门路}}”“{{c1::凑材料}}”“{{c1::抢功劳}}”" in markup(sentence, out[0])


def test_a_blank_takes_the_nouns_of_its_compound() -> None:
    sentence = "当地把粪污集中处理,用于发电和制肥,打造绿色循环产业链,带动群众增收。"
    blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, "产业链"),))
    assert [b.text for b in blanks] == ["绿色循环产业链"]


def test_a_blank_takes_the_head_noun_after_it() -> None:
    sentence = "要建立多部门协同监管机制,让执法标准落到实处,让群众看得见变化。"
    blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, "协同监管"),))
    assert [b.text for b in blanks] == ["协同监管机制"]


def test_a_blank_takes_no_verb_and_no_subject() -> None:
    for sentence, word in [
        ("各地要压实企业责任,守住质量源头,让群众吃得放心。", "企业责任"),
        ("发展有多迫切,党员干部干事创业的信念和决心就有多坚定。", "干事创业"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [word], sentence


def test_a_coined_term_of_a_series_sentence_reaches_a_blank() -> None:
    long = (
        "这些年来,镇里始终高举共建共治的旗帜,践行真正的基层民主,坚持村里的大事小情由大家商量着办,"
        "坚决反对搞小团体、拉帮派等形形色色的“伪合作主义”,推动乡村治理朝着更加公正合理的方向不断发展。"
    )
    assert len(long) > 90  # too long for a card of its own: only its series is carded
    text = f"{_FILLER}\n{_FILLER}\n{long}\n{_FILLER}\n"
    cards = [c for c in _cards(text) if "伪合作主义" in c]
    assert any("“{{c2::伪合作主义}}”" in c and "{{c1::小团体}}" in c for c in cards), cards


def test_a_saying_without_terms_blanks_what_its_copula_judges() -> None:
    from trainer.generation.detect.golden import Golden
    from trainer.generation.pick.clozes import _golden_blanks

    sentence = "种子安全、耕地安全是国家长治久安的压舱石。"
    g = Golden(Span(sentence, 0, len(sentence)), "pattern", ())
    assert [b.text for b in _golden_blanks(g, {}, set())] == ["压舱石"]


def test_a_saying_without_terms_blanks_nouns_not_adverbs() -> None:
    from trainer.generation.detect.golden import Golden
    from trainer.generation.pick.clozes import _golden_blanks

    sentence = "改革的步子不会停滞,开放的大门只会越开越大。"
    g = Golden(Span(sentence, 0, len(sentence)), "pattern", ())
    assert [b.text for b in _golden_blanks(g, {}, set())] == ["步子", "大门"]


def test_a_blank_ending_on_a_noun_takes_the_noun_that_closes_its_compound() -> None:
    # A blank cut before its head (智能制造|基地, 顺应时代|变化) leaves the term torn.
    for sentence, word, whole in [
        ("各区县要加快建设智能制造基地,带动上下游企业集聚。", "智能制造", "智能制造基地"),
        ("基层治理要顺应时代变化,及时调整工作方法。", "顺应时代", "顺应时代变化"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [whole], sentence


def test_a_verb_object_blank_cut_before_its_head_takes_the_head_after_de() -> None:
    # 关注国家|的发展, 对国家|的认同: the blank ends on the attribute; the object is the head.
    for sentence, word, whole in [
        ("青年要热爱生活、关注国家的发展,在奋斗中成长。", "关注国家", "关注国家的发展"),
        ("这些段子消解了年轻人对国家的认同,危害不小。", "对国家", "对国家的认同"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [whole], sentence


def test_a_blank_takes_no_generic_noun_after_it_and_no_head_past_the_clause() -> None:
    for sentence, word in [
        ("各地要大力发展数字经济领域,不断壮大市场主体。", "数字经济"),
        ("推进乡村振兴的关键在人才,要引得来、留得住。", "乡村振兴"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [word], sentence


def test_a_blank_takes_no_head_after_a_negated_quality_or_before_an_adverbial() -> None:
    for sentence, word in [
        ("各种不平衡、不公平信息迅速传播给公众,造成更多人心理失衡。", "不公平"),
        ("农村青年涌向城市,城市人口无休止地增多,成了城市问题。", "城市人口"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [word], sentence


def test_a_blank_takes_no_adjective_and_no_subject_of_the_next_verb() -> None:
    for sentence, word in [
        ("群众在生活中碰到的问题复杂多样,比如占道经营。", "问题"),
        ("对于停车位私人占用现象,执法人员及时联系车主。", "停车位"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [word], sentence


def test_a_blank_takes_no_noun_that_does_not_close_the_phrase() -> None:
    # 影响 opens a verb phrase, 基本 an attribute of 原理: widening would only move the cut.
    for sentence, word in [
        ("市民反映占道经营影响交通和卫生等问题。", "占道经营"),
        ("党员要学好马克思主义基本原理,练就看家本领。", "马克思主义"),
    ]:
        blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
        assert [b.text for b in blanks] == [word], sentence


def test_a_blank_in_a_document_name_takes_no_head_after_de() -> None:
    sentence = "国务院印发《关于发展银发经济增进老年人福祉的意见》,部署二十六项举措。"
    word = "增进老年人福祉"
    blanks = _whole_compounds(Span(sentence, 0, len(sentence)), (_span(sentence, word),))
    assert [b.text for b in blanks] == [word]
