"""One answer in the study screen, split into its parts (where the time goes).

Runs the study screen as ``bench_tui`` does (Pilot, headless, the 100k-card
store) and stamps each answer at fixed points:

* key: the rating key handed to the app as a terminal driver does
  (``bench_tui.send_key``), once the answer side is drawn;
* action: the screen's rating action starts;
* commit start / end: ``StudyService.answer`` (one write transaction, fsync);
* show start / end: the screen puts the next card in its widgets;
* painted: the first refresh after that (``TrainerApp.answer_latencies_ms``'s end).

``python -m bench.answer_split [--loaded] [--deck all] [N]`` prints the
median and p95 of each step. With ``--loaded`` a CPU-bound process runs on the
other core (as in ``bench_loaded``); ``--paced`` waits 50 ms more on the answer
side before the key (the look-ahead has finished). Figures are reported, never
asserted.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from bench.common import copy_store, median, p95, synthetic_store

STEPS = (
    ("key", "action"),
    ("action", "commit_start"),
    ("commit_start", "commit_end"),
    ("commit_end", "show_start"),
    ("show_start", "show_end"),
    ("show_end", "painted"),
    ("action", "painted"),
)


class Stamps:
    def __init__(self) -> None:
        self.current: dict[str, float] = {}
        self.done: list[dict[str, float]] = []
        self.lock = threading.Lock()

    def mark(self, name: str) -> None:
        with self.lock:
            self.current.setdefault(name, time.perf_counter())

    def next(self) -> None:
        with self.lock:
            if self.current:
                self.done.append(self.current)
            self.current = {}


def _wrap(owner: type, name: str, before: Callable[[], None], after: Callable[[], None]) -> None:
    inner = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        before()
        try:
            return inner(*args, **kwargs)
        finally:
            after()

    setattr(owner, name, wrapped)


async def _run(deck: str | None, n: int, stamps: Stamps, paced: bool) -> None:
    from bench.bench_tui import WORK, _first_deck, next_card, send_key, study_session
    from trainer.services.study import StudyService
    from trainer.tui.screens.study import Phase, StudyScreen

    work = copy_store(synthetic_store(fresh_copy=False), WORK)
    if deck == "one":
        deck = _first_deck(work)
    _wrap(StudyScreen, "action_rate", lambda: stamps.mark("action"), lambda: None)
    _wrap(
        StudyService,
        "answer",
        lambda: stamps.mark("commit_start"),
        lambda: stamps.mark("commit_end"),
    )
    _wrap(
        StudyScreen,
        "show",
        lambda: stamps.mark("show_start") if "commit_end" in stamps.current else None,
        lambda: stamps.mark("show_end") if "commit_end" in stamps.current else None,
    )
    drawn = "_drawn" if hasattr(StudyScreen, "_drawn") else "_painted"  # older screens
    _wrap(StudyScreen, drawn, lambda: stamps.mark("painted"), lambda: None)

    async with study_session(work, deck) as (app, pilot, screen):
        for _ in range(n):
            if screen.phase is Phase.DONE:
                break
            stamps.next()
            screen.action_space()
            await pilot.pause()
            if paced:
                await asyncio.sleep(0.05)
            stamps.mark("guess" if getattr(screen, "_next", None) is not None else "noguess")
            stamps.mark("key")
            send_key(app, "3")
            await next_card(app, screen, len(app.answer_latencies_ms))
            await pilot.pause()
        stamps.next()


def report(stamps: Stamps) -> list[tuple[str, float, float]]:
    out = []
    for a, b in STEPS:
        values = [(s[b] - s[a]) * 1000 for s in stamps.done if a in s and b in s and s[b] >= s[a]]
        if values:
            out.append((f"{a} -> {b}", median(values), p95(values)))
    return out


def main(argv: list[str]) -> int:
    from bench.bench_loaded import cpu_hog

    loaded = "--loaded" in argv
    deck: str | None = "one"
    if "--deck" in argv:
        deck = None if argv[argv.index("--deck") + 1] == "all" else "one"
    numbers = [a for a in argv if a.isdigit()]
    n = int(numbers[0]) if numbers else 100
    stamps = Stamps()
    paced = "--paced" in argv
    if loaded:
        with cpu_hog():
            asyncio.run(_run(deck, n, stamps, paced))
    else:
        asyncio.run(_run(deck, n, stamps, paced))
    guessed = sum("guess" in s for s in stamps.done)
    print(
        f"{len(stamps.done)} answers, deck={deck or 'all'}, loaded={loaded}, paced={paced}, "
        f"next card read ahead before the key: {guessed}"
    )
    for name, med, high in report(stamps):
        print(f"  {name:<28} median {med:7.2f} ms   p95 {high:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
