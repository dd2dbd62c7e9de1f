"""A section label that names a part of a page or of a study note (对策建议, 材料三,
申论里可以这样写) is no subject: a list prompt never opens with it (rubric: PRM)."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.text import fold
from trainer.generation.word.lists import part_label


def test_labels_naming_a_part_are_told_from_subjects() -> None:
    for label in ("对策建议", "问题表现", "原因分析", "材料三", "论点1", "申论里可以这样写", "例"):
        assert part_label(label), label
    for label in ("就业问题", "社会乱象", "必须充分挖掘经济潜能", "数字化赋能城市治理", ""):
        assert not part_label(label), label


_NOTE = (
    "制止校园浪费,让节约成为习惯\n\n"
    "一、问题表现\n\n"
    "(一)食堂剩饭剩菜较多。\n\n(二)部分学生挑食偏食。\n\n(三)节约宣传流于形式。\n\n"
    "二、对策建议\n\n"
    "(一)强化勤俭节约教育。\n\n(二)推行按需取餐制度。\n\n(三)建立浪费监督机制。\n"
)


def _prompts(text: str, title: str) -> list[str]:
    out = generate(Article(text=text, title=title), "t")
    return [fold(n.prompt) for n in out.notes if n.kind is NoteKind.LIST]


def test_numbered_points_under_a_part_label_are_asked_of_the_articles_subject() -> None:
    prompts = _prompts(_NOTE, "制止校园浪费,让节约成为习惯")
    assert prompts, "the two numbered runs are lists"
    assert not any(p.startswith(("问题表现", "对策建议")) for p in prompts), prompts
    assert any(p.startswith("制止校园浪费的") and "问题" in p for p in prompts), prompts
    assert any(p.startswith("制止校园浪费的") and "对策" in p for p in prompts), prompts


def test_a_study_notes_title_lends_its_subject_without_the_notes_own_words() -> None:
    title = "积极应对人口老龄化专题提纲"
    prompts = _prompts(_NOTE.replace("制止校园浪费,让节约成为习惯", title), title)
    assert prompts and all("专题提纲" not in p for p in prompts), prompts
    assert any(p.startswith("积极应对人口老龄化的") for p in prompts), prompts


def test_clauses_saying_what_a_thing_is_are_not_asked_as_examples() -> None:
    text = (
        "治理的几点体会\n\n治理要讲方法。好的治理,是把问题发现得更早,把风险压得更低,"
        "把纠纷化解得更快。基层干部要把这些做法落到实处。\n"
    )
    prompts = _prompts(text, "治理的几点体会")
    asked = [p for p in prompts if p.startswith("好的治理")]
    assert asked == ["好的治理是怎样的?有哪三点?"], prompts
