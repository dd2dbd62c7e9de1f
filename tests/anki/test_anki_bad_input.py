"""Bad packages and text files: one clear line, exit 1, nothing stored, no temp files."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from trainer.domain.errors import InputError
from trainer.domain.model import Note
from trainer.formats.apkg_read import read_package
from trainer.formats.apkg_write import package_bytes
from trainer.formats.archive import Limits
from trainer.services.exchange import import_file
from trainer.storage.models import NOTES, REVIEWS
from trainer.storage.store import Store

REPO = Path(__file__).resolve().parents[2]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _collection_of(package: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return zf.read("collection.anki2")


def _edit_collection(package: bytes, sql: str) -> bytes:
    db = sqlite3.connect(":memory:")
    db.deserialize(_collection_of(package))
    db.execute(sql)
    db.commit()
    data = db.serialize()
    db.close()
    return _zip({"collection.anki2": data, "media": b"{}"})


def _not_anki() -> bytes:
    db = sqlite3.connect(":memory:")
    db.execute("create table foo (x)")
    db.commit()
    data = db.serialize()
    db.close()
    return _zip({"collection.anki2": data})


def _edit_script(package: bytes, script: str) -> bytes:
    db = sqlite3.connect(":memory:")
    db.deserialize(_collection_of(package))
    db.executescript(script)
    data = db.serialize()
    db.close()
    return _zip({"collection.anki2": data, "media": b"{}"})


NOTES_COLUMNS = "id, guid, mid, mod, usn, tags, sfld, csum, flags, data"
SQLITE_BOMB = f"""
DELETE FROM notes WHERE id <> (SELECT min(id) FROM notes);
ALTER TABLE notes RENAME TO old_notes;
CREATE TABLE notes (
    id integer primary key, guid text, mid integer, mod integer, usn integer, tags text,
    flds text GENERATED ALWAYS AS (printf('%.*c', 20000000, 'x')) VIRTUAL,
    sfld integer, csum integer, flags integer, data text
);
INSERT INTO notes ({NOTES_COLUMNS}) SELECT {NOTES_COLUMNS} FROM old_notes;
DROP TABLE old_notes;
"""


def _encrypted(good: bytes) -> bytes:
    """The collection member with the encryption flag set in both of its headers."""
    data = bytearray(_zip({"collection.anki2": _collection_of(good)}))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    return bytes(data)


def _zstd_bomb(good: bytes) -> bytes:
    import zstandard

    # 64 MiB of zeros is a few KB of zstd: the zip layer sees a small, honest member.
    return _zip({"collection.anki21b": zstandard.ZstdCompressor().compress(bytes(64 * 2**20))})


def _with_nul_name(good: bytes) -> bytes:
    raw = _zip({"collection.anki2": _collection_of(good), "aXb": b"x"})
    return raw.replace(b"aXb", b"a\x00b")


Case = Callable[[bytes], bytes]
CASES: dict[str, tuple[str, Case, str]] = {
    "dotdot": (".apkg", lambda g: _zip({"collection.anki2": b"", "../evil": b"x"}), "unsafe"),
    "absolute": (".apkg", lambda g: _zip({"/etc/evil": b"x"}), "unsafe"),
    "folder": (".apkg", lambda g: _zip({"a/b": b"x"}), "unsafe"),
    "drive": (".apkg", lambda g: _zip({"C:\\x": b"x"}), "unsafe"),
    "nul": (".apkg", _with_nul_name, "unsafe"),
    "media-slip": (
        ".apkg",
        lambda g: _zip({"collection.anki2": _collection_of(g), "media": b'{"0": "../../x.sh"}'}),
        "unsafe media name",
    ),
    "bomb": (
        ".apkg",
        lambda g: _zip({"collection.anki2": _collection_of(g), "0": bytes(101 * 2**20)}),
        "limit 100 MiB",
    ),
    "truncated": (".apkg", lambda g: g[: len(g) // 2], "not a zip package"),
    "not-zip": (".apkg", lambda g: b"hello, I am text\n" * 10, "not a zip package"),
    "no-collection": (".apkg", lambda g: _zip({"media": b"{}"}), "no Anki collection"),
    "not-sqlite": (".apkg", lambda g: _zip({"collection.anki2": b"x" * 5000}), "not a readable"),
    "not-anki": (".apkg", lambda g: _not_anki(), "not an Anki collection"),
    "no-fields": (
        ".apkg",
        lambda g: _edit_collection(
            g, "update col set models = json_set(models, '$.1736000000102.flds', json('[]'))"
        ),
        "has no fields",
    ),
    "bad-zstd": (".apkg", lambda g: _zip({"collection.anki21b": b"not zstd" * 100}), "zstd"),
    "zstd-bomb": (".apkg", _zstd_bomb, "zip bomb"),
    "sqlite-bomb": (".apkg", lambda g: _edit_script(g, SQLITE_BOMB), "generated column"),
    "virtual-table": (
        ".apkg",
        lambda g: _edit_script(
            g,
            "ALTER TABLE notes RENAME TO old_notes;"
            f"CREATE VIRTUAL TABLE notes USING fts5({NOTES_COLUMNS}, flds);"
            f"INSERT INTO notes SELECT {NOTES_COLUMNS}, flds FROM old_notes;",
        ),
        "virtual table",
    ),
    "encrypted": (".apkg", _encrypted, "encrypted"),
    "media-deep": (
        ".apkg",
        lambda g: _zip(
            {"collection.anki2": _collection_of(g), "media": b"[" * 100_000 + b"]" * 100_000}
        ),
        "media list",
    ),
    "models-deep": (
        ".apkg",
        lambda g: _edit_collection(g, "update col set models = '" + "[" * 100_000 + "]'"),
        "damaged note types",
    ),
    "crt-range": (
        ".apkg",
        lambda g: _edit_collection(g, "update col set crt = 9223372036854775807"),
        "creation time is out of range",
    ),
    "ragged": (".tsv", lambda g: b"a\tb\nc\td\te\n", "3 columns"),
    "broken-quote": (".csv", lambda g: b'front,back\n"never closed,x\n', "broken quoting"),
    "binary": (".csv", lambda g: b"\x00\x01\x02" * 100, "binary"),
}


def _count(store: Store) -> tuple[int, int]:
    with store.read() as conn:
        notes = conn.execute(select(func.count()).select_from(NOTES)).scalar_one()
        reviews = conn.execute(select(func.count()).select_from(REVIEWS)).scalar_one()
    return notes, reviews


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_clear_error_and_stores_nothing(
    case: str,
    bundled_store: Store,
    bundled: tuple[str, tuple[Note, ...]],
    tmp_path: Path,
    clean_tmp: Path,
) -> None:
    suffix, make, expected = CASES[case]
    good = package_bytes(*bundled)
    path = tmp_path / f"bad-{case}{suffix}"
    path.write_bytes(make(good))
    before = _count(bundled_store)
    with pytest.raises(InputError) as err:
        import_file(bundled_store, path)
    message = str(err.value)
    assert message.startswith(str(path)), message
    assert expected in message, message
    assert "\n" not in message
    assert _count(bundled_store) == before
    assert list(clean_tmp.iterdir()) == []


def test_scheduling_values_out_of_range_are_left_out_and_reported(
    bundled_store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    """Huge revlog ids, due and ivl values: the notes come in, the damaged rows do not."""
    good = package_bytes(*bundled)
    max64 = 2**63 - 1
    script = f"""
        UPDATE cards SET type = 2, queue = 2, ivl = {max64}, due = {max64}
            WHERE id = (SELECT min(id) FROM cards);
        UPDATE cards SET type = 2, queue = 2, ivl = 10, due = 5, factor = 2500, reps = 3
            WHERE id = (SELECT max(id) FROM cards);
        INSERT INTO revlog VALUES
            ({max64}, (SELECT max(id) FROM cards), -1, 3, 10, 0, 2500, 5000, 1),
            (1700000000000, (SELECT max(id) FROM cards), -1, 3, {max64}, 0, 2500, 5000, 1),
            (1700000001000, (SELECT max(id) FROM cards), -1, 3, 10, 0, 2500, 5000, 1);
    """
    path = tmp_path / "range.apkg"
    path.write_bytes(_edit_script(good, script))
    report = import_file(bundled_store, path)
    assert report.new + report.updated + report.unchanged == len(bundled[1])
    assert report.reviews == 1
    assert any(": 2 review-log rows with values out of range" in e for e in report.errors), (
        report.errors
    )
    assert any(": 1 cards with scheduling values out of range" in e for e in report.errors), (
        report.errors
    )


def test_a_note_over_the_size_cap_is_left_out(
    bundled_store: Store, bundled: tuple[str, tuple[Note, ...]], tmp_path: Path
) -> None:
    import trainer.formats.apkg_read as apkg_read

    good = package_bytes(*bundled)
    path = tmp_path / "big-note.apkg"
    path.write_bytes(
        _edit_collection(
            good,
            "update notes set flds = flds || printf('%.*c', 5000, 'x') where id = "
            "(select min(id) from notes)",
        )
    )
    old = apkg_read.MAX_NOTE_BYTES
    apkg_read.MAX_NOTE_BYTES = 4096
    try:
        coll = read_package(path)
    finally:
        apkg_read.MAX_NOTE_BYTES = old
    assert len(coll.notes) == len(bundled[1]) - 1
    assert len(coll.problems) == 1 and "left out" in coll.problems[0]


def test_caps_on_count_and_ratio(bundled: tuple[str, tuple[Note, ...]], tmp_path: Path) -> None:
    good = package_bytes(*bundled)
    path = tmp_path / "many.apkg"
    path.write_bytes(
        _zip({"collection.anki2": _collection_of(good)} | {str(i): b"x" for i in range(20)})
    )
    with pytest.raises(InputError, match="more than 10 files"):
        read_package(path, Limits(max_members=10))
    path.write_bytes(_zip({"collection.anki2": bytes(8 * 2**20)}))
    with pytest.raises(InputError, match="zip bomb"):
        read_package(path, Limits(ratio_floor=2**20))


@pytest.mark.parametrize(
    ("name", "data"),
    [("slip.apkg", _zip({"../evil": b"x"})), ("ragged.csv", b"a,b\nc\n")],
)
def test_cli_exits_1_with_one_line(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "--db", str(tmp_path / "s.db"), "import", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1, done
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"trainer: {path}"), done.stderr
    assert list((tmp_path / "tmp").iterdir()) == []
