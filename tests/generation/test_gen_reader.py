"""Reading files: encodings, HTML, stdin, bad input."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

from trainer.domain.errors import InputError
from trainer.generation import reader
from trainer.generation.reader import read_article

TEXT = "标题:基层治理\n\n基层治理是国家治理的基石。要坚持以人民为中心,把群众满意作为标准。\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_simplified_encodings(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(codec))
    art = read_article(str(path))
    assert art.text == TEXT
    assert art.source == "a"


def test_big5(tmp_path: Path) -> None:
    text = "基層治理是國家治理的基石。要堅持以人民為中心,把群眾滿意作為檢驗工作的根本標準。"
    path = tmp_path / "b.txt"
    path.write_bytes(text.encode("big5"))
    assert read_article(str(path)).text == text


def test_html_main_text(tmp_path: Path) -> None:
    body = "".join(
        f"<p>基层治理是国家治理的基石,第{i}段要坚持以人民为中心,把群众满意作为检验工作的根本标准。</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>基层治理的新路子</title></head><body>"
        "<nav><a href='/'>首页</a><a href='/x'>新闻</a></nav>"
        f"<article><h1>基层治理的新路子</h1>{body}</article>"
        "<footer>版权所有 某某网 电话:010-12345678</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    art = read_article(str(path))
    assert "基层治理是国家治理的基石" in art.text
    assert "版权所有" not in art.text
    assert art.title == "基层治理的新路子"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", fake)
    art = read_article("-")
    assert art.text == TEXT and art.source == "stdin"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"just some english text, nothing else.\n", "no Chinese"),
    ],
)
def test_bad_input(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_article(str(path))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_article(str(tmp_path))


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("基层治理。" * 200, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read_article(str(path))


def test_random_bytes_never_traceback(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    for i in range(30):
        path = tmp_path / f"r{i}.txt"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        with contextlib.suppress(InputError):
            read_article(str(path))


def test_markdown_bullet_runs_become_numbered_lists() -> None:
    from trainer.generation.reader import strip_markdown

    text = (
        "## 成效\n\n- **农村电商蓬勃发展**,新业态不断涌现。\n- 智慧农业加速推广。\n\n- 孤立的一条\n"
    )
    out = strip_markdown(text)
    assert "1. 农村电商蓬勃发展,新业态不断涌现。\n2. 智慧农业加速推广。" in out
    assert "孤立的一条" in out and "- " not in out and "**" not in out
