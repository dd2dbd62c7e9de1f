"""Paragraphs opening on one frame: the 分论点 of a 范文 without headings."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.detect.enumerations import find_enumerations
from trainer.generation.split.structure import outline
from trainer.generation.text import fold


def _found(text: str) -> list[tuple[str, list[str]]]:
    folded = fold(text)
    return [
        (e.style.value, [it.phrase.text for it in e.items])
        for e in find_enumerations(folded, outline(folded))
    ]


ESSAY = (
    "善用优势,赋能发展\n\n"
    "“势”是推动发展的关键力量,善用其势,是实现发展的关键所在。\n\n"
    "巧用优势推动产业发展,需立足自身优势,充分发挥资源作用,厚植发展根基。某地凭借自然景观大力发展旅游业。\n\n"
    "顺势而为助力产业发展,要紧跟时代发展新趋势,调整策略,与时俱进。共享经济兴起,重塑城市出行生态。\n\n"
    "借势而进促进产业发展,应借助外部力量,整合各方资源,为自身发展注入强大动力。不少企业借势腾飞。\n\n"
    "三者融会贯通,便可在复杂的格局中披荆斩棘。\n"
)


def test_opening_clauses_sharing_their_end_are_the_points() -> None:
    assert (
        "paragraphs",
        ["巧用优势推动产业发展", "顺势而为助力产业发展", "借势而进促进产业发展"],
    ) in (_found(ESSAY))


def test_opening_clauses_sharing_their_start_are_the_points() -> None:
    text = (
        "数据权益\n\n"
        "在企业数据权益形成方面,明确了企业依法享有的数据权益,企业可以放心开发使用。\n\n"
        "在企业数据权益保护方面,企业开发利用数据的权益应当予以保护,有权依法维护。\n\n"
        "在企业数据收益分配方面,坚持由市场评价贡献,推动构建公平高效的分配机制。\n"
    )
    assert (
        "paragraphs",
        ["在企业数据权益形成方面", "在企业数据权益保护方面", "在企业数据收益分配方面"],
    ) in _found(text)


def test_the_list_card_keeps_the_rest_of_each_first_sentence_for_other_cards() -> None:
    made = make(ESSAY, "t")
    lists = [n for n in made.notes if n.kind is NoteKind.LIST]
    points = ("巧用优势推动产业发展", "顺势而为助力产业发展", "借势而进促进产业发展")
    card = next(n for n in lists if n.items == points)
    assert card.prompt.startswith("善用优势，赋能发展")  # an essay's 分论点: asked by its title


def test_contrasts_links_and_two_paragraphs_are_not_such_lists() -> None:
    contrast = (
        "执法\n\n"
        "不是不罚,而是对轻微违法依法宽缓处理,讲清依据。\n\n"
        "不是放任,而是在处理之外加上指导,督促整改。\n\n"
        "不是一罚了之,而是把后续合规跟上,防止再犯。\n"
    )
    links = (
        "发展\n\n"
        "近年来各地,纷纷出台政策支持新业态发展。\n\n"
        "近年来各方,积极投入资源推动新业态成长。\n\n"
        "近年来多地,探索建立新业态的监管机制。\n"
    )
    two = "发展\n\n巧用优势推动产业发展,需立足自身优势。\n\n顺势而为助力产业发展,要紧跟时代趋势。\n"
    for text in (contrast, links, two):
        assert not [f for f in _found(text) if f[0] == "paragraphs"], text


def test_a_lead_clause_before_the_first_of_like_parts_is_not_an_item() -> None:
    text = (
        "文旅\n\n"
        "接住“泼天的流量”,要在提升服务品质上下功夫,每一个细节都关乎游客体验;"
        "要在挖掘文化内涵上做文章,把民俗风情融入旅游产品;"
        "要在培育产业生态上求突破,推动文旅与农业深度融合。\n"
    )
    semicolon = [items for style, items in _found(text) if style == "semicolon"]
    assert semicolon and semicolon[0][0].startswith("要在提升服务品质上下功夫")
    assert not any("泼天" in it for it in semicolon[0])


def test_a_short_sentence_after_a_number_is_the_point_alone() -> None:
    text = (
        "规范执法\n\n"
        "展开时,可以用三个动作:"
        "1.减干扰。推进“综合查一次”、分级分类检查、扫码入企。"
        "2.明标准。完善行政裁量权基准、执法事项清单和免罚清单。"
        "3.重说理。推行说理式执法和服务型执法。\n"
    )
    assert ("ordinal", ["减干扰", "明标准", "重说理"]) in _found(text)


def test_figures_and_names_in_a_series_are_no_list() -> None:
    text = (
        "历史周期\n\n"
        "短的有秦朝15年、三国61年、北宋167年、南宋153年、元朝90年。\n\n"
        "邓小平同志、江泽民同志、胡锦涛同志都多次讲过这个话。\n"
    )
    assert [f for f in _found(text) if f[0] == "inline"] == []


def test_short_lead_sentences_opening_paragraphs_are_the_points() -> None:
    text = (
        "数字乡村\n\n三、问题\n\n"
        "成绩来之不易,问题也不容忽视。\n\n"
        "城乡“数字鸿沟”依然存在。部分偏远地区网络信号不稳定,一些老年人不会用智能手机。\n\n"
        "重建设、轻运营的现象较为普遍。有的地方热衷于建平台,却忽视后续运营。\n\n"
        "数字人才短板突出。乡村青壮年劳动力大量外流,复合型人才十分缺乏。\n"
    )
    assert (
        "openers",
        ["城乡“数字鸿沟”依然存在", "重建设、轻运营的现象较为普遍", "数字人才短板突出"],
    ) in (_found(text))


def test_clauses_ending_on_one_word_are_a_list() -> None:
    text = (
        "科学家精神\n\n"
        "《意见》将其概括为胸怀祖国、服务人民的爱国精神,勇攀高峰、敢为人先的创新精神,"
        "追求真理、严谨治学的求实精神,淡泊名利、潜心研究的奉献精神。\n"
    )
    parallel = [items for style, items in _found(text) if style == "parallel"]
    assert parallel == [
        [
            "胸怀祖国、服务人民的爱国精神",
            "勇攀高峰、敢为人先的创新精神",
            "追求真理、严谨治学的求实精神",
            "淡泊名利、潜心研究的奉献精神",
        ]
    ]


def test_complements_and_judgements_ending_alike_are_no_such_list() -> None:
    for text in (
        "文化\n\n可以把传统节庆与乡村旅游结合起来,把非遗技艺与文创产品结合起来,让沉睡的资源活起来。\n",
        "答卷\n\n时代是出卷人,我们是答卷人,人民是阅卷人。\n",
    ):
        assert [f for f in _found(text) if f[0] == "parallel"] == [], text


def test_opening_clauses_with_quoted_words_can_share_a_frame() -> None:
    text = (
        "借智博物馆\n\n"
        "深挖“红色富矿”,以革命文物淬炼党员教育“党味”。革命博物馆是传承革命精神的教科书。\n\n"
        "深挖“文化富矿”,以历史文物氤氲党员教育“韵味”。历史博物馆承载着中华文明。\n\n"
        "深挖“创新富矿”,以数字文物激活党员教育“趣味”。数字技术让文物活起来。\n"
    )
    assert ("paragraphs", ["深挖“红色富矿”", "深挖“文化富矿”", "深挖“创新富矿”"]) in _found(text)


def test_openings_each_followed_by_a_judgement_are_the_points() -> None:
    text = (
        "建设数字中国\n\n"
        "数字技术正重塑生产方式。因此,加快建设数字中国,要系统谋划。\n\n"
        "加快新型基础设施建设,是夯实数字中国底座的根本前提。要统筹推进5G网络建设。\n\n"
        "推动数字经济与实体经济深度融合,是激活高质量发展动能的关键路径。要推动全链条数字化转型。\n\n"
        "推进数字政府与数字社会建设,是提升治理效能的重要抓手。要深化一网通办。\n\n"
        "让我们乘数字化浪潮而上。\n"
    )
    assert (
        "paragraphs",
        ["加快新型基础设施建设", "推动数字经济与实体经济深度融合", "推进数字政府与数字社会建设"],
    ) in _found(text)


def test_the_thesis_before_parallel_points_is_no_point() -> None:
    """A judgement opening the essay (``X是Y``) before points stated as what to do is
    the thesis they argue for: the list holds the three points only (rubric: MIX)."""
    text = (
        "社区治理\n\n"
        "社区是社会治理的基本单元。推进治理现代化,需要抓好基层这项基础性工作。\n"
        "集聚多元共治合力。社区治理是一项系统工程,必须坚持党的领导,多元主体协同发力。\n"
        "优化社区服务格局。社区治理要把服务居民作为出发点,最大程度实现便民化。\n"
        "提升智慧治理能力。社区治理要顺应信息技术发展趋势,以数字化推动治理精细化。\n"
    )
    lists = [items for _style, items in _found(text)]
    assert ["集聚多元共治合力", "优化社区服务格局", "提升智慧治理能力"] in lists
    assert not any("社区是社会治理的基本单元" in i for items in lists for i in items)
