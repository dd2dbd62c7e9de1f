"""Drive real ``trainer`` processes, kill them, and check what they left behind.

Shared by the crash tests and ``bench/bench_reliability.py``. Everything here
talks to the store the way a user's machine would: a SQLite file on disk, the
installed ``trainer`` command in a child process, SIGKILL with no warning.
"""

from __future__ import annotations

import contextlib
import math
import os
import queue
import random
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.domain.model import CardState, DeckOptions, Note, NoteKind
from trainer.scheduling.fsrs_adapter import PastReview, reschedule
from trainer.storage import cards_repo, reviews_repo
from trainer.storage.store import Store

DECK = "Crash"
OPTIONS = DeckOptions(
    enable_fuzz=False, new_per_day=100_000, reviews_per_day=100_000, bury_siblings=False
)


def notes(n: int, prefix: str = "n") -> list[Note]:
    return [
        Note(guid=f"{prefix}{i:06d}", kind=NoteKind.QA, prompt=f"问题{i}", answer=f"答案{i}")
        for i in range(n)
    ]


def build_store(path: Path, n_notes: int = 600, deck: str = DECK) -> None:
    """A SQLite store with one UTC profile and one deck of ``n_notes`` Q&A notes."""
    from sqlalchemy import update

    from trainer.services.decks import apply_notes
    from trainer.storage.models import PROFILES

    store = Store.open(str(path))
    try:
        with store.write() as conn:
            conn.execute(update(PROFILES).values(timezone="UTC"))
            apply_notes(conn, deck, notes(n_notes), options=OPTIONS)
    finally:
        store.close()


def trainer_cmd(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "trainer", "--db", str(db), *args]


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRAINER_")}
    env.update(extra)
    return env


class Child:
    """A ``trainer`` child process whose stdout lines arrive on a queue."""

    def __init__(self, cmd: list[str], stdin_text: str = "", env: dict[str, str] | None = None):
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env or child_env(),
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.out: list[str] = []
        self.err = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._err_reader = threading.Thread(target=self._read_err, daemon=True)
        self._err_reader.start()
        if stdin_text:
            assert self.proc.stdin is not None
            self.proc.stdin.write(stdin_text)
            self.proc.stdin.flush()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        self.err = self.proc.stderr.read()

    def wait_lines(self, n: int, timeout: float) -> bool:
        """Wait until ``n`` more stdout lines arrived (True) or EOF/timeout (False)."""
        deadline = time.monotonic() + timeout
        got = 0
        while got < n:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                self.lines.put(None)
                return False
            self.out.append(line)
            got += 1
        return True

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.finish(timeout=30)

    def close_stdin(self) -> None:
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()

    def finish(self, timeout: float = 60) -> int:
        """Wait for exit, collect the rest of stdout; returns the exit code."""
        self.close_stdin()
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        self._err_reader.join(timeout=timeout)
        while True:
            line = self.lines.get()
            if line is None:
                break
            self.out.append(line)
        return self.proc.returncode

    @property
    def stderr(self) -> str:
        return self.err

    def acks(self) -> list[tuple[int, int]]:
        out = []
        for line in self.out:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ack":
                out.append((int(parts[1]), int(parts[2])))
        return out


@dataclass
class StoreCheck:
    integrity: str
    reviews: int
    cards_checked: int
    missing_acks: list[tuple[int, int]] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.missing_acks and not self.mismatches


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    result = "; ".join(str(r[0]) for r in rows)
    return result if not fk else f"{result}; foreign key violations: {fk[:3]}"


def check_store(path: Path, acked: list[tuple[int, int]]) -> StoreCheck:
    """Integrity, every acknowledged answer logged, every card equal to its replay."""
    result = integrity(path)
    conn = sqlite3.connect(path)
    try:
        logged = dict(conn.execute("SELECT id, card_id FROM reviews").fetchall())
    finally:
        conn.close()
    missing = [(c, r) for c, r in acked if logged.get(r) != c]
    check = StoreCheck(result, len(logged), 0, missing)
    store = Store.open(str(path))
    try:
        with store.read() as sconn:
            for card_id in sorted(set(logged.values())):
                card = cards_repo.get_card(sconn, card_id)
                assert card is not None
                history = [
                    PastReview(r.rating, r.reviewed_at, r.duration_ms)
                    for r in reviews_repo.history(sconn, card_id)
                ]
                problem = compare_to_replay(
                    card, reschedule(card, history, OPTIONS, clock=store.clock)
                )
                check.cards_checked += 1
                if problem:
                    check.mismatches.append(f"card {card_id}: {problem}")
    finally:
        store.close()
    return check


def compare_to_replay(card: object, replayed: object) -> str:
    """'' when the stored card equals the replay of its review log (fuzz off)."""
    from trainer.domain.model import Card

    assert isinstance(card, Card) and isinstance(replayed, Card)
    diffs = []
    for name in ("state", "step", "reps", "lapses"):
        if getattr(card, name) != getattr(replayed, name):
            diffs.append(f"{name} {getattr(card, name)} != replay {getattr(replayed, name)}")
    for name in ("stability", "difficulty"):
        a, b = getattr(card, name), getattr(replayed, name)
        if (a is None) != (b is None) or (
            a is not None and not math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
        ):
            diffs.append(f"{name} {a} != replay {b}")
    if card.state is not CardState.NEW:
        if card.due is None or replayed.due is None:
            diffs.append(f"due {card.due} vs replay {replayed.due}")
        elif abs((card.due - replayed.due).total_seconds()) > 1.0:
            diffs.append(f"due {card.due} != replay {replayed.due}")
    return "; ".join(diffs)


@dataclass
class CrashStats:
    kills: int = 0
    acked: list[tuple[int, int]] = field(default_factory=list)
    checks: int = 0
    cards: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    killed_before_first_ack: int = 0

    @property
    def lost(self) -> int:
        return sum(1 for f in self.failures if f.startswith("lost"))


STEP = 300
"""Simulated seconds between answers, so learning and review cards come due again."""
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def resume_time(path: Path) -> datetime:
    """The simulated clock for the next start: a step after the last logged answer."""
    conn = sqlite3.connect(path)
    try:
        last = conn.execute("SELECT max(reviewed_at) FROM reviews").fetchone()[0]
    finally:
        conn.close()
    if last is None:
        return START
    return datetime.fromtimestamp(last / 1000, UTC) + timedelta(seconds=STEP)


def kill_point(rng: random.Random, child: Child) -> None:
    """Let the child run to a random point, then return (the caller kills it)."""
    mode = rng.random()
    if mode < 0.15:  # anywhere, startup included
        time.sleep(rng.uniform(0.0, 0.8))
    elif mode < 0.55:  # right after the k-th acknowledgement
        child.wait_lines(rng.randint(1, 25), timeout=20)
    else:  # a random moment in the middle of answering
        child.wait_lines(1, timeout=20)
        time.sleep(rng.uniform(0.0, 0.12))


def crash_loop(path: Path, kills: int, seed: int, deck: str = DECK) -> CrashStats:
    """Start ``trainer drill`` ``kills`` times, SIGKILL each at a random point, check after each."""
    rng = random.Random(seed)
    stats = CrashStats()
    started = time.perf_counter()
    for i in range(kills):
        ratings = "".join(f"{rng.choice('11233334')}\n" for _ in range(300))
        env = child_env(TRAINER_NOW=resume_time(path).isoformat(), TRAINER_NOW_STEP=str(STEP))
        child = Child(trainer_cmd(path, "drill", deck), ratings, env)
        kill_point(rng, child)
        child.kill()
        acks = child.acks()
        if not acks:
            stats.killed_before_first_ack += 1
        if "empty" in child.out:
            stats.failures.append(f"kill {i}: the deck ran out of cards; make it bigger")
        err = child.stderr
        if child.proc.returncode not in (-9, 0) or "Traceback" in err:
            stats.failures.append(f"kill {i}: exit {child.proc.returncode}: {err[-500:]}")
        stats.kills += 1
        stats.acked += acks
        check = check_store(path, stats.acked)
        stats.checks += 1
        stats.cards = check.cards_checked
        if check.integrity != "ok":
            stats.failures.append(f"kill {i}: integrity_check: {check.integrity}")
        if check.missing_acks:
            stats.failures.append(f"lost answers after kill {i}: {check.missing_acks[:5]}")
        if check.mismatches:
            stats.failures.append(f"kill {i}: card state != replay: {check.mismatches[:3]}")
    stats.seconds = time.perf_counter() - started
    return stats


def clean_run(path: Path, ratings: str = "3\n3\n", deck: str = DECK) -> tuple[int, list[str], str]:
    """Run ``trainer drill`` to the end of its input: exit code, stdout lines, stderr."""
    env = child_env(TRAINER_NOW=resume_time(path).isoformat(), TRAINER_NOW_STEP=str(STEP))
    child = Child(trainer_cmd(path, "drill", deck), ratings, env)
    code = child.finish()
    return code, child.out, child.stderr


def dump(
    path: Path,
    tables: tuple[str, ...] = ("decks", "notes", "cards", "reviews", "articles", "profiles"),
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the store's content tables, for exact before/after comparisons."""
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


__all__ = ["Child", "CrashStats", "StoreCheck", "build_store", "check_store", "crash_loop"]
