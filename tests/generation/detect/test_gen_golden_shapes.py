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


def _golden(text: str, line: str) -> bool:
    """A 金句 card holds ``line``."""
    out = generate(Article(text=text, title="测试"), "t")
    return any(
        o.rule.startswith("cloze.golden") and line in re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", n.text)
        for n, o in zip(out.notes, out.origins, strict=True)
    )


def _carded(line: str) -> bool:
    text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
    return _golden(text, line.rstrip("。"))


def test_a_short_couplet_inside_a_paragraph_is_golden() -> None:
    # Two short clauses standing as a sentence mid-paragraph: a saying wherever it stands.
    assert _carded("风雨砥砺初心,岁月见证担当。")
    assert _carded("市井烟火时代,好物也怕无人知。")
    # Mirrored word for word, the second half may open on a verb.
    assert _carded("清贫方显气节,奋斗始得甘甜。")


def test_two_measures_inside_a_paragraph_are_no_couplet() -> None:
    assert not _carded("加强组织协调,完善考核办法。")
    assert not _carded("上下联动配合,畅通反馈渠道。")


def test_a_short_judgement_inside_a_paragraph_is_golden() -> None:
    assert _carded("社区是服务群众的最后一米。")
    assert _carded("考核导向决定干部作为。")


def test_descriptions_and_pronoun_judgements_inside_a_paragraph_are_not() -> None:
    assert not _carded("本市是一个人口大国。")
    assert not _carded("这是推动改革的必要条件。")
    assert not _carded("单靠一张嘴肯定是不行的。")


def test_a_numbered_couplet_is_golden_without_its_number() -> None:
    text = f"{_FILLER}\n{_FILLER}\n3. 风雨砥砺初心,岁月见证担当。{_FILLER}{_FILLER}\n{_FILLER}\n"
    assert _golden(text, "风雨砥砺初心,岁月见证担当")


def test_a_judging_metaphor_is_golden() -> None:
    line = "乡村医生是农村医疗卫生服务体系的“压舱石”。"
    text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
    assert _golden(text, "压舱石")


def test_an_authority_s_judgement_reported_whole_is_golden() -> None:
    line = "古人曾言道,天下难事必作于易,天下大事必作于细。"
    text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
    assert _golden(text, "天下难事必作于易")
    line = "习近平总书记曾指出,幸福生活都源于辛勤劳动和不懈创造。"
    text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
    assert _golden(text, "幸福生活都源于辛勤劳动")


def test_a_directive_reported_from_a_leader_is_no_saying() -> None:
    line = "总书记强调,要加强基层医疗卫生服务体系建设。"
    text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
    assert not _golden(text, "基层医疗卫生服务体系")


def test_turns_chiasmus_and_comma_free_no_x_no_y_are_golden() -> None:
    """申论 shapes of a quotable line: a change between two quoted catchwords
    (从“要我分”向“我要分”转变), a chiasmus (A就是B,B就是A), 没有A就没有B written
    without a comma, a condition met by degree (A打得牢,B才能建得高), 有A才有B,
    不应该是A,而应该是B."""
    lines = [
        "居民从“要我分”向“我要分”转变。",
        "基层服务的提升,往往就是从“差一点”变为“精一点”。",
        "江山就是人民,人民就是江山。",
        "没有信息化就没有现代化。",
        "基础研究处于起始端,地基打得牢,科技大厦才能建得高。",
        "不挑拣,不攀比,有失才有得。",
        "在经济全球化时代,不应该是一部分人反对另一部分人,而应该是所有人造福所有人。",
    ]
    for line in lines:
        text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
        plain = [re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", c) for c in _clozes(text)]
        assert any(line.rstrip("。") in p for p in plain), line


def test_a_short_turn_between_catchwords_blanks_both() -> None:
    text = f"{_FILLER}\n{_FILLER}居民从“要我分”向“我要分”转变。{_FILLER}\n{_FILLER}\n"
    out = generate(Article(text=text, title="测试"), "t")
    assert any(
        "从“{{c1::要我分}}”向“{{c2::我要分}}”转变" in n.text and o.function == "金句"
        for n, o in zip(out.notes, out.origins, strict=True)
    )


def test_a_catchword_set_against_another_blanks_both() -> None:
    line = "国与国之间需要相互尊重地“平视”彼此,而不是“仰视”或“俯视”。"
    text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
    blanks = [set(re.findall(r"\{\{c\d+::(.*?)\}\}", c)) for c in _clozes(text)]
    assert any({"平视", "仰视"} <= b for b in blanks)


def test_a_plain_change_or_a_repeated_subject_is_no_golden_line() -> None:
    """Unquoted change of state (从城市到乡村), a subject named twice without the
    halves swapping and a measure that turns between catchwords are no sayings."""
    lines = [
        "各地从城市到乡村开展了宣传活动。",
        "在这次活动中,企业就是组织者,政府就是监督者和服务者。",
    ]
    for line in lines:
        text = f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n"
        out = generate(Article(text=text, title="测试"), "t")
        assert not any(
            o.function == "金句" and line[:6] in n.text
            for n, o in zip(out.notes, out.origins, strict=True)
        ), line


def test_a_line_handing_over_to_the_list_below_is_no_saying() -> None:
    """``具体而言,应在以下几个方面下功夫。`` closes its paragraph short and plain, as
    an aphorism does, but only announces the points after it (rubric: TAG)."""
    for line in ("具体而言,应在以下几个方面下功夫。", "具体来说,可以从如下方面发力。"):
        text = (
            f"{_FILLER}\n{_FILLER}{line}\n"
            "一是加强组织领导,压实各方责任。\n二是完善制度机制,形成长效保障。\n"
            "三是强化督促检查,确保落地见效。\n"
        )
        assert not _golden(text, line.rstrip("。")), line
