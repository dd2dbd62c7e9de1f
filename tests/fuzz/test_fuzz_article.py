"""Fuzz the article reader: bytes in any encoding, text or HTML, read or one-line InputError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.fuzzkit import EXAMPLES, FUZZ, assert_clear
from trainer.domain.errors import InputError
from trainer.generation.read import reader

_zh = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("，。；：“”《》\n 　abc123<>/&;"),
    ),
    max_size=200,
)
_encoded = st.tuples(_zh, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"])).map(
    lambda t: t[0].encode(t[1], errors="replace")
)
_html = st.tuples(_zh, st.sampled_from(["", "<p>", "</div>", "<script>", "<title>"])).map(
    lambda t: f"<html><head><title>题</title></head><body>{t[1]}<p>{t[0]}</p></body></html>"
)


@FUZZ
@given(st.one_of(st.binary(max_size=300), _encoded))
@example(b"")
@example(b"\x00\x01\x02")
@example("中文".encode("utf-16"))
def test_decode_and_check(raw: bytes) -> None:
    try:
        text = reader.decode(raw, "fuzz.txt")
        reader.check_text(text, "fuzz.txt")
    except InputError as exc:
        assert_clear(exc, "fuzz.txt")


def _read(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            article = reader.read_article(str(path))
        except InputError as exc:
            assert_clear(exc, str(path))
            return
        assert article.text


@FUZZ
@given(st.one_of(_encoded, st.binary(max_size=200)))
def test_read_text_files(data: bytes) -> None:
    _read("a.txt", data)


@settings(FUZZ, max_examples=max(20, EXAMPLES // 5))
@given(st.one_of(_html, st.text(max_size=200)))
@example("<html></html>")
@example("<p>")
def test_read_html_files(html: str) -> None:
    _read("a.html", html.encode("utf-8"))
