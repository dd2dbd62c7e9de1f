"""States Anki had survive an import: suspended and buried cards (new ones too), Anki's
own due dates (fuzz, "set due date"), new-card positions, and the deck's preset."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from trainer.domain.clock import from_epoch
from trainer.domain.model import DeckOptions, LeechAction, Queue
from trainer.services.anki_exchange import import_apkg
from trainer.services.profiles import configure
from trainer.storage import decks_repo
from trainer.storage.models import CARDS, NOTES
from trainer.storage.store import Store

PARAMS = [
    0.25, 1.3, 2.4, 8.0, 6.5, 0.55, 3.0, 0.01, 1.7, 0.14, 0.95, 1.9, 0.11, 0.3, 2.3, 0.24,
    2.9, 0.5, 0.1, 0.07, 0.16,
]  # fmt: skip


def _preset(col: Any, did: int) -> None:
    conf = col.decks.add_config_returning_id("考试")
    c = col.decks.get_config(conf)
    c["new"]["delays"] = [2.0, 15.0]
    c["new"]["perDay"] = 7
    c["new"]["bury"] = True
    c["rev"]["perDay"] = 77
    c["rev"]["maxIvl"] = 400
    c["lapse"]["delays"] = [5.0]
    c["lapse"]["leechFails"] = 5
    c["lapse"]["leechAction"] = 0  # suspend
    c["desiredRetention"] = 0.85
    c["fsrsParams6"] = PARAMS
    col.decks.update_config(c)
    deck = col.decks.get(did)
    deck["conf"] = conf
    col.decks.save(deck)


def _add(col: Any, did: int, front: str) -> tuple[str, int]:
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = front, "答"
    col.add_note(note, did)
    return note.guid, note.cards()[0].id


def _answer(col: Any, cid: int, ease: int) -> None:
    card = col.get_card(cid)
    card.start_timer()
    col.sched.answerCard(card, ease)


@pytest.fixture(params=[False, True], ids=["anki21b", "legacy"])
def imported(
    anki_col: Any, store: Store, tmp_path: Path, request: pytest.FixtureRequest
) -> tuple[Any, Store, dict[str, Any]]:
    col = anki_col
    col.set_config("fsrs", True)
    did = col.decks.id("Lang")
    _preset(col, did)
    cards = {
        name: _add(col, did, name) for name in ("新停", "新埋", "复习", "定日", "复停", "复埋")
    }
    cards.update({f"新{i}": _add(col, did, f"新{i}") for i in range(5)})
    for name in ("复习", "定日", "复停", "复埋"):
        _answer(col, cards[name][1], 4)  # Easy: a review card due in some days
    col.sched.set_due_date([cards["定日"][1]], "12")
    col.sched.suspend_cards([cards["新停"][1], cards["复停"][1]])
    col.sched.bury_cards([cards["新埋"][1], cards["复埋"][1]])
    news = [cards[f"新{i}"][1] for i in range(5)]
    col.sched.reposition_new_cards(news[::-1], 100, 1, False, False)  # the last one first
    boundary = col.sched.day_cutoff % 86_400
    configure(store, timezone="UTC", rollover_hour=boundary // 3600)
    pkg = tmp_path / "states.apkg"
    from anki.collection import ExportAnkiPackageOptions

    col.export_anki_package(
        out_path=str(pkg),
        options=ExportAnkiPackageOptions(
            with_scheduling=True,
            with_deck_configs=True,
            with_media=False,
            legacy=request.param,
        ),
        limit=None,
    )
    import_apkg(store, pkg)
    return col, store, cards


def _rows(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        rows = conn.execute(
            select(NOTES.c.guid, CARDS).join(NOTES, NOTES.c.id == CARDS.c.note_id)
        ).all()
    return {r.guid: r for r in rows}


def test_suspended_and_buried_cards_stay_so(imported: tuple[Any, Store, dict[str, Any]]) -> None:
    _col, store, cards = imported
    rows = _rows(store)
    today = store.clock.day(datetime.now(UTC))
    assert rows[cards["新停"][0]].queue == Queue.SUSPENDED
    assert rows[cards["新停"][0]].state == 0
    assert rows[cards["复停"][0]].queue == Queue.SUSPENDED
    assert rows[cards["复停"][0]].state == 2
    for name in ("新埋", "复埋"):
        assert rows[cards[name][0]].queue == Queue.BURIED
        assert rows[cards[name][0]].buried_until == today + 1  # back on the next study day


def test_ankis_due_dates_are_kept(imported: tuple[Any, Store, dict[str, Any]]) -> None:
    col, store, cards = imported
    rows = _rows(store)
    clock = store.clock
    today = clock.day(datetime.now(UTC))
    for name in ("复习", "定日", "复停"):
        guid, cid = cards[name]
        anki_days = col.get_card(cid).due - col.sched.today
        assert clock.day(from_epoch(rows[guid].due)) == today + anki_days, name
    assert clock.day(from_epoch(rows[cards["定日"][0]].due)) == today + 12


def test_new_positions_are_ankis(imported: tuple[Any, Store, dict[str, Any]]) -> None:
    col, store, cards = imported
    rows = _rows(store)
    names = [f"新{i}" for i in range(5)]
    ours = sorted(names, key=lambda n: rows[cards[n][0]].position)
    ankis = sorted(names, key=lambda n: col.get_card(cards[n][1]).due)
    assert ours == ankis == names[::-1]


def test_deck_preset_becomes_the_decks_options(
    imported: tuple[Any, Store, dict[str, Any]],
) -> None:
    _col, store, _cards = imported
    with store.read() as conn:
        deck = decks_repo.deck_by_name(conn, "Lang")
    assert deck is not None
    o = deck.options
    assert o.desired_retention == pytest.approx(0.85)
    assert o.learning_steps == (120, 900) and o.relearning_steps == (300,)
    assert (o.new_per_day, o.reviews_per_day, o.maximum_interval) == (7, 77, 400)
    assert (o.leech_threshold, o.leech_action) == (5, LeechAction.SUSPEND)
    assert o.bury_siblings is True
    assert o.fsrs_parameters == pytest.approx(PARAMS, rel=1e-6)
    assert o.enable_fuzz is DeckOptions().enable_fuzz


def test_new_positions_are_the_importing_learners(
    anki_col: Any, store: Store, tmp_path: Path
) -> None:
    """Anki's new-queue order is the importing learner's: another learner in the store
    gets the new cards in the package's note order, as for any new deck."""
    col = anki_col
    did = col.decks.id("Order")
    cards = {f"新{i}": _add(col, did, f"新{i}") for i in range(4)}
    news = [cards[f"新{i}"][1] for i in range(4)]
    col.sched.reposition_new_cards(news[::-1], 10, 1, False, False)
    pkg = tmp_path / "order.apkg"
    from anki.collection import ExportAnkiPackageOptions

    col.export_anki_package(
        out_path=str(pkg),
        options=ExportAnkiPackageOptions(with_scheduling=True, with_media=False),
        limit=None,
    )
    other = Store.open(str(store.engine.url.database), profile="other")
    other.close()
    import_apkg(store, pkg)
    with store.read() as conn:
        rows = conn.execute(
            select(NOTES.c.guid, CARDS.c.profile_id, CARDS.c.position, CARDS.c.queue).join(
                NOTES, NOTES.c.id == CARDS.c.note_id
            )
        ).all()
    names = list(cards)
    for profile_id, wanted in ((store.profile.id, names[::-1]), (other.profile.id, names)):
        place = {r.guid: r.position for r in rows if r.profile_id == profile_id}
        assert sorted(names, key=lambda n: place[cards[n][0]]) == wanted, profile_id
    assert {r.queue for r in rows} == {int(Queue.NEW)}
