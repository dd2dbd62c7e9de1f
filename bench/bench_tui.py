"""Study app speed on the 100k-card / 1M-review synthetic store.

* startup: process start to the first interactive screen (the deck list
  painted and taking keys), median of several runs, and the same process's peak
  memory;
* answer: from a rating key to the next card painted, p95 over 200 answers,
  measured inside the app (``TrainerApp.answer_latencies_ms``: the key's action
  to the frame that draws the next card's text), not with Pilot's timing. The
  answer side is drawn and settled before the key, and the key is handed over
  as a terminal driver does (:func:`send_key`), so nothing of the test harness
  runs on the UI thread while the answer is measured.

``python -m bench.bench_tui`` prints the rows; ``run()`` returns them.
"""

from __future__ import annotations

import asyncio
import os
import resource
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bench.common import Row, copy_store, median, p95, synthetic_store

WORK = Path(__file__).resolve().parent / ".data" / "tui-work.sqlite3"


def _fresh_copy() -> Path:
    """A private copy of the synthetic store (other scripts use their own)."""
    return copy_store(synthetic_store(fresh_copy=False), WORK)


STARTUP_RUNS = 7
ANSWERS = 200


def _child_startup(db: str) -> None:
    """Runs in a fresh interpreter: the real command's path, headless; report when ready.

    Imports what ``trainer`` imports (the CLI and its sub-commands) and builds
    the app as ``trainer`` does: the store is opened by the app's first worker.
    """
    from trainer.cli import OPTIONS, commands  # noqa: F401  (as trainer.cli.main does)
    from trainer.cli.study import make_app

    OPTIONS.db = db
    app = make_app(None)

    async def ready(pilot: object) -> None:
        from trainer.tui.screens.decks import DecksScreen

        screen = app.screen
        assert isinstance(screen, DecksScreen), screen
        print("READY", flush=True)
        while not screen.loads:
            await asyncio.sleep(0.002)
        await screen.wait_for_refresh()
        print("COUNTS", flush=True)
        app.exit()

    try:
        app.run(headless=True, auto_pilot=ready)  # type: ignore[arg-type]
    finally:
        app.close_store()
    print(f"PEAK {_own_peak_kb()}", flush=True)


def _own_peak_kb() -> int:
    """This process's own peak resident memory (VmHWM, reset by exec); 0 off Linux.

    Not ``ru_maxrss`` from the parent's ``wait4``: a child started with vfork
    inherits the parent's high-water mark there, so a big parent looks like a
    big app."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def startup(db: Path) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds to the first screen and to the counts, and peak MB, per run."""
    ready: list[float] = []
    counts: list[float] = []
    memory: list[float] = []
    env = dict(os.environ, TEXTUAL_ANIMATIONS="none")
    for _ in range(STARTUP_RUNS):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.bench_tui", "--child-startup", str(db)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert proc.stdout is not None
        peak = 0
        for line in proc.stdout:
            if line.startswith("READY"):
                ready.append((time.perf_counter() - start) * 1000)
            elif line.startswith("COUNTS"):
                counts.append((time.perf_counter() - start) * 1000)
            elif line.startswith("PEAK "):
                peak = int(line.split()[1])
        _pid, _status, usage = os.wait4(proc.pid, 0)
        memory.append((peak or usage.ru_maxrss) / 1024)
    return ready, counts, memory


@asynccontextmanager
async def study_session(db: Path, deck: str | None) -> AsyncIterator[tuple[Any, Any, Any]]:
    """A headless app on ``db`` with the study screen open on ``deck`` (all decks for
    None) and its first card shown: (app, pilot, screen)."""
    from bench.synth import NOW
    from trainer.services.session import open_store
    from trainer.tui.app import build_app
    from trainer.tui.screens.study import StudyScreen

    store = open_store(str(db), "default", bundled=False)
    app = build_app(store, lambda: NOW, deck, cursor_blink=False)
    try:
        async with app.run_test(size=(100, 32)) as pilot:
            if deck is None:
                app.open_study(None)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StudyScreen), (
                screen,
                [n.message for n in app._notifications],
            )
            yield app, pilot, screen
    finally:
        store.close()


def send_key(app: Any, key: str) -> None:
    """Hand ``key`` to the app the way a terminal driver does (its input thread
    schedules the event on the app's loop), and nothing else.

    Not ``Pilot.press``: after the key it waits for the app to look idle and
    posts a callback to every widget of the screen and waits for them all,
    work on the UI thread that a terminal does not do and that ran beside the
    answer being measured."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def next_card(app: Any, screen: Any, before: int, timeout: float = 30.0) -> None:
    """Wait until the answer given after ``before`` recorded latencies is drawn, then
    until the screen takes keys again (the card is confirmed)."""
    deadline = time.monotonic() + timeout
    while len(app.answer_latencies_ms) == before or screen.busy:
        if time.monotonic() > deadline:
            raise TimeoutError("the next card was not drawn")
        await asyncio.sleep(0.001)


async def _answers(db: Path, deck: str | None, n: int) -> list[float]:
    from trainer.tui.screens.study import Phase

    async with study_session(db, deck) as (app, pilot, screen):
        for _ in range(n):
            if screen.phase is Phase.DONE:
                break
            screen.action_space()
            await pilot.pause()  # the answer side is drawn: the student reads it, then rates
            send_key(app, "3")
            await next_card(app, screen, len(app.answer_latencies_ms))
            await pilot.pause()
        return list(app.answer_latencies_ms)


def answers(db: Path, deck: str | None, n: int = ANSWERS) -> list[float]:
    return asyncio.run(_answers(db, deck, n))


def _first_deck(db: Path) -> str:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        (name,) = con.execute("SELECT name FROM decks ORDER BY id LIMIT 1").fetchone()
    finally:
        con.close()
    return str(name)


def run() -> list[Row]:
    master = synthetic_store(fresh_copy=False)
    ready, counts, memory = startup(master)
    rows: list[Row] = [
        ("tui startup to first screen (median)", median(ready), 500, "ms"),
        ("tui startup to deck counts shown (median)", median(counts), 1000, "ms"),
        ("tui startup peak memory (max)", max(memory), 150, "MB"),
    ]
    work = _fresh_copy()
    one = answers(work, _first_deck(work))
    rows.append((f"tui rating key to next card, one deck (p95 of {len(one)})", p95(one), 16, "ms"))
    work = _fresh_copy()
    every = answers(work, None)
    rows.append(
        (f"tui rating key to next card, all decks (p95 of {len(every)})", p95(every), 16, "ms")
    )
    return rows


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child-startup"]:
        _child_startup(argv[1])
        return 0
    from bench.__main__ import print_table

    print_table(run(), "study app")
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main(sys.argv[1:]))
