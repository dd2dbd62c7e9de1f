"""Headings in the layouts 申论 material uses, material labels included."""

from __future__ import annotations

from gen_scoring import make

BODY = "近年来,A县深挖荔枝历史文化底蕴,着力做好“土特产”文章,把荔枝“小特产”做成“大产业”。"


def test_a_material_label_names_an_untitled_material_and_is_its_section() -> None:
    for label, name in (("【材料三】", "材料三"), ("材料3", "材料3"), ("给定资料2", "给定资料2")):
        made = make(f"{label}\n{BODY}\n{BODY}\n", "t")
        assert made.title == name, label
        assert made.sections[:1] == (name,), label


def test_material_labels_inside_an_article_are_sections() -> None:
    made = make(f"荔枝产业调查\n\n材料1\n\n{BODY}\n\n材料2\n\n{BODY}\n", "t")
    assert made.title == "荔枝产业调查"
    assert made.sections == ("材料1", "材料2")


def test_a_bracketed_label_with_its_title_and_long_numbered_headings() -> None:
    body = f"{BODY}{BODY}"
    made = make(
        "以文化振兴赋能乡村振兴\n\n"
        f"【分论点一】坚持党建引领,凝聚合力\n\n{body}\n\n"
        f"【分论点二】深挖乡土资源,激活文化基因\n\n{body}\n\n"
        f"一、以产业振兴为基础,增强乡村发展动能,推动一二三产业融合发展\n\n{body}\n\n"
        f"【编者按】基层是国家治理的“最后一公里”。如何让基层干部从文山会海中解脱出来?\n\n{body}\n",
        "t",
    )
    assert made.sections == (
        "分论点一:坚持党建引领,凝聚合力",
        "分论点二:深挖乡土资源,激活文化基因",
        "一、以产业振兴为基础,增强乡村发展动能,推动一二三产业融合发展",
        "编者按",
    )


def test_numbered_lines_ending_on_a_semicolon_are_items_not_headings() -> None:
    """``5. 坚持……；`` lines are the items of one list, however short: a heading never
    ends on a semicolon, and a long item among them does not split the list."""
    text = (
        "宣传思想工作的规律性认识\n\n这些认识是:\n\n"
        "1. 坚持党对意识形态工作的领导权;\n2. 坚持培育和践行社会主义核心价值观;\n"
        "3. 坚持文化自信是更基础、更广泛、更深厚的自信,是更基本、更深沉、更持久的力量;\n"
        "4. 坚持以人民为中心的创作导向;\n5. 坚持营造风清气正的网络空间;\n"
    )
    made = make(text, "t")
    assert not [s for s in made.sections if s.startswith(("1.", "2.", "4.", "5.", "坚持"))]
    lists = [n.items for n in made.notes if n.items]
    assert any(len(items) == 5 for items in lists), lists


RUN_IN = "".join(
    f"（{n}）{head}。{body}\n\n"
    for n, head, body in (
        (
            "一",
            "坚持和加强集中统一领导",
            "党的领导是全面的、系统的、整体的,必须全面、系统、整体加以落实。",
        ),
        (
            "二",
            "坚持不懈用创新理论凝心铸魂",
            "加强理想信念教育,引导全党牢记党的宗旨,解决好总开关问题。",
        ),
        (
            "三",
            "完善自我革命制度规范体系",
            "坚持制度治党、依规治党,以党章为根本,以民主集中制为核心。",
        ),
    )
)


def test_numbered_run_in_heads_are_the_sections() -> None:
    """``（一）坚持……。正文……`` three times in turn: each head is its section's heading
    (a report's layout: print sets the head in bold before its paragraph)."""
    made = make("全面从严治党\n\n全面从严治党永远在路上。\n\n" + RUN_IN, "t")
    assert made.sections == (
        "(一)坚持和加强集中统一领导",
        "(二)坚持不懈用创新理论凝心铸魂",
        "(三)完善自我革命制度规范体系",
    )


def test_a_lone_numbered_sentence_stays_a_paragraph() -> None:
    made = make(
        "基层治理\n\n（一）坚持党建引领。党建是基层治理的根本保证,要把党的领导贯穿始终。\n", "t"
    )
    assert not made.sections or made.sections == ("",) or "(一)" not in made.sections[0]


def test_the_last_numbered_item_before_a_heading_is_an_item_and_a_lead_in_is_no_heading() -> None:
    """A numbered list whose items end on 。: its last item, followed by the next part's
    heading, is still an item; the sentence leading into it (……,主要有以下几点:) is
    no heading either."""
    text = (
        "# 新时代的经验\n\n## 一、必须坚持的原则\n\n党的建设积累了宝贵经验,主要有以下几点:\n\n"
        "1. 坚持党的全面领导,确保正确方向。\n2. 坚持以人民为中心的发展思想。\n"
        "3. 坚持全面深化改革,破除体制机制障碍。\n4. 坚持新发展理念,推动高质量发展。\n\n"
        f"## 二、下一步的任务\n\n{BODY}\n"
    )
    made = make(text, "t")
    assert made.sections == ("一、必须坚持的原则", "二、下一步的任务")
    lists = [n.items for n in made.notes if n.items]
    assert any(len(items) == 4 and items[-1].startswith("坚持新发展理念") for items in lists), lists


def test_a_material_s_framing_line_ending_on_a_colon_is_no_title() -> None:
    """An exam material opens on who wrote what (某学者发表文章,……。该文章摘录如下:):
    a line that leads into the excerpt (a colon closing it, a full stop inside it) is
    no title; the material has none."""
    from trainer.generation.split.structure import outline

    text = (
        "某记者走访了某县,了解到当地发展乡村旅游的做法。相关报道摘编如下:\n"
        "某县地处山区,过去交通不便,村民收入很低。\n"
        "近年来,县里修通了公路,办起了民宿,游客越来越多。\n"
    )
    doc = outline(text)
    assert doc.title == ""
    assert outline("乡村旅游的新路子\n某县地处山区,过去交通不便。\n").title == "乡村旅游的新路子"


def test_unmarked_parallel_headings_open_sections() -> None:
    """A theory article's bold headings, printed as plain lines: each one not a
    sentence, longer than a short label, a long paragraph under it, three or more
    framed alike."""
    body = (
        "这是一个很长的段落，讲述了事情的来龙去脉，分析了其中的道理，"
        "并且提出了下一步的要求，篇幅远远长于上面的标题，读者一看便知哪一行是标题，哪一段是正文。"
    )
    heads = [
        "从新时代的重大时代课题看基层治理在国家治理中的特殊重要地位",
        "从“三个结合”的实践要求看基层治理在国家治理中的特殊重要地位",
        "从人民群众的新期待新要求看基层治理在国家治理中的特殊重要地位",
    ]
    text = (
        "基层治理的重要地位\n\n引言段落说明了写作的缘由和背景，篇幅也不短，是一段完整的论述。\n\n"
    )
    text += "\n\n".join(f"{h}\n\n{body}" for h in heads)
    assert make(text, "t").sections == tuple(heads)


def test_short_lines_without_a_shared_frame_stay_paragraphs() -> None:
    body = (
        "这是一个很长的段落，讲述了事情的来龙去脉，分析了其中的道理，"
        "并且提出了下一步的要求，篇幅远远长于上面的那一行字，读者一看便知哪一行短，哪一段长。"
    )
    lines = [
        "村里来了一位年轻的第一书记他带着行李住进了村委会",
        "他先花了三个月时间走访了全村所有的困难户家庭",
        "后来村里的老老少少都说这位书记是个说到做到的实在人",
    ]
    text = "题目\n\n" + "\n\n".join(f"{h}\n\n{body}" for h in lines)
    assert make(text, "t").sections == ()


def test_a_label_and_its_findings_above_prose_are_a_subhead() -> None:
    """挖病根：……，……: a feature's subheads name a part and what it finds."""
    text = (
        "某村的变化\n\n"
        f"{BODY}\n\n"
        "挖病根：说话没人听，干事没人跟，背后是组织软弱涣散\n\n"
        f"村里不是没搞过建设。{BODY}\n\n"
        "开药方：内抓组织生活，外抓联系群众\n\n"
        f"新书记上任了。{BODY}\n"
    )
    made = make(text, "t")
    assert [s.replace(":", "：").replace(",", "，") for s in made.sections] == [
        "挖病根：说话没人听，干事没人跟，背后是组织软弱涣散",
        "开药方：内抓组织生活，外抓联系群众",
    ]


def test_a_labelled_line_with_a_sentence_or_a_quote_is_no_subhead() -> None:
    text = f"某村的变化\n\n{BODY}\n\n村支书说：“我们要把事办好。”\n\n{BODY}\n"
    assert make(text, "t").sections == ()


def test_a_lone_short_line_above_the_body_is_a_byline_not_a_section() -> None:
    # 人民论坛 prints the author's pen name on its own line under the headline.
    made = make(f"“关键少数”要有关键作为\n\n余谓之\n\n{BODY}{BODY}\n\n{BODY}{BODY}\n", "t")
    assert made.sections == ()


def test_two_short_lines_above_long_ones_are_sections() -> None:
    made = make(f"荔枝产业调查\n\n做强产业\n\n{BODY}{BODY}\n\n擦亮品牌\n\n{BODY}{BODY}\n", "t")
    assert made.sections == ("做强产业", "擦亮品牌")


def test_a_plain_closing_heading_beside_numbered_ones_is_a_section() -> None:
    made = make(
        f"荔枝产业调查\n\n一、做强荔枝产业\n\n{BODY}{BODY}\n\n二、擦亮荔枝品牌\n\n{BODY}{BODY}\n\n"
        f"结语\n\n{BODY}{BODY}\n",
        "t",
    )
    assert made.sections == ("一、做强荔枝产业", "二、擦亮荔枝品牌", "结语")


def test_a_plain_closing_heading_beside_run_in_heads_is_a_section() -> None:
    made = make(
        f"荔枝产业调查\n\n(一)做强荔枝产业。{BODY}{BODY}\n\n(二)擦亮荔枝品牌。{BODY}{BODY}\n\n"
        f"(三)拓宽销售渠道。{BODY}{BODY}\n\n结语\n\n{BODY}{BODY}\n",
        "t",
    )
    assert made.sections[-1] == "结语"
