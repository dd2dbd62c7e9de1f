"""Import: packages made by real Anki (current and legacy), review history, round trips."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import export_from_anki, import_into_anki
from sqlalchemy import select

from trainer.domain.model import CardState, Note, NoteKind, Rating
from trainer.formats.apkg_write import package_bytes
from trainer.services.decks import DeckService
from trainer.services.exchange import export_file, import_file
from trainer.services.study import StudyService
from trainer.storage import cards_repo, reviews_repo
from trainer.storage.models import CARDS, NOTES, REVIEWS
from trainer.storage.store import Store

DAY_MS = 86_400_000
T0 = 1_767_225_600_000  # 2026-01-01 00:00 UTC, ms


def _fill(col: Any) -> dict[str, int]:
    """Notes of the stock note types in nested decks, reviews on some cards."""
    did = col.decks.id("申论::时政")
    other = col.decks.id("Default")
    nids: dict[str, int] = {}

    def add(model: str, fields: dict[str, str], tags: list[str], deck: int) -> Any:
        note = col.new_note(col.models.by_name(model))
        for k, v in fields.items():
            note[k] = v
        note.tags = tags
        col.add_note(note, deck)
        nids[fields[next(iter(fields))]] = note.id
        return note

    add(
        "Basic",
        {"Front": "<b>共同富裕</b>的内涵?", "Back": "全体人民<br>共同富裕"},
        ["政治", "经济"],
        did,
    )
    add("Basic (and reversed card)", {"Front": "乡村振兴", "Back": "二十字方针"}, ["三农"], did)
    add("Basic (type in the answer)", {"Front": "中国式现代化", "Back": "人口规模巨大"}, [], did)
    add(
        "Cloze",
        {"Text": "{{c1::绿水青山::两山}}就是{{c2::金山银山}}", "Back Extra": "习近平"},
        ["生态"],
        did,
    )
    custom = col.models.copy(col.models.by_name("Basic"))
    custom["name"] = "词汇"
    col.models.add_field(custom, col.models.new_field("例句"))
    col.models.rename_field(custom, custom["flds"][0], "问题")
    col.models.rename_field(custom, custom["flds"][1], "答案")
    col.models.update_dict(custom)
    add(
        "词汇",
        {"问题": "守正创新", "答案": "坚持守正, 勇于创新", "例句": "要守正创新 [sound:a.mp3]"},
        [],
        other,
    )
    return nids


def _review(col: Any, nid: int, ord_: int, days: list[int], eases: list[int]) -> None:
    """Insert revlog rows (Anki's own schema) for one card."""
    cid = next(c.id for c in col.get_note(nid).cards() if c.ord == ord_)
    for i, (day, ease) in enumerate(zip(days, eases, strict=True)):
        rtype = 0 if i == 0 else 1
        col.db.execute(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "values (?, ?, -1, ?, ?, 0, 2500, 8000, ?)",
            T0 + day * DAY_MS + i + (cid % 997) * 10,
            cid,
            ease,
            max(1, day),
            rtype,
        )


@pytest.fixture
def anki_package(anki_col: Any, tmp_path: Path) -> tuple[Path, dict[str, int]]:
    nids = _fill(anki_col)
    _review(anki_col, nids["<b>共同富裕</b>的内涵?"], 0, [0, 1, 4, 12], [3, 3, 3, 4])
    _review(anki_col, nids["{{c1::绿水青山::两山}}就是{{c2::金山银山}}"], 1, [0, 2], [1, 3])
    _review(anki_col, nids["乡村振兴"], 1, [0], [3])  # reverse card: no counterpart
    # and one answer through Anki's own scheduler
    queued = anki_col.sched.get_queued_cards()
    top = queued.cards[0]
    card = anki_col.get_card(top.card.id)
    card.start_timer()
    anki_col.sched.answer_card(anki_col.sched.build_answer(card=card, states=top.states, rating=3))
    path = tmp_path / "from-anki.apkg"
    assert export_from_anki(anki_col, path) == 5
    return path, nids


def _notes_by_guid(store: Store) -> dict[str, Note]:
    out: dict[str, Note] = {}
    for deck in DeckService(store).decks():
        for note in DeckService(store).notes(deck.name):
            out[note.guid] = note
    return out


def test_import_current_package(
    store: Store, anki_package: tuple[Path, dict[str, int]], anki_col: Any
) -> None:
    path, nids = anki_package
    report = import_file(store, path)
    assert (report.new, report.updated, report.skipped, report.errors) == (5, 0, 0, [])
    assert report.reviews == 4 + 2 + 1 + 1  # the reverse card's review is kept too
    notes = _notes_by_guid(store)
    by_front = {n.prompt or n.text: n for n in notes.values()}
    basic = by_front["共同富裕的内涵?"]
    assert basic.kind is NoteKind.QA
    assert basic.answer == "全体人民\n共同富裕"
    assert basic.tags == ("政治", "经济") or set(basic.tags) == {"政治", "经济"}
    assert basic.guid == anki_col.get_note(nids["<b>共同富裕</b>的内涵?"]).guid
    cz = by_front["{{c1::绿水青山::两山}}就是{{c2::金山银山}}"]
    assert cz.kind is NoteKind.CLOZE and cz.extra == "习近平" and cz.tags == ("生态",)
    both = by_front["乡村振兴"]
    assert both.answer == "二十字方针"
    assert both.kind is NoteKind.REVERSED  # "Basic (and reversed card)": asked both ways
    assert by_front["中国式现代化"].answer == "人口规模巨大"
    custom = by_front["守正创新"]
    assert custom.answer == "坚持守正, 勇于创新"
    assert custom.extra == "例句: 要守正创新 [sound:a.mp3]"  # media reference kept as text
    assert {d.name for d in DeckService(store).decks()} == {"申论::时政", "Default"}

    with store.read() as conn:
        rows = conn.execute(
            select(CARDS, NOTES.c.guid).join(NOTES, NOTES.c.id == CARDS.c.note_id)
        ).all()
        cards = {(r.guid, r.ord): cards_repo.card_from_row(r, r.guid) for r in rows}
        basic_card = cards[(basic.guid, 0)]
        history = reviews_repo.history(conn, basic_card.id)
    assert [int(h.rating) for h in history] == [3, 3, 3, 4]
    assert history[0].state_before is CardState.NEW
    assert basic_card.state is CardState.REVIEW
    assert basic_card.stability is not None and basic_card.reps == 4
    assert cards[(cz.guid, 2)].reps == 2  # Anki's cloze ord 1 is our c2
    assert cards[(cz.guid, 1)].state is CardState.NEW
    assert cards[(both.guid, 0)].state is CardState.NEW
    assert cards[(both.guid, 2)].reps == 1  # Anki's card 2 (ord 1) is our ord 2


def test_reimport_is_unchanged_and_adds_no_reviews(
    store: Store, anki_package: tuple[Path, dict[str, int]]
) -> None:
    path, _ = anki_package
    first = import_file(store, path)
    again = import_file(store, path)
    assert (again.new, again.updated, again.unchanged, again.reviews) == (0, 0, first.new, 0)
    with store.read() as conn:
        assert len(conn.execute(select(REVIEWS.c.id)).all()) == first.reviews


def test_changed_note_updates_in_place_keeping_history(
    store: Store, anki_package: tuple[Path, dict[str, int]], anki_col: Any, tmp_path: Path
) -> None:
    path, nids = anki_package
    import_file(store, path)
    note = anki_col.get_note(nids["<b>共同富裕</b>的内涵?"])
    note["Back"] = "全体人民共同富裕, 物质精神都富裕"
    anki_col.update_note(note)
    changed = tmp_path / "changed.apkg"
    export_from_anki(anki_col, changed)
    report = import_file(store, changed)
    assert (report.new, report.updated, report.reviews) == (0, 1, 0)
    mine = _notes_by_guid(store)[note.guid]
    assert mine.answer == "全体人民共同富裕, 物质精神都富裕"
    with store.read() as conn:
        (card_id,) = conn.execute(
            select(CARDS.c.id)
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(NOTES.c.guid == note.guid)
        ).scalars()
        assert len(reviews_repo.history(conn, card_id)) == 4


def test_import_legacy_package(store: Store, anki_col: Any, tmp_path: Path) -> None:
    _fill(anki_col)
    path = tmp_path / "legacy.apkg"
    export_from_anki(anki_col, path, legacy=True)
    report = import_file(store, path)
    assert (report.new, report.errors) == (5, [])


def test_round_trip_trainer_anki_trainer_changes_nothing(
    bundled_store: Store, anki_col: Any, tmp_path: Path
) -> None:
    deck = "申论::直播带货"
    before = DeckService(bundled_store).notes(deck)
    ours = tmp_path / "ours.apkg"
    export_file(bundled_store, deck, ours)
    import_into_anki(anki_col, ours)
    for legacy in (False, True):
        back = tmp_path / f"back-{legacy}.apkg"
        export_from_anki(anki_col, back, legacy=legacy)
        report = import_file(bundled_store, back)
        assert (report.new, report.updated, report.unchanged, report.errors) == (0, 0, 25, [])
        assert DeckService(bundled_store).notes(deck) == before


def test_round_trip_into_fresh_store_gives_same_notes(
    bundled: tuple[str, tuple[Note, ...]], store: Store, anki_col: Any, tmp_path: Path
) -> None:
    name, notes = bundled
    ours = tmp_path / "ours.apkg"
    ours.write_bytes(package_bytes(name, notes))
    import_into_anki(anki_col, ours)
    back = tmp_path / "back.apkg"
    export_from_anki(anki_col, back)
    report = import_file(store, back)
    assert report.new == 25
    got = {n.guid: n for n in DeckService(store).notes(name)}
    for note in notes:  # Anki sorts tags; everything else is exact
        assert got[note.guid] == note.__class__(**{**_fields(note), "tags": got[note.guid].tags})
        assert sorted(got[note.guid].tags) == sorted(note.tags)


def _fields(note: Note) -> dict[str, Any]:
    return {f: getattr(note, f) for f in note.__slots__}  # type: ignore[attr-defined]


def test_tsv_round_trip(bundled_store: Store, tmp_path: Path) -> None:
    deck = "申论::直播带货"
    before = DeckService(bundled_store).notes(deck)
    for suffix in (".tsv", ".csv", ".txt"):
        path = tmp_path / f"deck{suffix}"
        assert export_file(bundled_store, deck, path) == 25
        report = import_file(bundled_store, path)
        assert (report.new, report.updated, report.unchanged, report.errors) == (0, 0, 25, [])
    assert DeckService(bundled_store).notes(deck) == before


def test_sm2_state_without_history(store: Store, anki_col: Any, tmp_path: Path) -> None:
    nids = _fill(anki_col)
    cid = anki_col.get_note(nids["中国式现代化"]).cards()[0].id
    anki_col.db.execute(
        "update cards set type=2, queue=2, ivl=30, factor=2500, due=100, reps=5 where id=?", cid
    )
    path = tmp_path / "sm2.apkg"
    export_from_anki(anki_col, path)
    import_file(store, path)
    with store.read() as conn:
        row = conn.execute(
            select(CARDS, NOTES.c.guid)
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(NOTES.c.prompt == "中国式现代化")
        ).one()
    card = cards_repo.card_from_row(row, row.guid)
    assert card.state is CardState.REVIEW
    assert card.stability is not None and card.stability > 5
    assert card.due is not None and card.last_review is not None
    assert (card.due - card.last_review).days == 30


def test_a_qa_note_imported_before_gains_its_reverse_card_and_keeps_its_history(
    store: Store, anki_package: tuple[Path, dict[str, int]], anki_col: Any, tmp_path: Path
) -> None:
    """A store that took a *Basic (and reversed card)* note as a one-card Q&A note (as
    the importer once did) gets card 2 on the next import; card 1 keeps its answers."""
    path, nids = anki_package
    note = anki_col.get_note(nids["乡村振兴"])
    deck = anki_col.decks.name(note.cards()[0].did)
    once = Note(guid=note.guid, kind=NoteKind.QA, prompt="乡村振兴", answer="二十字方针")
    older = tmp_path / "older.apkg"
    older.write_bytes(package_bytes(deck, (once,)))
    import_file(store, older)
    with store.read() as conn:
        (card_id,) = conn.execute(select(CARDS.c.id)).scalars().all()
    StudyService(store).answer(card_id, Rating.GOOD, datetime(2026, 1, 1, tzinfo=UTC))
    import_file(store, path)
    both = _notes_by_guid(store)[note.guid]
    assert both.kind is NoteKind.REVERSED
    with store.read() as conn:
        rows = conn.execute(
            select(CARDS.c.id, CARDS.c.ord).join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(NOTES.c.guid == note.guid)
        ).all()  # fmt: skip
        ords = {r.ord: r.id for r in rows}
        assert sorted(ords) == [0, 2] and ords[0] == card_id
        assert len(reviews_repo.history(conn, ords[0])) == 1
        assert len(reviews_repo.history(conn, ords[2])) == 1  # Anki's answer to card 2
