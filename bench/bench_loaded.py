"""The study app's figures on a busy machine: a CPU-bound process on the other core.

A student's laptop is doing other things. While a process spins on one core
(this one is kept on the other where the system allows), this measures on the
100k-card / 1M-review synthetic store:

* the rating key → next card painted, p95 over 200 answers, one deck and all decks
  (``TrainerApp.answer_latencies_ms``, as in ``bench_tui``);
* stats first open (all decks, last month, a new service each time), median: the
  first view the statistics screen paints (``StatsService.first_view``), the
  report it shows next (``report(..., sections=False)``: all but the sections
  table, which follows) and the whole report in one call, the figure held to
  150 ms: its CPU time (both threads: pinned to one core, the second connection
  shares it) and its wall time, which also counts whatever else waits for that core.

``python -m bench.bench_loaded`` prints the rows; ``run()`` returns them.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.common import Row, copy_store, median, p95, synthetic_store, timed

WORK = Path(__file__).resolve().parent / ".data" / "loaded-work.sqlite3"


@contextlib.contextmanager
def cpu_hog() -> Iterator[None]:
    """A busy loop in another process, on another core than this one when possible."""
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    before = set(cores)
    try:
        if len(cores) >= 2:
            os.sched_setaffinity(hog.pid, {cores[-1]})
            os.sched_setaffinity(0, {cores[0]})
        yield
    finally:
        hog.kill()
        hog.wait()
        if before:
            os.sched_setaffinity(0, before)


def run() -> list[Row]:
    from bench.bench_tui import _first_deck, answers
    from bench.synth import NOW
    from trainer.services.stats import StatsService
    from trainer.storage.store import Store

    master = synthetic_store(fresh_copy=False)
    rows: list[Row] = []
    with cpu_hog():
        work = copy_store(master, WORK)
        one = answers(work, _first_deck(work))
        rows.append(
            (f"loaded: rating key to next card, one deck (p95 of {len(one)})", p95(one), 16, "ms")
        )
        work = copy_store(master, WORK)
        every = answers(work, None)
        rows.append(
            (
                f"loaded: rating key to next card, all decks (p95 of {len(every)})",
                p95(every),
                20,
                "ms",
            )
        )
        work = copy_store(master, WORK)
        store = Store.open(str(work))
        try:
            StatsService(store).refresh_rollup()
            first = timed(lambda: StatsService(store).first_view(None, "1m", NOW), repeat=7)
            shown = timed(
                lambda: StatsService(store).report(None, "1m", NOW, sections=False), repeat=7
            )
            whole, whole_cpu = _timed_cpu(
                lambda: StatsService(store).report(None, "1m", NOW), repeat=7
            )
        finally:
            store.close()
        rows.append(
            ("loaded: stats first open, first view (all decks, 1m)", median(first), 150, "ms")
        )
        rows.append(
            (
                "loaded: stats first open, report before its sections table (all decks, 1m)",
                median(shown),
                150,
                "ms",
            )
        )
        rows.append(
            (
                "loaded: stats first open, whole report (all decks, 1m; sections included), CPU",
                median(whole_cpu),
                150,
                "ms",
            )
        )
        rows.append(
            (
                "loaded: stats first open, whole report (all decks, 1m; sections included), wall",
                median(whole),
                150,
                "ms",
            )
        )
    return rows


def _timed_cpu(
    fn: Callable[[], object], repeat: int = 7, warmup: int = 2
) -> tuple[list[float], list[float]]:
    """Wall-clock and process CPU (user + system, every thread) milliseconds per call."""
    import resource

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return (r.ru_utime + r.ru_stime) * 1000

    for _ in range(warmup):
        fn()
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), cpu()
        fn()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append(cpu() - c)
    return walls, cpus


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run(), "study app, CPU-bound process on the other core")
    sys.exit(0)
