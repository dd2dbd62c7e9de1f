"""Page titles lose channel prefixes and site suffixes; promotional sentences are chrome."""

from __future__ import annotations

from pathlib import Path

from trainer.generation.read.boilerplate import content_lines
from trainer.generation.read.reader import clean_title, without_series_prefix


def test_clean_title_keeps_the_headline_part() -> None:
    assert clean_title("申论热点｜推动乡村全面振兴的新路径") == "推动乡村全面振兴的新路径"
    assert clean_title("城市更新要留住烟火气_某某网") == "城市更新要留住烟火气"
    assert clean_title("城市更新要留住烟火气 - 某某新闻网") == "城市更新要留住烟火气"


def test_a_site_name_glued_to_the_title_by_a_hyphen_goes() -> None:
    """Page titles are often ``标题-单位名`` with no spaces; the short tail is the site."""
    assert clean_title("推动城乡融合发展迈出新步伐-宣传部") == "推动城乡融合发展迈出新步伐"
    assert clean_title("让数字红利惠及更多群众_某某市政府网") == "让数字红利惠及更多群众"
    assert (
        clean_title("中国-东盟合作迈上新台阶") == "中国-东盟合作迈上新台阶"
    )  # no site: kept whole


def test_a_column_before_a_middle_dot_goes() -> None:
    assert without_series_prefix("常识判断 · 五年规划专题") == "五年规划专题"
    assert without_series_prefix("申论热点·推进乡村全面振兴") == "推进乡村全面振兴"
    assert without_series_prefix("红船精神 · 永放光芒") == "红船精神 · 永放光芒"


def test_a_series_prefix_before_the_colon_goes() -> None:
    assert without_series_prefix("2012年421公务员考试申论范文：让法治成为社会共识") == (
        "让法治成为社会共识"
    )
    assert without_series_prefix("十八届三中全会解读九:深化行政体制改革") == "深化行政体制改革"
    assert without_series_prefix("人民时评:让基层减负真正落地见效") == "让基层减负真正落地见效"
    assert without_series_prefix("数字乡村建设:以“数”赋能") == "数字乡村建设:以“数”赋能"
    assert without_series_prefix("耕地保护与粮食安全:守住红线") == "耕地保护与粮食安全:守住红线"


def test_promotional_sentence_is_cut_from_a_content_line() -> None:
    text = "标题\n\n乡村振兴，关键在人。下面某某机构为考生带来本期范文，供大家参考学习。人才是第一资源。\n"
    kept = " ".join(s.text for s in content_lines(text))
    assert "某某机构" not in kept
    assert "乡村振兴，关键在人。" in kept
    assert "人才是第一资源。" in kept


def test_exam_instructions_are_not_a_list() -> None:
    from trainer.domain.model import Article
    from trainer.generation import generate

    text = (
        "乡村人才振兴\n\n题目\n\n根据给定材料，提出对策建议。（20分）\n\n"
        "要求：（1）对策具体、可行；（2）条理清晰，语言简洁；（3）不超过400字。\n"
    )
    result = generate(Article(text=text, title="", source="t"), "t")
    assert not [n for n in result.notes if n.kind.value == "list"]


def test_site_menus_and_breadcrumbs_are_chrome_not_the_title() -> None:
    from trainer.domain.model import Article
    from trainer.generation import generate
    from trainer.generation.read.boilerplate import is_menu

    assert is_menu("明途教育网 公务员|事业单位|教师招聘|申论热点|登录 注册")
    assert is_menu("首页 > 申论热点 > 正文")
    assert not is_menu("治理网络暴力要宽严相济")
    assert not is_menu("一方面,要加强监管;另一方面,要疏堵结合")
    assert not is_menu("### 防止“一发了之” 放大政策长效作用")
    assert not is_menu("构建大格局 激发新活力 展现新作为")
    para = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
    text = (
        "明途教育网 公务员|事业单位|教师招聘|申论热点|登录 注册\n首页 > 申论热点 > 正文\n"
        f"校外培训治理如何走深走实\n\n{para}\n\n{para}\n"
    )
    assert generate(Article(text=text, title=""), "t").title == "校外培训治理如何走深走实"


def test_a_footer_word_inside_prose_does_not_cut_the_article() -> None:
    para = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。" * 3
    text = (
        f"标题\n\n{para}\n\n{para}\n\n"
        "有的县建设了农产品溯源平台,消费者扫一扫二维码就能看到蔬菜从种植到采摘的全过程。\n\n"
        "数字技术让乡村治理更加精准高效。\n\n扫一扫 关注我们\n"
    )
    kept = " ".join(s.text for s in content_lines(text))
    assert "溯源平台" in kept and "数字技术让乡村治理更加精准高效" in kept
    assert "关注我们" not in kept


PAPER = (
    "2012年421公务员考试申论范文：让法治成为社会共识\n\n"
    "法治是国家治理体系和治理能力的重要依托。要坚持依法治国、依法执政、依法行政共同推进。\n\n"
    "“天下之事，不难于立法，而难于法之必行。”\n——张居正\n\n"
    "要求：1.思想深刻，观点明确；2.参考给定资料，但不拘泥于给定资料；3.字数在1000~1200字之间。\n\n"
    "全面依法治国是一场深刻革命。法治建设要坚持以人民为中心，做到科学立法、严格执法、公正司法、全民守法。\n"
)


def test_an_exam_paper_loses_its_prefix_instructions_and_attribution_heading() -> None:
    from trainer.domain.model import Article
    from trainer.generation import generate

    made = generate(Article(text=PAPER), "paper")
    assert made.title == "让法治成为社会共识"
    assert "——张居正" not in made.sections
    blob = " ".join(n.text + n.prompt + n.answer for n in made.notes)
    assert "给定资料" not in blob and "字数" not in blob
    assert "张居正" not in " ".join(n.prompt for n in made.notes)


def test_a_column_name_after_the_title_goes() -> None:
    assert without_series_prefix("让基层干部轻装上阵（评论员观察）") == "让基层干部轻装上阵"
    assert without_series_prefix("城市更新的温度(人民时评)") == "城市更新的温度"
    # A parenthesis that is part of the title stays.
    assert without_series_prefix("数字乡村建设(2024—2026年)") == "数字乡村建设(2024—2026年)"


def test_markdown_kicker_bold_headings_and_the_one_h1_title(tmp_path: Path) -> None:
    from trainer.generation import generate
    from trainer.generation.read.reader import read_article

    md = tmp_path / "a.md"
    md.write_text(
        "### 让数据要素活起来\n\n# 推动数据资源高效流通（政策解读）\n\n"
        "近日，有关部门印发指导意见，对数据流通作出部署。这是一项基础性工作。\n\n"
        "**强流通——**\n\n**打通堵点，建设交易平台**\n\n"
        "要加快建设数据交易平台，完善数据流通规则，让数据在安全前提下高效流动起来。\n",
        encoding="utf-8",
    )
    out = generate(read_article(str(md)), "a")
    assert out.title == "推动数据资源高效流通"
    assert "让数据要素活起来" in out.sections
    assert any(s.startswith("打通堵点") for s in out.sections), out.sections
    assert not any("推动数据资源高效流通" in s for s in out.sections)


def test_a_collection_entry_label_and_its_topic_label_go() -> None:
    """A collection numbers its entries and files each under a topic (``文章二：网络舆情——标题``):
    both labels name the collection's order and filing, not the article."""
    assert without_series_prefix("文章二：网络舆情——“热词”不该成为嘲讽") == "“热词”不该成为嘲讽"
    assert without_series_prefix("材料3：城市治理——让街巷更有温度") == "让街巷更有温度"
    assert without_series_prefix("文章一：让街巷更有温度") == "让街巷更有温度"
    # A dash inside a title with no entry label before it is the title's own.
    assert (
        without_series_prefix("伟大时代 光影华章——改革开放40年")
        == "伟大时代 光影华章——改革开放40年"
    )
    # An entry label whose rest is no title (too short) stays.
    assert without_series_prefix("文章二：导语") == "文章二：导语"


_BODY = (
    "城市更新不是大拆大建，而是要留住城市的记忆。各地要坚持以人民为中心，"
    "完善公共服务设施，改善居住条件，提升城市品质。只有这样，城市才能留住烟火气。"
)


def test_a_latin_name_glued_before_the_title_that_the_text_never_names_goes() -> None:
    """A content system files a record's title after its own name (``WenCMS标题``); a
    name the text names too is the title's own."""
    from trainer.domain.model import Article
    from trainer.generation import generate

    made = generate(Article(text=_BODY, title="WenCMS城市更新要留住烟火气"), "t")
    assert made.title == "城市更新要留住烟火气"
    named = "ChatGPT带来的新问题值得关注。" + _BODY
    kept = generate(Article(text=named, title="ChatGPT热潮下的冷思考"), "t")
    assert kept.title == "ChatGPT热潮下的冷思考"
    acronym = generate(Article(text=_BODY, title="APP适老化改造要落到实处"), "t")
    assert acronym.title == "APP适老化改造要落到实处"


def test_a_title_with_no_chinese_over_a_chinese_text_is_the_sites_name() -> None:
    """A blog theme's page keeps its theme's name as the page title (``Typecho
    NeiNo``): not the article's title."""
    from trainer.domain.model import Article
    from trainer.generation import generate

    assert generate(Article(text=_BODY, title="Typecho NeiNo"), "t").title == ""


def test_a_column_opening_on_juJiao_after_the_title_goes() -> None:
    """人民日报 files features under columns named 聚焦…: the bracket is the column's."""
    assert without_series_prefix("拧成一股绳 合力拔穷根（聚焦基层党建）") == "拧成一股绳 合力拔穷根"
    assert without_series_prefix("论持久战（节选）") == "论持久战（节选）"


def test_a_deep_coverage_column_with_its_running_number_goes() -> None:
    assert (
        without_series_prefix("茅坡村的变化为什么这么大（深度关注·党建引领基层治理④）")
        == "茅坡村的变化为什么这么大"
    )
