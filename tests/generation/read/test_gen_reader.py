"""Reading files: encodings, HTML, stdin, bad input."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from trainer.domain.errors import InputError
from trainer.domain.model import Article
from trainer.formats.cards_json import made as to_json
from trainer.generation import generate
from trainer.generation.read import reader
from trainer.generation.read.reader import read_article

TEXT = "标题:基层治理\n\n基层治理是国家治理的基石。要坚持以人民为中心,把群众满意作为标准。\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_simplified_encodings(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(codec))
    art = read_article(str(path))
    assert art.text == TEXT
    assert art.source == "a"


def test_big5(tmp_path: Path) -> None:
    text = "基層治理是國家治理的基石。要堅持以人民為中心,把群眾滿意作為檢驗工作的根本標準。"
    path = tmp_path / "b.txt"
    path.write_bytes(text.encode("big5"))
    assert read_article(str(path)).text == text


def test_html_main_text(tmp_path: Path) -> None:
    body = "".join(
        f"<p>基层治理是国家治理的基石,第{i}段要坚持以人民为中心,把群众满意作为检验工作的根本标准。</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>基层治理的新路子</title></head><body>"
        "<nav><a href='/'>首页</a><a href='/x'>新闻</a></nav>"
        f"<article><h1>基层治理的新路子</h1>{body}</article>"
        "<footer>版权所有 某某网 电话:010-12345678</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    art = read_article(str(path))
    assert "基层治理是国家治理的基石" in art.text
    assert "版权所有" not in art.text
    assert art.title == "基层治理的新路子"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", fake)
    art = read_article("-")
    assert art.text == TEXT and art.source == "stdin"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"just some english text, nothing else.\n", "no Chinese"),
    ],
)
def test_bad_input(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_article(str(path))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_article(str(tmp_path))


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("基层治理。" * 200, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read_article(str(path))


def test_random_bytes_never_traceback(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    for i in range(30):
        path = tmp_path / f"r{i}.txt"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        with contextlib.suppress(InputError):
            read_article(str(path))


def test_markdown_bullet_runs_become_numbered_lists() -> None:
    from trainer.generation.read.reader import strip_markdown

    text = (
        "## 成效\n\n- **农村电商蓬勃发展**,新业态不断涌现。\n- 智慧农业加速推广。\n\n- 孤立的一条\n"
    )
    out = strip_markdown(text)
    assert "1. 农村电商蓬勃发展,新业态不断涌现。\n2. 智慧农业加速推广。" in out
    assert "孤立的一条" in out and "- " not in out and "**" not in out


FRONT_MATTER = (
    "---\n"
    "type: wechat_article\n"
    "date: 2026-05-29\n"
    "author: 某某\n"
    "category: 申论\n"
    'title: "规范执法护航营商环境"\n'
    "---\n\n"
)
BODY = (
    "优化营商环境，不是不执法，而是规范执法。要让权力有边界、检查有标准、处罚有尺度。\n\n"
    "执法部门要坚持依法行政，做到严格规范公正文明执法，让企业安心发展。\n"
)


def test_markdown_front_matter_is_stripped_and_names_the_title(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(FRONT_MATTER + BODY, encoding="utf-8")
    art = read_article(str(path))
    assert "---" not in art.text and "category" not in art.text and "某某" not in art.text
    assert art.title == "规范执法护航营商环境"
    out = _made(art)
    assert out["title"] == "规范执法护航营商环境"
    shown = json.dumps(out["cards"], ensure_ascii=False)
    assert "wechat" not in shown and "2026-05-29" not in shown and "某某" not in shown


def test_front_matter_title_yields_to_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(FRONT_MATTER + "# 不是不执法而是规范执法\n\n" + BODY, encoding="utf-8")
    art = read_article(str(path))
    assert art.title == ""
    assert _made(art)["title"] == "不是不执法而是规范执法"


def test_front_matter_that_never_closes_still_names_the_title(tmp_path: Path) -> None:
    """A block of ``key: value`` lines after an opening ``---`` that a blank line ends
    instead of a closing ``---`` is still front matter: its title names the article and
    none of its lines becomes a title or a card."""
    unclosed = FRONT_MATTER.replace("---\n\n", "\n")
    path = tmp_path / "a.md"
    path.write_text(unclosed + BODY, encoding="utf-8")
    art = read_article(str(path))
    assert art.title == "规范执法护航营商环境"
    out = _made(art)
    assert out["title"] == "规范执法护航营商环境"
    shown = json.dumps(out, ensure_ascii=False)
    assert "title:" not in shown and "wechat" not in shown and "2026-05-29" not in shown


META = "- 年份：2026\n- 期数：第8期\n- 期刊：《求是》2026年第8期\n- 发布日期：2026-04-15\n- 作者：某某\n\n"


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_metadata_lines_are_never_cards(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_text("# 推动全民阅读\n\n" + META + BODY * 2, encoding="utf-8")
    shown = json.dumps(_made(read_article(str(path))), ensure_ascii=False)
    for word in ("年份", "期数", "第8期", "某某", "发布日期"):
        assert word not in shown, word


def _made(art: Article) -> dict[str, Any]:
    return to_json(generate(art, "a"))


@pytest.mark.parametrize("mark", ["第 3 页", "第3页 共12页", "- 3 -", "3/12"])
def test_page_numbers_are_never_cards_or_sections(tmp_path: Path, mark: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("规范执法护航营商环境\n\n" + BODY + mark + "\n" + BODY, encoding="utf-8")
    shown = json.dumps(_made(read_article(str(path))), ensure_ascii=False)
    assert mark not in shown


def test_markdown_code_marks_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# 对策\n\n1. `比如`:加强宣传引导`(群众层面)`。通过讲座等形式提高意识。\n", "utf-8"
    )
    assert "`" not in read_article(str(path)).text


def test_letter_spaced_chinese_is_closed_up(tmp_path: Path) -> None:
    """A PDF's letter spacing pasted as text (``（分 论 点 一 ） 放 下 架 子``) is closed
    up; spaces between words stay (an ordinal heading ``一 必须……``)."""
    path = tmp_path / "a.md"
    path.write_text(
        "中 心 论 点 ：干部要“下马走”。\n\n（分 论 点 一 ） 放 下 架 子 、 扑 下 身 子。\n\n"
        "一 必须坚持人民至上\n\n" + BODY,
        encoding="utf-8",
    )
    text = read_article(str(path)).text
    assert "中心论点：干部要“下马走”。" in text
    assert "（分论点一）放下架子、扑下身子。" in text
    assert "一 必须坚持人民至上" in text


def test_a_lone_inline_tag_in_markdown_is_markup(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# 数字赋能乡村振兴\n\n"
        '<font color="#ff0000">乡村是中华文明的根脉。</font>要全面推进乡村振兴，'
        "<span style='color:red'>发展数字乡村</span>。若 a<b 且 b>c，则不等式成立。\n",
        encoding="utf-8",
    )
    text = read_article(str(path)).text
    assert "<font" not in text and "</font>" not in text and "span" not in text
    assert "乡村是中华文明的根脉。要全面推进乡村振兴，发展数字乡村。" in text
    assert "a<b 且 b>c" in text


def test_a_pages_unrendered_markdown_leaves_no_backslashes(tmp_path: Path) -> None:
    para = "<p>基层治理是国家治理的基石，要坚持以人民为中心，把群众满意作为检验工作的标准。</p>"
    page = (
        "<html><head><title>学习型干部</title></head><body><article><h1>学习型干部</h1>"
        f"{para * 4}<p>**例：**习近平总书记说：“努力在危机中育新机、于变局中开新局。”</p>"
        f"<p>参见文献[1]的论述，学习是干部成长的阶梯。</p>{para * 2}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = read_article(str(path)).text
    assert "\\" not in text and "**" not in text
    assert "例：习近平总书记说" in text and "文献[1]的论述" in text
