"""金句 shapes: short X不等于Y judgements and ;-joined parallel conditionals."""

from __future__ import annotations

import re

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"


def _clozes(text: str) -> list[str]:
    out = generate(Article(text=text, title="测试"), "t")
    return [n.text for n in out.notes if n.kind is NoteKind.CLOZE]


def test_a_short_not_equal_judgement_is_a_golden_card() -> None:
    text = f"{_FILLER}\n{_FILLER}当然,热闹起来不等于好起来。{_FILLER}\n"
    cards = _clozes(text)
    assert any("{{c1::热闹起来}}不等于{{c2::好起来}}" in c for c in cards)


def test_a_pronoun_subject_is_not_a_judgement() -> None:
    text = f"{_FILLER}\n{_FILLER}这不等于放手不管。{_FILLER}\n"
    assert not any("不等于" in c for c in _clozes(text))


def test_parallel_conditionals_over_a_semicolon_are_one_card() -> None:
    text = (
        f"{_FILLER}\n{_FILLER}如果只讲速度不讲质量,城市建设就会留下大量隐患,"
        "给后来的治理增添沉重负担;如果只讲质量不讲速度,就可能错过发展的窗口期,"
        f"让群众的期待一再落空。{_FILLER}\n"
    )
    cards = _clozes(text)
    both = [c for c in cards if "如果只讲速度" in c and "如果只讲质量" in c]
    assert len(both) == 1


def test_common_correlatives_and_place_judgements_are_golden() -> None:
    lines = [
        "没有农业农村的数字化,就没有整个国家的数字化。",
        "孩子的成长是一场马拉松,而不是百米冲刺。",
        "家庭医生签约服务贵在“签”,更重在“约”。",
        "发展新质生产力是推动高质量发展的内在要求和重要着力点。",
    ]
    for line in lines:
        text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
        plain = [re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", c) for c in _clozes(text)]
        assert any(line.rstrip("。") in p for p in plain), line


def test_a_third_parallel_clause_is_blanked_with_the_pair() -> None:
    import re

    from gen_scoring import make

    text = (
        "产品与市场。\n\n我们知道,经济主体的产品销售,质量是当之无愧的“硬核”,抛开价格因素、"
        "营销策略不说,做到适销对路,符合社会需求,满足消费需要,才能为社会所接纳,成为畅销产品。\n"
    )
    blanks = [re.findall(r"\{\{c\d+::(.*?)\}\}", n.text) for n in make(text, "t").notes if n.text]
    three = {"做到适销对路", "符合社会需求", "满足消费需要"}
    assert any(three <= set(b) for b in blanks)  # on the sentence's one card


def test_an_ordinal_enumeration_is_a_list_not_a_parallel_golden_line() -> None:
    """一是……二是……三是 clauses share 是 in the same place, but they are the items of
    a list: carded as one, never also clozed as a 金句 with the ordinals blanked."""
    text = (
        f"{_FILLER}\n做好基层治理,一是加强党的领导,二是完善议事制度,三是强化监督问责。\n{_FILLER}\n"
    )
    out = generate(Article(text=text, title="测试"), "t")
    lists = [n for n in out.notes if n.kind is NoteKind.LIST]
    assert any("加强党的领导" in n.items for n in lists)
    assert not any("一是加强党的领导}}" in c for c in _clozes(text))
    assert all(o.rule != "cloze.golden.parallel" for o in out.origins)
