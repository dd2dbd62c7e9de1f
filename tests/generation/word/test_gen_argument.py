"""What the argument-structure card says: the thesis, the 分论点 and the 对策."""

from __future__ import annotations

from gen_scoring import card_parts, structure_card

from trainer.generation.word.argument import claim_title, title_claim


def _card(text: str) -> dict[str, str]:
    card = structure_card(text)
    assert card is not None
    return card_parts(card)


FRAMES = (
    "善用“势”力,赋能产业\n\n"
    "“激水之疾,至于漂石者,势也。”善用其势,是企业实现产业蓬勃发展的关键所在。\n\n"
    "巧用优势推动产业发展,需立足自身优势,充分发挥资源作用,厚植发展根基。某地凭借自然景观发展旅游业。\n\n"
    "顺势而为助力产业发展,要紧跟时代发展新趋势,调整策略,与时俱进。共享经济兴起,重塑出行生态。\n\n"
    "借势而进促进产业发展,应借助外部力量,整合各方资源,注入强大动力。不少企业借势腾飞。\n\n"
    "三者融会贯通,便可在复杂的格局中披荆斩棘,铸就非凡华章。\n"
)


def test_the_points_of_an_essay_without_headings_are_its_parallel_openings() -> None:
    card = _card(FRAMES)
    assert card["中心论点"] == "善用“势”力,赋能产业"
    assert card["分论点"].split(";") == [
        "巧用优势推动产业发展",
        "顺势而为助力产业发展",
        "借势而进促进产业发展",
    ]


def test_a_topic_title_gives_way_to_the_opening_judgement() -> None:
    text = (
        "关于推进县域医共体建设的调研报告\n\n"
        "“看病难”是群众的急难愁盼。推进县域医共体建设,是提升基层医疗服务能力的关键一招。\n\n"
        "要加强基层人才队伍建设,让医生留得住。\n\n要完善医保支付机制,让资金用得好。\n\n"
        "要加强宣传引导,让群众信得过。\n\n"
        "建设县域医共体,要坚持以人民健康为中心。\n\n"
        "——某某\n"
    )
    card = _card(text)
    thesis = card["中心论点"]
    assert thesis == "推进县域医共体建设,是提升基层医疗服务能力的关键一招"
    assert "某某" not in thesis and "以人民健康为中心" not in thesis  # never the last line


def test_a_quotation_or_a_speakers_line_is_never_the_thesis() -> None:
    text = (
        "如何看待乡村集市的走红\n\n"
        "“赶集去!”一位村民笑着说。\n"
        "某专家表示,集市是城乡交流的重要窗口。\n"
        "乡村集市走红,既是消费新趋势,也是乡村振兴的新机遇。\n\n"
        "挖掘特色,打造品牌。\n\n完善设施,改善环境。\n\n规范管理,提升服务。\n"
    )
    assert _card(text)["中心论点"] == "乡村集市走红,既是消费新趋势,也是乡村振兴的新机遇"


def test_titles_that_state_claims_and_titles_that_do_not() -> None:
    assert claim_title("让基层减负真正落地见效")
    assert not claim_title("如何看待“村BA”火爆出圈")
    assert not claim_title("积极应对人口老龄化专题提纲")
    assert not claim_title("每周一学(2022年9月19日-25日)")
    assert title_claim("耕地保护与粮食安全:牢牢守住18亿亩耕地红线") == "牢牢守住18亿亩耕地红线"


def test_a_title_naming_lessons_or_a_meaning_is_no_claim() -> None:
    """``X给我们带来的启示``, ``浅析X``: the title names what the article is about, so
    the 中心论点 comes from the text."""
    assert not claim_title("抗击洪灾给我们带来的启示")
    assert not claim_title("新时代发扬斗争精神的重要意义")
    assert not claim_title("浅析基层治理现代化")
    assert claim_title("奋斗精神永不过时")


def test_measures_are_neither_the_points_again_nor_a_closing_judgement() -> None:
    text = (
        "推动双减落地见效\n\n"
        "双减政策实施以来,取得积极成效,但仍有难题待解。\n\n"
        "对策建议:\n"
        "强化学校教育主阵地作用。全面提升课堂教学质量,优化作业设计。\n"
        "从严规范校外培训行为。坚持从严审批,加强日常监管。\n"
        "深化教育评价改革。坚决克服唯分数的顽瘴痼疾。\n"
        "教育是国之大计、党之大计。双减不是一阵风,而是一场持久战。\n"
    )
    measures = _card(text)["对策"].split(";")
    assert measures == ["强化学校教育主阵地作用", "从严规范校外培训行为", "深化教育评价改革"]


def test_occasions_are_not_measures() -> None:
    text = (
        "疫情防控的启示\n\n"
        "疫情防控关键是早防早控,容不得半点犹豫和侥幸。\n\n"
        "群众要积极配合防控工作:需要居家时,坚决居家;需要隔离时,服从安排;"
        "需要参与排查时,如实报告。\n\n"
        "要加强公共卫生体系建设。要完善应急物资储备制度。\n"
    )
    card = structure_card(text)
    assert card is None or "需要居家时" not in card.answer


def test_quoted_names_of_what_to_avoid_are_not_measures() -> None:
    text = (
        "精准发放消费券\n\n"
        "消费券发得好,能起到立竿见影的效果。用好消费券需要在细节上下功夫。\n\n"
        "一要防止“撒胡椒面”,发放对象要科学研判,把钱花在刀刃上。"
        "二要防止“薅羊毛”,加强技术监测和商户管理。"
        "三要防止“一阵风”,做好政策之间的衔接。\n\n"
        "分类设券,精准投放。\n\n线上线下,协同核销。\n\n政企联动,叠加让利。\n"
    )
    card = structure_card(text)
    assert card is None or "撒胡椒面" not in card.answer.split("对策:")[-1]


def test_a_claim_title_after_an_authors_name_and_paired_topics() -> None:
    assert title_claim("四川省政协主席田向利:以改革举措加强国家战略腹地建设") == (
        "以改革举措加强国家战略腹地建设"
    )
    assert not claim_title("全民健身与体育强国建设")


def test_a_long_opening_judgement_ends_at_a_clause() -> None:
    text = (
        "关于推进县域医共体建设的调研报告\n\n"
        "推进县域医共体建设，是提升基层医疗服务能力的关键一招，也是深化医改的重要抓手，"
        "更是让群众在家门口看好病的现实需要。\n\n"
        "对此,一是加强基层人才队伍建设;二是完善医保支付机制;三是加强宣传引导。\n\n"
        "建设医共体,功在当下,利在长远。\n"
    )
    thesis = _card(text)["中心论点"]
    assert thesis == "推进县域医共体建设,是提升基层医疗服务能力的关键一招,也是深化医改的重要抓手"


def test_a_title_naming_proposals_gives_way_to_the_opening_judgement() -> None:
    assert not claim_title("推动基层治理现代化的对策建议")
    text = (
        "推动基层治理现代化的对策建议\n\n"
        "基层是国家治理的神经末梢。推进基层治理现代化,是推进国家治理体系和治理能力现代化的必然要求。\n\n"
        "一、强化党建引领,把牢基层治理方向\n\n党的领导是基层治理的根本保证。要健全议事协商机制。\n\n"
        "二、加强能力建设,提升基层治理水平\n\n要深化基层管理体制改革。要充实基层工作力量。\n\n"
        "三、推进科技赋能,创新基层治理方式\n\n要推广“一网通办”。要建设智慧社区。\n"
    )
    assert _card(text)["中心论点"].endswith("必然要求")


def test_a_quotation_in_straight_quotes_is_no_point() -> None:
    text = (
        "以科技自立自强夯实现代化根基\n\n"
        '"实现高水平科技自立自强,是中国式现代化建设的关键。"这一论断指明了着力点。\n\n'
        "攻克关键核心技术,把科技的命脉握在自己手中。要发挥新型举国体制优势。\n\n"
        "强化企业主体地位,让科技强变成产业强。要推动创新资源向企业集聚。\n\n"
        "汇聚高水平人才,弘扬科学家精神。要完善人才评价机制。\n"
    )
    points = _card(text)["分论点"].split(";")
    assert not any("中国式现代化建设的关键" in p for p in points), points
