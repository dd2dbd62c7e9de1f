"""Layouts a learner's file comes in: JSON records, dated practice notes, Markdown
tables and outline trees, series labels and page numbers above a title.

The texts are made up; each test failed before its rule existed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.domain.errors import InputError
from trainer.generation import generate
from trainer.generation.read.reader import read_article

_PARAGRAPHS = [
    "社区食堂是民生实事，关系千家万户的一日三餐。",
    "办好社区食堂，一是要坚持公益属性，二是要引入市场机制，三是要加强食品安全监管。",
    "只有把小饭桌办成暖心工程，群众的获得感才能成色更足。",
]


def _everything(path: Path) -> tuple[str, str]:
    article = read_article(str(path))
    made = generate(article, "t")
    notes = [[n.text, n.prompt, n.answer, list(n.items or ())] for n in made.notes]
    return made.title, json.dumps(notes, ensure_ascii=False)


def test_a_json_record_gives_its_title_and_paragraphs_not_its_keys(tmp_path: Path) -> None:
    record = {
        "id": "a0042",
        "title": "办好社区食堂",
        "source": "某某日报",
        "column": "民生观察",
        "date": "2025-11-02",
        "readTime": 3,
        "content": _PARAGRAPHS,
    }
    path = tmp_path / "a.txt"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    title, cards = _everything(path)
    assert title == "办好社区食堂"
    for key in ('"id"', "readTime", "a0042", "column", "某某日报", '"content"', "2025-11-02"):
        assert key not in cards, key
    assert "坚持公益属性" in cards


def test_a_json_list_of_records_is_several_essays(tmp_path: Path) -> None:
    records = [
        {"title": "办好社区食堂", "text": "\n".join(_PARAGRAPHS)},
        {"title": "守护舌尖安全", "text": "食品安全是底线。要压实企业主体责任，健全追溯体系。"},
    ]
    path = tmp_path / "b.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    article = read_article(str(path))
    assert "# 办好社区食堂" in article.text and "# 守护舌尖安全" in article.text
    assert "压实企业主体责任" in article.text


def test_an_exam_papers_json_gives_its_materials_not_its_questions(tmp_path: Path) -> None:
    """A 申论 paper kept as JSON holds its 给定资料 under ``materials`` beside the questions:
    the materials are the article, each under its own label; a question and its 作答要求
    are instructions to the candidate, never cards."""
    paper = {
        "id": "paper_2024_b",
        "name": "2024年某省公务员考试《申论》题（B卷）",
        "year": 2024,
        "materials": [
            {"id": "m1", "title": "材料1", "content": "\n".join(_PARAGRAPHS)},
            {
                "id": "m2",
                "title": "材料2",
                "content": "某县推进医养结合，一是整合医疗资源，二是培育护理人才，三是完善长护险制度。",
            },
        ],
        "questions": [
            {
                "id": "q1",
                "title": "请根据给定资料1，概括办好社区食堂的主要做法。(15分)",
                "requirements": "要求：(1)全面准确；(2)分条列出；(3)不超过200字。",
                "materialIds": ["m1"],
            }
        ],
    }
    path = tmp_path / "paper.json"
    path.write_text(json.dumps(paper, ensure_ascii=False), encoding="utf-8")
    article = read_article(str(path))
    assert "# 材料1" in article.text and "# 材料2" in article.text
    assert article.title == "2024年某省公务员考试《申论》题（B卷）"
    assert "培育护理人才" in article.text and "坚持公益属性" in article.text
    _title, cards = _everything(path)
    for asked in ("概括", "分条列出", "不超过200字", "paper_2024_b", "materialIds"):
        assert asked not in cards, asked


def test_json_without_article_text_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"id": 3, "tags": ["民生"], "count": 12}), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_article(str(path))
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_text_that_only_opens_like_json_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("[1] 社区食堂是民生实事。\n\n" + "\n\n".join(_PARAGRAPHS), encoding="utf-8")
    assert "[1] 社区食堂是民生实事。" in read_article(str(path)).text


def test_deeply_nested_json_is_bad_input_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(InputError):
        read_article(str(path))


_WRAPPED = "\\n".join(f'<p class=\\"essay-p\\">{p}</p>' for p in _PARAGRAPHS)


@pytest.mark.parametrize(
    "source",
    [
        f'export default {{"title": "办好社区食堂", "html": "{_WRAPPED}"}};\n',
        f'window.ESSAYS = [\n  {{"title": "办好社区食堂", "html": "{_WRAPPED}", "phrases": ["x"]}},\n',
        f'var essay = "{_WRAPPED}";\n',
        "module.exports = {title: '办好社区食堂', content: '" + "\\n".join(_PARAGRAPHS) + "'};\n",
        "    {\n        title: '办好社区食堂',\n        content: `\n"
        + "\n".join(_PARAGRAPHS)
        + "\n        `,\n        author: 'essay',\n        id: '456',\n    },\n",
    ],
    ids=[
        "export-default",
        "window-array-cut",
        "var-string",
        "module-exports-js-object",
        "bare-js-record",
    ],
)
def test_a_javascript_data_file_gives_its_text_not_its_wrapper(tmp_path: Path, source: str) -> None:
    """A 范文 kept in a script's data (``export default {…}``, ``var x = "…";``, an
    array cut after its first record) is read as the record's text: no ``export``,
    no variable name, no keys, no escaped quotes or ``\\n`` left in the article."""
    path = tmp_path / "essays-data.js.txt"
    path.write_text(source, encoding="utf-8")
    article = read_article(str(path))
    for wrapper in (
        "export",
        "default",
        "window",
        "ESSAYS",
        "var ",
        "essay =",
        "module",
        '"html"',
        "title:",
        "phrases",
        "\\n",
        '\\"',
        "<p",
        "essay-p",
        "};",
        "'",
    ):
        assert wrapper not in article.text, (wrapper, article.text)
    assert "二是要引入市场机制" in article.text
    assert article.text.index("社区食堂是民生实事") < article.text.index("只有把小饭桌")
    if "title" in source:
        assert article.title == "办好社区食堂"


def test_a_dated_entry_label_is_not_the_title(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_text(
        "# 作文2025.03.08\n办好社区食堂\n" + "\n\n".join(_PARAGRAPHS) + "\n", encoding="utf-8"
    )
    title, cards = _everything(path)
    assert title == "办好社区食堂"
    assert "2025.03.08" not in cards and "作文2025" not in title


def test_a_markdown_table_is_a_list_without_pipes(tmp_path: Path) -> None:
    path = tmp_path / "g.md"
    path.write_text(
        "# 社区食堂笔记\n\n"
        + "\n\n".join(_PARAGRAPHS)
        + "\n\n## 规范表述积累\n\n| 规范词 | 释义 |\n|---|---|\n"
        "| **公益属性** | 不以营利为目的 |\n| 市场机制 | 让经营可持续 |\n| 暖心工程 | 群众满意的实事 |\n",
        encoding="utf-8",
    )
    article = read_article(str(path))
    assert "|" not in article.text and "---" not in article.text
    assert "规范词" not in article.text  # the header row names columns, not points
    assert "1. 公益属性：不以营利为目的" in article.text
    assert "3. 暖心工程：群众满意的实事" in article.text


def test_outline_tree_marks_and_arrows_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "h.md"
    path.write_text(
        "# 社区食堂的论证骨架\n\n提出论点：办好社区食堂是民生实事\n↓\n"
        "分论点一：坚持公益属性\n├── 举例：某街道老年助餐点\n└── 举例：某社区长者食堂\n\n"
        + "\n\n".join(_PARAGRAPHS)
        + "\n",
        encoding="utf-8",
    )
    text = read_article(str(path)).text
    assert not any(mark in text for mark in "├└│↓")
    assert "举例：某街道老年助餐点" in text


def test_a_series_label_and_a_page_number_above_the_title(tmp_path: Path) -> None:
    path = tmp_path / "i.txt"
    path.write_text(
        "时政专题（某某学生报·专辑）\n\n第12页 社区食堂如何办出温度\n\n"
        + "\n\n".join(_PARAGRAPHS)
        + "\n\n第13页\n",
        encoding="utf-8",
    )
    title, cards = _everything(path)
    assert title == "社区食堂如何办出温度"
    assert "第12页" not in cards and "某某学生报" not in cards


def test_a_paper_s_masthead_above_the_headline_and_its_column(tmp_path: Path) -> None:
    # A page snapshot: the paper's name, a rule, the headline with its column, a byline.
    path = tmp_path / "m.txt"
    path.write_text(
        "人民日报\n-\n社区食堂如何办出温度（民生谈）\n某某某\n2023年07月24日\n"
        + "\n".join(_PARAGRAPHS)
        + "\n",
        encoding="utf-8",
    )
    title, cards = _everything(path)
    assert title == "社区食堂如何办出温度"
    assert "人民日报" not in cards


def test_a_short_title_holding_a_series_word_is_still_the_title(tmp_path: Path) -> None:
    path = tmp_path / "j.txt"
    path.write_text(
        "备考要点\n\n社区食堂怎么办\n\n" + "\n\n".join(_PARAGRAPHS) + "\n", encoding="utf-8"
    )
    title, _cards = _everything(path)
    assert title == "备考要点"


def test_a_blog_post_with_front_matter_and_html_paragraphs(tmp_path: Path) -> None:
    body = "\n".join(f'<p class="x">　　<font style="f">{p}</font></p>' for p in _PARAGRAPHS)
    path = tmp_path / "k.md"
    path.write_text(
        "\n---\ntitle: '某某网评：办好社区食堂'\ncategories:\n - 民生\n - 某某财经\n"
        "date: Wed, 24 Mar 2021 03:33:56 GMT\n---\n\n<div>\n"
        + body
        + '\n<img src="https://example.org/a.png" />\n</div>\n',
        encoding="utf-8",
    )
    title, cards = _everything(path)
    assert title == "办好社区食堂"
    for junk in ("<p", "</p>", "font", "class=", "categories", "某某财经", "GMT"):
        assert junk not in cards, junk
    assert "坚持公益属性" in cards


def test_html_paragraphs_kept_in_a_data_file_are_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "l.txt"
    path.write_text(
        "办好社区食堂\n\n" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "&nbsp;\n",
        encoding="utf-8",
    )
    text = read_article(str(path)).text
    assert "<p>" not in text and "&nbsp;" not in text
    assert "社区食堂是民生实事，关系千家万户的一日三餐。\n" in text


def test_a_lone_angle_bracket_in_prose_stays(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("增速<5%的地区要加大投入。\n\n" + "\n\n".join(_PARAGRAPHS), encoding="utf-8")
    assert "增速<5%的地区" in read_article(str(path)).text


def test_a_bilingual_title_keeps_its_chinese_half(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text(
        "---\ntitle: '我看社区食堂 My Thoughts on Community Canteens'\n---\n\n"
        + "\n\n".join(_PARAGRAPHS)
        + "\n",
        encoding="utf-8",
    )
    title, cards = _everything(path)
    assert title == "我看社区食堂"
    assert "Community" not in cards


def test_pdf_lines_each_in_a_block_are_joined_into_paragraphs(tmp_path: Path) -> None:
    """A data file whose HTML holds each PDF line in a ``<p>`` of its own: the lines
    are a wrapped text and come back as whole paragraphs, never cut mid-word."""
    body = (
        "城乡社区是社会治理的基本单元，社区治理事关党和国家大政方针贯彻落实，事关居民切身利益，"
        "事关城乡基层和谐稳定，必须坚持党的集中统一领导，政府、社会、个体等多元主体协同发力，"
        "实现共同行动、资源共享，把基层党组织的政治优势、组织优势转化为治理效能。"
    )
    width = 30
    lines = [body[k : k + width] for k in range(0, len(body), width)]
    html = "\\n".join(f'<p class=\\"essay-p\\">{line}</p>' for line in lines)
    path = tmp_path / "data.js"
    path.write_text(f'export default {{"title": "社区治理", "html": "{html}"}};', "utf-8")
    article = read_article(str(path))
    assert body in article.text


def test_a_text_opening_on_a_bracket_is_text_not_a_script_value(tmp_path: Path) -> None:
    """``[1]`` opening a commentary is a note mark: the text is read as text."""
    path = tmp_path / "a.txt"
    path.write_text("[1]" + "\n".join(_PARAGRAPHS), encoding="utf-8")
    assert "二是要引入市场机制" in read_article(str(path)).text
