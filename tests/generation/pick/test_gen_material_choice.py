"""An exam paper's 给定资料 (no title of its own) is a report: its background, narration
and the remarks of the people it quotes are no cloze material, its topic is no blank,
and no card opens on a demonstrative without its referent or inside a quotation."""

from __future__ import annotations

import re

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.text import fold

_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")

MATERIAL = """材料2
2023年5月,H市K区在东门农贸市场开展“智慧菜场”改造,菜场入口设置了电子显示屏和自助查询机。改造后的“智慧菜场”实行“一码溯源”,每一批蔬菜都能查到产地和检测结果。
当天上午,记者在东门农贸市场看到,市民排队查询所买蔬菜的来源。“我每天都来这里买菜,现在扫一下就知道菜是哪里来的,买得放心多了。”市民李大姐说。摊主老陈也说:“以前顾客总是问东问西。现在有了这块屏,大家一看就明白,我省了不少口舌。”
区市场监管局负责人介绍,“智慧菜场”建成以后,投诉量下降了六成。这样的局面来之不易,靠的是部门协同和数据共享。对检测不合格的摊位,监管部门责令下架,并依法处罚。
“我们先把老旧线路全部换掉。再统一建设冷链仓储中心和农产品质量追溯平台,让群众吃得放心。”王主任说,“智慧菜场”的账要算长远。
“‘智慧菜场’不是花架子,而是实打实的民生工程。”K区区长表示,下一步要建立健全长效监管机制,推动“智慧菜场”在全区推广。
"""


def _cloze_texts(text: str) -> list[str]:
    made = make(text, "t")
    return [n.text for n in made.notes if n.kind is NoteKind.CLOZE]


def _plain(card: str) -> str:
    return _BLANK.sub(r"\1", card)


def test_the_topic_of_an_untitled_material_is_never_a_blank() -> None:
    blanks = [b for c in _cloze_texts(MATERIAL) for b in _BLANK.findall(c)]
    assert "智慧菜场" not in blanks, blanks


def test_a_plain_remark_of_an_interviewee_is_no_card() -> None:
    cards = [_plain(c) for c in _cloze_texts(MATERIAL)]
    assert not any("我每天都来这里买菜" in c for c in cards), cards


def test_narration_of_a_material_is_no_card() -> None:
    cards = [_plain(c) for c in _cloze_texts(MATERIAL)]
    assert not any("记者在东门农贸市场看到" in c for c in cards), cards


def test_a_demonstrative_opening_carries_its_referent_or_is_skipped() -> None:
    for card in _cloze_texts(MATERIAL):
        if "这样的局面" in card:
            assert card.startswith("〔"), card


QUOTED = """城市治理的细节

城市治理千头万绪,群众的感受是最好的标尺。城市治理要建立健全长效管护机制,推动城市治理重心下移。
张教授说,“城市治理要从细节入手,从群众身边的路灯、井盖、停车位、垃圾桶这些小地方做起,从每一条背街小巷、每一个老旧小区、每一处公共空间的日常管护做起,把问题解决在萌芽状态,把服务送到群众家门口,把群众的意见当作改进工作的第一信号,让每一项工作都经得起群众的检验,让每一位居民都能感受到城市的温度和治理的精度。城市治理不是一时之功,而是久久为功。”
城市治理没有终点,只有连续不断的新起点。各地要完善社区议事协商机制,让群众的事群众商量着办。
"""


def test_a_card_inside_a_quotation_opens_with_its_speaker() -> None:
    """A sentence inside a quotation its paragraph opened before it (a quotation too
    long to keep whole) is carded with the opening (〔张教授说:“……〕), never as if the
    words were the article's own."""
    cards = [c for c in _cloze_texts(QUOTED) if "不是一时之功" in _plain(c)]
    assert cards
    for card in cards:
        assert fold(card).startswith(fold("〔张教授说:“……〕")), card


def test_a_reported_line_of_a_material_is_no_golden_line() -> None:
    made = make(MATERIAL, "t")
    golden = [_plain(n.text) for n in made.notes if n.kind is NoteKind.CLOZE and "金句" in n.tags]
    assert not any(g.startswith("K区区长表示") for g in golden), golden


def test_the_model_never_makes_a_golden_line_of_an_attribution_or_a_remark() -> None:
    """Whatever the learned model's score: a line naming only who spoke (宋纯鹏强调。) or
    the source (摘编自《大众日报》) is no 金句 anywhere; in a material, neither is a person's remark about himself nor a
    line reporting what someone said in its own words."""
    from trainer.generation.pick.clozes import Learned
    from trainer.generation.text import Span

    def verdict(line: str, material: bool) -> bool:
        model = Learned({0: 1.0}, 0.5)
        return model.golden(line, Span(line, 0, len(line)), material) is not None

    assert not verdict("宋纯鹏强调。", False)
    assert not verdict("(摘编自《大众日报》)", False)
    assert not verdict("“我每天都来这里买菜,现在买得放心多了。”", True)
    assert not verdict("区长表示,下一步要建立健全长效监管机制。", True)
    assert verdict("“‘你送我检’虽是小举措,却具有借鉴意义。”", True)
    assert verdict("民生无小事,枝叶总关情。", True)


def test_a_point_at_the_end_of_a_quotation_leaves_its_closing_marks_outside() -> None:
    """不是一时之功,而是久久为功。”: the point is 久久为功, not 久久为功。” (rubric: CUT)."""
    blanks = [b for c in _cloze_texts(QUOTED) for b in _BLANK.findall(c)]
    assert "久久为功" in blanks, blanks
    assert not any(b.endswith(("。", "”", "。”")) for b in blanks), blanks


ORCHARD = """材料1
群山环绕,万亩茶园。
依托全县20万亩茶叶产业,F县打造的茶乡田园综合体正大步向前发展。小李家在溪口村,以前也种茶,但因品种不佳、管理不善,盈利不多,他就把茶园交给父母打理,自己出去打工了。
近年来,F县推行土地流转,统一引进优质茶苗,建设标准化茶叶加工厂,培育茶叶品牌。茶农的收入明显提高,村集体经济不断壮大。
“只有把茶叶产业链做长做强,乡村振兴才有坚实的支撑。”县农业农村局负责人表示。
"""


def test_the_scenery_a_material_opens_on_is_no_golden_line() -> None:
    """群山环绕,万亩茶园。 is short and pithy in form, but in a material it is scenery,
    not a judgement: no card."""
    cards = [_plain(c) for c in _cloze_texts(ORCHARD)]
    assert not any("群山环绕" in c for c in cards), cards


def test_a_persons_story_in_a_material_is_no_list() -> None:
    """The reasons a villager once left (品种不佳、管理不善,盈利不多) are his story,
    not the material's 问题: no list card of them."""
    made = make(ORCHARD, "t")
    lists = [n for n in made.notes if n.kind is NoteKind.LIST]
    assert not any("盈利不多" in n.items for n in lists), [n.items for n in lists]


def test_a_measure_opening_on_a_time_phrase_keeps_its_card() -> None:
    """近年来,F县推行土地流转…… opens like background but narrates the county's 做法."""
    cards = [_plain(c) for c in _cloze_texts(ORCHARD)]
    assert any("推行土地流转" in c for c in cards), cards
    assert any("乡村振兴才有坚实的支撑" in c for c in cards), cards


def test_the_same_lines_under_a_title_keep_their_cards() -> None:
    """Outside a material (an article with a title of its own) card choice is not this
    rule's: the villager's reasons are still listed."""
    titled = ORCHARD.replace("材料1", "茶乡田园综合体的发展之路")
    made = make(titled, "t")
    lists = [n for n in made.notes if n.kind is NoteKind.LIST]
    assert any("盈利不多" in n.items for n in lists), [n.items for n in lists]
