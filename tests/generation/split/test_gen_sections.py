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
