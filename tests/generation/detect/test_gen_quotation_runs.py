"""A numbered run of quotations is no list of points (rubric: MIX, FIL).

A study note of 金句 numbers its sayings under headings that sort them into kinds;
asked as ``为民服务类有哪四点?`` each saying is cut to its first clause and the kinds
are no points either."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.text import fold

SAYINGS = """# {title}

## 一、为民服务类

1. 民之所忧，我必念之；民之所盼，我必行之。
2. 群众利益无小事，一枝一叶总关情，要把群众的冷暖放在心上。
3. 基层是一切工作的落脚点，只有把基层打牢，国家才能长治久安。
4. 治国有常，而利民为本，为民办事要办到群众心坎上。

## 二、作风建设类

1. 空谈误国，实干兴邦，一分部署还要九分落实。
2. 作风建设永远在路上，必须锲而不舍、驰而不息。
3. 为官避事平生耻，干部就要有担当，有多大担当才能干多大事业。
"""


def _lists(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(fold(n.prompt), n.items) for n in make(text, "t").notes if n.kind is NoteKind.LIST]


def test_a_collection_of_sayings_asks_no_list_of_them_or_of_their_kinds() -> None:
    made = make(SAYINGS.format(title="基层治理金句积累"), "t")
    assert [n.prompt for n in made.notes if n.kind is NoteKind.LIST] == []
    assert not any("结构" in n.tags for n in made.notes)  # a collection argues nothing
    assert any("我必念之" in n.text for n in made.notes if n.kind is NoteKind.CLOZE)


DIALECTICS = """# 学习笔记:干部作风

## 一、担当作为

1. 为官避事平生耻，不是一句口号，而是每名干部的行为准则。
2. 功成不必在我，功成必定有我，干事创业要有这样的胸怀。
3. 实干不是蛮干，担当不是乱担，干事要讲科学、讲方法。
"""


def test_numbered_lines_that_are_sayings_are_no_list_of_points() -> None:
    """Without a title naming sayings: whole one-sentence lines of several clauses,
    most of them 金句, are quotations, not points cut to their first clause."""
    assert _lists(DIALECTICS) == []


POINTS = """# 推动乡村产业发展的对策

## 一、产业发展问题的对策

1. 加大科技投入，加强技术培训，为乡村产业提供先进的生产技术和管理经验支持，提高产业效益。
2. 鼓励科技创新，推动新技术、新产品的研发和应用，提高农产品的质量和附加值。
3. 建立健全市场信息系统，为乡村产业提供市场信息支持，指导农民合理生产、科学销售。
"""


def test_numbered_points_with_their_explanation_stay_a_list() -> None:
    lists = _lists(POINTS)
    assert any(items[:1] == ("加大科技投入",) for _prompt, items in lists), lists


def test_sayings_under_headings_naming_kinds_are_no_list_of_points() -> None:
    """A note's headings sort its lines into kinds (为民服务类): numbered whole
    sentences under them are sayings collected, whatever the title."""
    lists = _lists(SAYINGS.format(title="基层治理学习笔记"))
    assert lists == []  # nor the kinds themselves as the note's points
