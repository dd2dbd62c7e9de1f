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
ANSWERS = "ease BETWEEN 1 AND 4 AND type <= 3"
"""Revlog rows that are answers: not manual reschedules (type 4) or resets (5)."""
RESETS = "type IN (4, 5) AND ease = 0 AND factor = 0"
"""Revlog rows of a "Forget" (reset to new): a manual row with no ease, unlike "set
due date", which keeps the card's ease factor (2500 on a new card)."""


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
    resets: dict[int, int] = field(default_factory=dict)
    """Card id -> time (epoch ms) of its last reset to new ("Forget"), for reset cards."""


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
        except (ValueError, UnicodeDecodeError):
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
    import zstandard

    cap = zf.limits.max_member
    written = 0
    try:
        with zf._open(member) as raw, zstandard.ZstdDecompressor().stream_reader(raw) as reader:
            while chunk := reader.read(1 << 20):
                written += len(chunk)
                if written > cap:
                    raise InputError(
                        zf.where, f"{member} expands to more than {cap >> 20} MiB (zip bomb?)"
                    )
                out.write(chunk)
    except zstandard.ZstdError as exc:
        raise InputError(zf.where, f"{member} is not valid zstd data ({exc})") from None
    except (OSError, EOFError, ValueError) as exc:
        raise InputError(zf.where, f"{member} is damaged ({exc})") from None


def _read_collection(where: str, member: str, db_path: Path) -> Collection:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            return _read_db(where, member, db)
    except sqlite3.DatabaseError as exc:
        raise InputError(where, f"{member} is not a readable Anki collection ({exc})") from None


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
    crt = int(col[0] or 0)
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
    notes = [
        AnkiNote(i, g, m, tuple(t.split()), tuple(f.split("\x1f")))
        for i, g, m, t, f in db.execute(
            "SELECT CAST(id AS INTEGER), coalesce(CAST(guid AS TEXT), ''), CAST(mid AS INTEGER), "
            "coalesce(CAST(tags AS TEXT), ''), coalesce(CAST(flds AS TEXT), '') FROM notes ORDER BY id"
        )
    ]
    # SQLite gives a bare column the values of the row min() picked: the first card.
    first_deck = {
        nid: did
        for nid, did, _ord in db.execute("SELECT nid, did, min(ord) FROM cards GROUP BY nid")
    }
    has_revlog = "revlog" in tables
    answered = f"OR id IN (SELECT cid FROM revlog WHERE {ANSWERS})" if has_revlog else ""
    cards = list(
        map(
            AnkiCard._make,
            db.execute(
                "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, "
                f"coalesce(data, '') FROM cards WHERE type = 2 {answered} ORDER BY nid, ord"
            ),
        )
    )
    revlog: list[Answer] = []
    resets: dict[int, int] = {}
    if has_revlog:
        revlog = db.execute(
            f"SELECT id, ease, cid, ivl, time, type FROM revlog WHERE {ANSWERS} ORDER BY cid, id"
        ).fetchall()
        resets = dict(
            db.execute(f"SELECT cid, max(id) FROM revlog WHERE {RESETS} GROUP BY cid").fetchall()
        )
    coll = Collection(where, member, crt, notetypes, decks, notes, first_deck, cards, revlog)
    coll.resets = resets
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
    except (ValueError, AttributeError, TypeError):
        raise InputError(where, f"{member} has damaged note types or decks (col JSON)") from None
    return notetypes, deck_names


def read_notes(path: Path) -> tuple[Collection, list[MappedNote], list[str]]:
    coll = read_package(path)
    mapped, errors = map_notes(coll)
    return coll, mapped, errors
