"""Fuzz the CSV/TSV reader (Anki's text format): parse or one-line InputError."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz.fuzzkit import FUZZ, assert_clear
from trainer.domain.errors import InputError
from trainer.formats import anki_text

WHERE = "fuzz.csv"
_headers = st.sampled_from(
    [
        "#separator:tab",
        "#separator:comma",
        "#separator:Semicolon",
        "#separator:bogus",
        "#html:true",
        "#html:maybe",
        "#notetype:Basic",
        "#notetype:Cloze",
        "#deck:申论",
        "#tags:a b",
        "#columns:Front\tBack",
        "#guid column:1",
        "#deck column:0",
        "#tags column:99",
        "#notetype column:x",
        "#",
        "#guid column:9223372036854775808",
        "#tags column:" + "9" * 5000,
        "#deck:申论\x1b]0;x\x07",
    ]
)
_cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(['"', '""', '"a,b"', "{{c1::答案}}", "{{c1::", "<b>x</b>", "\t", ",", ";"]),
    # Control characters and numeric extremes (issue 17).
    st.sampled_from(
        [
            "{{c9223372036854775808::x}}",
            "{{c" + "9" * 5000 + "::x}}",
            "\x1b[2J",
            "\x00",
            "a\r\nb",
            "\r",
            "\x9b",
            "&#13;",
            "&#0;",
        ]
    ),
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=8),
)
_row = st.lists(_cell, max_size=5)
_sep = st.sampled_from(["\t", ",", ";", "|", " ", ":"])


@st.composite
def _files(draw: st.DrawFn) -> str:
    heads = draw(st.lists(_headers, max_size=4))
    sep = draw(_sep)
    rows = draw(st.lists(_row, max_size=6))
    body = "\n".join(sep.join(r) for r in rows)
    return "\n".join([*heads, body])


@FUZZ
@given(st.one_of(_files(), st.text(max_size=300)))
@example('"unclosed\tquote\nnext')
@example("#separator:tab\n#columns:a\n#guid column:5\nx\ty\n")
def test_parse_text(text: str) -> None:
    try:
        parsed = anki_text.parse_text(text, WHERE)
    except InputError as exc:
        assert_clear(exc, WHERE)
        return
    for entry in parsed.notes:
        assert entry.note.guid
    for err in parsed.errors:
        assert "\n" not in err


@FUZZ
@given(st.binary(max_size=300))
@example(b"\xef\xbb\xbf\xff\xfe")
def test_decode_bytes(raw: bytes) -> None:
    try:
        text = anki_text.decode(raw, WHERE)
    except InputError as exc:
        assert_clear(exc, WHERE)
        return
    try:
        anki_text.parse_text(text, WHERE)
    except InputError as exc:
        assert_clear(exc, WHERE)
