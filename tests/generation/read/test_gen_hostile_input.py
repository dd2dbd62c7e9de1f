"""Hostile article files: JSON spelling what no text can hold, and shapes that once
cost time without bound. Each is read into an Article that UTF-8 can hold, or
refused with one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.domain.files import loads_json
from trainer.generation.read.reader import read_article

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


def test_loads_json_cleans_every_spelling_of_a_surrogate_and_leaves_the_rest() -> None:
    assert loads_json('["\\uD800", "\\uDbFf", "\\udc00"]') == ["\ufffd"] * 3
    assert loads_json('{"a": "x\ud800"}') == {"a": "x\ufffd"}  # raw, not escaped
    # an escaped backslash before "ud800" is text, not a surrogate
    assert loads_json('["\\\\ud800", "\\u00e9"]') == ["\\ud800", "é"]
    assert loads_json('{"k": ["申论", {"n": [1, 2.5, null]}]}') == {
        "k": ["申论", {"n": [1, 2.5, None]}]
    }


_CHILD = """
import sys
from trainer.generation import generate
from trainer.generation.read.reader import read_article

art = read_article(sys.argv[1])
generate(art, art.source)
print("done")
"""

HOSTILE_SHAPES = {
    # an unclosed Markdown link bracket, many times over: each once scanned to the line's end
    "brackets.md": "# 标题\n**粗**\n" + "[" * 300_000 + BODY,
    # a number of 200,000 digits in a sentence (what a JSON record too big to parse leaves)
    "digits.txt": BODY + "9" * 200_000 + "。\n",
    # a run of 200,000 spaces in a sentence (a PDF's layout)
    "spaces.txt": BODY + "发" + " " * 200_000 + "展。\n",
    # runs of ideographic spaces (paragraph indents) in a line, one ending it
    "indents.txt": BODY + ("发" + "\u3000" * 100_000) * 2 + "\n",
    # a program's string literal followed by a long run of spaces
    "literal.txt": '"' + BODY.replace("\n", "") + '"' + " " * 200_000 + "x\n",
    # a repost's original-title line running on in spaces, and a row of values never closed
    "original.txt": BODY + "原标题：" + "标" + " " * 200_000 + "题\n",
    "row.txt": "(1,'" + BODY.replace("\n", "") + "'," + "'," * 100_000 + "\n",
    # a database dump whose last value is never closed, made of escaped quotes
    "dump.txt": "INSERT INTO `t` VALUES ('" + BODY + "', '" + "\\'" * 300_000 + "\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SHAPES))
def test_a_long_run_of_one_character_costs_no_more_than_its_length(
    tmp_path: Path, name: str
) -> None:
    """Each of these once cost time quadratic in the run (hours for a file well under
    the size limit). The timeout is a hang guard, hundreds of times what it takes now."""
    path = tmp_path / name
    path.write_text(HOSTILE_SHAPES[name], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "done", done.stderr[-500:]
