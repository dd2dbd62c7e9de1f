"""Shared helpers for the benchmark scripts: timing and the cached synthetic store."""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

Row = tuple[str, float, float, str]
"""(scenario, measured, target, unit); lower is better for every row."""

DATA = Path(__file__).resolve().parent / ".data"


def synthetic_store(fresh_copy: bool = True) -> Path:
    """The 100k-card / 1M-review store, built once and copied per scenario."""
    from bench.synth import build
    from trainer.storage.revision import HEAD_REVISION

    DATA.mkdir(exist_ok=True)
    # One master per schema: an older one would be migrated inside every timed run.
    master = DATA / f"synth-master-{HEAD_REVISION}.sqlite3"
    if not master.exists():
        build(master)
    if not fresh_copy:
        return master
    return copy_store(master, DATA / "synth-work.sqlite3")


def copy_store(master: Path, copy: Path) -> Path:
    """``master`` copied to ``copy`` and on disk before any timing starts: otherwise
    the first fsync of a timed commit waits for 100 MB of the copy's write-back."""
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(master, copy)
    with open(copy, "rb+") as f:
        os.fsync(f.fileno())
    return copy


def timed(fn: Callable[[], object], repeat: int = 20, warmup: int = 2) -> list[float]:
    """Wall-clock milliseconds of each call."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
