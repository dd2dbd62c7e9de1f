"""One text decoder for every format: the same bytes read the same way everywhere."""

from __future__ import annotations

import pytest

from trainer.domain.errors import InputError
from trainer.domain.files import decode_text
from trainer.formats import anki_text
from trainer.generation.read import reader

TEXT = "问题\t答案：坚持以人民为中心的发展思想\n第二行\t内容\n"
TRADITIONAL = "問題\t答案：堅持以人民為中心的發展思想\n第二行\t內容\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16"])
def test_articles_and_text_exports_decode_alike(codec: str) -> None:
    text = TRADITIONAL if codec == "big5" else TEXT
    raw = text.encode(codec)
    assert decode_text(raw, "x") == text
    assert anki_text.decode(raw, "x") == text
    if codec == "utf-16":
        raw = raw.replace(b"\t", b"").replace(b"\n", b"")  # NUL-free UTF-16 (CJK only)
    assert reader.decode(raw, "x") == decode_text(raw, "x")


def test_utf8_only_formats_name_the_line() -> None:
    raw = "第一行\n第二行\n".encode() + "第三行".encode("gb18030")
    with pytest.raises(InputError) as err:
        decode_text(raw, "d.toml", legacy=(), refuse="not UTF-8 text", line=True)
    assert str(err.value) == "d.toml:3: not UTF-8 text"


def test_each_format_keeps_its_refusal() -> None:
    junk = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(InputError, match="known encoding"):
        anki_text.decode(junk, "t.tsv")
    with pytest.raises(InputError, match="GB18030/GBK or Big5"):
        reader.decode(junk, "a.txt")
