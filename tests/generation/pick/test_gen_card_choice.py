"""Which cards are made and how their blanks sit (rubric: CUT, GEN, LOW, DUP, budget)."""

from __future__ import annotations

from trainer.domain.model import Article, Note, NoteKind, SourceRef
from trainer.generation import generate
from trainer.generation.pick.clozes import term_blanks
from trainer.generation.pick.deck import budget, choose
from trainer.generation.provenance import Origin
from trainer.generation.text import Span


def _blanks(sentence: str, *terms: str) -> list[str]:
    return [
        b.text for b in term_blanks(Span(sentence, 0, len(sentence)), dict.fromkeys(terms, 1.0))
    ]


def test_a_blank_never_opens_with_the_last_word_of_its_neighbour() -> None:
    assert _blanks("让党员更加直观地感受红色历史。", "地感受") == []
    assert _blanks("党的二十届三中全会再次强调建设国家战略腹地。", "届三中全会") == []


def test_a_blank_never_closes_with_a_word_leading_into_the_next() -> None:
    assert _blanks("为经济发展注入新动能、形成新的增长点。", "形成新") == []


def test_a_blank_is_never_the_speaker_or_when_he_spoke() -> None:
    sentence = "习近平总书记在四川视察时强调,要打造新时代更高水平的“天府粮仓”。"
    assert _blanks(sentence, "习近平总书记", "视察时", "天府粮仓") == ["天府粮仓"]
    assert _blanks("吕主任介绍道,荔枝都还是新鲜的。", "吕主任介绍") == []


def test_a_blank_keeps_its_quotation_marks_paired() -> None:
    sentence = "完善川渝“一体化”发展机制、跨行政区协同机制。"
    assert _blanks(sentence, "一体化”发展机制") == []


def test_a_classical_line_the_dictionary_does_not_know_keeps_its_blank() -> None:
    assert _blanks("民之所忧,我必念之;民之所盼,我必行之。", "我必行之") == ["我必行之"]


def _cloze(text: str, start: int) -> Note:
    return Note(
        guid=f"g{start}",
        kind=NoteKind.CLOZE,
        text=text,
        source=SourceRef("t", f"s0/p{start}/cloze1", "", start, start + len(text)),
    )


def test_the_budget_grows_with_the_article() -> None:
    assert budget(300) == 12
    assert budget(1500) == 17
    assert budget(1800) == 20
    assert 20 < budget(5000) < 60


def test_over_budget_a_background_cloze_goes_before_an_argument_one() -> None:
    folded = "x" * 900  # budget 12
    keep = [
        (_cloze(f"要{{{{c1::健全机制{k}}}}}。", k), Origin("cloze.term", "对策")) for k in range(12)
    ]
    background = (
        _cloze("在{{c1::数字化}}时代,{{c2::党员}}学习。", 99),
        Origin("cloze.term", "背景"),
    )
    symptoms = (_cloze("配套设施{{c1::不足}}、{{c1::不清}}。", 98), Origin("cloze.series", "问题"))
    chosen = choose([*keep, background, symptoms], 900, frozenset(), folded)
    assert [n.guid for n, _ in chosen] == [n.guid for n, _ in keep]


def test_a_standing_term_keeps_its_card_whatever_the_budget() -> None:
    folded = "x" * 900
    keep = [
        (_cloze(f"要{{{{c1::健全机制{k}}}}}。", k), Origin("cloze.term", "对策")) for k in range(12)
    ]
    named = (_cloze("2019年{{c1::光盘行动}}开始。", 99), Origin("cloze.term", "背景"))
    chosen = choose([*keep, named], 900, frozenset(), folded + "“光盘行动”")
    assert len(chosen) == 13
    chosen = choose([*keep, named], 900, frozenset({"光盘行动"}), folded)
    assert len(chosen) == 13


def test_examples_after_ru_are_no_list_card() -> None:
    text = (
        "各级党组织要创新党员教育的方式方法。\n"
        "要注重运用现代科技手段,如虚拟现实、增强现实、人工智能等,打造沉浸式的教育场景。"
        "要把党的理论、革命历史、先进事迹等内容融入展览展示环节。\n"
    )
    out = generate(Article(text=text, title="创新党员教育"), "t")
    lists = [n.items for n in out.notes if n.kind is NoteKind.LIST]
    assert ("虚拟现实", "增强现实", "人工智能") not in lists
    assert ("党的理论", "革命历史", "先进事迹") in lists


def test_a_list_prompt_opening_with_a_verb_gets_its_sentence_subject() -> None:
    text = (
        "深挖“文化富矿”,以历史文物氤氲党员教育“韵味”。"
        "各级党组织要善于挖掘博物馆里的“文化富矿”,"
        "通过举办文化讲座、文物鉴赏会、历史文化主题党日等活动,让党员坚定文化自信。\n"
    )
    out = generate(Article(text=text, title="党员教育"), "t")
    prompts = {n.items: n.prompt for n in out.notes if n.kind is NoteKind.LIST}
    prompt = prompts[("文化讲座", "文物鉴赏会", "历史文化主题党日")]
    assert prompt.startswith("各级党组织")


def test_a_list_prompt_never_borrows_a_speaker_or_a_time_as_subject() -> None:
    from trainer.generation.word.lists import _leading_subject

    assert _leading_subject("记者分三期投放,覆盖餐饮、零售、文旅等多个领域。") == ""
    assert _leading_subject("长期以来,一些青少年不珍惜劳动成果。") == ""
    assert _leading_subject("新质生产力具有高科技、高效能、高质量特征。") == "新质生产力"


def test_editor_credits_make_no_card() -> None:
    text = (
        "生态安全是国家安全的绿色基石。我们要健全山水林田湖草沙一体化保护机制。\n"
        "文字编辑：司晋丽\n新媒体编辑：杨明珠（实习）\n"
    )
    out = generate(Article(text=text, title="筑牢生态屏障"), "t")
    assert not any("司晋丽" in (n.text + n.answer) or "杨明珠" in n.text for n in out.notes)


def test_an_untitled_article_has_the_topic_its_paragraphs_come_back_to() -> None:
    from trainer.generation.detect.keyterms import topic_words

    paragraphs = [
        "深挖红色富矿,以革命文物淬炼党员教育党味。党员教育要用好博物馆。",
        "深挖文化富矿,以历史文物氤氲党员教育韵味。",
        "深挖创新富矿,以数字文物激活党员教育趣味。",
        "数字文物为党员教育带来新机遇,党员教育更有趣。",
    ]
    tokens_of = [["党员", "教育", "文物", "富矿", "韵味"] for _ in range(6)]
    assert "教育" in topic_words(tokens_of, paragraphs, "")
    assert "韵味" not in topic_words(tokens_of, paragraphs, "")


def test_a_speakers_short_quotation_is_a_golden_line() -> None:
    from trainer.generation.detect.golden import find_golden

    text = "邓小平同志说:“改革是中国的第二次革命。”"
    found = find_golden(text, Span(text, 0, len(text)), True)
    assert found is not None
    assert [b.text for b in found.blanks] == ["中国的第二次革命"]


def test_a_short_side_word_is_no_blank_beside_a_cards_term() -> None:
    text = (
        "各级党组织要创新党员教育的方式方法。\n"
        "要加强数字文物资源的整合与共享,建立数字文物资源库,为党员提供丰富多样的学习资源。"
        "数字文物资源要用好。数字文物资源库要建好。\n"
    )
    out = generate(Article(text=text, title="创新党员教育"), "t")
    for note in out.notes:
        assert "{{c2::党员}}" not in note.text and "{{c1::党员}}" not in note.text


def test_over_budget_a_cloze_whose_blanks_another_card_asks_goes() -> None:
    folded = "x" * 900
    keep = [
        (_cloze(f"要{{{{c1::健全机制{k}}}}}。", k), Origin("cloze.term", "对策")) for k in range(12)
    ]
    again = (_cloze("还要{{c1::健全机制3}}和{{c2::健全机制5}}。", 50), Origin("cloze.term", "对策"))
    chosen = choose([*keep, again], 900, frozenset(), folded)
    assert [n.guid for n, _ in chosen] == [n.guid for n, _ in keep]
    under = choose([*keep[:5], again], 900, frozenset(), folded)
    assert len(under) == 6  # within budget nothing goes


def test_a_list_of_measures_without_a_question_is_named_by_subject_and_category() -> None:
    text = (
        "耕地是粮食生产的命根子。\n"
        "保护耕地,首先要严格落实耕地保护责任,把保护目标任务逐级分解下达;"
        "其次要坚决遏制耕地“非农化”,严禁违规占用耕地;最后要提升耕地质量,"
        "大力推进高标准农田建设。\n"
    )
    out = generate(Article(text=text, title="守住耕地红线"), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert "保护耕地的对策有哪三条？" in prompts


def test_what_a_speaker_said_is_not_read_as_what_to_do() -> None:
    text = (
        "习近平总书记指出,中华民族历史悠久,中华文明源远流长,中华文化博大精深,"
        "一个博物馆就是一所大学校。各级党组织要依托博物馆资源优势。\n"
    )
    out = generate(Article(text=text, title=""), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts and not any("要做到" in p for p in prompts)


def test_one_side_and_the_other_is_a_golden_line_without_common_blanks() -> None:
    from trainer.generation.detect.golden import find_golden

    text = "一边是新一轮科技革命和产业变革的历史机遇,另一边是关键领域自主可控不足的现实掣肘。"
    assert find_golden(text, Span(text, 0, len(text)), False) is not None
    out = generate(Article(text=f"数字中国建设正当其时。\n{text}\n", title="数字中国"), "t")
    card = next(n.text for n in out.notes if "另一边" in n.text)
    for common in ("产业", "历史", "关键", "新一轮", "另一边"):
        assert f"::{common}}}}}" not in card


def test_series_members_are_cut_at_their_quotation_marks_never_inside_a_word() -> None:
    from trainer.generation.pick.clozes import _unquoted

    assert _unquoted(Span("就应以“责权一致", 0, 8)).text == "责权一致"
    assert _unquoted(Span("责能一致”为准绳", 9, 17)).text == "责能一致"
    assert _unquoted(Span("自我隔绝”", 0, 5)).text == "自我隔绝"
    text = (
        "加强国家战略腹地建设,能够促进经济活动空间再配置,"
        "为经济高质量发展注入新动能、形成新的增长点。\n"
    )
    out = generate(Article(text=text, title="国家战略腹地"), "t")
    assert not any("形成新}}" in n.text for n in out.notes)


def test_over_budget_a_problem_sentences_series_of_phrases_stays() -> None:
    folded = "x" * 900  # budget 12
    keep = [
        (_cloze(f"要{{{{c1::健全机制{k}}}}}。", k), Origin("cloze.term", "对策")) for k in range(12)
    ]
    symptoms = (
        _cloze("企业反映{{c1::审批环节多}}、{{c1::办事周期长}}。", 98),
        Origin("cloze.series", "问题"),
    )
    background = (
        _cloze("在{{c1::数字化}}时代,{{c2::党员}}学习。", 99),
        Origin("cloze.term", "背景"),
    )
    chosen = choose([*keep, symptoms, background], 900, frozenset(), folded)
    assert symptoms[0].guid in [n.guid for n, _ in chosen]
    assert background[0].guid not in [n.guid for n, _ in chosen]


def test_over_budget_a_series_built_on_one_pattern_stays_even_in_background() -> None:
    folded = "x" * 900  # budget 12
    keep = [
        (_cloze(f"要{{{{c1::健全机制{k}}}}}。", k), Origin("cloze.term", "对策")) for k in range(12)
    ]
    alike = (
        _cloze("现场做到{{c1::有送必检}}、{{c1::随送随检}}。", 97),
        Origin("cloze.series", "背景"),
    )
    unlike = (
        _cloze("现场摆放{{c1::检测仪器}}、{{c1::宣传展板}}。", 98),
        Origin("cloze.series", "背景"),
    )
    chosen = [n.guid for n, _ in choose([*keep, alike, unlike], 900, frozenset(), folded)]
    assert alike[0].guid in chosen
    assert unlike[0].guid not in chosen
