"""A note whose card the learner moved to another deck in Anki imports again: its new
answers and state arrive, the note is not refused (it stays in its deck here, as
Anki's own import leaves the cards of the notes it updates where they are)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from anki_helpers import export_from_anki
from sqlalchemy import func, select

from trainer.services.anki_exchange import import_apkg
from trainer.services.profiles import configure
from trainer.storage.models import CARDS, DECKS, NOTES, REVIEWS
from trainer.storage.store import Store


def _answer(col: Any, cid: int, ease: int) -> None:
    card = col.get_card(cid)
    card.start_timer()
    col.sched.answerCard(card, ease)


def test_a_note_moved_to_another_deck_in_anki_imports_again(
    anki_col: Any, store: Store, tmp_path: Path
) -> None:
    col = anki_col
    boundary = col.sched.day_cutoff % 86_400
    configure(store, timezone="UTC", rollover_hour=boundary // 3600)
    did = col.decks.id("Lang")
    cids = []
    for i in range(3):
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = f"问{i}", "答"
        col.add_note(note, did)
        cids.append(note.cards()[0].id)
    _answer(col, cids[0], 3)
    first = tmp_path / "first.apkg"
    export_from_anki(col, first)
    report = import_apkg(store, first)
    assert (report.new, report.errors) == (3, [])
    col.set_deck([cids[0], cids[1]], col.decks.id("Lang::Moved"))
    _answer(col, cids[0], 3)
    _answer(col, cids[1], 4)
    edited = col.get_card(cids[0]).note()
    edited["Back"] = "改过的答案"  # moved and edited: its answers tell it is the same note
    col.update_note(edited)
    second = tmp_path / "second.apkg"
    export_from_anki(col, second)
    again = import_apkg(store, second)
    assert again.errors == [] and again.skipped == 0
    assert again.reviews == 2
    with store.read() as conn:
        rows = conn.execute(
            select(
                NOTES.c.guid, DECKS.c.name, CARDS.c.reps, func.count(REVIEWS.c.id), NOTES.c.answer
            )
            .join(CARDS, CARDS.c.note_id == NOTES.c.id)
            .join(DECKS, DECKS.c.id == CARDS.c.deck_id)
            .outerjoin(REVIEWS, REVIEWS.c.card_id == CARDS.c.id)
            .group_by(NOTES.c.guid, DECKS.c.name, CARDS.c.reps, NOTES.c.answer)
        ).all()
    guid = {c: col.get_card(c).note().guid for c in cids}
    got = {r[0]: (r[1], r[2], r[3]) for r in rows}
    assert {r[0]: r[4] for r in rows}[guid[cids[0]]] == "改过的答案"
    # as an Anki import, the notes it updates stay in their decks
    assert got[guid[cids[0]]] == ("Lang", 2, 2)
    assert got[guid[cids[1]]] == ("Lang", 1, 1)
    assert got[guid[cids[2]]] == ("Lang", 0, 0)
