"""Word lists shipped as data files (``data/*.txt``): one entry a line, ``#`` comments.

Cue words and fixed phrases live here, not as regex alternations in the code, so a
list can grow without touching a detector.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["entries", "kind_words", "words"]


@cache
def entries(name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of ``data/{name}.txt`` split on tabs, without comments and blanks."""
    text = resources.files("trainer.generation").joinpath(f"data/{name}.txt").read_text("utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(tuple(line.split("\t") if "\t" in line else line.split()))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """Every word of ``data/{name}.txt`` (all columns)."""
    return frozenset(w for row in entries(name) for w in row)


@cache
def kind_words(name: str, kind: str) -> tuple[str, ...]:
    """The words of the lines of ``data/{name}.txt`` that open on ``kind``: a list keyed
    by kind (``greet  大家好 同志们``), each kind one set of cue words."""
    return tuple(
        w for row in entries(name) if row[0] == kind for col in row[1:] for w in col.split()
    )
