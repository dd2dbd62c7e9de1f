"""金句: sentences worth memorising word for word, and what to blank in them.

Rules, in order, each general to 申论 prose:

1. a quoted saying: two balanced halves (“脚上有泥,心中有数”) or a seven-character
   line of verse (“一枝一叶总关情”); its halves (or the line) are blanked;
2. balanced parallel clauses sharing a character in the same place
   (``重在新意,胜在诚意``); each clause is blanked;
3. a short aphorism of two or three clauses, opening its paragraph, built of
   four-character halves (``无以规矩,不成方圆``) or standing as a sentence of two
   short clauses anywhere (``变局蕴含机遇,挑战激发斗志``, not a measure such as
   ``压实企业责任,守住质量源头``); its last clause is blanked; an item
   of a ;-list or a labelled note (``困境:……``) is carded as a point, not a saying,
   and a piece of a quotation running over sentences (``回家,……辛苦。”``) not at all;
4. correlative patterns (只有……才……, 要……才能……, 既……又……, 不是……而是……,
   不仅……更……, 越……越……, 没有……就没有……, 是……而不是……, 贵在……更重在……,
   X之于Y,犹如……) and judgements that name a thing's place (``X是Y的内在要求``,
   ``……的必由之路``) in a sentence of moderate length, not a question and not a
   description opening on a time cue (如今, 近年来); look-alikes (越来越, 既然,
   不仅如此, 无论是……还是: ``data/correlative_lookalikes.txt``) are no correlative;
5. a conclusion opened by 说到底/归根结底/总之/一言以蔽之;
6. a sentence that is one short quotation; a short judgement (``X是Y的关键``)
   opening a paragraph, or standing as a sentence of its own anywhere
   (``基层是一切工作的落脚点``), or a short 是/成为 conclusion closing one; a
   numbered line is judged without its number; a leader's, a classic's or a
   proverb's judgement reported whole (``习近平总书记曾指出,……``), not a directive
   (``……强调,要加强……``); any sentence in
   a section of sayings (``【金句积累】``).

Rules 4 and 5 leave the choice of blanks to the key-term ranking.

Never a 金句: a line cut short (``……的方式,。``, ``……等等``), a greeting, blessing
or handing-on line (这一年,……), a piece of
hard-wrapped or gapped text (``data/address_lines.txt``, :mod:`address`), a remark
of an ordinary person quoted in the material (``“……我们哪里懂哦!”``) and a line of a
news report (``12月17日,……回应称``) unless it holds a quoted couplet
(:func:`remark`, :func:`reported`, ``data/remarks.txt``), nor a line handing over to
the points after it (``具体而言,应在以下几个方面下功夫``). A measure heading its
paragraph (``夯实基础研究,筑牢……的根基``) is carded as its 分论点.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from trainer.generation.classify.address import addresses, fragment, leads_on
from trainer.generation.detect.keyterms import VERBS as POLICY_VERBS
from trainer.generation.detect.markers import SENTENCE_NUMBER, find_markers
from trainer.generation.lexicon import kind_words, words
from trainer.generation.memo import current
from trainer.generation.split.words import tag, tokens, verb_like
from trainer.generation.text import CJK, Span, clauses, masked, quoted

_CORRELATIVE = re.compile(
    r"只有.{1,30}才|唯有.{1,30}才|要想?.{1,30}才能|既.{1,20}[又也]|不是.{1,20}而是|"
    r"不仅.{1,30}[更还也]|越.{1,10}越|与其.{1,20}不如|宁可.{1,20}也不|是.{1,20},[也更还]是|"
    r"不在于.{1,20}而在于|不能(?:只|仅|光|单)[^,]{1,16},(?:更|还|而)要|的是[^,]{1,10},[^,]{1,6}的是|"
    r"没有[^,。]{1,20},[^,。]{0,8}就|是[^,。]{1,20},而(?:不是|非)|并非.{1,20}而是|"
    r"不在[^,。]{1,12},而在|一边是[^。]{1,30},另一边是|"
    r"(?:贵|重|难|妙)在[^,。]{1,10},(?:更|也|还)?(?:重|贵|难|妙)在|之于[^,。]{1,10},(?:犹如|好比|正如)|"
    r"是[^,。]{2,24}的(?:内在要求|必然要求|必然选择|必由之路|应有之义|题中应有之义|关键所在|"
    r"根本保证|重要保障|重要抓手|重要引擎|重要着力点|基础条件|生命线|真谛|精髓|要义)|"
    r"没有[^,。]{1,12}就没有|"
    r"([\u4e00-\u9fff]{2,4})就是([\u4e00-\u9fff]{2,4}),\2就是\1|"
    r"[\u4e00-\u9fff]{2,6}得[\u4e00-\u9fff]{1,2},[\u4e00-\u9fff]{2,8}才能|有[\u4e00-\u9fff]{1,3}才有|"
    r"不应该?是[^,。;]{1,20},而应该?是"
)
"""Correlatives and judgements of a quotable line; also 没有A就没有B without a comma, a
chiasmus
(江山就是人民,人民就是江山), a condition met by degree (地基打得牢,大厦才能建得高),
有A才有B and 不应该是A,而应该是B."""
_MAX_PATTERN_SENTENCE = 70


@cache
def _metaphor() -> re.Pattern[str]:
    """X是Y的压舱石: a judging metaphor (``data/judging_metaphors.txt``) closing a
    是……的 phrase, perhaps in quotes."""
    nouns = "|".join(sorted(map(re.escape, words("judging_metaphors")), key=len, reverse=True))
    return re.compile(rf"是[^,。;:]{{2,24}}的[“\"]?(?:{nouns})[”\"]?(?:[,。;!]|$)")


_CONCLUSION = re.compile(r"^(?:说到底|归根结底|归根到底|总之|总而言之|一言以蔽之|由此可见)")
_MAX_PATTERN = 50
_MAX_APHORISM = 16
_DIGIT = re.compile(r"\d")
_MAX_MAXIM = 16
_MAX_CLOSING = 24
_MAX_QUOTE = 32
_MAX_SECTION = 60
_JUDGEMENT = re.compile(r"是|在于|贵在|重在|难在|关键|根本|基石|根基|前提|保障|灵魂|命脉")
_CLOSING = re.compile(r"是|成为|在于|关键|根本")
_NOT_EQUAL = re.compile(r"^([^,;:]{2,8}?)(?:并?不等于|不意味着|不是|并非|不如)([^,;:]{2,8})$")
"""A short judgement ``X不等于Y`` / ``X不是Y`` (“火”起来不等于“炒”起来)."""
_LEAD_IN = 5
_PRONOUN_START = set("这那此其它他她我你")
GOLDEN_SECTION = re.compile(r"金句|名言|佳句|语录|妙语|警句|素材积累")
"""A section of sayings to learn (``【金句积累】``): each sentence in it is a 金句."""


@dataclass(frozen=True, slots=True)
class Golden:
    sentence: Span
    rule: str
    blanks: tuple[Span, ...]
    """Fixed blanks; empty means 'pick by key terms'."""


def _clean(text: str) -> str:
    return text.rstrip(",;:。!?")


def _clause_spans(folded: str, s: Span) -> list[Span]:
    """The clauses of ``s`` without their closing marks (worked out once per sentence
    within :func:`~trainer.generation.memo.one_article`: several rules ask)."""
    memo = current()
    key = ("clause_spans", folded, s)
    got: tuple[Span, ...] | None = memo.get(key) if memo is not None else None
    if got is None:
        out = []
        for c in clauses(folded, s.start, s.end):
            t = _clean(c.text)
            out.append(Span(t, c.start, c.start + len(t)))
        got = tuple(out)
        if memo is not None:
            memo[key] = got
    return list(got)


def _plain(text: str) -> str:
    """``text`` without its quotation marks (itself when it has none: most clauses)."""
    return text.translate(_UNQUOTED) if _QUOTE_MARK.search(text) else text


_UNQUOTED = str.maketrans("", "", '“”「」『』"')
_QUOTE_MARK = re.compile('[“”「」『』"]')


def _balanced(a: str, b: str) -> bool:
    a, b = _plain(a), _plain(b)
    return 3 <= len(a) <= 8 and len(a) == len(b) and not _DIGIT.search(a + b)


def _couplet(a: str, b: str) -> bool:
    """Two halves of a quoted line of verse or a maxim (“一粥一饭,当思来处不易”)."""
    return (
        3 <= len(a) <= 9
        and 3 <= len(b) <= 9
        and abs(len(a) - len(b)) <= 2
        and all(CJK.match(ch) for ch in a + b)
    )


def _whole_quote(folded: str, s: Span) -> Golden | None:
    """A sentence that is one short quotation (``“老吾老,以及人之老。”``)."""
    text = s.text
    if not (text[:1] in "“「『" and text[-1:] in "”」』") or len(text) > _MAX_QUOTE:
        return None
    if any(q in text[1:-1] for q in "“”「」『』"):
        return None
    parts = [p for p in _clause_spans(folded, Span(text[1:-1], s.start + 1, s.end - 1)) if p.text]
    if not parts or not all(CJK.search(p.text) for p in parts):
        return None
    return Golden(s, "saying", (parts[-1],) if len(parts[-1].text) >= 2 else ())


_ATTRIBUTED = re.compile(
    r"^[^“”,。]{2,16}?(?:说|指出|强调|认为|所说|曾说)[:,]?“([^“”]{4,30}[。!?])”$"
)
"""A short quotation with its speaker (邓小平同志说:“改革是中国的第二次革命。”)."""


def _attributed(s: Span) -> Golden | None:
    """A sentence that is a speaker and one short quoted sentence: the quotation is a
    金句; its blank is what follows its 是, else its last clause."""
    m = _ATTRIBUTED.match(s.text)
    if m is None:
        return None
    quote = m.group(1).rstrip("。!?")
    at = s.start + m.start(1)
    cut = quote.find("是")
    if 0 < cut <= len(quote) - 3:
        return Golden(s, "saying", (Span(quote[cut + 1 :], at + cut + 1, at + len(quote)),))
    tail = quote.rsplit(",", 1)[-1]
    return Golden(s, "saying", (Span(tail, at + len(quote) - len(tail), at + len(quote)),))


_AUTHORITY = re.compile(
    r"^(?P<who>[^“”,。:]{0,12}(?:总书记|习近平|主席|古人|先贤|前人|孔子|孟子|荀子|老子|庄子|"
    r"古语|俗话|俗语|谚语|常言))(?:曾经|曾|也|常|早就|早已)?"
    r"(?:说过|说|指出|强调|言道|有言|有云|云|讲)[:,]?(?P<body>“?[^“”]{6,40}?”?)[。!]?$"
)
"""An authority's words reported whole (习近平总书记曾指出,人世间的一切成就……都源于劳动
和创造。孟子有言:……): a leader, a classic or a proverb, then what was said."""


def _authority(s: Span) -> Golden | None:
    """A sentence that is an authority's judgement, quoted or not, of six to forty
    characters: a 金句 (GUIDE: quotations). A directive (要……, 坚持……) is policy,
    not a saying. Its key terms are its blanks."""
    m = _AUTHORITY.match(s.text)
    if m is None:
        return None
    body = m.group("body").strip("“”")
    if not body or _opens_on_verb(body.split(",")[0]) or _DIGIT.search(body):
        return None
    return Golden(s, "saying", ())


def _saying(s: Span) -> Golden | None:
    found = quoted(s.text)
    for phrase, at in found:
        halves = phrase.split(",")
        start = s.start + at
        if len(halves) == 2 and (_balanced(*halves) or _couplet(*halves)):
            a, b = halves
            return Golden(
                s,
                "saying",
                (Span(a, start, start + len(a)), Span(b, start + len(a) + 1, start + len(phrase))),
            )
    for phrase, at in found:
        if len(phrase) == 7 and all(CJK.match(ch) for ch in phrase):
            start = s.start + at
            return Golden(s, "saying", (Span(phrase, start, start + 7),))
    return None


_LONG_PARALLEL = 14
_FUNCTION_START = set("要在让把对将以我你他她它这那是有和与从为被使")


def _with_third(parts: list[Span], j: int) -> tuple[Span, ...]:
    """A parallel pair at ``j``, ``j + 1`` with a third clause of the same build beside
    it (做到适销对路,符合社会需求,满足消费需要: each a verb and its object, alike in
    length): all three are blanked, so the first point is not left showing."""
    pair = (parts[j], parts[j + 1])
    size = len(_plain(pair[0].text))
    if not all(_verb_first(p) for p in pair):
        return pair
    for k in (j - 1, j + 2):
        if 0 <= k < len(parts):
            c = parts[k]
            if abs(len(_plain(c.text)) - size) <= 1 and _verb_first(c):
                three = (c, *pair) if k < j else (*pair, c)
                hidden = sum(len(_plain(t.text)) for t in three)
                if 2 * hidden <= sum(len(_plain(t.text)) for t in parts):
                    return three  # at least half of the sentence stays visible
    return pair


def _verb_first(s: Span) -> bool:
    toks = tokens(_plain(s.text))
    return bool(toks) and len(toks[0][0]) == 2 and verb_like(toks[0][0])


def _parallel(folded: str, s: Span) -> Golden | None:
    """Balanced clauses sharing a character in the same place (重在新意,胜在诚意), or
    two equal clauses of five to eight characters opening alike (一张蓝图绘到底,
    一任接着一任干)."""
    if len(find_markers(s.text, 0)) >= 2:
        return None  # 一是……二是……: the items of a list, whose ordinals share 是
    parts = _clause_spans(folded, s)
    for j, (a, b) in enumerate(itertools.pairwise(parts)):
        x, y = _plain(a.text), _plain(b.text)
        if _balanced(x, y) and any(p == q for p, q in zip(x[1:], y[1:], strict=True)):
            return Golden(s, "parallel", _with_third(parts, j))
        if (
            5 <= len(x) <= 8
            and len(x) == len(y)
            and x[0] == y[0]
            and x[0] not in _FUNCTION_START
            and all(CJK.match(ch) for ch in x + y)
        ):
            return Golden(s, "parallel", (a, b))
        if (
            len(parts) == 2
            and 8 < len(x) <= _LONG_PARALLEL
            and abs(len(x) - len(y)) <= 1
            and x[:2] == y[:2]
            and x[0] not in _FUNCTION_START
            and all(CJK.match(ch) for ch in x + y)
        ):
            # 每一份奔跑都值得被尊重,每一份付出都应当被善待: too long to blank whole,
            # so its key words are blanked.
            return Golden(s, "parallel", ())
    return None


def _aphorism(folded: str, s: Span, opens: bool, closes: bool) -> Golden | None:
    if s.text.count("“") != s.text.count("”"):
        return None  # a piece of a quotation running over several sentences
    bare = strip_numbering(s)  # 3. 艰难方显勇毅,……: the line's number is no part of it
    if bare.start != s.start:
        # A numbered line is an item: where it stands in its paragraph says nothing,
        # and a measure (1. 强化宣传教育,……) is no saying.
        opens = closes = False
    parts = _clause_spans(folded, bare)
    plain = "".join(p.text for p in parts)
    if _DIGIT.search(plain) or s.text.endswith("?") or find_markers(bare.text, 0):
        return None
    if len(parts) == 1:
        if opens and 5 <= len(plain) <= _MAX_MAXIM and _JUDGEMENT.search(plain):
            return Golden(s, "maxim", ())
        if closes and 8 <= len(plain) <= _MAX_CLOSING and _CLOSING.search(plain):
            return Golden(s, "maxim", ())
        if _standalone_judgement(s, plain):
            return Golden(s, "maxim", ())
        return None
    if not 2 <= len(parts) <= 3 or len(plain) > _MAX_APHORISM + (4 if opens else 0):
        return None
    four_four = all(len(p.text) == 4 for p in parts)
    if not (opens or closes or four_four or _short_pair(s, parts)):
        return None
    last = parts[-1]
    if len(last.text) < 2 or leads_on(parts[0].text):
        return None  # 这一年,……: a narrating or handing-on line, not a saying
    if (
        opens
        and len(parts) == 2
        and _acts(parts[0].text)
        and _acts(last.text)
        and not _CONSEQUENCE.search(last.text)
    ):
        # 夯实基础研究,筑牢科技自立自强的根基: a measure that heads its paragraph, a
        # 分论点 to learn but no saying.
        return Golden(s, POINT, (last,))
    if s.text.endswith(";") or _LABELLED.match(s.text):
        # An item of a ;-list or a labelled note (困境:……): a point to learn, no saying.
        return Golden(s, POINT, (last,)) if bare.start == s.start else None
    return Golden(s, "aphorism", (last,))


_SHORT_HALF = (4, 8)
_MID_JUDGEMENT = re.compile(r"是|决定|在于|离不开|源于|都在")
_DESCRIBES = re.compile(r"是一[个种项位]|是不是|是否|的$")
"""是一个…… names a kind; 是不是 asks; ……是不行的 comments: descriptions, no judgement."""


def _opens_on_verb(clause: str) -> bool:
    """The clause's first word is a verb, adverb or function word (加强……, 牺牲……,
    压实……): a measure or a narration, not a subject judged."""
    toks = tokens(_plain(clause))
    return not toks or verb_like(toks[0][0]) or toks[0][0] in POLICY_VERBS


def _mirrored(a: str, b: str) -> bool:
    """Two clauses built word for word alike: the same lengths of words in the same
    order, three words or more (艰难/方/显/勇毅, 磨砺/始/得/玉成)."""
    x = [len(w) for w, _ in tokens(a)]
    return len(x) >= 3 and x == [len(w) for w, _ in tokens(b)]


def _short_pair(s: Span, parts: list[Span]) -> bool:
    """Two short clauses of four to eight characters, a whole sentence of its own
    inside a paragraph (变局蕴含机遇,挑战激发斗志; 互联网时代,酒香也怕巷子深):
    the first opens on no verb (压实企业责任,守住质量源头 is a measure), the second
    only when the two mirror each other (艰难方显勇毅,磨砺始得玉成), the first is no
    ……的 phrase, and the sentence is no item of a ;-list."""
    if len(parts) != 2 or not s.text.rstrip('”"').endswith(("。", "!")):
        return False
    lo, hi = _SHORT_HALF
    texts = [_plain(p.text) for p in parts]
    if not all(lo <= len(t) <= hi and all(CJK.match(ch) for ch in t) for t in texts):
        return False
    if _CORRELATIVE.search(_unmasked(s.text)):
        return False  # 不是……而是……: the correlative's rule chooses its blanks
    if texts[0].endswith("的") or leads_on(texts[0]) or _opens_on_verb(texts[0]):
        return False
    return not _opens_on_verb(texts[1]) or _mirrored(texts[0], texts[1])


def _standalone_judgement(s: Span, plain: str) -> bool:
    """A one-clause judgement of eight to sixteen characters standing as a sentence
    inside a paragraph (基层是一切工作的落脚点。评价导向决定科研方向。): a subject
    judged, not a pronoun (这是……), a measure (针对问题……) or a description
    (中国是一个……, ……是不行的)."""
    if not 8 <= len(plain) <= _MAX_MAXIM or not s.text.rstrip('”"').endswith(("。", "!")):
        return False
    if not all(CJK.match(ch) for ch in plain) or plain.endswith("了"):
        return False
    m = _MID_JUDGEMENT.search(plain)
    if m is None or m.start() < 2 or _DESCRIBES.search(plain):
        return False
    return plain[0] not in _PRONOUN_START and not _opens_on_verb(plain)


_LABELLED = re.compile(r"^[\u4e00-\u9fff]{2,4}:")
"""A line opening on a short label and a colon (对策:……, 困境:……): a note or an answer
key's line, not a saying."""
_TRUNCATED = re.compile(r",。|\.{3}|…|等等")
"""A line cut short or trailing off (……的方式,。 / 服务... / 等等)."""

POINT = "point"
"""The rule of a paragraph's heading measure: carded as its 分论点, not as a 金句."""
_ACTING = frozenset({"v", "vd", "vg", "p", ""})


def _acts(clause: str) -> bool:
    """A clause that opens on a verb or a preposition (夯实……, 把……, 弘扬……), not on a
    subject (我们……, 地基……)."""
    toks = tokens(_plain(clause))
    return bool(toks) and tag(toks[0][0]) in _ACTING and not _DIGIT.search(clause)


_CONSEQUENCE = re.compile(r"是|才|就|在于|方能|必将|必然")


def _not_equal(folded: str, s: Span) -> Golden | None:
    """A one-clause judgement ``X不等于Y`` of at most 16 characters, perhaps after a
    short lead-in (当然,……); both sides blanked."""
    parts = _clause_spans(folded, s)
    if len(parts) == 2 and len(parts[0].text) <= _LEAD_IN:
        parts = parts[1:]
    if len(parts) != 1 or _DIGIT.search(s.text) or s.text.endswith("?"):
        return None
    body = parts[-1]
    m = _NOT_EQUAL.match(body.text)
    if m is None or len(_plain(body.text)) > _MAX_MAXIM or _plain(m.group(1))[:1] in _PRONOUN_START:
        return None
    if not (CJK.search(m.group(1)) and CJK.search(m.group(2))):
        return None
    x = Span(m.group(1), body.start, body.start + m.end(1))
    y = Span(m.group(2), body.start + m.start(2), body.start + m.end(2))
    return Golden(s, "judgement", (x, y))


def strip_numbering(s: Span) -> Span:
    """``1.网络空间是……`` -> ``网络空间是……``: a numbered line's sentence without its number."""
    m = SENTENCE_NUMBER.match(s.text)
    if m is None or m.end() >= len(s.text):
        return s
    return Span(s.text[m.end() :], s.start + m.end(), s.end)


def find_golden(
    folded: str, s: Span, opens: bool, closes: bool = False, sayings: bool = False
) -> Golden | None:
    """The 金句 rule ``s`` meets, if any. ``opens``/``closes``: it opens/closes its
    paragraph; ``sayings``: it stands in a section of sayings (``【金句积累】``).
    Within :func:`~trainer.generation.memo.one_article` each sentence is judged once
    (the learned model and the cloze stage both ask)."""
    memo = current()
    if memo is None:
        return _find_golden(folded, s, opens, closes, sayings)
    key = ("golden", s, opens, closes, sayings)
    if key not in memo:
        memo[key] = _find_golden(folded, s, opens, closes, sayings)
    found: Golden | None = memo[key]
    return found


_QUOTED = re.compile(r"“([^“”]*)”|「([^「」]*)」")
_CLAUSE_BREAK = re.compile(r"[,;:。!?…、]+")
_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
_SPOKEN_FIGURES = 8
"""A quoted clause this long with a figure in it is a report of what someone did
(10户获得了首批贷款), not a saying."""


def _speech(quote: str) -> bool:
    """A quotation worded as speech: a clause closing on a spoken particle (懂哦) or
    opening on an interjection (唉,……), a dialect first person (俺, 咱), a time word
    that tells a story (小时候, 今天下午) or, in a long one, a figure."""
    parts = [p for p in _CLAUSE_BREAK.split(quote) if p]
    if any(p[-1] in kind_words("remarks", "particle") for p in parts):
        return True
    if any(p.startswith(kind_words("remarks", "interjection")) for p in parts):
        return True
    told = (*kind_words("remarks", "dialect"), *kind_words("remarks", "story"))
    if any(w in quote for w in told):
        return True
    return len(quote) >= _SPOKEN_FIGURES and _DIGIT.search(quote) is not None


def remark(text: str) -> bool:
    """A line quoting what an ordinary person said in the material (a villager, a
    resident, a clerk): its quotation, or the whole line when it is one (an opening
    quotation mark whose partner is in a later sentence too), is worded as speech
    (rubric: TAG; the guide's 金句 are 古语, 诗句 and 警句)."""
    body = text.strip()
    quotes = [a or b for a, b in _QUOTED.findall(body)]
    if body[:1] in "“「":
        close = body.find("”" if body[0] == "“" else "」")
        if close < 0:
            quotes.append(body[1:])  # a quotation running on past this sentence
    return any(_speech(q) for q in quotes)


def reported(text: str) -> bool:
    """A line of a news report: dated (12月17日) or naming its source (记者, 回应称)."""
    return _DATE.search(text) is not None or any(w in text for w in kind_words("remarks", "news"))


def _unmasked(text: str) -> str:
    """``text`` with its correlative look-alikes (越来越, 既然, 不仅如此, 无论是……还是;
    ``data/correlative_lookalikes.txt``) masked, same length, so a pattern matches only
    a true correlative."""
    return masked(text, words("correlative_lookalikes"))


_TURN = re.compile(
    r"从([“'‘])([\u4e00-\u9fff]{2,6})[”'’](?:变为|变成|转向|转为|到|向)([“'‘])([\u4e00-\u9fff]{2,6})[”'’]"
)
_MAX_TURN = 36
_SET_AGAINST = re.compile(
    r"[“'‘]([\u4e00-\u9fff]{1,6})[”'’][^,。;]{0,4},而不是[“'‘]([\u4e00-\u9fff]{1,6})[”'’]"
)
_MAX_SET_AGAINST = 50


def _turn(s: Span) -> Golden | None:
    """A short line turning between two quoted catchwords of one length (居民从“要我分”
    向“我要分”转变, 从“新时尚”变为“好习惯”): both catchwords blanked. A long sentence
    with such a turn is a measure (推动……从“被动应对”向“主动防控”转变), no saying."""
    m = _TURN.search(s.text)
    if m is None or len(s.text) > _MAX_TURN or len(m.group(2)) != len(m.group(4)):
        return None
    a = Span(m.group(2), s.start + m.start(2), s.start + m.end(2))
    b = Span(m.group(4), s.start + m.start(4), s.start + m.end(4))
    return Golden(s, "pattern", (a, b))


def _set_against(s: Span) -> Golden | None:
    """A quoted catchword set against another (相互尊重地“平视”彼此,而不是“仰视”或
    “俯视”): both catchwords blanked."""
    m = _SET_AGAINST.search(s.text)
    if m is None or len(s.text) > _MAX_SET_AGAINST:
        return None
    a = Span(m.group(1), s.start + m.start(1), s.start + m.end(1))
    b = Span(m.group(2), s.start + m.start(2), s.start + m.end(2))
    return Golden(s, "pattern", (a, b))


def _find_golden(folded: str, s: Span, opens: bool, closes: bool, sayings: bool) -> Golden | None:
    if "{" in s.text or "}" in s.text:
        return None
    if addresses(s.text) or fragment(folded, s.start, s.end):
        return None  # a greeting or blessing; a piece of wrapped or gapped text
    if remark(s.text):
        return None  # a villager's words, quoted as material
    if _TRUNCATED.search(s.text):
        return None  # a line cut short: nothing to quote
    if any(w in s.text for w in kind_words("remarks", "handover")):
        return None  # 具体而言,应在以下几个方面下功夫: it announces the points after it
    if reported(s.text):
        # A news line is no saying, but a quoted couplet in it is (可谓“真话不全说,假话全敢说”).
        found = _saying(s)
        return found if found is not None and len(found.blanks) == 2 else None
    found = (
        _whole_quote(folded, s)
        or _attributed(s)
        or _saying(s)
        or _parallel(folded, s)
        or _not_equal(folded, s)
        or _aphorism(folded, s, opens, closes)
        or _turn(s)
        or _set_against(s)
    )
    if found is not None:
        return found
    if sayings and len(s.text) <= _MAX_SECTION and CJK.search(s.text):
        return Golden(s, "section", ())
    told = s.text.startswith(kind_words("functions", "背景"))
    m = None if s.text.endswith("?") or told else _CORRELATIVE.search(_unmasked(s.text))
    if m and len(s.text) <= _MAX_PATTERN:
        return Golden(s, "pattern", ())
    if not told and len(s.text) <= _MAX_PATTERN and _metaphor().search(_unmasked(s.text)):
        return Golden(s, "pattern", ())  # 粮食安全、能源安全是国家长治久安的压舱石
    if m and len(s.text) <= _MAX_PATTERN_SENTENCE:
        # A long sentence whose correlative runs to its end (……,既不能……,也不能……).
        clause_at = s.text.rfind(",", 0, m.start()) + 1
        if len(s.text) - clause_at <= _MAX_PATTERN and m.end() > len(s.text) - 30:
            return Golden(s, "pattern", ())
    if len(s.text) <= _MAX_PATTERN and _CONCLUSION.match(s.text):
        return Golden(s, "conclusion", ())
    return _authority(s)
