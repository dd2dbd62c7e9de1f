"""Export: our .apkg and TSV, byte-stable, and accepted by real Anki as we mean them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from anki_helpers import import_into_anki, import_text_into_anki

from trainer.domain import cloze
from trainer.domain.model import Note, NoteKind
from trainer.formats.anki_notes import read_notes
from trainer.formats.anki_text import text_bytes
from trainer.formats.apkg_write import (
    BASIC_FIELDS,
    BASIC_MODEL_NAME,
    CLOZE_FIELDS,
    CLOZE_MODEL_NAME,
    package_bytes,
    section_tag,
)
from trainer.services.exchange import export_file
from trainer.storage.store import Store

DECK = "申论::直播带货"


def test_same_deck_gives_same_bytes(bundled: tuple[str, tuple[Note, ...]]) -> None:
    name, notes = bundled
    assert package_bytes(name, notes) == package_bytes(name, notes)
    assert text_bytes(name, notes) == text_bytes(name, notes)


def test_export_file_is_deterministic(bundled_store: Store, tmp_path: Path) -> None:
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert export_file(bundled_store, DECK, a) == 25
    export_file(bundled_store, DECK, b)
    assert a.read_bytes() == b.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_package_reads_back_exactly(bundled: tuple[str, tuple[Note, ...]], tmp_path: Path) -> None:
    name, notes = bundled
    path = tmp_path / "deck.apkg"
    path.write_bytes(package_bytes(name, notes))
    coll, mapped, errors = read_notes(path)
    assert errors == []
    assert coll.member == "collection.anki2"
    assert tuple(m.note for m in mapped) == notes
    assert {m.deck for m in mapped} == {name}


def test_tsv_headers(bundled: tuple[str, tuple[Note, ...]]) -> None:
    name, notes = bundled
    lines = text_bytes(name, notes).decode("utf-8").splitlines()
    assert lines[:6] == [
        "#separator:tab",
        "#html:true",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        "#tags column:9",
    ]
    assert len(lines) == 6 + len(notes)
    assert text_bytes(name, notes, ",").decode().startswith("#separator:comma\n")


def _anki_notes(col: Any) -> dict[str, Any]:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


def _check_in_anki(col: Any, notes: tuple[Note, ...]) -> None:
    by_guid = _anki_notes(col)
    assert set(by_guid) == {n.guid for n in notes}
    for note in notes:
        an = by_guid[note.guid]
        model = an.note_type()
        if note.kind is NoteKind.CLOZE:
            assert model["name"] == CLOZE_MODEL_NAME
            assert model["type"] == 1  # Anki's cloze kind
            assert [f["name"] for f in model["flds"]] == list(CLOZE_FIELDS)
            assert an["Text"] == note.text  # hints kept: {{c1::答案::提示}}
            assert len(an.cards()) == len(cloze.numbers(note.text))
        else:
            assert model["name"] == BASIC_MODEL_NAME
            assert model["type"] == 0
            assert [f["name"] for f in model["flds"]] == list(BASIC_FIELDS)
            assert len(an.cards()) == 1
            if note.kind is NoteKind.LIST:
                assert an["Back"].startswith("<ol><li>")
                assert an["Back"].count("<li>") == len(note.items)
        expected_tags = set(note.tags) | ({section_tag(note)} if note.source.section else set())
        assert set(an.tags) == expected_tags
        assert col.decks.name(an.cards()[0].did) == DECK


def test_real_anki_imports_our_package(
    bundled: tuple[str, tuple[Note, ...]], tmp_path: Path, anki_col: Any
) -> None:
    name, notes = bundled
    path = tmp_path / "deck.apkg"
    path.write_bytes(package_bytes(name, notes))
    log = import_into_anki(anki_col, path)
    assert len(log.log.new) == len(notes)
    _check_in_anki(anki_col, notes)
    total_cards = sum(len(cloze.numbers(n.text)) if n.kind is NoteKind.CLOZE else 1 for n in notes)
    assert anki_col.card_count() == total_cards
    # importing again changes nothing in Anki either
    again = import_into_anki(anki_col, path)
    assert len(again.log.new) == 0
    assert len(again.log.duplicate) == len(notes)


def test_real_anki_imports_our_tsv(
    bundled: tuple[str, tuple[Note, ...]], tmp_path: Path, anki_col: Any
) -> None:
    name, notes = bundled
    # Anki's text import needs our note types to exist (any of our packages
    # brings them); bring them with one note of each, then delete the notes.
    one_each = [next(n for n in notes if n.kind is k) for k in (NoteKind.CLOZE, NoteKind.QA)]
    empty = tmp_path / "types.apkg"
    empty.write_bytes(package_bytes(name, one_each))
    import_into_anki(anki_col, empty)
    for nid in anki_col.find_notes(""):
        anki_col.remove_notes([nid])
    path = tmp_path / "deck.tsv"
    path.write_bytes(text_bytes(name, notes))
    log = import_text_into_anki(anki_col, path)
    assert len(log.log.new) == len(notes), log
    _check_in_anki(anki_col, notes)


def test_a_reversed_note_is_two_cards_in_anki_and_comes_back_reversed(
    tmp_path: Path, anki_col: Any
) -> None:
    both = Note(guid="rev00001", kind=NoteKind.REVERSED, prompt="枫桥经验", answer="矛盾不上交")
    path = tmp_path / "both.apkg"
    path.write_bytes(package_bytes("双向", (both,)))
    import_into_anki(anki_col, path)
    (nid,) = anki_col.find_notes("")
    cards = sorted(anki_col.get_note(nid).cards(), key=lambda c: c.ord)
    assert [c.ord for c in cards] == [0, 1]
    assert "枫桥经验" in cards[0].question() and "矛盾不上交" not in cards[0].question()
    assert "矛盾不上交" in cards[1].question() and "枫桥经验" not in cards[1].question()
    _coll, mapped, errors = read_notes(path)
    assert errors == [] and [m.note for m in mapped] == [both]
