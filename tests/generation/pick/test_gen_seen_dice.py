"""The near-duplicate index scores two sentences as ``bigram_dice`` does (made-up text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.generation.pick.clozes import _Seen
from trainer.generation.text import bigram_dice

_TEXT = st.text(alphabet="数字乡村建设要补齐短板人才", max_size=12)


@settings(deadline=None, max_examples=300)
@given(_TEXT, _TEXT)
def test_the_index_scores_as_bigram_dice(a: str, b: str) -> None:
    seen = _Seen()
    assert seen._dice(a, b) == bigram_dice(a, b)
    assert seen._dice(b, a) == bigram_dice(b, a)


@settings(deadline=None, max_examples=200)
@given(st.lists(_TEXT, max_size=6), _TEXT)
def test_a_sentence_is_near_one_seen_as_bigram_dice_says(seen_texts: list[str], text: str) -> None:
    seen = _Seen()
    for t in seen_texts:
        seen.add(t)
    if seen.near(text):
        assert any(bigram_dice(text, t) >= 0.8 for t in seen_texts)
