"""What the argument-structure card says: 中心论点 → 分论点 → 对策.

* 中心论点: the title when it states a claim (让……, 以……, 守住……); when the title
  only names a topic, a kind of document or asks a question (``data/topic_titles.txt``),
  the judgement that closes the opening paragraph (a 范文's thesis), never a quotation,
  a speaker's line, a ``——某某`` attribution, a question, a figure or a greeting
  (``data/address_lines.txt``); empty when neither states a claim (then no card);
* 分论点: headings that state claims, else the list of 分论点 the detectors found
  (parallel paragraph openings, a run of headings), else the paragraphs' opening
  claims;
* 对策: the biggest list of 对策 outside sections on problems, results or background,
  and not the 分论点 again.

No card for a text that argues nothing as a whole: given material (给定资料 in
材料1/材料2 parts: facts and voices, no thesis of its own), a report whose paragraphs
are mostly people's quoted words (a news report, a 给定资料 without its label: the
same facts and voices; ``data/remarks.txt`` names the verbs of saying and the
authorities an essay cites) or several separate essays in one file (model essays
each under its own title: their titles are not 分论点 of one argument) or a
collection of sayings (a title naming 金句, 名言: quotations sorted into kinds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from trainer.generation.classify.address import addresses, says_verbs, speaker_line
from trainer.generation.classify.functions import sentence_start
from trainer.generation.detect.enumtypes import Enumeration
from trainer.generation.detect.golden import GOLDEN_SECTION
from trainer.generation.detect.headruns import naming_a_part
from trainer.generation.detect.keyterms import untitled
from trainer.generation.detect.markers import find_markers
from trainer.generation.lexicon import kind_words
from trainer.generation.memo import current
from trainer.generation.split.structure import MATERIAL_LABEL, Outline, Section
from trainer.generation.text import CJK, Span, fold, masked

_CLAIM_MAX = 40
_POINTS_MAX = 5
_TITLE_MIN = 4
_OPENING = 3
"""Paragraphs searched for the opening judgement."""
_COMMENT_LABEL = re.compile(
    r"^(?:评论|观点|分论点|论点|点评|视角|声音|观察)[一二三四五六七八九十\d]{1,3}$"
)
_NUMBERED = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．]|"
    r"第[一二三四五六七八九十]{1,3}[,、:]?|[一二三四五六七八九十]{1,3}[ \t\u3000]+(?=[\u4e00-\u9fff])|"
    r"\d{1,2}[ \t\u3000]+(?=[\u4e00-\u9fff]))\s*"
)
_OWN_STANCE = re.compile(
    r"^(?:我们|我|笔者|本文)(?:始终|一直|坚定地|深刻)?(?:认为|主张|相信|以为)[:,]"
)
"""The author's own stance (我们认为,……): the thesis follows its lead-in; another
speaker's line (某某表示,……) states no thesis of the article."""
_REFERRING = ("它", "这", "其", "此", "他们", "她们")
"""A sentence opening on a referent (它……, 这……) states no thesis by itself."""
_THESIS_FUNCTIONS = ("论点", "意义", "对策")
_POINT_STYLES = ("headings", "paragraphs", "openers")
_MEASURE_STYLES = frozenset(
    {"ordinal", "openers", "paragraphs", "parallel", "semicolon", "headings", "framed", "colon"}
)
_NOT_MEASURES = ("问题", "原因", "危害", "成效", "现状", "背景", "表现", "挑战", "困境")


_MEASURE_HEADINGS = ("对策", "建议", "措施", "举措", "路径", "怎么办", "如何", "怎样")
"""A section whose heading asks for or names the measures: its 分论点 are 对策."""
_OPEN_QUOTE = ("“", '"', "‘")
_CLOSE_QUOTE = ("”", '"', "’")


@dataclass(frozen=True, slots=True)
class Argument:
    thesis: str
    points: tuple[str, ...]
    measures: tuple[str, ...]
    problems: tuple[str, ...] = ()
    """For an article without 分论点 that lists problems under a heading naming them
    (一、……面临的困境) before its measures: those problems."""


def complete(text: str, limit: int = _CLAIM_MAX) -> str:
    """A sentence as a point: whole when short, else its leading clauses up to
    ``limit`` characters, ending where a clause ends (never cut inside one)."""
    text = text.strip().rstrip("。!;,！；，")
    if len(text) <= limit:
        return text
    out = ""
    for part in re.split(r"(?<=[,;:，；：])", text):
        if out and len(out) + len(part) > limit:
            break
        out += part
    return out.rstrip(",;:，；：")


def _words(kind: str) -> tuple[str, ...]:
    return kind_words("topic_titles", kind)


def claim_title(title: str) -> bool:
    """A title that states a claim, not a topic, a document kind or a question."""
    text = _TRAILING_NOTE.sub("", title.strip())
    if len(text) < _TITLE_MIN or text.endswith("?") or addresses(text) or _MARKUP.search(text):
        return False  # 同志们、朋友们,大家好: a greeting is never a claim
    if any(w in text for w in _words("ask")):
        return False
    if _PAIRED_TOPIC.match(text):
        return False  # 全民健身与体育强国建设: two topics side by side
    if any(text.startswith(w) for w in _words("lead")):
        return False  # 浅析基层治理现代化: a study of a topic
    return not any(text.endswith(w) for w in _words("kind"))


_MARKUP = re.compile(r"[{}<>=`\\|]|\"[^\"]*\"\s*[,:]")
"""A title holding code or a record's syntax (``{"title": "…", "html``, ``INSERT INTO``
quoting) was misread: it states no claim."""
_PAIRED_TOPIC = re.compile(r"^[^,，:：\s]{2,6}[与和及][^,，:：\s]{2,8}$")


_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]$")
"""``每周一学(2022年9月19日-25日)``: a date or note after the title."""


def title_claim(title: str) -> str:
    """The claim a title states: all of it, or what follows its topic and a colon
    (``耕地保护与粮食安全:牢牢守住18亿亩耕地红线``); empty when it states none."""
    text = title.strip()
    _topic, sep, claim = text.partition(":")
    if sep and claim_title(claim):
        return claim.strip()
    return text if claim_title(text) else ""


def _quotable(s: Span) -> bool:
    """A sentence that can state the thesis: not a quotation, a speaker's line, an
    attribution, a question or a figure."""
    text = s.text.strip()
    if text.startswith(("“", '"', "——", "-", "—")) or text.endswith(("?", "”", "”。")):
        return False
    if speaker_line(text) and not _OWN_STANCE.match(fold(text)):
        return False
    if _numbered(text) or text.startswith(_REFERRING):
        return False
    if addresses(text) or "是否" in text:
        return False  # 大家好, 向……致以问候: an address; ……是否……: a question
    return not re.search(r"\d", text)


def _without_stance(text: str) -> str:
    """A sentence without the author's lead-in (我们认为,)."""
    m = _OWN_STANCE.match(fold(text))
    return text[m.end() :] if m else text


def _opening_thesis(doc: Outline, functions: dict[int, str]) -> Span | None:
    """The judgement that closes the article's opening paragraph (or one of the next two):
    the last sentence there with an argument function, else the last that judges
    (``……是一种大胆的尝试``, ``……要……``)."""
    paragraphs = [
        p
        for sec in doc.sections
        if not naming_a_part(sec.heading) and not _sub_question(sec.heading)
        for p in sec.paragraphs
    ]
    for para in paragraphs[:_OPENING]:
        fit = [s for s in para.sentences if _quotable(s) and _states_whole(s.text)]
        claims = [s for s in fit if functions.get(s.start) in _THESIS_FUNCTIONS]
        if claims:
            return claims[-1]
        judged = [s for s in fit if _JUDGES.search(s.text)]
        if judged:
            return judged[0]
    return None


def _voiced(paragraph: str) -> bool:
    """A paragraph holding a person's quoted words: a quotation next to a verb of
    reporting (……"村民说, 毛所长回忆道:"……), not one cited as authority."""
    for m in _voice_pattern().finditer(paragraph):
        lead = paragraph[max(0, m.start() - _VOICE_REACH) : m.end()]
        if not any(w in lead for w in kind_words("remarks", "authority")):
            return True
    return False


@cache
def _voice_pattern() -> re.Pattern[str]:
    verbs = says_verbs()
    return re.compile(
        rf"[”\"][^。!?！？“”\"]{{0,{_VOICE_REACH}}}?(?:{verbs})|(?:{verbs})[:：,，]?\s*[“\"]"
    )


_VOICE_REACH = 12
"""Characters between a quotation and its verb of reporting (……"民警小邓介绍说)."""


def reportage(original: str, doc: Outline) -> bool:
    """A report: most of its paragraphs (and four at least) carry people's quoted words.
    Its facts and voices argue no thesis of the author's."""
    texts = [original[p.span.start : p.span.end] for sec in doc.sections for p in sec.paragraphs]
    if len(texts) < _REPORT_PARAGRAPHS:
        return False
    return sum(_voiced(t) for t in texts) * 2 > len(texts)


_REPORT_PARAGRAPHS = 4


def _states_whole(text: str) -> bool:
    """A sentence that can stand as the thesis: it opens on no background cue
    (如今, 近年来, ……以来: it narrates) and, cut to its leading clauses, keeps its
    predicate (``全球治理倡议的核心理念,即……`` cut to its subject states nothing) and
    both halves of a 不仅……更 (rubric: QAA, truncated)."""
    head = fold(text).strip()
    if head.startswith(kind_words("functions", "背景")) or _SINCE.match(head):
        return False
    cut = complete(head)
    rest = head.rstrip("。!;,")[len(cut) :].lstrip(",;:")
    if rest.startswith(_PREDICATE_AFTER):
        return False  # the subject alone: its predicate was cut off
    return not (rest and _FIRST_HALF.search(cut))


_PREDICATE_AFTER = ("即", "是", "就是", "在于", "乃是", "便是")
_FIRST_HALF = re.compile(r"不仅|不但|不只|既")


_SINCE = re.compile(r"^[^,]{1,16}以来,")
_VIEW_QUESTION = re.compile(r"(?:怎样|如何|怎么)(?:看待|认识|评价|理解)")


def _sub_question(heading: str) -> bool:
    """A question heading other than 怎样看待……: its paragraphs answer a sub-question
    (为什么能火? 怎样让……?), so their judgement is no thesis of the whole article; the
    answer to 怎样看待 is the article's own stance."""
    head = fold(heading).rstrip()
    return head.endswith("?") and _VIEW_QUESTION.search(head) is None


_JUDGES = re.compile(r"(?<![但可于还或就只总凡要若而不])是|(?<![需只主重])要(?!求)|必须|应当|在于")


_HEADING_NOT_CLAIM = re.compile(
    r"(?:背景|概述|材料|分析|链接|阅读|导读|结语|总结|小结|引言|前言|附录|要求|题目|问题\d|参考|范文)"
)


def _claim_heading(text: str) -> bool:
    """A heading that states a point, not one naming a part (问题, 金句积累, 热点背景)
    or asking a question."""
    from trainer.generation.detect.enumerations import structural_heading

    return (
        len(text) > _TITLE_MIN
        and not text.endswith("?")
        and not naming_a_part(text)
        and not _HEADING_NOT_CLAIM.search(text)
        and not structural_heading(text)
        and not GOLDEN_SECTION.search(text)
    )


def note_label(text: str) -> bool:
    """A heading or point that labels a part of a study note (``Step 1:提出分论点``,
    ``第1段概括``, ``问题的提出``, a table row) or names a quoted article by its
    publisher (``人民日报:用好……``): no point of the argument (``data/note_labels.txt``)."""
    head = _NUMBERED.sub("", fold(text).strip())
    if "|" in head or _PARAGRAPH_LABEL.match(head):
        return True
    label, sep, _rest = head.partition(":")
    if sep and label.strip() in kind_words("note_labels", "source"):
        return True
    return head.startswith(kind_words("note_labels", "opens")) or label.rstrip().endswith(
        kind_words("note_labels", "ends")
    )


def asks_alone(question: str) -> bool:
    """A question a student can answer without the article: it names what it asks
    about (not ``这句话对不对?``, ``这四种展示中……``) and is no yes-or-no question on a
    line of the text (``data/answer_openers.txt``)."""
    text = _NUMBERED.sub("", fold(question).strip())
    if text.startswith(kind_words("answer_openers", "refers")):
        return False
    return not any(w in text for w in kind_words("answer_openers", "yesno"))


def _not_a_point(text: str) -> bool:
    """A note's label, or a question that points at the text instead of naming its subject."""
    return note_label(text) or (fold(text).rstrip().endswith("?") and not asks_alone(text))


_PARAGRAPH_LABEL = re.compile(r"^第\s*[\d一二三四五六七八九十]{1,3}\s*段")
_NOTES_HEADINGS = 6
"""An outline of this many headings, most with nothing under them, is a note's or a
lesson's outline (要点, 例, Step 1), not an essay's."""


def study_notes(doc: Outline) -> bool:
    """Study notes or a lesson: many headings, most either empty or labels of a
    note's parts (``data/note_labels.txt``); their headings are no 分论点 and the
    text argues nothing as a whole."""
    heads = [s for s in doc.sections if s.heading]
    if len(heads) < _NOTES_HEADINGS:
        return False
    hollow = sum(1 for s in heads if not s.paragraphs or note_label(s.heading))
    return hollow * 2 > len(heads)


def _heading_claims(sections: list[Section]) -> list[str]:
    """Headings that state a claim (评论一:干部直播助销,好处实实在在 -> its claim)."""
    return [claim for _index, claim in _claim_sections(sections)]


def _claim_sections(sections: list[Section]) -> list[tuple[int, str]]:
    """(section index, claim) of the headings that state a claim."""
    heads = []
    for sec in sections:
        if sec.span is not None and sec.span.text.rstrip().endswith(":"):
            continue  # 很多同学写营商环境,最容易写成一句话: a lead-in, not a claim
        label, sep, claim = sec.heading.partition(":")
        text = claim if sep and _COMMENT_LABEL.match(label) else sec.heading
        text = _NUMBERED.sub("", text.strip()).rstrip(":。")
        if _claim_heading(text) and not note_label(sec.heading):
            heads.append((sec.index, complete(text)))
    return heads


def _points_list(
    found: list[Enumeration], original: str, functions: dict[int, str]
) -> Enumeration | None:
    """The list of 分论点 the detectors found: parallel headings, paragraphs or openers,
    else ordinals that each open a paragraph of their own (一是**坚持党建引领**。……/
    二是……: the paragraphs' points, not a list inside one sentence)."""
    for style in _POINT_STYLES:
        for e in found:
            if e.style == style and len(e.items) >= 2 and not naming_a_part(e.section.heading):
                return e
    for e in found:
        if e.style != "ordinal" or len(e.items) < 2 or naming_a_part(e.section.heading):
            continue
        if _HEADING_NOT_CLAIM.search(e.section.heading) or not _opens_paragraphs(e):
            continue
        texts = [original[it.phrase.start : it.phrase.end] for it in e.items]
        fs = [functions.get(_sentence_start(functions, it.context.start), "") for it in e.items]
        if all(_ordinal_point(t) for t in texts) and not set(fs) & _NOT_POINT_FUNCTIONS:
            return e
    return None


_ORDINAL_POINT_MAX = 16
_NOT_POINT_FUNCTIONS = frozenset({"背景", "论据", "过渡"})
_ASKS = re.compile(r"是否|能否|可否|如何|怎样|怎么|为什么|\?")


def _ordinal_point(text: str) -> bool:
    """An ordinal paragraph's head that can be a 分论点: short, and no question
    (营养是否均衡: a worry listed, not a point argued)."""
    return 0 < len(text) <= _ORDINAL_POINT_MAX and not _ASKS.search(fold(text))


_ORDINAL_LEAD = 4
"""Characters an ordinal (一是, 其三, (二), 第四,) takes before the point it opens."""


def _opens_paragraphs(e: Enumeration) -> bool:
    """Each item stands at the start of its own paragraph of the section."""
    starts = []
    for it in e.items:
        para = next(
            (p for p in e.section.paragraphs if p.span.start <= it.phrase.start < p.span.end),
            None,
        )
        if para is None or it.phrase.start - para.span.start > _ORDINAL_LEAD:
            return False
        starts.append(para.span.start)
    return len(set(starts)) == len(starts)


def _listed_points(original: str, found: list[Enumeration], functions: dict[int, str]) -> list[str]:
    e = _points_list(found, original, functions)
    return [] if e is None else [original[it.phrase.start : it.phrase.end] for it in e.items]


def _opening_claims(original: str, sections: list[Section], functions: dict[int, str]) -> list[str]:
    """Paragraphs' opening 分论点 sentences, outside sections that name a part
    (问题, 面临的挑战), without list ordinals (二是……) or linking words (然而……)."""
    out = []
    for sec in sections:
        if naming_a_part(sec.heading) or _HEADING_NOT_CLAIM.search(sec.heading):
            continue
        for p in sec.paragraphs:
            s = p.sentences[0] if p.sentences else None
            if s is None or functions.get(s.start) != "分论点" or not _quotable(s):
                continue
            text = _NUMBERED.sub("", complete(original[s.start : s.end]))
            if not _numbered(text) and not _LINKING.match(text):
                out.append(text)
    return out


_COMMENTARY_PARAGRAPHS = 5
"""A commentary without headings (人民日报评论, 人民时评) runs to a lead, three or more
body paragraphs and a close."""
_COMMENTARY_MAX = 14
"""Paragraphs at most of one commentary (6 to 12 as a rule); a longer run under no
heading is a collection (quotations, excerpts of speeches), not one argument."""


def _commentary(doc: Outline) -> bool:
    """A commentary without headings: one run of paragraphs under no heading, long
    enough to hold a lead, a body and a close."""
    sections = [s for s in doc.sections if s.paragraphs]
    if any(s.heading.strip() for s in sections):
        return False
    return _COMMENTARY_PARAGRAPHS <= sum(len(s.paragraphs) for s in sections) <= _COMMENTARY_MAX


def _body_openers(
    original: str, sections: list[Section], functions: dict[int, str]
) -> list[tuple[bool, str]]:
    """The claim sentences that open a commentary's body paragraphs (the lead narrates
    and the close concludes), each whole and with whether the classifier marked it
    分论点; see :func:`_body_claim`."""
    paragraphs = [p for sec in sections for p in sec.paragraphs]
    found: list[tuple[bool, str]] = []
    for p in paragraphs[1:-1]:
        s = p.sentences[0] if p.sentences else None
        marked = functions.get(s.start, "") if s is not None else ""
        if s is None or marked not in _BODY_CLAIMS or not _body_claim(s.text, marked):
            continue
        text = original[s.start : s.end].strip()
        number = _PARAGRAPH_NUMBER.match(fold(text))
        text = text[number.end() :] if number else text
        found.append((marked == "分论点", text.rstrip("。!;,！；，")))
    return found


def _commentary_claims(found: list[tuple[bool, str]]) -> list[str]:
    """A commentary's 分论点: its body paragraphs' opening claims (each middle paragraph
    opens on its point), whole sentences short enough to be points (never cut);
    openers the classifier marks 分论点 come first when there are more than
    ``_POINTS_MAX``. Empty when fewer than two are found: then no points, never
    background sentences in their place."""
    texts = list(dict.fromkeys(t for _point, t in found))
    if len(texts) > _POINTS_MAX:
        marked = {t for point, t in found if point}
        ranked = sorted(texts, key=lambda t: t not in marked)[:_POINTS_MAX]
        texts = [t for t in texts if t in ranked]
    return texts if len(texts) >= 2 else []


def _one_frame(points: list[str], title: str, paragraphs: list[str]) -> bool:
    """Every point shares one frame (集市里有……/集市里有……): a parallel run, kept as
    the 分论点 over the body's other opening claims."""
    return _all_share_a_piece(points) or all(_framed(points, title, paragraphs)[1])


def _covers(claims: list[str], points: list[str]) -> bool:
    """``claims`` hold every one of ``points`` and more (a detector's list of some of
    the body paragraphs' openers)."""
    plain = [_plain(c) for c in claims]
    return len(claims) > len(points) and all(any(_plain(p) in c for c in plain) for p in points)


_BODY_CLAIMS = frozenset({"分论点", "论点", "对策"})
_BODY_JUDGES = re.compile(r"应|不能|不可|须")
_QUOTED_TERM_MAX = 10
"""Characters at most of a quoted term closing a point, its quotation marks included."""
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}[.．、]\s*")
"""A paragraph's number (``3. 艰难方显勇毅……``), put before each paragraph of a page."""


def _body_claim(sentence: str, function: str) -> bool:
    """A body paragraph's opening sentence that states its point whole: short enough
    to quote, not a question, quotation, speaker's line, figure or background cue;
    one the classifier did not mark 分论点 judges (……要……, 不是……而是, 关键……):
    ``进入新时代,人民群众的需要更加多样`` narrates."""
    text = _PARAGRAPH_NUMBER.sub("", fold(sentence).strip())
    head = text.rstrip("。!;,")
    if not head or len(head) > _CLAIM_MAX or head.endswith("?") or re.search(r"\d", head):
        return False
    if head.startswith(("“", '"', "‘", "——", "-", "—", *_REFERRING)):
        return False
    if head.endswith("”") and len(head) - head.rfind("“") > _QUOTED_TERM_MAX:
        return False  # a quotation closing the sentence; a quoted term (“增能”) is fine
    if speaker_line(head) or _numbered(head) or _LINKING.match(head) or addresses(head):
        return False
    if any(w in head for w in kind_words("answer_openers", "announces")):
        return False  # 细究……,不难发现其中的共性: it announces the point, states none
    if function != "分论点" and not (
        _JUDGES.search(head)
        or _BODY_JUDGES.search(head)
        or any(w in head for w in kind_words("functions", "论点"))
    ):
        return False
    return not head.startswith(
        (
            *kind_words("answer_openers", "leans"),
            *kind_words("answer_openers", "turns"),
            *kind_words("functions", "背景"),
        )
    )


def _commentary_thesis(
    original: str, doc: Outline, functions: dict[int, str], thesis: str, points: list[str]
) -> str:
    """A commentary's 中心论点: the title's or the opening's claim, unless that is one
    of its 分论点 (the opening judgement searched was a body paragraph's first
    sentence): then the judgement of its closing paragraph when that is no 分论点
    either, else that claim all the same (a second paragraph stating the thesis), no
    longer counted as a 分论点."""
    if thesis and not any(_plain(p) == _plain(thesis) for p in points):
        return thesis
    span = _closing_thesis(doc, functions) if points else None
    closing = complete(_without_stance(original[span.start : span.end])) if span else ""
    if closing and not any(_plain(p) == _plain(closing) for p in points):
        return closing
    return thesis


def _closing_thesis(doc: Outline, functions: dict[int, str]) -> Span | None:
    """The judgement of a commentary's closing paragraph: its first sentence that
    states an argument as a whole (论点, 意义, 对策) and can be quoted whole."""
    paragraphs = [p for sec in doc.sections for p in sec.paragraphs]
    if not paragraphs:
        return None
    for s in paragraphs[-1].sentences:
        if functions.get(s.start) not in _THESIS_FUNCTIONS or not _quotable(s):
            continue
        if _states_whole(s.text) and len(complete(s.text)) == len(
            s.text.strip().rstrip("。!;,！；，")
        ):
            return s
    return None


_FRAME_SPAN = 4
"""Characters at a sentence's start searched for the frame it shares (先当/再当/还要当)."""


def _frame_keys(text: str, title: str, common: frozenset[str]) -> set[str]:
    """Two-character pieces of a sentence's opening and the word that follows its
    first comma (接诉即办,让…… / 网格化,让……), leaving out topic words: pieces of the
    title and pieces most paragraphs use (城市 in an article on cities) are no frame."""
    keys = {text[i : i + 2] for i in range(min(_FRAME_SPAN, len(text)) - 1)}
    keys = {
        k
        for k in keys
        if k not in title and k not in common and all(ch.isalnum() or ch == "“" for ch in k)
    }
    head, sep, rest = text.partition(",")
    if sep and len(head) <= _FRAME_SPAN * 2 and rest[:1].isalnum():
        keys.add("," + rest[:1])
    return keys


def _common_pieces(paragraphs: list[str], skip: int = _FRAME_SPAN * 2) -> frozenset[str]:
    """Two-character pieces found in at least half the paragraphs (two at least) past
    their first ``skip`` characters: the topic's words (past their openings by default,
    as a frame is only found where the paragraphs open). Worked out once per
    paragraphs and ``skip`` within :func:`~trainer.generation.memo.one_article` (the
    frames of the openers and of the points ask again)."""
    memo = current()
    key = ("common_pieces", tuple(paragraphs), skip)
    got: frozenset[str] | None = memo.get(key) if memo is not None else None
    if got is None:
        got = _pieces_in_half(paragraphs, skip)
        if memo is not None:
            memo[key] = got
    return got


def _pieces_in_half(paragraphs: list[str], skip: int) -> frozenset[str]:
    seen: dict[str, int] = {}
    for p in paragraphs:
        text = fold(p)[skip:]
        for k in {text[i : i + 2] for i in range(len(text) - 1)}:
            seen[k] = seen.get(k, 0) + 1
    return frozenset(k for k, n in seen.items() if n * 2 >= len(paragraphs) and n >= 2)


def _framed(texts: list[str], title: str, paragraphs: list[str]) -> tuple[str, list[bool]]:
    """The frame most of ``texts`` share and which of them share it: a two-character
    piece (先当/再当 share 当“) for two or more, or the opening character (以规划引领 /
    以产业支撑 / 以改革破题 share 以) for three or more."""
    common = _common_pieces(paragraphs)
    keys = [_frame_keys(fold(t), fold(title), common) for t in texts]
    for t, ks in zip(texts, keys, strict=True):
        if t[:1].isalnum():
            ks.add("^" + t[:1])
    counts: dict[str, int] = {}
    for ks in keys:
        for k in ks:
            counts[k] = counts.get(k, 0) + 1
    fit = {k: n for k, n in counts.items() if n >= (3 if k.startswith("^") else 2)}
    if not fit:
        return "", [False] * len(texts)
    best = max(fit, key=lambda k: (fit[k], not k.startswith("^")))
    return best, [best in ks for ks in keys]


def parallel_run(openers: list[str], title: str, paragraphs: list[str]) -> list[str]:
    """The openers that share one frame (以规划引领/以产业支撑, 先当/再当/还要当,
    ……,让…… ), in order; empty when fewer than two share one. Paragraph openings
    that only happen to state claims (a remark, a background line, a 金句) are no
    分论点 of one argument (rubric: MIX)."""
    _frame, shares = _framed(openers, title, paragraphs)
    return [t for t, ok in zip(openers, shares, strict=True) if ok]


def _without_outliers(points: list[str], title: str, paragraphs: list[str]) -> list[str]:
    """A detected list of 分论点 without the odd one out: when most share a frame and
    one or two do not (以规划引领 / 以产业支撑 / 产业兴则县域兴 / 以改革破题), the others
    are a remark among the points (rubric: MIX)."""
    if _all_share_a_piece(points):
        return points  # 巧用优势推动产业发展 / 顺势而为助力产业发展: one frame, other words
    _frame, shares = _framed(points, title, paragraphs)
    kept = [p for p, ok in zip(points, shares, strict=True) if ok]
    return kept if len(kept) * 2 > len(points) and len(kept) < len(points) else points


def _all_share_a_piece(points: list[str]) -> bool:
    """Every point's first clause holds one same two-character piece (……产业发展)."""
    pieces = [
        {head[i : i + 2] for i in range(len(head) - 1)}
        for head in (fold(p).split(",")[0] for p in points)
    ]
    return bool(pieces) and bool(set.intersection(*pieces))


_LINKING = re.compile(r"^(?:然而|但是|但|事实上|实际上|总之|因此|同时|此外|其实|可见|对此|[,，])")


def _numbered(text: str) -> bool:
    """Opens on a list ordinal (首先, 二是, (三))."""
    return any(m.start == 0 for m in find_markers(text, 0))


def _plain(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _to_do(texts: list[str]) -> bool:
    """Items that say what to do: not mostly things named (``……的爱国精神``: a list of
    qualities), things done (``已经出台……``: achievements), occasions (``需要隔离时``) or
    ends (``才能让……``, ``从而……``: what doing something brings about, words of kind
    ``effect`` in ``data/clause_runs.txt``)."""
    effect = kind_words("clause_runs", "effect")
    named = sum(1 for t in texts if _NAMED.search(fold(t)))
    done = sum(1 for t in texts if _DONE.search(t))
    when = sum(1 for t in texts if _WHEN.search(t.strip()))
    ends = sum(1 for t in texts if t.strip().startswith(effect))
    return all(n * 2 <= len(texts) for n in (named, done, when, ends))


_NAMED = re.compile(r"的[^的,;:、]{1,4}$")
_WHEN = re.compile(r"(?:时|的时候|之时|之际|期间)$")
"""``需要隔离时``: the occasions the measures are for, not measures."""
_DONE = re.compile(r"已经|^已")


def _measures(
    original: str,
    found: list[Enumeration],
    functions: dict[int, str],
    points: list[str],
    doc: Outline | None = None,
    under_points: frozenset[int] = frozenset(),
    within: Enumeration | None = None,
) -> list[str]:
    """The biggest list of 对策 outside sections on problems, results or background,
    outside the opening paragraph when the article has 分论点 (its premise, often a
    quoted document's list) and outside a single 分论点's section (a sub-list of
    one point, unless its heading asks for the measures)."""
    opening = _first_paragraph(doc) if doc is not None and points else None
    best: Enumeration | None = None
    for e in found:
        if e.style not in _MEASURE_STYLES or any(w in e.section.heading for w in _NOT_MEASURES):
            continue
        if opening is not None and opening.start <= e.start < opening.end:
            continue
        if within is not None and e is not within and within.start <= e.start <= within.end:
            continue  # a sub-list inside the 分论点 (弘扬……,要把好评价: 要加强……;要减少……)
        if e.section.index in under_points and not any(
            w in e.section.heading for w in _MEASURE_HEADINGS
        ):
            continue
        texts = [original[it.phrase.start : it.phrase.end] for it in e.items]
        if not _to_do(texts):
            continue
        quoted = sum(
            it.phrase.start > 0 and original[it.phrase.start - 1] in _OPEN_QUOTE for it in e.items
        )
        if [_plain(t) for t in texts] == [_plain(p) for p in points] or quoted * 2 > len(texts):
            continue  # the 分论点 again, or quoted names of what to avoid (防止“撒胡椒面”)
        fs = [functions.get(_sentence_start(functions, it.context.start), "") for it in e.items]
        asked = any(w in e.section.heading for w in _MEASURE_HEADINGS)
        mostly = sum(f in {"对策", "分论点"} for f in fs) * 2 > len(fs) and ("对策" in fs or asked)
        if mostly and (best is None or len(e.items) > len(best.items)):
            best = e
    if best is None:
        return []
    return [original[it.phrase.start : it.phrase.end] for it in best.items]


def _first_paragraph(doc: Outline) -> Span | None:
    for sec in doc.sections:
        for p in sec.paragraphs:
            return p.span
    return None


def _sentence_start(functions: dict[int, str], offset: int) -> int:
    """The start of the sentence holding ``offset`` (functions are keyed by it)."""
    start = sentence_start(functions, offset)
    return offset if start is None else start


def given_material(doc: Outline) -> bool:
    """Given material: most paragraphs stand in parts labelled 材料1, 材料2…"""
    total = sum(len(s.paragraphs) for s in doc.sections)
    held = sum(len(s.paragraphs) for s in doc.sections if MATERIAL_LABEL.match(s.heading))
    return total > 0 and (held * 2 >= total or bool(MATERIAL_LABEL.match(doc.title.strip())))


_ESSAY_LABEL = re.compile(r"^(?:参考)?(?:范文|例文|佳作|习作)\s*[一二三四五六七八九十\d]{1,2}")
_TOP_HEADING = re.compile(r"^#(?!#)\s*")
_ESSAY_PARAGRAPHS = 3
"""An essay runs to an opening, a body and an ending: three paragraphs at least."""


def several_essays(original: str, doc: Outline) -> bool:
    """Several essays in one file: two or more parts, each under a top-level title
    (``# 标题`` in Markdown, 范文一, 参考范文2) that is no list ordinal, each running to
    ``_ESSAY_PARAGRAPHS`` paragraphs or more (subheadings inside it included)."""
    sizes: list[int] = []
    for sec in doc.sections:
        line = original[sec.span.start : sec.span.end].strip() if sec.span else ""
        heading = sec.heading.strip()
        titled = bool(_TOP_HEADING.match(line)) or bool(_ESSAY_LABEL.match(heading))
        if titled and heading and not _numbered(heading) and not _NUMBERED.match(heading):
            sizes.append(0)
        if sizes:
            sizes[-1] += len(sec.paragraphs)
    return sum(n >= _ESSAY_PARAGRAPHS for n in sizes) >= 2


def _demands(claim: str) -> bool:
    """``claim`` says what must be done (……要……, 必须……; ``data/claims.txt``): a
    commentary without its title argues, a 给定资料 without its label only reports."""
    claim = masked(claim, kind_words("claims", "lookalikes"))
    return any(w in claim for w in kind_words("claims", "must"))


def argument(
    original: str, doc: Outline, found: list[Enumeration], functions: dict[int, str]
) -> Argument:
    title = doc.title.strip()
    if _MARKUP.search(title):
        return Argument("", (), ())  # the text was misread (a script's record): no card
    if given_material(doc) or several_essays(original, doc) or study_notes(doc):
        return Argument("", (), ())
    if reportage(original, doc):
        return Argument("", (), ())
    if GOLDEN_SECTION.search(title):
        return Argument("", (), ())  # a collection of sayings (金句积累) argues nothing as a whole
    sections = [s for s in doc.sections if s.paragraphs]
    thesis = title_claim(title)
    if not thesis and not addresses(title):
        # A text opening on a greeting (贺词, 讲话) reports and thanks at its start:
        # its opening paragraphs hold no thesis.
        span = _opening_thesis(doc, functions)
        thesis = complete(_without_stance(original[span.start : span.end])) if span else ""
        if untitled(title) and not _demands(thesis):
            # No title and an opening that only reports (a background line, a 成效
            # line: ……水平显著提升): a 给定资料 without its label, no thesis of its own.
            return Argument("", (), ())
    claimed = _claim_sections(sections)
    parents = _parents(doc)
    asked = [c for i, c in claimed if any(w in parents.get(i, "") for w in _MEASURE_HEADINGS)]
    problem_heads = _problem_heads(doc, parents)
    if len(asked) >= 2:
        # (一)(二)(三) under 二、……的对策: the measures; those under 一、……的问题 are
        # no claims either (rubric: MIX, QAA).
        measures = asked[:_POINTS_MAX]
        claimed = [
            (i, c) for i, c in claimed if c not in asked and not _names_problems(parents.get(i, ""))
        ]
        heads = [c for _i, c in claimed]
        points = heads[:_POINTS_MAX] if len(heads) >= 2 else []
        problems = problem_heads or ([] if points else _problems(original, found, measures))
        return Argument(thesis, tuple(points), tuple(measures), tuple(problems))
    heads = [claim for _index, claim in claimed]
    listed = None if len(heads) >= 2 else _points_list(found, original, functions)
    points = heads if len(heads) >= 2 else _listed_points(original, found, functions)
    # A page's lead lines (导语) repeat sentences of its body: one claim is one point.
    points = list(dict.fromkeys(points))
    under = frozenset(index for index, _claim in claimed) if len(heads) >= 2 else frozenset()
    texts = [original[p.span.start : p.span.end] for sec in sections for p in sec.paragraphs]
    if len(points) < 2:
        listed = None
        points = parallel_run(_opening_claims(original, sections, functions), title, texts)
        points = list(dict.fromkeys(points))
    elif listed is not None:
        kept = _without_outliers(points, title, texts)
        if kept != points:
            # The list mixed a remark in: the openers sharing its frame may hold the
            # point it missed (先当……/再当……/还要当……).
            run = parallel_run(_opening_claims(original, sections, functions), title, texts)
            points = run if len(run) >= len(kept) else kept
    commentary = _commentary(doc) and not addresses(title)
    body = _body_openers(original, sections, functions) if commentary else []
    claims = _commentary_claims(body)
    openers = bool(claims) and (
        len(points) < 2 or (_covers(claims, points) and not _one_frame(points, title, texts))
    )
    if openers:
        listed = None
        points = claims
    if points and commentary:
        thesis = _commentary_thesis(original, doc, functions, thesis, points)
        points = [p for p in points if _plain(p) != _plain(thesis)]
        points = points if len(points) >= 2 else []
    judged = _numbered_theses(original, sections, functions)
    if judged:
        # Sections under bare numbers ((一)(二)(三)): each states its point in the
        # sentence it opens on; the paragraphs' openers after it open examples.
        listed = None
        points = judged
    if any(_not_a_point(p) for p in points):
        points = []  # a note's labels among them: the list is no argument's (rubric: MIX)
    points = points[:_POINTS_MAX]
    if not points:
        listed = None
    measures = _measures(original, found, functions, points, doc, under, listed)
    if openers and measures:
        # A body paragraph opening on a measure of the list is no 分论点 besides it.
        points = [p for p in points if not any(_plain(m) in _plain(p) for m in measures)]
        points = points if len(points) >= 2 else []
    if points and not measures and not under:
        measures = _closing_measures(original, doc)
    if points:
        thesis = (
            _firm_thesis(original, doc) or _stated_thesis(original, doc, points, thesis) or thesis
        )
    problems = _problems(original, found, measures) if measures and not points else []
    return Argument(thesis, tuple(points), tuple(measures), tuple(problems))


_THESIS_MAX = 60
"""Characters at most of a section's thesis quoted whole (never cut off)."""
_NOT_JUDGING = frozenset({"", "背景", "论据", "过渡", "金句"})
"""Functions of a sentence that tells, proves or links: no section's judgement."""


def _numbered_theses(
    original: str, sections: list[Section], functions: dict[int, str]
) -> list[str]:
    """The 分论点 of an article whose sections stand under bare numbers ((一), 二、):
    each section's judgement, the sentence its first paragraph opens on when that
    sentence argues (a function of the cue lexicons, not background, evidence or a
    transition), can be quoted (no quotation, speaker's line, figure, question,
    referent) and is whole within ``_THESIS_MAX`` characters. Empty unless two such
    sections state one: a section stating none gives no point rather than a wrong one."""
    bare = [
        sec
        for sec in sections
        if sec.heading.strip() and not _NUMBERED.sub("", sec.heading).strip()
    ]
    if len(bare) < 2:
        return []
    out = []
    for sec in bare:
        s = sec.paragraphs[0].sentences[0] if sec.paragraphs[0].sentences else None
        if s is None or functions.get(s.start, "") in _NOT_JUDGING or not _quotable(s):
            continue
        text = original[s.start : s.end].strip()
        head = fold(text).strip()
        if head.startswith(kind_words("functions", "背景")) or _LINKING.match(head):
            continue
        if len(head.rstrip("。!;,")) <= _THESIS_MAX:
            out.append(text.rstrip("。!;,！；，"))
    return out if len(out) >= 2 else []


def _body_paragraphs(original: str, doc: Outline) -> list[Span]:
    """The paragraphs that argue: without a closing source or author line
    (（作者：……）, 《人民日报》（……版）) and without the title repeated."""
    out = []
    for sec in doc.sections:
        for p in sec.paragraphs:
            text = fold(original[p.span.start : p.span.end]).strip()
            if text.startswith(("(", "《", "[")) and text.endswith((")", "]", "》")):
                continue
            if _plain(text) == _plain(doc.title):
                continue
            out.append(p.span)
    return out


def _demand_sentences(original: str, span: Span) -> list[str]:
    """The sentences of a paragraph that say what must be done (要, 必须, 应, 唯有……才;
    ``data/claims.txt``), not quoted nor a speaker's, each as a point."""
    out = []
    for s in _sentences(original[span.start : span.end]):
        if s.startswith(_OPEN_QUOTE) or s.endswith(_CLOSE_QUOTE) or _says(s):
            continue  # a quotation's words, or a speaker's
        if not _demands(s):
            continue
        out.append(complete(_unlinked(s, restated=False), _CLOSING_MAX))
    return [s for s in out if s]


_CLOSING_MAX = 60
_SENTENCE_END = re.compile(r"(?<=[。!?！？])(?![”\"’])|(?<=[。!?！？][”\"’])")
"""Where a sentence ends: after its full stop, or after the quotation mark closing it."""


def _says(sentence: str) -> bool:
    """A speaker's line (某某表示,……; 采访时,某某形象地说,……): a verb of saying
    (``data/remarks.txt``) before a comma, colon or quotation mark."""
    if speaker_line(sentence):
        return True
    return _says_pattern().search(fold(sentence)) is not None


@cache
def _says_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{says_verbs()})[:,“\"]")


def _closing_measures(original: str, doc: Outline) -> list[str]:
    """A commentary or essay that argues its 分论点 in the body ends on what to do: the
    demand sentences of its closing paragraph (……要持续加强……, 唯有……才能……), when the
    detectors found no list of 对策."""
    paragraphs = _body_paragraphs(original, doc)
    if len(paragraphs) < _ESSAY_PARAGRAPHS:
        return []
    return _demand_sentences(original, paragraphs[-1])


def _firm_thesis(original: str, doc: Outline) -> str:
    """The 中心论点 an essay states as a firm judgement (必须……, 唯有……才, 应……才能;
    ``data/claims.txt`` kind firm) in its opening paragraph, naming the topic its body
    argues (a two-character piece held by half its other paragraphs); empty when it
    states none."""
    paragraphs = [original[p.start : p.end] for p in _body_paragraphs(original, doc)]
    if len(paragraphs) < _ESSAY_PARAGRAPHS:
        return ""
    topic = [k for k in _common_pieces(paragraphs[1:], skip=0) if all(map(CJK.match, k))]
    for sentence in reversed(_sentences(paragraphs[0])):
        s = _unlinked(sentence, restated=False)
        if not s or s.startswith(_OPEN_QUOTE) or s.endswith(("?", "？", *_CLOSE_QUOTE)):
            continue
        firm = masked(s, kind_words("claims", "lookalikes"))
        if not any(w in firm for w in kind_words("claims", "firm")):
            continue
        if _says(s) or not any(k in fold(s) for k in topic):
            continue
        claim = complete(s)
        if len(claim) == len(s.rstrip("。!;,！；，")):
            return claim
    return ""


def _stated_thesis(original: str, doc: Outline, points: list[str], thesis: str) -> str:
    """The 中心论点 a commentary or essay states in a sentence, before ``thesis`` when
    that is the title's claim or empty (a sentence of the opening stands): the closing
    paragraph's restatement (总之……, 归根结底……; ``data/claims.txt`` kind restates);
    when the title's claim is a figure of speech, also the closing paragraph's opening
    judgement, else the judgement closing the opening paragraph (……是……, 要……,
    不能……; kind judges). Each shares a key word with the title (its column label left
    out), the 分论点 or the body's topic and is whole within ``_CLAIM_MAX`` characters;
    empty when none is found."""
    titled = title_claim(doc.title)
    if thesis and thesis != titled:
        return ""  # the opening already states it in a sentence (我们认为,……)
    paragraphs = [original[p.start : p.end] for p in _body_paragraphs(original, doc)]
    if len(paragraphs) < _ESSAY_PARAGRAPHS:
        return ""
    keys = _key_pieces(doc.title, points, paragraphs)
    closing = _sentences(paragraphs[-1])
    for s in closing:
        restates = s.lstrip(",，").startswith(kind_words("claims", "restates"))
        if restates and _judgement(_unlinked(s), keys):
            return complete(_unlinked(s)).strip()  # 总之, 归根结底: the thesis restated
    if not thesis or not _figurative(titled, paragraphs):
        return ""  # a title stating the claim in the body's own words stands
    if closing and _judgement(closing[0], keys):
        return complete(_unlinked(closing[0])).strip()
    opening = _sentences(paragraphs[0])
    if opening and _judgement(opening[-1], keys):
        return complete(_unlinked(opening[-1])).strip()
    return ""


def _unlinked(sentence: str, restated: bool = True) -> str:
    """A sentence without its linking lead (然而,) and, when ``restated``, its
    restating lead too (由此观之,)."""
    s = _LINKING.sub("", sentence.strip()).lstrip(",，")
    if not restated:
        return s
    cue = next((w for w in kind_words("claims", "restates") if s.startswith(w)), "")
    return s[len(cue) :].lstrip(",，:：").strip()


def _figurative(claim: str, paragraphs: list[str]) -> bool:
    """A title's claim put as a figure of speech (你若盛开,清风自来) or a headline
    leaning on its own first half (……带货,这病得治): it shares no two-character piece
    with the body's topic (pieces half its paragraphs hold), or a clause of it opens on
    a referent (这, 此)."""
    clauses = re.split(r"[,:;!\s—-]+", fold(claim))
    if any(c.startswith(_REFERRING) for c in clauses[1:]):
        return True
    topic = _common_pieces(paragraphs, skip=0)
    text = fold(claim)
    pieces = {text[i : i + 2] for i in range(len(text) - 1)}
    return not any(all(map(CJK.match, k)) for k in pieces & topic)


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _key_pieces(title: str, points: list[str], paragraphs: list[str]) -> frozenset[str]:
    """Two-character pieces (Chinese characters only) of the title without its column
    label, of the 分论点, and those half the body's paragraphs hold (its topic)."""
    text = _TRAILING_NOTE.sub("", fold(title).strip())
    head = [text, *points]
    pieces = {h[i : i + 2] for h in head for i in range(len(h) - 1)}
    pieces |= _common_pieces(paragraphs, skip=0)
    return frozenset(k for k in pieces if all(map(CJK.match, k)))


def _judgement(sentence: str, keys: frozenset[str]) -> bool:
    """A sentence that states a judgement whole: a judging cue, no quotation, speaker's
    line, question, list ordinal or referent opening, short enough to quote whole, and
    a key word of the article in it."""
    s = _unlinked(sentence, restated=False)
    if not s or s.startswith((*_OPEN_QUOTE, "——", *_REFERRING)) or s.endswith(_CLOSE_QUOTE):
        return False
    head = fold(s).rstrip("。!;,")
    if head.endswith("?") or _says(s) or _numbered(s) or addresses(s):
        return False
    if len(head) > _CLAIM_MAX or head.startswith(kind_words("functions", "背景")):
        return False
    plain = masked(head, (*kind_words("claims", "lookalikes"), *kind_words("claims", "not_judges")))
    if not any(w in plain for w in kind_words("claims", "judges")):
        return False
    return any(k in head for k in keys)


_TOP_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)")
_SUB_NUMBER = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])")


def _parents(doc: Outline) -> dict[int, str]:
    """Section index -> the top-level heading (一、……) a sub-numbered heading ((一)……,
    1.……) stands under."""
    out: dict[int, str] = {}
    parent = ""
    for sec in doc.sections:
        head = fold(sec.heading).strip()
        if _TOP_NUMBER.match(head):
            parent = head
        elif parent and _SUB_NUMBER.match(head):
            out[sec.index] = parent
    return out


def _names_problems(heading: str) -> bool:
    return any(w in heading for w in _PROBLEM_HEADINGS) and not any(
        w in heading for w in _MEASURE_HEADINGS
    )


def _problem_heads(doc: Outline, parents: dict[int, str]) -> list[str]:
    """The sub-headings under a heading naming problems (一、……面临的困境 / (一)不会用),
    short enough to be heads; empty when fewer than two."""
    heads = [
        _NUMBERED.sub("", fold(sec.heading).strip()).rstrip("。:")
        for sec in doc.sections
        if _names_problems(parents.get(sec.index, ""))
    ]
    heads = [h for h in heads if 0 < len(h) <= _PROBLEM_HEAD_MAX]
    return heads[:_POINTS_MAX] if len(heads) >= 2 else []


_PROBLEM_HEADINGS = ("问题", "困境", "乱象", "短板", "表现", "挑战", "难题", "症结", "痛点", "不足")
_PROBLEM_HEAD_MAX = 12
"""Characters at most of a problem item shown on the card (不会用, 权责不对等)."""


def _problems(original: str, found: list[Enumeration], measures: list[str]) -> list[str]:
    """The list of problems under a heading naming them (一、……面临的困境), standing
    before the measures: items short enough to be heads (不会用, 事务过多过杂), at most
    ``_POINTS_MAX``."""
    first_measure = min(
        (
            e.start
            for e in found
            if [original[i.phrase.start : i.phrase.end] for i in e.items] == measures
        ),
        default=len(original),
    )
    led_in = kind_words("material_questions", "problems")
    demands = kind_words("material_measures", "modals")
    for e in found:
        heading = fold(e.section.heading)
        lead = fold(original[e.lead.start : e.lead.end]) if e.lead is not None else ""
        # Under a heading naming them, or led in by a sentence naming them (存在的问题
        # 集中表现为以下两方面: a commentary without headings), one a clause (一是……).
        named = (
            any(w in heading for w in _PROBLEM_HEADINGS)
            or (
                e.style == "ordinal"
                and any(w in lead for w in led_in)
                and not any(  # 要用好……, 要深化……: demands, no problems
                    fold(original[it.phrase.start : it.phrase.end]).startswith(demands)
                    for it in e.items
                )
            )
        )
        if e.start >= first_measure or not named:
            continue
        if any(w in heading or w in lead for w in _MEASURE_HEADINGS) or len(e.items) < 2:
            continue
        texts = [original[it.phrase.start : it.phrase.end].rstrip("。;,") for it in e.items]
        if all(0 < len(t) <= _PROBLEM_HEAD_MAX for t in texts):
            return texts[:_POINTS_MAX]
    return []
