"""Helpers for the Anki interop tests: real Anki collections and trainer decks."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trainer.domain.model import Note
from trainer.formats.deckfile import read_deck
from trainer.services.decks import DeckService
from trainer.storage.store import Store

BUNDLED_DECK = Path(__file__).resolve().parents[2] / "decks" / "zhibo-daihuo.toml"


@pytest.fixture
def bundled() -> tuple[str, tuple[Note, ...]]:
    deck = read_deck(BUNDLED_DECK)
    return deck.name, deck.notes


@pytest.fixture
def bundled_store(store: Store) -> Store:
    DeckService(store).import_deck_file(BUNDLED_DECK)
    return store


@pytest.fixture
def anki_col(tmp_path: Path) -> Iterator[Any]:
    """A fresh, real Anki collection (the official ``anki`` package)."""
    pytest.importorskip("anki")
    from anki.collection import Collection

    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    if col.db is not None:
        col.close()


@pytest.fixture
def clean_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point tempfile at an empty folder so a test can check nothing is left there."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
