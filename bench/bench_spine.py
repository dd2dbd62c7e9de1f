"""Spine scenarios (issue 2): queue, deck list, answering, ``trainer due``, deck-file import."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import DATA, Row, median, synthetic_store, timed
from bench.synth import NOW


def run() -> list[Row]:
    from bench.synth import build
    from trainer.domain.clock import to_epoch
    from trainer.domain.model import Queue, Rating
    from trainer.services.study import StudyService
    from trainer.storage import cards_repo
    from trainer.storage.store import Store

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build(Path(tmp) / "s.sqlite3")
        rows.append(
            ("build synthetic store (100k cards, 1M reviews)", time.perf_counter() - t, 60, "s")
        )

    path = synthetic_store()
    store = Store.open(str(path))
    study = StudyService(store)
    pid = store.profile.id
    day_end = to_epoch(store.clock.next_day_start(NOW))

    def first50() -> None:
        with store.engine.connect() as conn:
            cards_repo.reviews_due(conn, pid, [1], day_end, 50)
            conn.rollback()

    rows.append(
        ("first 50 due cards of a deck (index query)", median(timed(first50, 200)), 1.0, "ms")
    )
    rows.append(
        (
            "today's queue of 50 (limits + learning + reviews + new)",
            median(timed(lambda: study.queue(NOW, 1, 50), 50)),
            5.0,
            "ms",
        )
    )
    rows.append(
        (
            "deck list with counts, 50 decks",
            median(timed(lambda: study.deck_counts(NOW), 20)),
            20,
            "ms",
        )
    )

    rows.append(
        (
            "next card with counts and previews, one deck",
            median(timed(lambda: study.next_item(NOW, 1), 50)),
            5.0,
            "ms",
        )
    )
    rows.append(
        (
            "next card with counts and previews, all 50 decks",
            median(timed(lambda: study.next_item(NOW), 50)),
            10.0,
            "ms",
        )
    )
    with store.read() as conn:
        due = cards_repo.reviews_due(conn, pid, list(range(1, 51)), day_end, 400)
        assert all(c.queue is Queue.REVIEW for c in due)
    ids = iter([c.id for c in due])

    def answer() -> None:
        study.answer(next(ids), Rating.GOOD, NOW, 3000)

    rows.append(
        ("answer a card (FSRS + log + state + commit)", median(timed(answer, 300, 5)), 2.0, "ms")
    )
    store.close()

    env = {**os.environ, "TRAINER_DB": str(path)}
    cmd = [str(Path(sys.executable).parent / "trainer"), "due"]
    times = []
    for _ in range(7):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - t) * 1000)
    rows.append(("`trainer due` whole process", median(times), 300, "ms"))

    rows += _import_rows()
    return rows


def _import_rows() -> list[Row]:
    from trainer.domain.model import Note, NoteKind
    from trainer.formats.deckfile import write_deck
    from trainer.services.decks import DeckService
    from trainer.storage.store import Store

    DATA.mkdir(exist_ok=True)
    deck = DATA / "deck10k.toml"
    notes = [
        Note(
            guid=f"d{i:06d}",
            kind=NoteKind.CLOZE,
            text=f"第{i}条:重在{{{{c1::新意{i}}}}},胜在{{{{c2::诚意}}}}。",
            tags=("bench",),
        )
        for i in range(10_000)
    ]
    write_deck(deck, "基准::一万", notes)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "i.sqlite3"))
        service = DeckService(store)
        t = time.perf_counter()
        service.import_deck_file(deck)
        first = time.perf_counter() - t
        edited = [
            n if i % 10 else Note(n.guid, n.kind, text=n.text + "(改)", tags=n.tags)
            for i, n in enumerate(notes)
        ]
        write_deck(deck, "基准::一万", edited)
        t = time.perf_counter()
        service.import_deck_file(deck)
        second = time.perf_counter() - t
        store.close()
    return [
        ("import 10,000-note deck file", first, 2.0, "s"),
        ("re-import it with 1,000 notes edited", second, 2.0, "s"),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
