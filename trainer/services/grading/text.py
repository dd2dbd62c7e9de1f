"""Text of a typed answer: folding, traditional to simplified, clauses.

Both sides are folded the same way (:func:`fold`): NFKC (full-width letters,
digits and punctuation to half-width), traditional characters to simplified,
Latin lower-cased. :func:`normalize` also drops punctuation, symbols and
whitespace, so ``“真经念歪”，`` and ``真经念歪`` compare equal.

A typed answer is cut into *units* at the separators that end a point (new
lines, ``；``, ``。``, ``！``, ``？`` and numbering such as ``1.``, ``①``, ``一是``,
``其次``), and each unit into *clauses* at the marks that may stand inside a
point (``，``, ``、``, ``：``, spaces). Points are found by aligning the expected
points with runs of clauses, never by taking each clause for a point.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_LOCK = threading.Lock()
_CONVERTER: list[Any] = []

# Characters that are the same in both scripts are the common case; the
# converter is loaded only when a character outside this range set could be
# traditional (any CJK ideograph).
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _converter() -> Any:
    if _CONVERTER:
        return _CONVERTER[0]
    with _LOCK:
        if not _CONVERTER:
            from opencc_purepy import OpenCC

            _CONVERTER.append(OpenCC("t2s"))
    return _CONVERTER[0]


def warm() -> None:
    """Load the converter and the readings now (each takes a fraction of a second)."""
    _converter()
    same_sound("嫁", "价")


@lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(r for group in pinyin(ch, style=Style.NORMAL, heteronym=True) for r in group)


def same_sound(a: str, b: str) -> bool:
    """Whether two characters share a reading, tones aside (嫁/价 jia): what an
    input method puts in each other's place."""
    return bool(_readings(a) & _readings(b)) and _CJK.match(a) is not None


_LATIN = re.compile(r"[a-zü]+[1-5]?(?:[\s'’]*[a-zü]+[1-5]?)*")
PINYIN_LEAST = 2
"""Characters a run of pinyin must match in the points to be read as them."""


def _plain(reading: str) -> str:
    return reading.replace("ü", "v")


def from_pinyin(typed: str, vocabulary: str) -> tuple[str, tuple[str, ...]]:
    """``typed`` with its pinyin (ti sheng ren zhi, tíshēng, ti2sheng1) written as
    the characters of ``vocabulary`` (the card's points) that it spells, and the
    runs so written. Pinyin that spells nothing of the points stays as typed."""
    folded = fold(typed)
    if not any("a" <= ch <= "z" for ch in folded):
        return typed, ()
    # Tone marks off (ī → i), ü kept as v, the way the readings are written.
    bare = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", folded.replace("ü", "v").replace("u:", "v"))
        if not unicodedata.combining(ch)
    )
    chars = [ch for ch in dict.fromkeys(vocabulary) if _CJK.match(ch)]
    if not chars:
        return typed, ()
    readings = {ch: {_plain(r) for r in _readings(ch)} for ch in chars}
    starts: dict[str, list[int]] = {}
    for j, ch in enumerate(vocabulary):
        for r in readings.get(ch, ()):
            starts.setdefault(r, []).append(j)
    longest = max((len(r) for r in starts), default=0)
    written: list[str] = []

    def spell(run: str) -> str:
        letters = "".join(ch for ch in run if "a" <= ch <= "z" or ch == "v")
        out: list[str] = []
        i = 0
        while i < len(letters):
            best = ("", 0)
            heads = {j for n in range(1, longest + 1) for j in starts.get(letters[i : i + n], ())}
            for j in sorted(heads):
                got, used = _spelled(vocabulary, j, letters, i, readings)
                if len(got) > len(best[0]) or (len(got) == len(best[0]) and used > best[1]):
                    best = (got, used)
            if len(best[0]) >= PINYIN_LEAST:
                out.append(best[0])
                written.append(best[0])
                i += best[1]
            else:
                out.append(letters[i])
                i += 1
        return "".join(out)

    text = _LATIN.sub(lambda m: spell(m.group(0)), bare)
    return (text, tuple(written)) if written else (typed, ())


def _spelled(
    vocabulary: str, j: int, letters: str, i: int, readings: dict[str, set[str]]
) -> tuple[str, int]:
    """The longest run of ``vocabulary`` from ``j`` whose readings spell
    ``letters`` from ``i`` (characters, letters used)."""
    got = ""
    at = i
    for ch in vocabulary[j:]:
        options = readings.get(ch)
        if not options:
            break
        step = max((len(r) for r in options if letters.startswith(r, at)), default=0)
        if not step:
            break
        got += ch
        at += step
    return got, at - i


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """``text`` with traditional characters written in simplified ones."""
    if not _CJK.search(text):
        return text
    out = _converter().convert(text)
    # The converter maps character by character or phrase by phrase, keeping
    # the length in practice; fall back to the text itself if it ever did not.
    return out if isinstance(out, str) and len(out) == len(text) else text


def fold(text: str) -> str:
    """NFKC, simplified characters, Latin lower-cased; punctuation kept."""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


def _keep(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "PSZC"


class _Dropping(dict[int, int | None]):
    """A :meth:`str.translate` table that drops punctuation, symbols and
    whitespace (:func:`_keep`), each character's category read once."""

    def __missing__(self, code: int) -> int | None:
        kept = code if _keep(chr(code)) else None
        if len(self) < _DROPPING_SIZE:
            self[code] = kept
        return kept


_DROPPING_SIZE = 1 << 16
_DROPPING = _Dropping()


def _kept(text: str) -> str:
    """``text`` without punctuation, symbols and whitespace."""
    return text.translate(_DROPPING)


def normalize(text: str) -> str:
    """Fold, then drop punctuation, symbols and whitespace."""
    return _kept(fold(text))


_NUMBERING = re.compile(
    r"(?:^|(?<=[\s;。!?,:、]))"
    r"(?:\(?\d{1,2}[).、]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,2}\)"
    r"|[一二三四五六七八九十]{1,2}[、.]|其[一二三四五六七八九十]"
    r"|第[一二三四五六七八九十]{1,2}(?=[,、:]|是)|[一二三四五六七八九十]是"
    r"|首先|其次|再次|再者|然后|最后|此外|另外)"
    r"|(?<=\D)\d{1,2}[.、)](?=\D)"
)
"""Numbering that starts a point: after a separator or at the start; circled
numbers (see ``_CIRCLED``) and ``2.`` glued to the previous point anywhere."""

_CIRCLED = re.compile(r"(?<=\w)[①-⑳⑴-⒇⒈-⒛❶-❿]")
"""A circled number glued to the previous item's last word (``土地闲置②补偿偏低``) starts
a point; matched before folding, which turns ``②`` into a bare ``2``."""

_STRONG = re.compile(r"[\n\r;。!?…]+")
_WEAK = re.compile(r"[,、:\s]+")


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    """Normalised (no punctuation)."""
    shown: str
    """As typed (folded, trimmed), for the result line."""
    unit: int
    start: int
    """Offset of ``text`` in the whole normalised answer."""


def unnumbered(text: str) -> str:
    """``text`` folded, its numbering turned into line ends (kept if it is all there is)."""
    out = _NUMBERING.sub("\n", fold(_CIRCLED.sub("\n", text)))
    return out if any(_keep(ch) for ch in out) else fold(text)


def clauses(typed: str) -> tuple[str, tuple[Clause, ...]]:
    """The normalised answer and its clauses, in order."""
    text = unnumbered(typed)
    out: list[Clause] = []
    pieces: list[str] = []
    pos = 0
    for unit, chunk in enumerate(_STRONG.split(text)):
        for raw in _WEAK.split(chunk):
            norm = _kept(raw)
            if not norm:
                continue
            out.append(Clause(norm, raw.strip(), unit, pos))
            pieces.append(norm)
            pos += len(norm)
    return "".join(pieces), tuple(out)


_PIECES = re.compile(r"([,、;:\s\n\r。!?…()]+)")


def _pieces(point: str) -> list[tuple[str, str]]:
    """(normalised piece, the separator after it) of a point, empty pieces dropped."""
    bits = _PIECES.split(fold(point))
    out = []
    for i in range(0, len(bits), 2):
        norm = normalize(bits[i])
        after = bits[i + 1] if i + 1 < len(bits) else ""
        if norm:
            out.append((norm, after))
    return out


def parts(point: str) -> tuple[str, ...]:
    """A point's own pieces (``提升认知,扩大融入面`` → two), normalised."""
    return tuple(p for p, _ in _pieces(point))


_QUOTED = re.compile(r"[“\"「『‘']([^“”\"「」『』‘’']{2,8})[”\"」』’']")


def quoted(point: str) -> tuple[str, ...]:
    """The terms a point quotes (培养“知农人”), normalised: coined terms."""
    out = []
    for m in _QUOTED.finditer(fold(point)):
        norm = normalize(m.group(1))
        if 2 <= len(norm) <= 8 and norm not in out:
            out.append(norm)
    return tuple(out)


def spans_units(point: str) -> bool:
    """Whether the point itself holds a mark that ends a typed unit (；, 。 …)."""
    return bool(_STRONG.search(fold(point).strip()))


def listed_items(point: str) -> tuple[bool, ...]:
    """For each piece of the point, whether a 、 joins it to the next (备案、流程不明确:
    the predicate of the last item is said of every item)."""
    return tuple("、" in after for _, after in _pieces(point))


def glosses(point: str) -> tuple[bool, ...]:
    """For each piece of the point, whether it is a parenthesis of its own
    right after the piece before it (缺乏统一规划（统筹）: 统筹 is another
    word for 统一规划)."""
    found = _pieces(point)
    return tuple(
        i > 0 and "(" in found[i - 1][1] and ")" in after and "(" not in after
        for i, (_, after) in enumerate(found)
    )


def enumerated(point: str) -> bool:
    """Whether the point's first piece ends at a 、: its pieces are a list of
    equals (不愿用、不敢用、不会用), not a measure and what it is for."""
    found = _pieces(point)
    return len(found) > 1 and "、" in found[0][1]


def labelled(point: str) -> frozenset[int]:
    """Pieces that label the rest (``对社会:``): followed by a colon, not last."""
    found = _pieces(point)
    return frozenset(i for i, (_, after) in enumerate(found[:-1]) if ":" in after)
