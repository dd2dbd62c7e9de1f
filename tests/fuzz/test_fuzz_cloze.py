"""Fuzz the cloze parser: parse or ClozeError, and what parses renders without crashing."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz.fuzzkit import FUZZ, assert_clear
from trainer.domain import cloze

_pieces = st.sampled_from(
    [
        "{{",
        "}}",
        "{{c",
        "c1::",
        "::",
        ":",
        "{",
        "}",
        "c",
        "1",
        "0",
        "12",
        "答案",
        "提示",
        " ",
        "\n",
        "x",
    ]
)
_clozeish = st.lists(st.one_of(_pieces, st.text(max_size=3)), max_size=30).map("".join)


@FUZZ
@given(st.one_of(_clozeish, st.text(max_size=200)))
@example("{{c1::a}}{{c1::b::hint}}{{c2::c}}")
@example("{{c1::{{c2::x}}}}")
@example("{{c99999999999999999999::x}}")
def test_parse_or_cloze_error(text: str) -> None:
    try:
        deletions = cloze.parse(text)
    except cloze.ClozeError as exc:
        assert_clear(exc)
        return
    last = 0
    for d in deletions:
        assert d.number >= 1
        assert d.answer.strip()
        assert last <= d.start < d.end <= len(text)
        last = d.end
    numbers = cloze.numbers(text)
    assert numbers == sorted({d.number for d in deletions})
    for n in numbers[:3]:
        hidden = cloze.render(text, n, reveal=False)
        shown = cloze.render(text, n, reveal=True)
        assert isinstance(hidden, str) and isinstance(shown, str)
        assert cloze.answers(text, n)
    assert isinstance(cloze.plain(text), str)
