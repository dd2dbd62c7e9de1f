"""In-sentence structures a cloze asks for: the members of a series or of a pair.

A sentence that names its points inside itself (``吸引高校毕业生、退役军人、返乡农民工到
农村创新创业``; ``把党的政治优势、组织优势转化为治理效能``; ``发挥战斗堡垒作用和先锋模范
作用``) is tested by blanking those points, not the words beside them. This module
finds them where :func:`trainer.generation.detect.inline.series_members` (tuned for list
cards, which must be exact) gives up:

* a 、 series whose first and last pieces carry the words around the series: the
  first member is cut after the verb or preposition that leads into it, the last
  before the word that closes the series (等, 的, 为, 到…: ``data/series_edges.txt``),
  each about as long as the members in the middle, and a last piece joined by 和,
  及, 以及 or 与 gives two members;
* two members joined by 、 or by 和/与/及 that end alike (``政治优势、组织优势``,
  ``微观调查和宏观调查``, ``战斗堡垒作用和党员先锋模范作用``): the shared ending marks
  where each member stops and starts.

Members are 2 to ``_MEMBER_MAX`` characters, never a figure, a place name or an
example (如, 比如…), never inside a document's title 《……》.
"""

from __future__ import annotations

import re
from functools import cache

from trainer.generation.detect.figures import has_figure
from trainer.generation.detect.inline import series_members
from trainer.generation.detect.keyterms import STOP_WORDS, VERBS, complement, verb_like
from trainer.generation.lexicon import kind_words
from trainer.generation.split.words import (
    tag,
    tokens,
    unknown_word_inside,
    word_bounds,
)
from trainer.generation.text import CJK, Span, cjk_count, clauses, dun_pieces

__all__ = ["members"]

_MEMBER_MIN, _MEMBER_MAX = 2, 12
_MEMBERS_MAX = 8
_JOINERS = ("以及", "和", "及", "与")
_ASPECT = frozenset("了着过")
_PLACE = re.compile(r"[省市县区乡镇村]$")
_SHORT = 4
"""With no member between the first and the last piece, a last piece cut at 和 gives
two members only when its first part is this short (资金、技术和人才)."""
_SHARED_END = 2
"""Two members joined by 和 or 与 must share an ending this long (作用, 调查, 优势)."""


@cache
def _edges(kind: str) -> tuple[str, ...]:
    return kind_words("series_edges", kind)


def members(folded: str, sent: Span) -> list[list[Span]]:
    """The member groups of ``sent`` a cloze may blank, longest groups first; a group
    per clause at most, the list-card series (:func:`series_members`) where it finds
    one, else this module's wider reading."""
    listed = series_members(folded, sent)
    found: list[list[Span]] = []
    parts = clauses(folded, sent.start, sent.end)
    for clause in parts:
        theirs = [
            g
            for g in listed
            if clause.start <= g[0].start < clause.end and _fit(folded, sent, g, examples=True)
        ]
        group = _series(clause) if "、" in clause.text else _pair(clause) or _unseparated(clause)
        if group is not None and not _fit(folded, sent, group):
            group = None
        if group is None or (theirs and _likeness(theirs[0]) >= _likeness(group)):
            found.extend(theirs)
        else:
            found.append(group)
    return sorted(found, key=len, reverse=True)


_RUN_MIN = 3
_RUN_PIECE = (3, 2, 4)
"""Sizes of the words of a series written without separators, the likeliest first."""
_STRIDE = re.compile(
    "|".join(f"(.){'.' * (n - 1)}\\{k}{'.' * (n - 1)}\\{k}" for k, n in enumerate(_RUN_PIECE, 1)),
    re.DOTALL,
)
"""A character that comes back twice at the stride of a word size (抓紧抓实抓好)."""


def _unseparated(clause: Span) -> list[Span] | None:
    """Three or more words of one size written without a separator that open or end
    alike (``获得感幸福感安全感``, ``抓紧抓实抓好``, ``新技术新产品新场景``): each a
    member; the run starts and ends where a word does. Of two readings the one with
    more members wins, then the one cut where the words are, then shared openings
    (新技术|新产品|新场景, not 拓展新|技术新|产品新)."""
    text = clause.text
    if _STRIDE.search(text) is None:
        return None  # no character recurs at one stride: no run (before segmenting)
    bounds = _bounds(text)
    best: tuple[tuple[int, int, int], list[Span]] | None = None
    for n in _RUN_PIECE:
        for i in sorted(bounds):
            chunks: list[str] = []
            j = i
            while j + n <= len(text) and all(CJK.match(ch) for ch in text[j : j + n]):
                chunk = text[j : j + n]
                if chunks and not (chunk[0] == chunks[0][0] or chunk[-1] == chunks[0][-1]):
                    break
                chunks.append(chunk)
                j += n
            while len(chunks) >= _RUN_MIN and i + n * len(chunks) not in bounds:
                chunks.pop()  # the run ends where a word does
            heads = {c[0] for c in chunks}
            ends = {c[-1] for c in chunks}
            if len(chunks) < _RUN_MIN or len(set(chunks)) < len(chunks):
                continue
            if not (len(heads) == 1 or len(ends) == 1) or (heads | ends) & set(_PARTICLES):
                continue
            aligned = sum(i + k * n in bounds for k in range(1, len(chunks)))
            rank = (len(chunks), aligned, len(heads) == 1)
            if best is None or rank > best[0]:
                spans = [
                    Span(c, clause.start + i + k * n, clause.start + i + (k + 1) * n)
                    for k, c in enumerate(chunks)
                ]
                best = (rank, spans)
    return best[1] if best else None


def _likeness(group: list[Span]) -> int:
    """How alike the members are: how many share the commonest first character, and
    how many are within a character of the median length."""
    texts = [m.text for m in group]
    heads = [t[0] for t in texts]
    size = sorted(len(t) for t in texts)[len(texts) // 2]
    return max(heads.count(h) for h in heads) + sum(abs(len(t) - size) <= 1 for t in texts)


def _fit(folded: str, sent: Span, group: list[Span], examples: bool = False) -> bool:
    """Members a cloze may blank; ``examples``: a series after 如/比如 may be one (the
    list cards' reading, which a tutor sometimes asks: 比如育幼、养老、健康……)."""
    texts = [m.text for m in group]
    if not 2 <= len(texts) <= _MEMBERS_MAX:
        return False
    if any(not _MEMBER_MIN <= len(t) <= _MEMBER_MAX for t in texts):
        return False
    if any(cjk_count(t) < 2 or has_figure(t) or _place(t) for t in texts):
        return False
    if all(t in STOP_WORDS for t in texts) or any(not CJK.match(t[0]) for t in texts):
        return False
    before = folded[sent.start : group[0].start]
    if before.count("《") > before.count("》"):
        return False  # inside a document's title
    if texts[0].startswith(_edges("examples")):
        return False  # 如花卉产业园: the marker cut into the first member
    if examples:
        return True
    return not before.rstrip(",:、 “").endswith(_edges("examples"))


def _place(text: str) -> bool:
    """A place name (成都市, 黄家庄村): its last word ends in 省/市/县… and is the suffix
    alone or three characters or more; not a word that ends alike (城乡, 社区, 自省)."""
    if _PLACE.search(text) is None or text.endswith(_edges("not_places")):
        return False
    toks = tokens(text)
    last = toks[-1][0] if toks else text
    return len(last) == 1 or len(last) >= 3


def _pieces(clause: Span) -> list[Span]:
    """``clause`` cut at each 、 outside brackets and quotation marks."""
    text = clause.text.rstrip(",;:。!?")
    return [
        Span(part, clause.start + at, clause.start + at + len(part))
        for part, at in dun_pieces(text, quotes=True)
        if part
    ]


def _series(clause: Span) -> list[Span] | None:
    pieces = _pieces(clause)
    if len(pieces) < 2:
        return None
    middle = pieces[1:-1]
    last = pieces[-1]
    if all(_joined(p) is not None for p in pieces):
        return _pairs_of_pairs(pieces)
    tail: list[Span] = []
    size = _typical(middle) if middle else 0
    joined = _joined(last)
    if joined is not None and (
        len(joined[0].text) <= (size + 2 if size else _SHORT)
        or _shared_end(joined[0].text, joined[1].text)
        or any(joined[0].text[k : k + 1] == joined[1].text[k : k + 1] for k in range(1, 3))
    ):
        last, extra = joined
        tail = [extra]
    if not size:
        # Two pieces: the shared ending (政治优势、组织优势) or the last piece's own
        # closing word says where each member stops.
        return _two(pieces[0], last, tail)
    first = _first(pieces[0], size, middle)
    if tail:
        members = [first, *middle, last, _last(tail[0], size, middle)]
    else:
        members = [first, *middle, _last(last, size, middle)]
    if any(m is None for m in members):
        return None
    return [m for m in members if m is not None]


def _pairs_of_pairs(pieces: list[Span]) -> list[Span] | None:
    """``把微观调查和宏观调查、定性分析和定量分析结合起来``: each member is a pair
    joined by 和 (or 与, 及), the first cut after its lead word, the last before the
    word closing the series."""
    if len(pieces) > 2:
        size = len(pieces[1].text)
    else:
        pair = _joined(pieces[-1])
        size = 2 * len(pair[0].text) + 1 if pair is not None else len(pieces[0].text)
    head = _first(pieces[0], size, pieces[1:2])
    end = _last(pieces[-1], size, pieces[:1])
    if head is None or end is None or _joined(head) is None or _joined(end) is None:
        return None
    return [head, *pieces[1:-1], end]


def _two(first: Span, last: Span, tail: list[Span]) -> list[Span] | None:
    if tail:  # 甲、乙和丙 with no middle: three short members of the last piece's size
        size = len(last.text)
        head = _first(first, size, [last])
        end = _last(tail[0], size, [last])
        return None if head is None or end is None else [head, last, end]
    shared = _shared_end(first.text, last.text)
    closed = False
    if shared:
        cut = last.text.find(shared) + len(shared)
        second = Span(last.text[:cut], last.start, last.start + cut)
    else:
        found = _closed(last)
        if found is None:
            return None
        second = found
        closed = second.end < last.end
    head = _first(first, len(second.text), [second])
    if head is None or not (closed or _alike(head.text, second.text)):
        return None
    return [head, second]


def _alike(a: str, b: str) -> bool:
    """Two members built alike: the same first or last character, or the same length
    (有数不敢用、不知怎么用; 城乡发展不平衡、农村发展不充分)."""
    return a[0] == b[0] or a[-1] == b[-1] or len(a) == len(b)


def _shared_end(a: str, b: str) -> str:
    """The ending (two characters or more) of ``a`` that ``b`` holds at a word's end
    (政治优势 / 组织优势转化为… -> 优势)."""
    for n in range(min(4, len(a) - 1), 1, -1):
        end = a[-n:]
        at = b.find(end)
        if at >= 1 and at + n in _bounds(b):
            return end
    return ""


def _closed(last: Span) -> Span | None:
    """The last piece up to the word that closes the series (的, 等, 为…), or the
    whole piece when it ends the clause and is short."""
    text = last.text
    best = None
    for b in _bounds(text):
        if 2 <= b < len(text) and text[b:].startswith(_edges("closers")):
            best = b
            break
    if best is None:
        return last if len(text) <= _MEMBER_MAX else None
    return Span(text[:best], last.start, last.start + best)


def _joined(last: Span) -> tuple[Span, Span] | None:
    """``系统平台和应用终端建设`` -> ``系统平台``, ``应用终端建设``: the last piece cut at
    its joiner, each side two characters or more."""
    text = last.text
    for joiner in _JOINERS:
        at = text.find(joiner)
        if at >= 2 and len(text) - at - len(joiner) >= 2 and at in _bounds(text):
            right = at + len(joiner)
            return (
                Span(text[:at], last.start, last.start + at),
                Span(text[right:], last.start + right, last.end),
            )
    return None


def _bounds(text: str) -> frozenset[int]:
    return word_bounds(text)


def _typical(spans: list[Span]) -> int:
    lengths = sorted(len(s.text) for s in spans)
    return lengths[len(lengths) // 2] if lengths else 0


_NOT_VERBS = STOP_WORDS - VERBS
"""Stop words that are no verbs (worked out once, not at each word asked about)."""


def _leads(word: str) -> bool:
    """A word that leads into a series without being part of it: a verb, a
    preposition or a lead word of ``data/series_edges.txt`` (never a pronoun, which
    the dictionary tags like one: 我们|党有责任)."""
    if word in kind_words("fragment_openers", "pronoun") or word in _NOT_VERBS:
        return word in _edges("leads")
    return word in VERBS or word in _edges("leads") or verb_like(word)


def _first(first: Span, size: int, others: list[Span]) -> Span | None:
    """The first member: the end of the first piece, cut after the word that leads
    into the series and about as long as the others (``吸引高校毕业生`` -> ``高校毕业生``)."""
    text = first.text
    toks = tokens(text)
    heads = {o.text[:1] for o in others}
    ends = {o.text[-1:] for o in others}
    unknown = unknown_word_inside(text)
    # 连起了|污水池: an aspect particle closes the verb leading in; no member holds it.
    aspect = max((at + 1 for w, at in toks if w in _ASPECT and at > 0), default=0)
    best: tuple[tuple[float, int], int] | None = None
    for k, (word, at) in enumerate(toks):
        n = len(text) - at
        if n < _MEMBER_MIN or n > max(size + 4, _MEMBER_MIN) or at < aspect:
            continue
        score = -abs(n - size)
        before = toks[k - 1][0] if k else ""
        if complement(toks, k) or complement(toks, k + 1):
            continue  # 用|好|批评: the verb and its complement lead in, they open no member
        if at in unknown and not (_leads(word) or _leads(before) or word in STOP_WORDS):
            continue  # 微|信: a word the dictionary lacks, cut into characters: one word
        if not before:
            score += 1
        elif _leads(before) or before in "的之" or before in _ASPECT or complement(toks, k - 1):
            score += 3
        if text[at] in heads and len(heads) == 1:
            score += 2
        if text[-1] in ends and len(ends) == 1:
            score += 1
        if word in "的地得之":
            continue
        if best is None or (score, -abs(n - size)) > best[0]:
            best = ((score, -abs(n - size)), at)
    if best is None:
        return None
    at = best[1]
    return Span(text[at:], first.start + at, first.end)


def _last(last: Span, size: int, others: list[Span]) -> Span | None:
    """The last member: the start of the last piece, cut before the word that closes
    the series (等, 的, 为, 到…) and about as long as the others."""
    text = last.text
    ends = {o.text[-1:] for o in others}
    best: tuple[float, int] | None = None
    for b in sorted(_bounds(text)):
        if b < _MEMBER_MIN or b > size + 6:
            continue
        score = -abs(b - size) / 2
        rest = text[b:]
        if not rest or rest.startswith(_edges("closers")):
            score += 3
        if text[b - 1] in ends and len(ends) == 1:
            score += 2
        if best is None or score > best[0]:
            best = (score, b)
    if best is None:
        return None
    b = best[1]
    return Span(text[:b], last.start, last.start + b)


def _pair(clause: Span) -> list[Span] | None:
    """Two members joined by 和, 与, 及 or 以及 that end alike (``微观调查和宏观调查``,
    ``战斗堡垒作用和党员先锋模范作用``): the shared ending of two characters or more
    closes each; the first starts after the word leading into the pair."""
    text = clause.text.rstrip(",;:。!?")
    for joiner in _JOINERS:
        at = text.find(joiner)
        if at < 2:
            continue
        right_at = at + len(joiner)
        end = text[at - _SHARED_END : at]
        cut = text.find(end, right_at) - right_at
        if cut < 0 or not CJK.match(end[0]):
            continue  # no shared ending: no pair (checked before segmenting anything)
        if at not in _bounds(text):
            continue
        left = Span(text[:at], clause.start, clause.start + at)
        right = Span(text[right_at:], clause.start + right_at, clause.start + len(text))
        if cut + _SHARED_END not in _bounds(right.text):
            continue
        if right.text[:cut].count(end):
            continue
        second = Span(right.text[: cut + len(end)], right.start, right.start + cut + len(end))
        head = _first(left, len(second.text), [second])
        if head is None or head.text == end or second.text == end:
            continue
        return [head, second]
    return None


_CLAUSE_MIN, _CLAUSE_MAX = 3, 20
_CLAUSES_MAX = 5
_OPENER_MAX = 2
_PARTICLES = "的了着过地得"


def clause_members(folded: str, sent: Span) -> list[list[Span]]:
    """Runs of parallel clauses inside ``sent``, each clause a point: two or more
    clauses opening on the same lead word (``关键在于把人民放在心中最高位置,把群众的
    急难愁盼作为工作的切入点``; ``是我们党的传家宝,是做好各项工作的基本功``), the first
    of them perhaps after a subject; or three or more opening on a verb (``优化资源配置
    方式,推动资源下沉,提高财政资金的使用效能``); or two or more opening on the same
    words (``看到了改革开放的中国加速度,看到了……``; ``待到……,待到……``). A member is its
    clause after the lead word, the first verb or the shared words, which stay to cue it
    (a cloze asks the members one at a time). Clauses of 3 to 16 characters, like in length, at most five; the longest run
    of the sentence."""
    parts = [c for c in clauses(folded, sent.start, sent.end)]
    spans = [
        Span(c.text.rstrip(",;:。!?…"), c.start, c.start + len(c.text.rstrip(",;:。!?…")))
        for c in parts
    ]
    after = [_after_verb(s, modal=True) for s in spans]
    best: list[Span] = []
    for k in range(len(spans) - 1):
        run = _opened_run(spans, k) or _verb_run(after, k) or _echoed_run(spans, k)
        if len(run) > len(best) and _clauses_alike(run):
            best = run[:_CLAUSES_MAX]
    return [best] if best else []


def _opened_run(spans: list[Span], k: int) -> list[Span]:
    """Clauses ``k+1…`` opening on one lead word, with clause ``k`` when it opens on it
    or holds it after its subject."""
    opener = _lead_word(spans[k + 1].text)
    if not opener:
        return []
    run: list[Span] = []
    first = spans[k].text
    at = 0 if first.startswith(opener) else first.find(opener)
    if at < 0 or (at > 0 and at not in _bounds(first)):
        return []
    cut = at + len(opener)
    if (
        first[cut : cut + 1] in _PARTICLES
        or spans[k + 1].text[len(opener) : len(opener) + 1] in _PARTICLES
    ):
        return []  # 有|的用于……: the lead word is part of a longer word (有的)
    run.append(Span(first[cut:], spans[k].start + cut, spans[k].end))
    j = k + 1
    while j < len(spans) and spans[j].text.startswith(opener):
        n = len(opener)
        run.append(Span(spans[j].text[n:], spans[j].start + n, spans[j].end))
        j += 1
    return run


def _lead_word(text: str) -> str:
    """The word a parallel clause opens on: a lead word (把, 是, 以, 从) or a verb of
    one or two characters that the segmenter keeps apart (多到 is 多 + 到: none)."""
    if text[:1] not in _edges("leads") and text[:2] not in _edges("leads"):
        return ""  # no lead word there: nothing to segment
    toks = tokens(text)
    if not toks:
        return ""
    word = toks[0][0]
    if len(word) <= _OPENER_MAX and word in _edges("leads") and len(text) - len(word) >= 3:
        return word
    return ""


_DIGIT = re.compile(r"\d")
_ECHO = (2, 4)
"""Characters of the words two parallel clauses both open with."""
_ECHO_SUBJECT = 4
"""Characters of a subject before the shared words in the first clause (世界|看到了)."""


def _echoed_run(spans: list[Span], k: int) -> list[Span]:
    """Clauses ``k``, ``k+1``… opening on the same words (two to four characters, ending
    where a word ends in each: 看到了……,看到了……; 人民是……,人民是……), the first perhaps
    after a short subject (世界|看到了……): each member is its clause after them."""
    first, second = spans[k].text, spans[k + 1].text
    if len(second) < _ECHO[0] or second[: _ECHO[0]] not in first[: _ECHO_SUBJECT + _ECHO[0]]:
        return []  # no shared opening: nothing to segment
    at, opening = next(
        (
            (at, _echo(first[at:], second))
            for at in sorted(_bounds(first))
            if at <= _ECHO_SUBJECT and _echo(first[at:], second)
        ),
        (0, ""),
    )
    if not opening:
        return []
    n = len(opening)
    if any(_DIGIT.search(s.text) for s in spans[k : k + 2]):
        return []  # 段1……,段2……: numbered parts, not points
    run = [Span(first[at + n :], spans[k].start + at + n, spans[k].end)]
    j = k + 1
    while j < len(spans) and spans[j].text.startswith(opening) and n in _bounds(spans[j].text):
        run.append(Span(spans[j].text[n:], spans[j].start + n, spans[j].end))
        j += 1
    return run


def _echo(a: str, b: str) -> str:
    """The words ``a`` and ``b`` both open with (``_ECHO`` characters, ending where a
    word ends in both), when they are a frame of points, not a sentence opener (我们,
    这些, 同时: ``data/series_edges.txt``, kind ``not_frames``)."""
    n = 0
    while n < min(len(a), len(b), _ECHO[1] + 1) and a[n] == b[n]:
        n += 1
    if n < _ECHO[0]:
        return ""
    cuts = _bounds(a) & _bounds(b)
    n = max((c for c in cuts if _ECHO[0] <= c <= min(n, _ECHO[1])), default=0)
    opening = a[:n]
    if not n or not CJK.fullmatch(opening[0]) or opening in _edges("not_frames"):
        return ""
    if a[n : n + 1] in _PARTICLES or b[n : n + 1] in _PARTICLES:
        return ""  # the shared words go on into a longer word
    toks = [w for w, _at in tokens(opening) if w not in _PARTICLES]
    if not toks or not (toks[-1] in _edges("leads") or tag(toks[-1])[:1] in {"v", "p"}):
        return ""  # 健身|场地……, 健身|热情……: a shared subject, not a frame of points
    return opening


def _verb_run(after: list[Span | None], k: int) -> list[Span]:
    """Three or more clauses from ``k`` on opening on a verb (after a modal such as
    必须, 要: 必须优化……,推动……,提高……); ``after``: each clause after its verb."""
    run: list[Span] = []
    for member in after[k:]:
        if member is None:
            break
        run.append(member)
    return run if len(run) >= 3 else []


def _after_verb(s: Span, modal: bool) -> Span | None:
    """The clause after its first verb (and after a modal or adverb before it: 必须,
    要, 着力), or None when it does not open on a verb."""
    toks = tokens(s.text)
    while modal and len(toks) > 1 and toks[0][0] in _edges("modals"):
        toks = toks[1:]
    if not toks:
        return None
    word, at = toks[0]
    if not (word in VERBS or tag(word).startswith("v")) or len(word) < 2:
        return None
    if word in _NOT_VERBS:
        return None
    cut = at + len(word)
    while cut < len(s.text) and s.text[cut] in _PARTICLES + "好":
        cut += 1  # 挖掘了|道路的通行潜力: the aspect particle goes with the verb
    if len(s.text) - cut < max(3, len(s.text) * 3 // 5):
        cut = at  # the verb is most of the clause: asked with it
    return Span(s.text[cut:], s.start + cut, s.end)


def _clauses_alike(run: list[Span]) -> bool:
    lengths = [len(s.text) for s in run]
    if min(lengths) < _CLAUSE_MIN or max(lengths) > _CLAUSE_MAX:
        return False
    if any(has_figure(s.text) or not CJK.search(s.text) for s in run):
        return False
    return max(lengths) <= 3 * min(lengths) + 4
