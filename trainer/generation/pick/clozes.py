"""Cloze notes: 金句 with their fixed blanks, and key-term sentences.

Density is bounded: at most three questions per sentence (a series' members share
one), one card per sentence (and one more for a series the first card has no room
for), no blank that is a stop word, a single character or only digits, and no card
whose sentence nearly repeats another card's (bigram Dice ≥ 0.8).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from trainer.generation.classify.address import addresses
from trainer.generation.classify.address import fragment as is_fragment
from trainer.generation.detect.golden import (
    GOLDEN_SECTION,
    POINT,
    Golden,
    find_golden,
    remark,
    reported,
    strip_numbering,
)
from trainer.generation.detect.keyterms import (
    GENERIC,
    HEADS,
    PLAIN,
    STOP_WORDS,
    VERBS,
    Term,
    is_topic,
    verb_like,
)
from trainer.generation.detect.members import clause_members
from trainer.generation.detect.members import members as structure_members
from trainer.generation.lexicon import entries, kind_words, words
from trainer.generation.memo import current
from trainer.generation.read.boilerplate import FOOTER, PROMO
from trainer.generation.split.structure import Outline, Paragraph, Section
from trainer.generation.split.words import (
    common_noun,
    guifan_in,
    guifan_words,
    is_content,
    rarity,
    straddles,
    tag,
    tokens,
    word_bounds,
)
from trainer.generation.text import CJK, Span, between_marks, bigram_dice, clauses, strip_punct

MAX_BLANKS = 3
_COUNTED = 3
_RARE_PAIR = 10.0
"""A two-character term gets a card of its own if it is this rare in the dictionary
(-log frequency: 非遗, 算力, 核销) or a 规范表述 or quoted: common pairs (产业, 历史,
关键, 文化) are generic (rubric: GEN)."""
_NEAR_DUPLICATE = 0.8
_TERM_SENTENCE = (10, 90)
_NEST = 4
"""A blank holding a term with at most this many more characters blanks the term."""
CHARS_PER_CARD = 50
"""Card budget: terms ranked just below the top window get a card of their own only
while the article has fewer cloze cards than one per this many characters."""


@dataclass(frozen=True, slots=True)
class Cloze:
    section: Section
    paragraph: Paragraph
    index: int
    """1-based sentence number in the paragraph."""
    sentence: Span
    blanks: tuple[Span, ...]
    role: str
    """``golden`` or ``term``: which card family made it."""
    rule: str = ""
    """The detector that chose the sentence (``golden.couplet``, ``term``…)."""
    together: frozenset[int] = frozenset()
    """Starts of the blanks that are asked together as one deletion (the members of a
    series: recalled as a set, so they share one cloze number)."""
    more: tuple[frozenset[int], ...] = ()
    """Further series of the sentence, each asked together as a deletion of its own."""


@dataclass(frozen=True, slots=True)
class Learned:
    """What the learned model (:mod:`trainer.generation.detect.learned`) says of an article."""

    golden_p: dict[int, float]
    """Start offset of a sentence -> probability that it is a 金句."""
    threshold: float
    terms: frozenset[str] = frozenset()
    """Terms the model added to the rules' window: their cards' rule is ``keyterm.model``."""

    def golden(self, folded: str, s: Span, material: bool = False) -> Golden | None:
        """A sentence no rule finds golden that the model does, with its blanks left to
        the key terms; never a greeting, a wrapped fragment or a line leaning on the
        one before (一是……, 它……), never a line of site chrome (如有侵权……, 仅供学习交流),
        a remark quoted from the material or a line of a news report (rubric: TAG). In a
        material (an untitled 给定资料), never what a person said of himself (“我……”) nor
        a line reporting what someone said (区长表示,下一步要……): its people are
        interviewees, not authorities."""
        if self.golden_p.get(s.start, 0.0) < self.threshold or len(s.text) > _MODEL_GOLDEN_MAX:
            return None
        if "{" in s.text or "}" in s.text or addresses(s.text) or fragment(s.text):
            return None
        if remark(s.text) or reported(s.text) or attribution(s.text):
            return None
        if material and (first_person_remark(s.text) or indirect_report(s.text)):
            return None
        if is_fragment(folded, s.start, s.end) or FOOTER.search(s.text) or PROMO.search(s.text):
            return None
        return Golden(s, "model", ())


_MODEL_GOLDEN_MAX = 80
_QUOTATION = re.compile(r"“([^“”]*)(?:”|$)")
_REPORTED_MIN = 6
"""Characters a reported line says after its verb of speech (表示,下一步要……)."""


_ATTRIBUTION_MAX = 12


def attribution(text: str) -> bool:
    """A line that only names who spoke (宋纯鹏强调。, 该负责人表示。): it closes the
    quotation before it and says nothing of its own."""
    core = strip_punct(text)
    if not core or len(core) > _ATTRIBUTION_MAX:
        return False
    toks = [w for w, _ in tokens(core)]
    return bool(toks) and (toks[-1] in _edges()["says"] or toks[-1] in _edges()["speaker"])


def first_person_remark(text: str) -> bool:
    """A quotation in which the speaker talks of himself: 我 as a word of it (a quoted
    name such as 你送我检 is one word and no 我): the remark of someone the material
    interviews, not a saying."""
    return any(
        any(w == "我" for w, _ in tokens(_INNER.sub("", m.group(1))))
        for m in _QUOTATION.finditer(text)
    )


_INNER = re.compile(r"‘[^‘’]*’|《[^《》]*》")
"""A name quoted inside a quotation (‘你送我检’) or a title: no words of the speaker's."""


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLACE_CODE = re.compile(r"[A-Z]\s*[省市县区镇乡村街]")
"""A place an exam material names by a letter (G 市L 区, A 县): the material's story."""


def narration(text: str) -> bool:
    """A line telling a material's story, not its point: dated or sourced like news, a
    person's remark or report of what someone said, a time or scene word of a story
    (当天上午, 走访; ``data/remarks.txt``, narration) or a place named by a letter
    (G 市L 区)."""
    if reported(text) or _PLACE_CODE.search(text) is not None:
        return True
    if any(w in text for w in kind_words("remarks", "narration")):
        return True
    return first_person_remark(text) or indirect_report(text)


def indirect_report(text: str) -> bool:
    """A line reporting in its own words what someone said (区长表示,下一步要……): a
    verb of speech (``data/blank_edges.txt``, says) outside any quotation, followed by
    what was said. Verbatim words in quotation marks are not reported ones."""
    bare = _QUOTATION.sub("", text)
    says = _edges()["says"]
    pos = 0
    for w, _ in tokens(bare):
        pos += len(w)
        if w in says and len(strip_punct(bare[pos:])) >= _REPORTED_MIN:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Where:
    section: Section
    paragraph: Paragraph
    index: int
    sentence: Span


def _sentences(doc: Outline) -> list[_Where]:
    """Every sentence of ``doc`` with its place (made once per outline within
    :func:`~trainer.generation.memo.one_article`: the cloze passes each walk them)."""
    memo = current()
    key = ("where", id(doc))
    got: tuple[Outline, tuple[_Where, ...]] | None = memo.get(key) if memo is not None else None
    if got is None or got[0] is not doc:
        got = (
            doc,
            tuple(
                _Where(sec, para, k, s)
                for sec in doc.sections
                for para in sec.paragraphs
                for k, s in enumerate(para.sentences, 1)
            ),
        )
        if memo is not None:
            memo[key] = got  # holds ``doc``: its id names no other outline meanwhile
    return list(got[1])


_COUPLET_MAX = 60
_CONDITIONAL_MAX = 100
_CONDITIONAL = ("如果", "假如", "倘若", "若是", "要是", "一旦", "只要", "如若", "若")


def _conditionals_alike(a: str, b: str) -> bool:
    """Two ;-joined conditionals opening alike (如果只A,就……;如果只B,就……): the halves
    share an opening of two or more characters that starts with a conditional."""
    return a[:2] == b[:2] and a.startswith(_CONDITIONAL) and b.startswith(_CONDITIONAL)


def _halves_alike(folded: str, a: Span, b: Span) -> bool:
    """Two ;-joined halves built alike: their clauses pair up (a leading topic clause
    of the first aside), each pair close in length or sharing its first character or
    its last two (既要……也要……;既要……更要……, 慢一点……;细一点……)."""
    x = [strip_punct(c.text) for c in clauses(folded, a.start, a.end)]
    y = [strip_punct(c.text) for c in clauses(folded, b.start, b.end)]
    if len(x) == len(y) + 1:
        x = x[1:]
    if len(x) != len(y) or not x:
        return False
    return all(
        p and q and (abs(len(p) - len(q)) <= 2 or p[0] == q[0] or p[-2:] == q[-2:])
        for p, q in zip(x, y, strict=True)
    ) and (len(x) >= 2 or x[0][:2] == y[0][:2])


def _couplets(folded: str, doc: Outline) -> list[tuple[_Where, Golden]]:
    """Antithetical sentences running over a ``;``: the whole 。-sentence is one 金句,
    with the last clause of each half blanked."""
    out: list[tuple[_Where, Golden]] = []
    for sec in doc.sections:
        for para in sec.paragraphs:
            sents = para.sentences
            for k in range(len(sents) - 1):
                a, b = sents[k], sents[k + 1]
                if not a.text.endswith(";") or b.text.endswith(";"):
                    continue
                if k > 0 and sents[k - 1].text.endswith(";"):
                    continue
                if _conditionals_alike(a.text, b.text):
                    if b.end - a.start > _CONDITIONAL_MAX:
                        continue
                elif b.end - a.start > _COUPLET_MAX or not _halves_alike(folded, a, b):
                    continue
                whole = Span(folded[a.start : b.end], a.start, b.end)
                tails = [clauses(folded, h.start, h.end)[-1] for h in (a, b)]
                blanks = tuple(
                    Span(t.text.rstrip(",;:。!?"), t.start, t.start + len(t.text.rstrip(",;:。!?")))
                    for t in tails
                )
                if GOLDEN_SECTION.search(sec.heading):
                    whole = strip_numbering(whole)
                out.append((_Where(sec, para, k + 1, whole), Golden(whole, "couplet", blanks)))
    return out


_TWO_MAX = 15
_POINT_MAX = 20
"""A point of a two-point sentence in a clause of its own may be this long
(关系党和人民事业得失成败的大问题)."""
_NAME_LEN = 5
"""A term this long (a policy or document name) is worth a card even from a background
or evidence sentence; shorter ones only from sentences with an argument function."""
_SIDE_TERM = 4
"""A blank beside a card's own term is this long, a 规范表述 or quoted term, or part
of a compound with a blank it touches (县域经济 + 活力): a short side word alone
(党员, 数字化, 主题) is guessed or generic (rubric: GEN)."""
_AFTER_MARKER = ("可以", "需要", "是", "要", "有", "能", "在", "应", "会", "可")


def _two_points(
    folded: str, doc: Outline, longest: int = _TWO_MAX
) -> list[tuple[_Where, list[Span]]]:
    """Sentences of two points (既是A,也是B; 不是A,而是B; 一方面A,另一方面B; pairs
    from ``data/two_points.txt``): both points are blanked, the markers stay; a third
    clause carrying on the pair (还能C, 更要C) is a third point."""
    pairs = sorted(
        ((row[0], row[1]) for row in entries("two_points") if len(row) == 2),
        key=lambda p: -len(p[0]),  # 不仅仅是 before 不仅
    )
    out: list[tuple[_Where, list[Span]]] = []
    for w in _sentences(doc):
        text = w.sentence.text
        parts = clauses(folded, w.sentence.start, w.sentence.end)
        for a, b in pairs:
            if a not in text:
                continue  # nor in any of its clauses
            first = next((c for c in parts if a in c.text), None)
            if first is None:
                continue
            at = first.text.find(a) + len(a)
            later = [c for c in parts if c.start > first.start and c.text.startswith(b)]
            second = later[0] if later else None
            if second is not None:
                x, y = _point(first, at, longest), _point(second, len(b), longest)
            else:
                x, y = _inner_pair(first, at, b)
            if x is None or y is None:
                continue
            if any(strip_punct(h.text).endswith(_ONE_OF) for h in (x, y)):
                break  # 是大家关心的问题之一,也是……之一: it names categories it is in, no points
            points = [x, y]
            after = [c for c in parts if c.start >= y.end]
            if after and after[0].text.startswith(_THIRD):
                z = _point(after[0], 1)
                if z is not None:
                    points.append(z)
            out.append((w, points))
            break
    return out


_THIRD = ("还", "更", "也")
_ONE_OF = "之一"


_OF = "的"
_INNER_MAX = 8
"""A half of a pair inside one clause is at most this long."""


def _inner_pair(clause: Span, at: int, second: str) -> tuple[Span | None, Span | None]:
    """Both halves in one clause (既舍得投入也懂得合作): the second marker at least two
    characters after the first, each half 2 to ``_TWO_MAX`` characters; a pair before
    a noun it describes (既各司其职又密切配合的工作格局) ends at the 的."""
    text = clause.text
    cut = text.find(second, at + 2)
    if cut < 0:
        return None, None
    head = Span(text[:cut], clause.start, clause.start + cut)
    tail = Span(text[cut:], clause.start + cut, clause.end)
    x = _point(head, at)
    y = _point(tail, len(second))
    noun = text.find(_OF, cut + len(second) + 2)
    if (y is None or len(y.text) > _INNER_MAX) and noun >= 0:
        # 既A又B的N: N is what the two describe
        y = _point(Span(text[cut:noun], clause.start + cut, clause.start + noun), len(second))
    if x is None or y is None or len(x.text) > _INNER_MAX or len(y.text) > _INNER_MAX:
        return None, None
    return x, y


def _point(clause: Span, at: int, longest: int = _TWO_MAX) -> Span | None:
    """The point after a marker: the rest of the clause without a leading copula or
    modal, on word boundaries, 2 to ``_TWO_MAX`` characters; a quotation the clause
    closes but did not open (……而是久久为功。”) leaves its marks outside the point."""
    text = clause.text.rstrip(",;:。!?")
    while text[-1:] in ("”", "’") and _opens(text) < _closes(text):
        text = text[:-1].rstrip(",;:。!?")
    for verb in _AFTER_MARKER:
        if text.startswith(verb, at) and len(text) - at - len(verb) >= 2:
            at += len(verb)
            break
    rest = text[at:]
    if len(rest) > 2 and rest[0] in "“\"'‘" and rest[-1] in "”\"'’":
        at += 1  # the quoted point, without its quotation marks
        rest = rest[1:-1]
    if not 2 <= len(strip_punct(rest)) <= longest:
        return None
    return Span(rest, clause.start + at, clause.start + at + len(rest))


def _opens(text: str) -> int:
    return text.count("“") + text.count("‘")


def _closes(text: str) -> int:
    return text.count("”") + text.count("’")


def _predicates(folded: str, doc: Outline) -> list[tuple[_Where, list[Span]]]:
    """Sentences judging their subject by a marker (X的关键在于Y, 前提是Y, 贵在Y,重在Z;
    ``data/predicate_markers.txt``): Y, the rest of the marker's clause, is the point
    (rubric: KEY), blanked on word boundaries, the marker left to cue it; each clause
    with a marker gives one."""
    markers = sorted(words("predicate_markers"), key=len, reverse=True)
    out: list[tuple[_Where, list[Span]]] = []
    for w in _sentences(doc):
        points: list[Span] = []
        held = [m for m in markers if m in w.sentence.text]
        if not held:
            continue  # no clause of it holds a marker
        for c in clauses(folded, w.sentence.start, w.sentence.end):
            found = [(c.text.find(m), -len(m), m) for m in held if m in c.text]
            if not found:
                continue
            at, _, marker = min(found)
            y = _point(c, at + len(marker))
            if y is not None and y.start in _bounds_at(w.sentence) and _good_blank(y.text):
                points.append(y)
        if points:
            out.append((w, points))
    return out


def _bounds_at(sentence: Span) -> set[int]:
    """Word bounds of ``sentence`` as offsets of the folded text."""
    return {sentence.start + b for b in _bounds(sentence)}


def fragment(sentence: str) -> bool:
    """A sentence whose subject is elsewhere: it opens with an ordinal or a pronoun
    (一是……, 它……, 这些……; ``data/fragment_openers.txt``), after any numbering."""
    text = strip_numbering_text(sentence)
    kinds = _openers()
    if text.startswith(kinds.get("ordinal", ())):
        return True
    pronouns = kinds.get("pronoun", ())
    if not text.startswith(pronouns):
        return False  # its first word can be no pronoun: no cut needed to say no
    first = tokens(text[:8])
    return bool(first) and first[0][0] in pronouns


@cache
def _openers() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split()) for row in entries("fragment_openers") if len(row) == 2}


def strip_numbering_text(text: str) -> str:
    number = _SENTENCE_NUMBER.match(text)
    return text[number.end() :] if number else text.lstrip()


_SENTENCE_NUMBER = re.compile(
    r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}\s*[.．、](?!\d))\s*"
)
"""A list or paragraph number opening a sentence (``1.``, ``（2）``, ``三、``); a decimal
(``1.5亿``) is none."""


def _good_blank(text: str) -> bool:
    core = strip_punct(text)
    return (
        len(core) >= 2
        and not core.isdigit()
        and core not in STOP_WORDS
        and core not in PLAIN
        and core not in words("connectives")
        and not time_phrase(core)
        and not institution(core)
        and not generic_actor(core)
        and _balanced(text)
        and not _torn(core)
        and not _bare_predicate(core)
    )


def _bare_predicate(core: str) -> bool:
    """Manner words before a generic verb and nothing else (大力发展, 不断完善, 持续繁荣;
    ``data/blank_edges.txt`` manner and bare): what every 对策 says (rubric: GEN)."""
    rest, stripped = core, False
    while True:
        lead = next((m for m in _manner() if rest.startswith(m) and len(rest) > len(m)), None)
        if lead is None:
            break
        rest, stripped = rest[len(lead) :], True
    return stripped and rest in _edges()["bare"]


@cache
def _manner() -> tuple[str, ...]:
    """The manner words, longest first (更好地 before 更好): sorted once, not per blank."""
    return tuple(sorted(_edges()["manner"], key=len, reverse=True))


def time_phrase(word: str) -> bool:
    """A time word or phrase (今年以来, 这些年来, 当今世界, 过去; ``data/time_words.txt``):
    no blank and no series member, whatever else it holds."""
    return (
        word in kind_words("time_words", "words")
        or word.endswith(kind_words("time_words", "ends"))
        or (len(word) <= 4 and word.startswith(kind_words("time_words", "opens")))
    )


def institution(word: str) -> bool:
    """An institution or body (国务院办公厅, 人民日报, 联合国; ``data/institutions.txt``):
    who issued or said it, never what a student recalls."""
    return word in kind_words("institutions", "words") or word.endswith(
        kind_words("institutions", "ends")
    )


_ROLE_PREFIX = 4
"""At most this many characters before a role noun: a place or a sector (街道工作人员)."""


def generic_actor(word: str) -> bool:
    """People or a body named by role (街道工作人员, 物业公司, 精神疾病患者, 不同部门;
    ``data/actors.txt``): who acts, never the blank (rubric: GEN)."""
    if word in kind_words("actors", "words"):
        return True
    for end in kind_words("actors", "ends"):
        if word.endswith(end) and len(word) - len(end) <= _ROLE_PREFIX:
            return True
    opens = kind_words("actors", "opens")
    return word.startswith(opens) and 2 <= len(word) - 2 <= _ROLE_PREFIX


@cache
def _edges() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split()) for row in entries("blank_edges") if len(row) == 2}


def _balanced(text: str) -> bool:
    """No quotation mark of the blank lacks its partner inside it (川渝“{一体化”发展机制})."""
    return all(text.count(a) == text.count(b) for a, b in ("“”", "‘’", "《》", "()"))


@lru_cache(maxsize=8192)
def _torn(core: str) -> bool:
    """A blank that is not a term of its own (rubric: CUT, GEN): it opens or closes with a
    one-character word that belongs to its neighbour (直观{地感受}, 形成{新}的), names a
    speaker (习近平总书记, 视察时) or ends in a time or place word (视察时, 调研中)."""
    edges = _edges()
    toks = [w for w, _ in tokens(core)]
    if not toks:
        return True
    if any(t in edges["speaker"] for t in toks):
        return True
    name = toks[:-1]
    if toks[-1] in edges["says"] and 2 <= len(name) <= 3 and all(len(t) == 1 for t in name):
        return True  # 杨华说, 王建说: a name the dictionary cuts to characters, then its verb
    if all(len(t) == 1 for t in toks):
        return False  # a line the dictionary does not know (我必行之): nothing to go by
    first, last = toks[0], toks[-1]
    if len(toks) > 1 and len(first) == 1 and first in edges["start"]:
        return True
    if len(toks) > 1 and (
        last in edges["adverbs"] or (last in edges["says"] and len(toks[-2]) > 1)
    ):
        return True  # 中国始终|坚持, 曹文君说: the blank runs into the predicate or the speaker
    return len(toks) > 1 and len(last) == 1 and (last in edges["end"] or last in edges["suffix"])


_LEADS_ON = frozenset({"d", "p", "c", "u"})
"""Dictionary tags of words that lead into what follows them: adverbs, prepositions,
conjunctions and auxiliaries such as 来说 (的 and 了 may close a phrase: 线下有形的)."""


def _leads_on(word: str) -> bool:
    """A word no phrase closes with: an adverb, preposition, conjunction or auxiliary
    by the dictionary's tag (最, 因, 来说), or a modal or verb that needs what follows
    (无法, 有, 开始; ``data/blank_edges.txt`` leads_on); a 规范表述 never."""
    return word in _edges()["leads_on"] or (tag(word) in _LEADS_ON and word not in guifan_words())


def _complement(toks: list[tuple[str, int]]) -> bool:
    """The last word is a one-character verb after a longer word: the complement or
    the predicate of what precedes it (先行先试|出, 意识|到), no phrase's end."""
    return (
        len(toks) >= 2
        and len(toks[-1][0]) == 1
        and tag(toks[-1][0]) == "v"
        and len(toks[-2][0]) > 1
    )


def phrase_blank(sentence: Span, blank: Span) -> Span | None:
    """``blank`` trimmed to the phrase it holds where it stops before a word of its
    clause (rubric: CUT): the words that lead on past its end are left outside
    (基层干部{最}懂, 上级{无法}掌握, 视障人士{来说}新的, 先行先试{出}的错); one that
    runs on past a preposition or a modal (企业{因}自身资金|有限, 人{开始}意识|到)
    keeps the longest of its parts that is a phrase and a blank of its own. ``None``
    when no part is one; the blank itself when it is a phrase already, runs to the
    end of its clause (一任接着一任干，), holds punctuation (“出新”更要“出彩”) or
    the dictionary does not know its words."""
    lo, hi = blank.start - sentence.start, blank.end - sentence.start
    toks = tokens(sentence.text)
    inside = [(t, at) for t, at in toks if lo <= at and at + len(t) <= hi]
    if (
        len(inside) < 2
        or all(len(t) == 1 for t, _ in inside)
        or strip_punct(blank.text) != blank.text
    ):
        return blank  # one word, a line the dictionary does not know (四遇四必), a quote

    def after(part: list[tuple[str, int]]) -> str:
        end = part[-1][1] + len(part[-1][0])
        return next((t for t, at in toks if at == end), "")

    if CJK.match(after(inside)[:1]) is None:
        # It runs to the end of its clause: only an auxiliary closing it leads on
        # (对视障人士{来说}，).
        k = len(inside)
        while k > 1 and tag(inside[k - 1][0]) == "u":
            k -= 1
        end = inside[k - 1][1] + len(inside[k - 1][0])
        text = sentence.text[lo:end]
        if end < hi and _good_blank(text):
            return Span(text, blank.start, blank.start + len(text))
        return blank

    def trimmed(part: list[tuple[str, int]]) -> list[tuple[str, int]]:
        part = list(part)
        while (
            len(part) >= 2
            and (_leads_on(part[-1][0]) or _complement(part))
            and not (tag(part[-1][0]) == "d" and after(part) == "的")
        ):
            part.pop()  # no adverb stands before 的: the dictionary mistags (公正立法的)
        return part

    def leader(k: int) -> bool:
        """A preposition or modal inside the blank, before a word of two characters
        or more (乡土|能|人 is 能人 cut apart, not a modal)."""
        t = inside[k][0]
        return (
            (tag(t) == "p" or t in _edges()["leads_on"])
            and k + 1 < len(inside)
            and len(inside[k + 1][0]) > 1
        )

    parts = [trimmed(inside)]
    if any(leader(k) for k in range(1, len(inside))):
        parts = []
        run: list[tuple[str, int]] = []
        for k, (t, at) in enumerate(inside):
            if run and leader(k):
                parts.append(trimmed(run))
                run = []
            else:
                run.append((t, at))
        parts.append(trimmed(run))
        parts = [p for p in parts if p and not _complement([*p, (after(p), 0)])]
    best: Span | None = None
    for part in parts:
        # The first part opens where the blank does, in a word torn there or not.
        a, b = (
            min(part[0][1], lo) if part[0] is inside[0] else part[0][1],
            part[-1][1] + len(part[-1][0]),
        )
        text = sentence.text[a:b]
        if (a, b) == (lo, hi):
            return blank
        if _good_blank(text) and (best is None or len(text) > len(best.text)):
            best = Span(text, sentence.start + a, sentence.start + b)
    return best


def _phrases(sentence: Span, blanks: list[Span]) -> list[Span]:
    """Each blank trimmed to its phrase (:func:`phrase_blank`); one with no phrase in it
    is left out, unless none is left (the card keeps what it asks)."""
    whole = [p for b in blanks if (p := phrase_blank(sentence, b)) is not None]
    return whole or blanks


def _bounds(s: Span) -> frozenset[int]:
    """Offsets in ``s.text`` where a jieba token starts or ends."""
    return word_bounds(s.text)


def term_blanks(s: Span, scores: dict[str, float], limit: int = MAX_BLANKS) -> list[Span]:
    """The best-scoring key terms in ``s`` on word boundaries, non-overlapping."""
    hits: list[tuple[float, int, str]] = []
    bounds: frozenset[int] | None = None
    for word, score in scores.items():
        at = s.text.find(word)
        if at >= 0:
            bounds = bounds if bounds is not None else _bounds(s)
            while at >= 0 and not (at in bounds and at + len(word) in bounds):
                at = s.text.find(word, at + 1)
            if at >= 0:
                hits.append((score, at, word))
    # The longest compound wins where terms nest (社区嵌入式养老服务 over 养老服务).
    hits = [
        h
        for h in hits
        if not any(o[2] != h[2] and h[2] in o[2] and o[1] <= h[1] < o[1] + len(o[2]) for o in hits)
    ]
    hits.sort(key=lambda h: (-h[0], h[1]))
    chosen: list[Span] = []
    for _score, at, word in hits:
        start = s.start + at
        span = Span(word, start, start + len(word))
        if any(span.start < c.end and c.start < span.end for c in chosen):
            continue
        if _good_blank(word):
            chosen.append(span)
        if len(chosen) == limit:
            break
    return sorted(chosen, key=lambda c: c.start)


def find_clozes(
    folded: str,
    doc: Outline,
    terms: list[Term],
    skip: set[tuple[int, int]],
    top: int,
    topic: set[str] | None = None,
    functions: dict[int, str] | None = None,
    listed: list[Span] | None = None,
    learned: Learned | None = None,
    material: bool = False,
) -> list[Cloze]:
    """Cloze cards; ``skip`` holds (start, end) of sentences already used as list items,
    ``listed`` the items of the list cards (a series they hold gets no cloze).

    Key-term cards cover the ``top`` best terms and every 规范表述 of the article
    (up to ``top`` more) and the best names it quotes below them (up to a third of
    ``top``), each blanked at least once. ``learned``: the learned
    model's verdicts (the terms came ranked by it; sentences it finds 金句 that no
    rule does are carded as 金句 too). ``material``: the text is an exam paper's
    给定资料 (no title of its own): its background, narration and the remarks of the
    people it quotes carry a key-term card only for a coined or standard term.
    """
    from trainer.generation.classify.functions import CARDABLE

    topic = topic or set()
    scores = {t.word: t.score for t in terms[: top * 3]}
    guifan = guifan_words()
    # The window holds the article's own terms; 规范表述 come on top of it, so a
    # longer list of standard phrases never pushes the article's terms out.
    own_terms = [t for t in terms if t.word not in guifan]
    standard = [t for t in terms if t.word in guifan][: 2 * top]
    # Names the article quotes (“卡脖子”, “四向八廊”) count with them: coined terms a
    # tutor cards wherever the ranking puts them. Those below the window leave the
    # article's own terms, so the window of terms blanked in cards already made
    # (``extra_cover``) reaches the terms ranked after them.
    coinages = [t for t in own_terms[top:] if _quoted_name(t.word, folded)]
    coinage_set = frozenset(coinages)  # asked of every term, and of each term per sentence
    own_terms = [t for t in own_terms if t not in coinage_set]
    standard += coinages[: top // 3]
    scores.update((t.word, t.score) for t in standard)
    cover = sorted([*own_terms[:top], *standard], key=lambda t: (-t.score, t.word))
    # Terms ranked just below the window are blanked too, in cards already made.
    extra_cover = own_terms[top : top + top // 2]
    cover += extra_cover
    out: list[Cloze] = _Cards()
    used: set[int] = set()
    couplets = _couplets(folded, doc)
    halves = {
        s.start
        for w, _g in couplets
        for s in w.paragraph.sentences
        if w.sentence.start <= s.start < w.sentence.end
    }
    instructions = {at for at, f in (functions or {}).items() if f == "要求"}
    for w, points in _two_points(folded, doc):
        if w.sentence.start in halves or (w.sentence.start, w.sentence.end) in skip:
            continue
        if w.sentence.start in instructions:
            continue
        if functions and functions.get(w.sentence.start, "") not in CARDABLE:
            continue
        plain = strip_punct(w.sentence.text)
        if 2 * sum(len(strip_punct(p.text)) for p in points) <= len(plain) + 4:
            role = "golden" if len(plain) <= _COUPLET_MAX else "term"
            _add(out, used, w, points, role, "two_points")
    for w, pair in couplets:
        _add(out, used, w, _golden_blanks(pair, scores, topic), "golden", "golden." + pair.rule)
    for w in _sentences(doc):
        if (w.sentence.start, w.sentence.end) in skip or w.sentence.start in halves:
            continue
        if w.sentence.start in instructions:
            continue
        sayings = GOLDEN_SECTION.search(w.section.heading) is not None
        sentence = strip_numbering(w.sentence) if sayings else w.sentence
        last = w.index == len(w.paragraph.sentences)
        g = find_golden(folded, sentence, w.index == 1, last, sayings)
        if g is None and learned is not None:
            g = learned.golden(folded, sentence, material)
        if g is None:
            continue
        blanks = _golden_blanks(g, scores, topic)
        if blanks:
            role = "term" if g.rule == POINT else "golden"
            _add(out, used, replace(w, sentence=sentence), blanks, role, "golden." + g.rule)
    # A judged predicate (关键在于Y) on a sentence no 金句 took: Y is the point.
    for w, points in _predicates(folded, doc):
        if (w.sentence.start, w.sentence.end) in skip or w.sentence.start in halves:
            continue
        if w.sentence.start in instructions:
            continue
        if functions and functions.get(w.sentence.start, "") not in CARDABLE:
            continue
        if _half_visible(w.sentence.text, points):
            _add(out, used, w, points[:MAX_BLANKS], "term", "predicate")
    covered = {strip_punct(b.text) for c in out for b in c.blanks}
    pool = [
        w
        for w in _sentences(doc)
        if _TERM_SENTENCE[0] <= len(w.sentence.text) <= _TERM_SENTENCE[1]
        and w.sentence.start not in instructions
        and not _chrome(w.sentence.text)
    ]
    functions = functions or {}
    long = [
        w
        for w in _sentences(doc)
        if len(w.sentence.text) > _TERM_SENTENCE[1] and w.sentence.start not in instructions
    ]

    def named(word: str) -> bool:
        """A 规范表述, a long (policy) name or a quoted coined term: worth a card from
        any sentence."""
        return word in guifan or len(word) >= _NAME_LEN or f"“{word}”" in folded

    windows = 0

    def coined(word: str) -> bool:
        """A 规范表述 or a term the article quotes: worth cutting a long sentence for."""
        return word in guifan or f"“{word}”" in folded

    def marked(word: str) -> bool:
        """A 规范表述, or a name the text quotes or titles (“三重门”, 《消费者权益保护法》):
        worth a card from a material's narration."""
        return coined(word) or f"《{word}》" in folded

    def plain_line(w: _Where) -> bool:
        """Outside a material any line; in one, a line that neither tells its story
        (:func:`narration`) nor gives its figures (two numbers, a percentage)."""
        if not material:
            return True
        text = w.sentence.text
        figures = len(_NUMBER.findall(text)) >= 2 or "%" in text
        return not figures and not narration(text)

    def cardable(w: _Where) -> bool:
        return not functions or functions.get(w.sentence.start, "") in CARDABLE

    counted: dict[Span, int] = {}

    def blank_count(s: Span) -> int:
        """How many of the ranked terms ``s`` can blank (asked again for each term)."""
        got = counted.get(s)
        if got is None:
            got = counted[s] = len(term_blanks(s, scores))
        return got

    budget = len(folded) // CHARS_PER_CARD
    for term in cover:
        if any(term.word in c and len(c) <= len(term.word) + _NEST for c in covered):
            continue
        if len(term.word) == 2 and rarity(term.word) < _RARE_PAIR and not named(term.word):
            continue  # 产业, 历史, 关键: a common pair is no term of its own (rubric: GEN)
        candidates = [
            w
            for w in pool
            if term.word in w.sentence.text
            and any(b.text == term.word for b in term_blanks(w.sentence, {term.word: 1.0}, 1))
            and w.sentence.start not in used
            and "{" not in w.sentence.text
            and "}" not in w.sentence.text
            and (cardable(w) or marked(term.word) or (named(term.word) and plain_line(w)))
            and not (term in coinage_set and fragment(w.sentence.text))
            and not (material and first_person_remark(w.sentence.text) and not marked(term.word))
        ]
        if term in extra_cover and _extend(out, term.word):
            covered.add(term.word)
            continue
        if not candidates or (term in extra_cover and len(out) >= budget):
            if term in extra_cover:
                continue
            # Room in a card already made; else the clauses around it in a sentence
            # too long to card; else the place of a weaker blank in a full card.
            done = _extend(out, term.word)
            if not done and coined(term.word) and windows < _WINDOWS_MAX:
                done = _long_sentence_card(out, used, term.word, folded, long)
                windows += done
            if not done and named(term.word):
                done = _swap(out, term.word, scores)
            if done:
                covered.add(term.word)
            continue
        # A sentence that does something in the argument first; background and
        # evidence only when the term appears nowhere else.
        best = max(
            candidates,
            key=lambda w: (
                cardable(w),
                blank_count(w.sentence),
                -abs(len(w.sentence.text) - 40),
                -w.sentence.start,
            ),
        )
        others = {k: v for k, v in scores.items() if k != term.word and term.word not in k}
        own = term_blanks(best.sentence, {term.word: 1.0}, 1)[0]
        # A ranked compound holding the term there is asked whole (县域经济活力 over 县域经济).
        wider = term_blanks(
            best.sentence,
            {
                k: float(len(k))
                for k in scores
                if term.word in k and len(k) <= len(term.word) + _NEST
            },
            MAX_BLANKS,
        )
        own = max(
            (b for b in wider if b.start <= own.start and own.end <= b.end),
            key=lambda b: len(b.text),
            default=own,
        )
        extra = [
            b
            for b in term_blanks(best.sentence, others, MAX_BLANKS)
            if not (b.start < own.end and own.start < b.end)
        ]
        extra = [
            b
            for b in extra
            if len(b.text) >= _SIDE_TERM
            or named(b.text)
            or any(o.end == b.start or b.end == o.start for o in (own, *extra))
        ]
        blanks = sorted([own, *extra[: MAX_BLANKS - 1]], key=lambda b: b.start)
        rule = "keyterm.model" if learned is not None and term.word in learned.terms else "term"
        if _add(out, used, best, blanks, "term", rule):
            covered.update(strip_punct(b.text) for b in blanks)
    _series_cards(folded, doc, out, used, skip, instructions, functions, listed)
    names = [
        t.word
        for t in [*terms, *standard]
        if (t.word in guifan and t in standard) or _quoted_name(t.word, folded)
    ]
    _name_pass(out, list(dict.fromkeys(names)), scores)
    for k, c in enumerate(out):
        if c.rule in _SWAPPABLE and not c.together:
            whole = _whole_compounds(c.sentence, c.blanks)
            if functions.get(c.sentence.start) == "对策":
                whole = _verb_objects(c.sentence, whole)
            if functions.get(c.sentence.start) in _DEMANDING:
                whole = _with_demand(c.sentence, whole, topic)
            whole = _without_topic_subject(c.sentence, whole, topic)
            whole = _with_judgement(c.sentence, whole, topic)
            if not narration(c.sentence.text):  # 周云是村里的致富带头人: a story's line
                whole = _with_claim(c.sentence, whole, topic)
            whole = _with_quoted(c.sentence, whole, topic)
            whole = _standing_over_side(c.sentence, whole, topic)
            out[k] = replace(c, blanks=whole)
    out.sort(key=lambda c: c.sentence.start)
    return out


def _chrome(text: str) -> bool:
    """A line of site chrome left inside the article (本笔记由……整理,仅供学习交流,请勿
    转载): two marks of a footer, or a promotion. No term card is made on it, whatever
    name it quotes; one mark alone is no evidence (推进扫码入企 is a 对策)."""
    return len(FOOTER.findall(text)) >= 2 or PROMO.search(text) is not None


def _opens_object(word: str) -> bool:
    return word in ("的", "之") or word in _edges()["lead"] or _verbal(word)


def _verbal(word: str) -> bool:
    return word in VERBS or verb_like(word)


def _modifier(word: str) -> bool:
    """A noun that may open a compound a blank ends in (内容 + 孵化器, 绿色循环 +
    产业链): no verb or function word, no generic, time or connective word."""
    return (
        is_content(word)
        and not tag(word)
        and not _verbal(word)
        and word not in STOP_WORDS
        and word not in words("connectives")
        and word not in _edges()["speaker"]
        and not _TIME.search(word)
    )


_TIME = re.compile(r"[年月日时]|^(?:当前|目前|现在|如今|当下|今后|未来|过去|以往|同时)$")


_HEAD_MAX = 3
"""A blank this short may be the head of a compound (孵化器, 产业链, 短板) and take the
nouns before it; a longer one is a term already, and a word before it is as often a
verb (评估, 扎根) as a noun."""


def _word_edges(
    sentence: Span,
) -> tuple[list[tuple[str, int]], dict[int, int], dict[int, int], int]:
    """The sentence's words, the word opening and the word closing at each offset,
    and how many characters it has without punctuation: what widening a blank to
    its words reads."""
    toks = tokens(sentence.text)
    starts = {at: k for k, (_w, at) in enumerate(toks)}
    ends = {at + len(w): k for k, (w, at) in enumerate(toks)}
    return toks, starts, ends, len(strip_punct(sentence.text))


def _whole_compounds(sentence: Span, blanks: tuple[Span, ...]) -> tuple[Span, ...]:
    """Blanks widened to the noun compound they end or open (内容{孵化器} becomes
    {内容孵化器}, {算力}枢纽 becomes {算力枢纽}): the nouns before a blank that close on
    a noun, and a head noun after it (``data/term_heads.txt``), at most ``_NEST``
    characters more, while at least half the sentence stays visible (rubric: KEY, CUT:
    a blank on part of a compound leaves the rest of the study point showing)."""
    toks, starts, ends, plain = _word_edges(sentence)
    out = list(blanks)
    for n, b in enumerate(out):
        lo, hi = b.start - sentence.start, b.end - sentence.start
        i, j = starts.get(lo), ends.get(hi)
        if i is None or j is None or tag(toks[j][0]):
            continue
        # The nouns before a noun phrase (a blank opening on a verb is a predicate,
        # and the word before it its subject: 党员干部{干事创业}).
        if len(b.text) <= _HEAD_MAX and not _verbal(toks[i][0]):
            k = i
            while (
                k > 0 and _modifier(toks[k - 1][0]) and hi - toks[k - 1][1] <= len(b.text) + _NEST
            ):
                k -= 1
            # The whole is an object or attribute: a verb, a preposition or 的 before
            # it, not the opening of a clause (its subject: 党员干部{干事创业}).
            if k < i and k > 0 and _opens_object(toks[k - 1][0]):
                i = k
        while (
            j + 1 < len(toks)
            and _closes_compound(
                toks[i][0],
                toks[j][0],
                toks[j + 1][0],
                toks[j + 2][0] if j + 2 < len(toks) else "。",
            )
            and toks[j + 1][1] + len(toks[j + 1][0]) - toks[i][1] <= len(b.text) + _NEST
        ):
            j += 1
        j = _past_de(toks, i, j, len(b.text) + _NEST)
        lo2, hi2 = toks[i][1], toks[j][1] + len(toks[j][0])
        if (lo2, hi2) == (lo, hi):
            continue
        others = [o for m, o in enumerate(out) if m != n]
        if any(sentence.start + lo2 < o.end and o.start < sentence.start + hi2 for o in others):
            continue
        wide = Span(sentence.text[lo2:hi2], sentence.start + lo2, sentence.start + hi2)
        hidden = sum(len(o.text) for o in others) + len(wide.text)
        if 2 * hidden <= plain and _good_blank(wide.text):
            out[n] = wide
    return tuple(out)


def _closes_compound(first: str, last: str, nxt: str, then: str) -> bool:
    """``nxt`` is the head noun of the compound a blank ending on ``last`` is cut
    from: a policy head (``data/term_heads.txt``: 机制, 能力), or a common dictionary
    noun after a noun (智能制造|基地, 顺应时代|变化) that closes the phrase (``then``
    a mark or :data:`_PHRASE_ENDS`). Not a generic noun (数字经济|领域), an adjective
    (问题|复杂), nor after a blank opening (``first``) on a negation (不公平|信息: the
    blank is the judgement)."""
    if nxt in HEADS:
        return True
    return (
        not _verbal(last)
        and not first.startswith("不")
        and _modifier(nxt)
        and nxt not in GENERIC
        and common_noun(nxt)
        and (strip_punct(then) != then or then in _PHRASE_ENDS)
    )


_PHRASE_ENDS = frozenset({"的", "等", "和", "与", "及"})
"""Words after which a noun phrase has closed (智能制造基地等): a head noun the blank
reaches for must close the phrase, else it is an attribute (马克思主义|基本原理) or a
verb (占道经营|影响交通) and widening only moves the cut."""


def _past_de(toks: list[tuple[str, int]], i: int, j: int, longest: int) -> int:
    """The word closing a blank that opens on a verb or preposition and ends on the
    attribute of its object (关注国家|的发展, 对国家|的认同): the head after 的, when the
    head ends the clause, the blank stays ``longest`` characters at most; else ``j``."""
    if j + 2 >= len(toks) or toks[j + 1][0] != "的" or _verbal(toks[j][0]):
        return j
    if not (_verbal(toks[i][0]) or tag(toks[i][0]) == "p"):
        return j
    head, at = toks[j + 2]
    after = toks[j + 3][0] if j + 3 < len(toks) else "。"
    if not is_content(head) or strip_punct(after) == after or after[0] in "》〉":
        return j  # 《……增进老年人福祉的意见》: the head is a document's name
    return j + 2 if at + len(head) - toks[i][1] <= longest else j


def _verb_objects(sentence: Span, blanks: tuple[Span, ...]) -> tuple[Span, ...]:
    """In a 对策 sentence, a blank on the object of a policy verb that opens its
    clause (要{健全}监管体系, ，{优化}营商环境) takes the verb too: the measure is the
    verb-object, and a blank on its noun alone leaves the measure showing (rubric:
    KEY). Only while at least half the sentence stays visible."""
    toks, starts, ends, plain = _word_edges(sentence)
    out = list(blanks)
    for n, b in enumerate(out):
        i, j = starts.get(b.start - sentence.start), ends.get(b.end - sentence.start)
        if i is None or j is None or i == 0 or _verbal(toks[i][0]) or _verbal(b.text[:2]):
            continue  # a blank that opens on a verb has its own (规划建设……体系)
        after = toks[j + 1][0] if j + 1 < len(toks) else "。"
        if strip_punct(after) == after and after not in _OBJECT_ENDS:
            continue  # the object goes on past the blank (提高{课堂教学}效率)
        if after.startswith("、"):
            continue  # the verb governs a series (完善{网格化管理}、精细化服务……)
        verb, at = toks[i - 1]
        if len(verb) < 2 or verb not in _POLICY_VERBS or at + len(verb) != toks[i][1]:
            continue
        if len(verb) + len(b.text) > _VERB_OBJECT_MAX:
            continue  # 加强社区工作者队伍建设: too long to recall as one phrase
        before = toks[i - 2][0] if i >= 2 else "，"
        if not (strip_punct(before) != before or before in _CLAUSE_LEADS):
            continue  # 部门{协同}: the verb is no measure's, it ends a noun phrase
        wide = Span(verb + b.text, sentence.start + at, b.end)
        if any(o is not b and o.start < wide.end and wide.start < o.end for o in out):
            continue
        hidden = sum(len(o.text) for o in out) + len(verb)
        if 2 * hidden <= plain:
            out[n] = wide
    return tuple(out)


_VERB_OBJECT_MAX = 10
"""A verb-object blank this long at most (健全监管体系, 完善新型举国体制)."""
_POLICY_VERBS = frozenset(kind_words("policy_verbs", "verbs"))
_OBJECT_ENDS = frozenset(kind_words("policy_verbs", "ends"))
_CLAUSE_LEADS = frozenset(kind_words("policy_verbs", "leads"))


def _quoted_name(word: str, folded: str) -> bool:
    """A term the article quotes or names as a document (“伪多边主义”, 《……纲要》);
    a common pair in quotes (“世界”, “人类”) is no coined term."""
    if not _enclosed(folded, word, "“", "”") and not _enclosed(folded, word, "《", "》"):
        return False
    if strip_punct(word) != word or not _balanced(word):
        return False  # 币圈”“金融圈: two quotations, not one name
    return len(word) > 2 or rarity(word) >= _RARE_PAIR


def _enclosed(folded: str, word: str, opening: str, closing: str) -> bool:
    """``opening + word + closing`` occurs in ``folded``. Within an article, read off
    what each ``opening`` mark encloses at the word's length (listed once per length),
    not by a search of the whole text per word: every ranked term is asked about."""
    memo = current()
    if memo is None or not word:
        return f"{opening}{word}{closing}" in folded
    n = len(word)
    key = ("enclosed", folded, opening, closing, n)
    got: frozenset[str] | None = memo.get(key)
    if got is None:
        at = ("opening_at", folded, opening)
        marks: list[int] | None = memo.get(at)
        if marks is None:
            marks = memo[at] = [m.start() for m in re.finditer(re.escape(opening), folded)]
        got = memo[key] = frozenset(
            folded[p + 1 : p + 1 + n] for p in marks if folded[p + 1 + n : p + 2 + n] == closing
        )
    return word in got


def _name_pass(out: list[Cloze], names: list[str], scores: dict[str, float]) -> None:
    """Each coined or quoted term and 规范表述 that a card shows but no card blanks
    (rubric: KEY: the study point visible while side words are blanked): blanked on a
    card whose sentence holds it, as a question of its own while the card asks fewer
    than ``MAX_BLANKS`` and at least half the sentence stays visible, else in place of
    the card's weakest side word."""
    asked = {strip_punct(b.text) for c in out for b in c.blanks}
    top = max(scores.values(), default=1.0)
    for word in names:
        if any(word in a and len(a) <= len(word) + _NEST for a in asked):
            continue
        holding = [k for k, c in enumerate(out) if word in c.sentence.text]
        if not holding:
            continue
        cards = [out[k] for k in holding]
        if (
            _join_run(cards, word)
            or _add_question(cards, word)
            or _swap(cards, word, {**scores, word: top})
        ):
            for k, c in zip(holding, cards, strict=True):
                out[k] = c
                asked.update(strip_punct(b.text) for b in c.blanks)


_RUN_GAPS = ("”“", "”、“", '""', '"、"')
"""What stands between two quoted names of one run (“土专家”“田秀才”)."""


def _join_run(out: list[Cloze], word: str) -> bool:
    """``word`` quoted right beside a quoted name a card blanks (“{土专家}”“田秀才”): the
    two are members of one run, asked together as one deletion (rubric: KEY)."""
    for k, c in enumerate(out):
        text = c.sentence.text
        for b in c.blanks:
            lo, hi = b.start - c.sentence.start, b.end - c.sentence.start
            after = next((g for g in _RUN_GAPS if text.startswith(g + word, hi)), None)
            before = next((g for g in _RUN_GAPS if text.endswith(word + g, 0, lo)), None)
            if after is not None:
                at = c.sentence.start + hi + len(after)
            elif before is not None:
                at = c.sentence.start + lo - len(before) - len(word)
            else:
                continue
            new = Span(word, at, at + len(word))
            if any(new.start < o.end and o.start < new.end for o in c.blanks):
                continue
            hidden = sum(len(o.text) for o in c.blanks) + len(word)
            if 2 * hidden > len(strip_punct(text)) or not _good_blank(word):
                continue
            blanks = tuple(sorted([*c.blanks, new], key=lambda o: o.start))
            if b.start in c.together or not c.together:
                run = c.together | {b.start, new.start}
                out[k] = replace(c, blanks=blanks, together=run)
            else:  # a further run, or one more member of one
                more = [g for g in c.more if b.start not in g]
                run = frozenset({new.start}).union(*(g for g in c.more if b.start in g), {b.start})
                out[k] = replace(c, blanks=blanks, more=(*more, run))
            return True
    return False


def _add_question(out: list[Cloze], word: str) -> bool:
    """``word`` blanked as one more question of a card on a sentence that holds it."""
    for c in sorted(out, key=lambda c: (c.role != "term", _questions(c), c.sentence.start)):
        if word not in c.sentence.text or _questions(c) >= MAX_BLANKS:
            continue
        found = term_blanks(c.sentence, {word: 1.0}, 1)
        if not found or any(found[0].start < b.end and b.start < found[0].end for b in c.blanks):
            continue
        hidden = sum(len(b.text) for b in (*c.blanks, found[0]))
        if 2 * hidden > len(strip_punct(c.sentence.text)):
            continue
        blanks = sorted([*c.blanks, found[0]], key=lambda b: b.start)
        grouped = c.together.union(*c.more)
        if not grouped:
            blanks = _joined(blanks)
        out[out.index(c)] = replace(c, blanks=tuple(blanks))
        return True
    return False


_LEANS = frozenset("也又是就而但并还即更却才且则乃故因")
"""Characters a clause opens with when it carries on from the one before it."""
_WINDOW = (24, 60)
_WINDOWS_MAX = 2
"""Cards cut from long sentences per article: the deck's budget is for whole sentences."""
"""A window of clauses cut from a long sentence: grown to at least the first figure,
never beyond the second."""


def _long_sentence_card(
    out: list[Cloze], used: set[int], word: str, folded: str, long: list[_Where]
) -> bool:
    """A card for a 规范表述 or coined term that only stands in sentences too long to
    card (中国始终高举……,践行真正的多边主义,坚持……,反对……): the clauses around it,
    from the one that holds it on to the next (or back to the one before) until the
    window reads as a statement, the term blanked. The sentence gets no other card."""
    for w in long:
        s = w.sentence
        if word not in s.text or s.start in used or "{" in s.text or "}" in s.text:
            continue
        if structure_members(folded, s):
            continue  # its series gets the sentence's card
        parts = clauses(folded, s.start, s.end)
        at = next(
            (k for k, c in enumerate(parts) if word in c.text and term_blanks(c, {word: 1.0}, 1)),
            None,
        )
        if at is None:
            continue
        lo = hi = at
        lo_min, hi_max = _WINDOW
        while parts[hi].end - parts[lo].start < lo_min:
            if hi + 1 < len(parts) and parts[hi + 1].end - parts[lo].start <= hi_max:
                hi += 1
            elif lo > 0 and parts[hi].end - parts[lo - 1].start <= hi_max:
                lo -= 1
            else:
                break
        start, end = parts[lo].start, parts[hi].end
        if end - start > hi_max:
            continue
        window = Span(folded[start:end], start, end)
        if fragment(window.text) or "等" in window.text:
            continue  # a fragment's opener; a list (……等)
        if start > s.start and window.text[0] in _LEANS:
            continue  # 也使得……, 是对……的: leans on the clause the window leaves out
        at = window.text.find(word)
        if "、" in window.text[max(0, at - 1) : at + len(word) + 1]:
            continue  # a member of a series (城乡统筹、因地制宜): the series is the point
        blank = term_blanks(window, {word: 1.0}, 1)
        fits = blank and 2 * len(blank[0].text) <= len(strip_punct(window.text))
        if fits and _add(out, used, replace(w, sentence=window), blank, "term", "term"):
            used.add(s.start)
            return True
    return False


_SERIES_SENTENCE_MAX = 120


def _series_cards(
    folded: str,
    doc: Outline,
    out: list[Cloze],
    used: set[int],
    skip: set[tuple[int, int]],
    instructions: set[int],
    functions: dict[int, str] | None,
    listed: list[Span] | None,
) -> None:
    from trainer.generation.classify.functions import CARDABLE

    functions = functions or {}
    asked: dict[tuple[str, ...], int] = {}
    """Members (as written) -> the start of the sentence that asks them."""
    found: list[tuple[_Where, list[list[Span]]]] = []
    for w in _sentences(doc):
        if (w.sentence.start, w.sentence.end) in skip or w.sentence.start in instructions:
            continue
        cardable = not functions or functions.get(w.sentence.start, "") in CARDABLE
        groups = [
            g
            for g in structure_members(folded, w.sentence)
            if (cardable or _built_alike(g))
            and not any(m.start < it.end and it.start < m.end for m in g for it in listed or ())
            and not any(time_phrase(strip_punct(m.text)) for m in g)
        ]
        if groups:
            found.append((w, groups))
        for g in groups:
            key = tuple(m.text for m in g)
            other = asked.get(key)
            if other is None or _rank(w, functions) < _rank(_where_at(found, other), functions):
                asked[key] = w.sentence.start
    carded: set[int] = set()
    for w, groups in found:
        # The series with the most members that makes a card, then a second one as a
        # deletion of its own on that card; members two sentences name alike are asked
        # once, where the sentence does most.
        for members in groups:
            if asked[tuple(m.text for m in members)] != w.sentence.start:
                continue
            if w.sentence.start in carded:
                if _second_series(out, w, members):
                    break
                continue
            if _series_card(out, used, w, members, lambda t: _standing(folded, t)):
                carded.add(w.sentence.start)
    # A two-point sentence the first pass left (its points long, or its cues saying
    # 背景 or 论据: the structure says it makes a point): each point on a deletion of
    # its own, each card showing at least half the sentence.
    for w, points in _two_points(folded, doc, _POINT_MAX):
        if w.sentence.start in carded or (w.sentence.start, w.sentence.end) in skip:
            continue
        if w.sentence.start in instructions or fragment(w.sentence.text):
            continue  # 这些乱象不但……: what it judges is in the sentence before
        if any(c.sentence.start == w.sentence.start and c.rule == "two_points" for c in out):
            continue
        if _clause_card(out, used, w, points, lambda t: _standing(folded, t), "two_points"):
            carded.add(w.sentence.start)
    # A sentence of parallel clauses (把A,把B; 优化A,推动B,提高C) with no series asked:
    # its clauses are its points, asked one at a time.
    for w in _sentences(doc):
        if w.sentence.start in carded or (w.sentence.start, w.sentence.end) in skip:
            continue
        if w.sentence.start in instructions or functions.get(w.sentence.start, "") not in CARDABLE:
            continue
        for members in clause_members(folded, w.sentence):
            if any(m.start < it.end and it.start < m.end for m in members for it in listed or ()):
                continue
            _clause_card(out, used, w, members, lambda t: _standing(folded, t))


def _second_series(out: list[Cloze], w: _Where, members: list[Span]) -> bool:
    """A second series of a sentence whose card asks its first: added to that card as a
    deletion of its own (its card hides only these members, at most half the sentence),
    while the card asks at most ``MAX_BLANKS`` questions and is the sentence's only one;
    else asked on a card of its own."""
    plain = len(strip_punct(w.sentence.text))
    if 2 * sum(len(m.text) for m in members) > plain:
        return False
    members = [_unquoted(m) for m in members]
    if any(not _balanced(m.text) or _torn(strip_punct(m.text)) for m in members):
        return False
    on = [k for k, c in enumerate(out) if c.sentence.start == w.sentence.start]
    if any(b.start < m.end and m.start < b.end for k in on for b in out[k].blanks for m in members):
        return any(_members_over(out, k, members, plain) for k in on)
    for k in on:
        c = out[k]
        if len(on) != 1 or not c.together or _questions(c) >= MAX_BLANKS:
            continue
        blanks = sorted([*c.blanks, *members], key=lambda b: b.start)
        out[k] = replace(
            c, blanks=tuple(blanks), more=(*c.more, frozenset(m.start for m in members))
        )
        return True
    # No room on the sentence's card (or it has cards besides, which are tidied into
    # one where they fit): the series is a point of its own, asked on a card of its own.
    return _own_series_card(out, w, members)


def _members_over(out: list[Cloze], k: int, members: list[Span], plain: int) -> bool:
    """Card ``k`` blanks some members of a series one at a time (实现{共同行动}、资源共享)
    and nothing across them: the series takes those blanks over and is asked together,
    a deletion of its own, while the card hides at most half the sentence."""
    c = out[k]
    inside = [b for b in c.blanks if any(m.start <= b.start and b.end <= m.end for m in members)]
    if not inside or c.together.union(*c.more) & {b.start for b in inside}:
        return False
    kept = [b for b in c.blanks if b not in inside]
    if any(b.start < m.end and m.start < b.end for b in kept for m in members):
        return False  # a blank across a member's edge: not this series' card
    blanks = sorted([*kept, *members], key=lambda b: b.start)
    if 2 * sum(len(b.text) for b in blanks) > plain:
        return False
    group = frozenset(m.start for m in members)
    if c.together:
        out[k] = replace(c, blanks=tuple(blanks), more=(*c.more, group))
    else:
        out[k] = replace(c, blanks=tuple(blanks), together=group)
    return True


def _questions(c: Cloze) -> int:
    """How many deletions (cloze numbers) ``c`` asks."""
    grouped = c.together.union(*c.more)
    alone = sum(b.start not in grouped for b in c.blanks)
    return alone + (1 if c.together else 0) + len(c.more)


_RANKS = ("论点", "分论点", "对策", "意义", "问题", "原因", "危害")


def _rank(w: _Where, functions: dict[int, str]) -> tuple[bool, int]:
    """Where a series two sentences share is asked: not a sentence leaning on the one
    before (这说明……), then the sentence of the strongest function."""
    name = functions.get(w.sentence.start, "")
    return fragment(w.sentence.text), _RANKS.index(name) if name in _RANKS else len(_RANKS)


def _where_at(found: list[tuple[_Where, list[list[Span]]]], start: int) -> _Where:
    return next(w for w, _g in found if w.sentence.start == start)


def _standing(folded: str, text: str) -> bool:
    """A blank a card keeps when a series takes it over: a 规范表述, a quoted term or a
    term of ``_SIDE_TERM`` characters or more (学术不端); short side words (党员, 主题)
    give way to the members."""
    core = strip_punct(text)
    return core in guifan_words() or f"“{core}”" in folded or len(core) >= _SIDE_TERM


def _built_alike(members: list[Span]) -> bool:
    """Members built on one pattern (有送必检、随送随检; 同呼吸、共命运、心连心): of like
    length, or sharing their first or last character. Such a series names points even
    in a sentence whose cues say 背景 or 论据."""
    texts = [m.text for m in members]
    lengths = sorted(len(t) for t in texts)
    if lengths[-1] - lengths[0] <= 1:
        return True
    return len({t[0] for t in texts}) == 1 or len({t[-1] for t in texts}) == 1


def _unquoted(m: Span) -> Span:
    """A member cut at its quotation mark where the mark's partner is outside it
    (就应以“责权一致 -> 责权一致, 责能一致”为准绳 -> 责能一致, 自我隔绝” -> 自我隔绝)."""
    text = m.text
    if text.count("“") == 1 and "”" not in text:
        at = text.index("“") + 1
        return Span(text[at:], m.start + at, m.end)
    if text.count("”") == 1 and "“" not in text:
        at = text.index("”")
        return Span(text[:at], m.start, m.start + at)
    return m


def _series_card(
    out: list[Cloze],
    used: set[int],
    w: _Where,
    members: list[Span],
    standing: Callable[[str], bool] = lambda _t: False,
) -> bool:
    """A card asking for the members of a series together (one deletion), or the
    members added to the card already made on the sentence, while at least half the
    sentence stays visible."""
    plain = len(strip_punct(w.sentence.text))
    if plain > _SERIES_SENTENCE_MAX or 2 * sum(len(m.text) for m in members) > plain:
        return False
    members = [_unquoted(m) for m in members]
    if any(not _balanced(m.text) or _torn(strip_punct(m.text)) for m in members):
        return False  # a member cut off its word (形成{新}的, “{一体化”发展机制}): rubric CUT
    if w.sentence.start not in used:
        return _add(out, used, w, members, "term", "series", together=members)
    for k, c in enumerate(out):
        if c.sentence.start != w.sentence.start or c.together:
            continue
        # A blank that holds a member (老年助餐 over 助餐) stands for it.
        held = [
            next((b for b in c.blanks if b.start <= m.start and m.end <= b.end), m) for m in members
        ]
        members = list(dict.fromkeys(held))
        if len(members) < 2:
            # The whole series lies inside one blank of the card: already asked there,
            # and a card of one blank written per member would write it twice.
            return False
        kept = [
            b
            for b in c.blanks
            if b not in members and not any(b.start < m.end and m.start < b.end for m in members)
        ]
        full = len(kept) >= MAX_BLANKS or 2 * sum(len(b.text) for b in (*kept, *members)) > plain
        if full and c.role == "term":
            # No room beside the card's side words: the members are the point of the
            # sentence, so they take the card, with the side words that still fit.
            room = plain // 2 - sum(len(m.text) for m in members)
            fits: list[Span] = []
            for b in sorted(kept, key=lambda b: -len(b.text)):
                if len(fits) < MAX_BLANKS - 1 and len(b.text) <= room:
                    fits.append(b)
                    room -= len(b.text)
            displaced = [b for b in kept if b not in fits]
            if any(standing(b.text) for b in displaced):
                return _own_series_card(out, w, members)
            blanks = sorted([*fits, *members], key=lambda b: b.start)
            out[k] = replace(
                c, blanks=tuple(blanks), rule="series", together=frozenset(m.start for m in members)
            )
            return True
        if full:
            # No room beside a 金句's own blanks: the series is a point of its own,
            # asked on a card of its own.
            return _own_series_card(out, w, members)
        blanks = sorted([*kept, *members], key=lambda b: b.start)
        out[k] = replace(c, blanks=tuple(blanks), together=frozenset(m.start for m in members))
        return True
    return False


def _clause_card(
    out: list[Cloze],
    used: set[int],
    w: _Where,
    members: list[Span],
    standing: Callable[[str], bool],
    rule: str = "clauses",
) -> bool:
    """A card asking each clause of a parallel run (or each point of a two-point
    sentence) on a deletion of its own, each card hiding one and showing the others and
    at least half the sentence: made on the sentence, or taking over the blanks of the
    card made there (a 金句 stays a 金句) when those are short side words or lie inside
    the members."""
    plain = len(strip_punct(w.sentence.text))
    members = snap_to_words(w.sentence, members)
    if len(members) < 2 or any(2 * len(strip_punct(m.text)) > plain for m in members):
        return False
    if any(not _balanced(m.text) for m in members):
        return False
    if w.sentence.start not in used:
        return _add(out, used, w, members, "term", rule)
    for k, c in enumerate(out):
        if c.sentence.start != w.sentence.start:
            continue
        if c.together:
            return False
        # The card's blanks must stay asked: each inside a member that holds it with
        # little around it, or a short side word.
        for b in c.blanks:
            holder = next((m for m in members if m.start <= b.start and b.end <= m.end), None)
            kept = holder is not None and len(holder.text) <= len(b.text) + _NEST
            if standing(b.text) and not kept:
                return False
        out[k] = replace(c, blanks=tuple(members), rule=rule)
        return True
    return False


def _own_series_card(out: list[Cloze], w: _Where, members: list[Span]) -> bool:
    out.append(
        Cloze(
            w.section,
            w.paragraph,
            w.index,
            w.sentence,
            tuple(members),
            "term",
            "series",
            frozenset(m.start for m in members),
        )
    )
    return True


def _golden_blanks(g: Golden, scores: dict[str, float], topic: set[str]) -> list[Span]:
    """A 金句's own blanks (the halves of a couplet…), else its key terms, else its
    rarest content words; never the topic, a connective or a generic word."""
    if g.blanks:
        own = [_to_claim(g.sentence, b, topic) for b in g.blanks]
        own = [b for b in own if _good_blank(b.text) and not is_topic(b.text, topic)]
        if own:
            return own[:MAX_BLANKS]
    found = [
        b
        for b in term_blanks(g.sentence, scores)
        if len(b.text) > 2 or rarity(b.text) >= _RARE_PAIR or b.text in guifan_words()
    ]
    # A pair of characters beside a longer term is a side word (网红, 监管, 顾客):
    # guessed or generic (rubric: GEN); the longer terms carry the card.
    longer = [b for b in found if len(b.text) > 2 or b.text in guifan_words()]
    if longer:
        return longer
    if found:
        return found
    # No key term in it: the judgement its 是 makes (……是国家长治久安的{压舱石}).
    judged = _judgement(g.sentence, topic)
    if judged is not None:
        return [judged]
    # Else its rarest content words, nouns first (a verb, adverb, pronoun or count
    # only where it has fewer than two nouns: 知道, 当然, 哪里 are guessed, not recalled).
    words = [
        (rarity(w) * len(w), at, w)
        for w, at in tokens(g.sentence.text)
        if is_content(w)
        and _good_blank(w)
        and not is_topic(w, topic)
        and not (len(w) <= _COUNTED and "一" in w)  # 新一轮, 另一边: a count, no term
    ]
    nouns = [x for x in words if not tag(x[2])]
    if len(nouns) >= 2:  # a lone noun (中国人民不惹事也不怕事: 中国) is no better a guess
        words = nouns
    words.sort(key=lambda x: (-x[0], x[1]))
    start = g.sentence.start
    return sorted(
        (Span(w, start + at, start + at + len(w)) for _, at, w in words[:2]),
        key=lambda b: b.start,
    )


_COPULA = "是"
_JUDGED_MAX = 6


def _judgement(sentence: Span, topic: set[str]) -> Span | None:
    """The noun a 是 judges its subject by, in the clause of the first 是 standing
    alone as a word (不是/而是/就是 are other words): the head that clause ends on
    (:func:`_clause_head`: 是乡村振兴的{重点}, 是国家长治久安的{压舱石}, 是一道{必答题})."""
    toks = tokens(sentence.text)
    at = next((k for k, (w, _a) in enumerate(toks) if w == _COPULA), None)
    if at is None:
        return None
    return _clause_head(sentence, toks, at + 1, topic)


def _clause_head(
    sentence: Span,
    toks: list[tuple[str, int]],
    first: int,
    topic: set[str],
    modified: bool = False,
) -> Span | None:
    """The head the clause from token ``first`` ends on: the words after its last 的
    (是乡村振兴的{重点}; 要提升基层治理的{精细化水平}), without a count or measure word
    before them (是一道{必答题}), 2 to ``_JUDGED_MAX`` characters, a noun, neither the
    topic nor a generic word, at most half the sentence; with ``modified``, only a head
    a 的 modifies. The study point of a judgement and of a demand too long to be
    blanked whole (rubric: KEY)."""
    end = next(
        (
            k
            for k in range(first, len(toks))
            if toks[k][0] in _CLAUSE_ENDS or strip_punct(toks[k][0]) != toks[k][0]
        ),
        len(toks),
    )  # a full-width comma ends the clause too (it is no mark strip_punct takes)
    tail = toks[first:end]
    cut = max((k for k, (w, _a) in enumerate(tail) if w == "的"), default=-1)
    if modified and cut < 0:
        return None
    tail = tail[cut + 1 :]
    while tail and tag(tail[0][0]):
        tail = tail[1:]
    if not tail or any(tag(w) for w, _a in tail):
        return None
    lo, hi = tail[0][1], tail[-1][1] + len(tail[-1][0])
    text = sentence.text[lo:hi]
    if not 2 <= len(text) <= _JUDGED_MAX or not _good_blank(text) or is_topic(text, topic):
        return None
    if 2 * len(text) > len(strip_punct(sentence.text)):
        return None
    return Span(text, sentence.start + lo, sentence.start + hi)


def _with_demand(sentence: Span, blanks: tuple[Span, ...], topic: set[str]) -> tuple[Span, ...]:
    """In a 对策 or 论点 sentence, the predicate after its first demand (必须, 要,
    而是; ``data/demand_markers.txt``), to the end of its clause (不能采取短效行为，
    必须{创新工作思路}), is blanked whole, ahead of the blanks before the demand (who
    acts) and instead of a blank on its object alone (必须创新{工作思路}), which leaves
    the measure's verb showing (rubric: KEY). Blanks of earlier clauses are points of
    their own: without room for them and the predicate, nothing changes; blanks of its
    subject stay while there is room and half the sentence stays visible."""
    toks = tokens(sentence.text)
    demands = words("demand_markers")
    at = next((a + len(w) for w, a in toks if w in demands and a > 0), None)
    if at is None:
        return blanks
    text = sentence.text
    opens, ends = between_marks(text, at, at, _CLAUSE_MARKS)
    clause = Span(text[opens:ends], sentence.start + opens, sentence.start + ends)
    point = _point(clause, at - opens, _DEMAND_MAX)
    if point is None or "的" in point.text:
        # A demand too long to ask whole (要着力提升基层治理的精细化水平) or a phrase
        # (在荔枝的附加值上要效益): its point is the head its 的 modifies.
        return _with_demand_head(sentence, blanks, toks, at, clause, topic)
    if not _good_blank(point.text) or is_topic(point.text, topic):
        return blanks
    if point.start - sentence.start not in _bounds(sentence):
        return blanks
    measures = _measures(sentence, clause.end, topic)
    inside = [b for b in blanks if sentence.start + at < b.end <= clause.end]
    if any(b.start < point.start or b.end > point.end for b in inside):
        return blanks  # a blank of its own after the demand, or past the point
    if any(not 2 <= b.start - point.start <= _DEMAND_WIDER or b.end != point.end for b in inside):
        return blanks  # no verb of its own before the term (要靠{广大青年挺膺担当})
    past = [b for b in blanks if b.end > clause.end]
    if any(not any(m.start <= b.start and b.end <= m.end for m in measures) for b in past):
        return blanks  # a blank of its own past the measures, or across a measure's edge
    earlier = [b for b in blanks if b.end <= clause.start]  # points of their own
    subject = [b for b in blanks if clause.start < b.end <= sentence.start + at]

    def room(kept: list[Span], points: list[Span]) -> bool:
        return len(kept) + len(points) <= MAX_BLANKS and _half_visible(text, (*kept, *points))

    if not room(earlier, [point]):
        return blanks
    points = [point]
    for m in measures:  # each measure the demand lists, while there is room
        if not room(earlier, [*points, m]):
            break
        points.append(m)
    if any(points[-1].end <= b.start for b in past):
        return blanks  # a blank inside a measure with no room to ask it whole
    kept = [*earlier, *subject]
    while not room(kept, points):
        kept.pop()  # the subject of the demand goes, the nearest first
    return tuple(sorted((*kept, *points), key=lambda b: b.start))


def _with_demand_head(
    sentence: Span,
    blanks: tuple[Span, ...],
    toks: list[tuple[str, int]],
    at: int,
    clause: Span,
    topic: set[str],
) -> tuple[Span, ...]:
    """A demand too long to be blanked whole (要着力提升基层治理的{精细化水平}, 必须把……
    作为电影工作的{根本立足点}) blanks the head its 的 modifies, the clause's study
    point (:func:`_clause_head`), of ``_HEAD_MIN`` characters or more (a shorter head,
    细节, 信心, is a generic word: rubric GEN): beside its blanks while there is room
    and half the sentence stays visible, else in place of the blanks of the demand's
    subject, the nearest first. A clause with a blank of its own after the demand
    (坚持{以人民为中心}的创作思想) has its point asked; a demand quoted from elsewhere
    (提出的“必须……”) is none of the sentence's own."""
    text = sentence.text
    if text.count("“", 0, at) > text.count("”", 0, at):
        return blanks
    if any(sentence.start + at < b.end and b.start < clause.end for b in blanks):
        return blanks
    first = next((k for k, (_w, a) in enumerate(toks) if a >= at), len(toks))
    head = _clause_head(sentence, toks, first, topic, modified=True)
    if head is None or head.end > clause.end or len(head.text) < _HEAD_MIN:
        return blanks
    if head.start - sentence.start not in _bounds(sentence):
        return blanks
    subject = [b for b in blanks if clause.start < b.end <= sentence.start + at]
    kept = list(blanks)
    while len(kept) >= MAX_BLANKS or not _half_visible(text, (*kept, head)):
        if not subject:
            return blanks
        kept.remove(subject.pop())
    return tuple(sorted((*kept, head), key=lambda b: b.start))


_HEAD_MIN = 4
"""A long demand's head this long at least (精细化水平, 学术土壤)."""


def _measures(sentence: Span, after: int, topic: set[str]) -> list[Span]:
    """The run of further measures a demand lists after its own clause, which ends at
    ``after`` (要健全长效机制，{压实主体责任}，{畅通诉求渠道}): each a whole clause that
    opens on a policy verb (``data/policy_verbs.txt``) or a verb word of two characters
    or more (a clause opening on 让 or 使 gives an outcome, one on 不能 a ban), 4 to
    ``_DEMAND_MAX`` characters, no 的; the first clause that is none ends the run. A
    规范表述 the segmenter keeps whole (压实主体责任) opens on its policy verb."""
    text = sentence.text
    bounds = _bounds(sentence)
    out: list[Span] = []
    at = after - sentence.start
    while at < len(text) and text[at] in "，,；;":
        opens = at + 1
        ends = between_marks(text, opens, opens, _CLAUSE_MARKS)[1]
        body = text[opens:ends]
        first = next((w for w, _a in tokens(body)), "")
        if not (
            _MEASURE_MIN <= len(body) <= _DEMAND_MAX
            and opens in bounds
            and "的" not in body
            and not body.startswith("不")
            and (body[:2] in _POLICY_VERBS or (len(first) >= 2 and _verbal(first)))
            and _good_blank(body)
            and not is_topic(body, topic)
        ):
            break
        out.append(Span(body, sentence.start + opens, sentence.start + ends))
        at = ends
    return out


_MEASURE_MIN = 4
"""A listed measure this long at least (压实责任): a shorter clause is no verb-object."""


def _half_visible(text: str, blanks: Iterable[Span]) -> bool:
    """``blanks`` hide at most half of ``text`` (punctuation not counted): a cloze
    shows enough of its sentence to be answered (rubric: WHOLE)."""
    return 2 * sum(len(strip_punct(b.text)) for b in blanks) <= len(strip_punct(text))


_DEMANDING = frozenset({"对策", "论点"})
"""Functions of sentences that demand something (rubric: 对策 verb-object, 而是 half)."""
_DEMAND_MAX = 10
"""A demanded predicate this long at most (创新工作思路, 久久为功): longer is a clause."""
_DEMAND_WIDER = 4
"""A blank on the object grows to the predicate by a verb of two to this many characters
(工作思路 to 创新工作思路), so the term it blanked is still what the blank asks."""
_CLAUSE_MARKS = ("，", ",", "；", ";", "：", ":", "。")


_ORDINALS = frozenset("一二三四五六七八九十")
"""Before 是, a count that numbers a point (一是, 二是), not a subject judged."""


def _with_judgement(sentence: Span, blanks: tuple[Span, ...], topic: set[str]) -> tuple[Span, ...]:
    """A card blanking key terms whose blanks all stand before the 是 of a judgement
    (算力网络是……的重要{引擎}) also blanks the noun the judgement gives
    (:func:`_judgement`), where it has room and half the sentence stays visible:
    the subject alone asks what the title names and shows the point (rubric: KEY)."""
    if len(blanks) >= MAX_BLANKS:
        return blanks
    judged = _judgement(sentence, topic)
    if judged is None or any(b.end > judged.start for b in blanks):
        return blanks
    last = max((b.end for b in blanks), default=sentence.start) - sentence.start
    at = sentence.text.find(_COPULA, last, judged.start - sentence.start)
    if at < 0 or (at > 0 and sentence.text[at - 1] in _ORDINALS):
        return blanks  # no copula there, or a numbered point (一是精简文件会议)
    if not _half_visible(sentence.text, (*blanks, judged)):
        return blanks
    return (*blanks, judged)


_CLAIM_MAX = 8
"""A judgement's whole predicate this long at most is its claim (第一资源, 最大的红利,
历史和人民的选择); a longer one gives its degree phrase (最深厚的支撑) or nothing."""


_NO_CLAIM = frozenset({"为了", "因为", "由于", "为", "在", "从", "由", "对", "把", "被", "当"})
"""Words that open a 是 clause's purpose, reason or setting rather than its claim."""


_CLAUSE_ENDS = frozenset({*_CLAUSE_MARKS, "!", "?", "！", "？"})
"""Where a judgement's clause ends: a 、 joins members of one claim (是融内容、融技术、融机制)."""


def _claims(sentence: Span, topic: set[str]) -> list[Span]:
    """The claims a sentence's judgements make: in each clause with a 是 standing alone
    as a word (不是/而是/就是 are other words; 一是 numbers a point), what follows it to
    the end of the clause, when it is a noun phrase of 2 to ``_CLAIM_MAX`` characters
    (改革是{最大的红利}); without a head that repeats the subject (新型城镇化，是
    {以人为核心}的城镇化); of a longer one, its degree phrase (是社会治理{最深厚的支撑})."""
    text = sentence.text
    toks = tokens(text)
    out: list[Span] = []
    for k, (w, at) in enumerate(toks):
        if w != _COPULA or at == 0 or text[at - 1] in _ORDINALS:
            continue
        end = next(
            (j for j in range(k + 1, len(toks)) if toks[j][0] in _CLAUSE_ENDS),
            len(toks),
        )
        tail = toks[k + 1 : end]
        if not tail or tag(tail[-1][0]) not in ("", "v", "vn") or any(t == "、" for t, _a in tail):
            continue
        if tail[0][0] in _NO_CLAIM or tag(tail[0][0]) in ("c", "r") or tail[0][0] in _AFTER_MARKER:
            continue  # 是为了, 是因为, 是我们: a purpose, a reason or a pronoun, no claim
        cuts = [j for j, (t, _a) in enumerate(tail) if t == "的"]
        if cuts and tail[-1][0] in text[:at] and len(tail) - cuts[-1] == 2:
            tail = tail[: cuts[-1]]  # the head repeats the subject: its modifier is the claim
        elif cuts and tail[-1][1] + len(tail[-1][0]) - tail[0][1] > _CLAIM_MAX:
            j = cuts[-1] - 1
            if j < 1 or tag(tail[j - 1][0]) != "d":
                continue
            tail = tail[j - 1 :]  # 最深厚的支撑, 最关键的因素
        if not tail:
            continue
        lo, hi = tail[0][1], tail[-1][1] + len(tail[-1][0])
        claim = text[lo:hi]
        if not 2 <= len(claim) <= _CLAIM_MAX or not _good_blank(claim) or is_topic(claim, topic):
            continue
        out.append(Span(claim, sentence.start + lo, sentence.start + hi))
    return out


def _to_claim(sentence: Span, blank: Span, topic: set[str]) -> Span:
    """A blank opening on a judgement's 是 and holding its claim (:func:`_claims`)
    narrowed to the claim: {是以人民为中心的城市} asks 以人民为中心, not the copula and
    a head that repeats the subject (rubric: CUT, KEY). A blank that opens on its own
    subject ({青山就是美丽}) is a member of its sentence's parallel and stays whole."""
    if not blank.text.startswith(_COPULA):
        return blank
    for c in _claims(sentence, topic):
        if blank.start < c.start and c.end <= blank.end:
            return c
    return blank


def _with_claim(sentence: Span, blanks: tuple[Span, ...], topic: set[str]) -> tuple[Span, ...]:
    """A card none of whose blanks is in a claim its sentence's judgement makes
    (:func:`_claims`) blanks the first such claim: with room, beside its blanks; else in
    place of a topic word, a side word (``_SIDE_WORD`` characters, neither quoted nor a
    规范表述) or the subject the claim is made of, where half the sentence stays
    visible. A blanked subject beside its claim in view asks what the title names and
    shows the point (rubric: KEY). A blank touching the claim gives way to it (two
    blanks side by side read as one), unless it is a quoted term or a 规范表述."""
    claims = _claims(sentence, topic)
    if not claims or any(b.start < c.end and c.start < b.end for b in blanks for c in claims):
        return blanks
    claim = claims[0]
    text = sentence.text
    touching = [b for b in blanks if b.end == claim.start or b.start == claim.end]
    if any(_standing_blank(b.text, text) or b.text in guifan_words() for b in touching):
        return blanks  # a term of its own beside the claim: two blanks would read as one
    blanks = tuple(b for b in blanks if b not in touching)  # {社会治理}{最深厚的支撑}
    if len(blanks) < MAX_BLANKS and _half_visible(text, (*blanks, claim)):
        return tuple(sorted((*blanks, claim), key=lambda b: b.start))
    copula = claim.start - 1
    while copula > sentence.start and text[copula - sentence.start] != _COPULA:
        copula -= 1
    opens = between_marks(text, copula - sentence.start, copula - sentence.start, _CLAUSE_MARKS)[0]

    def rank(b: Span) -> int:
        if is_topic(b.text, topic):
            return 0
        if _standing_blank(b.text, text) or b.text in guifan_words():
            return 9
        if len(strip_punct(b.text)) <= _SIDE_WORD:
            return 1
        return 2 if sentence.start + opens <= b.start and b.end <= copula else 9

    for drop in sorted(blanks, key=lambda b: (rank(b), len(b.text))):
        if rank(drop) == 9:
            break
        kept = [b for b in blanks if b is not drop]
        if _half_visible(text, (*kept, claim)):
            return tuple(sorted((*kept, claim), key=lambda b: b.start))
    return blanks


_QUOTED = re.compile("“([\u4e00-\u9fff、]{2,10})”")
"""A short quoted phrase: a coinage or slogan of the article (“马上就办”, “最后一公里”)."""
_PLAN_PERIOD = re.compile("[〇零一二三四五六七八九十百两]+")
"""“十四五”, “十五五”: a plan period, a time word (rubric: GEN), no coinage."""


def _with_quoted(sentence: Span, blanks: tuple[Span, ...], topic: set[str]) -> tuple[Span, ...]:
    """A card blanking key terms also blanks the short quoted phrases its sentence
    holds (要大力提倡“{马上就办}”), where it has room and half the sentence stays
    visible: a coinage left in view beside a blanked side word is the point shown
    (rubric: KEY)."""
    out = list(blanks)
    for m in _QUOTED.finditer(sentence.text):
        if len(out) >= MAX_BLANKS:
            break
        word = m.group(1)
        start = sentence.start + m.start(1)
        span = Span(word, start, start + len(word))
        if any(b.start < span.end and span.start < b.end for b in out):
            continue
        if not _good_blank(word) or is_topic(word, topic) or _PLAN_PERIOD.fullmatch(word):
            continue
        if not _half_visible(sentence.text, (*out, span)):
            break
        out.append(span)
    return tuple(sorted(out, key=lambda b: b.start)) if len(out) > len(blanks) else blanks


def _standing_terms(sentence: Span, topic: set[str]) -> list[Span]:
    """The study points ``sentence`` shows on word boundaries: its short quoted phrases
    (“马上就办”) and its 规范表述 of ``_STANDARD_MIN`` characters or more (新质生产力),
    never the topic, a plan period or a phrase that only leads a point in (多措并举)."""
    found: list[Span] = []
    for m in _QUOTED.finditer(sentence.text):
        word = m.group(1)
        if _good_blank(word) and not is_topic(word, topic) and not _PLAN_PERIOD.fullmatch(word):
            start = sentence.start + m.start(1)
            found.append(Span(word, start, start + len(word)))
    modals = kind_words("series_edges", "modals")
    standard = {
        w: 1.0
        for w in guifan_in(sentence.text, _STANDARD_MIN)
        if w not in modals and _good_blank(w) and not is_topic(w, topic)
    }
    for b in term_blanks(sentence, standard, MAX_BLANKS):
        if not any(b.start < f.end and f.start < b.end for f in found):
            found.append(b)
    return sorted(found, key=lambda b: (-len(b.text), b.start))


_SERIES_MARKS = ("、", "和", "与", "及")
"""After a blank, the mark or word that makes it the first member of a series."""


def _topic_subject(sentence: Span, blank: Span, topic: set[str]) -> bool:
    """``blank`` opens its sentence (nothing but a quotation mark or bracket before it)
    and starts with a topic word of two characters or more (no generic word, plain
    noun or verb), is neither quoted nor a 规范表述 nor the first member of a series:
    the subject the
    title names ({人工智能风险}不会止步于一国边界), guessed from the title while the
    clause's claim stays in view (rubric: GEN, KEY)."""
    before = sentence.text[: blank.start - sentence.start].rstrip("“‘「《〔(（")
    if before:
        return False  # a later clause's opening may be a member of a clause series
    if f"“{blank.text}”" in sentence.text or blank.text in guifan_words():
        return False
    after = sentence.text[blank.end - sentence.start :].lstrip("”’」》)）")
    if after.startswith(_SERIES_MARKS):
        return False  # the first member of a series ({发明专利}、有效专利), not its subject
    return any(
        len(t) >= 2
        and blank.text.startswith(t)
        and t not in GENERIC
        and t not in PLAIN
        and not verb_like(t)
        for t in topic
    )


def _member(sentence: Span, blank: Span) -> bool:
    """``blank`` stands beside a 、 (a member of a series, 农药残留、{二氧化硫})."""
    at, end = blank.start - sentence.start, blank.end - sentence.start
    return sentence.text[end : end + 1] == "、" or (at > 0 and sentence.text[at - 1] == "、")


def _without_topic_subject(
    sentence: Span, blanks: tuple[Span, ...], topic: set[str]
) -> tuple[Span, ...]:
    """A key-term card's blanks without one on a clause's subject that starts with the
    topic (:func:`_topic_subject`), where another blank stays that is no member of a
    series (with members alone the card would give way to the list asking them); a card
    with that blank alone asks instead the noun its 是 judges the subject by (:func:`_judgement`),
    where it has one."""
    kept = tuple(b for b in blanks if not _topic_subject(sentence, b, topic))
    if kept == blanks:
        return blanks
    if kept and not all(_member(sentence, b) for b in kept):
        return kept
    if kept:
        return blanks  # members alone: a list card asks them, and this card would go
    judged = _judgement(sentence, topic)
    return (judged,) if judged is not None else blanks


_SIDE_WORD = 3
"""A blank this short (经济, 新一轮, 管理) is a side word beside a study point in view."""


def _standing_over_side(
    sentence: Span, blanks: tuple[Span, ...], topic: set[str]
) -> tuple[Span, ...]:
    """A full card whose sentence shows a quoted coinage or a 规范表述
    (:func:`_standing_terms`) gives a side word's place to the study point: the topic first, then the shortest blank that is neither quoted
    nor standard and is shorter than the point, where half the sentence stays visible.
    A coinage in view beside a blanked side word is the point shown (rubric: KEY)."""
    out = list(blanks)
    for point in _standing_terms(sentence, topic):
        if any(point.start < b.end and b.start < point.end for b in out):
            continue
        side = [
            b
            for b in out
            if not _standing_blank(b.text, sentence.text)
            and b.text not in guifan_words()
            and len(strip_punct(b.text)) < len(point.text)
            and (is_topic(b.text, topic) or len(strip_punct(b.text)) <= _SIDE_WORD)
        ]
        if not side or (len(out) < MAX_BLANKS and _half_visible(sentence.text, (*out, point))):
            continue  # nothing to give way, or room: a quoted one came in by _with_quoted
        drop = min(side, key=lambda b: (not is_topic(b.text, topic), len(b.text), -b.start))
        kept = [b for b in out if b is not drop]
        if _half_visible(sentence.text, (*kept, point)):
            out = sorted([*kept, point], key=lambda b: b.start)
    return tuple(out) if out != list(blanks) else blanks


def _extend(out: list[Cloze], word: str) -> bool:
    """Blank ``word`` in a card already made on a sentence that holds it (a key-term
    card first, then a 金句), if it has room, no blank overlaps it and at least half
    the sentence stays visible."""
    for c in sorted(out, key=lambda c: (c.role != "term", len(c.blanks), c.sentence.start)):
        if len(c.blanks) >= MAX_BLANKS or word not in c.sentence.text:
            continue
        found = term_blanks(c.sentence, {word: 1.0}, 1)
        if not found or any(found[0].start < b.end and b.start < found[0].end for b in c.blanks):
            continue
        hidden = sum(len(b.text) for b in (*c.blanks, found[0]))
        if 2 * hidden <= len(strip_punct(c.sentence.text)):  # enough left to recall from
            k = out.index(c)
            out[k] = replace(c, blanks=tuple(_joined([*c.blanks, found[0]])))
            return True
    return False


_STANDARD_MIN = 4
"""A 规范表述 this long outweighs a long name (产业链, 短板: short ones are side words);
one that only leads a point in (多措并举, a modal of ``series_edges``) never does."""

_SWAPPABLE = frozenset(
    {"term", "keyterm.model", "golden.pattern", "golden.model", "golden.maxim", "golden.section"}
)
"""Rules whose blanks are the key terms the card's sentence holds, not a part the rule
itself chose (a couplet's halves, a series' members, a predicate)."""


def _swap(out: list[Cloze], word: str, scores: dict[str, float]) -> bool:
    """Blank ``word`` (a 规范表述 or coined term, see ``named`` in :func:`find_clozes`)
    in a full card made on a sentence that holds it, in place of that card's weakest
    blank that is no such name and ranks below it: a side word (成千上万, 文化) never hides while the
    study point stays visible (rubric: KEY). A blank the card's rule chose itself (a
    couplet's halves, a series' members, a predicate) is never given up. A long name
    that is neither a 规范表述 nor quoted gives way to a 规范表述 of ``_STANDARD_MIN``
    characters or more (工匠精神 over 弘扬劳动精神)."""
    standard = (
        word in guifan_words()
        and len(word) >= _STANDARD_MIN
        and word not in kind_words("series_edges", "modals")
    )
    for c in sorted(out, key=lambda c: (c.role != "term", c.sentence.start)):
        if c.rule not in _SWAPPABLE or word not in c.sentence.text or c.together:
            continue
        if len(c.blanks) < MAX_BLANKS:
            continue  # room left, but too much hidden already: the card's choice stands
        found = term_blanks(c.sentence, {word: 1.0}, 1)
        if not found:
            continue
        new = found[0]
        if any(new.start < b.end and b.start < new.end for b in c.blanks):
            continue
        weak = [
            b
            for b in c.blanks
            if scores.get(b.text, 0.0) < scores.get(word, 0.0)
            and not _standing_blank(b.text, c.sentence.text)
            and (len(b.text) < _NAME_LEN or standard)
        ]
        if not weak:
            continue
        drop = min(weak, key=lambda b: (scores.get(b.text, 0.0), -b.start))
        kept = [b for b in c.blanks if b is not drop]
        hidden = sum(len(b.text) for b in (*kept, new))
        if 2 * hidden <= len(strip_punct(c.sentence.text)):
            out[out.index(c)] = replace(c, blanks=tuple(_joined([*kept, new])))
            return True
    return False


def _standing_blank(text: str, sentence: str) -> bool:
    """A blank that is itself a 规范表述 or a quoted term."""
    return text in guifan_words() or f"“{text}”" in sentence


def _word_cuts(text: str) -> tuple[list[tuple[str, int]], set[int]]:
    """The tokens of ``text`` that are words (no punctuation in them) and the offsets
    of the one-character ones (worked out once per sentence within an article)."""
    memo = current()
    key = ("word_cuts", text)
    got: tuple[list[tuple[str, int]], set[int]] | None = memo.get(key) if memo is not None else None
    if got is None:
        cuts = [(w, at) for w, at in tokens(text) if strip_punct(w) == w]
        got = (cuts, {at for w, at in cuts if len(w) == 1})
        if memo is not None:
            memo[key] = got
    return got


def snap_to_words(sentence: Span, blanks: list[Span] | tuple[Span, ...]) -> list[Span]:
    """``blanks`` widened to the jieba words of ``sentence`` they cut into, so no blank
    splits a word or a fixed phrase (创{新动能} becomes {创新动能}, {顺势}而为 becomes
    {顺势而为}); blanks that come to overlap become one."""
    cuts, stray = _word_cuts(sentence.text)
    out: list[Span] = []
    for b in sorted(blanks, key=lambda b: b.start):
        lo, hi = b.start - sentence.start, b.end - sentence.start
        for word, at in cuts:
            end = at + len(word)
            if at < lo < end:
                lo = at
            if at < hi < end:
                hi = end
        # A word torn at the edge, whose outer part the segmenter left as stray
        # characters (创/新动能: 创 belongs to no word but 创新).
        left, right = straddles(sentence.text, lo), straddles(sentence.text, hi)
        # The stray part must not pair with its other neighbour (集市场|地|基础设施:
        # 场地 is as good a word as 地基, so 地 is left alone).
        text = sentence.text
        # A preposition is never taken on from outside ({对生态产品价值}: 对生 is a
        # word, but here 对 leads into the phrase), nor a particle on the right.
        leads, closers = _edges()["lead"], _edges()["end"]
        if (
            left
            and text[left[0] : lo] not in leads
            and all(i in stray for i in range(left[0], lo))
            and not (left[0] > 0 and straddles(text[left[0] - 1 : left[0] + 1], 1))
        ):
            lo = left[0]
        if (
            right
            and text[hi : right[1]] not in closers
            and all(i in stray for i in range(hi, right[1]))
            and not straddles(text[right[1] - 1 : right[1] + 1], 1)
        ):
            hi = right[1]
        if out and lo < out[-1].end - sentence.start:
            lo = out[-1].start - sentence.start
            hi = max(hi, out[-1].end - sentence.start)
            out.pop()
        out.append(Span(sentence.text[lo:hi], sentence.start + lo, sentence.start + hi))
    return out


def _joined(blanks: list[Span] | tuple[Span, ...]) -> list[Span]:
    """Blanks that touch become one: ``{{c1::宽严}}{{c2::相济}}`` is the phrase 宽严相济,
    cut in two by the segmenter, and asks for it better as one blank."""
    out: list[Span] = []
    for b in sorted(blanks, key=lambda b: b.start):
        if out and out[-1].end == b.start:
            out[-1] = Span(out[-1].text + b.text, out[-1].start, b.end)
        else:
            out.append(b)
    return out


class _Seen:
    """Sentences already carded, indexed for the near-duplicate test (bigram Dice ≥
    0.8) by prefix filtering: two bigram sets that similar share a bigram among the
    first few of each in a fixed order, so each test reads a few postings, not every
    card (linear in the article, not quadratic)."""

    _JACCARD = _NEAR_DUPLICATE / (2 - _NEAR_DUPLICATE)

    def __init__(self) -> None:
        self.postings: dict[str, list[str]] = {}
        self._sets: dict[str, frozenset[str]] = {}
        """Each text's bigrams (the text itself when it has none), as ``bigram_dice``
        reads them, made once per text."""

    def _set(self, text: str) -> frozenset[str]:
        got = self._sets.get(text)
        if got is None:
            got = self._sets[text] = frozenset(
                {text[i : i + 2] for i in range(len(text) - 1)} or {text}
            )
        return got

    def _grams(self, text: str) -> list[str]:
        return sorted(self._set(text))

    def _prefix(self, grams: list[str]) -> list[str]:
        keep = len(grams) - math.ceil(self._JACCARD * len(grams)) + 1
        return grams[: max(1, keep)]

    def _dice(self, a: str, b: str) -> float:
        """``bigram_dice(a, b)`` on the bigrams made once per text."""
        if not (a and b):
            return 0.0
        x, y = self._set(a), self._set(b)
        return 2 * len(x & y) / (len(x) + len(y))

    def near(self, plain: str) -> bool:
        done: set[str] = set()
        for g in self._prefix(self._grams(plain)):
            for other in self.postings.get(g, ()):
                if other not in done:
                    done.add(other)
                    if self._dice(plain, other) >= _NEAR_DUPLICATE:
                        return True
        return False

    def add(self, plain: str) -> None:
        for g in self._prefix(self._grams(plain)):
            self.postings.setdefault(g, []).append(plain)


class _Cards(list[Cloze]):
    """The cards made so far, with the index of their sentences."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = _Seen()


def _add(
    out: list[Cloze],
    used: set[int],
    w: _Where,
    blanks: list[Span],
    role: str,
    rule: str,
    together: list[Span] | None = None,
) -> bool:
    if not blanks or w.sentence.start in used:
        return False
    blanks = snap_to_words(w.sentence, blanks)
    if not together:
        blanks = _phrases(w.sentence, _joined(blanks))
    shared = frozenset(
        b.start for b in blanks for m in together or () if b.start < m.end and m.start < b.end
    )
    plain = strip_punct(w.sentence.text)
    if isinstance(out, _Cards):
        if out.seen.near(plain):
            return False
        out.seen.add(plain)
    elif any(bigram_dice(plain, strip_punct(c.sentence.text)) >= _NEAR_DUPLICATE for c in out):
        return False
    used.add(w.sentence.start)
    out.append(
        Cloze(w.section, w.paragraph, w.index, w.sentence, tuple(blanks), role, rule, shared)
    )
    return True


def markup(original: str, c: Cloze) -> str:
    """The sentence from the original text with ``{{cN::…}}`` around each blank; a
    blank repeated or inside one written already is written once (never
    ``{{c2::X}}{{c2::X}}``)."""
    blanks: list[Span] = []
    for b in sorted(c.blanks, key=lambda b: (b.start, -b.end)):
        if not blanks or b.start >= blanks[-1].end:
            blanks.append(b)
    parts: list[str] = []
    pos = c.sentence.start
    number = _SENTENCE_NUMBER.match(original, pos, c.sentence.end)
    if number and number.end() < c.sentence.end and all(b.start >= number.end() for b in blanks):
        pos = number.end()  # a paragraph's own number is no part of what is studied
    numbers: dict[int, int] = {}
    groups = [g for g in (c.together, *c.more) if g]
    shared: dict[int, int] = {}
    for b in blanks:
        group = next((k for k, g in enumerate(groups) if b.start in g), None)
        if group is not None:
            shared[group] = shared.get(group) or len(set(numbers.values())) + 1
            numbers[b.start] = shared[group]
        else:
            numbers[b.start] = len(set(numbers.values())) + 1
    for b in blanks:
        n = numbers[b.start]
        parts.append(original[pos : b.start])
        parts.append(f"{{{{c{n}::{original[b.start : b.end]}}}}}")
        pos = b.end
    parts.append(original[pos : c.sentence.end])
    return "".join(parts)
