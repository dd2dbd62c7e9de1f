"""What a saved page leaves in an article's text besides its markup: character
references kept as text in a data record, a WeChat copy's lists of the account's
other stories, its "阅读原文" footer, a source line set as a heading, and photo
captions with their credits.

The texts are made up; each test failed before its rule existed."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.generation import generate
from trainer.generation.read.reader import read_article
from trainer.generation.split.structure import outline
from trainer.generation.text import fold

_BODY = [
    "社区食堂是民生实事，关系千家万户的一日三餐。",
    "办好社区食堂，一是要坚持公益属性，二是要引入市场机制，三是要加强食品安全监管。",
    "只有把小饭桌办成暖心工程，群众的获得感才能成色更足。",
]


def _all_text(path: Path) -> str:
    made = generate(read_article(str(path)), "t")
    return json.dumps(
        [[n.text, n.prompt, n.answer, list(n.items or ())] for n in made.notes],
        ensure_ascii=False,
    )


def _content(path: Path) -> str:
    """The article as the generator reads it: headings and paragraphs, chrome gone."""
    article = read_article(str(path))
    doc = outline(fold(article.text), fold(article.title))
    parts = [doc.title, *(s.heading for s in doc.sections)]
    parts += [p.span.text for s in doc.sections for p in s.paragraphs]
    return "\n".join(parts)


def test_character_references_in_a_record_are_the_characters(tmp_path: Path) -> None:
    content = "办好社区食堂\n" + "\n".join(f"&emsp;&emsp;{p}" for p in _BODY)
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "办好社区食堂", "content": content}, ensure_ascii=False))
    article = read_article(str(path))
    assert "&emsp" not in article.text
    assert "&emsp" not in _all_text(path)
    assert "一是要坚持公益属性" in article.text


def test_an_ampersand_in_prose_stays(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("AT&T 与 R&D 都是英文缩写。\n" + "\n".join(_BODY), encoding="utf-8")
    assert "AT&T 与 R&D" in read_article(str(path)).text


def test_a_list_of_the_accounts_other_stories_is_not_the_article(tmp_path: Path) -> None:
    page = (
        "今日要闻：\n"
        "【头条】时评 | 办好社区食堂要算好三笔账\n"
        "【二条】聚焦·某某案 | 刑事申诉法治化，纠错机制待完善\n"
        "【三条】犀利 | 某地拆违人员持械殴打群众现场曝光\n\n"
        + "\n\n".join(_BODY)
        + "\n\n往期精选：\n"
        "【头条】论坛 | 律师勇于抗争，才能促进司法清明\n"
        "【三条】揭秘 | 社会抚养费给干部发奖金\n"
        "【四条】观察 | 网络安全立法的几点看法\n"
        "点击下方“阅读原文”查看近期热文《论坛 | 律师勇于抗争》\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(page, encoding="utf-8")
    text = _content(path)
    for chrome in ("刑事申诉法治化", "社会抚养费", "阅读原文", "今日要闻", "往期精选"):
        assert chrome not in text
    assert "一是要坚持公益属性" in text


def test_a_source_line_set_as_a_heading_is_a_credit(tmp_path: Path) -> None:
    page = "#### 来源：新华社  （2025年4月26日）（节录）\n\n" + "\n\n".join(_BODY)
    path = tmp_path / "a.md"
    path.write_text(page, encoding="utf-8")
    assert "来源" not in _content(path)
    assert "来源" not in _all_text(path)


def test_photo_captions_and_their_credits_are_not_content(tmp_path: Path) -> None:
    body = [
        _BODY[0],
        "近年来，各地不断提升社区服务能力。左上图为2025年3月18日，某市社区食堂开展义诊活动"
        "（某某医院供图）；右上图为2025年6月3日，志愿者为老人送餐（新华社记者 张三/摄）。",
        _BODY[1],
        "更多内容详见：某某大学教授李四文章《办好社区食堂》",
    ]
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(body), encoding="utf-8")
    text = _content(path)
    for chrome in ("左上图为", "供图", "/摄", "更多内容详见"):
        assert chrome not in text
    assert fold("近年来，各地不断提升社区服务能力。") in text


def test_a_records_title_with_its_speaker_yields_to_the_articles_own_title(
    tmp_path: Path,
) -> None:
    """A site files a speech under ``某某：<its title>``; the text opens on its own
    title, with a note mark: that line is the title, and it is no paragraph."""
    content = "办好社区食堂※\n" + "\n".join(_BODY)
    path = tmp_path / "a.json"
    record = {"title": "某某：办好社区食堂", "content": content}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    made = generate(read_article(str(path)), "t")
    assert made.title == "办好社区食堂"
    assert "※" not in _content(path)


def test_a_caption_closed_by_an_unbracketed_credit_is_not_content(tmp_path: Path) -> None:
    """A news page sets its photo's caption as a paragraph of its own, the credit closing
    it without brackets: the whole paragraph is the caption."""
    body = [
        _BODY[0],
        "村民在合作社的车间里分拣蔬菜。某某网 王小明摄",
        _BODY[1],
        "志愿者为老人送餐。 新华社记者 张三 摄",
    ]
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(body), encoding="utf-8")
    text = _content(path)
    for chrome in ("分拣蔬菜", "王小明", "送餐", "张三"):
        assert chrome not in text
    assert "一是要坚持公益属性" in text


def test_a_model_essays_notes_on_its_technique_are_not_text(tmp_path: Path) -> None:
    """An annotated 范文 names the technique of a sentence in brackets inside it: the
    note goes and the sentence stays whole."""
    body = [
        _BODY[0],
        "从郑和下西洋到孔子学院的建立（古今对比），无不展示中国崇尚合作的理念。"
        "只有团结协作，才能行稳致远(举例论证)。",
        _BODY[1],
    ]
    path = tmp_path / "a.txt"
    path.write_text("\n\n".join(body), encoding="utf-8")
    text = _content(path)
    assert "对比" not in text and "论证" not in text
    assert fold("从郑和下西洋到孔子学院的建立，无不展示中国崇尚合作的理念。") in text


def test_a_record_commented_out_in_a_script_is_read_as_a_record(tmp_path: Path) -> None:
    """A Python dict left commented out in a script (``#`` before each continued line),
    single quotes and all: its title and body fields, not the code around them."""
    body = "".join(f"<p>{s}</p>" for s in _BODY)
    record = (
        "{'id': 1, 'type': '1', 'title': '社区食堂要办成暖心工程',\n"
        "#                               'mediaSectionId': '4434b29c', 'coverPhoto': None,\n"
        "#                               'oriTime': '2020-01-31 10:33:05',\n"
        f"#                               'newsContent': '{body}',\n"
        "#                               'downloadLinks': 'http://example.com/s?x=1#rd'}\n"
    )
    path = tmp_path / "a.record.txt"
    path.write_text(record, encoding="utf-8")
    article = read_article(str(path))
    assert article.title == "社区食堂要办成暖心工程"
    assert "mediaSectionId" not in article.text
    assert "oriTime" not in article.text
    assert "一是要坚持公益属性" in article.text


def test_a_wechat_posts_past_picks_and_credits_are_not_content(tmp_path: Path) -> None:
    """``往期精选`` opens the list of an account's earlier posts (headlines, then its
    credits 来源/责编/编审); a heading's block mark (▌) is decoration."""
    page = (
        "▌社区食堂要办成暖心工程\n\n"
        + "\n\n".join(_BODY)
        + "\n\n社区食堂既要让老人吃得上、吃得起，也要让年轻人愿意来、经常来。"
        "各地要把社区食堂纳入城市更新和养老服务体系统筹谋划，完善用地、用房和运营补贴政策，"
        "引导社会力量参与，形成政府主导、市场运作、群众受益的良性循环。"
        + "\n\n往期精选\xa0 \xa0 \xa0\n\n"
        "某某：紧紧依靠人民群众办好民生实事\n\n"
        "党旗高高飘扬在基层治理第一线\n\n"
        "来源：新华社\n\n责编：张三\n\n编审：李四\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(page, encoding="utf-8")
    text = _all_text(path)
    for chrome in ("往期精选", "紧紧依靠人民群众", "党旗高高飘扬", "编审", "李四", "▌"):
        assert chrome not in text, chrome
    assert "公益属性" in text
