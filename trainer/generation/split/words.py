"""Word segmentation: the one module that imports jieba.

The tokenizer is the generator's own ``jieba.Tokenizer()`` (never the global
one), built on first use, with its dictionary cache in the per-user cache
directory and the shipped 规范表述 list (``data/guifan.txt``) as user words.
Quoted phrases of the article (“真经念歪”) are kept whole by cutting around them
rather than by adding them to the tokenizer, so one article never changes how
the next one is cut and output stays deterministic within a process.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import sys
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, overload

from trainer.generation.memo import current
from trainer.generation.text import CJK

_LOCK = threading.RLock()
_ENG = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
"""What jieba's ``re_eng`` matches: a letter or digit its dictionary cut runs together."""
_STATE: dict[str, Any] = {}
_QUOTE_MAX = 10
_QUOTES = {"“": "”", "「": "」", "『": "』"}
_OPENS = re.compile("[" + "".join(_QUOTES) + "]")
_HMM_CHAR = re.compile("[\u4e00-\u9fd5]{2}")
"""Two characters jieba's HMM may join into a word it does not know (its ``re_han``)."""


@cache
def guifan_words() -> frozenset[str]:
    """The shipped list of 规范表述 (standard official phrasing)."""
    text = resources.files("trainer.generation").joinpath("data/guifan.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def _guifan_by_opening() -> dict[str, tuple[str, ...]]:
    """The 规范表述 of two characters or more, filed under their first two characters."""
    index: dict[str, list[str]] = {}
    for word in guifan_words():
        if len(word) >= 2:
            index.setdefault(word[:2], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


def guifan_in(text: str, min_len: int = 2) -> frozenset[str]:
    """The 规范表述 of ``min_len`` characters or more (at least two) that occur in
    ``text``: each place's two characters are looked up in an index of the list's
    openings, instead of searching ``text`` once for each of its 1,266 entries (a
    sentence's standing terms took a tenth of a warm ``trainer make`` that way)."""
    index = _guifan_by_opening()
    found: set[str] = set()
    for i in range(len(text) - 1):
        for word in index.get(text[i : i + 2], ()):
            if len(word) >= min_len and text.startswith(word, i):
                found.add(word)
    return frozenset(found)


def _cache_dir() -> Path | None:
    try:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("trainer"))
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return None


def _import_jieba() -> Any:
    """jieba, imported without ``pkg_resources``.

    jieba finds its dictionary through ``pkg_resources`` when that imports (setuptools
    is in most environments), and importing it costs a cold process ~0.15 s for one
    file path. Hidden while jieba imports, jieba takes its own plain-file branch; that
    branch joins the path to the working directory (which may be gone), so the
    dictionary is then opened next to jieba's own module instead.
    """
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails fast
        try:
            import jieba
        finally:
            if sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    import jieba

    folder = os.path.dirname(os.path.abspath(jieba.__file__))

    def get_module_res(*res: str) -> BinaryIO:
        return open(os.path.join(folder, *res), "rb")  # jieba closes it

    jieba.get_module_res = get_module_res
    return jieba


WORDS_FILE = "jieba-words.marshal"
"""The dictionary as the tokenizer uses it (jieba's words and prefixes with the
规范表述 added), in parts by first character, in the per-user cache directory."""
_WORDS_FORMAT = 1


class Words:
    """jieba's word frequencies, read from ``WORDS_FILE`` one first character at a time.

    A cut looks up only fragments of its text, so before jieba cuts a text the parts
    of the characters in it are added to the one dict jieba reads (``ensure``); a
    lookup from outside (``get``, ``in``, ``[]``) adds the part of its word's first
    character. A cold ``trainer make`` of one article reads about half the
    dictionary's entries instead of all 500,000 (the whole load was ~40% of the
    process); the answers are those of the whole dictionary.
    """

    def __init__(
        self, words: dict[str, int], parts: dict[str, tuple[int, int]] | None, blob: bytes
    ) -> None:
        self.words = words
        """The dict jieba's tokenizer reads (its ``FREQ``)."""
        self._parts = parts
        self._blob = blob
        self._loaded: set[str] = set()

    def ensure(self, text: str) -> None:
        """Add the parts of every character of ``text`` not added yet."""
        if self._parts is None or self._loaded.issuperset(text):
            return
        missing = set(text) - self._loaded
        if not missing:
            return
        import marshal

        with _LOCK:
            for ch in missing - self._loaded:
                part = self._parts.get(ch)
                if part is not None:
                    start, size = part
                    self.words.update(marshal.loads(self._blob[start : start + size]))
                self._loaded.add(ch)

    @overload
    def get(self, word: str) -> int | None: ...
    @overload
    def get(self, word: str, default: int) -> int: ...
    def get(self, word: str, default: int | None = None) -> int | None:
        if self._parts is not None and word[:1] not in self._loaded:
            self.ensure(word[:1])
        return self.words.get(word, default)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._parts is not None and word[:1] not in self._loaded:
            self.ensure(word[:1])
        return word in self.words

    def __getitem__(self, word: str) -> int:
        if self._parts is not None and word[:1] not in self._loaded:
            self.ensure(word[:1])
        return self.words[word]


class Segmenter:
    """The generator's jieba tokenizer with its dictionary (``FREQ``, ``total``)."""

    def __init__(self, tk: Any, words: Words) -> None:
        self._tk = tk
        self.FREQ = words
        self.total: int = tk.total
        jieba = sys.modules["jieba"]
        self._han: re.Pattern[str] = jieba.re_han_default
        """jieba's blocks it cuts by the dictionary (Chinese characters, letters, digits)."""
        self._skip: re.Pattern[str] = jieba.re_skip_default

    def tokenize(
        self, text: str, mode: str = "default", HMM: bool = True
    ) -> Iterator[tuple[str, int, int]]:
        """jieba's ``Tokenizer.tokenize``: (word, start, end) of ``text``."""
        if mode == "default" and not HMM:
            return iter(self.plain_cut(text))
        self.FREQ.ensure(text)
        return self._tk.tokenize(text, mode=mode, HMM=HMM)  # type: ignore[no-any-return]

    def plain_cut(
        self, text: str, routes: dict[str, list[str]] | None = None
    ) -> list[tuple[str, int, int]]:
        """``tokenize(text, HMM=False)``, word for word (see :meth:`plain_words`)."""
        return [(w, at, at + len(w)) for w, at in self.plain_words(text, 0, routes)]

    def plain_words(
        self, text: str, offset: int = 0, routes: dict[str, list[str]] | None = None
    ) -> list[tuple[str, int]]:
        """(word, ``offset`` + its offset) of jieba's dictionary cut of ``text`` (its
        ``cut`` with ``__cut_DAG_NO_HMM``): the same arithmetic in one pass per block
        instead of a DAG, a route dict and a generator per word (a fifth of a warm
        ``trainer make`` went to jieba's bookkeeping). ``routes`` keeps each block's
        words for the next text that holds the same block (a clause cut after its
        sentence): jieba cuts every block on its own."""
        out: list[tuple[str, int]] = []
        append = out.append
        at = offset
        # split on a group: the blocks jieba cuts by the dictionary are the odd pieces
        for k, blk in enumerate(self._han.split(text)):
            if k % 2:
                words = routes.get(blk) if routes is not None else None
                if words is None:
                    # only a block cut here looks words up: its characters' parts
                    self.FREQ.ensure(blk)
                    words = self._route(blk)
                    if routes is not None:
                        routes[blk] = words
                for word in words:
                    append((word, at))
                    at += len(word)
            elif len(blk) == 1:
                append((blk, at))  # one character, a space or not: itself
                at += 1
            elif blk:
                # between them: a space or line break whole, anything else one by one
                for j, x in enumerate(self._skip.split(blk)):
                    if j % 2:
                        append((x, at))
                        at += len(x)
                        continue
                    for ch in x:
                        append((ch, at))
                        at += 1
        return out

    def _route(self, blk: str) -> list[str]:
        """jieba's ``__cut_DAG_NO_HMM`` of one block: the most probable path through
        the dictionary's words (ties to the longer word), single Latin letters and
        digits run together."""
        freq: dict[str, int] = self._tk.FREQ
        logtotal = math.log(self._tk.total)
        log = math.log
        n = len(blk)
        score = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best = 0.0
            best_x = -1
            i = idx
            frag = blk[idx]
            f = freq.get(frag)
            while f is not None:
                if f:
                    v = log(f) - logtotal + score[i + 1]
                    if best_x < 0 or v >= best:
                        best, best_x = v, i
                i += 1
                if i >= n:
                    break
                frag = blk[idx : i + 1]
                f = freq.get(frag)
            if best_x < 0:
                best = log(freq.get(blk[idx]) or 1) - logtotal + score[idx + 1]
                best_x = idx
            score[idx] = best
            nxt[idx] = best_x
        words: list[str] = []
        x = 0
        buf = ""
        while x < n:
            y = nxt[x] + 1
            word = blk[x:y]
            if y - x == 1 and word in _ENG:
                buf += word
            else:
                if buf:
                    words.append(buf)
                    buf = ""
                words.append(word)
            x = y
        if buf:
            words.append(buf)
        return words

    def get_dict_file(self) -> Any:
        return self._tk.get_dict_file()


def _words_key(jieba: Any) -> tuple[Any, ...]:
    """What ``WORDS_FILE`` was made from: jieba's dictionary and the 规范表述 list."""
    import zlib

    guifan = "\n".join(sorted(guifan_words())).encode("utf-8")
    try:
        size = os.path.getsize(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    except OSError:
        size = -1
    # marshal's format is the interpreter's: one cache folder may serve several Pythons
    python = tuple(sys.version_info[:2])
    return (_WORDS_FORMAT, python, jieba.__version__, size, len(guifan), zlib.crc32(guifan))


def _read_words(path: Path, key: tuple[Any, ...]) -> tuple[int, Words] | None:
    """(total, words) from ``path`` when it was made from ``key``, else None."""
    import marshal

    try:
        got = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(got, tuple) and len(got) == 4 and got[0] == key):
        return None
    _key, total, parts, blob = got
    if not (isinstance(total, int) and isinstance(parts, dict) and isinstance(blob, bytes)):
        return None
    return total, Words({}, parts, blob)


def _write_words(path: Path, key: tuple[Any, ...], total: int, freq: dict[str, int]) -> None:
    """``freq`` in parts by first character, written whole or not at all."""
    import marshal

    by_char: dict[str, dict[str, int]] = {}
    for word, n in freq.items():
        by_char.setdefault(word[:1], {})[word] = n
    parts: dict[str, tuple[int, int]] = {}
    chunks: list[bytes] = []
    at = 0
    for ch in sorted(by_char):
        chunk = marshal.dumps(by_char[ch])
        parts[ch] = (at, len(chunk))
        chunks.append(chunk)
        at += len(chunk)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(marshal.dumps((key, total, parts, b"".join(chunks))))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def tokenizer() -> Segmenter:
    """The initialised tokenizer (loaded once per process, thread-safe).

    The first run reads jieba's dictionary (through jieba's own cache), adds the
    规范表述 and writes ``WORDS_FILE``; later runs read only the parts of that file
    their texts need (``Words``).
    """
    return _once("tk", _load_tokenizer)  # type: ignore[no-any-return]


def _once(key: str, load: Callable[[], Any]) -> Any:
    """``_STATE[key]``, loaded by ``load`` the first time (once per process, even when
    threads ask together)."""
    got = _STATE.get(key)
    if got is not None:
        return got
    with _LOCK:
        got = _STATE.get(key)
        if got is None:
            got = _STATE[key] = load()
    return got


def _load_tokenizer() -> Segmenter:
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    cache_dir = _cache_dir()
    key = _words_key(jieba)
    if cache_dir is not None:
        read = _read_words(cache_dir / WORDS_FILE, key)
        if read is not None:
            tk.total, words = read
            tk.FREQ = words.words
            tk.initialized = True
            return Segmenter(tk, words)
        tk.tmp_dir = str(cache_dir)
        tk.cache_file = "jieba.cache"
    tk.initialize()
    for word in sorted(guifan_words()):
        tk.add_word(word, max(tk.FREQ.get(word, 0), 2000))
    if cache_dir is not None:
        _write_words(cache_dir / WORDS_FILE, key, tk.total, tk.FREQ)
    return Segmenter(tk, Words(tk.FREQ, None, b""))


def tokens(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs of ``text``; short quoted phrases stay single tokens.
    Within :func:`~trainer.generation.memo.one_article` a text is cut once."""
    memo = current()
    if memo is None:
        return _tokens(text)
    key = ("tokens", text)
    got = memo.get(key)
    if got is None:
        got = memo[key] = tuple(_tokens(text))
    return list(got)


def word_bounds(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a token of :func:`tokens` starts or ends (and both
    ends of ``text``); within :func:`~trainer.generation.memo.one_article` worked out
    once per text."""
    memo = current()
    key = ("bounds", text)
    got: frozenset[int] | None = memo.get(key) if memo is not None else None
    if got is None:
        cut = tokens(text)
        got = frozenset([0, len(text), *(at for _w, at in cut), *(at + len(w) for w, at in cut)])
        if memo is not None:
            memo[key] = got
    return got


def _tokens(text: str) -> list[tuple[str, int]]:
    tk = tokenizer()
    memo = current()
    routes = memo.setdefault("routes", {}) if memo is not None else None
    out: list[tuple[str, int]] = []
    pos = 0
    m = _OPENS.search(text)
    while m is not None:
        i = m.start()
        j = text.find(_QUOTES[text[i]], i + 1)
        if 1 < j - i - 1 <= _QUOTE_MAX:
            out.extend(_cut(tk, text[pos:i], pos, routes))
            out.append((text[i + 1 : j], i + 1))
            pos = j + 1
            m = _OPENS.search(text, pos)
        else:
            m = _OPENS.search(text, i + 1)
    out.extend(_cut(tk, text[pos:], pos, routes))
    return out


def _cut(
    tk: Segmenter, text: str, offset: int, routes: dict[str, list[str]] | None = None
) -> list[tuple[str, int]]:
    if not text:
        return []
    return tk.plain_words(text, offset, routes)


def unknown_word_inside(text: str) -> frozenset[int]:
    """Offsets inside a word the dictionary does not hold: where the dictionary's cut
    leaves single characters (微|信) that jieba's HMM reads as one word (微信). A
    member or item never starts or ends there."""
    memo = current()
    key = ("unknown_inside", text)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    singles = {at for w, at in tokens(text) if len(w) == 1}
    inside: set[int] = set()
    tk = tokenizer()
    # jieba cuts each block of characters on its own, and its HMM joins only runs of
    # one-character words of Chinese characters: a block without two such side by
    # side needs no HMM cut to say it holds no unknown word.
    pairs = sorted(p for p in singles if p + 1 in singles and _HMM_CHAR.match(text, p, p + 2))
    for m in tk._han.finditer(text) if pairs else ():
        at = m.start()
        k = bisect_left(pairs, at)
        if k == len(pairs) or pairs[k] + 1 >= m.end():
            continue
        for word, start, end in tk.tokenize(m.group(), HMM=True):
            start, end = start + at, end + at
            if len(word) > 1 and all(i in singles for i in range(start, end)) and CJK.match(word):
                inside.update(range(start + 1, end))
    out = frozenset(inside)
    if memo is not None:
        memo[key] = out
    return out


_NOT_NOUN = frozenset(
    {"v", "vg", "vd", "d", "ad", "p", "c", "u", "uj", "ul", "r", "m", "q", "f", "zg"}
)
"""Dictionary tags of words that never start or end a term (verbs, adverbs,
prepositions, conjunctions, pronouns, numerals, measure words)."""


def verb_like(word: str) -> bool:
    """A verb, adverb or function word by jieba's dictionary tag."""
    return word in _tags() and word not in guifan_words()


def tag(word: str) -> str:
    """The dictionary's part-of-speech tag of a verb, adverb or function word; empty
    for nouns, names and words the dictionary does not know."""
    return _tags().get(word, "")


def _tags() -> dict[str, str]:
    return _once("tags", _load_tags)  # type: ignore[no-any-return]


def common_noun(word: str) -> bool:
    """A common noun by jieba's dictionary (基地, 景点; 变化 and 实验 as nouns of action:
    tagged n, vn or nz and counted :data:`COMMON_NOUN` times or more, a 规范表述 among
    them counting as the tokenizer counts it): not an adjective (复杂), a place word
    (场里), a rare or guessed word (无休止, 康复者) nor one the dictionary does not know.
    Only the common ones are loaded (about three thousand of the dictionary's 130
    thousand nouns), so a cold process hardly pays for them."""
    return word in _once("nouns", _load_nouns)


COMMON_NOUN = 1000
"""The least count of a common noun (基地 11481, 景点 2436)."""
_NOUN = frozenset({"n", "vn", "nz"})
NOUNS_FILE = "jieba-common-nouns.marshal"


def _load_nouns() -> frozenset[str]:
    """The common nouns, cached beside ``WORDS_FILE`` under its key: the 规范表述 list
    raises its words' counts, so the set changes with it."""
    import marshal

    key = _words_key(_import_jieba())
    cache_dir = _cache_dir()
    cached = cache_dir / NOUNS_FILE if cache_dir is not None else None
    if cached is not None and cached.exists():
        try:
            got = marshal.loads(cached.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            got = None
        if isinstance(got, tuple) and len(got) == 2 and got[0] == key:
            nouns: frozenset[str] = got[1]
            if isinstance(nouns, frozenset):
                return nouns
    freq = tokenizer().FREQ
    nouns = frozenset(w for w in _dictionary_tags(_NOUN) if freq.get(w, 0) >= COMMON_NOUN)
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.write_bytes(marshal.dumps((key, nouns)))
    return nouns


def _load_tags() -> dict[str, str]:
    """{word: tag} of the dictionary's non-noun words, cached next to jieba's cache."""
    import marshal

    cache_dir = _cache_dir()
    cached = cache_dir / "jieba-tags.marshal" if cache_dir is not None else None
    if cached is not None and cached.exists():
        try:
            loaded = marshal.loads(cached.read_bytes())
            if isinstance(loaded, dict):
                return loaded
        except (OSError, ValueError, EOFError, TypeError):
            pass
    tags = _dictionary_tags(_NOT_NOUN)
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.write_bytes(marshal.dumps(tags))
    return tags


def _dictionary_tags(kinds: frozenset[str]) -> dict[str, str]:
    """{word: tag} of jieba's dictionary's words tagged one of ``kinds``."""
    tags: dict[str, str] = {}
    with tokenizer().get_dict_file() as fh:
        for raw in fh:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            parts = line.split()
            if len(parts) == 3 and parts[2] in kinds:
                tags[parts[0]] = parts[2]
    return tags


def rarity(word: str) -> float:
    """-log of the word's dictionary frequency: an IDF stand-in (unknown words rare)."""
    tk = tokenizer()
    freq = tk.FREQ.get(word, 0)
    return math.log(tk.total / (freq + 1))


def unknown(word: str) -> bool:
    """Not a word of the dictionary (nor a 规范表述): a name the segmenter guessed."""
    return tokenizer().FREQ.get(word, 0) == 0 and word not in guifan_words()


def is_content(word: str) -> bool:
    return len(word) >= 2 and _CJK_RUN.fullmatch(word) is not None


_CJK_RUN = re.compile(CJK.pattern + "+")
"""A run of the characters :data:`~trainer.generation.text.CJK` matches one at a time."""


_STRADDLE_FREQ = (0, 0, 100, 20, 20, 2)
"""Least dictionary frequency of a word, by length, for :func:`straddles` to count it."""


def straddles(text: str, at: int) -> tuple[int, int] | None:
    """The widest dictionary word of ``text`` (2 to 5 characters, common enough) that
    the cut at offset ``at`` would split (创|新动能 splits 创新), as (start, end); None
    when the cut splits no word. Catches what a segmentation path hides: jieba may cut
    创/新动能, yet a blank on 新动能 still reads as a word torn apart."""
    if not 0 < at < len(text):
        return None
    words = tokenizer().FREQ
    words.ensure(text[max(0, at - 4) : at])  # the first characters of the words asked about
    get = words.words.get
    n = len(text)
    for size in range(5, 1, -1):  # the widest word first
        least = _STRADDLE_FREQ[size]
        # words that end inside the text, opening on a Chinese character
        for lo in range(max(0, at - size + 1), min(at, n - size + 1)):
            if "\u4e00" <= text[lo] <= "\u9fff" and get(text[lo : lo + size], 0) >= least:
                return lo, lo + size
    return None
