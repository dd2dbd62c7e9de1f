"""Which words a cloze hides: never a preposition, adverb or speaker taken on at its
edge, never an ordinal's 一是一, and the predicate a 关键在于 line judges (rubric: CUT,
GEN, KEY). Made-up texts."""

from __future__ import annotations

import re

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.detect.keyterms import rank_terms
from trainer.generation.pick.clozes import _torn, snap_to_words
from trainer.generation.split.words import tokens
from trainer.generation.text import Span

_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _terms(sentences: list[str], title: str = "") -> set[str]:
    token_lists = [[w for w, _ in tokens(s)] for s in sentences]
    return {t.word for t in rank_terms(token_lists, "\n".join([title, *sentences]), title)}


def test_a_blank_never_takes_on_the_preposition_before_it() -> None:
    """对生 is a dictionary word, but here 对 leads into 生态产品价值."""
    text = "我们要对生态产品价值进行评估。"
    at = text.index("生态产品价值")
    blank = Span("生态产品价值", at, at + 6)
    assert snap_to_words(Span(text, 0, len(text)), [blank]) == [blank]


def test_a_torn_word_is_still_made_whole() -> None:
    """What the snapping is for: 创/新动能 becomes 创新动能."""
    text = "加快培育创新动能。"
    at = text.index("新动能")
    got = snap_to_words(Span(text, 0, len(text)), [Span("新动能", at, at + 3)])
    assert [b.text for b in got] == ["创新动能"]


def test_a_term_never_opens_with_a_preposition() -> None:
    sentences = [
        "我市将核算结果应用到碳汇市场。",
        "各地也要把核算结果应用到碳汇市场。",
        "碳汇市场交易逐步活跃。",
    ]
    terms = _terms(sentences)
    assert not any(t.startswith(("到", "来", "对")) for t in terms), terms


def test_a_blank_never_closes_with_an_adverb_or_a_speaker_verb() -> None:
    assert _torn("中国始终")  # 中国始终|坚持……
    assert _torn("王建华说")
    assert _torn("调研组发现")
    # A two-character name the dictionary cuts into characters, then its verb: the
    # speaker of a 给定资料's line, never the point (rubric: KEY).
    assert _torn("杨华说") and _torn("林德说")
    assert not _torn("众说") and not _torn("学说")
    assert not _torn("共商共建")
    assert not _torn("不唯书")


def test_an_ordinal_is_never_a_term() -> None:
    sentences = [
        "坚持有一是一、有二是二，既报喜又报忧。",
        "汇报情况要有一是一、有二是二。",
        "实事求是是调查研究的根本要求。",
    ]
    assert not any(t[0] in "一二" and t[1] == "是" for t in _terms(sentences))


def test_the_predicate_of_guanjian_zaiyu_is_blanked_not_the_marker() -> None:
    filler = "各地结合实际推进相关工作，取得了一定成效，但仍有不少地方需要继续努力。"
    text = (
        f"社区治理的现状\n{filler}\n"
        "做好社区治理工作，关键在于把居民的急难愁盼放在心上。\n"
        f"{filler}\n{filler}\n"
    )
    out = make(text)
    cards = [n for n in out.notes if n.kind is NoteKind.CLOZE and "关键在于" in n.text]
    assert cards, [n.text for n in out.notes]
    blanks = [b for n in cards for b in _BLANK.findall(n.text)]
    assert "关键在于" not in blanks
    assert any("急难愁盼" in b for b in blanks), blanks


def _topic(paragraphs: list[str], title: str) -> set[str]:
    from trainer.generation.detect.keyterms import topic_words

    token_lists = [[w for w, _ in tokens(p)] for p in paragraphs]
    return topic_words(token_lists, paragraphs, title)


def test_a_phrase_of_the_title_most_paragraphs_name_is_the_topic() -> None:
    """新大众文艺 in an article titled 新大众文艺“出新”更要“出彩”: guessed from the title."""
    paragraphs = [
        "新大众文艺正在兴起，普通人拿起笔记录生活。",
        "新大众文艺的创作者来自各行各业。",
        "平台应当为新大众文艺提供更多展示机会。",
        "创作者要守住价值底线，讲好身边故事。",
    ]
    topic = _topic(paragraphs, "新大众文艺“出新”更要“出彩”")
    assert "新大众文艺" in topic
    assert "出彩" not in topic


def test_a_term_the_title_quotes_is_its_claim_not_its_topic() -> None:
    paragraphs = [
        "用好“小切口”，基层治理才能见实效。",
        "“小切口”不是小打小闹。",
        "从接诉即办到议事协商，“小切口”撬动大变化。",
    ]
    assert "小切口" not in _topic(paragraphs, "用好基层治理的“小切口”")


def test_a_material_numbered_as_such_is_untitled_and_its_recurring_subject_the_topic() -> None:
    """材料三 names a kind of text; 戏曲 comes back in every case of the material."""
    cases = [
        "新民县花鼓戏团常年下乡，戏曲演出深受欢迎。戏曲进村，戏曲育人，戏曲惠民。",
        "老艺人说，戏曲要扎根群众。年轻人也爱上了戏曲，戏曲社团越办越多。",
        "村里建起了文化礼堂，乡亲们在家门口看戏曲，戏曲成了日常。戏曲还上了网。",
        "有关部门出台扶持政策，鼓励剧团创排新的戏曲。",
        "志愿者走进学校开展非遗课堂。",
        "县里举办农民运动会，村民踊跃参加。",
    ]
    assert "戏曲" in _topic(cases, "材料三")


def test_a_part_of_a_topic_phrase_is_the_topic() -> None:
    """预制菜 of 预制菜进校园: a blank there is guessed from the title too."""
    from trainer.generation.detect.keyterms import is_topic

    assert is_topic("预制菜", {"预制菜进校园"})
    assert not is_topic("校园供餐体系", {"预制菜进校园"})


def test_a_paragraphs_own_number_does_not_open_its_cloze() -> None:
    """Numbered paragraphs (``1. ``) give clozes of their sentences, not of ``1.``
    (rubric: FIL); a decimal at the start of a sentence is text, kept."""
    text = (
        "脱贫攻坚的伟大历程\n"
        "1. 时光为尺，标注闯关夺隘的奋斗豪情；岁月为证，彰显人民至上的赤子之心。\n"
        "2. 坚持精准扶贫精准脱贫基本方略，是打赢脱贫攻坚战的制胜法宝。\n"
        "3. 脱贫摘帽不是终点，而是新生活、新奋斗的起点。\n"
        "1.5亿农村人口受益于产业扶贫，“扶贫先扶志”成为广大干部群众的共识。\n"
    )
    clozes = [n.text for n in make(text).notes if n.kind is NoteKind.CLOZE]
    assert clozes
    assert not [t for t in clozes if re.match(r"\s*\d\s*[.．、](?!\d)", t)], clozes
    assert all(not t.startswith(".5") for t in clozes), clozes


def test_a_time_phrase_is_never_a_blank() -> None:
    """今年以来 opens the sentence and ranks as a term, yet a student recalls no content
    in it (rubric: GEN); the term beside it is what the card asks."""
    from trainer.generation.pick.clozes import term_blanks

    text = "今年以来,各地推行林长责任制,守护青山绿水。"
    s = Span(text, 0, len(text))
    got = [b.text for b in term_blanks(s, {"今年以来": 9.0, "这些年来": 8.0, "林长责任制": 1.0})]
    assert got == ["林长责任制"], got
    text = "当今世界,数字鸿沟成为老年人必须直面的课题。"
    s = Span(text, 0, len(text))
    got = [b.text for b in term_blanks(s, {"当今世界": 9.0, "数字鸿沟": 1.0})]
    assert got == ["数字鸿沟"], got
    text = "在短期内,中小企业难以回本,亟须普惠金融的支持。"
    s = Span(text, 0, len(text))
    got = [b.text for b in term_blanks(s, {"在短期内": 9.0, "短期内": 9.0, "普惠金融": 1.0})]
    assert got == ["普惠金融"], got


def test_a_series_of_time_words_is_no_series_to_ask() -> None:
    """连接过去、现在与未来: the series names times, not points (rubric: GEN)."""
    text = "\n".join(
        [
            "红色场馆的育人功能",
            "红色场馆是传承精神的重要载体,更是连接过去、现在与未来的精神桥梁。",
            "各地要用好红色资源,讲好党史故事,让红色基因代代相传。",
            "场馆要创新展陈方式,推动沉浸式体验,吸引更多年轻观众走进展厅。",
        ]
    )
    blanks = [
        b
        for n in make(text).notes
        if n.kind is NoteKind.CLOZE
        for b in _BLANK.findall(n.text or "")
    ]
    assert not {"过去", "现在", "未来"} & set(blanks), blanks


def test_a_quoted_coinage_below_the_term_window_still_gets_a_card() -> None:
    """“四遇四必” is named once and ranks below the article's own terms, yet it is a
    coined term a tutor cards (GUIDE: quoted coined phrases); it takes a card on top of
    the window, as a 规范表述 does."""
    from trainer.generation.detect.keyterms import Term
    from trainer.generation.memo import one_article
    from trainer.generation.pick.clozes import find_clozes
    from trainer.generation.split.structure import outline

    text = "\n".join(
        [
            "社区防控的几点做法",
            "各地要压实属地责任,健全联防联控机制,织密社区防护网络。",
            "基层医疗机构要落实首诊负责制,做好预检分诊工作。",
            "一些街道推行“四遇四必”体系,由网格员逐户上门登记。",
            "社区网格员要做好重点人群的排查登记,守好第一道防线。",
        ]
    )
    terms = [
        Term("属地责任", 9.0, 1),
        Term("联防联控机制", 8.0, 1),
        Term("首诊负责制", 7.0, 1),
        Term("预检分诊", 6.0, 1),
        Term("四遇四必", 1.0, 1),
    ]
    with one_article():
        doc = outline(text, "社区防控的几点做法")
        clozes = find_clozes(text, doc, terms, set(), 3)
    blanks = {b.text for c in clozes for b in c.blanks}
    assert "四遇四必" in blanks, blanks


def _blank(sentence: str, word: str) -> tuple[Span, Span]:
    at = sentence.index(word)
    return Span(sentence, 0, len(sentence)), Span(word, at, at + len(word))


def test_a_measure_is_blanked_with_its_policy_verb() -> None:
    """In a 对策, 健全 + 监管体系 is the measure: a blank on 监管体系 alone leaves the
    study point showing (rubric: KEY)."""
    from trainer.generation.pick.clozes import _verb_objects

    s, b = _blank("另一方面,要健全监管体系,加快形成良性循环。", "监管体系")
    assert [x.text for x in _verb_objects(s, (b,))] == ["健全监管体系"]


def test_a_verb_takes_no_blank_whose_object_goes_on_or_is_a_series() -> None:
    """提高{课堂教学}效率: the object is 课堂教学效率; 完善{网格化管理}、精细化服务: the
    verb governs the whole series; “{定时定点}”: a quoted name stands alone."""
    from trainer.generation.pick.clozes import _verb_objects

    for sentence, word in [
        ("教师要提高课堂教学效率,做到应教尽教。", "课堂教学"),
        ("各地要完善网格化管理、精细化服务的治理平台。", "网格化管理"),
        ("各小区要推行“定时定点”投放,方便居民。", "定时定点"),
    ]:
        s, b = _blank(sentence, word)
        assert [x.text for x in _verb_objects(s, (b,))] == [word], sentence


def test_no_term_card_is_made_on_a_line_of_site_chrome() -> None:
    """本笔记由“某某学习群”整理,仅供学习交流: a quoted name in a footer left in the text
    is no coined term to card (the line is the site's, not the article's)."""
    text = "\n".join(
        [
            "社区养老的几点思考",
            "各地要健全居家社区机构相协调的养老服务体系,发展普惠养老服务。",
            "要推进适老化改造,帮助老年人跨越“数字鸿沟”。",
            "本笔记由“申论每周一练”学习群整理,仅供学习交流,请勿商用转载。",
        ]
    )
    for n in make(text).notes:
        assert "每周一练" not in (n.text or "") + (n.prompt or "") + (n.answer or ""), n


def test_an_issuing_body_is_never_a_blank() -> None:
    """国务院办公厅印发《……》: who issued it is no study point; the document is (rubric:
    GEN)."""
    from trainer.generation.pick.clozes import term_blanks

    text = "近日,国务院办公厅印发《关于推进社区嵌入式服务的意见》,部署社区服务设施建设。"
    s = Span(text, 0, len(text))
    scores = {"国务院办公厅": 9.0, "人民日报": 8.0, "社区服务设施": 1.0}
    assert [b.text for b in term_blanks(s, scores)] == ["社区服务设施"]


def test_an_adverb_and_verb_held_as_one_word_is_no_term() -> None:
    """明确提出, 普遍存在: the dictionary holds them whole, yet they are an adverb and a
    verb, guessed from the sentence (rubric: GEN); a 规范表述 of that shape (终身学习)
    stays a term."""
    sentences = [
        "文件明确提出要建设学习型社会,基层普遍存在人手不足的困境。",
        "文件明确提出要推进终身学习,基层普遍存在经费紧张的困境。",
    ]
    terms = _terms(sentences)
    assert not {"明确提出", "普遍存在"} & terms, terms
    assert "终身学习" in terms, terms


def test_a_quoted_coinage_takes_no_card_on_a_fragment() -> None:
    """其三,是“成本转嫁”现象: the sentence leans on the list before it (rubric: FRAG); a
    name below the term window gets no card of its own there."""
    from trainer.generation.detect.keyterms import Term
    from trainer.generation.memo import one_article
    from trainer.generation.pick.clozes import find_clozes
    from trainer.generation.split.structure import outline

    text = "\n".join(
        [
            "直播带货的几种乱象",
            "各地要压实平台主体责任,健全商品质量追溯机制,保护消费者合法权益。",
            "基层监管部门要落实网格化巡查制度,做好投诉举报处理工作。",
            "其三,是“成本转嫁”现象。",
            "行业协会要推动诚信经营,守好市场秩序的第一道防线。",
        ]
    )
    terms = [
        Term("平台主体责任", 9.0, 1),
        Term("质量追溯机制", 8.0, 1),
        Term("网格化巡查制度", 7.0, 1),
        Term("诚信经营", 6.0, 1),
        Term("成本转嫁", 1.0, 1),
    ]
    with one_article():
        doc = outline(text, "直播带货的几种乱象")
        clozes = find_clozes(text, doc, terms, set(), 3)
    assert not any("其三" in c.sentence.text for c in clozes), [c.sentence.text for c in clozes]


def test_a_named_school_is_never_a_blank() -> None:
    """星河实验中学推行走班制: the school is the material's actor, its measure is the
    study point (rubric: GEN)."""
    from trainer.generation.pick.clozes import term_blanks

    text = "星河实验中学取消了传统的行政班级,推行走班制,开设分层分类的选修课程。"
    s = Span(text, 0, len(text))
    scores = {"星河实验中学": 9.0, "走班制": 1.0}
    assert [b.text for b in term_blanks(s, scores)] == ["走班制"]


def _spans(sentence: str, *words: str) -> tuple[Span, ...]:
    return tuple(Span(w, sentence.index(w), sentence.index(w) + len(w)) for w in words)


def test_the_predicate_a_measure_demands_is_blanked_whole() -> None:
    """必须创新工作思路: the measure is the verb-object after 必须; a blank on 工作思路
    alone leaves 创新 showing (rubric: KEY). A series of an earlier clause is a point of
    its own: with no room beside it, the blanks stay as they are."""
    from trainer.generation.pick.clozes import _with_demand

    s = "推进老旧小区改造,楼道议事会必须创新工作思路。"
    got = _with_demand(Span(s, 0, len(s)), _spans(s, "楼道议事会", "工作思路"), set())
    assert [b.text for b in got] == ["创新工作思路"]  # no room for its subject too
    s = "就业是最大的民生工程、民心工程、根基工程,必须抓紧抓实抓好。"
    series = _spans(s, "民生工程", "民心工程", "根基工程")
    assert _with_demand(Span(s, 0, len(s)), series, set()) == series


def test_each_measure_a_demand_lists_is_a_blank_of_its_card() -> None:
    """各地要健全长效机制,压实主体责任: the demand lists two verb-object measures; each
    is a blank of the one card, in place of a blank on a word inside one (主体), which
    leaves the measures showing (rubric: KEY). A third that would hide more than half
    the sentence stays in view."""
    from trainer.generation.pick.clozes import _with_demand

    s = "各地各部门要健全长效机制,压实主体责任,确保整治工作取得实效。"
    got = _with_demand(Span(s, 0, len(s)), _spans(s, "主体"), set())
    assert [b.text for b in got] == ["健全长效机制", "压实主体责任"]
    s = "青年干部善修实绩,就要专注实干,强化担当作为。"
    got = _with_demand(Span(s, 0, len(s)), _spans(s, "担当作为"), set())
    assert [b.text for b in got] == ["专注实干", "强化担当作为"]


def test_measures_stop_at_a_clause_of_no_measure() -> None:
    """A clause after the measures that is no verb-object (这是长久之计) ends their run;
    a blank of its own there is a point of its own, and the blanks stay as they are."""
    from trainer.generation.pick.clozes import _with_demand

    s = "基层干部要压实主体责任,健全长效机制,这是推进基层治理现代化的长久之计。"
    got = _with_demand(Span(s, 0, len(s)), (), set())
    assert [b.text for b in got] == ["压实主体责任", "健全长效机制"]
    kept = _spans(s, "长久之计")
    assert _with_demand(Span(s, 0, len(s)), kept, set()) == kept
    s = "要压实责任,健全机制。"
    assert _with_demand(Span(s, 0, len(s)), (), set()) == ()  # no subject before 要


def test_a_ban_after_a_demand_is_no_measure() -> None:
    """必须依法保护,不能让群众不敢维权: the clause of 不能 bans, it lists no measure; the
    series before the demand keeps its blanks."""
    from trainer.generation.pick.clozes import _with_demand

    s = "正常消费维权、食品药品安全举报、公益举报必须依法保护,不能让群众不敢维权。"
    series = _spans(s, "消费维权", "食品药品安全")
    got = _with_demand(Span(s, 0, len(s)), series, set())
    assert [b.text for b in got] == ["消费维权", "食品药品安全", "依法保护"]


def test_a_long_demand_blanks_the_head_of_its_modified_object() -> None:
    """街道社区要着力提升基层治理的精细化水平: the demanded clause is longer than one
    measure, with 的; its study point is the head its 的 modifies (精细化水平), not a side
    word of the subject (街道) left blanked while the point shows (rubric: KEY)."""
    from trainer.generation.pick.clozes import _with_demand

    s = "街道社区要着力提升基层治理的精细化水平,回应居民关切。"
    got = _with_demand(Span(s, 0, len(s)), _spans(s, "街道"), set())
    assert [b.text for b in got] == ["街道", "精细化水平"]
    got = _with_demand(Span(s, 0, len(s)), (), set())
    assert [b.text for b in got] == ["精细化水平"]


def test_a_long_demand_with_a_blank_of_its_own_or_quoted_or_on_the_topic_stays() -> None:
    """A blank already inside the demanded clause (以居民为中心) is its point: the head
    stays in view. A demand quoted from elsewhere (提出的“必须……”) is no demand of the
    sentence's; a head that is the topic (老旧小区改造) or generic and short (细节) is no
    blank (rubric: GEN)."""
    from trainer.generation.pick.clozes import _with_demand

    s = "城市更新必须坚持以居民为中心的工作格局,久久为功。"
    own = _spans(s, "以居民为中心")
    assert _with_demand(Span(s, 0, len(s)), own, set()) == own
    s = "这一表述是从文件提出的“必须准备进行具有许多新特点的基层治理”中凝练的。"
    assert _with_demand(Span(s, 0, len(s)), (), set()) == ()
    s = "各地要加快推进城镇的老旧小区改造,稳步实施。"
    assert _with_demand(Span(s, 0, len(s)), (), {"老旧小区改造"}) == ()
    s = "推进乡村文化建设,要着眼于贴近群众生活的细节。"
    assert _with_demand(Span(s, 0, len(s)), (), set()) == ()


def test_a_long_demand_ends_at_a_full_width_comma() -> None:
    """必须把……作为电影工作的根本立足点，努力推出……的好作品: the demand's clause ends at
    the full-width comma; its head is 根本立足点, not the last words of the sentence."""
    from trainer.generation.pick.clozes import _with_demand

    s = "文艺创作必须把满足群众文化需求作为电影工作的根本立足点，努力推出更多喜闻乐见的好作品。"
    got = _with_demand(Span(s, 0, len(s)), (), set())
    assert [b.text for b in got] == ["根本立足点"]
