"""The argument-structure card of an essay that states its thesis as a firm judgement
and ends on what to do (made-up texts): the thesis before a metaphor title, the closing
paragraph's demands as its 对策, and a prompt that asks only for the parts the answer
gives (rubric: QAA)."""

from __future__ import annotations

from gen_scoring import card_parts as _parts
from gen_scoring import structure_card as _card

from trainer.generation.text import fold

ESSAY = (
    "春风化雨,润物无声\n\n"
    "做事先做人,立业先立德。青年干部扎根基层、服务群众,才能赢得群众信任。"
    "因此,青年干部必须扎根基层、甘于奉献,才能在广阔天地中建功立业。\n\n"
    "扎根基层,要俯下身子听民声。走进田间地头,把群众的冷暖放在心上。\n\n"
    "扎根基层,要沉下心来办实事。一件件小事办好了,群众的日子就更有盼头。\n\n"
    "扎根基层,要挺起脊梁担重任。急难险重的任务面前,青年干部冲在最前面。\n\n"
    "路虽远,行则将至。青年干部要把基层当作成长的课堂,在摸爬滚打中增长才干。"
    "广大青年更要坚定理想信念,让青春在奉献中绽放光彩。\n"
)


def test_a_firm_judgement_in_the_opening_is_the_thesis_before_a_metaphor_title() -> None:
    note = _card(ESSAY)
    assert note is not None
    assert _parts(note)["中心论点"] == "青年干部必须扎根基层、甘于奉献,才能在广阔天地中建功立业"


def test_the_closing_paragraphs_demands_are_the_measures() -> None:
    note = _card(ESSAY)
    assert note is not None
    assert _parts(note)["对策"].split(";") == [
        "青年干部要把基层当作成长的课堂,在摸爬滚打中增长才干",
        "广大青年更要坚定理想信念,让青春在奉献中绽放光彩",
    ]
    assert fold(note.prompt).endswith("(中心论点、分论点、对策)")


NO_MEASURES = (
    "让基层治理有温度\n\n"
    "近年来,各地不断探索基层治理的新办法,群众的获得感明显增强。\n\n"
    "网格化,让治理的触角延伸到末梢。网格员走街串巷,把矛盾化解在萌芽状态。\n\n"
    "议事会,让群众的事由群众商量着办。加装电梯、停车管理,居民坐下来商量。\n\n"
    "热线电话,让群众的呼声有回响。热线受理群众诉求,限时办结、回访评价。\n\n"
    "小事连着民心,细节见证温度。一件件小事办好了,群众的日子就更有奔头。\n"
)


def test_the_prompt_asks_only_for_the_parts_the_answer_gives() -> None:
    note = _card(NO_MEASURES)
    assert note is not None
    assert "对策" not in _parts(note)
    assert fold(note.prompt).endswith("(中心论点、分论点)")


SPEAKER_CLOSING = (
    "让基层治理有温度\n\n"
    "近年来,各地不断探索基层治理的新办法,群众的获得感明显增强。\n\n"
    "网格化,让治理的触角延伸到末梢。网格员走街串巷,把矛盾化解在萌芽状态。\n\n"
    "议事会,让群众的事由群众商量着办。加装电梯、停车管理,居民坐下来商量。\n\n"
    "热线电话,让群众的呼声有回响。热线受理群众诉求,限时办结、回访评价。\n\n"
    "采访时,老社区主任形象地说,治理要像绣花一样细,群众才会满意。\n"
)


def test_a_speakers_line_in_the_closing_paragraph_is_no_measure() -> None:
    note = _card(SPEAKER_CLOSING)
    assert note is not None
    assert "对策" not in _parts(note)


NUMBERED_HEADINGS = (
    "让数字技术更好服务群众\n\n"
    "数字技术日新月异,正在深刻改变群众的生产生活。\n\n"
    "1 数字技术让政务服务更加便捷\n"
    "过去办事要跑好几个窗口,如今动动手指就能办好,群众少跑腿、数据多跑路。\n\n"
    "2 数字技术让公共服务更加均衡\n"
    "远程医疗、在线课堂走进山区,偏远地区的群众也能享受优质资源。\n\n"
    "3 数字技术让社会治理更加精准\n"
    "城市大脑汇聚各类数据,交通拥堵、安全隐患都能提前发现、及时处置。\n"
)


def test_a_headings_arabic_number_is_no_part_of_its_point() -> None:
    note = _card(NUMBERED_HEADINGS)
    assert note is not None
    points = _parts(note)["分论点"].split(";")
    assert len(points) >= 2
    assert all(p.startswith("数字技术让") for p in points)


ENDS = (
    "彰显劳动价值 推动时代发展\n\n"
    "劳动创造价值，劳动成就梦想。所以，只有尊重劳动，才能实现持续发展。\n\n"
    "劳动具有经济价值。劳动者用双手创造财富，推动经济不断向前。所以，要以劳动的力量带来发展。\n\n"
    "劳动具有文化价值。劳动精神代代相传，滋养着民族的精神家园。所以，要以劳动的精神涵养文化。\n\n"
    "劳动具有育人价值。在劳动中磨炼意志，青年才能更快成长。所以，要以劳动的课堂培育新人。\n\n"
    "劳动的价值需要我们不断发掘，只有发掘了劳动的价值，才能让经济发展充满活力，"
    "才能让文化建设根深叶茂，才能让青年一代健康成长。所以，劳动的价值，是国家发展的不竭动力。\n"
)


def test_what_the_measures_bring_about_is_no_measure() -> None:
    """才能让A,才能让B,才能让C say what doing something brings: no 对策 of the essay."""
    note = _card(ENDS)
    assert note is not None
    assert "才能让" not in _parts(note).get("对策", "")
