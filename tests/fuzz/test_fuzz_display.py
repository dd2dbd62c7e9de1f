"""Fuzz the display helper: no text, however hostile, reaches a terminal with controls in it."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.fuzzkit import FUZZ
from trainer.domain.display import json_text, visible

CONTROLS = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n", "\t"}
_text = st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=60) | st.text(max_size=60)


@FUZZ
@given(_text)
def test_visible_leaves_no_control_character(s: str) -> None:
    shown = visible(s)
    assert not CONTROLS & set(shown)
    assert shown.count("\t") == s.count("\t")
    assert shown.count("\n") == s.count("\n")
    assert visible(shown) == shown
    if not CONTROLS & set(s):
        assert shown == s


@FUZZ
@given(
    st.recursive(
        st.none() | _text | st.integers(), lambda x: st.lists(x) | st.dictionaries(_text, x)
    )
)
def test_json_text_is_the_same_document_without_controls(data: object) -> None:
    out = json_text(data)
    assert json.loads(out) == data
    assert not CONTROLS & set(out)
