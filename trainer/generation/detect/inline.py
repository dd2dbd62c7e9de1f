"""Enumerations inside one paragraph or sentence.

* :func:`semicolon_lists`: a sentence of three or more parts joined by ;.
* :func:`parallel_clauses`: three or more clauses opening with the same word and
  of similar length (``靠产品质量说话,靠品牌辐射影响,靠实体产业支撑``).
* :func:`inline_lists`: items joined by 、, kept when there are four or more
  short ones, or three built alike (same length and a shared first or last
  character: ``产品卖点、市场堵点和群众难点``).
"""

from __future__ import annotations

import re

from trainer.generation.detect.enumtypes import Enumeration, Item, Style, after, lead
from trainer.generation.detect.keyterms import STOP_WORDS, VERBS, complement, verb_like
from trainer.generation.detect.phrases import key_phrase
from trainer.generation.detect.series import CORRELATIVE, clause_run, pivot_clauses, suffix_clauses
from trainer.generation.detect.series import patterned as _patterned
from trainer.generation.lexicon import kind_words
from trainer.generation.memo import current
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.split.words import tag, tokens, unknown_word_inside
from trainer.generation.text import CJK, Span, clauses, dun_pieces, shared_opening

_RATIO = 1.5
_LONG_RUN, _LONG_RUN_RATIO = 4, 2.0
"""Four or more clauses on one head are points side by side though their lengths
differ more (皆有职业,皆受教育,皆能为公众服务,皆无不良嗜好)."""
_CLAUSE_MIN, _CLAUSE_MAX = 3, 16
_ITEM_MAX = 8
_LONG_ITEM = 14
_JOINERS = re.compile(r"以及|和|及|与|或")
_STOP_AFTER = re.compile(r"等等|等|\.{2,}|…+|(?<=.{3})都(?=.{1,5}$)")
"""Where a series ends: 等, an ellipsis (``推动了、巩固了...``), or 都 before a short
predicate (``……的文字都活起来``)."""
_FUNCTION = set("的一不在有和是了与及或也都就把被让对将从以为而")


def semicolon_lists(folded: str, section: Section, para: Paragraph) -> list[Enumeration]:
    out: list[Enumeration] = []
    run: list[Span] = []
    for s in [*para.sentences, None]:
        if s is not None:
            run.append(s)
            if s.text.endswith(";"):
                continue
        if len(run) >= 3:
            run[0] = _after_lead(folded, run, _after_colon(run[0]))
            items = [_semicolon_item(folded, part) for part in run]
            if all(items):
                out.append(
                    Enumeration(
                        Style.SEMICOLON,
                        section,
                        para.index,
                        tuple(Item(p, part) for p, part in zip(items, run, strict=True) if p),
                        lead=lead(section, para, run[0].start),
                        after=after(section, run[-1].end),
                    )
                )
        run = []
    return out


def _after_colon(part: Span) -> Span:
    """``……进行了积极探索:有的村庄……;`` -> ``有的村庄……;``: the lead-in is not an item."""
    at = part.text.find(":")
    if 0 < at < len(part.text) - 4:
        return Span(part.text[at + 1 :], part.start + at + 1, part.end)
    return part


def _after_lead(folded: str, run: list[Span], first: Span) -> Span:
    """``接住流量,要在提升服务品质上下功夫……;要在挖掘文化内涵上做文章……;`` ->
    the first item starts where the later parts' shared opening (要在) starts."""
    rest = [p.text for p in run[1:]]
    n = min(len(t) for t in rest)
    while n and any(t[:n] != rest[0][:n] for t in rest):
        n -= 1
    opening = rest[0][:n]
    if not opening or not CJK.match(opening[0]) or first.text.startswith(opening):
        return first
    for c in clauses(folded, first.start, first.end)[1:]:
        if c.text.startswith(opening):
            return Span(folded[c.start : first.end], c.start, first.end)
    return first


def _semicolon_item(folded: str, part: Span) -> Span | None:
    phrase = key_phrase(folded, part)
    if phrase is None or len(phrase.text) < 2:
        return None
    return phrase


def parallel_clauses(
    folded: str, section: Section, para: Paragraph, sent: Span
) -> list[Enumeration]:
    parts = [c for c in clauses(folded, sent.start, sent.end)]
    texts = [c.text.rstrip(",;:。!?") for c in parts]
    out: list[Enumeration] = []
    i = 1
    while i < len(parts):
        head = _head(texts[i])
        j = i
        while j < len(parts) and _head(texts[j]) == head and CJK.match(head or "a"):
            j += 1
        if j - i >= 2:
            first = _lead_in(texts[i - 1], head, texts[i:j])
            spans = []
            if first is not None:
                base = parts[i - 1].start + first
                spans.append(
                    Span(texts[i - 1][first:], base, parts[i - 1].start + len(texts[i - 1]))
                )
            for k in range(i, j):
                spans.append(Span(texts[k], parts[k].start, parts[k].start + len(texts[k])))
            spans = [_after_correlative(sp, head) for sp in spans]
            lengths = [len(s.text) for s in spans]
            if (
                len(spans) >= 3
                and min(lengths) >= _CLAUSE_MIN
                and max(lengths) <= _CLAUSE_MAX
                and max(lengths) <= _spread(spans) * min(lengths)
            ):
                out.append(clause_run(folded, section, para, sent, spans, shared=head))
            i = j
        else:
            i += 1
    if not out:
        out = pivot_clauses(folded, section, para, sent, parts, texts)
    if not out:
        out = suffix_clauses(folded, section, para, sent, parts, texts)
    if not out:
        out = anaphora_clauses(folded, section, para, sent, parts, texts)
    return out


_OPENING_MIN = 2
_ANAPHORA_CLAUSE = (4, 20)
_ANAPHORA_RATIO = 2.5
_OPENING_TAGS = frozenset({"v", "vd", "vg", "d", "ad"})
"""A shared opening that is a verb or an adverb (才能, 互相): a frame, not the topic's
noun repeated (研发经费……,研发投入……)."""


def anaphora_clauses(
    folded: str,
    section: Section,
    para: Paragraph,
    sent: Span,
    parts: list[Span],
    texts: list[str],
) -> list[Enumeration]:
    """``尊重科学,才能避免……,才能控制……,才能把……``: three or more clauses opening on
    the same verb or adverb of two or more characters, a repetition no ordinary sentence
    makes. A modal, a copula or a connective (要/是/有, ``data/series_not_points.txt``,
    kind ``openings``) is no such word, nor a noun (the topic repeated: 研发经费……,
    研发投入……). The first point may start inside the clause before the run
    (``干部要多到基层一线去,多到……去,多到……去``). Two clauses alike are too loose
    to be a list by this cue alone."""
    out: list[Enumeration] = []
    i = 1
    while i + 1 < len(texts):
        n = shared_opening(texts[i], texts[i + 1])
        j = i + 2
        while j < len(texts) and shared_opening(texts[i], texts[j]) >= _OPENING_MIN:
            n = min(n, shared_opening(texts[i], texts[j]))
            j += 1
        opening = texts[i][:n]
        if n < _OPENING_MIN or not CJK.match(opening) or not _may_open(opening):
            i += 1
            continue
        spans = [
            Span(texts[k], parts[k].start, parts[k].start + len(texts[k])) for k in range(i, j)
        ]
        at = texts[i - 1].find(opening)
        if at > 0:  # 干部要多到……去: the first point starts inside the lead clause
            spans.insert(
                0,
                Span(
                    texts[i - 1][at:],
                    parts[i - 1].start + at,
                    parts[i - 1].start + len(texts[i - 1]),
                ),
            )
        lengths = [len(s.text) for s in spans]
        if (
            len(spans) >= 3
            and min(lengths) >= _ANAPHORA_CLAUSE[0]
            and max(lengths) <= _ANAPHORA_CLAUSE[1]
            and max(lengths) <= _ANAPHORA_RATIO * min(lengths)
            and len({s.text for s in spans}) == len(spans)
        ):
            out.append(clause_run(folded, section, para, sent, spans))
        i = j
    return out


def _may_open(opening: str) -> bool:
    """A shared opening that marks points side by side, not a modal, a copula or a
    connective every sentence may repeat."""
    never = kind_words("series_not_points", "openings")
    if opening.startswith(never):
        return False
    if opening.startswith(kind_words("series_not_points", "frames")):
        return True
    first = tokens(opening)[0][0]
    cue = (*kind_words("clause_runs", "verb"), *kind_words("clause_runs", "adverb"))
    return first in cue or (len(first) >= 2 and tag(first) in _OPENING_TAGS)


def _spread(spans: list[Span]) -> float:
    """How much longer than the shortest the longest clause of a run may be: wider for
    a long run, unless a clause asks a question (哪个村有哪些隐患,哪个社区有什么……:
    what one must know, not points)."""
    if len(spans) < _LONG_RUN:
        return _RATIO
    asks = kind_words("clause_runs", "question")
    return _RATIO if any(w in s.text for s in spans for w in asks) else _LONG_RUN_RATIO


def _head(text: str) -> str:
    """What parallel clauses open with: their first character, or the verb of a
    correlative opener (``既要……,也要……,还要……`` all open with ``要``)."""
    m = CORRELATIVE.match(text)
    if m and m.start(1) > 0:
        return m.group(1)
    return text[:1]


def _after_correlative(s: Span, head: str) -> Span:
    """``也要在服务上做“加法”`` -> ``在服务上做“加法”`` (the shared 要 goes)."""
    m = CORRELATIVE.match(s.text)
    if m is None or m.group(1) != head or head == "靠" or m.end() >= len(s.text) - 1:
        return s
    return Span(s.text[m.end() :], s.start + m.end(), s.end)


def _lead_in(previous: str, head: str, rest: list[str]) -> int | None:
    """Where the first parallel clause starts inside the clause before the run."""
    if previous.startswith(head):
        return 0
    at = previous.find(head)
    typical = sum(len(t) for t in rest) / len(rest)
    if at > 0 and abs((len(previous) - at) - typical) <= typical * 0.5:
        return at
    return None


def inline_lists(folded: str, section: Section, para: Paragraph, sent: Span) -> list[Enumeration]:
    out: list[Enumeration] = []
    parts = clauses(folded, sent.start, sent.end)
    for k, clause in enumerate(parts):
        if "、" not in clause.text:
            continue
        items = _dun_items(clause)
        if items is None:
            continue
        if k > 0:
            items = _shared_suffix_head(parts[k - 1], items)
        tail = Span(folded[items[-1].end : clause.end], items[-1].end, clause.end)
        framed = tail.text.startswith("等") and len(tail.text) >= 3
        if framed:
            whole = Span(
                folded[clause.start : items[1].start - 1], clause.start, items[1].start - 1
            )
            head = _drop_verb(whole, max(2, min(4, *(len(i.text) for i in items[1:]))))
            if all(_joined(i.text) for i in items[1:]):
                head = _last_pair(whole) or head  # 处理好|顶层设计与实践探索、战略与策略……等
            if head is not whole:
                items = [head, *items[1:]]
        labelled = folded[items[0].start - 1 : items[0].start] == ":" and tail.text.startswith("等")
        if _keep(items, framed=framed, led=items[0].start > clause.start, labelled=labelled):
            out.append(
                Enumeration(
                    Style.INLINE,
                    section,
                    para.index,
                    tuple(Item(s, sent) for s in items),
                    lead=Span(folded[sent.start : items[0].start], sent.start, items[0].start),
                    after=tail,
                )
            )
    return out


def _drop_verb(s: Span, shortest: int = 4) -> Span:
    """``要因地制宜发展农产品精深加工`` -> ``农产品精深加工``: a framed series' first item
    is what follows the last verb before it, at least ``shortest`` characters (as
    long as the other items allow: ``其背后是生产、包装……`` -> ``生产``)."""
    best = s
    for word, at in tokens(s.text):
        cut = at + len(word)
        if (word in VERBS or word in STOP_WORDS or verb_like(word)) and len(
            s.text
        ) - cut >= shortest:
            best = Span(s.text[cut:], s.start + cut, s.end)
    return best


def _shared_suffix_head(before: Span, items: list[Span]) -> list[Span]:
    """``既要靠待遇留人,也要靠事业留人、感情留人``: a clause before a 、 series that ends
    in the suffix the items share (留人) holds the series' first item."""
    texts = [s.text for s in items]
    n = len(texts[0])
    suffix = texts[0][-2:]
    if len(texts[0]) < 3 or any(len(t) != n or not t.endswith(suffix) for t in texts):
        return items
    text = before.text.rstrip(",;:")
    if not text.endswith(suffix) or len(text) < n or len(text) - n not in _boundaries(before):
        return items
    start = before.start + len(text) - n
    return [Span(text[-n:], start, start + n), *items]


def _dun_items(clause: Span) -> list[Span] | None:
    """The items of the 、 series in ``clause`` (read once per article within
    :func:`~trainer.generation.memo.one_article`: the list and the cloze stages both
    ask)."""
    memo = current()
    if memo is None:
        return _read_dun_items(clause)
    key = ("dun_items", clause)
    if key not in memo:
        got = _read_dun_items(clause)
        memo[key] = tuple(got) if got is not None else None
    found: tuple[Span, ...] | None = memo[key]
    return list(found) if found is not None else None


def _read_dun_items(clause: Span) -> list[Span] | None:
    text = clause.text.rstrip(",;:。!?")
    cut = text.find("等")
    if cut > 0 and text[:cut].count("、") >= 2:
        text = text[: cut + 1]  # a second series after 等 (……等五类人才提供A、B和C)
    pieces = [
        Span(part, clause.start + pos, clause.start + pos + len(part))
        for part, pos in _dun_split(text)
    ]
    if len(pieces) < 2:
        return None
    last = pieces[-1]
    stop = _STOP_AFTER.search(last.text)
    if stop:
        last = Span(last.text[: stop.start()], last.start, last.start + stop.start())
    middle = pieces[1:-1]
    of = last.text.find("的")
    if middle and not stop and _typical(middle) >= 4 and abs(of - _typical(middle)) <= 1:
        # 网格化管理、精细化服务、信息化支撑的基层治理平台: the series ends at 的.
        last = Span(last.text[:of], last.start, last.start + of)
    opener = _shared_opener(middle, last)
    last_items = [last]
    joined = _JOINERS.search(last.text)
    if joined and joined.start() > 0 and not _pairs(middle):
        a, b = last.text[: joined.start()], last.text[joined.end() :]
        size = _typical(middle) if middle else len(b)
        if a and b and abs(len(a) - size) <= 1:
            b_span = Span(b, last.start + joined.end(), last.end)
            if len(b) > size + 2:
                b_span = _token_head(b_span, size)
            last_items = [Span(a, last.start, last.start + len(a)), b_span]
    ends = {m.text[-1:] for m in middle}
    if len(ends) == 1 and len(last_items) == 1 and not stop:
        # 市场化、法治化、国际化一流营商环境: the last item ends where its suffix does.
        n = len(middle[0].text)
        if len(last.text) > n + 2 and last.text[n - 1 : n] in ends:
            last_items = [Span(last.text[:n], last.start, last.start + n)]
    if len(last_items) == 1 and not stop and middle:
        last_items = [_before_category(last_items[0], middle)]
    rest = [*middle, *last_items]
    size = _typical(rest)
    longest = 2 * size if opener else size + 2
    if _pairs(middle):
        longest = max(longest, *(len(m.text) for m in middle)) * 2
    if not stop and len(last_items) == 1 and len(last_items[0].text) > longest:
        tail = last_items[0]
        of = tail.text.find("的")
        if 2 <= of <= size + 1:  # 稳定、公平、透明、可预期的法治环境: the series ends at 的
            last_items = [Span(tail.text[:of], tail.start, tail.start + of)]
        else:
            last_items = [_token_head(tail, size)]
        rest = [*middle, *last_items]
    first = pieces[0]
    at = first.text.rfind(opener) if opener else -1
    aligned = _align_first(first, [t.text for t in rest])
    if aligned is not None:
        first = aligned
    elif at > 0:
        first = Span(first.text[at:], first.start + at, first.end)
    elif len(first.text) > size:
        first = _token_tail(first, size)
    items = [first, *rest]
    longest = _LONG_ITEM if _patterned([s.text for s in items]) else _ITEM_MAX + 2
    if any(not s.text or len(s.text) > longest for s in items):
        return None
    return items


def _pairs(middle: list[Span]) -> bool:
    """A series of pairs (``战略与策略、守正与创新、……、自立自强与对外开放``): an item
    before the last holds a joiner too, so the last one's 与 joins inside it."""
    return any(_joined(m.text) for m in middle)


def _last_pair(s: Span) -> Span | None:
    """``正确处理好顶层设计与实践探索`` -> ``顶层设计与实践探索``: the first item of a series
    of pairs is the pair its piece ends on (the word before the joiner, the joiner and
    what follows)."""
    toks = tokens(s.text)
    for k in range(len(toks) - 2, 0, -1):
        if toks[k][0] in _JOINER_WORDS:
            at = toks[k - 1][1]
            return Span(s.text[at:], s.start + at, s.end)
    return None


def _joined(text: str) -> bool:
    """``text`` joins two words with a joiner that is a word of its own (``守正与创新``,
    not the 和 of ``亲和力``)."""
    words = [w for w, _at in tokens(text)]
    return any(w in _JOINER_WORDS for w in words[1:-1])


_JOINER_WORDS = frozenset({"以及", "和", "及", "与", "或"})


def _dun_split(text: str) -> list[tuple[str, int]]:
    """``text`` cut at each 、 outside brackets (:func:`~text.dun_pieces`), each piece
    without a closing bracket that itself lists: ``问题、影响(危害、意义)、对策`` ->
    ``问题``, ``影响``, ``对策`` (a bracket glosses its item: it is no item and is not
    asked)."""
    out: list[tuple[str, int]] = []
    for part, at in dun_pieces(text):
        gloss = _GLOSS.search(part)
        out.append((part[: gloss.start()] if gloss and gloss.start() else part, at))
    return out


_GLOSS = re.compile(r"[(（][^()（）]*、[^()（）]*[)）]$")
"""A bracket closing an item that itself lists (``影响(危害、意义)``)."""


def _align_first(first: Span, texts: list[str]) -> Span | None:
    """``让收藏在……的文物`` before ``陈列在……的遗产``: the first item starts where the
    pattern the others share lines up."""
    for cut in range(1, 4):
        if not _patterned([first.text, *texts]) and _patterned([first.text[cut:], *texts]):
            return Span(first.text[cut:], first.start + cut, first.end)
    return None


def _shared_opener(middle: list[Span], last: Span) -> str:
    """The first character every item after the first opens with (``进小区、进乡村``)."""
    heads = {s.text[:1] for s in [*middle, last]}
    if len(heads) == 1 and middle:
        head = heads.pop()
        return head if CJK.match(head or "a") and head not in _FUNCTION else ""
    return ""


def _boundaries(s: Span) -> list[int]:
    return sorted({0, len(s.text), *(at for _w, at in tokens(s.text))})


def _token_head(s: Span, size: int) -> Span:
    """The first words of ``s``, about ``size`` characters, cut between words."""
    cut = min((b for b in _boundaries(s) if b > 0), key=lambda b: (abs(b - size), b))
    return Span(s.text[:cut], s.start, s.start + cut)


def _token_tail(s: Span, size: int) -> Span:
    """The last words of ``s``, about ``size`` characters, cut between words and
    never before a particle (``自然保护地的范围`` -> ``范围``, not ``的范围``)."""
    n = len(s.text)
    toks = tokens(s.text)
    # 用|好|团组织: a verb and its complement lead in; no item starts on either.
    held = {at for k, (_, at) in enumerate(toks) if complement(toks, k) or complement(toks, k + 1)}
    # 微|信: a word the dictionary does not hold falls apart into single characters;
    # a run of them is one word, never cut inside.
    held |= {
        at
        for at in unknown_word_inside(s.text)
        if not (verb_like(s.text[at]) or s.text[at] in STOP_WORDS or s.text[at] in VERBS)
    }
    # 连起了|污水池: an aspect particle closes the verb that leads in; the item starts after it.
    aspect = max((at + 1 for w, at in toks if w in _ASPECT and at > 0), default=0)
    cuts = [
        b
        for b in _boundaries(s)
        if b < n and s.text[b] not in _PARTICLES and b not in held and b >= aspect
    ] or [0]
    cut = min(cuts, key=lambda b: (abs(n - b - size), -b))
    return Span(s.text[cut:], s.start + cut, s.end)


_PARTICLES = frozenset("的地得之了着过")
_ASPECT = frozenset("了着过")
"""Characters an item never opens with: they bind to the words before them."""


def _typical(spans: list[Span]) -> int:
    lengths = sorted(len(s.text) for s in spans if s.text)
    return lengths[len(lengths) // 2] if lengths else 0


_FIGURE_OR_PERSON = re.compile(r"\d|同志$|先生$|女士$|教授$|院士$")


def _keep(
    items: list[Span], framed: bool = False, led: bool = False, labelled: bool = False
) -> bool:
    """Four or more short items, three built alike, three or more that the
    sentence frames as a set with 等 and that are phrases, not single words, long
    enough together and not opening with a verb (``产业层次偏低、人才外流严重……等问题``),
    or three or more short ones a label introduces (``要素:问题、影响、对策等``)."""
    texts = [s.text.strip("“”") for s in items]
    if any(not CJK.search(t) for t in texts):
        return False
    if any(_FIGURE_OR_PERSON.search(t) for t in texts):
        return False  # 秦朝15年、三国61年; 邓小平同志、江泽民同志: figures and names
    if labelled and len(texts) >= 3 and max(len(t) for t in texts) <= _ITEM_MAX:
        return True
    if (
        framed
        and len(texts) >= 3
        and min(len(t) for t in texts) >= 4
        and sum(len(t) for t in texts) >= 15
    ):
        return True
    lengths = [len(t) for t in texts]
    if len(texts) >= 4 and all(_joined(t) for t in texts) and max(lengths) <= _LONG_ITEM:
        return True  # 战略与策略、守正与创新、……、自立自强与对外开放: a series of pairs
    if len(texts) >= 4 and max(lengths) <= _ITEM_MAX and max(lengths) <= 2 * min(lengths) + 1:
        return True
    if len(texts) < 3:
        return False
    if len({t[0] for t in texts}) == 1 and texts[0][0] not in _FUNCTION:
        return max(lengths) <= 2 * min(lengths)
    if _patterned(texts):
        return True
    if len(set(lengths)) == 1:
        if len({t[-1] for t in texts}) == 1 or (lengths[0] == 4 and led):
            return True  # 建立以人为本、量力而行、持续推进……: four-character objects
        # 来源可查、去向可追、责任可究: four-character phrases built on one pattern;
        # 干实事、谋实招、求实效: three-character ones sharing their middle
        return lengths[0] >= 3 and any(
            len({t[k] for t in texts}) == 1 for k in range(1, min(4, lengths[0]))
        )
    return False


_MEMBER_MIN, _MEMBER_MAX = 2, 8
_MEMBERS_MAX = 6
_NOT_MEMBER = re.compile(r"[\dA-Za-z%％]|[省市县区乡镇村]$")


def series_members(folded: str, sent: Span) -> list[list[Span]]:
    """The 、-series of ``sent`` short enough to be asked as a set (资源、服务、管理;
    大范围、高速度、高通量; 竞争有序、繁荣活跃): two to six members of two to eight
    characters, of like length, with no figures, Latin letters or place names, and
    not inside a document's title 《……》. Each is one cloze's set of blanks."""
    out: list[list[Span]] = []
    for clause in clauses(folded, sent.start, sent.end):
        if "、" not in clause.text:
            continue
        items = _dun_items(clause)
        if items is None or not 2 <= len(items) <= _MEMBERS_MAX:
            continue
        members = [_unquoted(s) for s in items]
        members = _pair(members) if len(members) == 2 else _trimmed(members)
        lengths = [len(m.text) for m in members]
        if min(lengths) < _MEMBER_MIN or max(lengths) > _MEMBER_MAX:
            continue
        if max(lengths) > 2 * min(lengths) + 2:
            continue
        if any(_NOT_MEMBER.search(m.text) or not CJK.match(m.text) for m in members):
            continue
        if any(m.text in STOP_WORDS for m in members):
            continue
        before = folded[sent.start : members[0].start]
        if before.count("《") > before.count("》"):
            continue
        if len(members) == 2 and lengths[0] != lengths[1] and not _paired(members):
            continue
        out.append(members)
    return out


def _unquoted(s: Span) -> Span:
    text = s.text
    if len(text) > 2 and text[0] in '“"' and text[-1] in '”"':
        return Span(text[1:-1], s.start + 1, s.end - 1)
    return s


def _trimmed(members: list[Span]) -> list[Span]:
    """The first and last members cut to words of about the middle ones' length
    (要推动资金、人才、技术向社区流动 -> 资金, 人才, 技术)."""
    size = _typical(members[1:-1])
    first, last = members[0], members[-1]
    first = _token_tail(first, size) if len(first.text) > size + 2 else _past_lead(first)
    if len(last.text) > size + 2:
        last = _token_head(last, size)
    return [first, *members[1:-1], last]


def _before_category(last: Span, middle: list[Span]) -> Span:
    """The last item without the category noun written once after it for every item
    (把方向、谋大局、定政策、促改革能力 -> 促改革; ``data/series_edges.txt``)."""
    size = _typical(middle)
    for noun in kind_words("series_edges", "categories"):
        n = len(last.text) - len(noun)
        if (
            last.text.endswith(noun)
            and not any(m.text.endswith(noun) for m in middle)
            and n >= _MEMBER_MIN
            and abs(n - size) <= 1
        ):
            return Span(last.text[:n], last.start, last.start + n)
    return last


def _past_lead(first: Span) -> Span:
    """A first member of about the others' length that still opens on the words
    leading in (用好|团组织、……; 做到|思想引领、……), without them."""
    toks = tokens(first.text)
    lead = 2 if len(toks) > 2 and complement(toks, 1) else 0
    if not lead and len(toks) > 1 and toks[0][0] in kind_words("series_edges", "leads"):
        lead = 1
    if not lead or len(first.text) - toks[lead][1] < _MEMBER_MIN:
        return first
    cut = toks[lead][1]
    return Span(first.text[cut:], first.start + cut, first.end)


def _pair(members: list[Span]) -> list[Span]:
    """Two members: the second ends before a ``的`` (不知怎么用的困惑 -> 不知怎么用), the
    first is cut to its last words of about the second's length (企业有数不敢用 -> 有数不敢用)."""
    first, last = members
    of = last.text.find("的")
    if of >= 2:
        last = Span(last.text[:of], last.start, last.start + of)
    if len(first.text) > len(last.text) + 1:
        first = _token_tail(first, len(last.text))
    return [first, last]


def _paired(members: list[Span]) -> bool:
    """Two members built alike: the same first or last character (有数不敢用、不知怎么用
    share 用)."""
    a, b = members[0].text, members[1].text
    return a[0] == b[0] or a[-1] == b[-1]
