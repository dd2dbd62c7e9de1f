from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import make_deck, qa_notes
from trainer.domain.errors import TrainerError
from trainer.domain.model import DeckOptions, Rating
from trainer.services.profiles import configure, profiles
from trainer.services.study import StudyService
from trainer.storage.store import Store


def test_day_boundary_moves_with_the_profile_setting(store: Store) -> None:
    make_deck(store, qa_notes(5), options=DeckOptions(new_per_day=2, enable_fuzz=False))
    study = StudyService(store)
    at = datetime(2026, 3, 2, 3, 30, tzinfo=UTC)  # 03:30 UTC: before a 4:00 boundary
    for card in study.queue(at):
        study.answer(card.id, Rating.EASY, at)
    assert study.counts(at + timedelta(hours=1)).new == 2  # 04:30: a new day, fresh limit
    configure(store, rollover_hour=6)
    study = StudyService(store)
    assert study.counts(at + timedelta(hours=1)).new == 0  # 04:30 is still that day now
    with pytest.raises(TrainerError, match="0 to 23"):
        configure(store, rollover_hour=24)
    with pytest.raises(TrainerError, match="unknown time zone"):
        configure(store, timezone="Nowhere/Land")
    configure(store, timezone="Asia/Shanghai")
    (info,) = profiles(store)
    assert (info.timezone, info.rollover_hour, info.reviews) == ("Asia/Shanghai", 6, 2)
