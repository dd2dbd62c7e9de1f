"""Stats, optimiser and exam-plan scenarios (issue 5) on the 100k-card / 1M-review store.

Run as ``python -m bench.bench_stats``. Figures are reported, never asserted.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import Row, copy_store, median, synthetic_store, timed
from bench.synth import NOW


def _quality() -> list[Row]:
    """Held-out log loss of the fit vs the true parameters of a simulated user."""
    import fsrs_rs_python as rs

    from trainer.scheduling import optimizer

    true = list(optimizer.DEFAULT_PARAMETERS)
    true[0:4] = [0.6, 2.4, 5.0, 15.0]
    true[8], true[10], true[20] = 1.3, 1.1, 0.3
    model = rs.FSRS(true)
    factor = 0.9 ** (-1 / true[20]) - 1
    names = ["again", "hard", "good", "easy"]

    def users(n: int, seed: int) -> list[tuple[int, list[tuple[int, int, int]]]]:
        rng = random.Random(seed)
        out = []
        for cid in range(n):
            day = rng.randrange(60)
            rating = rng.choices([1, 2, 3, 4], [0.2, 0.1, 0.55, 0.15])[0]
            mem = getattr(model.next_states(None, 0.9, 0), names[rating - 1]).memory
            hist = [(day, rating, 0)]
            for _ in range(8):
                ivl = max(1, round(mem.stability * rng.uniform(0.6, 1.6)))
                day += ivl
                r = (1 + factor * ivl / mem.stability) ** -true[20]
                rating = 1 if rng.random() > r else rng.choices([2, 3, 4], [0.1, 0.8, 0.1])[0]
                mem = getattr(model.next_states(mem, 0.9, ivl), names[rating - 1]).memory
                hist.append((day, rating, 2))
            out.append((cid + seed * 10**6, hist))
        return out

    train, ids = optimizer.build_items(users(3000, 1))
    test, _ = optimizer.build_items(users(1500, 2))
    fit = optimizer.fit(train, ids)
    ll_fit, rmse_fit = optimizer.evaluate(fit.parameters, test)
    ll_true, rmse_true = optimizer.evaluate(true, test)
    ll_def, rmse_def = optimizer.evaluate(optimizer.DEFAULT_PARAMETERS, test)
    print(
        f"quality: held-out log loss fit {ll_fit:.4f} / true {ll_true:.4f} / default {ll_def:.4f}; "
        f"RMSE(bins) fit {rmse_fit:.4f} / true {rmse_true:.4f} / default {rmse_def:.4f}",
        file=sys.stderr,
    )
    return [
        ("optimiser: held-out log loss minus true parameters'", ll_fit - ll_true, 0.005, "nats"),
        (
            "optimiser: held-out log loss minus defaults' (negative = better)",
            ll_fit - ll_def,
            0,
            "nats",
        ),
    ]


def run() -> list[Row]:
    from trainer.services.planning import PlanningService
    from trainer.services.stats import StatsService
    from trainer.storage.store import Store

    rows: list[Row] = []
    master = synthetic_store(fresh_copy=False)
    tmp = tempfile.mkdtemp(prefix="bench-stats-")
    path = Path(tmp) / "stats.sqlite3"
    copy_store(master, path)  # a private copy: other benches reuse the shared work copy
    store = Store.open(str(path))
    try:
        t = time.perf_counter()
        StatsService(store).refresh_rollup()
        rows.append(
            (
                "roll-up rebuild from 1M reviews (once per bulk load)",
                time.perf_counter() - t,
                30,
                "s",
            )
        )

        def first_open() -> object:
            return StatsService(store).report(None, "1m", NOW, sections=False)

        def whole() -> object:
            return StatsService(store).report(None, "1m", NOW)

        def both_steps() -> object:
            service = StatsService(store)
            service.report(None, "1m", NOW, sections=False)
            return service.report(None, "1m", NOW)

        rows.append(
            (
                "stats first view (all decks, 1m; the screen's first paint)",
                median(timed(lambda: StatsService(store).first_view(None, "1m", NOW), repeat=5)),
                150,
                "ms",
            )
        )
        rows.append(
            (
                "stats first open (all decks, 1m; the report the screen shows, before its "
                "sections table)",
                median(timed(first_open, repeat=5)),
                150,
                "ms",
            )
        )
        rows.append(
            (
                "stats whole report (all decks, 1m; sections table included, one call)",
                median(timed(whole, repeat=5)),
                150,
                "ms",
            )
        )
        rows.append(
            (
                "stats first open then its sections table (all decks, 1m; the screen's two steps)",
                median(timed(both_steps, repeat=5)),
                200,
                "ms",
            )
        )
        rows.append(
            (
                "stats first open (all decks, all time; before its sections table)",
                median(
                    timed(
                        lambda: StatsService(store).report(None, "all", NOW, sections=False),
                        repeat=3,
                    )
                ),
                150,
                "ms",
            )
        )
        rows.append(
            (
                "stats whole report (all decks, all time; sections table included, one call)",
                median(timed(lambda: StatsService(store).report(None, "all", NOW), repeat=3)),
                150,
                "ms",
            )
        )
        svc = StatsService(store)
        svc.report(None, "1m", NOW)
        rows.append(
            ("stats reopen (cached)", median(timed(lambda: svc.report(None, "1m", NOW))), 10, "ms")
        )

        env = dict(os.environ, TRAINER_DB=str(path))
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "trainer", "stats", "--json"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        rows.append(("`trainer stats --json` process", time.perf_counter() - t, 1.5, "s"))

        plan = PlanningService(store)
        t = time.perf_counter()
        result = plan.optimize(None, save=False)
        rows.append(
            (
                "optimise all reviews (read + items + fit + evaluate)",
                time.perf_counter() - t,
                5,
                "s",
            )
        )
        print(f"optimise: {result.to_dict() | {'parameters': '...'}}", file=sys.stderr)
        if result.evaluated < result.items:  # untimed: the sample against the whole history
            from trainer.scheduling import optimizer

            with store.read() as conn:
                items, _ = optimizer.items_from_rows(plan.review_rows(conn, None))
            ll0, r0 = optimizer.evaluate(optimizer.DEFAULT_PARAMETERS, items)
            ll1, r1 = optimizer.evaluate(result.parameters, items)
            print(
                f"optimise on all {len(items)} items: before log loss {ll0:.4f} RMSE {r0:.4f}, "
                f"after log loss {ll1:.4f} RMSE {r1:.4f}",
                file=sys.stderr,
            )

        plan.set_exam(date(2027, 1, 15), 0.9)
        t = time.perf_counter()
        summary = plan.readiness_summary(None, NOW)
        p = plan.plan(None, NOW)
        rows.append(("exam readiness + daily plan (100k cards)", time.perf_counter() - t, 5, "s"))
        if summary and p:
            print(
                f"exam: R now-projection {summary['projected_mean_r']}, plan R {p.projected_mean_r:.3f}, "
                f"new/day {p.new_per_day}",
                file=sys.stderr,
            )
        plan.clear_exam()
    finally:
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    rows += _quality()
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run(), "stats")
