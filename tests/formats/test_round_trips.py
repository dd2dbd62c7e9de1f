"""Odd characters survive export and import: NUL, carriage returns, control characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_deck
from trainer.domain.errors import StoreError
from trainer.domain.model import Note, NoteKind
from trainer.formats.anki_notes import read_notes
from trainer.formats.anki_text import parse_text, read_text, text_bytes
from trainer.formats.apkg_write import write_apkg
from trainer.formats.deckfile import parse_deck, read_deck, write_deck
from trainer.formats.html_text import to_html, to_text
from trainer.services.decks import DeckService
from trainer.services.exchange import export_file, import_file
from trainer.storage.store import Store

ODD = ["一\r\n二", "一\r二", "末尾\r\n", "\x00空字符", "a\x00b\r\nc\x1b[2J", "\x85\x9b\u2028"]


def _notes() -> list[Note]:
    return [
        Note(f"q{i}", NoteKind.QA, prompt=f"问{i}{s}", answer=s, extra=s) for i, s in enumerate(ODD)
    ] + [Note("c1", NoteKind.CLOZE, text="甲\r\n{{c1::乙\x00}}丙", extra="\r\n")]


@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".toml", ".apkg"])
def test_export_then_import_keeps_nul_and_crlf(tmp_path: Path, suffix: str) -> None:
    notes = _notes()
    path = tmp_path / f"odd{suffix}"
    if suffix == ".toml":
        write_deck(path, "甲", notes)
        back = list(read_deck(path).notes)
    elif suffix == ".apkg":
        write_apkg(path, "甲", notes)
        back = [m.note for m in read_notes(path)[1]]
    else:
        path.write_bytes(text_bytes("甲", notes, "," if suffix == ".csv" else "\t"))
        parsed = read_text(path)
        assert parsed.errors == []
        back = [t.note for t in parsed.notes]
    assert back == notes


def test_round_trip_through_a_sqlite_store(tmp_path: Path, store: Store) -> None:
    make_deck(store, _notes(), "甲")
    for suffix in (".tsv", ".toml"):
        out = tmp_path / f"out{suffix}"
        export_file(store, "甲", out)
        report = import_file(store, out)
        assert report.errors == [] and report.new == 0 and report.updated == 0, report
    assert DeckService(store).notes("甲") == _notes()


def test_postgres_refuses_nul_in_one_line(any_store: Store) -> None:
    if any_store.is_sqlite:
        pytest.skip("SQLite stores NUL as it is")
    with pytest.raises(StoreError, match="NUL") as err:
        make_deck(any_store, [Note("n", NoteKind.QA, prompt="a\x00b", answer="c")], "甲")
    assert "\n" not in str(err.value)


def test_a_stray_nul_is_not_a_binary_file_but_utf16_without_bom_is() -> None:
    parsed = parse_text("#separator:tab\n前\x00\t后\n", "x.tsv")
    assert [t.note.prompt for t in parsed.notes] == ["前\x00"]


def test_binary_files_are_still_refused(tmp_path: Path) -> None:
    from trainer.domain.errors import InputError

    for data in (b"\x00\x01\x02" * 100, "问题\t答案\n".encode("utf-16-le") * 20):
        path = tmp_path / "b.tsv"
        path.write_bytes(data)
        with pytest.raises(InputError, match="binary"):
            read_text(path)


text_with_odd_characters = st.lists(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(["\r", "\n", "\r\n", "\x00", "<", "&", "&#13;", "<br>"]),
    max_size=20,
).map("".join)


@settings(deadline=None, max_examples=200)
@given(text_with_odd_characters)
def test_field_html_round_trip_is_exact(s: str) -> None:
    assert to_text(to_html(s)) == s


@settings(deadline=None, max_examples=100)
@given(text_with_odd_characters.filter(lambda s: s.strip() != ""))
def test_deck_file_round_trip_is_exact(s: str) -> None:
    from trainer.formats.deckfile import DeckFile, deck_to_toml

    note = Note("g", NoteKind.QA, prompt="问" + s, answer=s, extra=s)
    text = deck_to_toml(DeckFile("甲", (note,)))
    assert parse_deck(text).notes == (note,)
