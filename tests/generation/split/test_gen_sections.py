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
