"""Character-level helpers: matching form, sentence and clause splitting with offsets.

Every split keeps offsets into the article text so a card can point back at its
source. Matching happens on :func:`fold`, a per-character NFKC fold that keeps the
string the same length as the original, so an offset found in the folded text is
an offset into the original one.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from trainer.domain.chars import radical_table
from trainer.generation.memo import current

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENTENCE_END = "。!?…;"
CLAUSE_END = SENTENCE_END + ",:"
OPEN_QUOTES = "“‘「『《〈("
CLOSE_QUOTES = "”’」』》〉)"
_PAIRS = dict(zip(OPEN_QUOTES, CLOSE_QUOTES, strict=True))
_LONG_QUOTE = 160
PUNCT = set(CLAUSE_END + "、" + OPEN_QUOTES + CLOSE_QUOTES + "\"'—-·.[]【】 \t\u3000")


def _fold_char(ch: str) -> str:
    unified = radical_table().get(ord(ch))
    if unified is not None:
        return unified
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`_fold_char`, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        got = self[code] = _fold_char(chr(code))
        return got


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """NFKC per character (full-width to half-width, ⼝ to 口) and radicals that stand
    for characters (居⺠ to 居民, :mod:`trainer.domain.chars`), same length as ``text``."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


def cjk_count(text: str) -> int:
    """How many characters of ``text`` :data:`CJK` matches (what is left when every
    other character is deleted: one string, not a list of one-character strings)."""
    return len(_NOT_CJK.sub("", text))


_NOT_CJK = re.compile("[^" + CJK.pattern[1:] + "+")
"""A run of characters :data:`CJK` does not match."""


def strip_punct(text: str) -> str:
    return _PUNCT.sub("", text)


_PUNCT = re.compile("[" + re.escape("".join(sorted(PUNCT))) + "]")
"""Any character of :data:`PUNCT`."""


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article: folded ``text`` of ``[start, end)`` in the source."""

    text: str
    start: int
    end: int


def _span_init(self: Span, text: str, start: int, end: int) -> None:
    """``Span(text, start, end)``: its three slots set through their descriptors, as
    the frozen dataclass's own ``__init__`` does through ``object.__setattr__`` at
    twice the cost (an article makes thousands of spans)."""
    _SET_TEXT(self, text)
    _SET_START(self, start)
    _SET_END(self, end)


_SET_TEXT = vars(Span)["text"].__set__
_SET_START = vars(Span)["start"].__set__
_SET_END = vars(Span)["end"].__set__
Span.__init__ = _span_init  # type: ignore[method-assign]


def _trim(folded: str, start: int, end: int) -> Span | None:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return Span(folded[start:end], start, end) if start < end else None


@cache
def _marks(stops: str, quotes: bool) -> re.Pattern[str]:
    """The characters :func:`_split` acts on: its stops and, with ``quotes``, the
    quotation marks that open or close a quote (``(`` opens none). The rest of the
    text is passed over by one search."""
    marks = stops + ("".join(q for q in _PAIRS if q != "(") + CLOSE_QUOTES if quotes else "")
    return re.compile("[" + re.escape("".join(sorted(set(marks)))) + "]")


def _split(folded: str, start: int, end: int, stops: str, quotes: bool) -> list[Span]:
    out: list[Span] = []
    depth: list[str] = []
    piece = start
    i = start
    search = _marks(stops, quotes).search
    while i < end:
        m = search(folded, i, end)
        if m is None:
            break
        i = m.start()
        ch = folded[i]
        if (
            quotes
            and ch in _PAIRS
            and ch != "("
            and not (not depth and _speech(folded, i, end, stops))
        ):
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
            if not depth and i > piece and folded[i - 1] in stops and ch in "”」』":
                # “……。” closes a quoted sentence: the sentence ends with the quote.
                span = _trim(folded, piece, i + 1)
                if span:
                    out.append(span)
                piece = i = i + 1
                continue
        elif ch in stops and not depth:
            j = i + 1
            while j < end and (folded[j] in stops or folded[j] in CLOSE_QUOTES):
                j += 1
            span = _trim(folded, piece, j)
            if span:
                out.append(span)
            piece = i = j
            continue
        i += 1
    span = _trim(folded, piece, end)
    if span:
        out.append(span)
    return out


_SPEECH_MARKS = "“「"
_SPEECH_CLAUSES = 16
"""Characters from which a quotation holding clause punctuation is a speaker's line."""


def _speech(folded: str, at: int, end: int, stops: str) -> bool:
    """The quotation opening at ``at`` is a speaker's line, not a phrase or a saying to
    keep whole: split at ``stops`` inside it like the prose around it. A line is
    speech when it holds a stop before its last character: two sentences or more
    (“以前……。现在……。”), or, split into clauses, a long line with commas
    (“一是……,二是……”); a quotation left open before ``end`` is read as prose too."""
    if folded[at] not in _SPEECH_MARKS:
        return False
    close = folded.find(_PAIRS[folded[at]], at + 1, end)
    if close < 0:
        return True
    if not _spoken(folded, at, close):
        return False
    inner = folded[at + 1 : close].rstrip(SENTENCE_END)
    if any(c in SENTENCE_END for c in inner):
        return True
    return stops == CLAUSE_END and len(inner) >= _SPEECH_CLAUSES and any(c in stops for c in inner)


_SPEAKER_REACH = 12
"""Characters before a quotation's colon, or after its close, that name its speaker."""
_TAIL_STOP = re.compile(r"[。!?;,:“]")


def _spoken(folded: str, at: int, close: int) -> bool:
    """The quotation ``folded[at:close + 1]`` is given to a speaker: a colon opens it
    (某局长:“……”) or a speaker's verb follows it (……”村支书老王说), and nothing marks
    it as a saying handed down (古人云, 俗话说: ``data/remarks.txt``)."""
    from trainer.generation.lexicon import kind_words

    before = folded[max(0, at - _SPEAKER_REACH) : at]
    tail = _TAIL_STOP.split(folded[close + 1 : close + 1 + _SPEAKER_REACH], 1)[0]
    if any(w in before for w in kind_words("remarks", "saying")):
        return False
    if before.endswith(":") or before.endswith(_says_comma()):
        return True
    return tail.endswith(kind_words("remarks", "says"))


@cache
def _says_comma() -> tuple[str, ...]:
    """Each verb of saying with the comma after it (某局长说,“……”), made once."""
    from trainer.generation.lexicon import kind_words

    return tuple(w + "," for w in kind_words("remarks", "says"))


def sentences(folded: str, start: int, end: int) -> list[Span]:
    """Sentences of ``folded[start:end]``, keeping “…” quotes and 《…》 titles whole."""
    spans = _split(folded, start, end, SENTENCE_END, quotes=True)
    if any(s.end - s.start > _LONG_QUOTE for s in spans):
        # An unbalanced quote swallowed the rest: split ignoring quotes there.
        fixed: list[Span] = []
        for s in spans:
            if s.end - s.start > _LONG_QUOTE:
                fixed.extend(_split(folded, s.start, s.end, SENTENCE_END, quotes=False))
            else:
                fixed.append(s)
        spans = fixed
    return spans


def clauses(folded: str, start: int, end: int) -> list[Span]:
    """Comma-level clauses of a sentence, quotes kept whole (split once per article
    within :func:`~trainer.generation.memo.one_article`)."""
    memo = current()
    if memo is None:
        return _split(folded, start, end, CLAUSE_END, quotes=True)
    key = ("clauses", folded, start, end)
    got = memo.get(key)
    if got is None:
        got = memo[key] = tuple(_split(folded, start, end, CLAUSE_END, quotes=True))
    return list(got)


def bare(text: str) -> str:
    """Text without trailing/leading punctuation and spaces."""
    return text.strip("".join(PUNCT - set(OPEN_QUOTES + CLOSE_QUOTES)) + " ")


def quoted(text: str) -> list[tuple[str, int]]:
    """(phrase, offset of the phrase) of each “…”/「…」 quotation in ``text``."""
    return [(m.group(1), m.start(1)) for m in _QUOTED.finditer(text)]


_QUOTED = re.compile(r"[“「『]([^“”「」『』]{1,40})[”」』]")


def shared_opening(*texts: str) -> int:
    """How many characters all ``texts`` open with alike (parallel clauses, alike
    openers, a breakdown's repeated subject)."""
    return len(os.path.commonprefix(texts))  # noqa: RUF071 (characters, not paths)


def between_marks(text: str, start: int, end: int, marks: tuple[str, ...]) -> tuple[int, int]:
    """The stretch of ``text`` around ``start`` to ``end`` that no mark of ``marks``
    breaks: (just after the last mark before ``start``, the first mark from ``end``)."""
    lo = max((text.rfind(m, 0, start) for m in marks), default=-1) + 1
    hi = min((k for k in (text.find(m, end) for m in marks) if k >= 0), default=len(text))
    return lo, hi


def masked(text: str, lookalikes: tuple[str, ...] | frozenset[str]) -> str:
    """``text`` with each of ``lookalikes`` (words that look like a cue and are none:
    越来越 for 越……越) blanked out by as many ideographic spaces, longest first, so
    offsets hold and a cue is found only where it is one."""
    for word, mask in _masks(lookalikes):
        text = text.replace(word, mask)
    return text


@cache
def _masks(lookalikes: tuple[str, ...] | frozenset[str]) -> tuple[tuple[str, str], ...]:
    return tuple((w, "\u3000" * len(w)) for w in sorted(lookalikes, key=len, reverse=True))


def bigram_dice(a: str, b: str) -> float:
    x = {a[i : i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i : i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y)) if a and b else 0.0


CN_NUMBERS = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    if 0 <= n <= 10:
        return CN_NUMBERS[n]
    if n < 20:
        return "十" + CN_NUMBERS[n - 10]
    if n < 100:
        return CN_NUMBERS[n // 10] + "十" + (CN_NUMBERS[n % 10] if n % 10 else "")
    return str(n)


_DUN_OPEN, _DUN_CLOSE = "(（[【《", ")）]】》"


def dun_pieces(text: str, quotes: bool = False) -> list[tuple[str, int]]:
    """``text`` cut at each 、 outside brackets and 《》 (and, with ``quotes``, outside
    quotation marks), with each piece's offset: ``问题、影响(危害、意义)、《规划(一、二)》``
    -> ``问题``, ``影响(危害、意义)``, ``《规划(一、二)》``. A quoted series
    (``“引不来、留不住”``) is cut unless ``quotes``: a cloze asks a quoted phrase whole."""
    opening, closing = (_DUN_OPEN + "“", _DUN_CLOSE + "”") if quotes else (_DUN_OPEN, _DUN_CLOSE)
    out: list[tuple[str, int]] = []
    depth = 0
    piece = 0
    for i, ch in enumerate(text + "、"):
        if ch in opening:
            depth += 1
        elif ch in closing and depth:
            depth -= 1
        elif ch == "、" and not depth:
            out.append((text[piece:i], piece))
            piece = i + 1
    return out


_WIDE = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(r"[,?!:;()]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff“”‘’《》、。]")


def widen_punct(text: str) -> str:
    """Half-width punctuation beside Chinese text in full width (``哪三项?`` -> ``哪三项？``).

    The generator reads folded (half-width) text, so what it writes itself (prompts,
    items, labels) comes out half-width; a learner's card is Chinese and takes
    full-width marks. Marks between Latin letters or digits (``1:2``, ``(a)``, ``f(x)``)
    stay as they are."""
    if not _HALF_PUNCT.search(text):
        return text
    out = list(text)
    for m in _HALF_PUNCT.finditer(text):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == "(":
            close = text.find(")", i)
            inner = text[i + 1 : close] if close > i else after
            wide = bool(_HAN.search(inner))
        elif ch == ")":
            open_ = text.rfind("(", 0, i)
            inner = text[open_ + 1 : i] if open_ >= 0 else before
            wide = bool(_HAN.search(inner))
        elif ch == ":" and ":" in (before, after):
            wide = False  # cloze markup (``{{c1::…}}``) is not punctuation
        else:
            wide = bool(_HAN.match(before)) or bool(_HAN.match(after))
        if wide:
            out[i] = _WIDE[ch]
    return "".join(out)
