"""A GUID that belongs to a note of another deck never moves or overwrites that note.

Importing deck B whose note carries the GUID of a note in deck A used to move the
note into B, replace its text and report "1 updated". Every import path refuses
instead, naming both decks, and leaves the store as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import make_deck
from trainer.domain.errors import TrainerError
from trainer.domain.model import Note, NoteKind
from trainer.formats.apkg_write import write_apkg
from trainer.formats.deckfile import write_deck
from trainer.services.decks import DeckService
from trainer.services.exchange import import_file
from trainer.storage.store import Store


def _note(guid: str, prompt: str, answer: str) -> Note:
    return Note(guid=guid, kind=NoteKind.QA, prompt=prompt, answer=answer)


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT n.guid, d.name, n.prompt, n.answer FROM notes n "
                "JOIN decks d ON d.id = n.deck_id ORDER BY n.guid"
            )
        )
        return [tuple(r) for r in rows]


@pytest.fixture
def deck_a(any_store: Store) -> Store:
    make_deck(any_store, [_note("shared", "甲的问题", "甲的答案"), _note("a2", "问", "答")], "甲")
    return any_store


def _refused(store: Store, path: Path) -> str:
    before = _snapshot(store)
    with pytest.raises(TrainerError) as err:
        import_file(store, path)
    assert _snapshot(store) == before
    return str(err.value)


def test_deck_file_with_another_decks_guid_is_refused(deck_a: Store, tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    write_deck(path, "乙", [_note("shared", "乙的问题", "乙的答案"), _note("b2", "问", "答")])
    message = _refused(deck_a, path)
    assert "'甲'" in message and "'乙'" in message and "shared" in message
    assert str(path) in message
    assert "\n" not in message
    names = [d.name for d in DeckService(deck_a).decks()]
    assert "乙" not in names  # the half-made deck went with the transaction


def test_text_file_guid_column_cannot_take_another_decks_note(
    deck_a: Store, tmp_path: Path
) -> None:
    path = tmp_path / "b.tsv"
    path.write_text(
        "#separator:tab\n#html:false\n#guid column:1\n#deck:乙\nshared\t乙的问题\t乙的答案\n",
        encoding="utf-8",
    )
    message = _refused(deck_a, path)
    assert "'甲'" in message and "'乙'" in message


def test_package_note_with_another_decks_guid_is_refused(deck_a: Store, tmp_path: Path) -> None:
    path = tmp_path / "b.apkg"
    write_apkg(path, "乙", [_note("shared", "乙的问题", "乙的答案")])
    message = _refused(deck_a, path)
    assert "'甲'" in message and "'乙'" in message


def test_reimporting_the_same_deck_still_updates_in_place(deck_a: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    write_deck(path, "甲", [_note("shared", "甲的问题", "改过的答案"), _note("a2", "问", "答")])
    report = DeckService(deck_a).import_deck_file(path)
    assert (report.updated, report.unchanged) == (1, 1)
    assert ("shared", "甲", "甲的问题", "改过的答案") in _snapshot(deck_a)
