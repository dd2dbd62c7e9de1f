"""Articles kept in an RSS or Atom feed: the HTML escaped into the XML is the article."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from trainer.domain.errors import InputError
from trainer.generation import generate
from trainer.generation.read.reader import read_article, without_series_prefix

BODY = (
    '<div class="article"><h1><p> 守护乡村的烟火气（评论员观察） </p></h1>'
    '<p class="sec"><!-- <span class="origin">某报</span> --> 王  明 '
    '<span class="date">《某报》（2026年06月12日 第 05 版）</span></p>'
    "<p>　　乡村振兴，既要塑形，也要铸魂。守护乡村的烟火气，关键在于留住人、留住文化。</p>"
    "<p>　　一是完善公共服务，让村民住得安心；二是发展特色产业，让青年回得来；"
    "三是传承乡土文化，让乡愁有处安放。</p>"
    "<p>　　各地要因地制宜，久久为功，把美好蓝图变为生动现实。</p></div>"
)
ITEM = (
    "    <item>\n      <title>[05版：评论] 守护乡村的烟火气（评论员观察）</title>\n"
    "      <link>https://example.org/a.html</link>\n"
    f"      <description>{html.escape(BODY, quote=False)}</description>\n    </item>\n"
)


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_item_cut_from_a_feed_is_read_as_its_article(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "item.txt", ITEM))
    assert "&lt;" not in article.text and "<p" not in article.text and "span" not in article.text
    assert "一是完善公共服务，让村民住得安心" in article.text
    assert without_series_prefix(article.title) == "守护乡村的烟火气"


def test_a_feeds_article_makes_cards_of_its_own_text(tmp_path: Path) -> None:
    made = generate(read_article(_write(tmp_path, "item.txt", ITEM)), "s")
    assert made.title == "守护乡村的烟火气"
    shown = " ".join(f"{n.text} {n.prompt} {n.answer} {' '.join(n.items)}" for n in made.notes)
    assert "&lt" not in shown and "span" not in shown and "版" not in made.title
    assert "(评论员观察)" not in shown and "（评论员观察）" not in shown
    assert any("完善公共服务" in " ".join(n.items) for n in made.notes)


def test_a_whole_feed_in_cdata_gives_one_section_per_item(tmp_path: Path) -> None:
    second = BODY.replace("守护乡村的烟火气", "让城市更有温度").replace("乡村振兴", "城市更新")
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        "<title>某报评论版</title>\n"
        f"<item><title>守护乡村的烟火气</title><description><![CDATA[{BODY}]]></description></item>\n"
        f"<item><title>让城市更有温度</title><description><![CDATA[{second}]]></description></item>\n"
        "</channel></rss>\n"
    )
    article = read_article(_write(tmp_path, "feed.xml", feed))
    assert article.title == "某报评论版"
    made = generate(article, "s")
    assert made.sections == ("守护乡村的烟火气", "让城市更有温度")


def test_an_atom_entry_with_escaped_content(tmp_path: Path) -> None:
    entry = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>守护乡村的烟火气</title>'
        f'<content type="html">{html.escape(BODY)}</content></entry></feed>'
    )
    article = read_article(_write(tmp_path, "atom.txt", entry))
    assert "三是传承乡土文化" in article.text and "&" not in article.text


def test_a_feed_without_chinese_text_is_one_clear_error(tmp_path: Path) -> None:
    feed = (
        "<rss><channel><item><title>x</title>"
        "<description>&lt;p&gt;hello&lt;/p&gt;</description></item></channel></rss>"
    )
    with pytest.raises(InputError, match="no article text found in the feed"):
        read_article(_write(tmp_path, "empty.xml", feed))


def test_a_newspaper_page_label_before_the_title_goes() -> None:
    assert without_series_prefix("[05版：评论] 感悟担当的分量") == "感悟担当的分量"
    assert without_series_prefix("【第3版·要闻】稳就业的三个着力点") == "稳就业的三个着力点"
    assert without_series_prefix("[05版] 短") == "[05版] 短"
