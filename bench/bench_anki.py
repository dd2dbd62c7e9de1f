"""Anki interop scenarios (issue 6): .apkg and TSV import/export at 10k and 100k notes.

Packages are made by our own writer (the same layout genanki gives Anki) and a
review log of 100,000 rows is added to the collection with plain SQL, spread
over the cards like a year of study.
"""

from __future__ import annotations

import io
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.common import Row, synthetic_store

DAY_MS = 86_400_000
START_MS = 1_735_689_600_000  # 2025-01-01
RUNS = 3
"""Imports of the 10k-note package measured; the median is reported."""


def _notes(n: int) -> list[object]:
    from trainer.domain.model import Note, NoteKind, SourceRef

    out: list[object] = []
    for i in range(n):
        src = SourceRef("bench", f"p{i}", f"第{i % 50}节", i, i + 10)
        if i % 2:
            out.append(
                Note(
                    f"b{i:07d}",
                    NoteKind.CLOZE,
                    text=f"第{i}句{{{{c1::答案{i}}}}}与{{{{c2::要点}}}}。",
                    tags=("申论",),
                    source=src,
                )
            )
        else:
            out.append(
                Note(
                    f"b{i:07d}",
                    NoteKind.QA,
                    prompt=f"问题{i}?",
                    answer=f"答案{i}\n第二行",
                    tags=("申论", "对策"),
                    source=src,
                )
            )
    return out


def _with_revlog(package: bytes, reviews: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        data = zf.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(data)
    cids = [r[0] for r in db.execute("select id from cards order by id")]
    rng = random.Random(6)
    per_card: dict[int, int] = {}
    rows = []
    for i in range(reviews):
        cid = cids[i % len(cids)]
        k = per_card.get(cid, 0)
        per_card[cid] = k + 1
        at = START_MS + k * 9 * DAY_MS + (i % len(cids)) * 1000
        ease = rng.choices((1, 2, 3, 4), (10, 15, 65, 10))[0]
        rows.append((at, cid, -1, ease, max(1, k * 9), 0, 2500, 6000, 0 if k == 0 else 1))
    db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)
    db.commit()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("collection.anki2", db.serialize())
        zf.writestr("media", "{}")
    db.close()
    return out.getvalue()


def run() -> list[Row]:
    from trainer.formats.apkg_write import package_bytes
    from trainer.services import anki_exchange
    from trainer.services.decks import apply_notes
    from trainer.storage.store import Store

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-anki-") as tmp:
        folder = Path(tmp)
        notes = _notes(10_000)
        store = Store.open(str(folder / "export.sqlite3"))
        with store.write() as conn:
            apply_notes(conn, "Bench", notes)  # type: ignore[arg-type]

        t = time.perf_counter()
        anki_exchange.export_apkg(store, "Bench", folder / "bench.apkg")
        rows.append(("export .apkg, 10k notes", time.perf_counter() - t, 2, "s"))

        t = time.perf_counter()
        anki_exchange.export_text(store, "Bench", folder / "bench.tsv")
        rows.append(("export .tsv, 10k notes", time.perf_counter() - t, 1, "s"))
        store.close()

        pkg = folder / "revlog.apkg"
        pkg.write_bytes(_with_revlog((folder / "bench.apkg").read_bytes(), 100_000))
        firsts, agains = [], []
        for run in range(RUNS):  # each into a new store; the median is reported
            fresh = Store.open(str(folder / f"import{run}.sqlite3"))
            t = time.perf_counter()
            report = anki_exchange.import_apkg(fresh, pkg)
            firsts.append(time.perf_counter() - t)
            assert report.new == 10_000 and report.reviews == 100_000, report.summary()
            t = time.perf_counter()
            report = anki_exchange.import_apkg(fresh, pkg)
            agains.append(time.perf_counter() - t)
            assert report.unchanged == 10_000 and report.reviews == 0, report.summary()
            fresh.close()
        rows.append(("import .apkg, 10k notes + 100k revlog", statistics.median(firsts), 1, "s"))
        rows.append(("re-import same .apkg (all unchanged)", statistics.median(agains), 1, "s"))

        big_store = Store.open(str(synthetic_store()))  # 100k cards, 1M reviews already
        t = time.perf_counter()
        report = anki_exchange.import_apkg(big_store, pkg)
        rows.append(("  same, into a 100k-card store", time.perf_counter() - t, 1, "s"))
        assert report.new == 10_000 and report.reviews == 100_000, report.summary()
        big_store.close()

        fresh = Store.open(str(folder / "tsv.sqlite3"))
        t = time.perf_counter()
        report = anki_exchange.import_text(fresh, folder / "bench.tsv")
        rows.append(("import .tsv, 10k rows", time.perf_counter() - t, 1, "s"))
        assert report.new == 10_000, report.summary()
        fresh.close()

        big = folder / "big.apkg"
        t = time.perf_counter()
        big.write_bytes(package_bytes("Big", _notes(100_000)))  # type: ignore[arg-type]
        rows.append(("write .apkg, 100k notes (no store)", time.perf_counter() - t, 20, "s"))
        fresh = Store.open(str(folder / "big.sqlite3"))
        t = time.perf_counter()
        report = anki_exchange.import_apkg(fresh, big)
        rows.append(("import .apkg, 100k notes", time.perf_counter() - t, 10, "s"))
        assert report.new == 100_000, report.summary()
        fresh.close()
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run(), "Anki interop")
    sys.exit(0)
