"""Browser search scenarios (issue 13) on the 100k-card / 1M-review store.

Run as ``python -m bench.bench_browse``. What the browser does for one query:
its first page of rows, then (a full page) the count of all matches.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Row, copy_store, median, synthetic_store, timed
from bench.synth import NOW

SCENARIOS = [
    ("deck + tag + state", "deck:合成::07 tag:评论2 is:review", 50),
    ("parent deck* + tag + state", "deck:合成* tag:评论2 is:due", 50),
    ("text in every field, all decks", "第 3 个要点", 150),
    ("rare text, all decks (no early stop)", "问题 4217", 150),
    ("rated:7:1 (review log)", "rated:7:1", 150),
]


def run() -> list[Row]:
    from trainer.services.browse import PAGE, BrowseService
    from trainer.storage.store import Store

    master = synthetic_store(fresh_copy=False)
    path = Path(tempfile.mkdtemp(prefix="bench-browse-")) / "browse.sqlite3"
    copy_store(master, path)
    store = Store.open(str(path))
    rows: list[Row] = []
    try:
        browse = BrowseService(store)
        for name, query, target in SCENARIOS:
            found = browse.search(query, NOW, limit=PAGE)
            total = browse.count(query, NOW)
            print(f"{name}: {query!r} → {total} cards, first page {len(found)}")

            def first_page(query: str = query) -> object:
                return browse.search(query, NOW, limit=PAGE)

            def page_and_count(query: str = query) -> object:
                return browse.search(query, NOW, limit=PAGE), browse.count(query, NOW)

            rows.append(
                (f"browser first page: {name}", median(timed(first_page, repeat=15)), target, "ms")
            )
            rows.append(
                (
                    f"browser first page + count: {name}",
                    median(timed(page_and_count, repeat=9)),
                    target * 2,
                    "ms",
                )
            )
    finally:
        store.close()
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run(), "bench_browse")
