"""Many learners answering against one PostgreSQL store at once.

Shared by ``test_load.py`` (a few seconds) and ``bench/bench_pg_load.py`` (the
full minute). Learners run as threads spread over a few worker processes (so
Python's GIL is not the bottleneck), each with its own profile, connection and
simulated clock; every answer's review id is collected and checked against the
store afterwards, so a lost answer cannot go unnoticed. Loopback only.
"""

from __future__ import annotations

import multiprocessing
import statistics
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from trainer.domain.model import DeckOptions, Note, NoteKind, Rating
from trainer.services.decks import apply_notes
from trainer.services.study import StudyService
from trainer.storage.store import Store

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STEP = timedelta(minutes=7)
OPTIONS = DeckOptions(enable_fuzz=False, new_per_day=100_000, reviews_per_day=100_000)
RATINGS = (Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY, Rating.HARD)


@dataclass
class LoadResult:
    learners: int
    seconds: float
    answers: int
    latencies_ms: list[float] = field(default_factory=list)
    lost: int = 0
    lost_updates: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.answers / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def median(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0


def check_loopback(url: str) -> None:
    host = make_url(url).host or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise RuntimeError(f"load tests run on loopback only, not {host!r}")


def create_database(base_url: str) -> str:
    """A fresh database on the server at ``base_url``; returns its URL."""
    check_loopback(base_url)
    name = f"load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


def drop_database(base_url: str, url: str) -> None:
    name = make_url(url).database
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def prepare(url: str, learners: int, notes: int) -> None:
    """One shared deck, then one profile per learner (each gets its own cards)."""
    store = Store.open(url, "teacher")
    try:
        deck = [
            Note(guid=f"load{i:06d}", kind=NoteKind.QA, prompt=f"问题{i}", answer=f"答案{i}")
            for i in range(notes)
        ]
        with store.write() as conn:
            conn.execute(text("UPDATE profiles SET timezone = 'UTC'"))
            apply_notes(conn, "Load", deck, options=OPTIONS)
    finally:
        store.close()
    for i in range(learners):
        Store.open(url, learner_name(i)).close()


def learner_name(i: int) -> str:
    return f"learner{i:03d}"


def _learner(
    url: str,
    index: int,
    deadline: float,
    out: dict[str, tuple[list[float], list[int], str]],
    lock: threading.Lock,
    pace: float = 0.0,
) -> None:
    name = learner_name(index)
    latencies: list[float] = []
    acked: list[int] = []
    error = ""
    store = Store.open(url, name)
    try:
        study = StudyService(store)
        now = START + timedelta(seconds=index)
        n = 0
        next_at = time.monotonic() + (pace * index / 50 if pace else 0.0)
        while time.monotonic() < deadline:
            if pace:
                wait = next_at - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                next_at += pace
            began = time.perf_counter()
            cards = study.queue(now, limit=1)
            if not cards:
                now += timedelta(days=1)
                continue
            result = study.answer(cards[0].id, RATINGS[n % len(RATINGS)], now)
            if n:  # the first answer also opens the connection and warms caches
                latencies.append((time.perf_counter() - began) * 1000)
            acked.append(result.review_id)
            n += 1
            now += STEP
    except Exception as exc:  # reported, never hidden
        error = f"{name}: {exc.__class__.__name__}: {exc}"
    finally:
        store.close()
    with lock:
        out[name] = (latencies, acked, error)


def _worker(
    url: str, indexes: list[int], start_at: float, seconds: float, pace: float
) -> dict[str, tuple[list[float], list[int], str]]:
    """One process: its learners as threads, all starting at ``start_at`` (wall clock)."""
    out: dict[str, tuple[list[float], list[int], str]] = {}
    lock = threading.Lock()
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_learner, args=(url, i, deadline, out, lock, pace)) for i in indexes
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    return out


def run_load(
    url: str, learners: int = 50, seconds: float = 60.0, processes: int = 4, pace: float = 0.0
) -> LoadResult:
    """``learners`` answering for ``seconds``; then every answer is checked in the store.

    ``pace`` 0 answers flat out; otherwise each learner answers once every ``pace`` seconds.
    """
    check_loopback(url)
    groups = [list(range(learners))[p::processes] for p in range(processes)]
    groups = [g for g in groups if g]
    start_at = time.time() + 1.0
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(groups), mp_context=ctx) as pool:
        futures = [pool.submit(_worker, url, g, start_at, seconds, pace) for g in groups]
        parts = [f.result(timeout=seconds + 300) for f in futures]
    result = LoadResult(learners, seconds, 0)
    acked: dict[str, list[int]] = {}
    for part in parts:
        for name, (lat, ids, err) in part.items():
            result.latencies_ms += lat
            acked[name] = ids
            if err:
                result.errors.append(err)
    result.answers = sum(len(ids) for ids in acked.values())
    missing = set(learner_name(i) for i in range(learners)) - set(acked)
    result.errors += [f"{name}: no report" for name in sorted(missing)]
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT r.id, p.name FROM reviews r JOIN profiles p ON p.id = r.profile_id")
        ).all()
        logged = {rid: name for rid, name in rows}
        result.lost_updates = len(
            conn.execute(
                text(
                    "SELECT c.id FROM cards c LEFT JOIN reviews r ON r.card_id = c.id "
                    "GROUP BY c.id, c.reps HAVING c.reps != count(r.id)"
                )
            ).all()
        )
    engine.dispose()
    result.lost = sum(1 for name, ids in acked.items() for rid in ids if logged.get(rid) != name)
    return result
