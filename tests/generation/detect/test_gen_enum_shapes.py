"""Lists written as stems, lead sentences, pivots and framed 、 series (hand-written text)."""

from __future__ import annotations

import pytest
from gen_scoring import make, matched

from trainer.domain.model import NoteKind
from trainer.generation.text import fold


def lists(text: str) -> list[list[str]]:
    return [[fold(i) for i in n.items] for n in make(text).notes if n.kind is NoteKind.LIST]


def prompts(text: str) -> list[str]:
    return [fold(n.prompt) for n in make(text).notes if n.kind is NoteKind.LIST]


def has_list(text: str, expected: list[str]) -> bool:
    return any(matched(expected, got) == len(expected) for got in lists(text))


CASES = {
    "stem": (
        "一、为什么要建设书香社会\n"
        "全民阅读是提升国民素质的基础工程。读书使人明理,阅读让人进步。\n"
        "全民阅读是传承中华文明的重要途径。典籍浩如烟海,需要一代代人去读。\n"
        "全民阅读是建设文化强国的有力支撑。文化繁荣离不开读书的风气。\n",
        ["提升国民素质的基础工程", "传承中华文明的重要途径", "建设文化强国的有力支撑"],
    ),
    "lone": (
        "二、对策建议\n"
        "建设书香社会,可以从以下三个方面着手:\n"
        "完善阅读设施。在社区、乡村建设图书室,方便群众就近借阅。\n"
        "丰富阅读活动。举办读书节、读书会,营造浓厚氛围。\n"
        "培育阅读习惯。从娃娃抓起,让阅读成为生活方式。\n",
        ["完善阅读设施", "丰富阅读活动", "培育阅读习惯"],
    ),
    "lone_elaborated": (  # the first head goes on in its own sentence, the others stand alone
        "近年来,某市大力推进城市书房建设,取得了明显成效。\n"
        "书房设施网络不断完善,书房数量已达到一百二十家。市里在各街道布点,方便就近阅读。\n"
        "公共文化服务不断迈向更高水平。全市书房实现全天开放,借阅更加便利。\n"
        "运营主体格局更加多元。社会力量通过合作、捐赠等方式参与运营,活力明显增强。\n"
        "政策扶持和制度保障不断完善。市里出台管理办法,明确经费来源和考核标准。\n",
        [
            "书房设施网络不断完善",
            "公共文化服务不断迈向更高水平",
            "运营主体格局更加多元",
            "政策扶持和制度保障不断完善",
        ],
    ),
    "lone_shared_start": (  # two of three lone heads open on one word: still a lone run
        "书屋建设这些年变化很大。\n"
        "书屋公共服务不断迈向更高水平。全县书屋实现全天开放,借阅更加便利。\n"
        "运营主体格局更加多元。社会力量通过合作、捐赠等方式参与运营。\n"
        "书屋政策扶持和保障不断完善。县里出台管理办法,明确经费来源。\n",
        ["书屋公共服务不断迈向更高水平", "运营主体格局更加多元", "书屋政策扶持和保障不断完善"],
    ),
    "pivot": (
        "数字技术正在改变阅读。有声书让盲人“听见”经典名著,电子书让偏远孩子读上新书,"
        "直播让冷门好书登上榜单。\n",
        ["有声书让盲人“听见”经典名著", "电子书让偏远孩子读上新书", "直播让冷门好书登上榜单"],
    ),
    "shi": (
        "建设书香社会,是提升国民素质的基础工程,也是传承中华文明的重要途径,"
        "更是建设文化强国的有力支撑。\n",
        ["提升国民素质的基础工程", "传承中华文明的重要途径", "建设文化强国的有力支撑"],
    ),
    "quoted": (
        "不少社区书屋面临“没人管、没书看、没人来”的尴尬,亟待破解。\n",
        ["没人管", "没书看", "没人来"],
    ),
    "four": (
        "推进书香社会建设,要坚持政府主导、社会参与、全民共享,久久为功。\n",
        ["政府主导", "社会参与", "全民共享"],
    ),
    "patterned": (
        "要让摆放在书架上的图书、保存在库房里的典籍、散落在民间的手稿都被读起来。\n",
        ["摆放在书架上的图书", "保存在库房里的典籍", "散落在民间的手稿"],
    ),
    "aligned": (
        "让珍藏在图书馆里的善本、流传在乡村里的歌谣、记录在家谱里的故事都走近读者,意义重大。\n",
        ["珍藏在图书馆里的善本", "流传在乡村里的歌谣", "记录在家谱里的故事"],
    ),
    "colon": (
        "书屋建设成绩不小,但仍面临一些困境:图书更新慢、种类单一,开放时间与群众作息错位,"
        "管理人员多为兼职,借阅数据无人分析。这些问题需要逐一破解。\n",
        ["图书更新慢、种类单一", "开放时间与群众作息错位", "管理人员多为兼职", "借阅数据无人分析"],
    ),
    "two_series": (
        "县里建起服务站,为退休教师、大学生、返乡青年、志愿者等四类人员提供培训、场地和经费支持。\n",
        ["退休教师", "大学生", "返乡青年", "志愿者"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_list_shape_is_found(name: str) -> None:
    text, expected = CASES[name]
    assert has_list(text, expected), lists(text)


def test_html_bullets_do_not_reach_items() -> None:
    text, _ = CASES["lone"]
    for items in lists(text):
        assert not any(it.startswith("-") for it in items)


def test_a_quoted_series_repeated_is_one_list() -> None:
    text = "基层书屋“没人管、没书看、没人来”。\n破解“没人管、没书看、没人来”,要靠机制创新。\n"
    assert sum(matched(["没人管", "没书看", "没人来"], got) == 3 for got in lists(text)) == 1


@pytest.mark.parametrize("name", sorted(CASES))
def test_list_prompt_is_short_and_names_its_subject(name: str) -> None:
    text, _ = CASES[name]
    for p in prompts(text):
        assert p.endswith("?") and "哪" in p, p
        assert len(p) <= 32, p
        for junk in ("以下", "可以从", ",的", "是,", "哪三个?", "有哪三个?"):
            assert junk not in p, p
        assert p != "文中提出了哪三点?", p


def test_reason_and_stem_prompts_ask_for_the_meaning() -> None:
    assert prompts(CASES["shi"][0]) == ["建设书香社会的意义有哪三点?"]
    assert prompts(CASES["stem"][0])[0].endswith("全民阅读的意义有哪三点?")


def test_prompt_drops_the_announcement_and_keeps_the_section() -> None:
    text = (
        "书香社会\n\n读书让人进步。\n\n四、对策建议\n\n推进全民阅读,需要政府、社会、家庭同向发力,可以从以下三个方面着手:\n\n"
        "加大投入。多建图书馆、书屋,让群众有书读。\n\n"
        "创新形式。用好短视频、直播,让阅读更有趣。\n\n"
        "营造氛围。评选书香家庭,带动更多人读书。\n"
    )
    got = prompts(text)
    assert got == ["推进全民阅读有哪三条对策?"], got  # 对策建议 names a part: no prefix


def test_a_requirement_is_not_read_as_a_goal() -> None:
    text = "题目\n\n要求:结合材料,提炼三条路径。\n\n其一,完善书屋管理。其二,丰富图书种类。其三,开展读书活动。\n"
    for p in prompts(text):
        assert not p.startswith(("求", "题目:求")), p


def test_a_list_answering_a_problem_asks_for_countermeasures() -> None:
    text = (
        "书屋建设\n\n读书让人进步。\n\n参考答案\n\n针对书屋“没人管、没书看、没人来”的问题,"
        "应从以下几方面着力:一是健全管理制度,明确专人负责;二是丰富图书资源,定期更新书目;"
        "三是开展阅读活动,吸引群众参与。\n"
    )
    got = prompts(text)
    assert any(p.endswith("的问题,有哪三条对策?") for p in got), got


def test_a_head_noun_run_may_hold_verbs_but_not_open_with_one() -> None:
    from trainer.generation.detect.keyterms import rank_terms
    from trainer.generation.split.words import tokens

    text = "要建立干部试错免责制度,为担当者担当。要全面推行村级事务清单制度,减轻负担。"
    toks = [[w for w, _ in tokens(s)] for s in text.split("。") if s]
    words = [t.word for t in rank_terms(toks, text)]
    assert any("试错免责制度" in w for w in words), words
    assert not any(w.startswith("全面推行") for w in words), words


def test_openers_sharing_a_head_clause_keep_it_out_of_the_items() -> None:
    text = (
        "书屋观察\n\n评论一:书屋热闹之后\n\n书屋“冷清”,影响群众阅读。借阅量下降,图书积灰。\n\n"
        "书屋“冷清”,影响文化振兴。乡村少了书香,也少了精气神。\n"
    )
    got = [n for n in make(text).notes if n.kind is NoteKind.LIST]
    assert [list(n.items) for n in got] == [["影响群众阅读", "影响文化振兴"]], got
    assert got[0].prompt == "关于书屋“冷清”，文中提出了哪两个分论点？", got[
        0
    ].prompt  # 评论一: a part


_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"


def test_sentences_opening_on_one_frame_are_a_list() -> None:
    text = (
        f"{_FILLER}\n乱象频发的背后,有着多重原因。从技术层面看,开源模型大量涌现,门槛大幅降低。"
        "从平台层面看,部分平台重流量、轻审核。从用户层面看,不少网民缺乏了解,容易轻信转发。\n"
        f"{_FILLER}\n"
    )
    assert ["从技术层面看", "从平台层面看", "从用户层面看"] in lists(text)


@pytest.mark.parametrize(
    ("line", "items"),
    [
        (
            "当前,“健身去哪儿”“健身怎么练”“健身谁来教”等问题仍然困扰着不少群众。",
            ["健身去哪儿", "健身怎么练", "健身谁来教"],
        ),
        (
            "从“能生成”到“可识别”,再到“可追溯”,AI内容治理是一项长期的系统工程。",
            ["能生成", "可识别", "可追溯"],
        ),
        (
            "党的二十大报告提出,完善网格化管理、精细化服务、信息化支撑的基层治理平台。",
            ["网格化管理", "精细化服务", "信息化支撑"],
        ),
    ],
)
def test_quoted_names_in_a_row_and_progressions_are_lists(line: str, items: list[str]) -> None:
    assert items in lists(f"{_FILLER}\n{_FILLER}{line}{_FILLER}\n{_FILLER}\n")


def test_detectors_rank_by_an_explicit_priority() -> None:
    from trainer.generation.detect.enumtypes import PRIORITY, Style

    assert list(PRIORITY) == list(Style)
    assert PRIORITY[Style.ORDINAL] < PRIORITY[Style.SEMICOLON] < PRIORITY[Style.INLINE]
    assert PRIORITY[Style.INLINE] < PRIORITY[Style.SERIES]


def test_items_lose_hedges_and_example_markers() -> None:
    from gen_scoring import make

    text = (
        "基层负担。\n\n当前基层负担依然较重,主要表现在:有的地方文件会议过多,基层疲于应付;"
        "有的地方督查检查频繁,基层难以招架;还有的地方考核指标繁杂,基层无所适从。\n"
    )
    lists = [n for n in make(text, "t").notes if n.kind.value == "list"]
    assert lists and lists[0].items == ("文件会议过多", "督查检查频繁", "考核指标繁杂")


def test_a_lead_in_naming_the_shows_asks_for_the_subjects_shows() -> None:
    from trainer.generation.word.lists import _clean, _with_category

    assert _with_category(_clean("当前基层负担依然较重,主要表现在:"), 3) == "基层负担有哪三种表现?"
    assert (
        _with_category(_clean("乡村治理仍存在一些问题,主要表现在:"), 3)
        == "乡村治理仍存在哪三个问题?"
    )


def test_an_inline_list_counts_its_category_noun_with_its_own_measure_word() -> None:
    from gen_scoring import make

    text = (
        "农业服务\n\n"
        "要引导农业服务组织向农资供应、技术指导、产品营销、金融保险等方面延伸，"
        "让小农户共享现代农业发展成果。\n"
    )
    prompts = [n.prompt for n in make(text, "t").notes if n.kind.value == "list"]
    assert any("哪四个方面" in p for p in prompts), prompts


def test_a_series_of_questions_is_no_list_of_points() -> None:
    """以前如何、现在怎样、未来何去: questions raised, no points to list."""
    text = (
        "村庄的明天\n\n村里召开议事会，村民们围绕村子的以前如何、现在怎样、未来何去等问题展开讨论。"
        "大家一致认为，发展特色产业、改善人居环境、传承乡土文化是三件大事。\n"
    )
    lists = [n.items for n in make(text, "t").notes if n.kind is NoteKind.LIST]
    assert all("现在怎样" not in items for items in lists), lists


def test_items_that_mostly_ask_are_questions() -> None:
    from trainer.generation.detect.enumtypes import questions

    assert questions(["以前如何", "现在怎样", "未来何去"])
    assert not questions(["发展特色产业", "改善人居环境", "传承乡土文化"])
    assert not questions(["干什么学什么", "缺什么补什么"])  # 什么 here asks nothing


def test_a_turn_before_lone_heads_is_no_head_of_its_own() -> None:
    """成效来之不易,短板也不容忽视: a lead-in turning to the points, not the first of them."""
    text = (
        "书屋建设成效来之不易,短板也不容忽视。县里书屋多建在村委会,群众借阅不便。\n"
        "图书更新速度偏慢。不少书屋的图书多年没有更换,内容陈旧。\n"
        "管理人员普遍兼职。管理员多由村干部兼任,开放时间难以保证。\n"
        "借阅活动形式单一。除了借书还书,书屋很少组织读书活动。\n"
    )
    expected = ["图书更新速度偏慢", "管理人员普遍兼职", "借阅活动形式单一"]
    found = [got for got in lists(text) if matched(expected, got) == 3]
    assert found and all(len(got) == 3 for got in found), lists(text)
