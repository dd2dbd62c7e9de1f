"""Shortcuts in the detectors answer as the long way round did (made-up text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.generation.detect import members
from trainer.generation.detect.markers import find_markers
from trainer.generation.memo import one_article


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet="抓紧实好新技术产品场景,\n", max_size=16))
def test_a_run_is_looked_for_where_a_character_recurs_at_a_word_stride(text: str) -> None:
    recurs = any(
        text[i] == text[i + n] == text[i + 2 * n]
        for n in members._RUN_PIECE
        for i in range(len(text) - 2 * n)
    )
    assert (members._STRIDE.search(text) is not None) == recurs


def test_markers_found_once_per_article_are_those_found_afresh() -> None:
    text = "一是加强基础设施,二是培养人才,三是完善机制。"
    alone = find_markers(text, 5)
    with one_article():
        first = find_markers(text, 5)
        first.clear()  # a caller changing its list changes nothing else
        assert find_markers(text, 5) == alone
        assert find_markers(text, 0) == find_markers(text, 0)
        assert [m.start for m in find_markers(text, 0)] == [m.start - 5 for m in alone]


def test_a_series_read_once_per_article_is_read_as_afresh() -> None:
    from trainer.generation.detect.inline import _dun_items
    from trainer.generation.text import Span

    text = "推动资源、服务、管理向基层下沉"
    clause = Span(text, 3, 3 + len(text))
    alone = _dun_items(clause)
    assert alone is not None
    with one_article():
        first = _dun_items(clause)
        assert first == alone
        assert first is not None
        first.clear()
        assert _dun_items(clause) == alone
        assert _dun_items(Span("没有顿号", 0, 4)) is None
