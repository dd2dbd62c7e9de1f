"""Articles kept as rows of a database dump: the SQL is not text, the value holding
the article is, with its entity-escaped markup read as what it shows."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trainer.domain.errors import InputError
from trainer.generation import generate
from trainer.generation.read.boilerplate import is_noise
from trainer.generation.read.reader import read_article

BODY = (
    '<div><span style="font-family: 宋体;"><b>文/王明</b></span></div><div><br></div>'
    '<div><font size="3" face="宋体">乡村振兴，既要塑形，也要铸魂。守护乡村的烟火气，'
    "关键在于留住人、留住文化。</font></div>"
    '<div><font size="3" face="宋体">一是完善公共服务；二是发展特色产业；三是传承乡土文化。'
    "</font></div><div>（责编/李四）</div>"
)
DUMP = (
    "-- MySQL dump\n\n"
    "INSERT INTO `article` VALUES ('7', '守护乡村的烟火气', '某某杂志社', '1594051200', null);\n"
    f"INSERT INTO `article_content` VALUES ('7', '{html.escape(BODY)}', '0');\n"
)


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_article_in_a_dump_is_its_longest_text_value_and_its_title_the_first(
    tmp_path: Path,
) -> None:
    article = read_article(_write(tmp_path, DUMP))
    assert article.title == "守护乡村的烟火气"
    assert "乡村振兴，既要塑形，也要铸魂。" in article.text
    for code in ("INSERT", "VALUES", "font", "&lt;", "&quot;", "宋体", "1594051200"):
        assert code not in article.text, code
    texts = [n.prompt + n.answer + n.text for n in generate(article, "dump").notes]
    assert not [t for t in texts if "王明" in t or "李四" in t or "INSERT" in t]


def test_a_dump_without_chinese_text_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="database dump"):
        read_article(_write(tmp_path, "INSERT INTO `t` VALUES ('1', 'abc');\n"))


def test_credits_written_with_a_slash_are_chrome() -> None:
    for line in ("文/王明", "（责编/李四）", "配图 / 张三", "撰文｜赵六"):
        assert is_noise(line), line
    assert not is_noise("文/武之道，一张一弛，这是治理的辩证法。")


@given(st.lists(st.text(alphabet="ab'\\\n中文,()", max_size=12), min_size=1, max_size=5))
def test_every_quoted_value_of_a_row_is_read_back(values: list[str]) -> None:
    from trainer.generation.read.sql_dump import _string_values, _unquote

    def quoted(v: str) -> str:
        return "'" + v.replace("\\", "\\\\").replace("'", "''") + "'"

    row = "INSERT INTO `t` VALUES (" + ", ".join(quoted(v) for v in values) + ");\n"
    assert [_unquote(v) for v in _string_values(row)] == values


def test_a_bold_paragraph_of_the_page_in_a_dump_is_a_section_heading(tmp_path: Path) -> None:
    """A news page sets its subheadings as paragraphs all in bold: they open sections."""
    para = "<p>当地把特色产业做成了增收的主渠道，村民的收入连年增长，日子越过越红火。</p>"
    body = (
        para
        + "<p><strong>一条鱼，养在水中富民增收</strong></p>"
        + para.replace("当地", "全县")
        + "<p><strong>一条鱼，生产线上吃干榨净</strong></p>"
        + para.replace("当地", "企业")
    )
    dump = f"INSERT INTO `article` VALUES (3, '一条鱼如何致富', '{body}');\n"
    made = generate(read_article(_write(tmp_path, dump)), "t")
    headings = [h.replace(",", "，") for h in made.sections]
    assert "一条鱼，养在水中富民增收" in headings
    assert "一条鱼，生产线上吃干榨净" in headings


def test_one_row_of_values_copied_out_of_a_dump_is_read_as_one(tmp_path: Path) -> None:
    """``(44,'1','标题','<p>…</p>','2018-03-27',1)``: a row without its INSERT."""
    row = f"(44,'1','守护乡村的烟火气','{BODY}','2018-03-27 00:52:05',1)\n"
    article = read_article(_write(tmp_path, row))
    assert article.title == "守护乡村的烟火气"
    assert "乡村振兴，既要塑形" in article.text
    assert "(44" not in article.text and "<div>" not in article.text


def test_the_title_a_reposted_article_first_had_is_its_title(tmp_path: Path) -> None:
    body = "<p>原标题：“关键少数”要有关键作为（人民论坛）</p><p>" + BODY + "</p>"
    row = f"(44,'1','某报：领导干部政治上有问题，一票否决','{body}',1)\n"
    article = read_article(_write(tmp_path, row))
    assert article.title == "“关键少数”要有关键作为（人民论坛）"
    notes = generate(article, "t").notes
    assert not any("一票否决" in n.prompt + n.text for n in notes)
