"""Nested Markdown lists read as an outline: points numbered among their siblings,
the sentences under a point its prose."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.read.reader import strip_markdown

NESTED = (
    "1. 做好乡村教育,夯实振兴之基\n"
    "   - 乡村教育为孩子成长铺路。\n"
    "     - 在很多山区学校,孩子们第一次用上了电子白板。\n"
    "     - 好的老师能点亮一个孩子的一生。\n"
    "   - 乡村教育为产业发展育才。\n"
    "     - 职业学校培养的技术工人留在了家乡。\n"
    "     - 返乡青年带回了新的经营理念。\n"
    "   - 乡村教育为乡风文明立德。\n"
    "     - 孩子们把文明习惯带回家,影响了父母。\n"
    "     - 书声琅琅的村庄更有生气。\n"
)


def test_sentences_under_a_point_carry_no_number_of_their_own() -> None:
    lines = strip_markdown(NESTED).splitlines()
    assert "在很多山区学校,孩子们第一次用上了电子白板。" in lines
    assert "职业学校培养的技术工人留在了家乡。" in lines


def test_nested_points_count_from_one_under_their_heading() -> None:
    lines = strip_markdown(NESTED).splitlines()
    assert "(1)乡村教育为孩子成长铺路。" in lines
    assert "(3)乡村教育为乡风文明立德。" in lines


def test_bullets_announced_by_a_colon_stay_numbered() -> None:
    text = "- 主要措施:\n  - 加强日常监管。\n  - 完善法律法规。\n- 其他说明\n"
    lines = strip_markdown(text).splitlines()
    assert "(1)加强日常监管。" in lines
    assert "(2)完善法律法规。" in lines


def test_the_points_of_a_nested_outline_make_one_list_without_its_prose() -> None:
    out = generate(Article(text=strip_markdown(NESTED), title="乡村教育"), "t")
    cards = [n.text or n.answer for n in out.notes]
    assert not any(c.lstrip().startswith(("5.", "6.", "7.")) for c in cards)
    lists = [n.items for n in out.notes if n.kind is NoteKind.LIST]
    assert any(len(items) == 3 and "乡村教育为产业发展育才" in items for items in lists)
