"""Headings without numbers that together are the article's points."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.detect.enumerations import find_enumerations
from trainer.generation.split.structure import outline
from trainer.generation.text import fold

BODY = "企业在生产经营中形成的数据越来越多,如何用好这些数据,成为许多企业共同关心的问题。"


def _headings(text: str) -> list[list[str]]:
    folded = fold(text)
    return [
        [it.phrase.text for it in e.items]
        for e in find_enumerations(folded, outline(folded))
        if e.style == "headings"
    ]


def test_kickers_of_one_form_are_the_list_and_their_headings_are_not() -> None:
    text = (
        "# 保障企业敢用数、会用数、用好数\n\n"
        f"{BODY}\n\n"
        "#### 促流通——\n\n#### 推进可信数据空间建设和应用\n\n"
        f"{BODY}\n\n"
        "#### 保权益——\n\n#### 解决企业困惑,助力企业创新\n\n"
        f"{BODY}\n\n"
        "#### 强主体——\n\n#### 分类施策,培育多元经营主体\n\n"
        f"{BODY}\n"
    )
    assert _headings(text) == [["促流通", "保权益", "强主体"]]


def test_bracketed_headings_of_points_are_one_list_asked_by_the_title() -> None:
    text = (
        "善用“势”力,赋能产业\n\n"
        f"{BODY}\n\n"
        "【巧用优势,推动产业发展】\n\n"
        f"{BODY}\n\n"
        "【顺势而为,助力产业发展】\n\n"
        f"{BODY}\n\n"
        "【借势而进,促进产业发展】\n\n"
        f"{BODY}\n"
    )
    assert _headings(text) == [
        ["巧用优势,推动产业发展", "顺势而为,助力产业发展", "借势而进,促进产业发展"]
    ]
    lists = [n for n in make(text).notes if n.kind is NoteKind.LIST]
    heading_list = next(n for n in lists if n.items and n.items[0].startswith("巧用优势"))
    assert "善用“势”力" in heading_list.prompt


def test_headings_naming_parts_of_a_page_are_not_points() -> None:
    parts = (
        "制止餐饮浪费\n\n"
        f"## 问题表现\n\n{BODY}\n\n## 原因分析\n\n{BODY}\n\n## 对策建议\n\n{BODY}\n\n"
        f"## 金句积累\n\n{BODY}\n"
    )
    labels = (
        "亮明身份\n\n"
        f"## 乱象:AI换脸以假乱真\n\n{BODY}\n\n## 根源:技术门槛降低\n\n{BODY}\n\n"
        f"## 治理:以标识制度筑牢防线\n\n{BODY}\n"
    )
    numbered_parts = (
        "破解基层治理难题\n\n"
        f"一、难题的主要表现\n\n{BODY}\n\n二、难题的深层原因\n\n{BODY}\n\n"
        f"三、破解难题的路径\n\n{BODY}\n"
    )
    for text in (parts, labels, numbered_parts):
        assert _headings(text) == [], text


def test_numbered_points_under_no_parent_heading_are_asked_by_the_title() -> None:
    text = (
        "推进乡村全面振兴的对策思考\n\n"
        f"一、以产业振兴为基础,增强乡村发展动能\n\n{BODY}\n\n"
        f"二、以人才振兴为关键,激活乡村内生动力\n\n{BODY}\n\n"
        f"三、以文化振兴为灵魂,涵养乡村文明新风\n\n{BODY}\n"
    )
    lists = [n for n in make(text).notes if n.kind is NoteKind.LIST]
    heading_list = next(n for n in lists if n.items and n.items[0].startswith("以产业振兴"))
    assert heading_list.prompt.startswith("推进乡村全面振兴")


def test_labelled_points_are_the_list_of_the_articles_points() -> None:
    text = (
        "以文化振兴赋能乡村振兴\n\n"
        f"{BODY}\n\n"
        f"【分论点一】坚持党建引领,凝聚合力\n\n{BODY}\n\n"
        f"【分论点二】深挖乡土资源,激活文化基因\n\n{BODY}\n"
    )
    assert _headings(text) == [["坚持党建引领,凝聚合力", "深挖乡土资源,激活文化基因"]]


def test_numbered_markdown_headings_are_a_list_unless_labels_mark_parts() -> None:
    points = (
        "推进基层治理现代化\n\n"
        f"{BODY}\n\n"
        f"## 一、强化党建引领,把牢基层治理方向\n\n{BODY}\n\n"
        f"## 二、加强能力建设,提升基层治理水平\n\n{BODY}\n\n"
        f"## 三、推进科技赋能,创新基层治理方式\n\n{BODY}\n\n"
        f"## 结语\n\n{BODY}\n"
    )
    assert _headings(points) == [
        [
            "强化党建引领,把牢基层治理方向",
            "加强能力建设,提升基层治理水平",
            "推进科技赋能,创新基层治理方式",
        ]
    ]
    labelled = (
        "讲营商环境\n\n"
        f"## 一、企业怕的不是检查,而是乱检查\n\n{BODY}\n\n"
        f"## 二、还要会写边界:正常维权要保护\n\n{BODY}\n\n"
        f"## 三、最后说一句:考的是边界感\n\n{BODY}\n"
    )
    assert _headings(labelled) == []


WORKED = """请概括资料2所反映的某市养老服务发展面临的主要问题。(15分)

【解析】先看范围是资料2,围绕主题找问题要素,注意抄-概-推三种方法。

① 某市老年人口已超过百万,但养老护理员仅两千余人,且大多未经系统培训。

【要点】人员短缺。护理员数量少;专业素质不高。

② 社区养老设施分布不均,部分老旧小区没有日间照料中心,老人就近养老难。

【解析】这里的问题是设施布局,总括词是分布不均。

【要点】设施不足。设施分布不均;老旧小区缺少照料中心。

③ 养老机构收费偏高,普通家庭难以承受,一些机构床位却长期空置。

【要点】供需错配。收费偏高;床位空置。
"""


def test_the_labelled_points_of_a_worked_answer_are_its_list() -> None:
    made = generate(Article(text=WORKED, title="养老服务问题概括", source="t"), "t")
    lists = [n for n in made.notes if n.kind.value == "list"]
    answer = [n for n in lists if n.items == ("人员短缺", "设施不足", "供需错配")]
    assert answer, [n.items for n in lists]
    assert answer[0].prompt.startswith("资料2所反映的某市养老服务发展面临的主要问题有哪三")


def test_a_notes_many_topic_headings_are_its_contents_not_a_list() -> None:
    topics = [f"第{i}个知识点的内涵" for i in range(1, 21)]
    text = "# 理论要点汇编\n\n" + "".join(
        f"### {t}\n\n这一知识点要求全面理解、准确把握、深入贯彻。\n\n" for t in topics
    )
    found = find_enumerations(fold(text), outline(fold(text)))
    assert not [e for e in found if e.style == "headings"]
