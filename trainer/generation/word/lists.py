"""Wording a list card: its prompt (what the list is about, how many items) and answer.

The subject comes from what the article says around the list: a summary after
it (``这些乱象``), the words after a 、 list (``等一系列工作``), a category word in
the lead-in sentence, or the lead-in itself. The answer numbers the item
phrases, each with its full sentence as context.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from trainer.generation.detect.enumtypes import Enumeration, Item
from trainer.generation.detect.markers import LINE_NUMBER
from trainer.generation.text import CJK, Span, cn_number

CATEGORIES = [
    "乱象",
    "问题",
    "原因",
    "对策",
    "措施",
    "举措",
    "建议",
    "影响",
    "意义",
    "作用",
    "好处",
    "益处",
    "风险",
    "危害",
    "路径",
    "途径",
    "办法",
    "方法",
    "表现",
    "特点",
    "现象",
    "困境",
    "挑战",
    "成效",
    "经验",
    "做法",
    "要求",
    "原则",
    "目标",
    "任务",
    "环节",
    "难点",
    "短板",
    "优势",
    "机遇",
    "因素",
    "弊端",
    "隐患",
    "思路",
    "方面",
    "特征",
    "亮点",
]
_UNITS = {
    "乱象": "种",
    "现象": "种",
    "表现": "种",
    "风险": "种",
    "危害": "种",
    "困境": "种",
    "问题": "个",
    "方面": "点",
    "原因": "个",
    "因素": "个",
    "挑战": "个",
    "短板": "个",
    "难点": "个",
    "影响": "个",
    "特点": "个",
    "优势": "个",
    "路径": "条",
    "途径": "条",
    "建议": "条",
    "对策": "条",
    "经验": "条",
    "原则": "条",
    "措施": "条",
    "举措": "条",
    "办法": "条",
    "方法": "条",
    "做法": "项",
    "任务": "项",
    "要求": "项",
    "环节": "个",
}
_NOUN_UNITS = {
    "方面": "个",
    "维度": "个",
    "部门": "个",
    "层面": "个",
    "渠道": "个",
    "领域": "个",
    "环节": "个",
    "问题": "个",
    "主体": "类",
    "企业": "类",
    "产业": "类",
    "技术": "项",
    "服务": "项",
    "政策": "项",
    "制度": "项",
    "机制": "项",
    "措施": "项",
    "举措": "项",
    "工作": "项",
    "作用": "种",
    "能力": "种",
    "方式": "种",
    "模式": "种",
    "人才": "类",
    "人员": "类",
    "群体": "类",
}
"""Category nouns right after a 、 series and the measure word that counts them."""
_SUMMARY = re.compile(r"^(?:这些|上述|以上|这几|这(?:两|三|四|五)(?:个|种|项|大)?)")
_LEAD_MAX = 36
_CUE = re.compile(
    r"以下|如下|几(?:个|点|种|项|方面)|[两二三四五六七八九十](?:个|点|种|大|项|条)|包括|表现在|体现在|:$|"
    r"^(?:因此|因而|为此|对此|所以).*(?:要|应|必须|需)|需要|必须|应当|关键在于|如何|怎样"
)
_CONNECTIVE = re.compile(
    r"^(?:因此|因而|为此|对此|所以|然而|但是|但|同时|此外|另外|当前|目前|如今|近年来|总之|其中|而|并且)\s*,?"
)
_QUANTIFIER = re.compile(
    r"(?:一些|一批|一定的?|不少|诸多|许多|很多|多种|多个|新的|一系列的?|种种|多重)$"
)
_NUMBERING = LINE_NUMBER
_ADVERB = re.compile(r"(?:仅仅|只是|就|都|也|还|正|仍)$")


def _category(text: str) -> str:
    for word in CATEGORIES:
        if word in text:
            return word
    return ""


def _count(n: int, unit: str) -> str:
    return ("两" if n == 2 else cn_number(n)) + unit


def _tail(s: Span | None) -> str:
    """The last clauses of a lead-in sentence, at most ``_LEAD_MAX`` characters,
    without the connective that opens it (因此, 当前……)."""
    if s is None:
        return ""
    text = s.text.rstrip("。!?;,:—")
    if len(text) > _LEAD_MAX:
        cut = text[-_LEAD_MAX:]
        comma = cut.find(",")
        text = cut[comma + 1 :] if 0 <= comma < len(cut) - 4 else cut
    return _CONNECTIVE.sub("", text).strip(",")


_FILLER = re.compile(
    r"(?:[,:]?(?:可以|应当|应该|要|需|需要|应)?(?:从|在)?(?:以下|如下)?[几两二三四五六七八九十\d]*个?"
    r"(?:方面|维度|角度)(?:着手|入手|着力|发力|推进|来看|努力|下功夫|做起)?)$|"
    r"(?:[,:]?(?:具体而言|具体来说|具体来看|主要有|主要包括|如下|以下|要做到|做到))$"
)
_TOPIC_MAX = 20
_PRONOUN = re.compile(r"^(?:我们|我国|各地|大家)(?=要|应|必须|需)")


_HEADING_MARK = re.compile(r"^(?:#{1,6}\s*|[*_]{2})+")
"""A Markdown heading's or bold line's marks before a lead-in (``## 提升……``): markup,
never words of a prompt."""


def _clean(text: str, announce: bool = True) -> str:
    """A lead-in without what only announces a list (可以从以下五个方面着手, 具体而言,
    要做到), its numbering and its connective, at most ``_TOPIC_MAX`` characters cut
    at a comma."""
    text = _NUMBERING.sub("", _HEADING_MARK.sub("", text.strip()).rstrip("。!?;,:—"))
    while announce:
        shorter = _FILLER.sub("", text).rstrip(",:")
        if shorter == text:
            break
        text = shorter
    text = _CONNECTIVE.sub("", text).strip(",")
    if len(text) > _TOPIC_MAX and "," in text:
        first, rest = text.split(",", 1)
        keep = (
            announce
            and 4 <= len(first) <= 14
            and _PREDICATE.match(rest) is not None
            and not _FRAMING.match(first)
        )
        text = first if keep else rest
        while len(text) > _TOPIC_MAX and "," in text:
            text = text.split(",", 1)[1]
    return _PRONOUN.sub("", text)


_RESPONSE = re.compile(r"^(?:针对|为解决|为破解|解决|破解|面对|应对)")
_PROBLEMS = {"问题", "困境", "短板", "难点", "挑战", "乱象", "现象"}
_PREDICATE = re.compile(r"^(?:既)?(?:需要|要|应当|应该|应|必须|关键在于|离不开)")
_FRAMING = re.compile(r"^(?:站在|在|面对|随着|当前|如今|近年来|长期以来).*(?:上|中|下|时|来|后)?$")


def _last_clause(text: str) -> str:
    return re.split(r"[,;:]", text)[-1]


def _resolve_qi(text: str) -> str:
    """``直播销售仅仅是……的一环,其背后是`` -> ``直播销售背后是``: 其 names the subject
    of the clause before."""
    parts = text.split(",")
    if len(parts) >= 2 and parts[-1].startswith("其"):
        subject = re.split(r"是|在于|有", parts[-2])[0]
        subject = _ADVERB.sub("", subject)
        if 2 <= len(subject) <= 12:
            return subject + parts[-1][1:]
    return parts[-1] if parts[-1].startswith("其") else text


def section_label(heading: str) -> str:
    """``评论三:干部直播……`` -> ``评论三``; other headings as they are."""
    head, sep, _ = heading.partition(":")
    return head if sep and len(head) <= 8 else heading


def _topic(heading: str) -> str:
    """A heading as the subject of a question: no numbering, no trailing ?/:."""
    return _NUMBERING.sub("", heading).rstrip("?:。 ")


_SHOWS = re.compile(r"^(.*?),(?:主要|具体|集中)?表现(?:在|为|出)?$")
_STATE = re.compile(
    r"依然|仍然|仍|较为|较|十分|非常|日益|越来越|存在|面临|出现|比较|相当|更加|愈发"
)


def _with_category(lead: str, n: int) -> str:
    """A question built on the category word the lead-in names: ``乡村文化建设仍存在
    一些短板`` -> ``乡村文化建设仍存在哪三个短板?``."""
    category = _category(lead)
    if not category:
        return ""
    shown = _SHOWS.match(lead)
    if shown and not _category(shown.group(1)):
        # 基层负担依然较重,主要表现在: -> 基层负担有哪三种表现?
        before = _last_clause(shown.group(1).rstrip(","))
        subject = _STATE.split(before)[0]
        if len(subject) >= 2:
            return f"{subject}有哪{_count(n, '种')}表现?"
    at = lead.find(category)
    clause = _last_clause(lead[:at])
    if clause and clause[0] in "既也又":
        return ""  # 既有客观原因,也有主观因素: a description, not the list's subject
    unit = _UNITS.get(category, "点")
    quantity = _QUANTIFIER.search(lead[:at])
    if quantity:
        head = _last_clause(lead[: quantity.start()])
        if len(head) < 6:
            head = _last_two(lead[: quantity.start()])
        return f"{head}哪{_count(n, unit)}{category}?"
    if len(clause) >= 2:
        return f"{clause.replace('之所以', '')}{category}有哪{_count(n, unit)}?"
    head = _last_clause(lead[:at].rstrip(",")).replace("之所以", "")
    if len(head) < 2:
        return ""
    return f"{head}的{category}有哪{_count(n, unit)}?"


def _last_two(text: str) -> str:
    parts = [p for p in re.split(r"[,;:]", text) if p]
    return ",".join(parts[-2:])


_GOAL = re.compile(r"^(?:要|应当|应该|应|必须|需要)(?!求)")
_SUBJECT = re.compile(r"^([^,]{2,12}?)(?:是|需要|要|应)")


def _subject(lead: str) -> str:
    """``治理网络暴力是一项系统工程`` -> ``治理网络暴力``."""
    m = _SUBJECT.match(lead)
    return m.group(1) if m else ""


def _label(e: Enumeration) -> str:
    """The section's name without its ordinal (``四、对策建议`` -> ``对策建议``)."""
    if not e.section.heading or e.section.heading.endswith("?"):
        return ""
    return _clean(_topic(section_label(e.section.heading)))


_KIND_CATEGORY = {"问题": "问题", "原因": "原因", "危害": "危害", "意义": "意义", "对策": "对策"}
"""What the items do in the argument (their sentences' function) -> the category noun
a prompt names when the lead-in names none."""


def _named(kind: str, subject: str, n: int, prefix: str) -> str:
    """``subject的对策有哪三条?``: subject + category noun, for items whose lead-in is
    no question (rubric: PRM); empty when the items have no such function."""
    category = _KIND_CATEGORY.get(kind, "")
    subject = subject.strip().rstrip("?:")
    if not category or not subject or len(subject) > _TOPIC_MAX or re.search(r"[,，]", subject):
        return ""
    return f"{prefix}{subject}的{category}有哪{_count(n, _UNITS.get(category, '点'))}?"


def prompt(e: Enumeration, kind: str = "", title: str = "") -> str:
    """The list's question; ``kind`` is what its items do (对策, 问题…), ``title`` the
    article's, the subject of last resort. Its category noun fits the items
    (:func:`fitted`)."""
    asked = fitted(_asked(e, kind, title), [it.phrase.text for it in e.items], kind)
    asked = _with_subject_of_last_resort(_with_rest(asked, e), e, title)
    asked = paired_quotes(_speaker_for_we(_without_dangling(asked, e, title), e))
    return _borrowed_subject(_nominal_de(_predicate_verb(asked, e), e, title), e)


_COUNTED = re.compile(r"哪(?P<n>[两二三四五六七八九十]+)[项点]\?$")
_ADVERB_TAGS_BEFORE = frozenset({"d", "ad"})


def _predicate_verb(asked: str, e: Enumeration) -> str:
    """Items that are predicates (尊重基层实际、信任基层判断; 吃得惯、住得好) cut out after
    an adverb (``要求我们真正哪三项?``) or after whom a 让/唯有 clause asks them of
    (``让居民哪三项?``) leave a question with no verb (rubric: PRM): it asks what is
    to be done, ``要求我们真正做到哪三点?`` (``data/predicate_verbs.txt``). Problems,
    a condition (若: the items are what goes wrong), a degree word (越) and a head
    closing on a verb, a place or a thing stay as they are."""
    from trainer.generation.lexicon import kind_words
    from trainer.generation.split.words import tag, tokens

    label, colon, question = asked.rpartition(":")
    m = _COUNTED.search(question)
    if m is None:
        return asked
    head = question[: m.start()]
    clause = re.split(r"[,;]", head)[-1]
    words_ = [w for w, _at in tokens(clause)]
    if (
        not words_
        or not _HAN.match(words_[-1])
        or words_[-1] in kind_words("predicate_verbs", "not_after")
    ):
        return asked
    adverb = tag(words_[-1]) in _ADVERB_TAGS_BEFORE
    asks_of = not tag(words_[-1]) and any(
        w in words_[:-1] for w in kind_words("predicate_verbs", "asks_of")
    )
    if not (adverb or asks_of) or any(
        w in head for w in kind_words("predicate_verbs", "condition")
    ):
        return asked
    if any(w in words_ for w in kind_words("predicate_verbs", "degree")):
        return asked
    items = [it.phrase.text for it in e.items]
    if item_kind(items) == "问题" or sum(map(_predicate, items)) * 2 < len(items):
        return asked  # the dictionary tags some verbs as nouns (尊重): most items do
    return f"{label}{colon}{head}做到哪{m.group('n')}点?"


def _predicate(item: str) -> bool:
    """``item`` is a predicate: it opens with a verb (by its tag or ``_verbs``) or is
    a verb with a 得 complement (吃得惯)."""
    from trainer.generation.split.words import tag, tokens

    if len(item) >= 3 and item[1] == "得":
        return True
    first = tokens(item[:6])
    if not first:
        return False
    word = first[0][0]
    return tag(word) in _VERB_TAGS - {"p"} or word in _verbs()


_SUBJECTLESS_TAGS = frozenset({"v", "vd", "vg", "p", "d", "ad", "c", "zg"})
"""Tags of a first word that leaves a question without its subject (建立, 在, 应, 及时)."""
_BORROW_SENTENCES = 2
"""Sentences before the items' one read for the subject a bare question borrows."""


def _borrowed_subject(asked: str, e: Enumeration) -> str:
    """A question with neither a label nor a subject, opening with a verb, a
    preposition, an adverb or 哪 (``建立哪三项中心?``, ``从哪三个方面实行全程服务?``,
    ``应切实做到哪三点?``; rubric: PRM: answerable without the article), takes the
    subject its source gives: the nearest clause before the items in their sentence
    that opens with a noun phrase, else the noun phrase one of the sentences before
    it in the paragraph opens with (``江平县建立哪三项中心?``). It stays as it is where
    none is found or the subject is already in it."""
    from trainer.generation.split.words import tag, tokens

    if ":" in asked or asked.startswith(("关于", "文中")):
        return asked
    first = tokens(asked[:6])
    if not first:
        return asked
    word = first[0][0]
    if not (word.startswith("哪") or tag(word) in _SUBJECTLESS_TAGS):
        return asked
    subject = _earlier_subject(e)
    if not subject or subject in asked:
        return asked
    return subject + asked


def _earlier_subject(e: Enumeration) -> str:
    """The subject the items' source names before them: the nearest clause of their
    sentence before the first item that opens with a noun phrase and its predicate,
    else the nearest of the sentences before it in its paragraph that opens with the
    name of a place or body (``data/acting_bodies.txt``: 江平县……。近三年建立……)."""
    from trainer.generation.lexicon import kind_words

    first = e.items[0]
    sentence = first.context
    before = sentence.text[: max(0, first.phrase.start - sentence.start)]
    for clause in reversed([c for c in re.split(r"[,;:]", before) if c.strip()]):
        subject = _opening_subject(clause)
        if subject:
            return subject
    para = next((p for p in e.section.paragraphs if p.index == e.paragraph), None)
    if para is None or not para.span.start <= sentence.start <= para.span.end:
        return ""
    earlier = para.span.text[: sentence.start - para.span.start]
    bodies = kind_words("acting_bodies", "ends")
    sentences = [s for s in re.split(r"(?<=[。!?])", earlier) if s.strip()]
    for text in reversed(sentences[-_BORROW_SENTENCES:]):
        subject = _opening_subject(text)
        if subject.endswith(bodies):
            return subject
    return ""


_BEFORE_PREDICATE = frozenset({"v", "vd", "vg", "p", "d", "ad", "c"})
"""Tags of the word a clause's predicate opens with after its subject (积极推进, 通过)."""


def _opening_subject(text: str) -> str:
    """The noun phrase ``text`` opens with before its predicate, after any numbering,
    connective or link word; empty when it opens with anything else or names a time
    (``data/time_words.txt``: 现在, 近三年) or a manner (坚定不移地)."""
    from trainer.generation.lexicon import kind_words

    text = _LINK.sub("", _CONNECTIVE.sub("", _NUMBERING.sub("", text.strip())))
    text = text[len(_link_word(text)) :]
    found = _opening_nouns(re.split(r"[,;:。!?]", text, maxsplit=1)[0], _BEFORE_PREDICATE)
    nouns = found is not None and found[1] and not any(w in _verbs() for w in found[2])
    subject = found[0] if found is not None and nouns and not _never_subject(found[2]) else ""
    subject = subject if len(subject) >= _ITEM_MIN else _leading_subject(text)
    times = kind_words("time_words", "words") + kind_words("time_words", "ends")
    if (
        not subject
        or subject.endswith(("的", "地", "年", "月", "日", *times))
        or subject.startswith(kind_words("actors", "opens") + kind_words("time_words", "opens"))
        or any(w in subject for w in times)
    ):
        return ""
    return subject


_EMPTY_DE = re.compile(r"哪(?P<n>[两一二三四五六七八九十]+)[项点个种条类]的\?$")
"""A series cut out of a 的-phrase with nothing after it (对哪三项的?)."""


def _nominal_de(asked: str, e: Enumeration, title: str) -> str:
    """A series closing a 的-phrase that stands for those it names (``对不敢担当、作风
    飘浮、落实不力的,要严肃问责``) asks nothing when cut at 的 (``对哪三项的?``;
    rubric: PRM): the question takes the clause after it (``对哪三种情形,要严肃问
    责?``), else it names the article's topic or the section label (``关于……,文中列举
    了哪三点?``), else stays."""
    m = _EMPTY_DE.search(asked)
    if m is None:
        return asked
    n = m.group("n")
    last = e.items[-1]
    sentence = last.context
    after = sentence.text[max(0, last.phrase.end - sentence.start) :].lstrip("”」』\"'等")
    if after.startswith("的"):
        clauses = [c.strip() for c in _CLAUSE_END.split(after[1:])]
        rest = next((c for c in clauses if c), "")
        if _REST_MIN <= len(rest) <= _REST_MAX and "哪" not in rest:
            return f"{asked[: m.start()]}哪{n}种情形,{rest}?"
    topic = _title_topic(title, first_clause=False) or _label(e)
    return f"关于{topic},文中列举了哪{n}点?" if topic else asked


def _link_word(clause: str) -> str:
    """The connective, time word and link word (``data/dangling_openers.txt``) ``clause``
    opens on, as one prefix (``多年来却``, ``于是``, ``也``); empty when it opens on none."""
    from trainer.generation.lexicon import kind_words, words
    from trainer.generation.split.words import tokens

    links = frozenset(kind_words("dangling_openers", "link"))
    joins = words("connectives") | links
    at = 0
    linked = False
    for word, _at in tokens(clause):
        if word not in joins:
            break
        at += len(word)
        linked = linked or word in links
    return clause[:at] if linked else ""


def _without_dangling(asked: str, e: Enumeration, title: str) -> str:
    """A question cut from its sentence after the subject, opening on a link word
    (``也常因哪三点?``, ``就必须建设一支哪三项的……?``, ``都直指……,而引发哪三项……?``;
    rubric: PRM), loses the clauses before the one that asks and the link word, and
    takes the subject its sentence names in an earlier clause
    (``全球南方国家常因哪三点?``); where none is found, the section label or the
    article's subject stands before it, never the dangling fragment."""
    label, colon, question = asked.rpartition(":")
    parts = question.split(",")
    if not _link_word(parts[0]):
        return asked  # 一个社区仅有……,却承担哪六项工作?: its subject comes first
    asking = next((i for i, p in enumerate(parts) if "哪" in p), len(parts) - 1)
    linked = _link_word(parts[asking])
    clause = parts[asking][len(linked) :]
    if clause.startswith("是"):
        return asked  # 都是从……出发: a copula left without its subject reads no better
    head = clause.split("哪", 1)[0]
    bare = _MODAL_OPEN.sub("", head)
    if _GENERIC_ASK.match(clause) or len(bare) == 1 or (head and not bare):
        # 也……,具体有哪三点? / 就越哪三项? / 要哪两点?: nothing to ask by but the
        # clause before, which keeps all but its link word (不是 是……: no copula left)
        first = parts[0][len(_link_word(parts[0])) :]
        if asking == 0 or len(first) < _FIRST_MIN or first.startswith("是"):
            return asked
        return f"{label}{colon}" + ",".join([first, *parts[1:]])
    rest = ",".join([clause, *parts[asking + 1 :]])
    own = _clause_subject(head) or _leading_subject(head)
    subject = "" if own else _sentence_subject(e)
    if subject and subject not in rest:
        return f"{label}{colon}{subject}{rest}"
    topic = "" if own or label else _title_topic(title, first_clause=False)
    if asking and not (own or topic):
        return asked  # 都直指……,而引发哪三项……?: the clauses before say what it is about
    if topic:
        return f"{topic}:{rest}"
    return f"{label}{colon}{rest}"


_FIRST_MIN = 4
_GENERIC_ASK = re.compile(r"^(?:文中|具体|可以从|有哪|哪[^?,]{1,3}\?$)")
"""An asking clause that names nothing (文中提出了哪三点?, 具体有哪三点?, 哪三点?): it
needs the clause before it, however it opens."""
_MODAL_OPEN = re.compile(r"^(?:要|需要|应|应当|应该|必须|能|可|可以|会)")


def _sentence_subject(e: Enumeration) -> str:
    """The noun phrase the items' sentence opens with (:func:`_leading_subject`), after
    any connective or link word; empty if it opens with anything else or on ``的``."""
    text = _LINK.sub("", _CONNECTIVE.sub("", _NUMBERING.sub("", e.items[0].context.text)))
    text = text[len(_link_word(text)) :]
    subject = _leading_subject(text)
    clause = re.split(r"[,;:。!?]", text, maxsplit=1)[0]
    return "" if subject.endswith("的") or subject == clause else subject


_SPEAKER_MAX = 16
_NAME_MAX = 6
"""Characters after a body's name that are a person's (白局长, 老王, 党支部书记李明)."""


def _speaker_for_we(asked: str, e: Enumeration) -> str:
    """``我们的做法有哪三项?`` asked of a speaker's line (县住建局白局长介绍:“我们……”)
    names who ``我们`` is: the body the speaker speaks for (``县住建局的做法有哪三项?``),
    else the speaker; the question stays as it is where no speaker is found."""
    from trainer.generation.lexicon import kind_words

    label, colon, question = asked.rpartition(":")
    question = question.lstrip("“「")  # the line's opening mark, left by its lead-in
    part = _PART_MEASURES.match(question)
    if part is not None and part_label(part.group("subject")):
        # 材料二的对策有哪三条? of 县卫健局白局长:…… -> 县卫健局的做法有哪三条?
        speaker = _speaker(e)
        return f"{label}{colon}{speaker}的做法{part.group('rest')}" if speaker else asked
    we = next(
        (
            w
            for w in sorted(kind_words("remarks", "we"), key=len, reverse=True)
            if question.startswith(w)
        ),
        "",
    )
    if not we:
        return asked
    speaker = _speaker(e)
    if not speaker:
        return asked
    return f"{label}{colon}{speaker}{question[len(we) :]}"


_PART_MEASURES = re.compile(
    r"^(?P<subject>[^的?:]{1,12})的(?:对策|举措|做法|措施)(?P<rest>有哪.+)$"
)
"""A question of a part's measures (材料二的对策有哪三条?): of a speaker's line, they
are what the speaker's body did."""


def _line_label(text: str, at: int, says: tuple[str, ...]) -> str:
    """The speaker a material's line opens on with a colon and no quotation mark
    (``县卫健局白局长:这几年我们……``): words before the paragraph's first colon, before
    ``at``, that end on an office (``data/title_labels.txt``) or a speaker's verb."""
    from trainer.generation.lexicon import kind_words

    colon = text.find(":", 0, at)
    head = text[:colon] if colon > 0 else ""
    if not 2 <= len(head) <= _SPEAKER_MAX or re.search(r"[,。!?;“”]", head):
        return ""
    offices = tuple(kind_words("title_labels", "speaker"))
    return head if head.endswith(offices + says) else ""


def _speaker(e: Enumeration) -> str:
    """Who speaks the line the list's first item is in: the words before the line's
    opening quotation mark in its sentence or the one before (县住建局白局长介绍:“……),
    or after its close (……”村支书老王说), cut to the body they speak for."""
    from trainer.generation.lexicon import kind_words

    start = e.items[0].phrase.start
    para = next((p for p in e.section.paragraphs if p.span.start <= start < p.span.end), None)
    if para is None:
        return ""
    text, at = para.span.text, start - para.span.start
    says = tuple(sorted(kind_words("remarks", "says"), key=len, reverse=True))
    who = _line_label(text, at, says)
    opened = text.rfind("“", 0, at)
    if not who and (opened < 0 or text.find("”", opened, at) >= 0):
        return ""
    if not who:
        before = re.split(r"[。!?;]", text[:opened])[-1].rstrip(",: ")
        closed = text.find("”", at)
        after = re.split(r"[。!?;,“]", text[closed + 1 :])[0] if closed >= 0 else ""
        if before.endswith(says):
            who = before
        elif after.endswith(says):
            who = after
    who = re.split(r"[,:]", who)[-1]
    who = next((who[: -len(w)] for w in says if who.endswith(w)), who)
    if not 2 <= len(who) <= _SPEAKER_MAX:
        return ""
    ends = sorted(
        at + len(b)
        for b in kind_words("remarks", "body")
        for at in range(len(who))
        if who.startswith(b, at)
    )
    # the shortest body that leaves no more than a person's name and office after it
    best = next((end for end in ends if end >= 2 and len(who) - end <= _NAME_MAX), 0)
    return who[:best] if best else who


_BARE = re.compile(r"^(?P<head>[^?]*?)哪(?P<count>[^?,]{1,2}?)(?P<unit>[项点条个])\?$")
"""A question that ends on its count with no category noun (减少哪三项?)."""
_BARE_HEAD = 4
_NOUN_HEAD = 12
_PRIOR_MIN, _PRIOR_MAX = 4, 24
_TAIL_NOUN = 2


def _with_subject_of_last_resort(asked: str, e: Enumeration, title: str) -> str:
    """A question whose items end their clause names no category and often no subject
    (``减少哪三项?``, ``社会主义核心价值观哪四项?``; rubric: PRM). The items' shared
    last word is its category noun (多头检查、重复检查、随意检查: 哪三种检查); a noun
    phrase before 哪 is what has the items (``……有哪四项?``); a verb at most before
    哪 takes a subject: the section label's, the article's, else the clause before
    the items in their sentence (``推进……,减少哪三种检查?``)."""
    from trainer.generation.lexicon import kind_words

    label, colon, question = asked.rpartition(":")
    m = _BARE.match(question)
    if m is None:
        return asked
    head, count = m.group("head"), m.group("count")
    noun = _tail_noun([it.phrase.text for it in e.items])
    if m.group("unit") in "项点" and noun and noun not in asked and not head.endswith("有"):
        question = f"{head}哪{count}种{noun}?"
    if "," in head:
        return f"{label}{colon}{question}"
    if not head:
        return f"{label}有{question}" if label else asked
    if _noun_phrase(head) and len(head) <= _NOUN_HEAD:
        return f"{label}{colon}{head}有{question[len(head) :]}"
    if label or len(head) > _BARE_HEAD or not _verb_head(head):
        return f"{label}{colon}{question}"
    subject = _title_topic(title, first_clause=False)
    if subject:
        return f"{subject}:{question}"
    sentence, start = e.items[0].context, e.items[0].phrase.start
    before = sentence.text[: max(0, start - sentence.start)]
    if not before and e.lead is not None and 0 <= start - e.lead.end <= 1:
        before = e.lead.text  # an item that is its own context: the lead-in before it
    parts = [p for p in re.split(r"[,;:。!?]", before) if p.strip()]
    prior = parts[-2].strip() if len(parts) >= 2 and parts[-1].strip("“”‘’ ") == head else ""
    prior = _CONNECTIVE.sub("", prior)
    if prior.endswith(("看到", "看出", *kind_words("blank_edges", "speaker"))):
        prior = ""  # 也要看到, 总书记指出: a hand-over, not what the items are about
    if _PRIOR_MIN <= len(prior) <= _PRIOR_MAX and not re.match(r"^[\d一二三四五六七八九十]", prior):
        return f"{prior},{question}"
    subject = _title_topic(title)  # 发展银发经济,增进老年人福祉: its first clause
    return f"{subject}:{question}" if subject else question


_TAIL_ITEM_MAX = 6
_MODIFIER_TAGS = frozenset({"", "m", "d", "a", "b"})
"""Tags of the words before a category noun that make its items kinds of it (nouns,
numbers, adverbs and adjectives: 多头检查, 重复检查; not 了解戏曲)."""


def _tail_noun(texts: list[str]) -> str:
    """The noun every item closes on, after nouns or adjectives only (家庭教育、学校教育、
    社会教育: 教育; 多头检查、重复检查: 检查): the category the items are kinds of. Empty
    when an item is long, holds a verb or a function word before it (了解戏曲, 生长在民间)
    or the last word is no noun (看得出来)."""
    from trainer.generation.split.words import tag, tokens

    noun = texts[0][-_TAIL_NOUN:]
    verbs = _verbs()
    if not _HAN.match(noun) or noun in verbs or tag(noun):
        return ""
    for t in texts:
        if not (len(noun) + 2 <= len(t) <= _TAIL_ITEM_MAX and t.endswith(noun)):
            return ""
        words = [w for w, _at in tokens(t[: -len(noun)])]
        if any(tag(w) not in _MODIFIER_TAGS or w in verbs for w in words):
            return ""
    return noun


@cache
def _verbs() -> frozenset[str]:
    """Verbs by the lexicons (a 对策's verbs and those that open a clause run): a word
    of theirs makes a phrase no noun and an item no kind of its category noun."""
    from trainer.generation.lexicon import kind_words

    return frozenset(kind_words("policy_verbs", "verbs")) | frozenset(
        kind_words("clause_runs", "verb")
    )


def _verb_head(head: str) -> bool:
    """``head`` opens with a verb or a preposition (减少, 建设, 在)."""
    from trainer.generation.lexicon import kind_words
    from trainer.generation.split.words import tag, tokens

    words = [w for w, _at in tokens(head)]
    while len(words) > 1 and (tag(words[0]) in {"d", "ad"} or words[0] in _MODALS):
        words = words[1:]  # 必须坚持, 要保护: the modal or adverb before the verb
    return tag(words[0]) in _VERB_TAGS or words[0] in kind_words("policy_verbs", "verbs")


_MODALS = frozenset({"要", "需要", "应", "应当", "应该", "必须", "只有", "既要", "还要", "更要"})


_NOT_NOUN_ENDS = ("的", "于", "是", "为", "在", "有", "要", "让", "使", "把")
"""What a head before 哪 ending so leaves unsaid (关键在于哪三项: a predicate, not a
noun that has the items)."""


def _noun_phrase(head: str) -> bool:
    """``head`` is nouns only (社会主义核心价值观, 广大奋斗者): no verb, adverb or
    function word, and not closing on 的."""
    from trainer.generation.split.words import tag, tokens

    verbs = _verbs()
    words = [w for w, _at in tokens(head)]
    return (
        len(head) >= 2
        and _HAN.match(head) is not None
        and not head.endswith(_NOT_NOUN_ENDS)
        and all(not tag(w) and w not in verbs for w in words)
    )


_REST_MIN, _REST_MAX = 2, 12
_CLAUSE_END = re.compile(r"[,;。!?:，；！？：]")


def _with_rest(asked: str, e: Enumeration) -> str:
    """A question with no more than a verb or a preposition before 哪 and nothing
    after its count (``通过哪三点?``, ``以哪三项?``) takes the rest of the items'
    clause (``通过哪三点相结合?``, ``以哪三项的养老服务体系?``): without it the
    question cannot be answered without the article (rubric: PRM)."""
    at = asked.find("哪")
    if not 0 <= at <= _BARE_VERB or not asked.endswith("?"):
        return asked
    if not re.fullmatch(r"哪[^?]{1,3}\?", asked[at:]):
        return asked
    after = (e.after.text if e.after else "").lstrip("”」』\"'等")
    rest = _CLAUSE_END.split(after, maxsplit=1)[0].strip()
    if not _REST_MIN <= len(rest) <= _REST_MAX or rest in asked:
        return asked
    return f"{asked[:-1]}{rest}?"


def paired_quotes(question: str) -> str:
    """``question`` without a quotation mark left unpaired where a quoted series was
    cut out of it (``建设“宜居、创新、韧性城市”`` asks ``建设哪三项?``, not
    ``建设哪三项”?``; rubric: PRM)."""
    if question.count("“") == question.count("”"):
        return question
    out: list[str] = []
    opened: list[int] = []
    for ch in question:
        if ch == "“":
            opened.append(len(out))
        elif ch == "”":
            if not opened:
                continue  # a closing mark with no opening one
            opened.pop()
        out.append(ch)
    for at in reversed(opened):  # opening marks never closed
        del out[at]
    return "".join(out)


_ASKED_PROBLEMS = ("乱象", "问题", "现象", "困境", "短板", "难点", "挑战", "表现", "弊端", "隐患")
_ASKED_MEASURES = ("对策", "措施", "举措", "建议", "办法", "路径", "途径")
_ITEM_NUMBER = LINE_NUMBER


def item_kind(items: list[str]) -> str:
    """``对策`` when most items open with a measure verb (加强……, (1)组织……), ``问题``
    when most hold a problem word (缺乏……, ……不足), else empty
    (``data/item_heads.txt``)."""
    from trainer.generation.lexicon import kind_words

    if len(items) < 2:
        return ""
    heads = [_ITEM_NUMBER.sub("", i) for i in items]
    verbs = kind_words("item_heads", "measure")
    flaws = kind_words("item_heads", "problem")
    if sum(h.startswith(verbs) for h in heads) * 3 >= 2 * len(heads):
        return "对策"
    flawed = sum(any(w in h for w in flaws) and not h.startswith(verbs) for h in heads)
    if flawed * 3 >= 2 * len(heads):
        return "问题"
    return ""


_GENERIC = re.compile(
    r"(?P<verb>(?:(?<=[,:])|(?<=具体)|^)有|(?<=文中)提出了|(?:要|需要|必须|应)?做到)"
    r"哪(?P<n>[两一二三四五六七八九十]+)[点项条个]\?$"
)
"""A question's generic close, naming no category (……,具体有哪三点?, ……:有哪四点?,
文中提出了哪四点?, 要做到哪三点?); not a noun's (题型有哪四项?, 建立的机制包括哪三点?:
the noun is what the items are)."""
_THESE = re.compile(r"这[两二三四五六七八九十几]+[种个项条点类大]")
"""A count the question's head already names (也要有这三种境界,具体有哪三点?)."""


def _named_category(question: str, items_kind: str, kind: str) -> str:
    """``question`` closing on a generic count (``……,具体有哪三点?``) with no category
    noun anywhere, asked for the category its items are (``items_kind``), else the one
    their sentences' function names (``kind``): ``……,具体有哪三条对策?``. Items that
    are problems are never asked as what to do (``要做到哪三点?`` -> ``有哪三个问题?``);
    a sentence's function alone never turns what to do into something else."""
    category = _KIND_CATEGORY.get(items_kind or kind, "")
    m = _GENERIC.search(question)
    if not category or m is None or _category(question) or "?" in question[: m.start()]:
        return question  # a heading that asks (……是什么?有哪三点?) says what the items are
    if not items_kind and question[: m.start()].endswith(":"):
        return question  # 三个没有变:有哪两点?: the label is what the items are, whatever they do
    if _THESE.search(question):
        return question
    verb = m.group("verb")
    if "做到" in verb:
        if items_kind != "问题":
            return question
        verb = "有"
    unit = _UNITS.get(category, "点")
    return f"{question[: m.start()]}{verb}哪{m.group('n')}{unit}{category}?"


def fitted(question: str, items: list[str], kind: str = "") -> str:
    """``question`` with its category noun fitting ``items`` (rubric: PRM): measures
    asked as problems (``就业问题有哪四个?`` for 出台……/加强……) are asked as that
    problem's 对策 (``就业问题的对策有哪四条?``); problems asked as measures as 问题.
    A question naming no category (``……,具体有哪三点?``) names the one its items
    are, else ``kind``, what their sentences do in the argument (问题, 原因, 对策…)."""
    kind_of_items = item_kind(items)
    question = _named_category(question, kind_of_items, kind)
    wrong: tuple[str, ...]
    kind = kind_of_items
    if kind == "对策":
        wrong, right = _ASKED_PROBLEMS, "对策"
    elif kind == "问题":
        wrong, right = _ASKED_MEASURES, "问题"
    else:
        return question
    alternatives = "|".join(wrong)
    n = "(?P<n>[两一二三四五六七八九十百]+)"
    unit = _UNITS[right]
    # X乱象有哪三种? -> X乱象的对策有哪三条?
    m = re.search(rf"(?P<cat>{alternatives})(?P<have>有)?哪{n}[个种项条点类大]?\?$", question)
    if m is not None:
        if kind == "对策":
            return question[: m.end("cat")] + f"的对策有哪{m.group('n')}{unit}?"
        return question[: m.start("cat")] + f"问题有哪{m.group('n')}个?"
    # X有哪四种乱象? / X哪三个问题? -> X有哪四条对策?
    m = re.search(rf"哪{n}[个种项条点类大]?(?P<cat>{alternatives})\?$", question)
    if m is not None:
        return question[: m.start()] + f"哪{m.group('n')}{unit}{right}?"
    return question


_POINT_OPENERS = frozenset({"openers", "paragraphs"})


_LED_MIN, _LED_MAX = 4, 20
"""Characters of the clause a series opening its sentence leads into, for its question."""


def _asked(e: Enumeration, kind: str = "", title: str = "") -> str:
    n = len(e.items)
    question = e.section.heading.endswith("?")
    label = _label(e)
    if label and sum(it.phrase.text in label for it in e.items) >= min(2, len(e.items)):
        label = ""  # a heading naming the items themselves would give the answer away
    part = part_label(label)
    prefix = f"{label}:" if label and not part else ""
    if e.style == "headings":
        topic = _clean(_topic(e.lead.text)) if e.lead is not None else ""
        topic = topic or label
        built = _with_category(topic, n) if topic else ""
        if built:
            return built
        if topic:
            return f"{topic}:有哪{_count(n, '点')}?"
        return f"全文分为哪{_count(n, '个')}部分?"
    lead = _clean(_lead_text(e), announce=e.style not in {"inline", "series"})
    announced = e.lead is not None and _ANNOUNCES.search(e.lead.text) is not None
    if e.style in _POINT_OPENERS and not (question or e.shared or announced or _category(label)):
        asked = _points_of(kind, label, title, n)
        if asked:
            return asked
    if e.style == "measures":
        # a material's measures, one a sentence: asked by the actor that took them
        if e.shared:
            return f"{prefix}{e.shared}采取了哪{_count(n, '项')}做法?"
        return f"{prefix}材料中提到了哪{_count(n, '项')}做法?"
    if e.style == "parallel":
        return prefix + _parallel(e, lead, n, kind)
    if e.style == "clauses":
        return _subjectless(prefix + _clauses(e, n, kind), prefix, title)
    if e.style == "series":
        return _subjectless(prefix + _series(e, lead, n), prefix, title)
    if e.style == "quoted":
        return prefix + _quoted(e, n)
    if e.style == "inline":
        after = (e.after.text if e.after else "").lstrip("等.…")
        after = re.sub(r"^(?:一系列|各种|各类|诸多)", "", re.split(r"[,;。!?:]", after)[0])
        counted = re.match(r"^(?:[数几两二三四五六七八九十百千\d]+|多)(个|项|类|种|大)", after)
        unit = counted.group(1) if counted and counted.group(1) != "大" else ""
        after = after[counted.end() :] if counted else after
        if not counted and after.startswith("多") and after[1:3] in _NOUN_UNITS:
            after = after[1:]  # 等多维度具有……: 哪四个维度具有……
        topic = _resolve_qi(lead)
        if len(topic) > 12 and "," in topic:
            parts = topic.split(",")
            topic = parts[-1] if len(parts[-1]) >= 6 else ",".join(parts[-2:])
        if not after and _states(topic, [it.phrase.text for it in e.items]):
            # 让社会治理更加智能化、高效化: 更加哪三项 has no verb; quote the lead-in
            return f"{prefix}“{topic}……”,文中列举了哪{_count(n, '点')}?"
        if not unit:
            # 向市场信息、科技服务、加工营销等方面拓展 -> 向哪三个方面拓展
            unit = next((u for noun, u in _NOUN_UNITS.items() if after.startswith(noun)), "")
        topic = _with_subject(e, _LINK.sub("", topic))
        if label and topic.startswith(label):
            topic = topic[len(label) :].lstrip(":")  # 题型:单一题、……: the label is the prefix
            if not topic and not after:
                return f"{label}有哪{_count(n, unit or '项')}?"
        if not topic.strip(",;:") and not after:
            last = e.items[-1]
            resumed = _resumed(last.context.text[last.phrase.end - last.context.start :], n)
            if resumed:
                return _subjectless(prefix + resumed, prefix, title)
            labelled = _sentence_label(e)
            if labelled:
                # 正面影响:激发、促进……;有利于、有助于……: the label before the colon
                # is what the second series lists too.
                return f"{prefix}{labelled}有哪{_count(n, unit or '项')}?"
            rest = re.split(
                r"[,;。!?:]", last.context.text[last.phrase.end - last.context.start :].lstrip(",;")
            )[0]
            if not prefix and _LED_MIN <= len(rest) <= _LED_MAX and "…" not in rest:
                # 推动A、创造B、促进C,协调发展……深入人心: a series that opens its sentence
                # with no lead-in is asked by the clause it leads into, never the title
                return f"“……,{rest}”,文中列举了哪{_count(n, '点')}?"
        if not after and not unit and _aspects(topic, [it.phrase.text for it in e.items]):
            unit, after = "个", "方面"  # 加强政策沟通、标准互认……: 加强哪四个方面
        asked = f"{prefix}{topic}哪{_count(n, unit or _UNITS.get(after, '项'))}{after}?"
        return _subjectless(asked, prefix, title)
    if e.style == "colon":
        built = _with_category(lead, n)
        if built:
            return prefix + built
    summary = e.after.text[:8] if e.after and _SUMMARY.match(e.after.text) else ""
    category = _category(summary)
    if category:
        return f"{prefix}文中列举了哪{_count(n, _UNITS.get(category, '点'))}{category}?"
    heading_category = _category(label) if not question else ""
    if _RESPONSE.match(lead) and _category(lead[-4:]) in _PROBLEMS:
        return f"{prefix}{lead},有哪{_count(n, '条')}对策?"
    if e.style == "openers" and e.shared.endswith("是"):
        return f"{prefix}{_clean(e.shared[:-1])}的意义有哪{_count(n, '点')}?"
    if lead:
        built = _with_category(lead, n)
        if built:
            return prefix + built
        subject = _subject(lead) or (lead if len(lead) <= 14 and "," not in lead else "")
        if heading_category and subject:
            unit = _UNITS.get(heading_category, "点")
            return f"{prefix}{subject}有哪{_count(n, unit)}{heading_category}?"
        if e.shared:
            return f"{prefix}{lead},{e.shared}哪{_count(n, '点')}?"
        if _GOAL.match(lead):
            return f"{prefix}{_GOAL.sub('', lead)},有哪{_count(n, '条')}路径?"
        if n == 2:
            return f"{prefix}{lead},可以从哪两个方面来看?"
        named = (
            ""
            if _category(lead) or _THESE.search(lead)  # 也要有这三种境界: it names them
            else _named(kind, lead if len(lead) <= 14 else _title_topic(title) or title, n, prefix)
        )
        return named or (f"{prefix}{lead},具体有哪{_count(n, '点')}?")
    if heading_category:
        unit = _UNITS.get(heading_category, "点")
        if part:
            # 问题表现 / 对策建议 over numbered points: the article's subject and the
            # category the label names (餐饮浪费的问题有哪四个?), never the label itself
            subject = _title_topic(title)
            if subject:
                return f"{subject}的{heading_category}有哪{_count(n, unit)}?"
            return f"文中列举了哪{_count(n, unit)}{heading_category}?"
        built = _with_category(label, n)
        if built:
            return built
        return f"{label}:有哪{_count(n, unit)}{heading_category}?"
    if e.shared and e.style == "openers":
        if kind == "分论点":  # rubric: PRM, a category noun, not 哪三点
            return f"{prefix}关于{e.shared.rstrip(',:')},文中提出了哪{_count(n, '个')}分论点?"
        return f"{prefix}关于{e.shared.rstrip(',:')},文中提出了哪{_count(n, '点')}?"
    if question:
        return f"{e.section.heading}文中提出了哪{_count(n, '点')}?"
    named = _named(kind, _title_topic(title) if part else label or title, n, "")
    if named:
        return named
    if label and not part:
        return f"{label}有哪{_count(n, '点')}?"
    fallback = _clean(_tail(e.lead))
    whole = e.lead.text.strip() if e.lead is not None else ""
    if _asks_by(fallback) and (len(whole) > _LEAD_MAX or _asks_by(whole)):
        return f"{fallback},文中提出了哪{_count(n, '点')}?"
    return _of_title(kind, title, n)


_NOT_ASKED = frozenset({"背景", "过渡", "论据"})
"""Functions that give a list no category noun of its own: the setting, a hand-over,
the cases told as evidence."""
_STATING_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "r", "uj", "ul"})
"""A first word tagged so opens a statement with its own subject, or a fragment."""


def _asks_by(lead: str) -> bool:
    """Whether a lead-in's last clauses can stand before ``文中提出了哪三点?``: an aim or
    a call that opens on its verb (激发……的效能, 要坚持……, 把……写在……), never
    punctuation alone, a quoted sentence (“……。”), a clause opening on a pronoun
    (其中……, 对此……) or on 是, nor a statement with its own subject (当地群众也能……,
    红线之下,……: rubric PRM; the items say what it states, not what it asks)."""
    from trainer.generation.lexicon import kind_words
    from trainer.generation.split.words import tag, tokens

    if len(re.findall(r"[\u4e00-\u9fff]", lead)) < 2 or not re.match(r"[\u4e00-\u9fff]", lead):
        return False
    if re.search(r"[。!?！？][”\"’']", lead):
        return False  # 说:“……。”: a quoted sentence, not what the items are about
    first = next((w for w, _at in tokens(lead)), "")
    if first == "是" or lead.startswith(kind_words("fragment_openers", "pronoun")):
        return False
    return tag(first) not in _STATING_TAGS and len(_opening_subject(lead)) < _STATED_MIN


_STATED_MIN = 3
"""An opening subject this long makes a lead-in a statement (当地群众也能……); a
two-character one is as often a verb the tagger does not know (铸就非凡华章)."""


def _of_title(kind: str, title: str, n: int) -> str:
    """A list nothing before it names, asked of the article's subject with the category
    its function gives (``X的对策有哪三条?``, ``关于X,文中列举了哪三个方面?``); a setting,
    a hand-over or told cases (:data:`_NOT_ASKED`) name no category of their own. Where
    the title names no subject, the category alone (``文中列举了哪三个方面?``): a list
    still tested, never asked by a stray sentence."""
    topic = _title_topic(title) or _title_topic(title, first_clause=False)
    if topic and kind not in _NOT_ASKED:
        named = _named(kind, topic, n, "")
        if named:
            return named
    if topic:
        return f"关于{topic},文中列举了哪{_count(n, '个')}方面?"
    category = "" if kind in _NOT_ASKED else _KIND_CATEGORY.get(kind, "")
    if category:
        return f"文中列举了哪{_count(n, _UNITS.get(category, '点'))}{category}?"
    return f"文中列举了哪{_count(n, '个')}方面?"


_ANNOUNCES = re.compile(
    r"以下|如下|几(?:个|点|种|项|方面)|[两二三四五六七八九十](?:个|点|种|大|项|条|方面)|包括|表现在|体现在|[:：]$"
)
"""A lead-in that announces the list after it (可以从以下三个方面着手:)."""
_ASKS = re.compile(r"什么|为什么|为何|为啥|如何|怎样|怎么|哪些|何以|何在")


def _points_of(kind: str, label: str, title: str, n: int) -> str:
    """Paragraphs opening on their points (集聚多元共治合力。/ 优化社区服务格局。/ ……),
    asked under the subject of their section or, under a heading that only names a
    part (评论一, 材料2) or none, of the article (rubric: PRM: a subject and a category
    noun, never the sentence before the list): ``X有哪三个分论点?``, ``X的对策有哪三条?``;
    under a heading that asks (``……的核心内容是什么``), that question. Lists announced
    by their lead-in (以下三个方面), sharing a stem or under a category heading are
    asked as those say."""
    from trainer.generation.detect.headruns import naming_a_part

    subject = label if label and not naming_a_part(label) else _title_subject(title)
    if not subject or _category(subject):
        return ""
    if _ASKS.search(subject):
        return f"{subject.rstrip('?')}?有哪{_count(n, '点')}?"
    if kind == "分论点":
        return f"{subject}有哪{_count(n, '个')}分论点?"
    return _named(kind, subject, n, "")


_RESUMING = re.compile(r"^[,;]?(?:这些|这[两二三四五六七八九十几]+[个种项条类]|以上|上述|此类)")
"""A clause taking up the series before it under a noun (``……，这些元素组合在一起``)."""
_RESUMED_MAX = 20


def _states(lead: str, items: list[str]) -> bool:
    """The 、 series after ``lead`` is a run of states, not of things (``data/
    state_series.txt``): every item holds a degree word and no 的 (任务更明确, 日益完备;
    not 更可靠的保障, a thing), or the
    lead-in ends on one or on a modal (更加, 才能), or its last clause is a place (在X上)
    with the verb after the items. ``lead哪三项`` would have no verb (rubric: PRM)."""
    from trainer.generation.lexicon import kind_words

    if len(lead) < 2:
        return False
    degree = kind_words("state_series", "degree")
    if all(any(w in item for w in degree) and "的" not in item for item in items):
        return True
    if lead.endswith(kind_words("state_series", "before")):
        return True
    last = lead.rsplit(",", 1)[-1]
    return "在" in last[:-1] and last.endswith(kind_words("state_series", "place"))


_OWNER_MIN = 6
"""Characters of a frame closing on 的 (a verb, then whose the items are)."""
_VERB_MIN = 2


def _aspects(frame: str, items: list[str]) -> bool:
    """The items after ``frame`` are things it acts on (``加强`` + 政策沟通、标准互认):
    the frame closes on a verb of ``data/aspect_verbs.txt`` (加强, 提供了), the items
    share no noun, and every item opens with a noun (after what qualifies it with 的);
    ``哪四项`` would name no category, ``哪四个方面`` does (rubric: PRM)."""
    from trainer.generation.lexicon import words
    from trainer.generation.split.words import tag, tokens

    if _tail_noun(items):
        return False  # 配备导师、辅导导师: the items' shared noun names them
    words_ = [w for w, _at in tokens(frame.removesuffix("了"))]
    if frame.endswith("的") and len(frame) >= _OWNER_MIN:
        # 阐明了中国式现代化的 + 历史进程、领导力量……: a verb, then whose they are
        if not any(tag(w) == "v" and len(w) >= _VERB_MIN for w in words_):
            return False
    elif not words_ or words_[-1] not in words("aspect_verbs"):
        return False
    verbs = _verbs()
    for item in items:
        parts = [w for w, _at in tokens(item.rsplit("的", 1)[-1])]
        if not parts or tag(parts[0]) or parts[0] in verbs or not _HAN.match(item):
            return False
    return True


def _resumed(after: str, n: int) -> str:
    """``A、B、C，这些元素组合在一起，……`` -> ``哪三种元素组合在一起?``: a series that is
    its sentence's subject, taken up by 这些/上述 + a noun, is asked by that noun (what
    its items are) and the rest of the clause (rubric: PRM, no bare 哪三项); empty when
    the clause after the series takes nothing up."""
    from trainer.generation.split.words import tag, tokens

    m = _RESUMING.match(after)
    if not m:
        return ""
    clause = re.split(r"[,;。!?:]", after[m.end() :])[0]
    words = tokens(clause)
    if not words or tag(words[0][0]) or not _HAN.match(words[0][0]) or len(words[0][0]) < 2:
        return ""  # a noun: the dictionary tags only verbs, adverbs and function words
    noun = words[0][0]
    rest = clause[len(noun) :]
    if len(clause) > _RESUMED_MAX:
        rest = ""
    unit = _NOUN_UNITS.get(noun, "种")
    return f"哪{_count(n, unit)}{noun}{rest}?"


def _subjectless(asked: str, prefix: str, title: str) -> str:
    """``asked`` under the article's subject when it has none of its own: a question
    that opens with a verb, a preposition or 哪 (``协同构建哪四项?``) and no section
    label reads ``加强国家战略腹地建设:协同构建哪四项?`` (rubric: PRM: answerable
    without the article)."""
    if prefix:
        return asked
    subject = _title_topic(title, first_clause=False)  # 守正创新,让……: a slogan
    if not subject or not _opens_bare(asked):
        return asked
    return f"{subject}:{asked}"


_PART_MARKS = re.compile(r"[\s\d０-９一二三四五六七八九十()（）、.:：,，·]+")


def part_label(label: str) -> bool:
    """A section label that names a part of a page or a study note (对策建议, 材料三,
    问题表现, 申论里可以这样写), not a subject a question may open with
    (``data/part_labels.txt``): made only of part words once digits and ordinals are
    gone, or holding a word of advice on how to write (rubric: PRM)."""
    from trainer.generation.lexicon import kind_words

    if not label:
        return False
    if any(w in label for w in kind_words("part_labels", "advice")):
        return True
    rest = _PART_MARKS.sub("", label)
    for word in sorted(kind_words("part_labels", "part"), key=len, reverse=True):
        rest = rest.replace(word, "")
    return not rest


_FIRST_CLAUSE = re.compile(r"^[\u4e00-\u9fff]{4,12}(?=[,，\s])")


def _title_topic(title: str, first_clause: bool = True) -> str:
    """The article's subject for a question (:func:`_title_subject`), or, for a title
    of two phrases, its first when that is a plain phrase of 4 to 12 characters
    (``制止餐饮浪费,让节约成为新“食”尚`` -> ``制止餐饮浪费``) where ``first_clause``
    (a question that names its category, not one that needs a subject to make sense:
    a slogan's first phrase is none, 守正创新,让……); without what a study
    note's title adds after it (专题提纲, 要点归纳), and never a part's name."""
    from trainer.generation.lexicon import kind_words

    subject = _title_subject(title)
    if not subject and first_clause:
        head = re.split(r"[:：—]+", title.strip())[-1].strip()
        m = _FIRST_CLAUSE.match(head)
        if m is None or m.group().startswith(("不是", "既", "从", "让", "使", "以")):
            return ""
        subject = m.group()
    for tail in sorted(kind_words("part_labels", "tail"), key=len, reverse=True):
        if subject.endswith(tail):
            subject = subject.removesuffix(tail)
            break
    return subject if len(subject) >= _TOPIC_MIN and not part_label(subject) else ""


_TOPIC_MIN = 4


def _title_subject(title: str) -> str:
    """The article's subject for a question: its title without a speaker or a series
    before a colon, quotation marks or numbering; empty if longer than ``_TITLE_MAX``
    or made of two phrases (``守正创新,让……``: a slogan, not a subject)."""
    subject = re.split(r"[:：—]+", title.strip())[-1]
    subject = _topic(subject.strip('《》“”" '))
    plain = (
        2 <= len(subject) <= _TITLE_MAX
        and not re.search(r"[,，\s]", subject)
        and subject.count("“") == subject.count("”")
    )
    return subject if plain else ""


_TITLE_MAX = 20
_BARE_VERB = 4
"""Characters before 哪 that hold a verb but no subject (协同构建哪四项)."""


def _opens_bare(asked: str) -> bool:
    """The question opens with 哪, a verb or a preposition, or holds no more than a
    verb before 哪: it names no subject."""
    from trainer.generation.split.words import tag, tokens

    if 0 <= asked.find("哪") <= _BARE_VERB:
        return True  # 哪……, 建设哪三点, 协同构建哪四项: a verb at most before 哪
    head = tokens(asked[:6])
    return bool(head) and tag(head[0][0]) in _VERB_TAGS


_PROCESS = {"发展", "建设", "服务", "工作", "格局", "局面", "体系", "状态"}
"""Category words a series qualifies rather than counts (可持续、常态化、高质量发展)."""
_MUST = re.compile(r"(?:必须|要|应当|应该|应|需要|需)$")


_LINK = re.compile(r"^(?:而(?=是)|但是|但|而且|并且|且|并|而)(?=..)")
"""A conjunction opening the clause a frame is taken from (``而是让每个人……获得``):
it joins the clause to the one before, the question needs the subject instead."""
_SUBJECT_MAX = 12
_VERB_TAGS = frozenset({"v", "vd", "vg", "p"})


def _with_subject(e: Enumeration, frame: str) -> str:
    """A frame that opens with a verb or a preposition (``协同构建``, ``通过举办``,
    ``具有``, ``把``) gets the noun phrase its sentence opens with in front
    (``各级党组织通过举办哪三项活动?``): a prompt answerable without the article
    (rubric: PRM). Frames with a subject of their own, and sentences that open with
    no noun phrase, stay as they are."""
    from trainer.generation.split.words import tag, tokens

    head = tokens(frame[:6])
    if not head:
        return frame
    if tag(head[0][0]) not in _VERB_TAGS:
        return _with_clause_subject(e, frame)
    text = _CONNECTIVE.sub("", _NUMBERING.sub("", e.items[0].context.text))
    subject = _leading_subject(text)
    at = text.find(frame)
    if not subject or subject in frame or at < 0:
        return frame
    if 0 <= at < len(subject):  # 政府陪跑人 + 陪跑人为……: the frame holds its end
        return subject[:at] + frame
    return subject + frame


_ADVERB_TAGS = frozenset({"d"})
_PREDICATE_TAGS = frozenset({"d", "c"})
"""Tags of the words a clause's predicate may open with after its subject (不仅难以)."""


def _opens_on_adverb(frame: str) -> bool:
    """``frame`` opens with adverbs or modals and then a verb (``还可能面临``,
    ``特别是要重点提升``, ``易造成``; ``data/frame_openers.txt``)."""
    from trainer.generation.lexicon import kind_words
    from trainer.generation.split.words import tag, tokens

    openers = kind_words("frame_openers", "word")
    rest = frame
    skipped = 0
    while rest:
        word = next((w for w in openers if rest.startswith(w)), "")
        if not word:
            first = tokens(rest[:6])
            if not first:
                return False
            word = first[0][0]
            if tag(word) in _VERB_TAGS:
                return skipped > 0 and word not in openers
            if tag(word) not in _ADVERB_TAGS:
                return False
        rest = rest[len(word) :]
        skipped += 1
    return False


def _with_clause_subject(e: Enumeration, frame: str) -> str:
    """A frame that opens with an adverb or a modal before its verb (``还可能面临``,
    ``特别是要重点提升``) is a clause whose subject an earlier clause of its sentence
    names: the nearest clause before it that opens with a noun phrase gives it
    (``而技术基础薄弱的地区不仅……,还可能面临`` -> ``技术基础薄弱的地区还可能面临``;
    rubric: PRM). A pronoun, a time or a speaker is no subject; the frame stays as it
    is when none is found."""
    if not _opens_on_adverb(frame):
        return frame
    text = _NUMBERING.sub("", e.items[0].context.text)
    at = text.find(frame)
    if at < 0:
        return frame
    for clause in reversed([c for c in re.split(r"[,;:]", text[:at]) if c.strip()]):
        clause = _LINK.sub("", _CONNECTIVE.sub("", clause.strip()))
        subject = _clause_subject(clause)
        if subject:
            return subject + frame
    return frame


def _clause_subject(clause: str) -> str:
    """The noun phrase ``clause`` opens with when a predicate follows it (an adverb, a
    modal or a verb): ``技术基础薄弱的地区不仅难以……`` -> ``技术基础薄弱的地区``."""
    found = _opening_nouns(clause, _VERB_TAGS | _PREDICATE_TAGS)
    if found is None or not found[1]:
        return ""  # nouns only: no predicate follows, no subject
    subject, out = found[0], found[2]
    if len(subject) < 2 or subject.endswith("的") or _never_subject(out):
        return ""
    return subject


def _leading_subject(text: str) -> str:
    """The noun phrase a sentence opens with, up to its first verb (``各级党组织要……``
    -> ``各级党组织``; ``新质生产力具有……`` -> ``新质生产力``); empty if it opens with
    anything else (a time, a pronoun, a speaker: ``长期以来``, ``它``, ``记者``) or
    runs past ``_SUBJECT_MAX`` characters."""
    found = _opening_nouns(re.split(r"[,;:。!?]", text, maxsplit=1)[0], _VERB_TAGS)
    if found is None:
        return ""
    subject, out = found[0], found[2]
    if len(subject) < 2 or subject == text or _never_subject(out):
        return ""
    return subject


def _opening_nouns(text: str, stops: frozenset[str]) -> tuple[str, bool, list[str]] | None:
    """The untagged words (nouns, names) ``text`` opens with, up to a word tagged in
    ``stops`` or a copula: (the phrase, whether such a word ended it, its words); None
    when another word comes first or the phrase runs past ``_SUBJECT_MAX``. One home for
    both readings of a subject: a sentence's, and a clause's before its predicate."""
    from trainer.generation.split.words import tag, tokens

    out: list[str] = []
    for word, _at in tokens(text):
        kind = tag(word)
        if out and (kind in stops or word in _COPULAS):
            return "".join(out), True, out
        if word == "的" and out:
            out.append(word)  # 发展的目的: a noun phrase goes on
            continue
        if (kind and not (not out and word in _SUBJECT_MODIFIERS)) or not _HAN.match(word):
            return None
        out.append(word)
        if sum(map(len, out)) > _SUBJECT_MAX:
            return None
    return "".join(out), False, out


def _never_subject(words_: list[str]) -> bool:
    from trainer.generation.lexicon import words

    never = words("connectives") | words("blank_edges") | words("subject_not")
    return any(w in never for w in words_)


_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_COPULAS = frozenset({"不是", "并非", "就是", "正是"})
_SUBJECT_MODIFIERS = frozenset({"各级", "各地", "各类", "广大", "各有关"})


def _series(e: Enumeration, lead: str, n: int) -> str:
    """A 、 series framed by a verb and a category word: ``A与B是哪三种关系?``,
    ``推动助农直播实现怎样的发展?(三点)``, ``基层干部必须做到哪三点?``."""
    from trainer.generation.lexicon import words

    topic = lead.rstrip(",")
    parts = [p for p in re.split(r"[,;:]", topic) if p]
    topic = parts[-1] if parts else ""
    if len(topic) < 5 and len(parts) >= 2:
        topic = parts[-2] + topic
    topic = _with_subject(e, _LINK.sub("", topic))
    after = e.after.text if e.after else ""
    head = next(
        (w for w in sorted(words("series_heads"), key=len, reverse=True) if after.startswith(w)),
        "",
    )
    if head in _PROCESS:
        return f"{topic}怎样的{head}?有哪{_count(n, '点')}?"
    if head:
        return f"{topic}哪{_count(n, _UNITS.get(head, '种'))}{head}?"
    noun = re.split(r"[,;。!?:]", after)[0][1:] if after.startswith("的") else ""
    if 2 <= len(noun) <= 6:
        return f"{topic}哪{_count(n, '方面')}的{noun}?"
    if _MUST.search(topic):
        return f"{topic}做到哪{_count(n, '点')}?"
    return f"{topic}哪{_count(n, '点')}?"


def _parallel(e: Enumeration, lead: str, n: int, kind: str = "") -> str:
    """Parallel clauses: ``靠……`` (what it relies on), ``是……`` (what it means),
    ``A让……`` (examples), ``要……`` (what to do)."""
    lead = lead.rstrip(",")
    if e.shared == "靠":
        return f"{lead}靠哪{_count(n, '点')}?" if lead else f"要靠哪{_count(n, '点')}?"
    if e.shared == "是":
        return f"{lead.removesuffix('是').rstrip(',')}的意义有哪{_count(n, '点')}?"
    if e.shared and e.shared in "让使把将为":
        if lead.endswith("是") and len(lead) > 1:
            # 好的治理,是把问题发现得更早,把风险压得更低……: what it is, not examples
            return f"{lead.removesuffix('是').rstrip(',')}是怎样的?有哪{_count(n, '点')}?"
        return f"{lead},有哪{_count(n, '个')}例子?" if lead else f"文中举了哪{_count(n, '个')}例子?"
    from trainer.generation.lexicon import kind_words

    speech = kind_words("blank_edges", "speaker")
    if lead and lead.endswith(tuple(w for w in speech if len(w) == 2)):
        # 习近平总书记指出: what was said, not what is to be done (rubric: PRM).
        return f"{lead}了哪{_count(n, '点')}?"
    return _to_do(e, lead, n, kind)


_NOT_TO_DO = frozenset({"问题", "原因", "危害", "意义"})
"""Functions of sentences whose parallel clauses are no measures (``_KIND_CATEGORY``)."""


def _to_do(e: Enumeration, lead: str, n: int, kind: str) -> str:
    """Parallel clauses asked as what to do (``……要做到哪三点?``) unless they are not:
    clauses opening on an outcome (才能……, 方可……) are effects, ``……有哪三点作用?``;
    problems (缺乏……, ……不足) and clauses of a sentence that states a problem, a
    cause, a harm or a significance (``kind``) where the lead-in demands nothing
    (``data/claims.txt`` must) are asked for what the lead-in says,
    ``……,具体有哪三个问题?`` (rubric: PRM: a list of effects is not 要做到哪几点)."""
    from trainer.generation.lexicon import kind_words

    items = [it.phrase.text for it in e.items]
    outcomes = kind_words("claims", "outcome")
    if lead and all(item.startswith(outcomes) for item in items):
        cause = re.sub(r"^(?:也|还)?(?:唯有|只有)", "", lead).rstrip(",")
        if cause:
            return f"{cause}有哪{_count(n, '点')}作用?"
    demands = any(w in lead for w in kind_words("claims", "must"))
    not_to_do = item_kind(items) == "问题" or (kind in _NOT_TO_DO and item_kind(items) != "对策")
    if not lead or lead.endswith((":", ",")) or demands or not not_to_do:
        lead = lead.removesuffix("要").removeprefix("要")
        return f"{lead}要做到哪{_count(n, '点')}?" if lead else f"要做到哪{_count(n, '点')}?"
    return f"{lead},具体有哪{_count(n, '点')}?"


_DONE = re.compile(r"^[^,]{1,4}了")
"""An item that reports what was done (巩固了友谊): the list is of results."""


def _clauses(e: Enumeration, n: int, kind: str) -> str:
    """Points written as clauses (:mod:`clause_runs`): ``A,B,C等现象`` asks the
    category noun, ``因A,B,C`` the causes, a run of predicates the measures or the
    results, each under the subject the sentence gives them."""
    before = _clean(e.lead.text if e.lead is not None else "", announce=False)
    topic = re.sub(r"^(?:现在|如今|目前|当前)", "", _last_clause(before).strip('“”‘’" '))
    topic = _with_subject(e, topic) if topic else ""
    if e.shared.startswith("等"):
        noun = e.shared[1:]
        topic = re.sub(r"(?:存在|出现|发现|面临|存在着|出现了|采取|通过)$", "", topic)
        verb = "存在" if noun in _PROBLEMS or noun in {"行为", "情况", "困难", "难题"} else "采取了"
        return f"{topic}{verb}哪{_count(n, _UNITS.get(noun, '种'))}{noun}?"
    if e.shared:
        effect = re.sub(r"^(?:在|但是?|而|却)", "", e.after.text if e.after else "")
        effect = re.sub(r"仍然?(?=存在|有|面临)", "", effect)[-_TOPIC_MAX:]
        return f"{effect},原因有哪{_count(n, '个')}?" if effect else f"原因有哪{_count(n, '个')}?"
    needed = _only_if(e, topic, n)
    if needed:
        return needed
    subject = re.sub(r"^(?:但是?|而|也|却)?(?:要|应|需要|必须)?", "", topic)
    subject = subject or _leading_subject(e.items[0].context.text)
    if all(_DONE.match(it.phrase.text) for it in e.items):
        return (
            f"{subject},取得了哪{_count(n, '项')}成果?"
            if subject
            else f"取得了哪{_count(n, '项')}成果?"
        )
    category = {"问题": "问题", "原因": "原因"}.get(kind, "举措")
    unit = _UNITS.get(category, "点")
    return (
        f"{subject}的{category}有哪{_count(n, unit)}?"
        if subject
        else f"有哪{_count(n, unit)}{category}?"
    )


_OUTCOME = re.compile(
    r"^[,;]?(?P<who>[^,;。!?]{1,16}?)才(?:能够|能|会|可以|可)?(?P<what>[^,;。!?]{2,24})"
)
_OUTCOME_VERB = re.compile(r"^(?:要|能|会|可以|可)")


def _only_if(e: Enumeration, topic: str, n: int) -> str:
    """``唯有A,B,C,中国经济才能赢得主动`` -> ``中国经济要赢得主动,唯有做到哪三点?``: a
    series a 唯有/只有 clause opens (``data/claims.txt``: only_if) asks what the outcome
    after 才 needs, never the connective as its subject (rubric: PRM); empty when no
    such outcome follows the last item."""
    from trainer.generation.lexicon import kind_words

    connective = re.sub(r"^(?:也|还|就)", "", topic.strip())
    if connective not in kind_words("claims", "only_if"):
        return ""
    last = e.items[-1]
    m = _OUTCOME.match(last.context.text[last.phrase.end - last.context.start :])
    if m is None:
        return ""
    what = _OUTCOME_VERB.sub("", m.group("what"))
    return f"{m.group('who')}要{what},{connective}做到哪{_count(n, '点')}?"


def _quoted(e: Enumeration, n: int) -> str:
    """``针对乡村人才“引不来、留不住、用不好”的问题`` -> ``乡村人才有哪三个问题?``."""
    before = _last_clause(_clean(e.lead.text if e.lead else "", announce=False))
    before = re.sub(r"^(?:针对|面对|破解|解决|克服|存在|面临)", "", before)
    after = e.after.text if e.after else ""
    category = _category(after[:6])
    if category and after.startswith("的"):
        return f"{before}有哪{_count(n, _UNITS.get(category, '个'))}{category}?"
    noun = re.split(r"[,;。!?:]", after)[0][1:] if after.startswith("的") else ""
    if before and 2 <= len(noun) <= 8:
        return f"{before}的{noun}包括哪{_count(n, '点')}?"
    if not before:
        return f"文中用哪{_count(n, '个')}词概括?"
    before = _with_subject(e, before)
    if before[0] in "让使":
        return f"{before}做到哪{_count(n, '点')}?"
    return f"{before}哪{_count(n, '点')}?"


_LABEL_MAX = 12


def _sentence_label(e: Enumeration) -> str:
    """The label the list's line opens with before its colon (``(1)正面影响:……``)."""
    start = e.items[0].phrase.start
    para = next((p for p in e.section.paragraphs if p.span.start <= start < p.span.end), None)
    if para is None:
        return ""
    before = para.span.text[: start - para.span.start]
    text = _NUMBERING.sub("", before[before.rfind("\n") + 1 :].strip())
    label, sep, _ = text.partition(":")
    label = label.strip()
    if not sep or not 2 <= len(label) <= _LABEL_MAX or not CJK.match(label) or "," in label:
        return ""
    return label


def _lead_text(e: Enumeration) -> str:
    """The lead-in worth quoting in the prompt: in the list's own paragraph, or a
    sentence that announces it (a cue such as 以下, 需要, 关键在于)."""
    if e.lead is None:
        return ""
    same_paragraph = e.lead.start >= _paragraph_start(e)
    if not (
        same_paragraph or _CUE.search(e.lead.text) or e.style in {"parallel", "inline", "series"}
    ):
        return ""
    return _tail(e.lead)


def _paragraph_start(e: Enumeration) -> int:
    for p in e.section.paragraphs:
        if p.index == e.paragraph:
            return p.span.start
    return e.start


def answer(e: Enumeration, original: str) -> str:
    """The items numbered, then their source once (rubric: REP): the one sentence they
    share, cut to the clauses that hold them when long; the items' own sentences only
    while together they stay short, for a list whose points each have a sentence or
    paragraph of their own would otherwise be written out twice."""
    lines = [f"{k}. {original[it.phrase.start : it.phrase.end]}" for k, it in enumerate(e.items, 1)]
    seen: set[tuple[int, int]] = set()
    spans: list[tuple[int, int]] = []
    for it in e.items:
        span = (it.context.start, it.context.end)
        ctx = original[span[0] : span[1]].strip()
        if span in seen or not ctx or _same(ctx, original[it.phrase.start : it.phrase.end]):
            continue
        seen.add(span)
        spans.append(span)
    source = ""
    if len(spans) == 1:
        source = _held(e, original, *spans[0])
    elif spans:
        source = "".join(_HEADING_MARK.sub("", original[a:b].strip()) for a, b in spans)
        if len(source) > _SOURCES_MAX:
            source = ""  # each point's paragraph again: the items are the answer
    source = _HEADING_MARK.sub("", source.strip())
    if source:
        lines.append(f"—— {source}")
    return "\n".join(lines)


_SOURCE_MAX = 120
"""A shared sentence longer than this is cut to the clauses that hold the items."""
_SOURCES_MAX = 80
"""The items' own sentences together at most this long, or they are left out."""
_CLAUSE_MARK = re.compile(r"[,;:。!?，；：。！？]")


def _held(e: Enumeration, original: str, start: int, end: int) -> str:
    """The sentence ``start:end`` the items share; when longer than ``_SOURCE_MAX``,
    from the clause holding the first item to the clause holding the last."""
    text = original[start:end].strip()
    if len(text) <= _SOURCE_MAX:
        return text
    first, last = e.items[0].phrase.start, e.items[-1].phrase.end
    if not start <= first < last <= end:
        return text[:_SOURCE_MAX].rstrip(",;:，；：") + "……"
    marks = [m.end() for m in _CLAUSE_MARK.finditer(original, start, end)]
    lo = max((m for m in marks if m <= first), default=start)
    hi = min((m for m in marks if m >= last), default=end)
    cut = original[lo:hi].strip()
    if hi < end:
        cut = cut.rstrip(",;:，；：")
    return ("……" if lo > start else "") + cut + ("……" if hi < end else "")


_NOISE = re.compile(r"[\W\d_一二三四五六七八九十是其]+")


def _same(context: str, phrase: str) -> bool:
    """The item's sentence says no more than the item (``以数强基,……;`` for the item
    ``以数强基,……``; ``1.答题技巧`` for ``答题技巧``)."""
    return _NOISE.sub("", context) == _NOISE.sub("", phrase)


_EXTEND_MAX = 6
"""Characters an item's end may grow by to finish the word it cut (……根本出发 ->
……根本出发点)."""
_ITEM_MIN = 2


_STRAY_END = "。!?;,:…"
_PAIRED = {"“": "”", "‘": "’", "《": "》", "「": "」"}


def _without_stray_quotes(folded: str, lo: int, hi: int) -> tuple[int, int]:
    """``[lo, hi)`` without a quotation mark whose partner is outside it: the last point
    of a speaker's line ends on the line's close (``推行积分奖励。”``), the first opens
    on its open (``“建立保洁队伍``); neither mark, nor the stop before a close, is the
    point's."""
    closers = {v: k for k, v in _PAIRED.items()}
    while hi - lo > 1:
        text = folded[lo:hi]
        if text[-1] in closers and text.count(text[-1]) == 1 and closers[text[-1]] not in text:
            hi -= 1
            while hi - lo > 1 and folded[hi - 1] in _STRAY_END:
                hi -= 1
            continue
        if text[0] in _PAIRED and text.count(text[0]) == 1 and _PAIRED[text[0]] not in text:
            lo += 1
            continue
        return lo, hi
    return lo, hi


def on_word_edges(e: Enumeration, folded: str) -> Enumeration:
    """``e`` with each item's phrase snapped to the words of its sentence (rubric:
    CUT): a start inside a word drops the torn part (是否首次发生 cut as 否首次发生
    becomes 首次发生, and 是否 joins what every item shares; 建设人人有责 cut as
    设人人有责 becomes 人人有责, 建设 joins the lead-in); an end inside a word takes
    the rest of it when the items are whole clauses (创新空 -> 创新空间). A word holding punctuation (a quoted
    “变薄、变瘦、变硬” the segmenter keeps whole) is no word to snap to."""
    from trainer.generation.detect.keyterms import complement
    from trainer.generation.lexicon import kind_words
    from trainer.generation.split.words import tokens

    bound = frozenset(kind_words("series_edges", "bound"))
    items: list[Item] = []
    torn: set[str] = set()
    for it in e.items:
        lo, hi = _without_stray_quotes(folded, it.phrase.start, it.phrase.end)
        floor = max(0, lo - _WINDOW)
        left = max(folded.rfind(ch, floor, lo) for ch in _SENTENCE_ENDS) + 1
        left = max(left, floor)
        ends = [i for i in (folded.find(ch, hi, hi + _WINDOW) for ch in _SENTENCE_ENDS) if i >= 0]
        right = min(ends) if ends else min(len(folded), hi + _WINDOW)
        toks = tokens(folded[left:right])
        bounds = {at for _w, at in toks}
        for k, (word, at) in enumerate(toks):
            if not word.isalnum():  # a token is never empty
                continue
            w0, w1 = left + at, left + at + len(word)
            if w0 < lo < w1 and hi - w1 >= _ITEM_MIN:
                lo = w1
            if w0 == lo and complement(toks, k) and hi - w1 >= _ITEM_MIN:
                lo = w1  # 处理|好|经济和社会: the verb's complement stays with the lead
            if w0 < hi < w1 and w1 - hi <= _EXTEND_MAX and e.style in _WHOLE_CLAUSE_STYLES:
                hi = w1
        if folded[lo : lo + 1] in bound and hi - lo - 1 >= _ITEM_MIN and (lo + 1) - left in bounds:
            lo += 1  # 承担着|慢性病筛查: the verb's particle, never the point's first word
        torn.add(folded[it.phrase.start : lo])
        if (lo, hi) == (it.phrase.start, it.phrase.end):
            items.append(it)
            continue
        context = it.context
        phrase = Span(folded[lo:hi], lo, hi)
        if (context.start, context.end) == (it.phrase.start, it.phrase.end):
            context = phrase  # a context that was the phrase itself stays so
        elif context.start > lo or context.end < hi:
            start, end = min(context.start, lo), max(context.end, hi)
            context = Span(folded[start:end], start, end)
        items.append(Item(phrase, context))
    if all(a is b for a, b in zip(items, e.items, strict=True)):
        return e
    shared = e.shared
    if shared and len(torn) == 1 and "" not in torn:
        shared += torn.pop()  # 是 + 否: the word every item was cut from
    lead = e.lead
    first = items[0].phrase.start
    if lead is not None and lead.end == e.items[0].phrase.start and first > lead.end:
        lead = Span(folded[lead.start : first], lead.start, first)
    return replace(e, items=tuple(items), shared=shared, lead=lead)


_SENTENCE_ENDS = "。!?;\n"
_WINDOW = 80
"""Characters either side of an item read for the words it may cut."""
_WHOLE_CLAUSE_STYLES = frozenset(
    {"ordinal", "semicolon", "openers", "paragraphs", "headings", "framed", "colon"}
)
"""Lists whose items are whole clauses, cut short only by a length limit: an item
ending inside a word was truncated. The items of a 、 series end where the words
they share begin (可持续、常态化、高质量|发展) and keep their ends."""
