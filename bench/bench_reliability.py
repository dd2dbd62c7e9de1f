"""Reliability figures: SIGKILL survival and fuzz examples per parser.

* Crash loop: ``trainer drill`` on a SQLite store, SIGKILLed at random points
  ``TRAINER_CRASH_KILLS`` times (default 100); after every kill the store must
  pass ``PRAGMA integrity_check``, hold every acknowledged answer, and have every
  card equal to the replay of its review log.
* Fuzzing: the hypothesis fuzz suite with ``TRAINER_FUZZ_EXAMPLES`` (default
  2000) examples per test; rows count crashes (lower is better) and name the
  examples actually run.

Run with ``python -m bench.bench_reliability`` from the repository root.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench.common import Row
from tests.reliability.crashkit import build_store, check_store, clean_run, crash_loop

REPO = Path(__file__).resolve().parents[1]
_TEST = re.compile(r"^tests/fuzz/test_fuzz_(\w+)\.py::(\w+):")
_COUNTS = re.compile(r"- (\d+) passing, (\d+) failing, and (\d+) invalid")


def crash_rows(kills: int) -> list[Row]:
    seed = random.randrange(1 << 30)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "crash.sqlite3"
        build_store(db, n_notes=3000)
        stats = crash_loop(db, kills, seed)
        code, _out, err = clean_run(db, "3\n")
        final = check_store(db, stats.acked)
    restart_failures = 0 if code == 0 and not err.strip() else 1
    return [
        (
            f"crash: kills not survived of {stats.kills} (seed {seed}, "
            f"{len(stats.acked)} acked answers, {stats.cards} cards replayed)",
            float(len(stats.failures) + restart_failures),
            0.0,
            "n",
        ),
        (
            f"crash: acknowledged answers lost of {len(stats.acked)}",
            float(stats.lost + len(final.missing_acks)),
            0.0,
            "n",
        ),
        (
            f"crash: mean seconds per kill cycle ({stats.kills} kills)",
            stats.seconds / max(1, stats.kills),
            2.0,
            "s",
        ),
    ]


def fuzz_rows(examples: int) -> list[Row]:
    env = dict(os.environ, TRAINER_FUZZ_EXAMPLES=str(examples))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/fuzz",
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            "-o",
            "addopts=",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    passing: dict[str, int] = defaultdict(int)
    failing: dict[str, int] = defaultdict(int)
    target = ""
    for line in done.stdout.splitlines():
        m = _TEST.match(line.strip())
        if m:
            target = m.group(1)
            continue
        c = _COUNTS.search(line)
        if c and target:
            passing[target] += int(c.group(1))
            failing[target] += int(c.group(2))
    failed_tests = re.findall(r"^FAILED tests/fuzz/test_fuzz_(\w+)\.py", done.stdout, re.M)
    for name in failed_tests:
        failing[name] = max(failing[name], 1)
    open_crashes = sorted(p.name for p in (REPO / "tests" / "fuzz" / "corpus").rglob("open-*"))
    return [
        (
            f"fuzz: known crashes not fixed yet (corpus open-*: {', '.join(open_crashes) or 'none'})",
            float(len(open_crashes)),
            0.0,
            "n",
        )
    ] + [
        (
            f"fuzz {name}: new crashing inputs in {passing[name]} examples",
            float(failing[name]),
            0.0,
            "n",
        )
        for name in sorted(set(passing) | set(failing))
    ]


def run() -> list[Row]:
    kills = int(os.environ.get("TRAINER_CRASH_KILLS", "100"))
    examples = int(os.environ.get("TRAINER_FUZZ_EXAMPLES", "2000"))
    return crash_rows(kills) + fuzz_rows(examples)


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run(), "bench_reliability")
