"""The argument-structure card and complete, balanced Q&A answers."""

from __future__ import annotations

from pathlib import Path

from gen_scoring import make, seed_text

from trainer.domain.model import NoteKind
from trainer.generation import generate
from trainer.generation.read.reader import read_article
from trainer.generation.text import fold


def test_one_structure_card_per_article_tagged_structure() -> None:
    made = make(seed_text(), "zhibo-daihuo")
    cards = [n for n in made.notes if "结构" in n.tags]
    assert len(cards) == 1
    card = cards[0]
    assert card.kind is NoteKind.QA and "论证结构" in card.prompt
    lines = card.answer.splitlines()
    assert lines[0].startswith("中心论点：")
    assert any(line.startswith("分论点：") for line in lines)
    assert "怎样看待" not in card.answer  # a question heading is not a 分论点
    origin = made.origins[made.notes.index(card)]
    assert origin.rule == "struct.argument"


def test_a_how_to_view_question_covers_good_problems_and_measures() -> None:
    made = make(seed_text(), "zhibo-daihuo")
    qa = next(n for n in made.notes if n.prompt.startswith("怎样看待"))
    assert "积极作用：" in qa.answer and "问题：" in qa.answer and "对策：" in qa.answer


def test_viewpoint_answers_are_never_cut_off() -> None:
    made = make(seed_text(), "zhibo-daihuo")
    for n in made.notes:
        if n.kind is NoteKind.QA:
            assert "…" not in n.answer, n.answer


ARTICLE = """以法治护航平台经济

平台经济快速发展,也暴露出不少问题。

一、压实平台主体责任

平台要建立健全内容审核机制,落实主体责任。

二、完善监管制度

要加快完善平台经济监管规则,推进跨部门协同监管。

三、营造良好生态

鼓励平台企业创新发展,营造公平竞争的市场环境。
"""


def test_section_claims_become_the_sub_points_without_numbering() -> None:
    made = make(ARTICLE, "t")
    card = next(n for n in made.notes if "结构" in n.tags)
    assert "分论点：压实平台主体责任；完善监管制度；营造良好生态" in card.answer


_PARA = (
    "各地积极探索，形成了不少好的做法。{x}是推动高质量发展的关键。"
    "只有坚持问题导向，才能把工作做实做细。要加强统筹协调，形成工作合力。"
)


def _structure_cards(text: str) -> list[str]:
    return [n.answer for n in make(text, "t").notes if "结构" in n.tags]


def _argument_cards(text: str) -> list[str]:
    return [n.answer for n in make(text, "t").notes if "论证结构" in n.prompt]


def test_given_material_gets_no_argument_card() -> None:
    text = (
        "某县乡村治理调研\n\n给定资料\n\n材料1\n\n"
        "近年来，某县坚持党建引领，推进乡村治理现代化，乡村面貌焕然一新。"
        "县委书记说，乡村治理是国家治理的基石，必须下足绣花功夫。\n\n"
        + _PARA.format(x="乡村治理")
        + "\n\n材料2\n\n某镇探索积分制管理，村民参与村务的积极性明显提高。"
        "积分可以兑换生活用品，也可以作为评先评优的依据。\n\n"
        + _PARA.format(x="基层治理")
        + "\n\n镇党委书记介绍，下一步要从三方面发力：一是要完善积分评价标准，"
        "二是要拓宽积分兑换渠道，三是要加强积分结果运用。\n\n材料3\n\n某村设立议事会，大事小情由村民商量着办。"
        "议事会成员由村民推选产生，每月召开一次会议。\n\n" + _PARA.format(x="村民自治") + "\n"
    )
    assert _argument_cards(text) == []


def _essay(title: str, thesis: str) -> str:
    return (
        f"# {title}\n\n{thesis}。这是时代提出的课题，也是人民群众的期盼。\n\n"
        + _PARA.format(x=title[:4])
        + "\n\n"
        + _PARA.format(x="改革创新")
        + "\n\n"
        + f"总之，{thesis}，我们要久久为功、善作善成。\n"
    )


def test_several_essays_in_one_file_get_no_card_listing_their_titles() -> None:
    text = (
        "题目：请联系实际，自选角度，自拟题目，写一篇文章。\n\n## 甲老师\n\n"
        + _essay("以数字之力畅通城市脉络", "数字化是城市治理现代化的必由之路")
        + "\n## 乙老师\n\n"
        + _essay("让数据多跑路群众少跑腿", "政务服务数字化要以群众需求为导向")
        + "\n## 丙老师\n\n"
        + _essay("用智慧之光点亮乡村振兴", "数字乡村建设要坚持因地制宜")
    )
    for answer in _structure_cards(text):
        assert "以数字之力畅通城市脉络" not in answer or "让数据多跑路" not in answer, answer


PARAGRAPH_ORDINALS = """# 浅谈乡村文化振兴

乡村振兴,既要塑形,也要铸魂。我们认为,推动乡村文化繁荣,必须坚持以文化人、以文育人。

一是**坚持党建引领**。各级党组织要把乡村文化建设摆上重要议程,压实责任,形成合力。

二是**深挖乡土资源**。要保护好传统村落和非物质文化遗产,让乡土文化焕发新的生机。

三是**培育文化人才**。要鼓励乡贤返乡,培养一批扎根乡村的文化带头人。

总之,只有久久为功,才能让乡村文化真正活起来、火起来。
"""


def test_paragraphs_opening_on_ordinals_are_the_sub_points(tmp_path: Path) -> None:
    """一是/二是/三是 each opening a paragraph (the points bolded) are the 分论点; the
    author's own 我们认为 line states the thesis, without its lead-in."""
    path = tmp_path / "wenhua.md"
    path.write_text(PARAGRAPH_ORDINALS, encoding="utf-8")
    made = generate(read_article(str(path)), "t")
    card = next(n for n in made.notes if "结构" in n.tags)
    assert "分论点：坚持党建引领；深挖乡土资源；培育文化人才" in card.answer
    assert "中心论点：推动乡村文化繁荣，必须坚持以文化人、以文育人" in card.answer


INLINE_ORDINALS = """# 浅谈乡村文化振兴

乡村振兴,既要塑形,也要铸魂。推动乡村文化繁荣,必须坚持以文化人、以文育人。

做好这项工作,一是坚持党建引领,二是深挖乡土资源,三是培育文化人才。各级党组织要把乡村文化建设摆上重要议程。

要保护好传统村落和非物质文化遗产,让乡土文化焕发新的生机。
"""


def test_ordinals_inside_one_paragraph_are_no_sub_points() -> None:
    made = make(INLINE_ORDINALS, "t")
    card = next((n for n in made.notes if "结构" in n.tags), None)
    assert card is None or "分论点：坚持党建引领" not in card.answer


WORRIES = """守护孩子舌尖上的安全

家长的担忧主要集中在以下几点。

一是营养是否均衡。部分营养成分可能流失,难以满足青少年生长发育的需要。

二是添加剂是否超标。少数产品存在添加剂使用不规范的问题。

三是来源能否追溯。一些企业的原料采购不够透明,难以溯源追责。
"""


def test_paragraphs_opening_on_listed_worries_are_no_sub_points() -> None:
    """Ordinal paragraphs that ask (是否, 能否) list worries, not points argued."""
    made = make(WORRIES, "t")
    card = next((n for n in made.notes if "结构" in n.tags), None)
    assert card is None or "是否" not in card.answer


PROBLEMS_THEN_MEASURES = """让“银发族”跨越数字鸿沟

数字技术深刻改变了人们的生活,但不少老年人却被挡在了“数字门槛”之外。

一、老年人面临的数字困境

(一)不会用。许多老年人对智能手机操作不熟悉,扫码、支付、挂号处处受阻。

(二)不敢用。网络诈骗频发,一些老年人担心上当受骗,对线上服务心存顾虑。

(三)没人教。子女不在身边,社区培训覆盖面有限,老年人学习渠道不畅。

二、帮助老年人跨越数字鸿沟的对策

(一)推进适老化改造。互联网企业要推出大字版、语音版等适老化产品。

(二)保留传统服务方式。医院、银行等公共服务场所要保留人工窗口和现金支付。

(三)加强数字技能培训。社区要常态化开展智能手机培训,帮助老年人学会用。
"""


def test_an_article_on_problems_and_measures_shows_both() -> None:
    """Under numbered headings naming the problems and the measures, the card reads
    中心论点 → 问题 → 对策 (a tutor's structure of such an article)."""
    made = make(PROBLEMS_THEN_MEASURES, "t")
    card = next(n for n in made.notes if "结构" in n.tags)
    lines = card.answer.splitlines()
    assert "问题：不会用；不敢用；没人教" in lines
    assert "对策：推进适老化改造；保留传统服务方式；加强数字技能培训" in lines
    assert lines.index("问题：不会用；不敢用；没人教") < len(lines) - 1


SUB_HEADINGS = """让“银发族”跨越数字鸿沟

数字技术深刻改变了人们的生活,但不少老年人却被挡在了“数字门槛”之外。

一、老年人面临的数字困境

(一)不会用

许多老年人对智能手机操作不熟悉,扫码、支付、挂号处处受阻。

(二)不敢用

网络诈骗频发,一些老年人担心上当受骗,对线上服务心存顾虑。

(三)没人教

子女不在身边,社区培训覆盖面有限,老年人学习渠道不畅。

二、帮助老年人跨越数字鸿沟的对策

(一)推进适老化改造

互联网企业要推出大字版、语音版等适老化产品。

(二)保留传统服务方式

医院、银行等公共服务场所要保留人工窗口和现金支付。

(三)加强数字技能培训

社区要常态化开展智能手机培训,帮助老年人学会用。
"""


def test_sub_headings_under_a_measures_heading_are_measures() -> None:
    """(一)(二)(三) headings under 二、……的对策 are the 对策, not 分论点; those under
    一、……面临的困境 are the 问题."""
    made = make(SUB_HEADINGS, "t")
    card = next(n for n in made.notes if "结构" in n.tags)
    lines = card.answer.splitlines()
    assert "对策：推进适老化改造；保留传统服务方式；加强数字技能培训" in lines
    assert "问题：不会用；不敢用；没人教" in lines
    assert not any(line.startswith("分论点：") for line in lines)


def test_a_page_whose_lead_lines_repeat_its_body_lists_no_point_twice() -> None:
    """A 人民日报 page's lead lines (导语) repeat sentences of the body: the structure
    card never gives one claim twice (人是时代的产物……;人是时代的产物……)."""
    data = Path(__file__).resolve().parents[2] / "data" / "heldout14"
    for path in sorted(data.glob("*.txt")) + sorted(data.glob("*.md")):
        made = generate(read_article(str(path)), "t")
        for note in made.notes:
            if "结构" not in note.tags:
                continue
            for line in note.answer.splitlines():
                parts = line.split(":", 1)[-1].split(";")
                assert len(parts) == len(set(parts)), (path.name, line)


COMMENTARY = """社区食堂为何越办越红火?

清晨六点,城东一家社区食堂已飘出饭菜香。不少老人结伴而来,边吃边聊,其乐融融。

便宜实惠,是最直接的吸引力。一份两荤一素的套餐,价格比街边小店低不少,老人们算得清这笔账。

社区食堂卖的不只是饭菜,更是陪伴。独居老人在这里有了说话的去处,子女也少了一份牵挂。

办好社区食堂,离不开精打细算。有的食堂引入第三方运营,有的利用闲置房屋,降低了成本。

守住食品安全底线,一刻也不能放松。食材采购、后厨操作都要公开透明,接受居民监督。

众口难调,更要倾听居民的声音。定期征求意见、调整菜单,才能让食堂留住人气。

一碗热饭,温暖的是人心。把社区食堂这件小事办好,基层治理就能更有温度。
"""


def test_a_commentary_without_headings_gets_its_structure_from_paragraph_openings() -> None:
    """A commentary under no heading (a title, a lead, body paragraphs each opening on
    its point, a close): the 分论点 are the body paragraphs' opening claims, whole, and
    the thesis is the close's judgement when the title only asks."""
    cards = _structure_cards(COMMENTARY)
    assert len(cards) == 1
    lines = fold(cards[0]).splitlines()
    assert lines[0] == "中心论点:把社区食堂这件小事办好,基层治理就能更有温度"
    points = lines[1].removeprefix("分论点:").split(";")
    assert points == [
        "便宜实惠,是最直接的吸引力",
        "社区食堂卖的不只是饭菜,更是陪伴",
        "办好社区食堂,离不开精打细算",
        "守住食品安全底线,一刻也不能放松",
        "众口难调,更要倾听居民的声音",
    ]


NEWS = """城东社区食堂开张

清晨六点,城东一家社区食堂已飘出饭菜香。不少老人结伴而来,边吃边聊。

食堂由一座闲置的仓库改建而成,面积约三百平方米,可同时容纳八十人就餐。

开业当天,街道工作人员和志愿者早早来到现场,帮助老人取餐、结账。

一位老人告诉记者,以前一个人在家做饭不方便,现在下楼就能吃上热饭。

据了解,食堂今后还将推出送餐上门服务,方便行动不便的老人。
"""


def test_a_report_without_claims_gets_no_structure_card() -> None:
    """Paragraphs that narrate open on no claim: no card rather than background
    sentences as 分论点."""
    assert _structure_cards(NEWS) == []


_REPORTED = (
    "近年来，某市开展社区养老服务提升行动，这是该市首次在全市推行此类行动。"
    "两年来，该市累计建成社区食堂120个，老年人满意率达到90%。"
    "某市社区养老服务水平显著提升。\n\n"
    "但在走访中，一些老人仍反映了不少烦心事。\n\n"
    "场景一：社区食堂离家太远。张大爷住在老小区，走到最近的食堂要二十分钟。\n\n"
    "场景二：上门服务预约难。李阿姨想预约助浴服务，电话总是占线。\n\n"
    "场景三：活动中心设施陈旧。活动室里的健身器材大多已经损坏，无人维修。\n"
)


def test_untitled_material_opening_on_a_result_gets_no_structure_card() -> None:
    # A 给定资料 without its label: its opening reports a result, no thesis.
    assert _structure_cards(_REPORTED) == []


def test_untitled_commentary_stating_what_must_be_done_keeps_its_card() -> None:
    text = (
        "各级部门要把社区养老服务作为民生实事抓实抓好，让老年人安享幸福晚年。\n\n"
        "场景一：要让社区食堂离家更近。老小区可以改造闲置用房，开设助餐点。\n\n"
        "场景二：要让上门服务预约更便捷。开通线上预约，减少电话占线。\n\n"
        "场景三：要让活动中心焕然一新。定期维修健身器材，丰富文体活动。\n"
    )
    cards = _structure_cards(text)
    assert len(cards) == 1 and fold(cards[0]).startswith(fold("中心论点：各级部门要"))


TOPIC_TITLED = """基层治理中的形式主义问题

近年来,各地持续为基层减负,取得了一定成效。

一、压实责任链条

某县梳理出23项本应由部门承担、却转嫁给基层的任务。

二、精简文件会议

某镇一年收到文件1200多份,会议300多场。

三、强化督查问责

去年全省查处形式主义问题150起。
"""


def test_a_title_naming_only_a_topic_heads_the_card_as_its_topic() -> None:
    """A title that names a topic (……问题) and an opening that states no claim: the
    headings' claims still make the card, under the topic the title names rather than
    no card at all (rubric: one argument-structure card per article)."""
    cards = _structure_cards(TOPIC_TITLED)
    assert len(cards) == 1
    lines = cards[0].splitlines()
    assert lines[0] == "论题：基层治理中的形式主义问题"
    assert any(line.startswith(("分论点：", "对策：")) and "精简文件会议" in line for line in lines)
    assert not any(line.startswith("中心论点") for line in lines)


def test_a_topic_card_stands_on_headings_or_measures_only() -> None:
    """Without a thesis, points read from a headingless commentary's body sentences are
    as likely to be a match report (半决赛,……拿下关键首分) as a claim: the 论题 card
    stands only on the article's own headings or measures (rubric: MIX, QAA)."""
    path = Path(__file__).resolve().parents[2] / "data" / "heldout20" / "nizhuan-kao-shenme.md"
    made = generate(read_article(str(path)), "t")
    assert not [n for n in made.notes if "结构" in n.tags and "论题：" in n.answer]
    assert _structure_cards(TOPIC_TITLED)  # headings still make the card


_NUMBERED_SECTIONS = (
    "以绿色之笔绘就乡村新画卷\n\n"
    "春风送暖，万物复苏。\n\n"
    "绿色是乡村振兴的底色，走绿色发展之路是乡村的必然选择。\n\n"
    "（一）\n\n"
    "生态保护是乡村发展的根基，守住青山才能留住乡愁。\n\n"
    "一条河，串起沿岸村庄新风貌。\n\n"
    "2023年，清溪河完成整治，沿岸十二个村的污水全部纳管处理，河水重新变得清澈。\n\n"
    "（二）\n\n"
    "产业绿色转型要靠科技赋能，让好生态变成好收益。\n\n"
    "一片茶，带动山区群众增收致富。\n\n"
    "去年，白云村茶园引入智能滴灌设备，亩产提高了三成，村民人均收入增长两千元。\n\n"
    "（三）\n\n"
    "绿色生活方式需要人人参与，文明乡风是乡村的软实力。\n\n"
    "一场赛，激发村民爱护家园热情。\n\n"
    "每年秋天，各村举办庭院评比，获奖家庭的照片贴上了村口的光荣榜。\n\n"
    "绿色发展久久为功，我们要一张蓝图绘到底。\n"
)


def _points(text: str) -> list[str]:
    card = next(n for n in make(text, "t").notes if "结构" in n.tags)
    line = next(x for x in card.answer.splitlines() if x.startswith("分论点："))
    return line.removeprefix("分论点：").split("；")


def test_a_numbered_sections_thesis_is_its_judgement_not_an_examples_opening() -> None:
    """Under bare numbers ((一)(二)(三)) each section opens on the sentence stating its
    point; the short line after it (一条河，……) opens the example that bears it out."""
    points = _points(_NUMBERED_SECTIONS)
    assert points == [
        "生态保护是乡村发展的根基，守住青山才能留住乡愁",
        "产业绿色转型要靠科技赋能，让好生态变成好收益",
        "绿色生活方式需要人人参与，文明乡风是乡村的软实力",
    ]
