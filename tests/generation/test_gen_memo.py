"""Per-article memo of cuts and clause splits: same output, nothing kept afterwards."""

from __future__ import annotations

from gen_scoring import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.domain.model import Article
from trainer.formats.cards_json import made as to_json
from trainer.generation import generate, memo
from trainer.generation.split.words import tokens
from trainer.generation.text import clauses


def test_nothing_is_kept_after_an_article() -> None:
    generate(Article(text="数字乡村建设要补齐短板。一是加强基础设施,二是培养人才。"), "a")
    assert memo.current() is None


def test_memoised_results_equal_fresh_ones_and_are_not_shared() -> None:
    text = "推动资源、服务、管理向基层下沉,让基层有权办事、有钱办事。"
    plain_tokens, plain_clauses = tokens(text), clauses(text, 0, len(text))
    with memo.one_article():
        first = tokens(text)
        first.append(("x", 99))  # a caller changing its copy changes nothing else
        assert tokens(text) == plain_tokens
        got = clauses(text, 0, len(text))
        got.clear()
        assert clauses(text, 0, len(text)) == plain_clauses
    assert memo.current() is None


def test_an_article_reads_the_same_after_another() -> None:
    seed = SEED.read_text(encoding="utf-8")
    other = "垃圾分类是新时尚。要加快形成以法治为基础、政府推动、全民参与的垃圾分类制度。"
    alone = to_json(generate(Article(text=seed), "seed"))
    generate(Article(text=other), "other")
    assert to_json(generate(Article(text=seed), "seed")) == alone


_ENCLOSING = "文字“”《》中"


@settings(deadline=None, max_examples=300)
@given(
    st.text(alphabet=_ENCLOSING, max_size=30),
    st.lists(st.text(alphabet=_ENCLOSING, max_size=5), max_size=12),
)
def test_what_a_mark_encloses_is_read_as_a_search_reads_it(text: str, asked: list[str]) -> None:
    """Within an article, whether a word stands in quotation marks or 《》 is read off
    a table of what each opening mark encloses: the answers of a search of the text."""
    from trainer.generation.pick.clozes import _enclosed

    with memo.one_article():
        for word in asked:
            for opening, closing in (("“", "”"), ("《", "》")):
                want = f"{opening}{word}{closing}" in text
                assert _enclosed(text, word, opening, closing) == want
