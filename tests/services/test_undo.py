"""Undo takes back this session's last action, whatever it was, several levels deep."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import DeckOptions, Queue, Rating
from trainer.services.study import StudyService
from trainer.storage import notes_repo
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False)


def test_undo_takes_back_answer_bury_suspend_and_edit_newest_first(
    store: Store, now: datetime
) -> None:
    make_deck(store, qa_notes(4), "D", OPTS)
    study = StudyService(store)
    a, b, c = (card.id for card in study.queue(now, "D", limit=3))
    study.answer(a, Rating.GOOD, now)
    study.bury(b, now)
    study.suspend(c)
    card = study.card(a)
    assert card is not None
    with store.read() as conn:
        note = notes_repo.note_by_guid(conn, card.note_guid)
    assert note is not None
    study.edit_note(replace(note, prompt="改过的问题"), a)

    undone = study.undo_last()
    assert undone is not None and undone.message == "Undone: edit"
    with store.read() as conn:
        assert notes_repo.note_by_guid(conn, note.guid) == note
    undone = study.undo_last()
    assert undone is not None and undone.message == "Undone: suspend"
    assert undone.card is not None and undone.card.queue is Queue.NEW
    undone = study.undo_last()
    assert undone is not None and undone.message == "Undone: bury"
    assert study.card(b) is not None and study.card(b).queue is Queue.NEW  # type: ignore[union-attr]
    undone = study.undo_last()
    assert undone is not None and undone.message == "Undone: answer (Good)"
    assert study.card(a).queue is Queue.NEW  # type: ignore[union-attr]
    assert study.undo_last() is None
    assert not study.can_undo


def test_undo_after_bury_does_not_undo_the_earlier_answer(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), "D", OPTS)
    study = StudyService(store)
    a, b = (card.id for card in study.queue(now, "D", limit=2))
    study.answer(a, Rating.AGAIN, now)
    study.bury(b, now + timedelta(seconds=5))
    study.undo_last()
    assert study.card(b).queue is Queue.NEW  # type: ignore[union-attr]
    assert study.card(a).queue is Queue.LEARNING  # type: ignore[union-attr]
