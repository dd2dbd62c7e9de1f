"""Memory states imported from Anki agree with Anki's own FSRS (``compute_memory_state``).

A real Anki collection (the official ``anki`` package, FSRS on) gets review-log
rows like weeks of study: same-day learning steps, answers on the next study day
less than 24 hours after the last one, answers either side of the day boundary,
lapses. It is exported with scheduling and imported here; each card's stability
and difficulty must match Anki's within 0.1 % (median) and 1 % (p90, and max for
difficulty): the figures of issue 18.
"""

from __future__ import annotations

import random
import statistics
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import export_from_anki
from sqlalchemy import select

from trainer.services.anki_exchange import import_apkg
from trainer.services.profiles import configure
from trainer.storage.models import CARDS, NOTES
from trainer.storage.store import Store

H = 3_600_000
DAY = 24 * H
GAPS = (
    (60_000, 10),  # the next learning step
    (10 * 60_000, 10),
    (23 * H + 35 * 60_000, 15),  # 08:52 -> 08:27: the next study day, under 24 hours
    (20 * H, 10),
    (DAY, 10),
    (2 * DAY + 5 * H, 10),
    (4 * DAY, 10),
    (9 * DAY + 7 * H, 8),
    (17 * DAY, 5),
)


def _history(rng: random.Random, start: int, cutoff: int) -> list[tuple[int, int, int]]:
    """(ms, ease, revlog type) answers, the way Anki logs them."""
    out: list[tuple[int, int, int]] = []
    at, first_day, kind = start, (cutoff - start) // DAY, 0
    while at < cutoff - H and len(out) < 25:
        ease = rng.choices((1, 2, 3, 4), (15, 12, 63, 10))[0]
        if out and (cutoff - at) // DAY != first_day:  # graduated: reviews, relearning
            kind = 2 if out[-1][1] == 1 or (kind == 2 and ease == 1) else 1
        out.append((at, ease, kind))
        gap = rng.choices([g for g, _ in GAPS], [w for _, w in GAPS])[0]
        at += gap + rng.randrange(-20 * 60_000, 20 * 60_000) * (gap >= DAY)
    return out


def _fill(col: Any, n: int, seed: int) -> dict[str, int]:
    """``n`` cards with history; returns Anki's card id by note GUID."""
    rng = random.Random(seed)
    cutoff = col.sched.day_cutoff * 1000
    model = col.models.by_name("Basic")
    out: dict[str, int] = {}
    for i in range(n):
        note = col.new_note(model)
        note["Front"], note["Back"] = f"问{i}", f"答{i}"
        col.add_note(note, 1)
        cid = note.cards()[0].id
        start = cutoff - rng.randrange(20, 70) * DAY + rng.randrange(DAY)
        for k, (at, ease, kind) in enumerate(_history(rng, start, cutoff)):
            col.db.execute(
                "insert into revlog values (?,?,?,?,?,?,?,?,?)",
                at + k % 1000,  # revlog ids are unique
                cid,
                -1,
                ease,
                1,
                0,
                2500,
                6000,
                kind,
            )
        col.db.execute(
            "update cards set type = 2, queue = 2, ivl = 3, due = ?, factor = 2500 where id = ?",
            col.sched.today + 1,
            cid,
        )
        out[note.guid] = cid
    return out


def _ours(store: Store) -> dict[str, tuple[float, float]]:
    with store.read() as conn:
        rows = conn.execute(
            select(NOTES.c.guid, CARDS.c.stability, CARDS.c.difficulty).join(
                NOTES, NOTES.c.id == CARDS.c.note_id
            )
        ).all()
    return {r.guid: (r.stability, r.difficulty) for r in rows}


def _same_day_boundary(store: Store, col: Any) -> None:
    """Our profile's day starts when Anki's does (the machine's zone, Anki's rollover)."""
    boundary = col.sched.day_cutoff % 86_400
    assert boundary % 3600 == 0
    configure(store, timezone="UTC", rollover_hour=boundary // 3600)


def _figures(diffs: list[float]) -> tuple[float, float, float]:
    diffs = sorted(diffs)
    return statistics.median(diffs), diffs[int(0.9 * (len(diffs) - 1))], diffs[-1]


def test_imported_memory_states_match_ankis(anki_col: Any, store: Store, tmp_path: Path) -> None:
    anki_col.set_config("fsrs", True)
    cards = _fill(anki_col, 150, seed=18)
    _same_day_boundary(store, anki_col)
    pkg = tmp_path / "history.apkg"
    export_from_anki(anki_col, pkg)
    import_apkg(store, pkg)
    ours = _ours(store)
    ds: list[float] = []
    dd: list[float] = []
    for guid, cid in cards.items():
        want = anki_col.compute_memory_state(cid)
        assert want.stability is not None and want.difficulty is not None
        s, d = ours[guid]
        ds.append(abs(s / want.stability - 1))
        dd.append(abs(d / want.difficulty - 1))
    s_med, s_p90, s_max = _figures(ds)
    d_med, _d_p90, d_max = _figures(dd)
    print(
        f"\nstability vs Anki: median {s_med:.2e}, p90 {s_p90:.2e}, max {s_max:.2e}; "
        f"difficulty: median {d_med:.2e}, max {d_max:.2e} ({len(ds)} cards)"
    )
    assert s_med < 0.001 and s_p90 < 0.01
    assert d_max < 0.01


@pytest.mark.parametrize("seed", [1, 2])
def test_gaps_under_24_hours_on_the_next_study_day_count_as_a_day(
    anki_col: Any, store: Store, tmp_path: Path, seed: int
) -> None:
    """Every card's history has a next-morning answer under 24 hours after the last."""
    anki_col.set_config("fsrs", True)
    cutoff = anki_col.sched.day_cutoff * 1000
    model = anki_col.models.by_name("Basic")
    rng = random.Random(seed)
    guids: dict[str, int] = {}
    for i in range(20):
        note = anki_col.new_note(model)
        note["Front"], note["Back"] = f"次日{i}", "答"
        anki_col.add_note(note, 1)
        cid = note.cards()[0].id
        day0 = cutoff - 30 * DAY + rng.randrange(5 * 60, 8 * 60) * 60_000 + 30_000  # 09:00-12:00
        times = [day0, day0 + 10 * 60_000]
        for _ in range(3):
            times.append(times[-1] + DAY - rng.randrange(1, 60) * 60_000)
        for k, at in enumerate(times):
            anki_col.db.execute(
                "insert into revlog values (?,?,?,?,?,?,?,?,?)",
                at
                + i,  # unique revlog ids (Anki counts a time on the boundary's second as the day before)
                cid,
                -1,
                3,
                1,
                0,
                2500,
                5000,
                0 if k < 2 else 1,
            )
        guids[note.guid] = cid
    _same_day_boundary(store, anki_col)
    pkg = tmp_path / "nextday.apkg"
    export_from_anki(anki_col, pkg)
    import_apkg(store, pkg)
    ours = _ours(store)
    for guid, cid in guids.items():
        want = anki_col.compute_memory_state(cid)
        assert ours[guid][0] == pytest.approx(want.stability, rel=1e-4)
        assert ours[guid][1] == pytest.approx(want.difficulty, rel=1e-4)


def _add_card(col: Any, front: str) -> tuple[str, int]:
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = front, "答"
    col.add_note(note, 1)
    return note.guid, note.cards()[0].id


def _log(col: Any, cid: int, at: int, ease: int, kind: int, factor: int = 2500) -> None:
    col.db.execute(
        "insert into revlog values (?,?,?,?,?,?,?,?,?)", at, cid, -1, ease, 0, 0, factor, 4000, kind
    )


def test_forget_restarts_the_history(anki_col: Any, store: Store, tmp_path: Path) -> None:
    """Answers, a Forget, answers again: memory from the reset on, as Anki computes it.
    A card reset and never studied again comes in new; its answers stay in the log."""
    from trainer.services.reschedule import reschedule_deck
    from trainer.storage.models import REVIEWS

    anki_col.set_config("fsrs", True)
    cutoff = anki_col.sched.day_cutoff * 1000
    rng = random.Random(5)
    again: dict[str, int] = {}
    for i in range(12):
        guid, cid = _add_card(anki_col, f"重来{i}")
        at = cutoff - 50 * DAY + rng.randrange(DAY) + i
        for k, ease in enumerate((3, 3, 1, 3, 4, 3)):
            _log(anki_col, cid, at, ease, 0 if k < 2 else 1)
            at += rng.choice((10 * 60_000, 23 * H, 3 * DAY, 6 * DAY))
        _log(anki_col, cid, at, 0, 4, factor=0)  # Forget, as Anki 26.9 logs it
        at += rng.choice((H, 23 * H, 2 * DAY))
        for k, ease in enumerate((1, 3, 3, 2)):
            _log(anki_col, cid, at, ease, 0 if k < 2 else 1)
            at += rng.choice((60_000, 20 * H, 4 * DAY))
        anki_col.db.execute("update cards set type = 2, queue = 2, ivl = 3 where id = ?", cid)
        again[guid] = cid
    never: dict[str, int] = {}
    for i in range(3):
        guid, cid = _add_card(anki_col, f"遗忘{i}")
        at = cutoff - 30 * DAY + i
        for k, ease in enumerate((3, 3, 3)):
            _log(anki_col, cid, at + k * 3 * DAY, ease, 0 if k < 2 else 1)
        anki_col.db.execute("update cards set type = 2, queue = 2, ivl = 9 where id = ?", cid)
        never[guid] = cid
    anki_col.sched.schedule_cards_as_new(list(never.values()), restore_position=True)
    _same_day_boundary(store, anki_col)
    pkg = tmp_path / "forget.apkg"
    export_from_anki(anki_col, pkg)
    report = import_apkg(store, pkg)
    assert report.reviews == 12 * 10 + 3 * 3  # every answer is history, resets or not

    def check() -> None:
        ours = _ours(store)
        for guid, cid in again.items():
            want = anki_col.compute_memory_state(cid)
            assert ours[guid][0] == pytest.approx(want.stability, rel=1e-4)
            assert ours[guid][1] == pytest.approx(want.difficulty, rel=1e-4)
        with store.read() as conn:
            rows = conn.execute(
                select(NOTES.c.guid, CARDS.c.state, CARDS.c.queue, CARDS.c.reps, CARDS.c.id)
                .join(NOTES, NOTES.c.id == CARDS.c.note_id)
                .where(NOTES.c.guid.in_(list(never)))
            ).all()
            for r in rows:
                assert anki_col.compute_memory_state(never[r.guid]).stability is None
                assert (r.state, r.queue, r.reps) == (0, 0, 0)
                assert ours[r.guid] == (None, None)
                logged = conn.execute(select(REVIEWS.c.id).where(REVIEWS.c.card_id == r.id)).all()
                assert len(logged) == 3
            new_answers = conn.execute(  # the first ever, and the first after the reset
                select(NOTES.c.guid, REVIEWS.c.state_before)
                .join(CARDS, CARDS.c.id == REVIEWS.c.card_id)
                .join(NOTES, NOTES.c.id == CARDS.c.note_id)
                .where(NOTES.c.guid.in_(list(again)), REVIEWS.c.state_before == 0)
            ).all()
            assert len(new_answers) == 2 * len(again)

    check()
    assert import_apkg(store, pkg).reviews == 0  # the same package again: nothing new
    check()
    reschedule_deck(store, "Default")  # a replay of the whole log keeps the reset
    check()
