"""Pages kept as one line or as a program's string literals read as paragraphs."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.model import Article
from trainer.generation import generate
from trainer.generation.read.reader import (
    page_title,
    read_article,
    split_flattened_paragraphs,
    without_series_prefix,
)

_PARAS = [
    "推进基层治理现代化，关键在于把群众的事办好。",
    "一些地方群众办事难、办事慢的问题仍然突出，基层干部疲于应付各类检查考核。",
    "为此，要健全基层议事协商机制，完善网格化管理服务，推动资源下沉到社区。",
    "基层治理既要有力度，也要有温度，让群众在每一件小事中感受到公平正义。",
]
_MENU = "首页 要闻 时政 社会 图片 观点 地方 财经 | 体育 娱乐 | 网站地图"
_FOOT = "(责编：张三、李四) 我要留言 进入讨论区 网站声明 Copyright © 1997-2015 某某网 版权所有"


def _flat_page() -> str:
    body = "".join("\u3000\u3000" + p for p in _PARAS)
    return f"基层治理要有温度--地方频道--某某网 {_MENU}  基层治理要有温度 2015年11月02日 {body} {_FOOT}"


def test_a_page_flattened_into_one_line_is_split_at_its_paragraph_indents() -> None:
    """The footer joined on after the last sentence by a space is a line of its own."""
    lines = [ln.strip("\u3000 ") for ln in split_flattened_paragraphs(_flat_page()).split("\n")]
    assert lines[1:] == [*_PARAS, _FOOT]


def test_one_indent_inside_a_line_is_a_heading_not_paragraphs() -> None:
    heading = "厘清界限\u3000\u3000打通通道"
    assert split_flattened_paragraphs(heading) == heading


def test_the_title_bar_heading_a_flattened_page_is_its_title() -> None:
    assert page_title(_flat_page()) == "基层治理要有温度"
    assert page_title("让数字红利惠及更多群众_某某新闻网\n正文") == "让数字红利惠及更多群众"
    assert page_title("中国--东盟合作迈上新台阶 正文") == ""  # no site's name after it
    assert page_title("互联网_物联网 正文") == ""


def test_a_flattened_page_makes_cards_without_its_chrome(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text('        "' + _flat_page() + '",\n', encoding="utf-8")
    article = read_article(str(path))
    assert article.title == "基层治理要有温度"
    cards = generate(article, "page").notes
    shown = " ".join(f"{n.prompt}{n.answer}{n.text}{n.items}" for n in cards)
    assert cards
    assert "网站声明" not in shown and "Copyright" not in shown and "网站地图" not in shown


def test_a_text_kept_as_string_literals_reads_as_its_lines(tmp_path: Path) -> None:
    """Java or JavaScript source holding an article: ``"…\\n" +`` lines run on."""
    src = '    "标题：基层治理要有温度"\n' + "".join(
        f'            "\u3000\u3000{p}\\n" +\n            "\\n" +\n' for p in _PARAS[:-1]
    )
    src += f'            "\u3000\u3000{_PARAS[-1]}"\n'
    path = tmp_path / "Frame.java.txt"
    path.write_text(src, encoding="utf-8")
    text = read_article(str(path)).text
    assert '"' not in text and "\\n" not in text and "+" not in text
    for p in _PARAS:
        assert p in text


def test_a_newspapers_short_name_before_the_colon_goes() -> None:
    assert without_series_prefix("中青报：多所高校退还住宿费") == "多所高校退还住宿费"
    assert without_series_prefix("新京报：让数据多跑路") == "让数据多跑路"
    assert without_series_prefix("情报：一场看不见的较量") == "情报：一场看不见的较量"


def test_generate_accepts_the_split_text() -> None:
    notes = generate(Article(text=split_flattened_paragraphs(_flat_page())), "x").notes
    assert notes


def test_the_title_bar_and_menus_of_a_flattened_page_are_no_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_flat_page() + "\n", encoding="utf-8")
    text = read_article(str(path)).text
    assert "网站地图" not in text and "地方频道" not in text
    assert text.lstrip().startswith("\u3000\u3000" + _PARAS[0]) or text.lstrip().startswith(
        _PARAS[0]
    )


def test_a_text_assigned_as_string_literals_reads_as_its_lines(tmp_path: Path) -> None:
    """``String content = "…\\n" +``: the first literal is assigned."""
    src = f'        String content = "{_PARAS[0]}\\n" +\n'
    src += "".join(f'                "{p}\\n" +\n' for p in _PARAS[1:-1])
    src += f'                "{_PARAS[-1]}";\n'
    path = tmp_path / "TestNlp.txt"
    path.write_text(src, encoding="utf-8")
    text = read_article(str(path)).text
    assert "String" not in text and "\\n" not in text and '"' not in text
    assert [ln.strip() for ln in text.splitlines() if ln.strip()] == _PARAS
