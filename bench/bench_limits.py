"""Peak memory at the input limits: the largest article and package accepted, and
hostile packages refused (issue 17: a 3 KB package once took 2.1 GB of RAM).

Each figure is one fresh interpreter's own peak resident memory (VmHWM), doing
only that one thing, so the figures say what an input costs, not what ran before.
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

from bench.common import Row

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"

_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    def peak_kb():
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    what, path, db = sys.argv[1:4]
    outcome = "ok"
    try:
        if what == "article":
            from trainer.generation import generate
            from trainer.generation.read.reader import read_article

            art = read_article(path)
            generate(art, art.source)
        else:
            from trainer.services.exchange import import_file
            from trainer.storage.store import Store

            store = Store.open(db)
            try:
                import_file(store, Path(path))
            finally:
                store.close()
    except Exception as exc:  # a refusal is the expected outcome for the bombs
        outcome = type(exc).__name__ + ": " + str(exc)[:80]
    print("PEAK", peak_kb(), outcome, flush=True)
    """
)


def _peak_mb(what: str, path: Path, folder: Path) -> tuple[float, str]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, what, str(path), str(folder / f"{path.stem}.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("PEAK "):
            _, kb, outcome = line.split(" ", 2)
            return int(kb) / 1024, outcome
    raise RuntimeError(f"{what} {path.name}: no figure ({proc.stderr.strip()[-300:]})")


def _largest_article(folder: Path) -> Path:
    """Real articles repeated up to just under the 2 MB limit of ``trainer make``."""
    from trainer.generation.read.reader import MAX_BYTES, decode

    texts = [decode(p.read_bytes()) for p in sorted(ARTICLES.glob("*.txt"))]
    texts = [t for t in texts if t.strip()]
    out: list[str] = []
    size = 0
    i = 0
    while True:
        piece = texts[i % len(texts)] + "\n\n"
        if size + len(piece.encode("utf-8")) > MAX_BYTES:
            break
        out.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    path = folder / "largest-article.txt"
    path.write_text("".join(out), encoding="utf-8")
    return path


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _collection(package: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return zf.read("collection.anki2")


def _largest_package(folder: Path) -> Path:
    """Notes just under the per-note cap, in a collection as big as that makes (zstd)."""
    import random

    import zstandard

    from trainer.domain.model import Note, NoteKind
    from trainer.formats.apkg_read import MAX_NOTE_BYTES
    from trainer.formats.apkg_write import package_bytes

    rng = random.Random(17)  # varied text: real notes do not compress like a bomb
    chars = (MAX_NOTE_BYTES - 4096) // 3 // 2  # prompt and answer, 3 bytes a character
    field = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(chars))
    notes = [Note(f"big{i}", NoteKind.QA, prompt=f"{i}{field}", answer=field) for i in range(16)]
    data = _collection(package_bytes("大笔记", notes))
    path = folder / "largest-package.apkg"
    path.write_bytes(
        _zip({"collection.anki21b": zstandard.ZstdCompressor().compress(data), "media": b"{}"})
    )
    return path


def _sqlite_bomb(folder: Path) -> Path:
    """The issue's package: notes.flds a generated column of 300 million characters."""
    from trainer.domain.model import Note, NoteKind
    from trainer.formats.apkg_write import package_bytes

    db = sqlite3.connect(":memory:")
    db.deserialize(_collection(package_bytes("炸弹", [Note("b", NoteKind.QA, "问", "答")])))
    cols = "id, guid, mid, mod, usn, tags, sfld, csum, flags, data"
    db.executescript(
        f"""
        ALTER TABLE notes RENAME TO old_notes;
        CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer,
            usn integer, tags text,
            flds text GENERATED ALWAYS AS (printf('%.*c', 300000000, 'x')) VIRTUAL,
            sfld integer, csum integer, flags integer, data text);
        INSERT INTO notes ({cols}) SELECT {cols} FROM old_notes;
        DROP TABLE old_notes;
        VACUUM;
        """
    )
    path = folder / "sqlite-bomb.apkg"
    path.write_bytes(_zip({"collection.anki2": db.serialize(), "media": b"{}"}))
    return path


def _zstd_bomb(folder: Path) -> Path:
    """A few KB of zstd that expands to 2 GiB of zeros."""
    import zstandard

    out = io.BytesIO()
    with zstandard.ZstdCompressor(level=19).stream_writer(out, closefd=False) as writer:
        zeros = bytes(64 * 2**20)
        for _ in range(32):
            writer.write(zeros)
    path = folder / "zstd-bomb.apkg"
    path.write_bytes(_zip({"collection.anki21b": out.getvalue()}))
    return path


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="trainer-bench-limits-") as tmp:
        folder = Path(tmp)
        cases = [
            (
                "make: largest accepted article (2 MB), peak memory",
                "article",
                _largest_article(folder),
                1500.0,
            ),
            (
                "import: package of 16 notes at the 4 MiB note cap, peak memory",
                "package",
                _largest_package(folder),
                1500.0,
            ),
            (
                "import: SQLite bomb (300M-char generated column) refused, peak memory",
                "package",
                _sqlite_bomb(folder),
                250.0,
            ),
            (
                "import: zstd bomb (2 GiB of zeros) refused, peak memory",
                "package",
                _zstd_bomb(folder),
                250.0,
            ),
        ]
        for name, what, path, target in cases:
            mb, outcome = _peak_mb(what, path, folder)
            print(f"  {path.name} ({path.stat().st_size:,} bytes): {outcome}", file=sys.stderr)
            rows.append((name, round(mb, 1), target, "MB"))
    return rows


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=1))
