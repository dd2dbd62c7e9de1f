"""The trainer side by side with its peers, whole processes, in one run.

Each figure times two commands in turn (A B A B …) and reports the median of
the pairwise ratios A/B, so a machine that slows down or speeds up during the
run (other work beside it) shifts both sides of a pair alike:

* first screen: ``trainer`` until the deck row with its counts is painted, against
  a bare Textual app painting a one-row table;
* import: a 10k-note ``.apkg`` into a new store, against Anki's
  ``import_anki_package`` into a new collection;
* answers: ``trainer drill`` answering 300 cards, against Anki's ``getCard`` +
  ``answerCard`` ×300;
* ``trainer decks`` against ``trainer due`` on the same store (same counts).

Anki is the ``anki`` package of the test dependencies. ``python -m
bench.bench_vs_anki`` prints the table with the medians in milliseconds.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Row

ROOT = Path(__file__).resolve().parents[1]
PAIRS = 7
"""Pairs timed per figure after one warm-up pair; the median ratio is reported."""
NOTES = 10_000
ANSWERS = 300
NOW = "2026-03-02T09:00:00+00:00"
"""The clock of the drill on both sides (Anki runs on the wall clock; its cards are all new)."""

Command = tuple[list[str], dict[str, str] | None, str | None]
"""argv, extra environment, a file fed to standard input."""
PAINTED = "PAINTED"
"""A first-screen child prints this once the table is painted: the clock stops there."""


# -- children: the peers, and the trainer's first screen, each a whole process -----------
def _child_first_screen(db: str) -> None:
    """``trainer --db DB`` itself (its real entry point), headless, printing ``PAINTED``
    once the deck counts are painted and then quitting."""
    from trainer.entry import main
    from trainer.tui.app import TrainerApp

    run = TrainerApp.run

    def headless(app: TrainerApp, *args: object, **kwargs: object) -> None:
        async def painted(pilot: object) -> None:
            from trainer.tui.screens.decks import DecksScreen

            screen = app.screen
            assert isinstance(screen, DecksScreen), screen
            while not screen.loads:
                await asyncio.sleep(0.001)
            await screen.wait_for_refresh()
            print(PAINTED, flush=True)
            app.exit()

        run(app, headless=True, size=(100, 30), auto_pilot=painted)  # type: ignore[arg-type]

    TrainerApp.run = headless  # type: ignore[assignment,method-assign]
    sys.argv = ["trainer", "--db", db]
    main()


def _child_bare_table() -> None:
    """The least a Textual app showing one table row can do."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table: DataTable[str] = self.query_one(DataTable)
            table.add_columns("Deck", "New", "Learn", "Due")
            table.add_row("Bench", "20", "0", "0")

    app = Bare()

    async def painted(pilot: object) -> None:
        await app.screen.wait_for_refresh()
        print(PAINTED, flush=True)
        app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=painted)  # type: ignore[arg-type]


def _child_anki_import(collection: str, package: str) -> None:
    from anki.collection import Collection, ImportAnkiPackageRequest

    col = Collection(collection)
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=package))
    finally:
        col.close()


def _child_anki_answers(collection: str, n: str) -> None:
    from anki.collection import Collection

    col = Collection(collection)
    try:
        for _ in range(int(n)):
            card = col.sched.getCard()
            assert card is not None
            col.sched.answerCard(card, 3)
    finally:
        col.close()


CHILDREN: dict[str, Callable[..., None]] = {
    "first-screen": _child_first_screen,
    "bare-table": _child_bare_table,
    "anki-import": _child_anki_import,
    "anki-answers": _child_anki_answers,
}


# -- timing -----------------------------------------------------------------------------
def _child(name: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "bench.bench_vs_anki", "--child", name, *args]


def _trainer(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("trainer")), *args]


def _once(cmd: Command, prepare: Callable[[], None] | None) -> float:
    """Milliseconds from start to exit, or to the line ``PAINTED`` if the child prints it."""
    argv, extra, stdin = cmd
    if prepare is not None:
        prepare()
    env = dict(os.environ, TEXTUAL_ANIMATIONS="none", **(extra or {}))
    with open(stdin or os.devnull, "rb") as feed:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdin=feed, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert proc.stdout is not None
        took = None
        for line in proc.stdout:
            if line.strip() == PAINTED.encode():
                took = (time.perf_counter() - start) * 1000
        proc.wait()
        if took is None:
            took = (time.perf_counter() - start) * 1000
        assert proc.stderr is not None
        err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {err[-2000:]}")
    return took


def pair(
    a: Command,
    b: Command,
    prepare_a: Callable[[], None] | None = None,
    prepare_b: Callable[[], None] | None = None,
    pairs: int = PAIRS,
) -> tuple[float, float, float]:
    """Median ms of A, of B, and the median of the pairwise ratios A/B."""
    _once(a, prepare_a)
    _once(b, prepare_b)
    ta, tb, ratios = [], [], []
    for _ in range(pairs):
        x = _once(a, prepare_a)
        y = _once(b, prepare_b)
        ta.append(x)
        tb.append(y)
        ratios.append(x / y)
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios)


# -- fixtures (not timed) ---------------------------------------------------------------
def _package(folder: Path) -> Path:
    from bench.bench_anki import _notes
    from trainer.formats.apkg_write import package_bytes

    pkg = folder / "bench.apkg"
    pkg.write_bytes(package_bytes("Bench", _notes(NOTES)))  # type: ignore[arg-type]
    return pkg


def _trainer_store(folder: Path, pkg: Path) -> Path:
    """The package imported, its deck allowed ``ANSWERS`` new cards a day."""
    db = folder / "study.sqlite3"
    subprocess.run(
        _trainer("--db", str(db), "import", str(pkg)), cwd=ROOT, check=True, capture_output=True
    )
    con = sqlite3.connect(db)
    try:
        for deck_id, options in con.execute("SELECT id, options FROM decks").fetchall():
            opts = json.loads(options or "{}")
            opts["new_per_day"] = ANSWERS + 100
            con.execute("UPDATE decks SET options=? WHERE id=?", (json.dumps(opts), deck_id))
        con.commit()
    finally:
        con.close()
    return db


def _anki_collection(folder: Path, pkg: Path) -> Path:
    from anki.collection import Collection, ImportAnkiPackageRequest

    path = folder / "study.anki2"
    col = Collection(str(path))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(pkg)))
        for deck in col.decks.all_names_and_ids():
            conf = col.decks.config_dict_for_deck_id(deck.id)
            conf["new"]["perDay"] = ANSWERS + 100
            col.decks.update_config(conf)
            if deck.name == "Bench":
                col.decks.select(deck.id)
    finally:
        col.close()
    return path


def _copier(master: Path, copy: Path) -> Callable[[], None]:
    def prepare() -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(master, copy)

    return prepare


def _remover(*paths: Path) -> Callable[[], None]:
    def prepare() -> None:
        for path in paths:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            media = path.with_suffix(".media")
            if media.is_dir():
                shutil.rmtree(media)
        for backups in {p.parent / "backups" for p in paths}:
            if backups.is_dir():
                shutil.rmtree(backups)

    return prepare


Figure = tuple[str, float, float, float, float]
"""(scenario, trainer ms, peer ms, ratio, target ratio)."""


def _compile_trainer() -> None:
    """Byte-compile the trainer's modules as an installed package has them: Anki's are
    compiled when installed, and with ``PYTHONDONTWRITEBYTECODE`` set (as on a shared
    bench machine) the trainer's would otherwise be compiled from source in every run."""
    import compileall

    compileall.compile_dir(str(ROOT / "trainer"), quiet=1)


def figures() -> list[Figure]:
    out: list[Figure] = []
    _compile_trainer()
    with tempfile.TemporaryDirectory(prefix="bench-vs-anki-") as tmp:
        folder = Path(tmp)
        pkg = _package(folder)
        master = _trainer_store(folder, pkg)
        anki_master = _anki_collection(folder, pkg)
        backups = master.parent / "backups"

        work = folder / "screen" / "store.sqlite3"
        work.parent.mkdir()
        _copier(master, work)()
        a, b, r = pair(
            (_child("first-screen", str(work)), None, None), (_child("bare-table"), None, None)
        )
        out.append(("first screen: deck counts painted / bare Textual table", a, b, r, 1.3))

        new_store = folder / "new" / "store.sqlite3"
        new_col = folder / "newcol" / "collection.anki2"
        new_store.parent.mkdir()
        new_col.parent.mkdir()
        a, b, r = pair(
            (_trainer("--db", str(new_store), "import", str(pkg)), None, None),
            (_child("anki-import", str(new_col), str(pkg)), None, None),
            _remover(new_store),
            _remover(new_col),
        )
        out.append((f"import {NOTES // 1000}k-note .apkg, new store / Anki", a, b, r, 1.2))

        ratings = folder / "ratings.txt"
        ratings.write_text("3\n" * ANSWERS)
        drill_store = folder / "drill" / "store.sqlite3"
        drill_col = folder / "drillcol" / "collection.anki2"
        drill_store.parent.mkdir()
        drill_col.parent.mkdir()
        shutil.rmtree(backups, ignore_errors=True)
        a, b, r = pair(
            (
                _trainer("--db", str(drill_store), "drill"),
                {"TRAINER_NOW": NOW, "TRAINER_NOW_STEP": "5"},
                str(ratings),
            ),
            (_child("anki-answers", str(drill_col), str(ANSWERS)), None, None),
            _copier(master, drill_store),
            _copier(anki_master, drill_col),
        )
        out.append((f"answer {ANSWERS} cards (drill) / Anki getCard+answerCard", a, b, r, 1.5))

        a, b, r = pair(
            (_trainer("--db", str(work), "decks"), None, None),
            (_trainer("--db", str(work), "due"), None, None),
        )
        out.append(("trainer decks / trainer due (same counts)", a, b, r, 1.3))
    return out


def run() -> list[Row]:
    return [(f"{name} (ratio)", ratio, target, "x") for name, _a, _b, ratio, target in figures()]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        CHILDREN[argv[1]](*argv[2:])
        return 0
    rows = figures()
    width = max(len(r[0]) for r in rows)
    print(f"{'whole process, same run':<{width}}  {'trainer':>9}  {'peer':>9}  ratio  target")
    for name, a, b, ratio, target in rows:
        ok = "yes" if ratio <= target else "NO"
        print(f"{name:<{width}}  {a:>7.0f}ms  {b:>7.0f}ms  {ratio:5.2f}  ≤{target:g}  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
