"""Page furniture of converted documents: a running header repeated on every page,
HTML/Markdown comments and a blog platform's sync footer are never cards, items,
分论点, sections or parts of a prompt."""

from __future__ import annotations

import json

from gen_scoring import make

from trainer.generation.read.boilerplate import content_lines
from trainer.generation.text import fold

_HEADER = "2019年某省联考《综合写作》真题（乡镇卷）"


def _pdf_text() -> str:
    pages = [
        "材料1\n\n近年来，某县大力发展林下经济，村民收入稳步增长。"
        "一是发展林下种植，二是发展林下养殖，三是发展森林旅游。",
        "材料2\n\n某市推进老旧小区改造，居民的获得感明显增强。"
        "改造中坚持问需于民，做到改什么、怎么改由居民说了算。",
        "材料3\n\n某镇建设数字乡村，搭建了便民服务平台，群众办事更加方便。"
        "平台集成了社保、医保、户籍等多项服务。",
    ]
    parts = ["某县林下经济调查"]
    for i, page in enumerate(pages, 1):
        parts += [_HEADER, f"<!-- page {i} of 3 -->", page]
    return "\n\n".join(parts) + "\n"


def _everything(text: str) -> str:
    out = make(text, "t")
    return json.dumps(
        [[n.text, n.prompt, n.answer, list(n.items or ()), n.source.section] for n in out.notes],
        ensure_ascii=False,
    )


def test_a_line_repeated_on_every_page_is_furniture() -> None:
    text = _pdf_text()
    kept = [ln.text for ln in content_lines(text)]
    assert _HEADER not in kept
    assert not any("<!--" in k for k in kept)
    assert "平台集成了社保、医保、户籍等多项服务。" in " ".join(kept)
    got = _everything(text)
    assert "公考" not in got and "真题" not in got, got
    assert "page" not in got and "<!--" not in got, got


def test_a_comment_spanning_lines_is_furniture() -> None:
    text = (
        "乡村振兴\n\n<!--\n转换自第 3 页\n-->\n\n"
        "乡村振兴，关键在人。要培养一批懂农业、爱农村、爱农民的人才队伍。\n"
    )
    kept = " ".join(ln.text for ln in content_lines(text))
    assert "转换自" not in kept and "-->" not in kept
    assert "关键在人" in kept


def test_a_platform_sync_footer_is_boilerplate() -> None:
    for footer in (
        "This page is synchronized from the post: 创城随想 Random Thoughts",
        "This article was cross-posted from the blog: 乡村随笔",
        "本文同步发布于个人博客：乡村随笔",
    ):
        text = (
            "乡村振兴\n\n乡村振兴，关键在人。要培养一批懂农业、爱农村、爱农民的人才队伍。"
            "要完善人才引进机制，让各类人才在乡村大施所能。\n\n" + footer + "\n"
        )
        kept = " ".join(ln.text for ln in content_lines(text))
        assert "synchron" not in kept and "cross-posted" not in kept and "同步" not in kept, footer


def test_a_compilers_source_note_is_boilerplate() -> None:
    """``【注】本文选自《某报》……，按照申论考试要求进行了修改`` says where the text
    came from: never a card, whatever its wording after the opening."""
    for note in (
        "【注】本文选自《某某日报》2024年3月1日，按照申论考试要求进行了修改和分析，",
        "注：本文摘自某某网评论，有删改。",
        "本文节选自《某某》杂志2023年第5期。",
        "（摘转《某某报》2020年4月8日）",
    ):
        text = (
            "乡村振兴\n\n" + note + "\n\n乡村振兴，关键在人。要培养一批懂农业、爱农村、"
            "爱农民的人才队伍。要完善人才引进机制，让各类人才在乡村大施所能。\n"
        )
        kept = " ".join(ln.text for ln in content_lines(text))
        assert "某某" not in kept and "关键在人" in kept, note


def test_a_related_stories_block_at_the_end_is_chrome() -> None:
    body = "全面从严治党永远在路上，党的自我革命永远在路上。" * 12
    text = (
        f"{body}\n\n必须持之以恒推进全面从严治党，以党的自我革命引领社会革命。\n\n"
        "相关稿件\n某某指出，新时代十年的伟大变革具有里程碑意义\n"
        "某某强调，坚持全面依法治国，推进法治中国建设\n"
    )
    kept = " ".join(s.text for s in content_lines(fold(text)))
    assert "以党的自我革命引领社会革命" in kept
    assert "相关稿件" not in kept and "里程碑意义" not in kept and "法治中国" not in kept


def test_related_reports_opening_a_sentence_are_content() -> None:
    text = "相关报道显示，基层减负取得明显成效，群众获得感不断增强。" * 3
    assert content_lines(fold(text))


def test_a_line_of_tags_under_a_label_is_the_notes_index() -> None:
    body = "学习是干部成长进步的阶梯，是做好工作的基础。各级干部要把学习作为一种责任。"
    text = (
        "主题:政治、社会治理、人工智能、队伍建设\n"
        "关键词：学习型干部，人工智能，队伍建设，政治\n"
        "领域：政治、人工智能应用\n"
        f"{body}\n关键词：改革、发展、稳定三者相互依存，缺一不可。\n"
    )
    kept = [s.text for s in content_lines(fold(text))]
    assert kept[0].startswith("学习是干部成长进步的阶梯")
    assert any(k.startswith("关键词:改革") for k in kept)
    assert not any("队伍建设" in k or "人工智能应用" in k for k in kept)


def test_a_picture_credit_is_boilerplate() -> None:
    """制图/插图/配图 credit lines name who drew a page's graphics: never a 分论点 or a card."""
    for credit in ("制图：王小明", "插图:李四", "配图 / 张三", "漫画：赵六", "图：新华社"):
        text = (
            "乡村振兴的人才之道\n\n" + credit + "\n\n"
            "乡村振兴，关键在人。要培养一批懂农业、爱农村、爱农民的人才队伍。\n\n"
            "要完善人才引进机制，让各类人才在乡村大施所能。\n"
        )
        kept = " ".join(ln.text for ln in content_lines(fold(text)))
        name = credit.replace("/", "：").replace(":", "：").split("：")[-1].strip()
        assert name not in kept, credit
        assert name not in _everything(text), credit


def test_a_production_credit_closing_a_commentary_is_boilerplate() -> None:
    """A feed's commentary ends on who planned it and drew its poster (策划：…, 海报：…,
    统筹：…): production credits, never cards, and no line of the article is lost."""
    body = (
        "网络直播不是法外之地。要压实平台主体责任，让虚假宣传无处藏身。\n\n"
        "技术可以降低内容生产门槛，却不能突破信息真实的底线。\n\n"
    )
    for credit in (
        "策划：王小明 李四",
        "海报：张三",
        "统筹:赵六",
        "文案：孙七",
        "出品：某某评论部",
    ):
        text = "直播带货要守住真实底线\n\n" + body + credit + "\n"
        kept = " ".join(ln.text for ln in content_lines(fold(text)))
        name = credit.replace(":", "：").split("：")[-1].strip()
        assert name not in kept, credit
        assert name not in _everything(text), credit
        assert "信息真实的底线" in kept


def test_a_saved_pages_container_heading_time_stamps_and_collector_stamp_are_chrome() -> None:
    """A page saved by a collector: ``## 原文内容`` over the text, time stamps beside the
    other stories' headlines, and the collector's stamp at the end are not the article."""
    text = (
        "# 推动未来产业发展\n\n## 原文内容\n\n推动未来产业发展\n\n02-10 14:04 星期二\n\n"
        "培育未来产业，要坚持创新驱动。一是加强科技攻关，二是培育领军企业，三是完善制度保障。\n\n"
        "发展未来产业，是实现高质量发展的必然选择。\n\n"
        "02-10 16:55 星期二\n\n2026-02-10 13:30 星期二\n\n"
        "*自动采集于 2026-02-11 06:43:48 (北京时间)*\n"
    )
    kept = " ".join(ln.text for ln in content_lines(fold(text)))
    for chrome in ("原文内容", "星期二", "采集"):
        assert chrome not in kept, chrome
    everything = _everything(text)
    for chrome in ("原文内容", "星期二", "采集", "16:55"):
        assert chrome not in everything, chrome
    assert "加强科技攻关" in everything


def test_lines_that_are_only_links_are_a_pages_navigation() -> None:
    """A page saved as Markdown: a menu of links, and other stories' headlines as links
    after the article, are never cards."""
    from trainer.generation.read.reader import strip_markdown

    text = (
        "# 推动未来产业发展\n\n[关于我们](http://example.cn/our)[网站声明](http://example.cn/c)\n\n"
        "培育未来产业，要坚持创新驱动。一是加强科技攻关，二是培育领军企业，三是完善制度保障。\n\n"
        "发展未来产业，是实现高质量发展的必然选择，见[政策原文](http://example.cn/p)。\n\n"
        "要闻\n\n[某基金耗资十亿增持汽车股 产品大年或成破局关键](http://example.cn/d/1)\n\n"
        "- [卫星捕捉到罕见天文事件](http://example.cn/d/2)\n\n![Image 4](http://example.cn/a.png)\n"
    )
    kept = strip_markdown(text)
    for chrome in ("关于我们", "网站声明", "耗资十亿", "罕见天文事件", "Image 4"):
        assert chrome not in kept, chrome
    assert "见政策原文" in kept  # a link inside a sentence is the sentence's text


def test_a_pages_list_of_its_other_stories_and_its_ads_are_chrome() -> None:
    # A page's tail: a training company's ads, then its other stories under a label,
    # each with a date and a category under it (rubric: BROKEN cards from them).
    body = (
        "乡村振兴要靠人才\n"
        "人才是乡村振兴的第一资源。要完善人才引进机制,让人才愿意来、留得住、干得好。\n"
        "要健全人才培养体系,培育懂农业、爱农村、爱农民的工作队伍。\n"
    )
    tail = (
        "备考人别错过某某领航计划,一站式备考!\n"
        "某某教育【全程领航计划】\n"
        "热点解读:以改革激发市场活力\n"
        "25-04-01[ 经济 ]\n"
        "热点解读:守护好一江碧水\n"
        "25-03-25[ 生态 ]\n"
        "热点解读:让数字政务更便民\n"
        "25-03-18[ 社会 ]\n"
        "范文精选:走好高质量发展之路\n"
        "范文精选:以文化人 以文育人\n"
    )
    kept = [ln.text for ln in content_lines(fold(body + tail))]
    assert kept == [ln.text for ln in content_lines(fold(body))]


def test_two_labelled_lines_in_the_body_are_content() -> None:
    text = (
        "基层治理要精准\n"
        "问题导向:先找准群众的急难愁盼。\n"
        "目标导向:再拿出管用的办法。\n"
        "治理精准,群众才会满意。\n"
    )
    kept = [ln.text for ln in content_lines(fold(text))]
    assert len(kept) == 4


def test_a_bibliographic_reference_is_no_content_inline_or_alone() -> None:
    text = (
        "电视问政的价值\n"
        "电视问政把群众关切搬上荧屏,推动了一批难题的解决。"
        "张三,李四.电视问政节目的发展路径研究[J].传媒观察,2021(7):98-100.\n"
        "王五.舆论监督的新建构[J].青年记者,2020,3(8):30-32.\n"
        "问政的关键在于问题整改落到实处。\n"
    )
    kept = [ln.text for ln in content_lines(fold(text))]
    assert not any("[J]" in k or "传媒观察" in k or "青年记者" in k for k in kept)
    assert any("推动了一批难题的解决" in k for k in kept)
    assert any("问题整改" in k for k in kept)


def test_a_comment_boxs_house_rules_are_boilerplate() -> None:
    for rules in (
        "欢迎您发表有价值的评论，发布广告和不和谐的评论都将会被删除，您的账号将禁止评论。",
        "发表评论请遵守相关法律法规，违规评论将被删除。",
    ):
        text = (
            "乡村振兴\n\n乡村振兴，关键在人。要培养一批懂农业、爱农村、爱农民的人才队伍。"
            "要完善人才引进机制，让各类人才在乡村大施所能。\n\n" + rules + "\n"
        )
        kept = " ".join(ln.text for ln in content_lines(text))
        assert "评论" not in kept, rules
