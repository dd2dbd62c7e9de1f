"""The argument-structure card read from the forms of 申论 writing (made-up texts):
分论点 that share a frame, a thesis that judges, 对策 that say what to do, and no
card where no argument can be read reliably (rubric: MIX, QAA)."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.text import fold


def _structure(text: str) -> dict[str, str] | None:
    cards = [n for n in make(text, "t").notes if "结构" in n.tags]
    if not cards:
        return None
    return dict(line.split(":", 1) for line in fold(cards[0].answer).splitlines())


COMMENTARY = (
    "用有形之手护创新之花\n\n"
    "前段时间,各地两会密集召开,科技创新成为高频词,不少代表委员为此建言献策。\n\n"
    "先当“助产士”,汇聚资源培育科创新苗。研发门槛高、投入大,政府要为初创企业提供场地和资金。\n\n"
    "再当“陪跑人”,协调各方提供优质服务。创新之路是孤独的,企业需要政策上的及时回应。\n\n"
    "创新之路是漫长的,有人陪跑就能少走弯路。政府部门要主动上门,解决企业急难愁盼。\n\n"
    "还要当“护航员”,维护公平竞争的市场秩序。保护知识产权,就是保护创新的动力。\n\n"
    "创新是一种文化、一种氛围、一种势能,需要全社会共同呵护。\n"
)


def test_sub_points_are_the_openers_that_share_a_frame() -> None:
    card = _structure(COMMENTARY)
    assert card is not None
    assert card["分论点"].split(";") == [
        "先当“助产士”,汇聚资源培育科创新苗",
        "再当“陪跑人”,协调各方提供优质服务",
        "还要当“护航员”,维护公平竞争的市场秩序",
    ]


CLAUSE_FRAME = (
    "用好社区治理的“小切口”\n\n"
    "深夜,一通反映路灯不亮的电话打进了热线,第二天一早路灯就修好了。\n\n"
    "接诉即办,让群众的呼声有回响。热线受理群众诉求,限时办结、回访评价。\n\n"
    "网格化,让治理的触角延伸到末梢。网格员走街串巷,把矛盾化解在萌芽状态。\n\n"
    "议事协商,让群众的事由群众商量着办。加装电梯、停车管理,居民坐下来商量。\n\n"
    "用好“小切口”,关键在于做深做实。小切口背后是大民生,来不得半点虚功。\n"
)


def test_a_frame_after_the_first_comma_counts_and_a_remark_does_not() -> None:
    card = _structure(CLAUSE_FRAME)
    assert card is not None
    assert card["分论点"].split(";") == [
        "接诉即办,让群众的呼声有回响",
        "网格化,让治理的触角延伸到末梢",
        "议事协商,让群众的事由群众商量着办",
    ]


def test_openers_that_share_no_frame_are_no_sub_points() -> None:
    text = (
        "让夜间经济亮起来更要火起来\n\n"
        "入夏以来,各地夜间经济持续升温,夜市、夜游、夜演人气旺盛。\n\n"
        "让夜间经济持续火下去,关键在于提升品质。同质化的小吃摊留不住游客。\n\n"
        "城市的夜晚,不仅要有灯光,更要有温度。公共交通、治安保障都要跟上。\n\n"
        "烟火气是最抚凡人心的人间温暖。守护好烟火气,就是守护好城市的活力。\n"
    )
    card = _structure(text)
    assert card is None or "分论点" not in card


def test_an_odd_one_out_among_listed_points_is_left_out() -> None:
    text = (
        "做强县域经济,激活高质量发展一池春水\n\n"
        "县域是城乡融合发展的重要切入点,做强县域经济意义重大。\n\n"
        "以规划引领,绘好发展一张图。规划先行,才能避免重复建设。\n\n"
        "以产业支撑,夯实富民压舱石。特色产业是县域经济的根基。\n\n"
        "产业兴则县域兴,产业强则县域强。某县依托茶叶产业,带动数万农户增收。\n\n"
        "以改革破题,激活发展一池水。深化放管服改革,优化营商环境。\n\n"
        "以人才赋能,蓄足振兴源头水。引得进、留得住、用得好,人才才能扎根。\n"
    )
    card = _structure(text)
    assert card is not None
    points = card["分论点"].split(";")
    assert "产业兴则县域兴,产业强则县域强" not in points
    assert len(points) == 4 and all(p.startswith("以") for p in points)


def test_study_notes_get_no_structure_card() -> None:
    text = (
        "时评精读笔记\n\n"
        "核心主题:城市治理精细化\n\n"
        "按用途分类积累\n\n"
        "问题与积弊\n\n"
        "治理方法与理念\n\n"
        "全文总骨架\n\n"
        "城市治理要在精度上磨、往盲区里看,把以人民为中心落实到每一个角落。\n\n"
        "Step 1:提出分论点\n\n"
        "在精度上磨,就是要把管理做细,把服务做实,让收费规则更合理。\n\n"
        "Step 2:点出问题普遍性\n\n"
        "不少地方的治理盲区,往往藏在群众身边的小事里,需要用心发现。\n\n"
        "Step 3:总结升华\n\n"
        "于细微处见真章,精细化治理考验的是治理者的用心程度。\n\n"
        "句型积累\n\n"
    )
    assert _structure(text) is None


def test_a_title_that_is_a_records_markup_gives_no_card() -> None:
    text = (
        '{"title": "提升城乡社区治理现代化水平", "html\n\n'
        "城乡社区是社会治理的基本单元,必须抓好基层治理现代化这项基础性工作。\n\n"
        "集聚多元共治合力,实现共同行动、资源共享。\n\n"
        "提升社区服务效能,让居民少跑腿、好办事。\n\n"
        "增强居民参与能力,激发参与社区治理的内在动力。\n"
    )
    assert _structure(text) is None


def test_a_background_line_is_never_the_thesis() -> None:
    text = (
        "年轻人为啥爱上逛集市\n\n"
        "如今,越来越多年轻人被各式各样的大集圈粉,不仅是城市里的大集,"
        "逛乡村集市也日益成为“味蕾游”的重要选择。\n\n"
        "集市里有“地方的味道”。各地特产琳琅满目。\n\n"
        "集市里有“热闹的氛围”。吆喝声此起彼伏。\n\n"
        "集市里有“浓浓的乡愁”。儿时的记忆扑面而来。\n"
    )
    card = _structure(text)
    assert card is None or not card.get("中心论点", "").startswith("如今")


def test_a_thesis_cut_down_to_its_subject_is_none() -> None:
    text = (
        "中国提出全球治理倡议 如何体现大国担当\n\n"
        "全球治理倡议的核心理念,即奉行主权平等、遵守国际法治、践行多边主义、倡导以人为本、"
        "注重行动导向,这五大理念阐明了改革完善全球治理的原则和路径。\n\n"
        "坚持主权平等,各国不论大小一律平等。\n\n坚持多边主义,反对单边主义和霸权主义。\n\n"
        "坚持以人为本,让治理成果惠及各国人民。\n"
    )
    card = _structure(text)
    assert card is None or card.get("中心论点") != "全球治理倡议的核心理念"


def test_the_answer_to_a_sub_question_is_not_the_thesis() -> None:
    text = (
        "如何看待乡村篮球赛火爆出圈\n\n"
        "热点背景:\n\n"
        "今年夏天,某村的乡村篮球赛火爆出圈,吸引了数以万计的观众。\n\n"
        "乡村篮球赛为什么能火?\n\n"
        "首先,它源于群众,扎根乡土;其次,它激发了乡村活力;最后,它展示了农民的精神风貌。\n\n"
        "怎样让乡村篮球赛持续火下去?\n\n"
        "第一,坚持群众主体,不能让商业化冲淡乡土味。第二,完善配套服务,提升保障能力。"
        "第三,做好文旅融合,把流量转化为发展的增量。\n\n"
        "其一,要守住本色。比赛的魅力在于纯粹。其二,要创新形式。可以结合民俗节庆,打造特色品牌。\n"
    )
    card = _structure(text)
    assert card is None or not card.get("中心论点", "").startswith("可以结合")


def test_qualities_named_in_a_list_are_not_measures() -> None:
    text = (
        "弘扬科学家精神 筑牢科研诚信之基\n\n"
        "前不久,全国科技活动周落下帷幕,一大批科研工作者走进校园、走进社区。\n\n"
        "科学家精神是科技工作者在长期科学实践中积累的宝贵精神财富。"
        "《关于进一步弘扬科学家精神加强作风和学风建设的意见》将其概括为"
        "胸怀祖国、服务人民的爱国精神,勇攀高峰、敢为人先的创新精神,"
        "追求真理、严谨治学的求实精神,淡泊名利、潜心研究的奉献精神,"
        "集智攻关、团结协作的协同精神,甘为人梯、奖掖后学的育人精神。\n\n"
        "科研诚信是科技创新的基石。地基不牢,地动山摇。但也要看到,急功近利的风气仍有滋生的土壤。\n\n"
        "弘扬科学家精神,要把好评价这个“指挥棒”。要破除唯论文倾向,完善分类评价。\n\n"
        "弘扬科学家精神,需织密制度这张“防护网”。要对学术不端零容忍。\n\n"
        "弘扬科学家精神,应营造风清气正的“好生态”。要让科研人员心无旁骛。\n"
    )
    card = _structure(text)
    assert card is not None
    assert "爱国精神" not in card.get("对策", "")


def test_things_already_done_are_not_measures() -> None:
    text = (
        "推动养老服务体系实现从有到优\n\n"
        "构建社会化养老服务体系,是积极应对人口老龄化的重要内容。我们要推动养老服务体系实现新突破。\n\n"
        "一个好的养老服务体系,必须保证服务的普遍性和可及性。当前,我国已经出台基本养老服务清单,"
        "正加快健全基本养老服务制度;已经全面放开养老服务市场,大力发展养老产业;"
        "已经出台普惠养老专项行动等政策。下一步,要抓好统筹协同发展。\n\n"
        "聚焦基本养老服务需求,优化养老服务资源配置。必须推动资源下沉,增加社区居家养老服务供给。\n\n"
        "聚焦市场机制作用发挥,推进老龄事业和产业协同发展。要发挥金融的支持作用。\n\n"
        "聚焦基层社会治理改革,完善社区养老服务网络。要把养老服务融入基层治理。\n"
    )
    card = _structure(text)
    assert card is not None
    assert "已经" not in card.get("对策", "")


def test_a_premise_list_in_the_opening_is_not_the_measures() -> None:
    text = (
        "治事治人治制\n\n"
        "中国式现代化是以人民为中心的现代化。因此,必须在世界观上坚持人民是历史的创造者;"
        "在价值观上坚持人民至上;在使命担当上坚持以人民对美好生活的向往为奋斗目标。\n\n"
        "小智治事,为群众解决好每一件实事。某市接到群众反映后,当天就派人处理。\n\n"
        "中智治人,培养高素质的执法者。执法者的素质决定执法的温度。\n\n"
        "大智治制,从源头上解决和避免问题。制度管根本、管长远。\n"
    )
    card = _structure(text)
    assert card is not None
    assert "世界观" not in card.get("对策", "")


def test_a_sub_list_inside_one_points_section_is_not_the_measures() -> None:
    text = (
        "推进乡村全面振兴\n\n"
        "民族要复兴,乡村必振兴。全面推进乡村振兴,是建设农业强国的根本之策。\n\n"
        "一、以产业振兴为基础,增强乡村发展动能\n\n"
        "产业振兴是乡村振兴的重点。一方面,推动一二三产业融合发展;"
        "另一方面,大力发展乡村旅游、农村电商等新业态。\n\n"
        "二、以人才振兴为关键,激活乡村内生动力\n\n"
        "人才是乡村振兴的第一资源,要引得进、留得住、用得好。\n\n"
        "三、以文化振兴为灵魂,涵养乡村文明新风\n\n"
        "文化是乡村的魂,要加强农村精神文明建设。\n"
    )
    card = _structure(text)
    assert card is not None
    assert card["分论点"].startswith("以产业振兴为基础")
    assert "对策" not in card


# Question headings (qa.question) and the 核心观点 of each commentary (qa.viewpoint)


def _qa(text: str) -> list[tuple[str, str]]:
    return [
        (fold(n.prompt), fold(n.answer))
        for n in make(text, "t").notes
        if n.kind is NoteKind.QA and "结构" not in n.tags
    ]


ASKED = (
    "我对挑山工精神的认识\n\n"
    "一、为什么要学做挑山工?\n\n"
    "这副担子,你不挑我不挑,落后的面貌何时能够改变?"
    "挑起担子就意味着要做出牺牲,作为一名共产党人,作为一名带头人,"
    "不冲在前、不吃苦在前,老百姓怎会信任我们、拥护我们、跟着我们一起干。\n\n"
    "让自己吃亏,村民才会认可你。才能调动大家的积极性,改变穷困的现状。\n\n"
    "学做挑山工,有助于我们锤炼担当精神,把群众的事当成自己的事。\n\n"
    "二、这句话对不对?\n\n"
    "企业怕的是检查太多、标准不一;怕的是执法变成创收。\n"
)


def test_a_question_heading_is_asked_without_its_number_and_answered_uncut() -> None:
    cards = dict(_qa(ASKED))
    assert "一、为什么要学做挑山工?" not in cards
    answer = cards["为什么要学做挑山工?"]
    assert "学做挑山工,有助于我们锤炼担当精神,把群众的事当成自己的事" in answer
    assert "不吃苦在前" not in answer or "跟着我们一起干" in answer  # never cut mid-thought
    assert "才能调动" not in answer  # leans on the sentence before it


def test_a_question_pointing_at_the_text_gets_no_card() -> None:
    assert not any("这句话" in prompt for prompt, _answer in _qa(ASKED))
    card = _structure(ASKED)
    assert card is None or "这句话" not in card.get("分论点", "")


def test_a_commentarys_viewpoint_names_the_article_and_only_its_own_points() -> None:
    text = (
        "调查研究\n\n"
        "论点1:深入实际、深入群众。论述论点,强调调查研究是为了发现和解决问题。\n\n"
        "一是要带着感情与群众打交道;二是要倾听基层干部群众所想所急所盼;"
        "三是论点2:坚持实事求是的原则。\n\n"
        "论点2:坚持实事求是的原则\n\n"
        "调查研究要尊重客观事实,不能先入为主。要把情况摸清楚,把问题找准。\n\n"
    )
    cards = _qa(text)
    views = [(p, a) for p, a in cards if "核心观点" in p]
    assert views
    for prompt, answer in views:
        assert prompt.startswith("《调查研究》")
        assert "论点2:" not in answer and "论点2：" not in answer
        assert "论述论点" not in answer


def test_a_what_is_question_is_answered_by_its_definition() -> None:
    text = (
        "我对挑山工精神的认识\n\n"
        "一、什么是挑山工精神?\n\n"
        "1.既然挑起了这副担子,就不言后悔,不打退堂鼓,这是坚强的意志。\n\n"
        "2.胸怀天下,心怀别人的幸福,牺牲一个人,换来大家的幸福。\n\n"
        "3.挑山工想干、敢干,还会干。上山要平衡发力,持之以恒。\n\n"
        "信念坚定、敢于牺牲自我、会干巧干,这就是挑山工精神。\n\n"
        "二、为什么要学做挑山工?\n\n"
        "学做挑山工,有助于我们锤炼担当精神,把群众的事当成自己的事。\n"
    )
    cards = dict(_qa(text))
    assert cards["什么是挑山工精神?"] == "信念坚定、敢于牺牲自我、会干巧干,这就是挑山工精神"


REPORT = (
    "青山自然保护区林地面积达九千公顷,不仅是候鸟的停歇点,也是多种野生动物的栖息地。"
    "然而,盗伐、盗猎等行为在这里曾一度猖獗。\n\n"
    "“过去,靠山吃山的观念重,上山打鸟曾是不少村民的习惯。”村民老张回忆,"
    "“后果就是山林里没了生气。”这样的局面,直到青山护林站成立才逐渐改变。\n\n"
    "护林站成立之初,条件极为艰苦。“进山只能住帐篷,物资全靠人背。”护林站刘站长回忆道,"
    "“那时候,大家常讲‘三不通’。‘三不通’是路不通、水不通、电话不通,这便是当时工作的常态。”"
    "即便如此,护林员们仍坚持日复一日巡山守护。\n\n"
    "刘站长回忆,刚开始进山时,他和同事一个晚上发现过好几伙人盗猎。"
    "“他们有暗哨,所以我们得早进林子蹲守。”刘站长说,“效率虽有提升,但也非常辛苦。”\n\n"
    "“生态保护最大的阻力并非违法者,而是部分村民的老观念。”护林员小王介绍说,"
    "“以前过年,桌上没有野味就像缺了啥。”起初村民们对禁猎极为排斥。\n\n"
    "护林员们开始调整策略,一方面联合村委会开设生态夜校,讲解盗猎造成的生态破坏;"
    "另一方面引导村民转型做生态旅游。不久,老张开起了农家乐,收入翻了数倍。"
    "“现在才明白,活着的鸟比打来的值钱!”老张说。\n\n"
    "此外,护林站组织党员成立志愿队,开展宣传教育活动,营造爱护生态的良好氛围。"
    "渐渐地,村民们的态度发生了变化。\n\n"
    "之后,林业部门自上而下进行机构改革,破除了部门壁垒。"
    "“以前求援很难,现在可以随时联系驻地派出所。”刘站长说,“去年,片区已实现盗猎零发案。”\n\n"
    "“核心区是巡护的重点区域。”小王边操控无人机边说,“无人机辐射面广,能及时发现异常。”\n"
)


def test_a_report_of_peoples_voices_gets_no_structure_card() -> None:
    # Most paragraphs carry a person's quoted words: a news report or a 给定资料
    # without its label, facts and voices with no thesis of the author's. Its
    # opening background and two narrative openers made a card judged BROKEN.
    assert _structure(REPORT) is None


def test_a_commentary_citing_authority_keeps_its_structure_card() -> None:
    text = (
        "以实干托举民生温度\n\n"
        "民生无小事,枝叶总关情。以实干托举民生温度,是新时代治理的必答题。\n\n"
        "察实情,方能解民忧。正如总书记所说,“调查研究是谋事之基”,要走进群众听真话。\n\n"
        "办实事,方能暖民心。古人说,“利民之事,丝发必兴”,要把小事当成大事办。\n\n"
        "求实效,方能得民心。总书记指出,“为民造福是最大政绩”,要让群众评判成效。\n\n"
        "民生温度,来自一件件实事的累积。\n"
    )
    assert _structure(text) is not None
