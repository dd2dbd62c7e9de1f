"""Replay every input in ``corpus/``: each parses or raises the project's own one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.fuzzkit import CORPUS, assert_clear, corpus
from trainer.domain import cloze
from trainer.domain.errors import TrainerError
from trainer.formats import anki_text
from trainer.formats.deckfile import parse_deck
from trainer.generation.read import reader
from trainer.services import grading


def _deckfile(path: Path) -> None:
    parse_deck(path.read_text(encoding="utf-8"), str(path))


def _cloze(path: Path) -> None:
    cloze.parse(path.read_text(encoding="utf-8"))


def _csv(path: Path) -> None:
    anki_text.parse_text(anki_text.decode(path.read_bytes(), str(path)), str(path))


def _article(path: Path) -> None:
    reader.read_article(str(path))


def _grading(path: Path) -> None:
    expected, _, typed = path.read_text(encoding="utf-8").partition("\n")
    g = grading.grade([expected], typed)
    assert 0.0 <= g.coverage <= 1.0 + 1e-9


TARGETS = {
    "deckfile": _deckfile,
    "cloze": _cloze,
    "csv": _csv,
    "article": _article,
    "grading": _grading,
}


def _cases() -> list[object]:
    cases: list[object] = []
    for target in TARGETS:
        if not (CORPUS / target).is_dir():
            continue
        for path in corpus(target):
            marks = []
            if path.name.startswith("open-"):
                marks.append(
                    pytest.mark.xfail(
                        strict=True,
                        reason="known crash, not fixed yet; when this passes drop 'open-'",
                    )
                )
            cases.append(pytest.param(target, path, id=f"{target}/{path.name}", marks=marks))
    return cases


@pytest.mark.parametrize(("target", "path"), _cases())
def test_corpus_input(target: str, path: Path) -> None:
    try:
        TARGETS[target](path)
    except TrainerError as exc:
        assert_clear(exc)
