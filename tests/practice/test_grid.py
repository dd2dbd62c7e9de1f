"""The answer sheet's count (方格纸): rules by example, and properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.domain.grid import ROW, count, layout

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
MARKS = st.sampled_from(list("。，、；：？！“”《》（）"))
PIECE = st.one_of(HAN, MARKS, st.sampled_from(["——", "……", "2015", "9.5%", "GDP", "\n", " "]))


def test_characters_and_marks_take_a_cell_each() -> None:
    c = count("一是基层人才短缺；二是机制不健全。")
    assert (c.chars, c.cells, c.rows) == (17, 17, 1)


def test_quotes_and_title_marks_take_a_cell_per_half() -> None:
    assert count("“新高”《报告》").chars == 8


def test_dash_and_ellipsis_take_two_cells() -> None:
    assert count("这——那").chars == 4
    assert count("等等……").chars == 4
    assert count("等等......").chars == 4


def test_digits_and_latin_letters_go_two_to_a_cell() -> None:
    assert count("2015年").chars == 3
    assert count("增长9.5%").chars == 4
    assert count("10000").chars == 3
    assert count("GDP").chars == 2


def test_a_new_paragraph_leaves_the_rest_of_the_row_counted() -> None:
    c = count("第一段。\n第二段")
    assert (c.chars, c.cells, c.rows) == (7, ROW + 3, 2)


def test_paragraph_indent_counts_two_cells() -> None:
    assert count("　　开头").cells == 4
    assert count("    开头").cells == 4
    assert count("开 头").cells == 2


def test_a_point_mark_never_opens_a_row() -> None:
    rows = layout("字" * ROW + "。后")
    assert rows[0][-1] == "字。"
    assert rows[1] == ["后"]
    assert count("字" * ROW + "。").rows == 1


def test_an_opening_quote_never_ends_a_row() -> None:
    rows = layout("字" * (ROW - 1) + "“引”")
    assert rows[0][-1] == ""
    assert rows[1][0] == "“"


def test_a_dash_is_never_split_across_rows() -> None:
    rows = layout("字" * (ROW - 1) + "——完")
    assert rows[0][-1] == "——"
    assert rows[1] == ["完"]


def test_over_limit() -> None:
    c = count("字" * 160)
    assert c.over(150) == 10
    assert c.over(200) == 0
    assert c.over(0) == 0


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=300))
def test_chinese_text_counts_one_cell_per_character(text: str) -> None:
    c = count(text)
    assert c.chars == len(text)
    assert c.cells == len(text)
    assert c.rows == -(-len(text) // ROW)


@given(st.lists(PIECE, max_size=120))
def test_cells_cover_what_is_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    c = count(text)
    rows = layout(text)
    assert c.rows == len(rows)
    assert all(len(r) <= ROW for r in rows)
    assert c.chars <= c.cells <= c.rows * ROW
    assert c.chars == sum(1 for r in rows for cell in r if cell.strip())


@given(st.lists(PIECE, max_size=80), HAN)
def test_one_more_character_is_one_more_cell_written(pieces: list[str], ch: str) -> None:
    text = "".join(pieces)
    if text.endswith(tuple("0123456789GDP.%")):
        text += "。"
    assert count(text + ch).chars == count(text).chars + 1


@given(st.lists(PIECE, max_size=80))
def test_line_endings_do_not_change_the_count(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert count(text) == count(text.replace("\n", "\r\n"))
