"""Export with the learner's scheduling: card states, review log and deck preset.

A learner studies the bundled deck here (real store, real fsrs, through the
study service), then the deck goes out as an .apkg. Imported back into a fresh
store it gives the same cards and answers; imported into a real Anki collection
the cards sit in the queues Anki should have them in.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import import_into_anki
from sqlalchemy import select

from tests.conftest import NOW, make_deck
from trainer.domain.clock import from_epoch
from trainer.domain.model import CardState, DeckOptions, LeechAction, Note, Queue, Rating
from trainer.formats.apkg_write import package_bytes
from trainer.services.browse import BrowseService
from trainer.services.exchange import export_deck, import_file
from trainer.services.profiles import configure
from trainer.services.study import StudyService
from trainer.storage.models import CARDS, NOTES, REVIEWS
from trainer.storage.store import Store

DECK = "申论::直播带货"
PARAMS = (
    0.25, 1.3, 2.4, 8.0, 6.5, 0.55, 3.0, 0.01, 1.7, 0.14, 0.95, 1.9, 0.11, 0.3, 2.3, 0.24,
    2.9, 0.5, 0.1, 0.07, 0.16,
)  # fmt: skip
OPTIONS = DeckOptions(
    desired_retention=0.85,
    learning_steps=(60, 600),
    relearning_steps=(300,),
    maximum_interval=400,
    new_per_day=2,
    reviews_per_day=150,
    leech_threshold=5,
    leech_action=LeechAction.TAG,
    fsrs_parameters=PARAMS,
    enable_fuzz=False,
    bury_siblings=False,  # Anki's queue counts leave buried siblings out; ours count them
)
RATINGS = (3, 3, 1, 3, 4, 2, 3, 3, 1, 3, 3, 2)


def _study(store: Store, days: list[datetime], seed: int = 0) -> int:
    """Study the deck on each of ``days`` (a session from that time on, until nothing is
    left); returns the number of answers."""
    study = StudyService(store)
    answered = seed
    for start in days:
        now = start
        for _ in range(60):
            item = study.next_item(now, DECK)
            if item is None:
                break
            rating = Rating(RATINGS[answered % len(RATINGS)])
            study.answer(item.card.id, rating, now, duration_ms=4000 + 37 * answered)
            answered += 1
            now += timedelta(minutes=3)
    return answered - seed


def _card_ids(store: Store) -> dict[tuple[str, int], int]:
    with store.read() as conn:
        rows = conn.execute(
            select(NOTES.c.guid, CARDS.c.ord, CARDS.c.id)
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(CARDS.c.profile_id == store.profile.id)
        ).all()
    return {(g, o): i for g, o, i in rows}


def _leave_in_learning(store: Store, at: datetime) -> int:
    """A new card answered Good, a review card Again: one learning, one relearning card."""
    cards, ids = _cards(store), _card_ids(store)
    new = min(k for k, r in cards.items() if r.state == CardState.NEW)
    review = min(
        k for k, r in cards.items() if r.state == CardState.REVIEW and r.queue == Queue.REVIEW
    )
    study = StudyService(store)
    study.answer(ids[new], Rating.GOOD, at, duration_ms=5000)
    study.answer(ids[review], Rating.AGAIN, at + timedelta(minutes=1), duration_ms=9000)
    return 2


def _deck_store(store: Store, notes: tuple[Note, ...]) -> Store:
    make_deck(store, list(notes), DECK, options=OPTIONS)
    return store


def _cards(store: Store) -> dict[tuple[str, int], Any]:
    with store.read() as conn:
        rows = conn.execute(
            select(
                NOTES.c.guid,
                CARDS.c.ord,
                CARDS.c.state,
                CARDS.c.queue,
                CARDS.c.due,
                CARDS.c.step,
                CARDS.c.stability,
                CARDS.c.difficulty,
                CARDS.c.last_review,
                CARDS.c.reps,
                CARDS.c.lapses,
                CARDS.c.reset_at,
                CARDS.c.buried_until,
            )
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(CARDS.c.profile_id == store.profile.id)
        ).all()
    return {(r.guid, r.ord): r for r in rows}


def _answers(store: Store) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        rows = conn.execute(
            select(
                NOTES.c.guid,
                CARDS.c.ord,
                REVIEWS.c.reviewed_at,
                REVIEWS.c.rating,
                REVIEWS.c.duration_ms,
                REVIEWS.c.state_before,
                REVIEWS.c.interval_days,
            )
            .join(CARDS, CARDS.c.id == REVIEWS.c.card_id)
            .join(NOTES, NOTES.c.id == CARDS.c.note_id)
            .where(REVIEWS.c.profile_id == store.profile.id)
            .order_by(NOTES.c.guid, CARDS.c.ord, REVIEWS.c.reviewed_at)
        ).all()
    return [tuple(r) for r in rows]


def _queue(row: Any, today: int) -> Queue:
    """The card's queue as study sees it: a bury from an earlier day is over."""
    if row.queue == Queue.BURIED and row.buried_until <= today:
        return Queue.for_state(CardState(row.state))
    return Queue(row.queue)


def _fresh(tmp_path: Path, name: str) -> Store:
    store = Store.open(str(tmp_path / name))
    configure(store, timezone="UTC", rollover_hour=4)
    return store


def _package_db(path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(path) as zf:
        data = zf.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    return db


def _sessions(first: datetime, count: int) -> list[datetime]:
    """Study sessions on ``count`` study days from ``first`` (every day, then some skipped)."""
    days = [first + timedelta(days=d) for d in range(count)]
    return [d for i, d in enumerate(days) if i < 6 or i % 3 != 1]


@pytest.fixture
def studied(store: Store, bundled: tuple[str, tuple[Note, ...]]) -> tuple[Store, int]:
    """The bundled deck studied on 15 of the 20 days before ``NOW``; one card forgotten,
    one suspended, one left in learning and one in relearning."""
    _deck_store(store, bundled[1])
    answers = _study(store, _sessions(NOW - timedelta(days=20), 20))
    cards, ids = _cards(store), _card_ids(store)
    reviewed = sorted(k for k, r in cards.items() if r.state == CardState.REVIEW)
    BrowseService(store).forget([ids[reviewed[0]]], NOW - timedelta(hours=20))
    StudyService(store).suspend(ids[reviewed[1]])
    answers += _leave_in_learning(store, NOW - timedelta(hours=1))
    return store, answers


def test_round_trip_through_our_import_gives_the_same_cards_and_answers(
    studied: tuple[Store, int], tmp_path: Path
) -> None:
    store, answers = studied
    pkg = tmp_path / "studied.apkg"
    report = export_deck(store, DECK, pkg, now=NOW)
    before = _cards(store)
    states = {CardState(r.state) for r in before.values()}
    assert states == set(CardState), states
    assert report.scheduling and report.answers == answers == len(_answers(store)) > 80
    assert report.scheduled == sum(1 for r in before.values() if r.state or r.queue)
    fresh = _fresh(tmp_path, "fresh.sqlite3")
    try:
        got = import_file(fresh, pkg)
        assert (got.new, got.errors, got.reviews) == (25, [], answers)
        after = _cards(fresh)
        assert after.keys() == before.keys()
        today = store.clock.day(NOW)
        for key, want in before.items():
            have = after[key]
            assert have.state == want.state, key
            assert have.queue == _queue(want, today), key
            assert have.due == want.due, key
            assert have.step == want.step, key
            assert have.last_review == want.last_review, key
            assert (have.reps, have.lapses, have.reset_at) == (
                want.reps,
                want.lapses,
                want.reset_at,
            )
            if want.stability is None:
                assert have.stability is None and have.difficulty is None, key
            else:
                assert have.stability == pytest.approx(want.stability, rel=1e-9), key
                assert have.difficulty == pytest.approx(want.difficulty, rel=1e-9), key
        assert _answers(fresh) == _answers(store)
        with fresh.read() as conn:
            from trainer.storage import decks_repo

            deck = decks_repo.deck_by_name(conn, DECK)
        assert deck is not None
        o = deck.options
        assert (o.learning_steps, o.relearning_steps, o.desired_retention) == (
            OPTIONS.learning_steps,
            OPTIONS.relearning_steps,
            OPTIONS.desired_retention,
        )
        assert o.fsrs_parameters == pytest.approx(PARAMS)
        assert (o.new_per_day, o.reviews_per_day, o.maximum_interval) == (2, 150, 400)
        assert (o.leech_threshold, o.leech_action, o.bury_siblings) == (5, LeechAction.TAG, False)
    finally:
        fresh.close()


def test_same_history_gives_the_same_bytes(studied: tuple[Store, int], tmp_path: Path) -> None:
    store, _ = studied
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export_deck(store, DECK, a, now=NOW)
    export_deck(store, DECK, b, now=NOW)
    assert a.read_bytes() == b.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_no_scheduling_is_the_plain_package(
    studied: tuple[Store, int], bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    store, _ = studied
    plain = tmp_path / "plain.apkg"
    report = export_deck(store, DECK, plain, scheduling=False, now=NOW)
    assert (report.notes, report.scheduling, report.scheduled, report.answers) == (
        25,
        False,
        0,
        0,
    )
    name, notes = bundled
    assert plain.read_bytes() == package_bytes(name, notes)
    db = _package_db(plain)
    assert db.execute("SELECT count(*) FROM revlog").fetchone() == (0,)
    assert db.execute("SELECT DISTINCT type, queue FROM cards").fetchall() == [(0, 0)]


def test_an_unstudied_deck_exports_as_before(
    store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    notes = bundled[1]
    _deck_store(store, notes)
    out = tmp_path / "new.apkg"
    report = export_deck(store, DECK, out, now=NOW)
    assert not report.scheduling
    assert out.read_bytes() == package_bytes(DECK, notes)
    forced = tmp_path / "forced.apkg"
    assert export_deck(store, DECK, forced, scheduling=True, now=NOW).scheduled == 0
    assert forced.read_bytes() != out.read_bytes()  # the preset and the day count


def test_another_learners_progress_is_not_exported(
    studied: tuple[Store, int], tmp_path: Path
) -> None:
    store, answers = studied
    other = Store.open(str(store.engine.url.database), profile="other", create_profile=True)
    try:
        configure(other, timezone="UTC", rollover_hour=4)
        assert export_deck(other, DECK, tmp_path / "none.apkg", now=NOW).scheduling is False
        theirs = _study(other, [NOW - timedelta(days=2)], seed=2)
        assert 0 < theirs < answers
        pkg = tmp_path / "other.apkg"
        report = export_deck(other, DECK, pkg, now=NOW)
        assert report.answers == theirs
        db = _package_db(pkg)
        assert db.execute("SELECT count(*) FROM revlog").fetchone() == (theirs,)
        first = min(r[2] for r in _answers(other))
        assert db.execute("SELECT min(id) FROM revlog").fetchone() == (first,)
        studied_by_other = sum(1 for r in _cards(other).values() if r.state or r.queue)
        assert report.scheduled == studied_by_other
        fresh = _fresh(tmp_path, "fresh.sqlite3")
        try:
            import_file(fresh, pkg)
            assert _answers(fresh) == _answers(other)
        finally:
            fresh.close()
    finally:
        other.close()
    mine = tmp_path / "mine.apkg"
    assert export_deck(store, DECK, mine, now=NOW).answers == answers


# -- into real Anki ------------------------------------------------------------------------


def _anki_queue_counts(col: Any) -> tuple[int, int, int]:
    today = col.sched.today
    new = col.db.scalar("SELECT count() FROM cards WHERE queue = 0")
    learning = col.db.scalar("SELECT count() FROM cards WHERE queue IN (1, 3)")
    due = col.db.scalar("SELECT count() FROM cards WHERE queue = 2 AND due <= ?", today)
    return new, learning, due


def test_real_anki_gets_the_queues_due_dates_memory_and_log(
    store: Store, bundled: tuple[str, tuple[Note, ...]], anki_col: Any, tmp_path: Path
) -> None:
    """Studied up to yesterday (Anki reads the time now, in the machine's zone: so does
    the learner here, with Anki's day boundary); Anki's today is ours."""
    configure(store, timezone="", rollover_hour=4)
    _deck_store(store, bundled[1])
    now = datetime.now(UTC)
    clock = store.clock
    yesterday = clock.day_start(clock.day(now) - 1) + timedelta(hours=6)
    answers = _study(store, _sessions(yesterday - timedelta(days=13), 14))
    answers += _leave_in_learning(store, yesterday + timedelta(hours=3))
    pkg = tmp_path / "studied.apkg"
    report = export_deck(store, DECK, pkg, now=now)
    assert report.answers == answers
    col = anki_col
    col.set_config("fsrs", True)
    import_into_anki(col, pkg, with_deck_configs=True)
    cards = _cards(store)
    today = clock.day(now)
    queues = {k: _queue(r, today) for k, r in cards.items()}
    ours_new = sum(1 for q in queues.values() if q is Queue.NEW)
    ours_learning = sum(1 for q in queues.values() if q is Queue.LEARNING)
    ours_due = sum(
        1
        for k, q in queues.items()
        if q is Queue.REVIEW and clock.day(from_epoch(cards[k].due)) <= today
    )
    assert _anki_queue_counts(col) == (ours_new, ours_learning, ours_due)
    assert ours_due > 0 and ours_new > 0 and ours_learning == 2
    # Anki's own queue counts under the deck's preset (2 new a day) are ours
    did = col.decks.id_for_name(DECK)
    col.decks.select(did)
    counts = StudyService(store).counts(now, DECK)
    assert tuple(col.sched.counts()) == (counts.new, counts.learning, counts.review)
    assert col.db.scalar("SELECT count() FROM revlog") == answers
    anki_cards = [col.get_card(cid) for cid in col.find_cards("")]
    by_key = {(col.get_note(c.nid).guid, c.ord): c for c in anki_cards}
    checked = 0
    for (guid, ord_), row in cards.items():
        if ord_ > 1 or row.state != CardState.REVIEW:
            continue
        card = by_key[(guid, max(ord_ - 1, 0))]
        assert (card.type, card.queue) == (2, 2)
        due_day = clock.day(from_epoch(row.due))
        assert card.due - col.sched.today == due_day - today, guid
        assert card.ivl == due_day - clock.day(from_epoch(row.last_review))
        assert (card.reps, card.lapses) == (row.reps, row.lapses)
        assert card.memory_state.stability == pytest.approx(row.stability, abs=1e-4)
        assert card.memory_state.difficulty == pytest.approx(row.difficulty, abs=1e-3)
        logged = col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", card.id)
        assert logged == sum(1 for a in _answers(store) if a[0] == guid and a[1] == ord_)
        checked += 1
    assert checked > 3
    learning = {k: r for k, r in cards.items() if r.state in (1, 3)}
    assert len(learning) == 2
    for (guid, ord_), row in learning.items():
        card = by_key[(guid, max(ord_ - 1, 0))]
        steps = OPTIONS.learning_steps if row.state == 1 else OPTIONS.relearning_steps
        assert (card.type, card.queue, card.due) == (row.state, 1, row.due)
        assert card.left == len(steps) - (row.step or 0)
        assert card.memory_state.stability == pytest.approx(row.stability, abs=1e-4)


# -- the command ---------------------------------------------------------------------------


def _trainer(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_command_reports_scheduling_and_leaves_it_out_on_request(
    studied: tuple[Store, int], bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    store, answers = studied
    db = Path(str(store.engine.url.database))
    other = Store.open(str(db), profile="other", create_profile=True)
    other.close()
    scheduled = sum(1 for r in _cards(store).values() if r.state or r.queue == Queue.SUSPENDED)
    out = _trainer(db, "export", DECK, "-o", str(tmp_path / "with.apkg"))
    assert out.returncode == 0, out.stderr
    assert out.stdout == (
        f"exported 25 notes from {DECK} to {tmp_path / 'with.apkg'} with scheduling "
        f"(profile default): {scheduled} cards not new, {answers} answers\n"
    )
    plain = tmp_path / "plain.apkg"
    out = _trainer(db, "export", DECK, "-o", str(plain), "--no-scheduling")
    assert out.returncode == 0, out.stderr
    assert out.stdout.endswith("without scheduling (all cards new)\n")
    assert plain.read_bytes() == package_bytes(*bundled)
    theirs = tmp_path / "theirs.apkg"
    out = _trainer(db, "--profile", "other", "export", DECK, "-o", str(theirs))
    assert out.returncode == 0, out.stderr
    assert out.stdout.endswith("without scheduling (all cards new)\n")  # never studied
    assert theirs.read_bytes() == plain.read_bytes()
    out = _trainer(db, "--profile", "nobody", "export", DECK, "-o", str(tmp_path / "x.apkg"))
    assert out.returncode == 1 and not (tmp_path / "x.apkg").exists()


def test_cards_in_a_filtered_deck_go_out_with_their_home_due_dates(
    studied: tuple[Store, int], tmp_path: Path
) -> None:
    from trainer.services.custom_study import CustomStudyService

    store, answers = studied
    home = _cards(store)
    built = CustomStudyService(store).review_ahead(DECK, 30, NOW)
    assert built.cards > 3
    with store.read() as conn:
        away = conn.execute(
            select(CARDS.c.id, CARDS.c.due, CARDS.c.original_due).where(
                CARDS.c.original_deck_id != 0
            )
        ).all()
    assert len(away) == built.cards and any(r.due != r.original_due for r in away)
    pkg = tmp_path / "filtered.apkg"
    assert export_deck(store, DECK, pkg, now=NOW).answers == answers
    fresh = _fresh(tmp_path, "fresh.sqlite3")
    try:
        import_file(fresh, pkg)
        after = _cards(fresh)
        assert {k: r.due for k, r in after.items()} == {k: r.due for k, r in home.items()}
    finally:
        fresh.close()


def test_postgres_store_exports_the_same_scheduling(
    any_store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    _deck_store(any_store, bundled[1])
    answers = _study(any_store, _sessions(NOW - timedelta(days=6), 6))
    pkg = tmp_path / "any.apkg"
    report = export_deck(any_store, DECK, pkg, now=NOW)
    assert report.scheduling and report.answers == answers > 10
    db = _package_db(pkg)
    assert db.execute("SELECT count(*) FROM revlog").fetchone() == (answers,)
    assert db.execute("SELECT count(*) FROM cards WHERE type = 2").fetchone()[0] == sum(
        1 for r in _cards(any_store).values() if r.state == CardState.REVIEW
    )


def test_scheduling_is_refused_for_text_and_deck_files(
    studied: tuple[Store, int], tmp_path: Path
) -> None:
    from trainer.domain.errors import InputError

    store, _ = studied
    for suffix in (".tsv", ".toml"):
        target = tmp_path / f"deck{suffix}"
        with pytest.raises(InputError, match=r"only \.apkg packages carry scheduling"):
            export_deck(store, DECK, target, scheduling=True, now=NOW)
        assert not target.exists()
        assert export_deck(store, DECK, target, scheduling=False, now=NOW).notes == 25
        assert export_deck(store, DECK, target, now=NOW) == export_deck(
            store, DECK, target, scheduling=False, now=NOW
        )


def test_a_cloze_card_the_note_no_longer_has_is_left_out(
    studied: tuple[Store, int], tmp_path: Path
) -> None:
    """A deletion edited away takes its card out of the package, and its answers too."""
    import re

    from trainer.domain.model import NoteKind
    from trainer.services.decks import DeckService

    store, answers = studied
    logged = _answers(store)
    notes = {n.guid: n for n in DeckService(store).notes(DECK)}
    guid = next(
        g
        for (g, o) in _cards(store)
        if o == 2 and notes[g].kind is NoteKind.CLOZE and any(a[:2] == (g, 2) for a in logged)
    )
    note = notes[guid]
    text = re.sub(r"\{\{c2::([^}:]*)(::[^}]*)?\}\}", r"\1", note.text)
    assert text != note.text
    from dataclasses import replace

    StudyService(store).edit_note(replace(note, text=text), _card_ids(store)[(guid, 1)])
    gone = sum(1 for a in logged if a[:2] == (guid, 2))
    pkg = tmp_path / "edited.apkg"
    report = export_deck(store, DECK, pkg, now=NOW)
    assert report.answers == answers - gone
    db = _package_db(pkg)
    assert db.execute("SELECT count(*) FROM revlog WHERE ease > 0").fetchone() == (report.answers,)
