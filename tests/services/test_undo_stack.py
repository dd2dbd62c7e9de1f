"""The session's one undo stack: study, browser, deck and option changes, newest first."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import DeckOptions, Queue, Rating
from trainer.services.browse import BrowseService, Change
from trainer.services.deck_admin import DeckAdmin
from trainer.services.decks import DeckService
from trainer.services.study import StudyService
from trainer.services.undo import UndoStack, browse_step, deck_step, options_step
from trainer.storage.store import Store


def test_newest_first_across_services_with_redo(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), "A", DeckOptions(enable_fuzz=False, new_per_day=5))
    stack = UndoStack()
    study = StudyService(store, stack)
    item = study.next_item(now, "A")
    assert item is not None
    study.answer(item.card.id, Rating.GOOD, now)  # 1: an answer
    admin = DeckAdmin(store)
    before = admin.options("A")
    admin.set_options("A", {"new_per_day": 9})  # 2: options
    stack.push(options_step(store, "A", before, admin.preset("A")))
    browse = BrowseService(store)
    other = next(c for c in study.queue(now, "A") if c.id != item.card.id)

    def suspend(service: BrowseService) -> Change:
        return service.suspend([other.id])

    stack.push(browse_step(store, browse.suspend([other.id]), suspend))  # 3: browser
    stack.push(deck_step(store, admin.rename("A", "申论")))  # 4: rename

    undone = stack.undo()
    assert undone is not None and undone.message == "Undone: Renamed A to 申论"
    assert [d.name for d in DeckService(store).decks()] == ["A"]
    assert stack.undo() is not None  # the suspend
    assert study.card(other.id).queue is Queue.NEW  # type: ignore[union-attr]
    redone = stack.redo()  # suspend again
    assert redone is not None and redone.step.label == "Suspended: 1 card"
    assert study.card(other.id).queue is Queue.SUSPENDED  # type: ignore[union-attr]
    assert stack.undo() is not None
    undone = stack.undo()
    assert undone is not None and undone.message == "Undone: options of A"
    assert admin.options("A").new_per_day == 5
    undone = study.undo_last()  # the study service pops the same stack
    assert (
        undone is not None and undone.message == "Undone: answer (Good)" and undone.kind == "answer"
    )
    assert undone.card is not None and undone.card.id == item.card.id
    assert not study.can_undo and not stack.can_redo  # an answer is not redone
    assert study.undo_last() is None


def test_a_new_action_empties_redo(store: Store) -> None:
    make_deck(store, qa_notes(1), "A")
    stack = UndoStack()
    admin = DeckAdmin(store)
    stack.push(deck_step(store, admin.rename("A", "B")))
    stack.undo()
    assert stack.can_redo
    stack.push(deck_step(store, admin.rename("A", "C")))
    assert not stack.can_redo
    assert stack.redo() is None
