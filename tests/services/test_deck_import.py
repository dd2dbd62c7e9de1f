"""Importing deck files: reports, in-place updates keeping history, retirement, atomicity."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import BUNDLED_DECK
from trainer.domain.errors import InputError
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating
from trainer.formats.deckfile import read_deck, write_deck
from trainer.services.decks import DeckService, ensure_bundled_deck
from trainer.services.study import StudyService
from trainer.storage import reviews_repo
from trainer.storage.store import Store


def _notes(n: int) -> list[Note]:
    return [
        Note(guid=f"n{i}", kind=NoteKind.CLOZE, text=f"第{i}句{{{{c1::关键词{i}}}}}")
        for i in range(n)
    ]


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("notes", "cards", "reviews")
        )


def test_import_then_reimport_edited_keeps_history(
    tmp_path: Path, store: Store, now: datetime
) -> None:
    path = tmp_path / "d.toml"
    notes = _notes(5)
    write_deck(path, "甲", notes, DeckOptions(enable_fuzz=False))
    decks = DeckService(store)
    report = decks.import_deck_file(path)
    assert (report.new, report.updated, report.unchanged, report.retired) == (5, 0, 0, 0)

    study = StudyService(store)
    card = study.queue(now)[0]
    study.answer(card.id, Rating.GOOD, now)

    fixed = [replace(notes[0], text="第0句(改){{c1::关键词0}}"), *notes[1:4]]
    write_deck(path, "甲", fixed, DeckOptions(enable_fuzz=False))
    report = decks.import_deck_file(path)
    assert (report.new, report.updated, report.unchanged, report.retired) == (0, 1, 3, 1)
    assert decks.notes("甲")[0].text == "第0句(改){{c1::关键词0}}"
    assert len(decks.notes("甲")) == 4
    with store.read() as conn:
        assert len(reviews_repo.history(conn, card.id)) == 1
    after = study.card(card.id)
    assert after is not None and after.reps == 1

    # Bring the retired note back: its card comes back too.
    write_deck(path, "甲", notes, DeckOptions(enable_fuzz=False))
    report = decks.import_deck_file(path)
    assert (report.new, report.updated, report.retired) == (0, 2, 0)
    assert len(study.queue(now, limit=100)) == 5


def test_reimport_unchanged_reports_unchanged(tmp_path: Path, store: Store) -> None:
    decks = DeckService(store)
    decks.import_deck_file(BUNDLED_DECK)
    report = decks.import_deck_file(BUNDLED_DECK)
    n = len(read_deck(BUNDLED_DECK).notes)
    assert (report.new, report.updated, report.unchanged, report.retired) == (0, 0, n, 0)


def test_export_import_round_trip(tmp_path: Path, store: Store) -> None:
    decks = DeckService(store)
    decks.import_deck_file(BUNDLED_DECK)
    out = tmp_path / "out.toml"
    decks.export_deck_file("申论::直播带货", out)
    a, b = read_deck(BUNDLED_DECK), read_deck(out)
    assert (a.name, a.notes, a.options, a.description) == (
        b.name,
        b.notes,
        b.options,
        b.description,
    )
    assert a.articles[0].text == b.articles[0].text
    assert a.articles[0].attribution == b.articles[0].attribution


def test_cloze_number_removed_then_restored_keeps_card(
    tmp_path: Path, store: Store, now: datetime
) -> None:
    path = tmp_path / "c.toml"
    note = Note(guid="c", kind=NoteKind.CLOZE, text="{{c1::甲}}{{c2::乙}}")
    opts = DeckOptions(bury_siblings=False)
    write_deck(path, "丙", [note], opts)
    decks = DeckService(store)
    decks.import_deck_file(path)
    study = StudyService(store)
    second = next(c for c in study.queue(now) if c.ord == 2)
    study.answer(second.id, Rating.EASY, now)
    write_deck(path, "丙", [replace(note, text="{{c1::甲}}乙")], opts)
    decks.import_deck_file(path)
    assert {c.ord for c in study.queue(now, limit=10)} == {1}
    write_deck(path, "丙", [note], opts)
    decks.import_deck_file(path)
    back = study.card(second.id)
    assert back is not None and back.reps == 1


def test_bad_file_leaves_store_untouched(tmp_path: Path, store: Store) -> None:
    decks = DeckService(store)
    decks.import_deck_file(BUNDLED_DECK)
    before = _counts(store)
    bad = tmp_path / "bad.toml"
    (tmp_path / "zhibo-daihuo.txt").write_text("文章", encoding="utf-8")
    bad.write_text(
        BUNDLED_DECK.read_text(encoding="utf-8").replace('kind = "qa"', 'kind = "??"', 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad.toml:\d+: note \d+ \(\w+\): unknown card kind"):
        decks.import_deck_file(bad)
    assert _counts(store) == before


def test_failure_mid_import_rolls_back(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after notes were written (here: while creating cards) leaves nothing behind."""
    from trainer.storage import cards_repo

    def boom(*_a: object, **_k: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cards_repo, "sync_cards", boom)
    with pytest.raises(RuntimeError):
        DeckService(store).import_deck_file(BUNDLED_DECK)
    assert _counts(store) == (0, 0, 0)


def test_first_run_loads_bundled_deck_once(store: Store) -> None:
    assert ensure_bundled_deck(store) is not None
    assert ensure_bundled_deck(store) is None
    assert [d.name for d in DeckService(store).decks()] == ["申论::直播带货"]


def test_adding_an_edited_article_keeps_history_of_moved_notes(store: Store, now: datetime) -> None:
    from trainer.domain.model import SourceRef

    def note(guid: str, text: str) -> Note:
        return Note(guid, NoteKind.CLOZE, text=text, source=SourceRef(article="art"))

    decks = DeckService(store)
    first = [
        note("p1", "重在{{c1::新意}},胜在{{c2::诚意}}。"),
        note("p2", "无以{{c1::规矩}},不成方圆。"),
    ]
    decks.add_article_notes("甲", first, article_id="art", title="t", text="原文")
    study = StudyService(store)
    card = next(c for c in study.queue(now) if c.note_guid == "p2")
    study.answer(card.id, Rating.GOOD, now)
    moved = [
        note("p1", "新加的一句{{c1::导语}}。"),
        note("p2", "重在{{c1::新意}},胜在{{c2::诚意}}。"),
        note("p3", "无以{{c1::规矩}},不成方圆。"),
    ]
    decks.add_article_notes("甲", moved, article_id="art", title="t", text="改过的原文")
    notes = {n.text: n.guid for n in decks.notes("甲")}
    assert notes["无以{{c1::规矩}},不成方圆。"] == "p2"
    with store.read() as conn:
        assert len(reviews_repo.history(conn, card.id)) == 1
