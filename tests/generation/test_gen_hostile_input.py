"""Hostile article files: JSON spelling what no text can hold, and shapes that once
cost time without bound. Each is read into an Article that UTF-8 can hold, or
refused with one line."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.domain.files import loads_json
from trainer.generation.reader import read_article

BODY = "我们要坚持以人民为中心的发展思想，推动高质量发展。"


def test_a_lone_surrogate_in_a_json_record_becomes_a_replacement_character(
    tmp_path: Path,
) -> None:
    path = tmp_path / "record.json"
    path.write_text(
        '{"title": "标题\\ud800", "content": "' + BODY + '\\udc00\\ud83d\\ude00"}',
        encoding="utf-8",
    )
    art = read_article(str(path))
    art.title.encode("utf-8")
    art.text.encode("utf-8")  # no lone surrogate left to fail a store or a terminal
    assert art.title == "标题\ufffd"
    assert art.text.endswith("\ufffd\U0001f600")


def test_loads_json_cleans_keys_and_nested_strings_and_keeps_pairs() -> None:
    data = loads_json('{"k\\ud800": [{"x": ["\\udfff", "\\ud83d\\ude00"]}], "n": 1}')
    assert data == {"k\ufffd": [{"x": ["\ufffd", "\U0001f600"]}], "n": 1}
    assert loads_json('"\\ud800"') == "\ufffd"
    assert loads_json(json.dumps([1, None, 2.5])) == [1, None, 2.5]
