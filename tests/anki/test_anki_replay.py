"""Review history replayed in worker processes gives exactly what a serial replay gives."""

from __future__ import annotations

import io
import os
import random
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from trainer.domain.clock import DayClock, to_epoch
from trainer.domain.model import Card, CardState, DeckOptions, Note, NoteKind, Queue, Rating
from trainer.formats.apkg_write import package_bytes
from trainer.scheduling import replay_pool
from trainer.scheduling.fsrs_adapter import PastReview, reschedule
from trainer.scheduling.replay_pool import ReplayBatch, SavedReplayBatch, reschedule_many
from trainer.services.anki_exchange import import_apkg
from trainer.storage.models import CARDS, NOTES, REVIEWS
from trainer.storage.store import Store

DAY_MS = 86_400_000
CLOCK = DayClock(ZoneInfo("Asia/Kathmandu"), 4)
"""+5:45: the day boundary falls inside an hour, which the replay works out answer by answer."""
T0 = 1_735_689_600_000  # 2025-01-01


def _history(rng: random.Random) -> list[tuple[int, int]]:
    at, out = T0 + rng.randrange(DAY_MS), []
    for _ in range(rng.randrange(1, 12)):
        out.append((at, rng.choices((1, 2, 3, 4), (15, 15, 60, 10))[0]))
        at += rng.choice((60_000, 600_000, 20 * 3_600_000, DAY_MS, 3 * DAY_MS, 20 * DAY_MS))
    return out


def _options() -> list[DeckOptions]:
    return [DeckOptions(), DeckOptions(desired_retention=0.85, learning_steps=(600,))]


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_reschedule_many_equals_reschedule(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    rng = random.Random(7)
    items = [(_history(rng), rng.choice(_options())) for _ in range(300)]
    items.append(([], DeckOptions()))  # no history: a new card
    got = reschedule_many(items, workers=workers, clock=CLOCK)
    card = Card(id=5, note_guid="g", ord=0, deck_id=1)
    for (history, options), replayed in zip(items, got, strict=True):
        past = [PastReview(Rating(r), datetime.fromtimestamp(ms / 1000, UTC)) for ms, r in history]
        assert replayed.applied_to(card) == reschedule(card, past, options, clock=CLOCK)


@pytest.mark.parametrize("workers", [0, 1])
def test_saved_states_are_the_results_to_the_second(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    rng = random.Random(10)
    items = [(_history(rng), rng.choice(_options())) for _ in range(200)]
    items.append(([], DeckOptions()))
    saved = SavedReplayBatch(items, workers, clock=CLOCK).saved_states()
    want = [
        (
            int(r.state),
            r.step,
            r.stability,
            r.difficulty,
            to_epoch(r.due) if r.due is not None else 0,
            to_epoch(r.last_review) if r.last_review else None,
            r.reps,
            r.lapses,
        )
        for r in reschedule_many(items, workers=0, clock=CLOCK)
    ]
    assert saved == want


def test_caller_replays_the_chunks_no_worker_started(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many small chunks, results asked at once: this process takes some from the back."""
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    monkeypatch.setattr(replay_pool, "CHUNK_ANSWERS", 1)
    monkeypatch.setattr(replay_pool, "MAX_CHUNKS", 200)
    rng = random.Random(9)
    items = [(_history(rng), rng.choice(_options())) for _ in range(400)]
    batch = ReplayBatch(items, workers=1, clock=CLOCK)
    assert len(batch._jobs) == 200
    stolen = []
    replay = batch._replay

    def here(start: int, stop: int) -> list[tuple[object, ...]]:
        stolen.append(start)
        return replay(start, stop)

    monkeypatch.setattr(batch, "_replay", here)
    assert batch.results() == reschedule_many(items, workers=0, clock=CLOCK)
    assert stolen and stolen == sorted(stolen, reverse=True)  # from the back


def test_a_worker_that_dies_costs_time_not_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    monkeypatch.setattr(replay_pool, "CHUNK_ANSWERS", 50)

    def dies(*_args: object) -> None:
        os._exit(3)  # in the forked worker

    monkeypatch.setattr(replay_pool, "_replay_chunk", dies)
    rng = random.Random(11)
    items = [(_history(rng), DeckOptions()) for _ in range(100)]
    batch = SavedReplayBatch(items, workers=1, clock=CLOCK)
    parts = list(batch.saved_parts())
    assert len(parts) > 1
    flat = [s for _, part in sorted(parts, key=lambda p: p[0]) for s in part]
    assert flat == SavedReplayBatch(items, workers=0, clock=CLOCK).saved_states()
    assert batch._pool is None  # closed


def test_batch_without_fork_replays_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    monkeypatch.setattr(replay_pool, "_can_fork", lambda: False)
    rng = random.Random(8)
    items = [(_history(rng), DeckOptions()) for _ in range(20)]
    batch = ReplayBatch(items, workers=2, clock=CLOCK)
    assert batch._pool is None
    assert batch.results() == reschedule_many(items, workers=0, clock=CLOCK)


def _notes(n: int) -> list[Note]:
    out = []
    for i in range(n):
        if i % 2:
            out.append(
                Note(f"r{i:05d}", NoteKind.CLOZE, text=f"第{i}句{{{{c1::甲}}}}{{{{c2::乙}}}}")
            )
        else:
            out.append(Note(f"r{i:05d}", NoteKind.QA, prompt=f"问{i}", answer="答"))
    return out


def _package(n_notes: int, reviews: int, *, suspend: int = 0) -> bytes:
    """One of our packages with a review log added like a year of study."""
    with zipfile.ZipFile(io.BytesIO(package_bytes("Replay", _notes(n_notes)))) as zf:
        data = zf.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    cids = [r[0] for r in db.execute("select id from cards order by id")]
    rng = random.Random(6)
    per_card: dict[int, int] = {}
    last: dict[int, int] = {}
    for i in range(reviews):
        cid = cids[i % len(cids)]
        k = per_card[cid] = per_card.get(cid, 0) + 1
        # card index in the last three digits keeps revlog ids unique
        at = last.get(cid, T0 + i % len(cids)) + rng.choice((0, 1, 4, 9)) * DAY_MS + 60_000
        last[cid] = at
        ease = rng.choices((1, 2, 3, 4), (10, 15, 65, 10))[0]
        db.execute(
            "insert into revlog values (?,?,?,?,?,?,?,?,?)",
            (at, cid, -1, ease, k, 0, 2500, 6000, 0 if k == 1 else 1),
        )
    db.executemany("update cards set queue = -1 where id = ?", [(c,) for c in cids[:suspend]])
    db.commit()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("collection.anki2", db.serialize())
        zf.writestr("media", "{}")
    return out.getvalue()


def _states(store: Store) -> dict[tuple[str, int], tuple[Any, ...]]:
    with store.read() as conn:
        rows = conn.execute(select(CARDS, NOTES.c.guid).join(NOTES, NOTES.c.id == CARDS.c.note_id))
        return {
            (r.guid, r.ord): (
                r.state,
                r.queue,
                r.due,
                r.step,
                r.stability,
                r.difficulty,
                r.last_review,
                r.reps,
                r.lapses,
            )
            for r in rows
        }


def _open(path: Path) -> Store:
    return Store.open(str(path))  # same machine zone for both stores compared


def test_parallel_import_equals_serial_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pkg = tmp_path / "replay.apkg"
    pkg.write_bytes(_package(60, 700, suspend=3))
    states = {}
    for name, floor in (("serial", 10**9), ("parallel", 1)):
        monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", floor)
        store = _open(tmp_path / f"{name}.sqlite3")
        report = import_apkg(store, pkg)
        assert (report.new, report.reviews) == (60, 700)
        states[name] = _states(store)
        again = import_apkg(store, pkg)  # the same package: nothing new, nothing replayed
        assert (again.unchanged, again.reviews) == (60, 0)
        assert _states(store) == states[name]
        store.close()
    assert states["parallel"] == states["serial"]
    reviewed = [s for s in states["serial"].values() if s[7] > 0]
    assert len(reviewed) == 90  # every card of the 60 notes got answers
    assert sum(s[1] == Queue.SUSPENDED for s in reviewed) == 3
    assert all(s[0] != CardState.NEW for s in reviewed)


def test_more_history_later_replays_the_whole_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A second package with more answers adds only those and replays from the start."""
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    small, big = tmp_path / "small.apkg", tmp_path / "big.apkg"
    small.write_bytes(_package(20, 60))
    big.write_bytes(_package(20, 200))
    grown = _open(tmp_path / "grown.sqlite3")
    import_apkg(grown, small)
    assert import_apkg(grown, big).reviews == 140
    fresh = _open(tmp_path / "fresh.sqlite3")
    import_apkg(fresh, big)
    assert _states(grown) == _states(fresh)
    with grown.read() as conn:
        assert len(conn.execute(select(REVIEWS.c.id)).all()) == 200
    grown.close()
    fresh.close()


def test_import_on_every_database_matches_a_replay_of_its_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, any_store: Store
) -> None:
    """SQLite and PostgreSQL: the answers land, and each card is its log replayed."""
    monkeypatch.setattr(replay_pool, "PARALLEL_MIN_ANSWERS", 1)
    small, big = tmp_path / "small.apkg", tmp_path / "big.apkg"
    small.write_bytes(_package(20, 60, suspend=2))
    big.write_bytes(_package(20, 200, suspend=2))
    assert import_apkg(any_store, small).reviews == 60
    again = import_apkg(any_store, big)
    assert (again.unchanged, again.reviews) == (20, 140)
    with any_store.read() as conn:
        log: dict[int, list[PastReview]] = {}
        for card_id, rating, at in conn.execute(
            select(REVIEWS.c.card_id, REVIEWS.c.rating, REVIEWS.c.reviewed_at).order_by(
                REVIEWS.c.card_id, REVIEWS.c.reviewed_at
            )
        ):
            log.setdefault(card_id, []).append(
                PastReview(Rating(rating), datetime.fromtimestamp(at / 1000, UTC))
            )
        cards = conn.execute(select(CARDS)).all()
    assert sum(len(v) for v in log.values()) == 200
    assert len(cards) == 30
    for row in cards:
        want = reschedule(
            Card(id=row.id, note_guid="", ord=row.ord, deck_id=1),
            log[row.id],
            DeckOptions(),
            clock=any_store.clock,
        )
        assert row.state == int(want.state)
        assert row.due == to_epoch(want.due) if want.due else row.due == 0
        assert row.stability == pytest.approx(want.stability)
        assert row.reps == want.reps and row.lapses == want.lapses
    assert sum(r.queue == Queue.SUSPENDED for r in cards) == 2
