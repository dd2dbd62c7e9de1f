"""50 learners answering against one PostgreSQL store for a minute (loopback only).

Uses the server at ``TRAINER_TEST_PG_URL`` or starts a throwaway one with
``scripts/pg-test-server`` (initdb into a temporary folder, 127.0.0.1 only).
Two runs: flat out (every learner answers as fast as the store lets it) for
``TRAINER_LOAD_SECONDS`` (default 60), and paced (one answer per learner per
second, a busy classroom) for a third of that. Every acknowledged answer is
checked in the store afterwards. Rows are lower-is-better, so throughput is
shown as milliseconds of wall time per answer, with answers/s in the name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Row
from tests.postgres import loadkit

LEARNERS = 50
REPO = Path(__file__).resolve().parents[1]


def _server() -> tuple[str, Path | None]:
    url = os.environ.get("TRAINER_TEST_PG_URL")
    if url:
        return url, None
    folder = Path(tempfile.mkdtemp(prefix="trainer-bench-pg."))
    started = subprocess.run(
        [str(REPO / "scripts" / "pg-test-server"), "start", str(folder), "55491"],
        capture_output=True,
        text=True,
        check=True,
    )
    return started.stdout.strip(), folder


def _stop(folder: Path | None) -> None:
    if folder is not None:
        subprocess.run([str(REPO / "scripts" / "pg-test-server"), "stop", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _measure(base: str, seconds: float, pace: float) -> loadkit.LoadResult:
    url = loadkit.create_database(base)
    try:
        loadkit.prepare(url, LEARNERS, notes=2000)
        return loadkit.run_load(url, LEARNERS, seconds, processes=4, pace=pace)
    finally:
        loadkit.drop_database(base, url)


def run() -> list[Row]:
    seconds = float(os.environ.get("TRAINER_LOAD_SECONDS", "60"))
    base, folder = _server()
    try:
        flat = _measure(base, seconds, pace=0.0)
        paced = _measure(base, max(5.0, seconds / 3), pace=1.0)
    finally:
        _stop(folder)
    rows: list[Row] = []
    for label, r, per_answer_target, p95_target in (
        ("flat out", flat, 20.0, 1000.0),
        ("1 answer/s each", paced, 20.0, 100.0),
    ):
        rows += [
            (
                f"pg {LEARNERS} learners {label}: wall ms per answer ({r.per_second:.0f} answers/s)",
                1000.0 / r.per_second if r.per_second else float("inf"),
                per_answer_target,
                "ms",
            ),
            (f"pg {LEARNERS} learners {label}: p95 next-card+answer", r.p95, p95_target, "ms"),
            (
                f"pg {LEARNERS} learners {label}: median next-card+answer",
                r.median,
                p95_target / 2,
                "ms",
            ),
            (
                f"pg {LEARNERS} learners {label}: lost answers of {r.answers}",
                float(r.lost + r.lost_updates + len(r.errors)),
                0.0,
                "n",
            ),
        ]
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run(), "bench_pg_load")
    sys.exit(0)
