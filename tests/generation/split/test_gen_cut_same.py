"""The segmenter's own dictionary cut and its unknown-word reading answer as jieba does.

``Segmenter.plain_cut`` redoes jieba's dictionary cut (``tokenize(text, HMM=False)``)
in one pass per block, and ``unknown_word_inside`` runs jieba's HMM only on the
blocks that could hold a word it joins: both must give what jieba itself gives, for
any text. Real jieba, made-up text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.generation.memo import one_article
from trainer.generation.split import words as segment

_CHARS = "发展乡村振兴基层治理人民群众数字经济微信支付宝的了是在，、。“”「」ab12XY.%-+# \n"
"""Words, single characters, names jieba's HMM joins (微信), Latin letters, digits,
the marks jieba cuts with Chinese characters (.%-+#), punctuation, quotes and spaces."""

_TEXTS = [
    "",
    "微信支付宝",
    "2024年GDP增长5.2%，e-commerce平台突破万亿元",
    "“真经念歪”的现象要坚决纠正；要坚持以人民为中心的发展思想。",
    "ab c\r\n12\t甲乙丙丁",
]


def _jieba_cut(text: str) -> list[tuple[str, int, int]]:
    tk = segment.tokenizer()
    tk.FREQ.ensure(text)
    return list(tk._tk.tokenize(text, HMM=False))


def _jieba_unknown_inside(text: str) -> frozenset[int]:
    """``unknown_word_inside`` as it read the whole text through jieba's HMM."""
    singles = {at for w, at in segment._tokens(text) if len(w) == 1}
    inside: set[int] = set()
    for word, start, end in segment.tokenizer().tokenize(text, HMM=True):
        joined = len(word) > 1 and all(i in singles for i in range(start, end))
        if joined and segment.CJK.match(word):
            inside.update(range(start + 1, end))
    return frozenset(inside)


def test_the_dictionary_cut_is_jiebas() -> None:
    tk = segment.tokenizer()
    for text in _TEXTS:
        assert tk.plain_cut(text) == _jieba_cut(text), text
        assert list(tk.tokenize(text, HMM=False)) == _jieba_cut(text), text


def test_the_unknown_words_are_those_of_jiebas_whole_hmm_cut() -> None:
    assert segment.unknown_word_inside("我们用微信交流") == _jieba_unknown_inside("我们用微信交流")
    for text in _TEXTS:
        assert segment.unknown_word_inside(text) == _jieba_unknown_inside(text), text


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=_CHARS, max_size=60))
def test_any_text_is_cut_as_jieba_cuts_it(text: str) -> None:
    assert segment.tokenizer().plain_cut(text) == _jieba_cut(text)
    assert segment.unknown_word_inside(text) == _jieba_unknown_inside(text)


@settings(deadline=None, max_examples=100)
@given(st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=30), min_size=1, max_size=5))
def test_texts_cut_within_one_article_are_cut_as_alone(texts: list[str]) -> None:
    """Within one article each block's words are kept for the next text holding it."""
    alone = [segment._tokens(t) for t in texts]
    with one_article():
        assert [segment._tokens(t) for t in texts] == alone
        assert [segment._tokens(t) for t in reversed(texts)] == alone[::-1]


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=_CHARS + "ＡＢ１２，。！？（）㎡ﬁ½…—", max_size=40))
def test_fold_is_nfkc_one_character_at_a_time(text: str) -> None:
    """``fold`` reads its table; each character folds as NFKC folds it alone, kept as
    it is where NFKC gives more than one character (㎡, ½)."""
    import unicodedata

    from trainer.generation.text import fold

    def one(ch: str) -> str:
        got = unicodedata.normalize("NFKC", ch)
        return got if len(got) == 1 else ch

    assert fold(text) == "".join(one(ch) for ch in text)
    assert len(fold(text)) == len(text)


def test_an_indexed_text_counts_as_str_does_when_asked_again() -> None:
    from trainer.generation.detect.indexed import Indexed

    text = Indexed("数字乡村建设要补齐短板,数字乡村要有人才。")
    for sub in ["数字乡村", "数字乡村", "人才", "城市", "", "数字乡村"]:
        assert text.count(sub) == str.count(str(text), sub)
    assert text.count("数字", 0, 6) == 1


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=_CHARS + "《》()【】[]—·'\"\t\u3000!?…;:\\^", max_size=40))
def test_strip_punct_drops_exactly_the_punctuation(text: str) -> None:
    from trainer.generation.text import PUNCT, strip_punct

    assert strip_punct(text) == "".join(ch for ch in text if ch not in PUNCT)


def test_a_span_is_made_as_a_frozen_dataclass_is() -> None:
    import dataclasses

    import pytest

    from trainer.generation.text import Span

    span = Span("数字乡村", 3, 7)
    assert (span.text, span.start, span.end) == ("数字乡村", 3, 7)
    assert span == Span(text="数字乡村", start=3, end=7)
    assert hash(span) == hash(Span("数字乡村", 3, 7))
    assert dataclasses.replace(span, start=4) == Span("数字乡村", 4, 7)
    assert repr(span) == "Span(text='数字乡村', start=3, end=7)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span("数字乡村", 3)  # type: ignore[call-arg]


def test_guifan_in_finds_every_listed_phrase_the_text_holds() -> None:
    """The opening index finds what searching the text for each entry finds."""
    from trainer.generation.split.words import guifan_in, guifan_words

    text = "坚持以人民为中心的发展思想，推动高质量发展，发展新质生产力。"
    want = {w for w in guifan_words() if len(w) >= 4 and w in text}
    assert want  # the list holds some of them
    assert guifan_in(text, 4) == want
    assert guifan_in("") == frozenset()
