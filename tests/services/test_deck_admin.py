"""Deck options, rename, move and delete (with undo) on a real store."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import make_deck, qa_notes
from trainer.domain.errors import TrainerError
from trainer.domain.model import DeckOptions, Rating
from trainer.services.deck_admin import DeckAdmin, format_steps, parse_steps
from trainer.services.decks import DeckService
from trainer.services.stats import StatsService
from trainer.services.study import StudyService
from trainer.storage.models import CARDS, REVIEW_DAYS, REVIEWS
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False)


def _names(store: Store) -> list[str]:
    return [d.name for d in DeckService(store).decks()]


def test_options_change_only_what_is_given(store: Store) -> None:
    make_deck(store, qa_notes(2), "A", OPTS)
    admin = DeckAdmin(store)
    before, after = admin.set_options(
        "A", {"new_per_day": 7, "learning_steps": list(parse_steps("1m 10m 1h"))}
    )
    assert after.new_per_day == 7 and after.learning_steps == (60, 600, 3600)
    assert after.reviews_per_day == before.reviews_per_day
    assert admin.options("A") == after
    with pytest.raises(TrainerError, match="desired_retention"):
        admin.set_options("A", {"desired_retention": 1.5})
    admin.replace_options("A", before)
    assert admin.options("A") == before
    assert format_steps((60, 600, 3600, 86400, 30)) == "1m 10m 1h 1d 30s"
    with pytest.raises(TrainerError, match="bad step"):
        parse_steps("10x")


def test_rename_and_move_take_sub_decks_along(store: Store, now: datetime) -> None:
    for name in ("申论", "申论::直播带货", "申论::直播带货::金句", "其他"):
        make_deck(store, qa_notes(1, name), name, OPTS)
    admin = DeckAdmin(store)
    done = admin.rename("申论::直播带货", "申论::电商")
    assert done.names == (
        ("申论::直播带货", "申论::电商"),
        ("申论::直播带货::金句", "申论::电商::金句"),
    )
    assert _names(store) == ["其他", "申论", "申论::电商", "申论::电商::金句"]
    moved = admin.move("申论::电商", "其他")
    assert moved.describe() == "Renamed 申论::电商 to 其他::电商 (and 1 sub-deck)"
    assert admin.move("其他::电商::金句", "").names == (("其他::电商::金句", "金句"),)
    with pytest.raises(TrainerError, match="already exists"):
        admin.rename("金句", "申论")
    with pytest.raises(TrainerError, match="into itself"):
        admin.move("其他", "其他::电商")
    with pytest.raises(TrainerError, match="bad deck name"):
        admin.rename("其他", "a::")
    admin.undo_rename(moved)
    assert "申论::电商" in _names(store)
    # Study and history follow the deck id.
    study = StudyService(store)
    assert len(study.queue(now, "申论")) == 2


def test_a_parent_with_no_deck_of_its_own_renames_moves_and_deletes(
    store: Store, now: datetime
) -> None:
    """``申论`` over ``申论::直播带货`` (as `trainer make` names decks) is a deck to the user."""
    for name in ("申论::直播带货", "申论::直播带货::金句", "申论::教育", "申论外"):
        make_deck(store, qa_notes(1, name), name, OPTS)
    admin = DeckAdmin(store)
    done = admin.rename("申论", "考试")
    assert done.describe() == "Renamed 申论 to 考试 (and 3 sub-decks)"
    assert _names(store) == ["申论外", "考试::教育", "考试::直播带货", "考试::直播带货::金句"]
    admin.undo_rename(done)
    assert _names(store) == ["申论::教育", "申论::直播带货", "申论::直播带货::金句", "申论外"]
    assert admin.move("申论", "备考").names[0] == ("申论", "备考::申论")
    deleted = admin.delete("备考")
    assert deleted.cards == 3 and _names(store) == ["申论外"]
    admin.restore(deleted)
    assert len(_names(store)) == 4
    with pytest.raises(TrainerError, match="no deck named"):
        admin.rename("申", "x")


def test_delete_and_undo_put_everything_back(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), "A", OPTS)
    make_deck(store, qa_notes(2, "s"), "A::B", OPTS)
    make_deck(store, qa_notes(2, "k"), "Keep", OPTS)
    study = StudyService(store)
    for card in study.queue(now - timedelta(days=1), "A"):
        study.answer(card.id, Rating.GOOD, now - timedelta(days=1))
    stats = StatsService(store)
    before = stats.report(None, "1m", now)
    with store.read() as conn:
        reviews = conn.execute(select(func.count()).select_from(REVIEWS)).scalar_one()
        days = conn.execute(select(func.count()).select_from(REVIEW_DAYS)).scalar_one()
    admin = DeckAdmin(store)
    deleted = admin.delete("A")
    assert deleted.describe() == "Deleted A (5 cards)"
    assert _names(store) == ["Keep"]
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(CARDS)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(REVIEWS)).scalar_one() == 0
    admin.restore(deleted)
    assert _names(store) == ["A", "A::B", "Keep"]
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(REVIEWS)).scalar_one() == reviews
        assert conn.execute(select(func.count()).select_from(REVIEW_DAYS)).scalar_one() == days
    study.forget_decks()
    assert len(study.queue(now, "A", limit=100)) == 5
    stats.invalidate()
    assert StatsService(store).report(None, "1m", now) == before
    with pytest.raises(TrainerError, match="no deck named"):
        admin.delete("nope")


def test_presets_share_options_between_decks(store: Store) -> None:
    from dataclasses import replace
    from datetime import date

    make_deck(store, qa_notes(1, "a"), "A", replace(OPTS, new_per_day=10))
    make_deck(
        store, qa_notes(1, "b"), "B", replace(OPTS, new_per_day=30, exam_date=date(2027, 1, 9))
    )
    make_deck(store, qa_notes(1, "c"), "C", OPTS)
    admin = DeckAdmin(store)
    admin.set_preset("A", "申论")  # a new preset starts from A's options
    old_preset, old_options = admin.set_preset("B", "申论")  # B joins, keeps its exam date
    assert old_preset == "" and old_options.new_per_day == 30
    assert admin.options("B").new_per_day == 10
    assert admin.options("B").exam_date == date(2027, 1, 9)
    assert admin.presets() == {"申论": ["A", "B"]}
    admin.set_options("B", {"reviews_per_day": 77})
    assert admin.options("A").reviews_per_day == 77
    DeckService(store).set_options("A", replace(admin.options("A"), desired_retention=0.8))
    assert admin.options("B").desired_retention == 0.8
    assert admin.options("C").reviews_per_day == OPTS.reviews_per_day
    admin.set_preset("B", "")  # its own options again (kept as they are)
    admin.set_options("A", {"reviews_per_day": 5})
    assert admin.options("B").reviews_per_day == 77
    assert admin.preset("B") == "" and admin.preset("A") == "申论"
