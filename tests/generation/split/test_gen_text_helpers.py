"""The small text helpers detectors and card choice share (one home each)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.generation.text import between_marks, masked, shared_opening

_HAN = st.text(alphabet="要多到基层去，。、", max_size=12)


@given(st.lists(_HAN, min_size=1, max_size=4))
def test_a_shared_opening_is_what_every_text_opens_with(texts: list[str]) -> None:
    n = shared_opening(*texts)
    assert all(t[:n] == texts[0][:n] for t in texts)
    assert n == min(map(len, texts)) or len({t[n] for t in texts}) > 1


def test_between_marks_is_the_clause_around_an_offset() -> None:
    text = "不能采取短效行为，必须创新工作思路，久久为功。"
    at = text.index("创新")
    lo, hi = between_marks(text, at, at, ("，", "。"))
    assert text[lo:hi] == "必须创新工作思路"
    assert between_marks("没有标点", 1, 2, ("，",)) == (0, 4)


def test_masking_keeps_offsets_and_masks_the_longest_look_alike_first() -> None:
    text = "越来越多的人既然来了"
    out = masked(text, ("越来", "越来越", "既然"))
    assert len(out) == len(text)
    assert "越" not in out[:3] and "既然" not in out and out.endswith("来了")
