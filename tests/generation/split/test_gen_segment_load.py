"""The tokenizer's dictionary read in parts gives the answers of the whole dictionary.

``segment.tokenizer`` writes the dictionary (jieba's words with the 规范表述 added)
to the cache directory on its first run and later reads only the parts of the
characters its texts hold. Real jieba, a real cache directory.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.generation.split import words as segment

TEXTS = [
    "直播带货成为新业态，推动乡村振兴和共同富裕。",
    "“真经念歪”的现象要坚决纠正；要坚持以人民为中心的发展思想。",
    "ABC公司2024年营收增长12.5%，e-commerce平台GMV突破万亿元",
    "深化放管服改革，优化营商环境，激发市场主体活力",
]
WORDS = ["直播带货", "新业态", "以人民为中心", "放管服", "营商环境", "龘", "x", "", "鱻鱻"]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_parts_answer_as_the_whole_dictionary(cache_home: Path) -> None:
    whole = segment._load_tokenizer()  # reads jieba's dictionary, writes the parts file
    assert (cache_home / "trainer" / segment.WORDS_FILE).exists()
    parts = segment._load_tokenizer()  # reads the parts its lookups need
    assert parts.FREQ.words is not whole.FREQ.words
    assert len(parts.FREQ.words) < len(whole.FREQ.words)
    assert parts.total == whole.total
    for word in WORDS:
        assert parts.FREQ.get(word, 0) == whole.FREQ.get(word, 0), word
        assert (word in parts.FREQ) == (word in whole.FREQ), word
    assert parts.FREQ["直播带货"] == whole.FREQ["直播带货"]
    for text in TEXTS:
        for hmm in (False, True):
            assert list(parts.tokenize(text, HMM=hmm)) == list(whole.tokenize(text, HMM=hmm))
        assert list(parts.tokenize(text, mode="search")) == list(
            whole.tokenize(text, mode="search")
        )
    # every 规范表述 keeps the frequency the tokenizer gave it
    for word in sorted(segment.guifan_words())[:200]:
        assert parts.FREQ.get(word) == whole.FREQ.get(word), word


def test_a_damaged_or_foreign_parts_file_is_made_again(cache_home: Path) -> None:
    path = cache_home / "trainer" / segment.WORDS_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a dictionary")
    first = segment._load_tokenizer()
    assert first.FREQ.get("直播带货", 0) > 0
    again = segment._load_tokenizer()
    assert again.FREQ.get("直播带货") == first.FREQ.get("直播带货")
    assert list(again.tokenize(TEXTS[0])) == list(first.tokenize(TEXTS[0]))


def test_jieba_loads_without_pkg_resources_and_from_a_removed_folder(tmp_path: Path) -> None:
    """jieba's dictionary is found next to jieba even when the working directory is gone
    (jieba's own plain-file branch joins it to the working directory)."""
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "from trainer.generation.split import words as segment\n"
        "print([w for w, _s, _e in segment.tokenizer().tokenize('直播带货成为新业态', HMM=False)])\n"
        "print('pkg_resources' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    ).stdout.splitlines()
    assert out == ["['直播带货', '成为', '新业态']", "False"]


_CHARS = "发展乡村振兴基层治理人民群众数字经济生态保护，、。“”ab12"


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=_CHARS, min_size=1, max_size=60), st.data())
def test_parts_cut_after_their_sentence_are_cut_as_on_their_own(text: str, data: Any) -> None:
    """Within an article, a part of a sentence cut after the sentence (its blocks'
    words kept from the sentence's cut) gets the tokens cutting it alone gives."""
    from trainer.generation.memo import one_article
    from trainer.generation.split.words import tokens

    bounds = sorted(data.draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=6)))
    parts = [text[s:e] for s, e in itertools.pairwise(bounds) if s < e]
    with one_article():
        tokens(text)
        within = [tokens(part) for part in parts]
    assert within == [tokens(part) for part in parts]  # outside an article: nothing kept


def test_a_quoted_phrase_without_its_marks_is_cut_as_on_its_own() -> None:
    """A part holding a quoted phrase but not its marks (``11“`` of ``“11“”``) is no
    quoted phrase when cut alone, whatever the sentence's cut made of it."""
    from trainer.generation.memo import one_article
    from trainer.generation.split.words import tokens

    text = "1111111111“11“”"
    with one_article():
        tokens(text)
        within = tokens(text[11:14])
    assert within == tokens(text[11:14])
