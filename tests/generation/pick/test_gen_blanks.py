"""Blanks as a reader would set them: touching blanks are one, and key terms are whole."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.detect.keyterms import _whole
from trainer.generation.pick.clozes import _joined
from trainer.generation.text import Span


def test_touching_blanks_become_one() -> None:
    parts = [Span("相济", 12, 14), Span("宽严", 10, 12), Span("精准", 15, 17)]
    assert _joined(parts) == [Span("宽严相济", 10, 14), Span("精准", 15, 17)]


def test_no_card_cuts_a_phrase_into_neighbouring_blanks() -> None:
    filler = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
    text = (
        f"{filler}\n唯有宽严相济、精准施策,才能在保护个人权益与维护公共讨论之间找到平衡。"
        f"{filler}\n{filler}\n"
    )
    out = generate(Article(text=text, title="测试"), "t")
    for note in out.notes:
        if note.kind is NoteKind.CLOZE:
            assert "}}{{" not in note.text


def test_a_term_never_takes_the_last_character_of_the_word_before_it() -> None:
    """健全 + 全国碳排放权交易市场: the 全 belongs to 健全, though 全 stands alone elsewhere."""
    text = "健全全国碳排放权交易市场,完善绿色金融政策。全靠大家。健全全国碳排放权交易市场。"
    term = "全国碳排放权交易市场"
    assert _whole(term, text, {"全", "靠"}, {"健全", "完善"}) == term
    assert _whole(term, text, {"全", "靠"}, set()) == "全" + term  # what it did before


def _terms(sentences: list[str], title: str = "") -> set[str]:
    from trainer.generation.detect.keyterms import rank_terms
    from trainer.generation.split.words import tokens

    token_lists = [[w for w, _ in tokens(s)] for s in sentences]
    text = "\n".join([title, *sentences])
    return {t.word for t in rank_terms(token_lists, text, title)}


def test_the_repeated_topic_is_a_term_though_its_first_word_is_a_verb() -> None:
    """预制 is a verb to the dictionary, 预制菜 the topic of the article."""
    sentences = [
        "预制菜进校园引发热议。",
        "不少家长担心预制菜的营养。",
        "预制菜行业仍存在标准不统一的问题。",
        "学校使用预制菜应当主动公示。",
        "推动预制菜产业规范发展。",
    ]
    assert "预制菜" in _terms(sentences, "预制菜进校园")


def test_a_one_character_suffix_does_not_cut_a_compound() -> None:
    sentences = [
        "线上学科类培训机构大幅压减。",
        "坚持学科类培训从严审批。",
        "非学科类培训在培养兴趣方面发挥作用。",
    ]
    assert any("学科类培训" in w for w in _terms(sentences))


def test_document_names_and_quoted_names_with_latin_letters_are_terms() -> None:
    sentences = [
        "2019年,有关部门印发《数字乡村发展战略纲要(2019—2025年)》,作出顶层设计。",
        "一些不法分子利用“AI换脸”实施诈骗。",
        "推进“互联网+政务服务”向村一级延伸。",
    ]
    terms = _terms(sentences)
    assert {"数字乡村发展战略纲要", "AI换脸", "互联网+政务服务"} <= terms


def test_a_count_or_preposition_inside_a_run_makes_a_phrase_not_a_term() -> None:
    sentences = [
        "从一次协商到一项制度,治理在细节中完善。",
        "议事协商让群众的事由群众商量着办。",
    ]
    assert not any("到一项" in w or "协商到" in w for w in _terms(sentences))


def test_a_blank_never_tears_a_word_the_segmenter_split() -> None:
    text = "创新驱动。\n\n要加快培育创新动能,推动大中小企业融通发展,顺势而为抓住机遇。有的集市场地基础设施跟不上。"
    got = [n.text for n in make(text, "t").notes if n.kind.value == "cloze"]
    joined = "\n".join(got)
    assert "{{c1::创新动能}}" in joined and "{{c2::大中小企业" in joined, got
    assert "地基础设施}}" not in joined, got


def test_a_bare_predicate_is_no_blank() -> None:
    """大力发展, 不断完善, 持续繁荣: a manner word and a generic verb, no object, is
    what every 对策 says (rubric: GEN); the object or the coined phrase is the point."""
    from trainer.generation.pick.clozes import _good_blank

    for bare in ("大力发展", "不断完善", "持续繁荣", "更好发展", "健康发展", "广泛关注"):
        assert not _good_blank(bare), bare
    for term in ("健康中国", "全面深化改革", "协调发展", "企业年金", "高质量发展", "共同富裕"):
        assert _good_blank(term), term


def test_no_cloze_blanks_a_bare_predicate() -> None:
    filler = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
    text = (
        f"{filler}\n要发挥金融的支持作用,大力发展企业年金、职业年金和商业养老保险,"
        f"大力发展长期护理保险等金融产品。\n{filler}\n"
        "大力发展电子支付、保险支付等方式,为维护老年人权益提供便利。\n"
    )
    out = generate(Article(text=text, title="养老金融"), "t")
    for note in out.notes:
        if note.kind is NoteKind.CLOZE:
            assert "::大力发展}}" not in note.text, note.text


def test_a_term_card_on_a_judgement_also_blanks_what_the_judgement_says() -> None:
    """数字经济是推动高质量发展的重要{引擎}: with the subject blanked and the judged
    noun left visible, the card asks the topic and shows the point (rubric: KEY)."""
    filler = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
    text = (
        f"{filler}\n算力网络是推动产业升级的重要引擎。\n{filler}\n"
        "要加快算力网络布局,推动算力网络与产业融合。\n"
        f"{filler}\n算力网络建设离不开统筹规划。\n"
    )
    out = generate(Article(text=text, title="数字时代的新基建"), "t")
    cards = [
        n.text
        for n in out.notes
        if n.kind is NoteKind.CLOZE and "推动产业升级的" in n.text and "{{c" in n.text
    ]
    assert cards, [n.text for n in out.notes]
    assert any("引擎}}" in c for c in cards), cards


def test_a_quoted_coinage_in_a_term_card_is_blanked_where_there_is_room() -> None:
    """要大力提倡“马上就办”,让{少讲空话}成为风气: the coined, quoted phrase is the
    study point; left visible beside a blanked side term it gives the card away
    (rubric: KEY)."""
    filler = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
    text = (
        f"{filler}\n加强作风建设,要大力提倡“马上就办”,让少讲空话成为风气。\n{filler}\n"
        "作风建设永远在路上。\n作风建设关系党的形象。\n"
        "“十四五”时期,要推动作风建设实现“从有到优”的新突破。\n"
    )
    out = generate(Article(text=text, title="作风建设"), "t")
    cards = [n.text for n in out.notes if n.kind is NoteKind.CLOZE and "马上就办" in n.text]
    assert cards and all("::马上就办}}" in c for c in cards), cards
    period = [n.text for n in out.notes if "十四五" in n.text]
    assert period and not any("::十四五}}" in c for c in period), period  # a time word


def test_a_numbered_point_is_no_judgement() -> None:
    """一是精简文件会议: 是 numbers a point of a list; the list card asks the points."""
    text = (
        "基层减负\n\n"
        "为基层减负，一是精简文件会议，二是规范督查检查，三是整治过度留痕，四是清理政务应用。\n\n"
        "总之，要让基层干部把精力用在抓落实上，用在服务群众上。\n"
    )
    out = generate(Article(text=text, title="基层减负"), "t")
    assert not any("::精简文件会议}}" in n.text for n in out.notes)


def _blanked(sentence: str, words: list[str]) -> tuple[Span, ...]:
    return tuple(Span(w, sentence.index(w), sentence.index(w) + len(w)) for w in words)


def test_a_full_card_gives_its_topic_blank_to_a_standard_phrase_in_view() -> None:
    """唯有坚持新发展理念引领，{山区经济}才能…: with three blanks taken and the 规范表述
    新发展理念 in view, the blank on the topic gives way to it (rubric: KEY, GEN)."""
    from trainer.generation.pick.clozes import _standing_over_side

    text = "唯有坚持新发展理念引领，加快培育特色产业集群，山区经济才能在转型升级中赢得发展主动和长远优势。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["特色产业集群", "山区经济", "转型升级"])
    got = [b.text for b in _standing_over_side(s, blanks, {"山区经济", "山区", "经济"})]
    assert "新发展理念" in got and "山区经济" not in got, got
    assert "特色产业集群" in got, got


def test_a_card_with_room_keeps_its_blanks() -> None:
    """One blank and a 规范表述 in view: the card is not full, nothing gives way (a
    standard idiom such as 因地制宜 is not added beside it)."""
    from trainer.generation.pick.clozes import _standing_over_side

    text = "各地要坚持新发展理念，因地制宜发展特色产业，让农民群众在家门口就能增收致富。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["特色产业"])
    assert _standing_over_side(s, blanks, set()) == blanks


def test_a_quoted_blank_never_gives_way() -> None:
    """Blanks that are themselves quoted coinages or 规范表述 stay, however short."""
    from trainer.generation.pick.clozes import _standing_over_side

    text = "推行“走班制”，坚持“五育并举”，落实“双减”，推动乡村振兴，筑牢发展基础。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["走班制", "五育并举", "双减"])
    assert _standing_over_side(s, blanks, set()) == blanks


def test_a_longer_own_term_keeps_its_place_beside_a_standard_phrase() -> None:
    """从{接诉即办}到网格化管理，再到{议事协商}: 议事协商 is the article's own term, no
    side word; the 规范表述 in view does not take its place."""
    from trainer.generation.pick.clozes import _standing_over_side

    text = "从接诉即办到网格化管理，再到议事协商，各地探索的一个个“小切口”，正在撬动基层治理的“大变化”。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["接诉即办", "议事协商", "大变化"])
    assert _standing_over_side(s, blanks, {"基层治理"}) == blanks


def test_a_topic_subject_opening_the_sentence_is_not_blanked() -> None:
    """{校园餐饮安全}是一道“{必答题}”: the subject the title names is guessed; the judged
    noun carries the card (rubric: GEN, KEY)."""
    from trainer.generation.pick.clozes import _without_topic_subject

    text = "校园餐饮安全是一道“必答题”，容不得半点闪失。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["校园餐饮安全", "必答题"])
    got = [b.text for b in _without_topic_subject(s, blanks, {"餐饮安全", "校园"})]
    assert got == ["必答题"], got


def test_a_lone_topic_subject_gives_way_to_what_the_judgement_says() -> None:
    """{山区旅游}是乡村发展的新引擎 with that blank alone: the card asks 新引擎 instead."""
    from trainer.generation.pick.clozes import _without_topic_subject

    text = "山区旅游是带动乡村发展的新引擎。"
    s = Span(text, 0, len(text))
    got = [b.text for b in _without_topic_subject(s, _blanked(text, ["山区旅游"]), {"山区旅游"})]
    assert got == ["新引擎"], got


def test_a_topic_word_later_in_the_sentence_or_leading_a_series_stays_blanked() -> None:
    """A clause opening after a comma may be a member of a clause series, and a blank
    followed by 、 is the first member of a series: neither is the subject."""
    from trainer.generation.pick.clozes import _without_topic_subject

    topic = {"山区旅游", "山区"}
    text = "近年来各地加快发展，山区旅游提质增效，民宿经济持续升温。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["山区旅游", "民宿经济"])
    assert _without_topic_subject(s, blanks, topic) == blanks
    text = "山区旅游、民宿经济、特色农业共同带动了农民增收。"
    s = Span(text, 0, len(text))
    blanks = _blanked(text, ["山区旅游", "民宿经济", "特色农业"])
    assert _without_topic_subject(s, blanks, topic) == blanks
