"""Two months of study in real Anki, imported here: every card as Anki shows it.

A real collection (the official ``anki`` package) is studied day after day with
its own scheduler, FSRS on or off (SM-2), in a collection made in another time
zone (UTC+8) with a day boundary other than 4:00: learning steps, lapses and
relearning, a cram session in a filtered deck (revlog type 3), a "Forget"
(type 4), a card moved to another deck, a note type changed, a note deleted,
Basic-and-reversed and cloze notes, then today: suspended, manually buried and
sibling-buried cards, cards left in learning and relearning, and cards sitting
in a filtered deck. The package (``.apkg`` current and legacy, ``.colpkg``) is
imported here and each card compared with Anki's at the same moment: state,
queue, due day in the learner's study day, reps, lapses, FSRS memory, deck and
the answers its log holds.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import import_into_anki
from anki_life import DAY_S, Life
from sqlalchemy import func, select

from trainer.domain.clock import from_epoch
from trainer.domain.model import CardState, Queue
from trainer.services.anki_exchange import import_apkg
from trainer.services.profiles import configure
from trainer.storage.models import CARDS, DECKS, NOTES, REVIEWS
from trainer.storage.store import Store

DAYS = 60
CREATION_WEST = -480  # made in UTC+8
ANSWERS = "ease BETWEEN 1 AND 4 AND NOT (type = 3 AND factor = 0)"
"""Anki's answers but cramming (a filtered deck that does not reschedule): cram ratings
are not answers here (statistics and scheduling ignore them), nor for Anki's FSRS."""


@dataclass
class Built:
    life: Life
    rollover: int
    cards: dict[str, int]  # name -> Anki card id (the ones this test follows)
    deleted: set[int]
    fsrs: bool


def _rollover(now: datetime) -> int:
    """A day boundary other than 4:00, far from the time now (hours either side)."""
    hour = (now.hour + 12) % 24
    return 5 if hour == 4 else hour


def _preset(col: Any, did: int) -> None:
    conf = col.decks.add_config_returning_id("Months")
    c = col.decks.get_config(conf)
    c["new"]["delays"] = [1.0, 10.0, 1440.0]  # the last step a day: queue 3
    c["new"]["perDay"] = 50
    c["new"]["bury"] = True
    c["rev"]["bury"] = True
    c["lapse"]["delays"] = [10.0]
    c["lapse"]["leechFails"] = 50
    col.decks.update_config(c)
    deck = col.decks.get(did)
    deck["conf"] = conf
    col.decks.save(deck)


def _add(col: Any, did: int, model: str, **fields: str) -> Any:
    note = col.new_note(col.models.by_name(model))
    for k, v in fields.items():
        note[k] = v
    col.add_note(note, did)
    return note


def _build(folder: Path, fsrs: bool) -> Built:
    now = datetime.now(UTC)
    rollover = _rollover(now)
    life = Life(folder)
    col = life.col
    col.set_config("rollover", rollover)
    col.set_config("creationOffset", CREATION_WEST)
    col.set_config("fsrs", fsrs)
    # made at 4:00 in UTC+8, as Anki there would have made it
    col.db.execute("UPDATE col SET crt = crt - ?", -CREATION_WEST * 60)
    life.reopen()
    col = life.col
    did = col.decks.id("Lang")
    _preset(col, did)
    moved_to = col.decks.id("Lang::Moved")
    cards: dict[str, int] = {}
    for i in range(8):
        cards[f"rev{i}"] = _add(col, did, "Basic", Front=f"问{i}", Back=f"答{i}").cards()[0].id
    for name in ("moved", "forget", "changed", "deleted", "suspend", "mbury", "relearn"):
        cards[name] = _add(col, did, "Basic", Front=name, Back="答").cards()[0].id
    both = _add(col, did, "Basic (and reversed card)", Front="正反", Back="反正")
    cards["both0"], cards["both1"] = (c.id for c in both.cards())
    cloze = _add(col, did, "Cloze", Text="{{c1::甲}}乙{{c2::丙}}丁{{c3::戊}}")
    for c in cloze.cards():
        cards[f"cloze{c.ord}"] = c.id
    deleted_nid = col.get_card(cards["deleted"]).nid
    rng = random.Random(7)

    def rate(_cid: int) -> int:
        return rng.choices((1, 2, 3, 4), (12, 10, 68, 10))[0]

    for day in range(DAYS):
        col = life.col
        if day == 20:
            col.set_deck([cards["moved"]], moved_to)
        if day == 30:  # a cram session: answers that do not reschedule (revlog type 3)
            fid = col.decks.new_filtered("Cram")
            deck = col.decks.get(fid)
            deck["terms"] = [["deck:Lang is:review", 5, 0]]
            deck["resched"] = False
            col.decks.save(deck)
            col.sched.rebuild_filtered_deck(fid)
            life.study_due(fid, lambda _cid: 3)
            col.sched.empty_filtered_deck(fid)
        if day == 40:
            basic = col.models.by_name("Basic")
            other = col.models.by_name("Basic (optional reversed card)")
            nid = col.get_card(cards["changed"]).nid
            col.models.change(basic, [nid], other, {0: 0, 1: 1}, {0: 0})
        if day == 45:
            col.sched.schedule_cards_as_new([cards["forget"]], restore_position=True)
        if day == 50:
            col.remove_notes([deleted_nid])
        life.study_due(did, rate)
        life.travel(1)  # a day passes
    col = life.col
    today_new = _add(col, did, "Cloze", Text="{{c1::新甲}}和{{c2::新乙}}")
    for c in today_new.cards():
        cards[f"sib{c.ord}"] = c.id
    life.study_due(did, lambda _cid: 3)  # today's reviews; sib0 answered, sib1 buried
    cards["new"] = _add(col, did, "Basic", Front="新卡", Back="答").cards()[0].id
    cards["learning"] = _add(col, did, "Basic", Front="学习中", Back="答").cards()[0].id
    cards["daylearn"] = _add(col, did, "Basic", Front="隔天", Back="答").cards()[0].id
    life.answer(cards["learning"], 1)  # left in a learning step
    for _ in range(2):
        life.answer(cards["daylearn"], 3)  # on to the day-long step: day learning
    assert (life.col.get_card(cards["daylearn"]).queue) == 3
    for name in ("relearn", "rev0"):
        if life.col.get_card(cards[name]).type == 2:
            life.answer(cards[name], 1)  # a lapse: relearning
    col = life.col
    col.sched.suspend_cards([cards["suspend"]])
    col.sched.bury_cards([cards["mbury"]], manual=True)
    ahead = col.decks.new_filtered("Ahead")
    deck = col.decks.get(ahead)
    deck["terms"] = [["deck:Lang is:review -is:suspended -is:buried prop:due>2", 3, 0]]
    deck["resched"] = True
    col.decks.save(deck)
    col.sched.rebuild_filtered_deck(ahead)
    return Built(life, rollover, cards, {c for c in cards.values() if c == cards["deleted"]}, fsrs)


@pytest.fixture(scope="module", params=[True, False], ids=["fsrs", "sm2"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    pytest.importorskip("anki")
    b = _build(tmp_path_factory.mktemp("life"), request.param)
    yield b
    b.life.close()


def _export(b: Built, path: Path, kind: str) -> None:
    """Export from a copy of the collection (Anki's export unburies the cards of a
    collection whose days were moved: the next export must see them as they were)."""
    from anki.collection import Collection, ExportAnkiPackageOptions

    b.life.col.close()
    copy = path.parent / "copy.anki2"
    shutil.copyfile(b.life.path, copy)
    b.life.reopen()
    col = Collection(str(copy))
    try:
        if kind.startswith("colpkg"):
            col.export_collection_package(str(path), include_media=False, legacy=kind != "colpkg")
            return
        col.export_anki_package(
            out_path=str(path),
            options=ExportAnkiPackageOptions(
                with_scheduling=True,
                with_deck_configs=True,
                with_media=False,
                legacy=kind == "legacy",
            ),
            limit=None,
        )
    finally:
        if col.db is not None:
            col.close()


def _ours(store: Store) -> dict[tuple[str, int], Any]:
    with store.read() as conn:
        counts: dict[int, int] = dict(
            conn.execute(select(REVIEWS.c.card_id, func.count()).group_by(REVIEWS.c.card_id)).all()
        )
        rows = conn.execute(
            select(CARDS, NOTES.c.guid, DECKS.c.name.label("deck"))
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .join(DECKS, DECKS.c.id == CARDS.c.deck_id)
        ).all()
    return {(r.guid, r.ord): (r, counts.get(r.id, 0)) for r in rows}


def _our_ord(col: Any, card: Any) -> int | None:
    if card.note_type()["type"] == 1:
        return int(card.ord) + 1
    return {0: 0, 1: 2}.get(card.ord)  # a second template's card is our ord 2


@dataclass(frozen=True)
class Seen:
    """One card as Anki shows it."""

    key: tuple[str, int] | None
    type: int
    queue: int
    home_due: int
    deck: str
    reps: int
    lapses: int
    answers: int
    stability: float | None
    difficulty: float | None


def _seen(b: Built) -> tuple[int, dict[str, Seen]]:
    """Anki's today and its view of each followed card (before an export: Anki's export
    unburies cards of a collection whose days were moved)."""
    col = b.life.col
    assert col.sched.day_cutoff % DAY_S == b.rollover * 3600  # Anki's day is the learner's
    out = {}
    for name, cid in b.cards.items():
        if cid in b.deleted:
            continue
        card = col.get_card(cid)
        ord_ = _our_ord(col, card)
        memory = card.memory_state
        out[name] = Seen(
            (card.note().guid, ord_) if ord_ is not None else None,
            card.type,
            card.queue,
            card.odue if card.odid else card.due,
            col.decks.name(card.odid or card.did),
            card.reps,
            card.lapses,
            col.db.scalar(f"SELECT count() FROM revlog WHERE cid = ? AND {ANSWERS}", cid),
            memory.stability if memory else None,
            memory.difficulty if memory else None,
        )
    return col.sched.today, out


def _mismatches(
    b: Built, store: Store, anki_today: int, seen: dict[str, Seen]
) -> dict[str, dict[str, tuple[Any, Any]]]:
    clock = store.clock
    today = clock.day(datetime.now(UTC))
    ours = _ours(store)
    out: dict[str, dict[str, tuple[Any, Any]]] = {}
    for name, card in seen.items():
        if card.key is None:
            continue  # a third template's card: none of ours
        if card.key not in ours:
            out[name] = {"missing": (card.key, None)}
            continue
        row, logged = ours[card.key]
        want: dict[str, Any] = {
            "state": card.type,
            "queue": {-1: Queue.SUSPENDED, -2: Queue.BURIED, -3: Queue.BURIED}.get(
                card.queue, Queue.for_state(CardState(card.type))
            ),
            "reps": card.reps,
            "lapses": card.lapses,
            "answers": card.answers,
            "deck": card.deck,
        }
        got: dict[str, Any] = {
            "state": row.state,
            "queue": Queue(row.queue),
            "reps": row.reps,
            "lapses": row.lapses,
            "answers": logged,
            "deck": row.deck,
        }
        if card.type == 2 or (card.type in (1, 3) and card.home_due < 1_000_000_000):
            want["due_in"] = card.home_due - anki_today
            got["due_in"] = clock.day(from_epoch(row.due)) - today
        elif card.type in (1, 3):
            want["due"], got["due"] = card.home_due, row.due
        if b.fsrs and card.stability is not None and card.difficulty is not None:
            want["s"], want["d"] = card.stability, card.difficulty
            got["s"], got["d"] = row.stability or 0.0, row.difficulty or 0.0
        if card.queue in (-2, -3):
            # Anki's export unburies a collection whose days were moved (the package
            # holds them unburied); test_anki_states follows burying through export.
            del want["queue"]
        diff = {k: (want[k], got.get(k)) for k in want if want[k] != got.get(k)}
        for k in ("s", "d"):
            if k in diff and got[k] == pytest.approx(want[k], rel=0.01):
                del diff[k]
        if diff:
            out[name] = diff
    return out


@pytest.fixture(params=["apkg", "legacy", "colpkg", "colpkg-legacy"])
def compared(
    built: Built, store: Store, tmp_path: Path, request: pytest.FixtureRequest
) -> dict[str, dict[str, tuple[Any, Any]]]:
    """Card name -> field -> (Anki's, ours), for the fields that differ."""
    kind = request.param
    configure(store, timezone="UTC", rollover_hour=built.rollover)
    pkg = tmp_path / f"life.{'colpkg' if kind.startswith('colpkg') else 'apkg'}"
    anki_today, seen = _seen(built)
    _export(built, pkg, kind)
    import_apkg(store, pkg)
    return _mismatches(built, store, anki_today, seen)


def _only(compared: dict[str, dict[str, tuple[Any, Any]]], *fields: str) -> dict[str, Any]:
    out = {}
    for name, diff in compared.items():
        part = {k: v for k, v in diff.items() if k in fields}
        if part:
            out[name] = part
    return out


def test_every_followed_card_is_imported(compared: dict[str, Any]) -> None:
    assert _only(compared, "missing") == {}


def test_due_days_are_ankis_in_the_learners_study_day(compared: dict[str, Any]) -> None:
    """The collection was made in UTC+8 and the day starts at another hour than 4:00:
    a card Anki shows due in 3 days is due in 3 of the learner's study days here."""
    assert _only(compared, "due_in", "due") == {}


def test_states_and_queues_are_ankis(compared: dict[str, Any]) -> None:
    assert _only(compared, "state", "queue") == {}


def test_cards_in_a_filtered_deck_come_home(compared: dict[str, Any]) -> None:
    """A card sitting in a filtered deck, or moved to another deck, is in its home deck."""
    assert _only(compared, "deck") == {}


def test_answers_are_all_logged(compared: dict[str, Any]) -> None:
    """Every answer of Anki's log is in ours, cram ratings aside."""
    assert _only(compared, "answers") == {}


def test_reps_and_lapses_are_ankis(compared: dict[str, Any]) -> None:
    """Cram answers (filtered deck, no rescheduling) are no repetitions; a "Forget" that
    kept the counts keeps them."""
    assert _only(compared, "reps", "lapses") == {}


def test_memory_is_ankis(compared: dict[str, Any]) -> None:
    """FSRS stability and difficulty as Anki computes them (within 1 %): cram answers
    leave the memory alone."""
    assert _only(compared, "s", "d") == {}


# -- and back: our export imported into the learner's own (fresh) Anki ---------------------


def _anki_view(col: Any, cid: int) -> dict[str, Any]:
    card = col.get_card(cid)
    memory = card.memory_state
    view = {
        "type": card.type,
        "queue": card.queue,
        "reps": card.reps,
        "lapses": card.lapses,
        "factor": card.factor if card.type in (2, 3) else 0,
        "answers": col.db.scalar(f"SELECT count() FROM revlog WHERE cid = ? AND {ANSWERS}", cid),
    }
    due = card.odue if card.odid else card.due
    if card.type == 2 or (card.type in (1, 3) and due < 1_000_000_000):
        view["due_in"] = due - col.sched.today
    if card.type == 2:
        view["ivl"] = card.ivl
    if memory is not None:
        view["s"], view["d"] = round(memory.stability, 2), round(memory.difficulty, 2)
    return view


@pytest.fixture
def back_in_anki(built: Built, store: Store, tmp_path: Path) -> tuple[dict[str, Any], Any]:
    """The learner's Anki collection, exported, imported here, exported with scheduling
    and imported into a fresh Anki collection with the learner's day boundary: Anki's
    view of each followed card before and after."""
    from anki.collection import Collection

    from trainer.services.exchange import export_deck

    configure(store, timezone="UTC", rollover_hour=built.rollover)
    _today, seen = _seen(built)
    before = {
        name: _anki_view(built.life.col, cid)
        for name, cid in built.cards.items()
        if name in seen and seen[name].key is not None and seen[name].deck == "Lang"
    }
    pkg = tmp_path / "life.apkg"
    _export(built, pkg, "apkg")
    import_apkg(store, pkg)
    out = tmp_path / "back.apkg"
    export_deck(store, "Lang", out, scheduling=True)
    folder = tmp_path / "fresh"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    col.set_config("rollover", built.rollover)
    col.set_config("fsrs", built.fsrs)
    col.close()
    col = Collection(str(folder / "collection.anki2"))
    import_into_anki(col, out)
    by_key = {
        (col.get_note(c.nid).guid, c.ord): c.id for c in map(col.get_card, col.find_cards(""))
    }
    after = {}
    for name in before:
        key = seen[name].key
        assert key is not None
        cid = by_key[(key[0], max(key[1] - 1, 0))]
        after[name] = _anki_view(col, cid)
    col.close()
    return before, after


def test_back_in_anki_the_cards_are_as_they_were(
    back_in_anki: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """Anki's type, queue, due day, interval, counts, SM-2 ease, FSRS memory and log of
    each card are what they were before the trip (cards left in a filtered deck come
    back home, so their queue is their home one; cram ratings stay behind)."""
    before, after = back_in_anki
    diffs = {}
    for name, was in before.items():
        now = after[name]
        if was["queue"] in (-2, -3):  # Anki's export unburied them (see above)
            del was["queue"], now["queue"]
        diff = {k: (was[k], now.get(k)) for k in was if was[k] != now.get(k)}
        for k in ("s", "d"):
            if k in diff and now.get(k) == pytest.approx(was[k], rel=0.01):
                del diff[k]
        if diff:
            diffs[name] = diff
    assert diffs == {}
