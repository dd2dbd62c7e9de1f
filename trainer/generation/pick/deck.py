"""Stage 5, pick: the deck a tutor would hand over, not every card the rules found.

A tutor makes about 12 to 20 cards for an article of ordinary length (rubric), so
the deck has a budget that grows with the article (:func:`budget`). When the rules
found more, the cards that teach least go first (:func:`value`):

* the argument-structure card, Q&A cards and lists always stay (they carry the
  article's points and enumerations);
* a 金句 or key-term cloze that blanks a 规范表述, a quoted coined term or a
  document name always stays (the terms a student must write from memory);
* the rest are ranked by what their sentence does (论点, 分论点, 对策, 问题, 原因,
  危害, 意义 before 论据, 背景, 过渡) and by how much their blanks hold, and the
  lowest are dropped until the deck fits.

A deck never loses a card it would need to keep a point: only clozes without a
standing term are ever dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from trainer.domain.model import Note
from trainer.generation.detect.enumtypes import Enumeration
from trainer.generation.detect.figures import figures, has_figure
from trainer.generation.lexicon import kind_words
from trainer.generation.provenance import Origin
from trainer.generation.text import between_marks

__all__ = ["budget", "choose", "examples", "narrates_case", "rank", "tidy", "value"]

Made = tuple[Note, Origin]

_MIN, _MAX = 12, 20
_CHARS_PER_CARD = 90
"""An ordinary article (about 1,100 to 1,800 characters) gets 12 to 20 cards."""
_LONG_CHARS_PER_CARD = 110
"""Past the ordinary length, one more card per this many characters."""
_CEILING = 40
"""The most cards any article gets, a long speech or report included: past it the
clozes that teach least (:func:`rank`) go, whatever their value."""
_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")
_ARGUMENT = frozenset({"论点", "分论点", "对策", "问题", "原因", "危害", "意义"})
_STRONG_GOLDEN = frozenset(
    {
        "cloze.golden.parallel",
        "cloze.golden.saying",
        "cloze.golden.section",
        "cloze.golden.judgement",
        "cloze.golden.couplet",
        "cloze.golden.conclusion",
        "cloze.golden.maxim",
        "cloze.two_points",
    }
)
"""金句 rules a tutor keeps as they come: quotations, couplets, 排比, dialectical lines."""
_KEEP = 1000.0


def budget(chars: int) -> int:
    """Cards for an article of ``chars`` characters: 12 to 20 for an ordinary one,
    growing slowly past that (a long report is several articles' worth). The clozes
    of least value go to meet it; :data:`_CEILING` is the hard limit (a tutor's deck
    for a long speech is still one evening's work)."""
    ordinary = _MAX * _CHARS_PER_CARD
    if chars <= ordinary:
        return max(_MIN, min(_MAX, round(chars / _CHARS_PER_CARD)))
    return _MAX + round((chars - ordinary) / _LONG_CHARS_PER_CARD)


def value(note: Note, origin: Origin, standing: frozenset[str], folded: str) -> float:
    """How much a card teaches; ``_KEEP`` or more means it always stays.

    Only two kinds of card may go: a key-term cloze on a sentence with no argument
    function (背景, 论据, 过渡: rubric LOW, STAT) and a series cloze outside a 对策,
    论点 or 意义 sentence (the members of an example list, or one-word members of a
    problem's symptoms, which carry little; members of three characters or more in a
    问题, 原因 or 危害 sentence, or built on one pattern in any sentence, are points
    and stay). Neither goes if it blanks a
    term that stands on its own: ``standing`` (the 规范表述 of the shipped list), a
    quoted (“…”) or named (《…》) term of ``folded``."""
    blanks = _BLANK.findall(note.text)
    if not blanks or origin.function == "金句":
        return _KEEP  # not a cloze (lists, Q&A, the structure card), or a 金句
    low = (
        origin.rule in _TERM_RULES
        and origin.function in _LOW
        and all(len(b) < _NAME for b in blanks)
    ) or (
        origin.rule == "cloze.series"
        and origin.function in _SERIES_LOW
        and not (origin.function in _POINTS and min(len(b) for b in blanks) >= _PHRASE)
        and not _built_alike(note.text)
    )
    if not low or any(_stands(b, standing, folded) for b in blanks):
        return _KEEP
    return float(sum(min(len(b), 8) for b in blanks)) - (20 if origin.function in _LOW else 0)


_LOW = frozenset({"背景", "论据", "过渡"})
_SERIES_LOW = frozenset({"问题", "原因", "危害", "背景", "论据", "过渡"})
_NAME = 4
_POINTS = frozenset({"问题", "原因", "危害"})
_PHRASE = 3
"""Series members this long in a sentence naming problems, causes or harms are its
points (审批环节多、办事周期长), which a tutor asks; shorter ones (不足、不清) are the
ends of one phrase."""
"""A blank this long is a name or a compound term, worth a card from any sentence."""


_NUMBERED_BLANK = re.compile(r"\{\{c(\d+)::(.*?)\}\}")


def _built_alike(text: str) -> bool:
    """A deletion of two or more phrases of three characters or more built on one
    pattern, sharing their first or their last character (不自省、不警惕、不努力;
    有送必检、随送随检; 流动快检、执法抽检、市场自检; not 不足、不清, the ends of one
    phrase). Such a series names points even in a 背景 or 论据 sentence (the rule that
    made the card admits it for that reason), so the budget keeps it."""
    groups: dict[str, list[str]] = {}
    for number, blank in _NUMBERED_BLANK.findall(text):
        groups.setdefault(number, []).append(blank.strip("“”"))
    return any(
        len(g) >= 2
        and min(len(b) for b in g) >= _PHRASE
        and (len({b[0] for b in g}) == 1 or len({b[-1] for b in g}) == 1)
        for g in groups.values()
    )


def _stands(blank: str, standing: frozenset[str], folded: str) -> bool:
    core = blank.strip('“”‘’"《》')
    return core in standing or f"“{core}”" in folded or f"《{core}》" in folded


def choose(made: list[Made], chars: int, standing: frozenset[str], folded: str) -> list[Made]:
    """``made`` without its least valuable clozes, down to :func:`budget` cards where
    it can; order kept. First the low clozes (:func:`value`), then key-term and
    series clozes whose every blank another card asks already (rubric: DUP); past
    :data:`_CEILING` cards, the lowest-ranked key-term clozes (:func:`rank`)."""
    limit = budget(chars)
    if len(made) <= min(limit, _CEILING):
        return made
    ranked = sorted(
        range(len(made)),
        key=lambda k: (value(made[k][0], made[k][1], standing, folded), -k),
    )
    drop: set[int] = set()
    excess = max(0, len(made) - limit)
    for k in ranked:
        if len(drop) >= excess:
            break
        if value(made[k][0], made[k][1], standing, folded) >= _KEEP:
            break
        drop.add(k)
    asked: Counter[str] = Counter()
    for j, (n, _o) in enumerate(made):
        if j not in drop:
            asked.update(set(_BLANK.findall(n.text)))  # clozes only: others hold none
    for k in reversed(range(len(made))):
        if len(drop) >= excess:
            break
        if k not in drop and _asked_elsewhere(made[k], asked):
            drop.add(k)
            asked.subtract(set(_BLANK.findall(made[k][0].text)))
    over = len(made) - len(drop) - _CEILING
    if over > 0:
        drop |= _least(made, drop, over, standing, folded)
    return [m for k, m in enumerate(made) if k not in drop]


def rank(note: Note, origin: Origin, standing: frozenset[str], folded: str) -> int:
    """Where a card stands when a deck is still over budget, 0 first (rubric: what a
    good deck holds):

    0. lists and Q&A of the argument, 金句 that quote or balance
       (:data:`_STRONG_GOLDEN`), clozes of a term that stands on its own (a 规范表述,
       a quoted or named term);
    1. other 金句, and the clozes of a sentence's form (a series, a predicate, the
       clauses of a claim);
    2. key-term clozes of 对策, 意义, 问题, 原因 and 危害 sentences, and lists of
       background or evidence;
    3. key-term clozes of 论点 and 分论点 sentences (the structure card and the list
       of 分论点 ask those sentences already) and of background or transitions;
    4. key-term clozes of evidence (论据: examples, figures, cases)."""
    blanks = _BLANK.findall(note.text)
    function = origin.function
    if not blanks:  # a list or a Q&A
        return 0 if function not in _LOW else 2
    if origin.rule in _STRONG_GOLDEN or any(_stands(b, standing, folded) for b in blanks):
        return 0
    if origin.rule not in _TERM_RULES:
        return 1
    if function == "论据":
        return 4
    if function in _LOW or function in _STRUCTURE:
        return 3
    return 2


_STRUCTURE = frozenset({"论点", "分论点"})
_FLOOR_RANK = 3
"""Cards ranked below this (0 to 2) are never dropped for the ceiling: dropping
the key-term clozes of 对策 or 问题 sentences, or lists and 金句, costs the judged GOOD
cards as much as the TRIVIAL ones."""


def _least(
    made: list[Made], drop: set[int], count: int, standing: frozenset[str], folded: str
) -> set[int]:
    """``count`` cards of ``made`` (not yet in ``drop``) that teach least by
    :func:`rank`, the structure card never among them; among cards of one rank the
    one whose section keeps the most cards goes first, so that no section is left
    without cards while another keeps many (a long article's last sections are
    points too), then the later one."""
    left = [k for k in range(len(made)) if k not in drop]
    ranks = {k: rank(made[k][0], made[k][1], standing, folded) for k in left}
    per: Counter[str] = Counter(made[k][0].source.section for k in left)
    out: set[int] = set()
    while len(out) < count:
        open_ = [k for k in left if k not in out and ranks[k] >= _FLOOR_RANK]
        if not open_:
            break
        k = max(open_, key=lambda j: (ranks[j], per[made[j][0].source.section], j))
        out.add(k)
        per[made[k][0].source.section] -= 1
    return out


_TERM_RULES = frozenset({"cloze.term", "cloze.keyterm.model"})
_PLAIN_CLOZES = _TERM_RULES | {"cloze.series"}


LEARNED_GOLDEN = "cloze.golden.model"
"""The rule of a 金句 the learned model finds and no rule does: right about a quarter
of the time against the labelled articles, so tidying treats it as a plain cloze (no
exemption for figures, merged with the clozes on its sentence, dropped when a list on
its sentence asks its blanks)."""
_TIDIED = _PLAIN_CLOZES | {LEARNED_GOLDEN}


def _firm_golden(origin: Origin) -> bool:
    """A 金句 one of the rules found (not a learned guess)."""
    return origin.function == "金句" and origin.rule != LEARNED_GOLDEN


def _asked_elsewhere(card: Made, asked: Counter[str]) -> bool:
    """A key-term or series cloze whose every blank is a blank of another card still in
    the deck (``asked`` counts the cards asking each blank): the same point carded
    twice."""
    note, origin = card
    if origin.rule not in _PLAIN_CLOZES or origin.function == "金句":
        return False
    mine = set(_BLANK.findall(note.text))
    return bool(mine) and all(asked[b] >= 2 for b in mine)


_EXAMPLE_MARKERS = ("例如", "比如", "譬如", "诸如", "如")
"""Words that open a list of examples (如虚拟现实、增强现实、人工智能等): instances of a
point, not points (rubric: LOW, STAT; the guide does not label them)."""


def examples(e: Enumeration, folded: str) -> bool:
    """An inline list whose first item follows an example marker (如, 例如…) or 作为,
    a comma or nothing between them, or whose last item is followed by 等 and the
    class of names its members belong to (等领域, 等多领域, 等品牌)."""
    if e.style not in {"inline", "series"} or not e.items:
        return False
    before = folded[max(0, e.items[0].phrase.start - 3) : e.items[0].phrase.start]
    before = before.rstrip(",:、 ")
    if before.endswith(_EXAMPLE_MARKERS + _IDENTITY_MARKERS):
        return True
    after = folded[e.items[-1].phrase.end : e.items[-1].phrase.end + 6]
    if _NAMED_CLASS.match(after) is None:
        return False
    return not _measure_scope(folded, e.items[0].phrase.start)


def _measure_scope(folded: str, start: int) -> bool:
    """A series right after a measure's verb (强化养老托育、家政便民……等领域供给):
    the fields the measure covers, its points, not instances named as evidence."""
    from trainer.generation.lexicon import kind_words

    before = folded[max(0, start - 2) : start]
    return before in kind_words("policy_verbs", "verbs")


_IDENTITY_MARKERS = ("作为",)
"""A series after 作为 (中国作为经济大国、科技大国、工业大国) says what the subject is,
the background of a claim, not points of it."""
_NAMED_CLASS = re.compile(r"^等(?:多个?|诸多|众多)?(?:领域|行业|品牌|企业|平台)")
"""A series closed by 等 and the class its members belong to (新能源汽车、智能手机等领域,
财税、金融等多领域): instances named as evidence, not points."""


_SPANS = re.compile(r"^从[\u4e00-\u9fff]{4,8}到[\u4e00-\u9fff]{4,8}$")
"""An item naming a stretch between two names (从大兴安岭到秦巴山区, 从黄土高坡到云贵
高原): the scene of a point, not a point (the guide does not label places or times).
Stages of two or three characters (从空想到科学, 从站起来到富起来) stay points."""


def not_points(e: Enumeration, folded: str) -> bool:
    """A list a tutor would not ask: examples (:func:`examples`) or items that are all
    stretches of places or times."""
    if examples(e, folded):
        return True
    items = [folded[it.phrase.start : it.phrase.end] for it in e.items]
    return bool(items) and all(_SPANS.match(i) for i in items)


def tidy(made: list[Made], standing: frozenset[str], folded: str) -> list[Made]:
    """``made`` without the cards a tutor throws away whatever the budget, order kept:

    * a statistic (rubric: STAT): a cloze outside a 金句 whose blanks hold no standing
      term and whose sentence reports figures (1600 万辆, 5.4%, 749 件): two or more,
      or one in a background line or a numbered data line; a cloze outside a 金句
      whose every blank is a place in a ranking (全球第一); and a list whose items
      are figures or serial numbers (十三号、十四号);
    * a 金句 on a line of a study note's advice to the student (:func:`_advice`), or
      on a question or an example (:func:`_unquotable`), and a list read off a
      question (:func:`_asking_list`);
    * the same point carded twice (rubric: DUP): clozes on one sentence become one
      cloze holding every blank (:func:`_merged`), and a cloze asking two or more
      items of a list on the same sentence, and nothing else, goes (the list asks
      them already); so does a cloze on a sentence that is an item of a list
      (:func:`_an_item`) when another cloze asks each of its blanks too (no term
      loses its one test).

    A dated event of a material, or the scene of a story (:func:`_dated`), makes no
    cloze either."""
    kept = [
        m
        for m in made
        if not _statistic(m, standing, folded)
        and not _case_cloze(m, standing, folded)
        and not _dated(m, standing, folded)
        and not _advice(m, folded)
        and not _aside(m, standing, folded)
        and not _unquotable(m, standing, folded)
        and not _asking_list(m, folded)
    ]
    kept = _merged(kept)
    lists = [(n.source.start, n.source.end, n.items) for n, o in kept if _is_list(o)]
    kept = [c for m in kept if (c := _released(m, lists, standing, folded)) is not None]
    kept = _one_reading(kept, standing, folded)
    asked: Counter[str] = Counter()
    for n, _o in kept:
        asked.update(set(_BLANK.findall(n.text)))
    out: list[Made] = []
    for m in kept:
        mine = set(_BLANK.findall(m[0].text))
        if mine and all(asked[b] >= 2 for b in mine) and _an_item(m, lists, standing, folded):
            asked.subtract(mine)
            continue
        out.append(m)
    return out


_ASIDE_RULES = frozenset({"cloze.golden.point", "cloze.two_points"})
"""Rules that card a sentence for its claim (a heading's point, 既……又): on a
background or transition sentence there is no claim to ask."""
_ASIDE_FUNCTIONS = frozenset({"背景", "过渡"})
_QUESTION_ENDS = ("？", "?")


def _aside(card: Made, standing: frozenset[str], folded: str) -> bool:
    """A cloze that asks no point (rubric: LOW, TRIVIAL), unless a blank stands on its
    own (a 规范表述, a quoted or named term):

    * a key-term, series or learned 金句 cloze, or a claim cloze (:data:`_ASIDE_RULES`),
      on a question (有无资格……？): a rhetorical or transition question, whose answer
      the next sentences give;
    * a heading's-point cloze on a background or transition sentence of prose (如今，
      ……已基本成型), not a note's labelled line nor a two-point form.
    """
    note, origin = card
    if origin.rule in _ASIDE_RULES:
        blanks = _BLANK.findall(note.text)
        if not blanks or any(_stands(b, standing, folded) for b in blanks):
            return False
    elif not _plain_blanks(card, standing, folded):
        return False
    told = _sentence_of(folded, note.source.start, note.source.end).rstrip()
    if told.endswith(_QUESTION_ENDS):
        return True
    labelled = any(mark in told for mark in _LABEL_MARKS)
    # A two-point form (不仅……而且, 既……又) states a claim whatever opens the sentence
    # (在新征程上, a time phrase the classifier reads as background).
    claim = origin.rule in _ASIDE_RULES and origin.rule != "cloze.two_points"
    return claim and origin.function in _ASIDE_FUNCTIONS and not labelled


_LABEL_MARKS = ("：", ":")
"""A line of a note under a label (对策：走出惯性思维，……; 宜昌：……) states a point
whatever its sentence is classed as: its claim cloze stays."""


_QUOTING = frozenset({"cloze.golden.saying", "cloze.golden.maxim"})
"""金句 rules that card a quotation: the words quoted are the point, whoever is told."""
_CLOSING_QUOTES = "”’\"' "


def _unquotable(card: Made, standing: frozenset[str], folded: str) -> bool:
    """A 金句 card, not a quotation, on a line nobody quotes in an essay (rubric: TAG,
    LOW; ``GUIDE.md``: not description):

    * a question (我们更想知道：……他们究竟如何实现逆转？; 面对“……？……？”), which
      leads into the sentences that answer it, unless a blank stands on its own;
    * an example, opening with an example marker (比如安全生产，……): a case of a
      point, not the point; a 规范表述 blanked there is the case's name (安全生产),
      only a quoted or named term (“枫桥经验”, 《……》) keeps the card."""
    note, origin = card
    if origin.function != "金句" or origin.rule in _QUOTING:
        return False
    blanks = _BLANK.findall(note.text)
    told = _sentence_of(folded, note.source.start, note.source.end).rstrip(_CLOSING_QUOTES)
    if told.lstrip(_CLOSING_QUOTES).startswith(kind_words("case_marks", "opener")):
        return not any(_stands(b, frozenset(), folded) for b in blanks)
    if any(_stands(b, standing, folded) for b in blanks):
        return False
    return told.endswith(_QUESTION_ENDS)


_ASKED_LISTS = frozenset({"list.parallel"})
"""Lists of parallel clauses (一次次落后，一分分咬回，一场场硬仗): on a question they
set it. A list of phrases inside a question (为什么……从空想到科学、从理论到实践……的
历程？) may name points the question takes as given, so it stays."""


def _asking_list(card: Made, folded: str) -> bool:
    """A list read off a question (我们更想知道：一次次落后，一分分咬回，一场场硬仗，他们
    究竟如何实现逆转？): its items set the question, the sentences after answer it, so
    they are no points to recall (rubric: LOW, PRM)."""
    note, origin = card
    if origin.rule not in _ASKED_LISTS:
        return False
    start, end = between_marks(folded, note.source.start, note.source.end - 1, _ENDS)
    return folded[start : end + 1].rstrip(_CLOSING_QUOTES).endswith(_QUESTION_ENDS)


def _advice(card: Made, folded: str) -> bool:
    """A 金句 card on a line where a study note talks to the student about writing
    (这话不能说错，但说浅了; 很多同学一写……; 这句话，申论能用: ``data/part_labels.txt``,
    commentary): the note's advice, not a line to quote (rubric: TAG)."""
    note, origin = card
    if origin.function != "金句" or origin.rule in _QUOTING:
        return False
    told = _sentence_of(folded, note.source.start, note.source.end)
    return any(w in told for w in kind_words("part_labels", "commentary"))


def _case_cloze(card: Made, standing: frozenset[str], folded: str) -> bool:
    """A card on a sentence that narrates one case (:func:`narrates_case`) and asks
    no term that stands on its own: the names of a case (a nickname, a village's
    choir, a prize) are not what a student recalls (rubric: LOW, STAT).

    Key-term, series and learned 金句 clozes go, and lists read off such a sentence.
    Where the sentence is about a person of some age or opens as an example (比如,
    以……为例), a quoted name is the case's own name: only a 规范表述 or a 《named》
    document saves the card; elsewhere (a place, an edition) a quoted coined term does
    too."""
    note, origin = card
    if origin.rule in _SENTENCE_LISTS:
        told, asked = _sentence_of(folded, note.source.start, note.source.end), list(note.items)
    elif origin.rule in _TIDIED and not _firm_golden(origin):
        told = _sentence_of(folded, note.source.start, note.source.end)
        asked = _BLANK.findall(note.text)
    else:
        return False
    if not asked or not narrates_case(told):
        return False
    if _case_marks(strict=True).search(told):
        return not any(b.strip('“”‘’"') in standing or b.startswith("《") for b in asked)
    return not any(_stands(b, standing, folded) for b in asked)


def _plain_blanks(card: Made, standing: frozenset[str], folded: str) -> list[str]:
    """The blanks of a key-term, series or learned 金句 cloze none of whose blanks stands
    on its own (a 规范表述, a quoted or named term); empty for any other card: the
    cards a rule of card choice may drop without losing a term."""
    note, origin = card
    if origin.rule not in _TIDIED or _firm_golden(origin):
        return []
    blanks = _BLANK.findall(note.text)
    if any(_stands(b, standing, folded) for b in blanks):
        return []
    return blanks


_FOUR = 4
"""Characters of a 四字格 member: a series of them is a coinage, not a story's detail."""


def _dated(card: Made, standing: frozenset[str], folded: str) -> bool:
    """A key-term, series or learned 金句 cloze on a sentence that opens by dating one
    event (2020 年 3 月，M 市 F 银行召开了……; 2021 年底，张经理又……) and asks no
    term that stands on its own: a material's story, whose names and projects nobody
    recalls (rubric: LOW, STAT). Words after the year: ``data/case_marks.txt``. So
    does a background or evidence sentence opening on a story's scene (近日, 走进车间,
    眼下: ``data/case_marks.txt``, scene), unless its blanks are four-character members
    built alike."""
    note = card[0]
    blanks = _plain_blanks(card, standing, folded)
    if not blanks:
        return False
    told = _sentence_of(folded, note.source.start, note.source.end)
    if card[1].function in _LOW and told.lstrip().startswith(kind_words("case_marks", "scene")):
        # four-character members built alike (有求必应、随到随办) are the scene's point
        return not (len(blanks) >= 2 and all(len(b) == _FOUR for b in blanks))
    return _date_opening().match(told) is not None


@cache
def _date_opening() -> re.Pattern[str]:
    """A year, then a month (3 月, 3 月 5 日) or a word of ``dated`` (底, 初…), then
    a comma, at the start: the date of what the clause tells (not 2020年初春的疫情是……,
    a subject the date describes)."""
    words = "|".join(map(re.escape, sorted(kind_words("case_marks", "dated"), key=len)[::-1]))
    day = r"[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?"
    return re.compile(rf"^\s*[0-9０-９]{{4}}\s*年\s*(?:{day}|(?:{words}))\s*[，,]")


def _sentence_of(folded: str, start: int, end: int) -> str:
    """The sentences of ``folded`` holding ``start`` to ``end`` (a list's source may
    begin at its first item, after the words that say what the sentence does)."""
    return folded[between_marks(folded, start, end, _ENDS)[0] : end]


_ENDS = ("。", "!", "?", "！", "？", "\n")
_SENTENCE_LISTS = frozenset(
    {"list.inline", "list.semicolon", "list.series", "list.clauses", "list.quoted"}
)
"""Lists read off the sentences of one passage (not headings or numbered points)."""
_NAME_CHAR = "[^\\W\\d_a-zA-Z的之和与及、各全本该]"
"""A character of a place's name: not a particle, a conjunction or a determiner (全市的
小区 names no place)."""


@cache
def _case_marks(strict: bool) -> re.Pattern[str]:
    """The marks of a case: a person's age and an example's opener (``strict``: the
    story of one person or one example), or those and a real place two tiers deep
    (临沂市沂水县) or an edition (第二届…大赛)."""

    def alt(kind: str) -> str:
        return "|".join(map(re.escape, sorted(kind_words("case_marks", kind), key=len)[::-1]))

    person = (
        r"[0-9０-９]+\s*岁"  # 43岁的车间工人
        rf"|^\s*(?:{alt('opener')})"  # 比如山东临沂……
        r"|^\s*以[^,:;，。：；]{1,12}为例"
    )
    if strict:
        return re.compile(person)
    upper, lower = alt("upper"), alt("lower")
    return re.compile(
        person
        + rf"|{_NAME_CHAR}{{2,3}}(?:{upper}){_NAME_CHAR}{{2,4}}(?:{lower})"
        + r"|第[0-9０-９一二三四五六七八九十]+届"
    )


def narrates_case(sentence: str) -> bool:
    """``sentence`` tells one case, not a point: a person's age, a real place two
    tiers deep (临沂市沂水县), an edition (第二届…大赛), or it opens with an example
    marker (比如, 以……为例). Words of the marks: ``data/case_marks.txt``. (A place
    coded by a letter, A市, is the material itself in an exam paper, not a case.)"""
    return _case_marks(strict=False).search(sentence) is not None


def _is_list(origin: Origin) -> bool:
    return origin.rule.startswith("list.")


def _statistic(card: Made, standing: frozenset[str], folded: str) -> bool:
    """A card on figures nobody needs (:func:`tidy`)."""
    note, origin = card
    if _is_list(origin):
        counted = sum(
            has_figure(i) or i[:1].isdigit() or _SERIAL.match(i) is not None for i in note.items
        )
        return counted * 2 > len(note.items)
    blanks = _BLANK.findall(note.text)
    if not blanks or _firm_golden(origin):
        return False
    if all(_RANK.search(b) for b in blanks):
        return True  # {{货物贸易全球第一}}、{{服务贸易全球第二}}: places in a table
    plain = _BLANK.sub(lambda m: m.group(1), note.text)
    count = figures(plain)
    if not count or any(_stands(b, standing, folded) for b in blanks):
        return False
    if _outnumbers(note.text, count):
        return False
    return count >= 2 or origin.function in _SCENE or _NUMBERED.match(plain) is not None


def _outnumbers(text: str, count: int) -> bool:
    """A series of members holding no figure, more of them than the sentence has
    figures (免交学费、学杂费、住宿费 after 投入 3000 万元资助 2 万名学生): the series
    is what the sentence says and the figures its setting, so the card asks points,
    not a statistic. A series matched by as many figures (粮食、棉花、油料产量分别增长
    5%、3%、2%) is a table's rows."""
    groups: dict[str, list[str]] = {}
    for number, blank in _NUMBERED_BLANK.findall(text):
        groups.setdefault(number, []).append(blank)
    return any(
        len(g) >= 2 and len(g) > count and not any(has_figure(b) for b in g)
        for g in groups.values()
    )


_RANK = re.compile(r"第[0-9０-９零〇一二三四五六七八九十百两]+[”\"]?$")
"""A place in a ranking closing a blank (全球第一, 全国第二; not 第一书记): a figure,
not a term (rubric: STAT)."""
_SERIAL = re.compile(r"^第?[零〇一二三四五六七八九十百千两]+[号届期批次]$")
"""A serial number as an item (神舟十三号、十四号、十五号): a name's figure, not a point."""
_SCENE = frozenset({"背景", "过渡"})
_NUMBERED = re.compile(r"^\s*[0-9]+[.、．]")
"""A line of a numbered data sheet (2. 赤字率拟按 4% 左右安排)."""


def _merged(made: list[Made]) -> list[Made]:
    """Key-term and series clozes on the same sentence as one cloze: the first one's
    text with every other one's blanks added, unless blanks would cut each other,
    hide more than half of it or ask more than three questions; each card's blanks
    keep a number of their own (c1, c2… renumbered in order). A 金句 keeps its own
    card, and takes in the clozes of its sentence that fit (:func:`_into_golden`)."""
    first: dict[tuple[int, int], int] = {}
    out: list[Made] = []
    spans_of: dict[str, set[tuple[int, int]]] = {}
    for n, _o in made:
        for b in _BLANK.findall(n.text):
            spans_of.setdefault(b, set()).add((n.source.start, n.source.end))
    for note, origin in made:
        blanks = _BLANK.findall(note.text)
        span = (note.source.start, note.source.end)
        if origin.rule not in _TIDIED or _firm_golden(origin) or not blanks:
            out.append((note, origin))
            continue
        at = first.get(span)
        if at is None:
            first[span] = len(out)
            out.append((note, origin))
            continue
        joined = _join(out[at][0].text, note.text)
        if joined is None:
            joined = _join_giving_up(out[at][0].text, note.text, spans_of, span)
        if joined is not None:
            kept_note, kept_origin = out[at]
            out[at] = (replace(kept_note, text=joined), kept_origin)
        else:
            out.append((note, origin))
    return _into_golden(out)


_SEPARATORS = ("，", "；", "：", "。", "、", "“", "”", ",", ";", ":")


def _join_giving_up(
    a: str, b: str, spans_of: dict[str, set[tuple[int, int]]], span: tuple[int, int]
) -> str | None:
    """:func:`_join` of ``a`` and ``b`` after ``a`` lets go of blanks another
    sentence's card asks too (``spans_of``: the sentences where each blank is asked),
    the last first, one at a time, until the two fit (rubric: DUP): one card for the
    sentence, and no term left untested. A blank alone in its clause or item (between
    marks of punctuation) stays: it may be the one test of that point of a list.
    None if they never fit."""
    marks = list(_MARK.finditer(a))
    loose = [m for m in reversed(marks) if spans_of.get(m.group(2), set()) - {span}]
    if not loose or len(loose) == len(marks):
        return None  # nothing to give up, or nothing of ``a`` would stay asked
    plain, mine = _marks(a)
    theirs = _marks(b)[1]
    text = a
    for m in loose:
        k = marks.index(m)
        s, e, _n = mine[k]
        lo, hi = between_marks(plain, s, e, _SEPARATORS)
        others = [x for j, x in enumerate(mine) if j != k] + theirs
        if not any(s2 < hi and lo < e2 for s2, e2, _n2 in others):
            continue  # alone in its clause: the one test of it
        text = text[: m.start()] + m.group(2) + text[m.end() :]  # from the end: offsets hold
        joined = _join(text, b)
        if joined is not None:
            return joined
    return None


def _into_golden(made: list[Made]) -> list[Made]:
    """A key-term or series cloze on the sentence of a 金句 card joins that card when
    their blanks fit together (:func:`_join`): one sentence, one card (rubric: DUP).
    The 金句 keeps its rule; the cloze that joined it is gone, and so is a series
    cloze that cannot join a two-point card (既……又, 不是……而是) on its sentence and
    blanks the same words (the same point carded twice); a series of other words
    in it is a point of its own."""
    golden = {
        (n.source.start, n.source.end): k
        for k, (n, o) in enumerate(made)
        if _firm_golden(o) and _BLANK.search(n.text)
    }
    if not golden:
        return made
    out = list(made)
    gone: set[int] = set()
    for k, (note, origin) in enumerate(made):
        at = golden.get((note.source.start, note.source.end))
        if at is None or origin.rule not in _TIDIED or _firm_golden(origin):
            continue
        joined = _join(out[at][0].text, note.text)
        if joined is not None:
            out[at] = (replace(out[at][0], text=joined), out[at][1])
            gone.add(k)
        elif (
            out[at][1].rule == _TWO_POINTS
            and origin.rule == _SERIES
            and _overlaps(made[at][0].text, note.text)
        ):
            gone.add(k)  # a series inside the two halves asks the same point again
    return [m for k, m in enumerate(out) if k not in gone]


_TWO_POINTS = "cloze.two_points"
_SERIES = "cloze.series"


def _overlaps(two: str, series: str) -> bool:
    """A series cloze whose members (the blanks sharing one number, else all its
    blanks) overlap a blank of a two-point cloze on the same sentence, other than a
    word inside one member (深度 in 深度交流): the same words asked twice."""
    plain, halves = _marks(two)
    other, blanks = _marks(series)
    numbers = [n for _s, _e, n in blanks]
    members = [(s, e) for s, e, n in blanks if numbers.count(n) >= 2] or [
        (s, e) for s, e, _n in blanks
    ]
    return plain == other and any(
        s < e2 and s2 < e and not (s <= s2 and e2 <= e) for s, e in members for s2, e2, _n in halves
    )


_QUESTIONS = 3
"""At most this many questions (c1…c3) on one cloze card (a series shares a number)."""
_MARK = re.compile(r"\{\{c(\d+)::(.*?)\}\}")


def _marks(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The plain sentence and its blanks as (start, end, number) in it."""
    plain: list[str] = []
    spans: list[tuple[int, int, int]] = []
    at = size = 0
    for m in _MARK.finditer(text):
        plain.append(text[at : m.start()])
        size += m.start() - at
        spans.append((size, size + len(m.group(2)), int(m.group(1))))
        plain.append(m.group(2))
        size += len(m.group(2))
        at = m.end()
    plain.append(text[at:])
    return "".join(plain), spans


_NEST = 4
"""A blank holding another with at most this many characters more asks the same
point (增强文化自信 and 文化自信)."""


def _nests(s: int, e: int, s2: int, e2: int) -> bool:
    """One span holds the other, the wider longer by at most :data:`_NEST`."""
    inside = (s <= s2 and e2 <= e) or (s2 <= s and e <= e2)
    return inside and abs((e - s) - (e2 - s2)) <= _NEST


def _join(a: str, b: str) -> str | None:
    """One cloze with the blanks of ``a`` and of ``b`` (the same sentence), or None
    when they are not the same sentence or the blanks would hide more than half.

    A blank of ``b`` equal to one of ``a``, or holding it with a few characters more
    (a series member 增强文化自信 around the term 文化自信), asks with it: the wider
    one stays, under the number of ``a``'s blank, and its series with it. Blanks that
    cross each other otherwise are two readings: no join."""
    plain, mine = _marks(a)
    other_plain, theirs = _marks(b)
    if plain != other_plain:
        return None
    top = max((n for *_s, n in mine), default=0)
    spans = list(mine)
    number: dict[int, int] = {}
    for s, e, n in theirs:  # a series sharing a member with a blank asks with it
        for k, (s2, e2, n2) in enumerate(spans):
            if _nests(s, e, s2, e2):
                number.setdefault(n, n2)
                spans[k] = (min(s, s2), max(e, e2), n2)
    for s, e, n in theirs:
        if any(_nests(s, e, s2, e2) for s2, e2, _n in spans):
            continue
        if any(s < e2 and s2 < e for s2, e2, _n in spans):
            return None  # blanks that cut each other: two readings, two cards
        spans.append((s, e, number.get(n, top + n)))
    if len(spans) == len(mine):
        return a
    if sum(e - s for s, e, _n in spans) * 2 > len(plain):
        return None
    if len({n for _s, _e, n in spans}) > _QUESTIONS:
        return None
    return _rebuilt(plain, spans)


_CONTEXT = re.compile(r"^〔[^〕]*〕")
_UNMARKED = re.compile(r"[\W_]+")


def _an_item(
    card: Made,
    lists: list[tuple[int, int, tuple[str, ...]]],
    standing: frozenset[str],
    folded: str,
) -> bool:
    """A key-term, series or learned 金句 cloze on a sentence that is itself an item of a
    list whose source holds it (a 分论点 heading among the list of them; 一是治理结构由条块
    分割向整体联动转变 among the three shifts): the item holds at least half of the
    sentence's words and every blank, so the list asks the point already (rubric: DUP);
    a blank outside the item is new information and keeps the card. A blank that
    stands on its own (a 规范表述, a quoted or named term) keeps the card."""
    note = card[0]
    blanks = _plain_blanks(card, standing, folded)
    if not blanks:
        return False
    said = _UNMARKED.sub("", _CONTEXT.sub("", _BLANK.sub(lambda m: m.group(1), note.text)))
    start, end = note.source.start, note.source.end
    for s, e, items in lists:
        if not (s <= start and end <= e):
            continue
        for item in items:
            bare = _UNMARKED.sub("", item)
            if (
                len(bare) >= _ITEM
                and bare in said
                and len(bare) * 2 >= len(said)
                and all(_UNMARKED.sub("", b) in bare for b in blanks)
            ):
                return True
    return False


_ITEM = 4
"""An item shorter than this (政府、企业) is a word of its sentence, not the sentence."""


_HALVES = frozenset({"cloze.two_points", "cloze.golden.couplet"})
"""Cards that blank the two halves of a sentence (既……又, 不是……而是, a couplet):
a series inside one of their halves asks a piece of the same point."""


def _one_reading(made: list[Made], standing: frozenset[str], folded: str) -> list[Made]:
    """One card for a sentence that two clozes read in ways that do not merge (rubric:
    DUP): a key-term or learned 金句 cloze goes where a series cloze asks the same
    sentence (the series is its point: 稳住了阵脚、稳定了人心 before 发展振兴), and a
    series cloze goes inside the sentence of a two-half card (既……又, a couplet)
    whose blanks hold its members (负责{抓落地、抓执行}): the same words asked twice.
    A cloze with a blank that stands on its own (a 规范表述, a quoted or named term)
    or sits inside a quoted phrase (“推动{城乡融合}”, a coined formulation) stays."""
    series = {(n.source.start, n.source.end) for n, o in made if o.rule == _SERIES}
    halves = [n for n, o in made if o.rule in _HALVES]
    out: list[Made] = []
    for note, origin in made:
        span = (note.source.start, note.source.end)
        if _plain_blanks((note, origin), standing, folded) and not _quoted_blank(note.text):
            if origin.rule != _SERIES and span in series and not _holds_series(note.text):
                continue
            if origin.rule == _SERIES and any(_asked_in(h.text, note.text) for h in halves):
                continue
        out.append((note, origin))
    return out


def _holds_series(text: str) -> bool:
    """Two blanks or more under one number: a series (a key-term cloze that took in a
    series cloze of its sentence when they merged)."""
    numbers = [n for _s, _e, n in _marks(text)[1]]
    return any(numbers.count(n) >= 2 for n in set(numbers))


def _quoted_blank(text: str) -> bool:
    """A blank inside a quoted phrase of ``text`` (“推动{{c1::城乡融合}}”)."""
    plain, marks = _marks(text)
    quotes = [(m.start(), m.end()) for m in re.finditer(r"“[^“”]*”", plain)]
    return any(qs < s and e < qe for s, e, _n in marks for qs, qe in quotes)


def _asked_in(two: str, series: str) -> bool:
    """The members of ``series`` (a cloze on a sentence inside ``two``'s) overlap a
    blank of ``two``."""
    plain, halves = _marks(two)
    other, members = _marks(series)
    at = plain.find(other)
    if at < 0:
        return False
    return any(at + s < e2 and s2 < at + e for s, e, _n in members for s2, e2, _n2 in halves)


def _released(
    card: Made,
    lists: list[tuple[int, int, tuple[str, ...]]],
    standing: frozenset[str],
    folded: str,
) -> Made | None:
    """``card`` without the blanks that ask a point a list on its sentence asks (rubric:
    DUP, one card per span and point): a key-term, series or learned 金句 cloze whose
    blank overlaps an item of a list whose source holds the sentence (砥砺前行 among
    锐意进取、砥砺前行、繁荣发展; 智能鸿沟 in the problem 智能鸿沟持续扩大) gives that
    blank up; None when every blank goes. A blank that stands on its own (a 规范表述,
    a quoted or named term) stays: it is a term to recall, not the list's point."""
    note, origin = card
    if origin.rule not in _TIDIED or _firm_golden(origin):
        return card
    start, end = note.source.start, note.source.end
    items = [i for s, e, its in lists if s < end and start < e for i in its]
    if not items:
        return card
    plain, marks = _marks(note.text)
    told = [
        (m.start(), m.end())
        for item in {_UNMARKED.sub("", i) for i in items}
        if len(item) >= _ITEM_CHARS
        for m in re.finditer(re.escape(item), plain)
    ]
    blanks = [plain[s:e] for s, e, _n in marks]
    loose = {
        k
        for k, (s, e, _n) in enumerate(marks)
        if any(s < e2 and s2 < e for s2, e2 in told) and not _stands(blanks[k], standing, folded)
    }
    if not loose:
        return card
    if len(loose) == len(marks):
        return None
    return (
        replace(note, text=_rebuilt(plain, [m for k, m in enumerate(marks) if k not in loose])),
        origin,
    )


_ITEM_CHARS = 1
"""Items this long or longer are looked for in a cloze's sentence (人、地、事、物 too)."""


def _rebuilt(plain: str, spans: list[tuple[int, int, int]]) -> str:
    """``plain`` with a blank on each of ``spans`` (start, end, number), numbers
    renumbered c1, c2… in order of first appearance."""
    order: dict[int, int] = {}
    for _s, _e, n in sorted(spans):
        order.setdefault(n, len(order) + 1)
    parts: list[str] = []
    at = 0
    for s, e, n in sorted(spans):
        parts.append(plain[at:s])
        parts.append(f"{{{{c{order[n]}::{plain[s:e]}}}}}")
        at = e
    parts.append(plain[at:])
    return "".join(parts)
