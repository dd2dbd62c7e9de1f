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
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from trainer.generation.memo import current
from trainer.generation.text import CJK

_LOCK = threading.RLock()
_STATE: dict[str, Any] = {}
_QUOTE_MAX = 10
_QUOTES = {"“": "”", "「": "」", "『": "』"}


@cache
def guifan_words() -> frozenset[str]:
    """The shipped list of 规范表述 (standard official phrasing)."""
    text = resources.files("trainer.generation").joinpath("data/guifan.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _cache_dir() -> Path | None:
    try:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("trainer"))
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return None


def tokenizer() -> Any:
    """The initialised jieba tokenizer (loaded once per process, thread-safe)."""
    tk = _STATE.get("tk")
    if tk is not None:
        return tk
    with _LOCK:
        tk = _STATE.get("tk")
        if tk is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            cache_dir = _cache_dir()
            if cache_dir is not None:
                tk.tmp_dir = str(cache_dir)
                tk.cache_file = "jieba.cache"
            tk.initialize()
            for word in sorted(guifan_words()):
                tk.add_word(word, max(tk.FREQ.get(word, 0), 2000))
            _STATE["tk"] = tk
    return tk


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


def _tokens(text: str) -> list[tuple[str, int]]:
    tk = tokenizer()
    out: list[tuple[str, int]] = []
    pos = 0
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is not None:
            j = text.find(close, i + 1)
            if 1 < j - i - 1 <= _QUOTE_MAX:
                out.extend(_cut(tk, text[pos:i], pos))
                out.append((text[i + 1 : j], i + 1))
                pos = i = j + 1
                continue
        i += 1
    out.extend(_cut(tk, text[pos:], pos))
    return out


def _cut(tk: Any, text: str, offset: int) -> list[tuple[str, int]]:
    if not text:
        return []
    return [(w, offset + s) for w, s, _ in tk.tokenize(text, HMM=False)]


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
    got = _STATE.get("tags")
    if got is not None:
        return got  # type: ignore[no-any-return]
    with _LOCK:
        got = _STATE.get("tags")
        if got is None:
            got = _load_tags()
            _STATE["tags"] = got
    return got  # type: ignore[no-any-return]


def _load_tags() -> dict[str, str]:
    """{word: tag} of the dictionary's non-noun words, cached next to jieba's cache."""
    import marshal

    tk = tokenizer()
    cache_dir = _cache_dir()
    cached = cache_dir / "jieba-tags.marshal" if cache_dir is not None else None
    if cached is not None and cached.exists():
        try:
            loaded = marshal.loads(cached.read_bytes())
            if isinstance(loaded, dict):
                return loaded
        except (OSError, ValueError, EOFError, TypeError):
            pass
    tags: dict[str, str] = {}
    with tk.get_dict_file() as fh:
        for raw in fh:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            parts = line.split()
            if len(parts) == 3 and parts[2] in _NOT_NOUN:
                tags[parts[0]] = parts[2]
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.write_bytes(marshal.dumps(tags))
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
    return len(word) >= 2 and all(CJK.match(ch) for ch in word)


_STRADDLE_FREQ = (0, 0, 100, 20, 20, 2)
"""Least dictionary frequency of a word, by length, for :func:`straddles` to count it."""


def straddles(text: str, at: int) -> tuple[int, int] | None:
    """The widest dictionary word of ``text`` (2 to 5 characters, common enough) that
    the cut at offset ``at`` would split (创|新动能 splits 创新), as (start, end); None
    when the cut splits no word. Catches what a segmentation path hides: jieba may cut
    创/新动能, yet a blank on 新动能 still reads as a word torn apart."""
    if not 0 < at < len(text):
        return None
    freq = tokenizer().FREQ
    for size in range(5, 1, -1):  # the widest word first
        for lo in range(max(0, at - size + 1), at):
            hi = lo + size
            word = text[lo:hi]
            common = freq.get(word, 0) >= _STRADDLE_FREQ[size]
            if hi <= len(text) and common and "\u4e00" <= word[0] <= "\u9fff":
                return lo, hi
    return None
