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


def _reference_parse(text: str) -> list[cloze.Deletion]:
    """The parser as first written (one call per check): the fast one must agree."""
    import re

    deletions: list[cloze.Deletion] = []
    pos = 0

    def plain(start: int, end: int) -> None:
        at = text.find("{{c", start, end)
        if at >= 0:
            raise cloze.ClozeError(
                f"unclosed or malformed cloze at character {at}: {text[at : at + 20]!r}"
            )

    for match in re.finditer(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", text, re.DOTALL):
        start, end = match.span()
        plain(pos, start)
        digits, answer, hint = match.groups()
        number = int(digits) if len(digits) <= 4 else 10_000
        if number > cloze.MAX_NUMBER:
            raise cloze.ClozeError(
                f"cloze number is larger than {cloze.MAX_NUMBER}: {match.group(0)[:40]!r}"
            )
        if number < 1:
            raise cloze.ClozeError(f"cloze number must be 1 or more: {match.group(0)!r}")
        if not answer.strip():
            raise cloze.ClozeError(f"empty cloze answer: {match.group(0)!r}")
        if "{{" in answer:
            raise cloze.ClozeError(f"nested cloze deletions are not supported: {match.group(0)!r}")
        deletions.append(cloze.Deletion(number, answer, hint or "", start, end))
        pos = end
    plain(pos, len(text))
    return deletions


@FUZZ
@given(st.one_of(_clozeish, st.text(max_size=200)))
@example("{{c0::}}")
@example("{{c1::{{x}}")
@example("{{c1:: }}{{c")
def test_parse_agrees_with_the_reference(text: str) -> None:
    try:
        want: list[cloze.Deletion] | str = _reference_parse(text)
    except cloze.ClozeError as exc:
        want = str(exc)
    try:
        got: list[cloze.Deletion] | str = cloze.parse(text)
    except cloze.ClozeError as exc:
        got = str(exc)
    assert got == want
