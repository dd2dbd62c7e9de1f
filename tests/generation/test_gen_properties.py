"""Property tests: arbitrary text never crashes the reader or the generator."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.domain import cloze
from trainer.domain.errors import InputError
from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.read.reader import decode

PIECES = st.sampled_from(
    list("的是在了不和有这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能")
    + list(",。;:!?、“”《》()【】{}:: \n\t-—…0123456789abc#")
    + [
        "一是",
        "二是",
        "其一",
        "其二",
        "首先",
        "其次",
        "最后",
        "(一)",
        "(二)",
        "1.",
        "2.",
        "一方面",
        "另一方面",
        "评论一:",
        "热点背景:",
        "【编者按】",
        "靠",
        "只有",
        "才能",
        "{{c1::",
        "}}",
        "::",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_generate_never_crashes(text: str) -> None:
    try:
        out = generate(Article(text=text), "p")
    except InputError:
        return
    for n in out.notes:
        assert 0 <= n.source.start <= n.source.end <= len(text)
        if n.kind is NoteKind.CLOZE:
            assert cloze.numbers(n.text)  # valid markup
        if n.kind is NoteKind.LIST:
            assert len(n.items) >= 2


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_crashes(data: bytes) -> None:
    with contextlib.suppress(InputError):
        decode(data, "x")


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(TEXT)
def test_read_article_never_crashes(tmp_path: Path, text: str) -> None:
    from trainer.generation.read.reader import read_article

    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(InputError):
        read_article(str(path))
