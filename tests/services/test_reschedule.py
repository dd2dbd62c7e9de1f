from dataclasses import replace
from datetime import datetime, timedelta

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import DeckOptions, Rating
from trainer.services.reschedule import reschedule_deck
from trainer.services.study import StudyService
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False)


def test_higher_retention_shortens_intervals_from_the_log(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), options=OPTS)
    study = StudyService(store)
    t = now
    for card in study.queue(now):
        res = study.answer(card.id, Rating.GOOD, t)
        study.answer(card.id, Rating.GOOD, res.card.due or t)
    before = {c.id: study.card(c.id) for c in study.queue(now + timedelta(days=400), limit=10)}
    same = reschedule_deck(store, "Test")  # same options: the cache already matches the log
    assert (same.cards, same.changed) == (3, 0)
    assert reschedule_deck(store, "Test", replace(OPTS, desired_retention=0.97)).changed == 3
    for card_id, old in before.items():
        new = study.card(card_id)
        assert old is not None and new is not None
        assert new.stability == old.stability
        assert (new.due or now) < (old.due or now)
