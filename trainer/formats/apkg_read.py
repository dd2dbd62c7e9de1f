"""Reading Anki packages (``.apkg``, ``.colpkg``): notes, cards and review log.

A package is a zip holding a SQLite collection. Current Anki writes
``collection.anki21b`` (zstd-compressed, note types in their own tables) next to
a placeholder ``collection.anki2`` whose one note says "please update Anki";
older versions write ``collection.anki21`` or ``collection.anki2`` with note
types as JSON in ``col.models``. We read ``anki21b`` first, then ``anki21``,
then ``anki2``. Media files are not extracted (references stay as text), but
their names are checked like the zip's own.

Only what an import uses is read: every note, the deck of each note's first
card, the cards that have scheduling to carry over, and the answers of the
review log (``anki_notes`` turns the notes into ours).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from trainer.domain.errors import InputError
from trainer.formats.anki_notes import MappedNote, Notetype, map_notes
from trainer.formats.anki_proto import proto_fields
from trainer.formats.archive import DEFAULT_LIMITS, Limits, SafeZip, check_name

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
READ_TABLES = ("col", "notes", "cards", "revlog", "notetypes", "fields", "decks")
"""The collection's tables an import reads: none may compute its values."""
MAX_VALUE_BYTES = 64 * 1024 * 1024
"""SQLite's length limit on the collection's connection: no string or blob, stored or
computed, may be larger (a generated column cannot build gigabytes in memory)."""
MAX_NOTE_BYTES = 4 * 1024 * 1024
"""A note's fields together; a larger note is left out and reported."""
MAX_EPOCH_S = 253_402_300_799
"""9999-12-31 23:59:59 UTC: times past this are damage, not history."""
CARD_RANGES = (
    "due BETWEEN -100000000 AND 253402300799 AND ivl BETWEEN -2147483648 AND 3650000 "
    "AND factor BETWEEN 0 AND 100000 AND reps BETWEEN 0 AND 10000000 "
    "AND lapses BETWEEN 0 AND 10000000 AND ord BETWEEN 0 AND 10000 AND type BETWEEN 0 AND 3 "
    "AND queue BETWEEN -3 AND 4 AND typeof(id) = 'integer' AND typeof(nid) = 'integer'"
)
REVLOG_RANGES = (
    "id BETWEEN 0 AND 253402300799999 AND typeof(id) = 'integer' AND typeof(cid) = 'integer' "
    "AND ivl BETWEEN -315360000 AND 3650000 AND time BETWEEN -2147483648 AND 2147483647 "
    "AND typeof(ease) = 'integer' AND typeof(type) = 'integer'"
)
"""Review-log ids are epoch milliseconds; ivl is days, or seconds when negative."""
ANSWERS = "ease BETWEEN 1 AND 4 AND type BETWEEN 0 AND 3"
"""Revlog rows that are answers: not manual reschedules (type 4) or resets (5)."""


class AnkiCard(NamedTuple):
    id: int
    nid: int
    did: int
    ord: int
    type: int
    queue: int
    due: int
    ivl: int
    factor: int
    reps: int
    lapses: int
    data: str


Answer = tuple[int, int, int, int, int, int]
"""A revlog answer: (id = epoch ms, ease 1-4, card id, ivl, time ms, type 0-3).

Time and rating come first, as ``fsrs_adapter.reschedule_many`` reads them."""


@dataclass(frozen=True, slots=True)
class AnkiNote:
    id: int
    guid: str
    mid: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]


@dataclass
class Collection:
    """What an import needs of an Anki collection."""

    where: str
    member: str
    crt: int
    notetypes: dict[int, Notetype]
    decks: dict[int, str]
    notes: list[AnkiNote]
    """Every note, by id."""
    first_deck: dict[int, int]
    """Note id -> deck id of its first card (lowest ord)."""
    cards: list[AnkiCard]
    """Only cards with scheduling to carry over: answered ones and review cards."""
    revlog: list[Answer]
    """The answers of the review log, by card id then time (plain tuples: there are many)."""
    media: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Rows left out as damaged (too large, values out of range), one message each."""


# -- the package ---------------------------------------------------------------


def read_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> Collection:
    """Read and check an Anki package; InputError names the file and the problem."""
    where = str(path)
    with SafeZip(Path(path), limits) as zf:
        version = _meta_version(zf)
        media = _media_names(zf, version)
        member = next((m for m in COLLECTIONS if zf.has(m)), None)
        if member is None:
            raise InputError(
                where, "no Anki collection in the package (collection.anki21b/.anki21/.anki2)"
            )
        with tempfile.TemporaryDirectory(prefix="trainer-apkg-") as tmp:
            db_path = Path(tmp) / "collection.sqlite"
            with db_path.open("wb") as out:
                if member.endswith("b"):
                    _unzstd(zf, member, out)
                else:
                    zf.copy_to(member, out)
            coll = _read_collection(where, member, db_path)
    coll.media = media
    return coll


def _meta_version(zf: SafeZip) -> int:
    if not zf.has("meta"):
        return 0
    try:
        for number, value in proto_fields(zf.read("meta")):
            if number == 1 and isinstance(value, int):
                return value
    except ValueError:
        raise InputError(zf.where, "the package's meta file is damaged") from None
    return 0


def _media_names(zf: SafeZip, version: int) -> list[str]:
    if not zf.has("media"):
        return []
    raw = zf.read("media")
    names: list[str] = []
    if version >= 3:
        try:
            data = _zstd_bytes(raw, 64 * 1024 * 1024)
            for number, entry in proto_fields(data):
                if number == 1 and isinstance(entry, bytes):
                    for n, v in proto_fields(entry):
                        if n == 1 and isinstance(v, bytes):
                            names.append(v.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise InputError(zf.where, "the package's media list is damaged") from None
    else:
        try:
            mapping = json.loads(raw.decode("utf-8") or "{}")
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise InputError(zf.where, "the package's media list is not valid JSON") from None
        if not isinstance(mapping, dict):
            raise InputError(zf.where, "the package's media list is not a JSON object")
        for key, value in mapping.items():
            check_name(zf.where, str(key), "media")
            if not isinstance(value, str):
                raise InputError(zf.where, f"media entry {key!r} is not a file name")
            names.append(value)
    for name in names:
        check_name(zf.where, name, "media")
    return names


def _zstd_bytes(raw: bytes, cap: int) -> bytes:
    import zstandard

    try:
        with zstandard.ZstdDecompressor().stream_reader(raw) as reader:
            data = reader.read(cap + 1)
    except zstandard.ZstdError as exc:
        raise ValueError(str(exc)) from None
    if len(data) > cap:
        raise ValueError("too large")
    return bytes(data)


def _unzstd(zf: SafeZip, member: str, out: Any) -> None:
    """Stream the zstd layer out under the zip layer's caps: size, and ratio as it grows."""
    import zstandard

    lim = zf.limits
    cap = lim.max_member
    compressed = max(zf.names[member].file_size, 1)
    written = 0
    try:
        with zf._open(member) as raw, zstandard.ZstdDecompressor().stream_reader(raw) as reader:
            while chunk := reader.read(1 << 20):
                written += len(chunk)
                if written > cap:
                    raise InputError(
                        zf.where, f"{member} expands to more than {cap >> 20} MiB (zip bomb?)"
                    )
                if written > lim.ratio_floor and written > lim.max_ratio * compressed:
                    raise InputError(
                        zf.where,
                        f"{member} is compressed more than {lim.max_ratio:.0f} to 1 "
                        "(looks like a zip bomb)",
                    )
                out.write(chunk)
    except zstandard.ZstdError as exc:
        raise InputError(zf.where, f"{member} is not valid zstd data ({exc})") from None
    except (OSError, EOFError, ValueError) as exc:
        raise InputError(zf.where, f"{member} is damaged ({exc})") from None


def _read_collection(where: str, member: str, db_path: Path) -> Collection:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
            db.execute("PRAGMA trusted_schema = OFF")
            _refuse_computed(where, member, db)
            return _read_db(where, member, db)
    except sqlite3.DataError as exc:
        raise InputError(
            where, f"{member} holds a value larger than {MAX_VALUE_BYTES >> 20} MiB ({exc})"
        ) from None
    except sqlite3.DatabaseError as exc:
        raise InputError(where, f"{member} is not a readable Anki collection ({exc})") from None
    except OverflowError:
        raise InputError(where, f"{member} holds a number out of range") from None


def _refuse_computed(where: str, member: str, db: sqlite3.Connection) -> None:
    """Refuse virtual tables and generated columns in the tables an import reads.

    Their values are computed while reading: ``printf('%.*c', 300000000, 'x')`` in a
    3 KB package would build gigabytes. Anki never writes either.
    """
    for name, sql in db.execute(
        "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table'"
    ):
        if name not in READ_TABLES:
            continue
        if sql.lstrip().upper().startswith("CREATE VIRTUAL"):
            raise InputError(where, f"{member}: table {name!r} is a virtual table (not Anki's)")
        for column in db.execute(f"PRAGMA table_xinfo({name!r})"):
            if column[6] != 0:
                raise InputError(
                    where,
                    f"{member}: column {name}.{column[1]} is computed (a generated column; "
                    "Anki never writes one)",
                )


def _read_db(where: str, member: str, db: sqlite3.Connection) -> Collection:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = {"col", "notes", "cards"} - tables
    if missing:
        raise InputError(
            where,
            f"{member} is an SQLite file but not an Anki collection (no {sorted(missing)[0]} table)",
        )
    col = db.execute("SELECT crt, models, decks FROM col").fetchone()
    if col is None:
        raise InputError(where, f"{member} is not an Anki collection (empty col table)")
    crt = col[0] or 0
    if not isinstance(crt, int) or not 0 <= crt <= MAX_EPOCH_S:
        raise InputError(where, f"{member}: the collection's creation time is out of range")
    problems: list[str] = []
    if "notetypes" in tables:
        notetypes = _notetypes_new(db)
        decks = {
            int(i): str(n).replace("\x1f", "::")
            for i, n in db.execute("SELECT id, name FROM decks")
        }
    else:
        notetypes, decks = _legacy_json(where, member, str(col[1] or "{}"), str(col[2] or "{}"))
    for nt in notetypes.values():
        if not nt.fields:
            raise InputError(where, f"note type {nt.name!r} has no fields")
    size = "length(CAST(flds AS BLOB)) + length(CAST(tags AS BLOB))"
    for guid, nbytes in db.execute(
        f"SELECT coalesce(CAST(guid AS TEXT), ''), {size} FROM notes WHERE {size} > ?",
        (MAX_NOTE_BYTES,),
    ):
        problems.append(
            f"{where}: note {guid[:64]}: {nbytes >> 20} MiB of fields "
            f"(limit {MAX_NOTE_BYTES >> 20} MiB), left out"
        )
    notes = [
        AnkiNote(i, g, m, tuple(t.split()), tuple(f.split("\x1f")))
        for i, g, m, t, f in db.execute(
            "SELECT CAST(id AS INTEGER), coalesce(CAST(guid AS TEXT), ''), CAST(mid AS INTEGER), "
            "coalesce(CAST(tags AS TEXT), ''), coalesce(CAST(flds AS TEXT), '') FROM notes "
            f"WHERE {size} <= ? ORDER BY id",
            (MAX_NOTE_BYTES,),
        )
    ]
    # SQLite gives a bare column the values of the row min() picked: the first card.
    first_deck = {
        nid: did
        for nid, did, _ord in db.execute("SELECT nid, did, min(ord) FROM cards GROUP BY nid")
    }
    has_revlog = "revlog" in tables
    answered = f"OR id IN (SELECT cid FROM revlog WHERE {ANSWERS})" if has_revlog else ""
    scheduled = f"(type = 2 {answered})"
    cards = list(
        map(
            AnkiCard._make,
            db.execute(
                "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, "
                f"coalesce(CAST(data AS TEXT), '') FROM cards WHERE {scheduled} AND {CARD_RANGES} "
                "ORDER BY nid, ord"
            ),
        )
    )
    bad = db.execute(
        f"SELECT count(*) FROM cards WHERE {scheduled} AND NOT coalesce({CARD_RANGES}, 0)"
    ).fetchone()[0]
    if bad:
        problems.append(
            f"{where}: {bad} cards with scheduling values out of range start as new cards"
        )
    revlog: list[Answer] = []
    if has_revlog:
        revlog = db.execute(
            f"SELECT id, ease, cid, ivl, time, type FROM revlog WHERE {ANSWERS} "
            f"AND {REVLOG_RANGES} ORDER BY cid, id"
        ).fetchall()
        bad = db.execute(
            f"SELECT count(*) FROM revlog WHERE {ANSWERS} AND NOT coalesce({REVLOG_RANGES}, 0)"
        ).fetchone()[0]
        if bad:
            problems.append(f"{where}: {bad} review-log rows with values out of range left out")
    coll = Collection(where, member, crt, notetypes, decks, notes, first_deck, cards, revlog)
    coll.problems = problems
    return coll


def _notetypes_new(db: sqlite3.Connection) -> dict[int, Notetype]:
    fields: dict[int, list[str]] = {}
    for ntid, name in db.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(int(ntid), []).append(str(name))
    out: dict[int, Notetype] = {}
    for ntid, name, config in db.execute("SELECT id, name, config FROM notetypes"):
        kind = 0
        with contextlib.suppress(ValueError):
            for number, value in proto_fields(bytes(config or b"")):
                if number == 1 and isinstance(value, int):
                    kind = value
                    break
        out[int(ntid)] = Notetype(int(ntid), str(name), kind == 1, tuple(fields.get(int(ntid), ())))
    return out


def _legacy_json(
    where: str, member: str, models_json: str, decks_json: str
) -> tuple[dict[int, Notetype], dict[int, str]]:
    try:
        models = json.loads(models_json)
        decks = json.loads(decks_json)
        notetypes = {}
        for key, m in models.items():
            flds = sorted(m.get("flds") or [], key=lambda f: f.get("ord", 0))
            notetypes[int(key)] = Notetype(
                int(key),
                str(m.get("name", "")),
                int(m.get("type", 0)) == 1,
                tuple(str(f.get("name", "")) for f in flds),
            )
        deck_names = {int(k): str(d.get("name", "")) for k, d in decks.items()}
    except (ValueError, AttributeError, TypeError, RecursionError, OverflowError):
        raise InputError(where, f"{member} has damaged note types or decks (col JSON)") from None
    return notetypes, deck_names


def read_notes(path: Path) -> tuple[Collection, list[MappedNote], list[str]]:
    coll = read_package(path)
    mapped, errors = map_notes(coll)
    return coll, mapped, errors
