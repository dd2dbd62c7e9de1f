"""A list's question names a category its items are (rubric: PRM): measures are asked
as 对策, problems as 问题, whatever noun the lead-in happened to hold."""

from __future__ import annotations

import re

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.text import fold
from trainer.generation.word.lists import fitted, item_kind

_MEASURES = ["(1)完善社区养老服务设施", "(2)加大养老护理人员培训力度", "(3)推动医养结合服务下沉"]
_PROBLEMS = ["专业人才缺乏", "运营资金不足", "服务设施落后"]


def test_items_tell_measures_from_problems() -> None:
    assert item_kind(_MEASURES) == "对策"
    assert item_kind(_PROBLEMS) == "问题"
    assert item_kind(["解决资金不足", "弥补人才短缺", "化解债务风险"]) == "对策"
    assert item_kind(["城市", "乡村"]) == ""


def test_measures_asked_as_problems_are_asked_as_their_remedies() -> None:
    assert fitted("社会乱象有哪三种?", _MEASURES) == "社会乱象的对策有哪三条?"
    assert fitted("就业问题有哪三个?", _MEASURES) == "就业问题的对策有哪三条?"
    assert fitted("监督机制有哪三种乱象?", _MEASURES) == "监督机制有哪三条对策?"


def test_problems_asked_as_measures_are_asked_as_problems() -> None:
    assert fitted("乡村养老的对策有哪三条?", _PROBLEMS) == "乡村养老的问题有哪三个?"


def test_a_fitting_question_stays() -> None:
    assert fitted("乡村养老的对策有哪三条?", _MEASURES) == "乡村养老的对策有哪三条?"
    assert fitted("乡村养老存在哪三个问题?", _PROBLEMS) == "乡村养老存在哪三个问题?"


def test_a_list_of_measures_under_a_problem_lead_in_asks_for_the_remedies() -> None:
    text = (
        "社区治理的几点思考\n\n社区治理事关群众切身利益。近年来,各地在社区治理方面做了"
        "大量工作,但仍有不少短板需要补齐。\n\n针对社区养老问题,可以从以下三个方面着手:\n"
        "(1)完善社区养老服务设施;\n(2)加大养老护理人员培训力度;\n(3)推动医养结合服务下沉。\n\n"
        "总之,社区治理需要久久为功。\n"
    )
    out = generate(Article(text=text, title=""), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts and all("对策" in p for p in prompts), prompts


_POINTS = (
    "社区是社会治理的基本单元。推进治理现代化,需要抓好基层这项基础性工作,着力提升社区治理水平。\n"
    "集聚多元共治合力。社区治理是一项系统工程,必须坚持党的领导,多元主体协同发力。\n"
    "优化社区服务格局。社区治理要把服务居民作为出发点,最大程度实现便民化。\n"
    "提升智慧治理能力。社区治理要顺应信息技术发展趋势,以数字化推动治理精细化。\n"
)


def _list_prompts(text: str, title: str) -> list[str]:
    out = generate(Article(text=text, title=title), "t")
    return [
        fold(n.prompt)
        for n in out.notes
        if n.kind is NoteKind.LIST and "优化社区服务格局" in n.items
    ]


def test_points_opening_paragraphs_are_asked_under_the_articles_subject() -> None:
    """Not the sentence before them (``着力提升社区治理水平,具体有哪三点?``) but the
    subject and what the items are (rubric: PRM)."""
    assert _list_prompts(_POINTS, "提升社区治理现代化水平") == [
        "提升社区治理现代化水平有哪三个分论点?"
    ]


def test_points_under_a_heading_that_asks_are_asked_as_that_question() -> None:
    text = "社区治理\n\n一、社区治理的着力点是什么\n\n" + _POINTS
    assert _list_prompts(text, "社区治理") == ["社区治理的着力点是什么?有哪三点?"]


def test_items_lose_a_second_numbering_and_a_bracketed_note() -> None:
    """``1. (1)加强宣传引导(群众层面)。……``: the item is 加强宣传引导 (rubric: FIL)."""
    text = (
        "思想问题\n\n"
        "1. (1)加强宣传引导(群众层面)。通过线上线下相结合,提高居民的环保意识。\n"
        "2. (2)加强宣传教育(干部层面)。通过开展主题教育培训活动,引导干部树立正确的政绩观。\n"
    )
    out = generate(Article(text=text, title="思想问题"), "t")
    lists = [list(n.items) for n in out.notes if n.kind is NoteKind.LIST]
    assert ["加强宣传引导", "加强宣传教育"] in lists, lists


def test_a_series_after_er_shi_is_asked_under_the_sentences_subject() -> None:
    """``发展的目的不是……,而是让每个人……获得A、B和C``: not ``而是让每个人……获得哪三项?``
    but under the subject the sentence opens with (rubric: PRM)."""
    text = (
        "发展的目的不是制造一串抽象的数字,而是让每个人都能在社会进步中获得"
        "更稳定的预期、更可靠的保障和更有品质的生活。\n"
    )
    out = generate(Article(text=text, title="群众路线"), "t")
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts and prompts[0].startswith("发展的目的是让每个人"), prompts


def test_a_series_ending_before_de_keeps_its_last_item_whole() -> None:
    """``稳定、公平、透明、可预期的法治环境``: the last item is 可预期, never 可 (rubric: CUT)."""
    text = "优化营商环境,就是把企业放进稳定、公平、透明、可预期的法治环境里。\n"
    out = generate(Article(text=text, title="营商环境"), "t")
    lists = [list(n.items) for n in out.notes if n.kind is NoteKind.LIST]
    assert ["稳定", "公平", "透明", "可预期"] in lists, lists


WORD_EDGES = """规范涉企执法

对企业的轻微违规,执法人员要先查清事实。违规行为是否首次发生,是否主观恶意,是否造成严重后果,企业是否主动整改,都要核实清楚。

基层治理要久久为功。要构建党组织领导、政府负责、社会协同、公众参与、法治保障的基层治理体制,建设人人有责、人人尽责、人人享有的基层治理共同体。
"""


def test_list_items_never_start_or_end_inside_a_word() -> None:
    """An item cut inside a word (否首次发生 of 是否, 设人人有责 of 建设) loses the torn
    part: items snap to the words of their sentence (rubric: CUT)."""
    made = generate(Article(text=WORD_EDGES), "t")
    items = [it for n in made.notes if n.kind is NoteKind.LIST for it in n.items]
    assert items
    assert not any(it.startswith(("否", "设人人")) for it in items), items


MANY = """食品安全监管要形成合力

一家小作坊违法添加的案件,调查中发现涉及到了工商、食药监、农委、公安多个部门。

国家战略腹地首先要在交通区位、经济发展、人口、资源等多维度具有重要中心地位。
"""


def test_a_series_closed_by_duo_counts_its_items_in_the_nouns_unit() -> None:
    """工商、食药监、农委、公安多个部门 asks 哪四个部门, never 哪四项多个部门 (rubric: PRM)."""
    made = generate(Article(text=MANY), "t")
    prompts = [n.prompt for n in made.notes if n.kind is NoteKind.LIST]
    assert any("哪四个部门" in p for p in prompts), prompts
    assert any("哪四个维度" in p for p in prompts), prompts
    assert not any("哪四项多" in p for p in prompts), prompts


COMPLEMENT = """改革的系统观念

全面深化改革要坚持系统观念,处理好发展和安全、效率和公平、活力和秩序等重大关系。

做好新时代青年工作,要用好团组织、少先队、青联组织等阵地,做到思想引领、服务青年、维护权益三者统一。
"""


def test_a_verbs_complement_leads_into_a_series_and_opens_no_item() -> None:
    """处理好发展和安全、……: 好 completes 处理, so the first item is 发展和安全, never
    好发展和安全, and the prompt keeps 处理好 (rubric: CUT)."""
    made = generate(Article(text=COMPLEMENT), "t")
    items = [it for n in made.notes if n.kind is NoteKind.LIST for it in n.items]
    assert "发展和安全" in items, items
    assert not any(it.startswith(("好", "到")) for it in items), items
    blanks = [b for n in made.notes for b in re.findall(r"\{\{c\d+::(.*?)\}\}", n.text)]
    assert not any(b.startswith(("好", "用好", "处理好", "做到")) for b in blanks), blanks


CATEGORY = """创新发展

要坚持科学执政,提高党把方向、谋大局、定政策、促改革能力,调动各方面积极性。

新质生产力具有高科技、高效能、高质量特征,是符合新发展理念的先进生产力质态。
"""


def test_the_category_written_once_after_a_series_is_no_part_of_its_last_item() -> None:
    """把方向、谋大局、定政策、促改革能力: 能力 names what all four are, so the last item
    is 促改革 and the prompt asks for 能力 (rubric: CUT)."""
    made = generate(Article(text=CATEGORY), "t")
    lists = {n.items: n.prompt for n in made.notes if n.kind is NoteKind.LIST}
    assert ("把方向", "谋大局", "定政策", "促改革") in lists, lists
    assert "能力" in lists[("把方向", "谋大局", "定政策", "促改革")]
    assert ("高科技", "高效能", "高质量") in lists, lists


def test_a_headings_markdown_marks_are_in_no_prompt_or_source_line() -> None:
    """A series in a Markdown heading (``## 提升传播力、引导力、……``): its prompt and
    the source line under its answer show the words, never the ``##`` (markup)."""
    text = (
        "# 宣传工作要点\n\n## 提升传播力、引导力、影响力、公信力\n\n"
        "要全面提升新闻舆论传播力、引导力、影响力、公信力,巩固壮大主流思想舆论。\n\n"
        "## 弘扬主旋律\n\n要坚持正确导向,弘扬主旋律,传播正能量。\n"
    )
    made = generate(Article(text=text, title=""), "t")
    lists = [n for n in made.notes if n.kind is NoteKind.LIST]
    assert lists
    for note in lists:
        assert "#" not in note.prompt and "#" not in note.answer, (note.prompt, note.answer)
        assert "传播力" not in note.prompt, note.prompt


def test_a_list_of_headings_shows_no_markdown_in_its_source_line() -> None:
    """A study note's numbered ``##`` headings as one list: the source line under the
    answer joins the headings' own lines without their ``##`` (markup)."""
    from pathlib import Path

    from trainer.generation.read.reader import read_article

    path = Path(__file__).resolve().parents[2] / "data" / "heldout13" / "wunian-guihua.md"
    made = generate(read_article(str(path)), "t")
    answers = [n.answer for n in made.notes if n.kind is NoteKind.LIST]
    assert answers and not any("#" in a for a in answers), [a for a in answers if "#" in a]


def test_a_quotation_mark_left_unpaired_by_the_cut_series_goes() -> None:
    from trainer.generation.word.lists import paired_quotes

    assert paired_quotes("建设哪六项”?") == "建设哪六项?"
    assert paired_quotes("坚持“哪三项?") == "坚持哪三项?"
    assert paired_quotes("把“三农”工作落到哪三处?") == "把“三农”工作落到哪三处?"
    text = "城市更新\n\n各地纷纷提出建设“宜居、创新、智慧、绿色、人文、韧性城市”,让城市更美好。\n"
    out = generate(Article(text=text, title="城市更新"), "t")
    for n in out.notes:
        if n.kind is NoteKind.LIST:
            assert n.prompt.count("“") == n.prompt.count("”"), n.prompt


def test_a_bare_question_takes_the_rest_of_its_clause() -> None:
    """``通过哪三点?`` cannot be answered without the article; the rest of the
    clause after the items can (rubric: PRM)."""
    text = (
        "通过“人防”“技防”“物防”相结合,筑牢社区安全防线。"
        "社区还组建了志愿者队伍,定期开展巡查,消除各类隐患。\n"
    )
    out = generate(Article(text=text, title="2022年某市公务员录用考试《申论》试卷材料"), "t")
    prompts = [fold(n.prompt) for n in out.notes if n.kind is NoteKind.LIST]
    assert prompts, prompts
    for p in prompts:
        assert not p.endswith(("通过哪三点?", "通过哪三项?")), p


def test_a_question_naming_no_category_names_the_one_its_items_are() -> None:
    """``……,具体有哪三点?`` says nothing a student could answer without the article
    (rubric: PRM): it names what the items are, from the items themselves, else from
    what their sentences do in the argument."""
    assert fitted("发展养老服务,具体有哪三点?", _MEASURES) == "发展养老服务,具体有哪三条对策?"
    assert fitted("乡村养老,文中提出了哪三点?", _PROBLEMS) == "乡村养老,文中提出了哪三个问题?"
    assert fitted("城乡差距拉大,具体有哪三点?", ["甲", "乙", "丙"], "原因") == (
        "城乡差距拉大,具体有哪三个原因?"
    )


def test_problems_are_never_asked_as_what_to_do() -> None:
    assert fitted("乡村养老要做到哪三点?", _PROBLEMS) == "乡村养老有哪三个问题?"


def test_a_sentence_function_alone_never_recasts_what_to_do() -> None:
    """Only the items' own words say a list is of problems: a 要做到 question over
    items the classifier read as 问题 keeps asking what to do."""
    items = ["甲", "乙", "丙"]
    assert fitted("发展县域经济,既要做到哪三点?", items, "问题") == "发展县域经济,既要做到哪三点?"
    assert fitted("社区治理有哪三条对策?", items, "问题") == "社区治理有哪三条对策?"
    assert fitted("乡村养老有哪三点?", items, "") == "乡村养老有哪三点?"


def test_a_noun_before_the_count_is_what_the_items_are() -> None:
    """``题型有哪四项?``, ``建立的工作机制包括哪三点?``, ``也要有这三种境界,具体有哪三点?``:
    the question already names what its items are; a sentence's function never renames it."""
    items = ["甲", "乙", "丙"]
    for asked in ("题型有哪三项?", "建立的工作机制包括哪三点?", "也要有这三种境界,具体有哪三点?"):
        assert fitted(asked, items, "对策") == asked


def test_a_label_before_a_colon_is_renamed_only_from_the_items() -> None:
    """``三个没有变:有哪两点?``: the label is what the items are; only items that are
    measures themselves make it ``……:有哪三条对策?``."""
    assert fitted("三个没有变:有哪三点?", ["甲", "乙", "丙"], "对策") == "三个没有变:有哪三点?"
    assert fitted("养老服务:有哪三点?", _MEASURES) == "养老服务:有哪三条对策?"


def test_features_asked_stay_features() -> None:
    asked = "中国电影走出去呈现出新的亮点和特征,具体有哪三点?"
    assert fitted(asked, ["甲", "乙", "丙"], "对策") == asked
