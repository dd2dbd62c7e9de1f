"""A bounded load test: 50 learners answering against one PostgreSQL store at once.

A few seconds by default (``TRAINER_LOAD_SECONDS``); ``bench/bench_pg_load.py``
runs the full minute and reports answers/s and p95 latency. Timings are
reported, never asserted: the assertions are zero lost answers and no errors.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import pg_url
from tests.postgres import loadkit

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LEARNERS = 50
SECONDS = float(os.environ.get("TRAINER_LOAD_SECONDS", "4"))


def test_fifty_learners_lose_no_answer() -> None:
    base = pg_url()
    if not base:
        if os.environ.get("CI"):
            pytest.fail("TRAINER_TEST_PG_URL is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL server (set TRAINER_TEST_PG_URL)")
    url = loadkit.create_database(base)
    try:
        loadkit.prepare(url, LEARNERS, notes=300)
        result = loadkit.run_load(url, LEARNERS, SECONDS, processes=2)
    finally:
        loadkit.drop_database(base, url)
    print(
        f"\n{LEARNERS} learners, {SECONDS:.0f} s: {result.answers} answers, "
        f"{result.per_second:.0f}/s, p95 {result.p95:.1f} ms, median {result.median:.1f} ms"
    )
    assert result.errors == []
    assert result.answers > LEARNERS
    assert result.lost == 0
    assert result.lost_updates == 0
