"""Points written as comma clauses in running prose (``clause_runs``): a run of
predicates, short clauses closed by 等 and a category noun, causes after 因."""

from __future__ import annotations

from gen_scoring import make

from trainer.generation.text import fold


def _lists(text: str) -> list[tuple[str, list[str]]]:
    return [
        (fold(n.prompt), [fold(i) for i in n.items])
        for n in make(text, "t").notes
        if n.kind.value == "list"
    ]


def test_a_run_of_predicate_clauses_is_a_list_of_measures() -> None:
    got = _lists(
        "社区服务。\n\n今年以来,街道办完善社区服务网络,优化居民办事流程,拓宽居民议事渠道。"
        "居民对此评价很高。"
    )
    assert next(items for _p, items in got if "优化居民办事流程" in items) == [
        "完善社区服务网络",
        "优化居民办事流程",
        "拓宽居民议事渠道",
    ], got
    prompt = next(p for p, items in got if "优化居民办事流程" in items)
    assert "举措" in prompt and "哪三" in prompt, prompt


def test_results_reported_with_le_are_asked_as_results() -> None:
    got = _lists("交流。\n\n两地代表进行了深入座谈,加深了了解,凝聚了共识,拓展了合作空间。")
    prompt, items = next((p, i) for p, i in got if "凝聚了共识" in i)
    assert items == ["加深了了解", "凝聚了共识", "拓展了合作空间"]
    assert "成果" in prompt, prompt


def test_short_clauses_closed_by_deng_and_a_category_noun() -> None:
    got = _lists(
        "小区治理。\n\n走访中发现,一些老旧小区存在私搭乱建,楼道堆物,飞线充电等现象,居民意见较大。"
    )
    prompt, items = next((p, i) for p, i in got if "楼道堆物" in i)
    assert items == ["私搭乱建", "楼道堆物", "飞线充电"]
    assert prompt.endswith("哪三种现象?"), prompt


def test_short_clauses_after_a_cause_word_are_the_causes() -> None:
    got = _lists(
        "山村。\n\n这个村虽然风景优美,但因交通不便,产业基础薄弱,青壮年外流,村集体收入一直偏低。"
    )
    prompt, items = next((p, i) for p, i in got if "产业基础薄弱" in i)
    assert items == ["交通不便", "产业基础薄弱", "青壮年外流"]
    assert "村集体收入一直偏低" in prompt and "原因" in prompt, prompt


def test_a_setting_after_the_cause_word_is_no_cause_list() -> None:
    got = _lists("山村。\n\n由于地处深山,这里坡地多、水源少,气候寒冷,农民收入较低。")
    assert not any("气候寒冷" in items for _p, items in got), got


def test_a_run_that_leads_to_one_effect_is_no_list() -> None:
    got = _lists(
        "社区服务。\n\n完善社区服务网络,优化居民办事流程,拓宽居民议事渠道,才能让居民真正满意。"
    )
    assert not any("优化居民办事流程" in items for _p, items in got), got


def test_the_steps_inside_a_numbered_point_are_its_detail() -> None:
    got = _lists(
        "社区治理的对策。\n\n一、健全服务网络。整合社区资源,完善服务清单,提升办事效率。\n\n"
        "二、畅通议事渠道。设立居民议事会,推行线上议事,公开议事结果。\n\n"
        "三、强化队伍建设。充实社工力量,开展业务培训,落实激励措施。"
    )
    assert any("健全服务网络" in items for _p, items in got), got
    assert not any("完善服务清单" in items for _p, items in got), got


def test_clauses_with_a_subject_of_their_own_are_no_run() -> None:
    got = _lists("见闻。\n\n记者来到村里,村民说收成不错,孩子们在院子里玩耍,老人晒着太阳。")
    assert not got, got


def test_clauses_asking_a_question_are_no_points() -> None:
    got = _lists(
        "网格。\n\n社工走遍每条街巷,熟悉每一户人家,独居老人有没有按时服药,"
        "留守儿童有没有按时上学,心里都有一本账。"
    )
    assert not any("熟悉每一户人家" in items for _p, items in got), got


def test_a_series_on_a_numbered_line_read_as_a_heading_is_a_list() -> None:
    got = _lists(
        "备考要点\n\n1. 题型:归纳题、分析题、对策题、写作题\n\n"
        "每类题型都有固定的答题思路,平时要多加练习,考试时才能从容应对。\n\n"
        "2. 心态:沉着冷静,合理分配时间。\n\n考场上不允许携带电子设备,要提前准备好。\n"
    )
    assert ("题型有哪四项?", ["归纳题", "分析题", "对策题", "写作题"]) in got, got


def test_a_series_item_never_opens_with_a_particle() -> None:
    got = _lists(
        "试点。\n\n实施方案明确了国家级示范区的范围、准入条件、奖惩措施、监督办法,各地要抓好落实。"
    )
    items = next(i for _p, i in got if "准入条件" in i)
    assert items[0] == "范围", got


def test_ordinal_items_skip_concessions_and_emphasis_and_keep_whole_words() -> None:
    got = _lists(
        "乡村教师为何留不住?\n\n原因有三。首先,待遇偏低的问题长期没有解决。其次,即便在交通便利的今天,"
        "乡村学校的生活条件依然艰苦。最后,也是最重要的是,职称晋升通道过窄。"
    )
    items = next(i for _p, i in got if any("待遇" in x for x in i))
    assert items[1].startswith("乡村学校的生活条件"), items
    assert items[2].startswith("职称晋升通道过窄"), items


def test_a_filler_is_never_cut_off_the_word_it_opens() -> None:
    from trainer.generation.detect.phrases import key_phrase
    from trainer.generation.text import Span

    for body, want in [
        ("这些短板亟待补齐。", "这些短板亟待补齐"),
        ("其他地区的经验值得借鉴。", "其他地区的经验值得借鉴"),
        ("即是补齐短板。", "补齐短板"),
    ]:
        got = key_phrase(body, Span(body, 0, len(body)))
        assert got is not None and got.text == want, (body, got)


_VERB_LED = (
    "乡村振兴要抓住关键\n\n"
    "乡村振兴是一篇大文章,需要久久为功。\n\n"
    "壮大特色产业,让农民的钱袋子鼓起来。各地依托资源禀赋发展特色种养,带动农户增收。\n\n"
    "补齐基础设施短板,把公共服务延伸到村里。道路、供水、网络等设施逐步完善,村民生活更加便利。\n\n"
    "培育新型职业农民,为乡村发展注入人才活力。{last}\n"
)


def test_paragraphs_opening_on_a_predicate_are_parallel_points() -> None:
    got = _lists(_VERB_LED.format(last="一批懂技术、善经营的农民成长起来,成为致富带头人。"))
    items = next(i for _p, i in got if any("补齐基础设施短板" in x for x in i))
    assert len(items) == 3 and items[0].startswith("壮大特色产业"), got


def test_an_opener_whose_second_clause_comments_breaks_the_run() -> None:
    text = _VERB_LED.replace(
        "补齐基础设施短板,把公共服务延伸到村里。", "补齐基础设施短板,地方政府责无旁贷。"
    )
    got = _lists(text.format(last="一批懂技术、善经营的农民成长起来,成为致富带头人。"))
    assert not any(any("补齐基础设施短板" in x for x in i) for _p, i in got), got


def test_measures_closed_by_deng_cuoshi_are_asked_as_measures() -> None:
    got = _lists("停车难。\n\n为缓解停车难,该区采取了限时停车,错峰收费,违停曝光等措施,效果明显。")
    prompt, items = next((p, i) for p, i in got if "错峰收费" in i)
    assert items == ["限时停车", "错峰收费", "违停曝光"]
    assert prompt.endswith("采取了哪三条措施?"), prompt


def test_a_numbered_lines_label_announces_the_clauses_after_its_colon() -> None:
    got = _lists(
        "人才回流。\n\n各县探索了不同做法。\n\n"
        "1.甲县实施“归雁”计划:建设返乡创业园,制定扶持政策,推动工匠返乡创业,扩大产业规模。\n\n"
        "2.乙县开展“暖心”行动:设立联络站点,落实回引政策,搭建创业平台,开展技能培训。"
    )
    assert [
        "建设返乡创业园",
        "制定扶持政策",
        "推动工匠返乡创业",
        "扩大产业规模",
    ] in [items for _p, items in got], got
    assert any("落实回引政策" in items and "搭建创业平台" in items for _p, items in got), got


def test_clauses_opening_on_one_verb_are_a_list() -> None:
    got = _lists(
        "防汛。\n\n汛期到来,各地做好准备,才能减少群众财产损失,"
        "才能在最短时间内恢复生产生活秩序,才能把次生灾害降到最低。"
    )
    assert any(
        items
        == ["才能减少群众财产损失", "才能在最短时间内恢复生产生活秩序", "才能把次生灾害降到最低"]
        for _p, items in got
    ), got


def test_clauses_repeating_the_topic_noun_are_no_list() -> None:
    got = _lists(
        "茶叶。\n\n本县气候湿润,茶叶种植历史悠久,茶叶品质在全省乃至全国都很有名,"
        "茶叶收入逐年增加,带动了不少农户。"
    )
    assert not any(any(i.startswith("茶叶") for i in items) for _p, items in got), got


def test_two_clauses_on_one_verb_are_no_list_by_that_alone() -> None:
    got = _lists("读书。\n\n干部平时工作繁忙,更要挤出时间,增强本领意识,增强学习动力。")
    assert not any("增强学习动力" in items for _p, items in got), got


def test_a_breakdown_by_shares_lists_what_each_share_does() -> None:
    got = _lists(
        "社区就餐。\n\n王主任:目前,居民大多在家吃饭,形成了“8515”格局,即80%左右的居民在家就餐,"
        "15%的居民依托社区食堂就餐,5%的居民到周边餐馆就餐。对于在家就餐的居民,我们开展上门服务。"
    )
    assert any(items == ["在家就餐", "依托社区食堂就餐", "到周边餐馆就餐"] for _p, items in got), (
        got
    )


def test_a_quoted_model_joined_by_plus_lists_its_parts() -> None:
    got = _lists(
        "养老服务。\n\n县民政局李局长:我们建立“政府补贴+个人缴费+慈善基金捐助+村集体分红”"
        "四方共担的服务筹资机制,确保资金来源稳定。"
    )
    assert any(
        items == ["政府补贴", "个人缴费", "慈善基金捐助", "村集体分红"] for _p, items in got
    ), got


def test_four_clauses_on_one_head_are_points_though_unequal_in_length() -> None:
    got = _lists(
        "新村民。\n\n他办这些事业,是要培育新的村民:皆有职业,皆受教育,皆能为公众服务,皆无不良嗜好。"
    )
    items = next(i for _p, i in got if "皆受教育" in i or "受教育" in i)
    assert len(items) == 4, got
    assert any("为公众服务" in i for i in items), items


def test_four_questions_on_one_head_are_no_points() -> None:
    got = _lists(
        "干部。\n\n基层干部最清楚:哪个村有哪些隐患,哪个社区有什么群体,哪项政策会遇到什么阻力,"
        "哪个办法行得通。"
    )
    assert not any(any("社区" in i for i in items) for _p, items in got), got
