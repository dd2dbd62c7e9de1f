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
import sqlite3
import struct
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from trainer.domain.errors import InputError
from trainer.domain.files import loads_json
from trainer.domain.model import DeckOptions
from trainer.domain.options import OptionError, options_from_dict
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
    "AND queue BETWEEN -3 AND 4 AND typeof(id) = 'integer' AND typeof(nid) = 'integer' "
    "AND coalesce(odue, 0) BETWEEN -100000000 AND 253402300799 "
    "AND typeof(coalesce(odid, 0)) = 'integer'"
)
REVLOG_RANGES = (
    "id BETWEEN 0 AND 253402300799999 AND typeof(id) = 'integer' AND typeof(cid) = 'integer' "
    "AND ivl BETWEEN -315360000 AND 3650000 AND time BETWEEN -2147483648 AND 2147483647 "
    "AND typeof(ease) = 'integer' AND typeof(type) = 'integer'"
)
"""Review-log ids are epoch milliseconds; ivl is days, or seconds when negative."""
ANSWERS = "ease BETWEEN 1 AND 4 AND type BETWEEN 0 AND 3 AND NOT (type = 3 AND factor = 0)"
"""Revlog rows that are answers: not manual reschedules (type 4) or resets (5), nor
cramming (type 3 with no ease factor: a filtered deck that does not reschedule), which
Anki's FSRS leaves out of a card's memory and its repetitions, as our cram ratings are."""
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
    odue: int = 0
    """The due date a card in a filtered deck had in its home deck (``due`` is the
    filtered deck's then); 0 when not in a filtered deck."""
    odid: int = 0

    @property
    def home_due(self) -> int:
        """``due`` as the card's own deck has it (Anki's "original due" in a filtered deck)."""
        return self.odue if self.odid and self.odue else self.due


Answer = tuple[int, int, int, int, int, int]
"""A revlog answer: (id = epoch ms, ease 1-4, card id, ivl, time ms, type 0-3).

Time and rating come first, as ``replay_pool.reschedule_many`` reads them."""


class AnkiNote(NamedTuple):
    """One note of the collection; a tuple, made straight from its row (there are many)."""

    id: int
    guid: str
    mid: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Notetype:
    """An Anki note type: its id, name, whether it is a cloze type, its field names."""

    id: int
    name: str
    is_cloze: bool
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
    """Note id -> home deck id of its first card (lowest ord), filtered decks aside."""
    cards: list[AnkiCard]
    """Cards with scheduling to carry over: answered ones, review and learning cards,
    suspended or buried ones, and new cards (for their position in the new queue)."""
    revlog: list[Answer]
    """The answers of the review log, by card id then time (plain tuples: there are many)."""
    media: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Rows left out as damaged (too large, values out of range), one message each."""
    resets: dict[int, int] = field(default_factory=dict)
    """Card id -> time (epoch ms) of its last reset to new ("Forget"), for reset cards."""
    deck_options: dict[str, DeckOptions] = field(default_factory=dict)
    """Deck name -> the deck's Anki preset as our options (when the package has presets)."""
    creation_west: int | None = None
    """Minutes west of UTC where the collection was made (Anki's ``creationOffset``),
    None for a collection that counts days the old way (from ``crt`` on, in 24 hours)."""

    @property
    def day_zero(self) -> int | None:
        """The date (ordinal) of Anki's day 0, when the collection says where it was made.

        Anki counts study days from the calendar date of ``crt`` in the zone it was
        made in, whatever the hour: day ``n`` is the study day starting on that date
        plus ``n`` days, wherever the learner is now and whenever their day starts.
        """
        if self.creation_west is None:
            return None
        return (_EPOCH + timedelta(seconds=self.crt - self.creation_west * 60)).toordinal()


_EPOCH = date(1970, 1, 1)
MAX_WEST = 16 * 60
"""Minutes either side of UTC a zone can be (Anki's ``creationOffset``)."""


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
            mapping = loads_json(raw.decode("utf-8") or "{}")
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
    make = tuple.__new__
    notes = [
        make(AnkiNote, (i, g, m, tuple(t.split()), tuple(f.split("\x1f"))))
        for i, g, m, t, f in db.execute(
            "SELECT CAST(id AS INTEGER), coalesce(CAST(guid AS TEXT), ''), CAST(mid AS INTEGER), "
            "coalesce(CAST(tags AS TEXT), ''), coalesce(CAST(flds AS TEXT), '') FROM notes "
            f"WHERE {size} <= ? ORDER BY id",
            (MAX_NOTE_BYTES,),
        )
    ]
    # SQLite gives a bare column the values of the row min() picked: the first card. A
    # card in a filtered deck is in its home deck (``odid``) as far as its note goes.
    first_deck = {
        nid: did
        for nid, did, _ord in db.execute(
            "SELECT nid, CASE WHEN coalesce(odid, 0) != 0 THEN odid ELSE did END, min(ord) "
            "FROM cards GROUP BY nid"
        )
    }
    has_revlog = "revlog" in tables
    cards = list(
        map(
            AnkiCard._make,
            db.execute(
                "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, "
                "coalesce(CAST(data AS TEXT), ''), coalesce(odue, 0), coalesce(odid, 0) FROM cards "
                f"WHERE {CARD_RANGES} "
                "ORDER BY nid, ord"
            ),
        )
    )
    # Those left out are counted without testing the ranges again: a row is read or is
    # one of them (a test that gives NULL leaves it out too). The same for the log.
    bad = db.execute("SELECT count(*) FROM cards").fetchone()[0] - len(cards)
    if bad:
        problems.append(
            f"{where}: {bad} cards with scheduling values out of range start as new cards"
        )
    revlog: list[Answer] = []
    resets: dict[int, int] = {}
    if has_revlog:
        revlog = db.execute(
            f"SELECT id, ease, cid, ivl, time, type FROM revlog WHERE {ANSWERS} "
            f"AND {REVLOG_RANGES} ORDER BY cid, id"
        ).fetchall()
        bad = db.execute(f"SELECT count(*) FROM revlog WHERE {ANSWERS}").fetchone()[0] - len(revlog)
        if bad:
            problems.append(f"{where}: {bad} review-log rows with values out of range left out")
        resets = dict(
            db.execute(
                f"SELECT cid, max(id) FROM revlog WHERE {RESETS} AND {REVLOG_RANGES} GROUP BY cid"
            ).fetchall()
        )
    coll = Collection(where, member, crt, notetypes, decks, notes, first_deck, cards, revlog)
    coll.resets = resets
    coll.problems = problems
    coll.creation_west = _creation_west(db, tables)
    try:
        if "deck_config" in tables:
            coll.deck_options = _presets_new(db, decks)
        else:
            coll.deck_options = _presets_legacy(str(col[2] or "{}"), _dconf(db))
    except (ValueError, TypeError, AttributeError, KeyError, struct.error):
        coll.deck_options = {}  # presets are a courtesy: a damaged one is not fatal
    return coll


def _creation_west(db: sqlite3.Connection, tables: set[str]) -> int | None:
    """The collection's ``creationOffset``: in the ``config`` table (current Anki) or
    the ``col.conf`` JSON (older ones); None when absent or not a zone's offset."""
    value: Any = None
    try:
        if "config" in tables:
            row = db.execute("SELECT val FROM config WHERE key = 'creationOffset'").fetchone()
            value = (
                loads_json(bytes(row[0]).decode("utf-8"))
                if row is not None and row[0] is not None
                else None
            )
        else:
            row = db.execute("SELECT conf FROM col").fetchone()
            conf = loads_json(str(row[0] or "{}")) if row is not None else {}
            value = conf.get("creationOffset") if isinstance(conf, dict) else None
    except (sqlite3.DatabaseError, ValueError, TypeError, RecursionError):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_WEST:
        return value
    return None


# -- deck presets ------------------------------------------------------------------
# Anki's DeckConfig.Config fields (anki/proto/anki/deck_config.proto).
_LEARN_STEPS, _RELEARN_STEPS, _FSRS_4, _FSRS_5, _FSRS_6 = 1, 2, 3, 5, 6
_NEW_PER_DAY, _REVIEWS_PER_DAY, _MAX_IVL = 9, 10, 16
_LEECH_ACTION, _LEECH_THRESHOLD, _BURY_NEW, _BURY_REVIEWS, _RETENTION = 21, 22, 27, 28, 37
# Deck.Normal fields: the deck's own limits and retention override its preset's.
_CONFIG_ID, _REVIEW_LIMIT, _NEW_LIMIT, _DECK_RETENTION = 1, 6, 7, 10


def _fields(buf: bytes) -> dict[int, list[Any]]:
    """A protobuf message's fields, floats included: varints as ints, fixed32 as floats,
    length-delimited as bytes (packed floats are decoded by the caller)."""
    out: dict[int, list[Any]] = {}
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        value: Any
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 2:
            size, pos = _varint(buf, pos)
            value, pos = buf[pos : pos + size], pos + size
        elif wire == 5:
            (value,) = struct.unpack_from("<f", buf, pos)
            pos += 4
        elif wire == 1:
            (value,) = struct.unpack_from("<d", buf, pos)
            pos += 8
        else:
            raise ValueError(f"unsupported wire type {wire}")
        out.setdefault(number, []).append(value)
    return out


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _floats(values: list[Any]) -> list[float]:
    out: list[float] = []
    for v in values:
        if isinstance(v, bytes):
            out += [x for (x,) in struct.iter_unpack("<f", v)]
        else:
            out.append(float(v))
    return out


def _one(f: dict[int, list[Any]], number: int, default: Any = 0) -> Any:
    return f[number][-1] if number in f else default


def _fsrs(params6: list[float], params5: list[float]) -> list[float]:
    """FSRS-6 parameters; FSRS-5 ones filled as fsrs-rs does (w19 = 0, w20 = 0.5)."""
    if len(params6) == 21:
        return params6
    if len(params5) == 19:
        return [*params5, 0.0, 0.5]
    return []


def _options(raw: dict[str, Any]) -> DeckOptions:
    """Our options from a preset's values; a value ours cannot take keeps our default."""
    opts = DeckOptions()
    for name, value in raw.items():
        try:
            opts = options_from_dict({name: value}, opts)
        except OptionError:
            continue
    return opts


def _steps(minutes: list[float]) -> list[int]:
    return [max(1, round(m * 60)) for m in minutes]


def _presets_new(db: sqlite3.Connection, decks: dict[int, str]) -> dict[str, DeckOptions]:
    configs = {
        int(i): _fields(bytes(blob or b""))
        for i, blob in db.execute("SELECT id, config FROM deck_config")
    }
    out: dict[str, DeckOptions] = {}
    for did, kind in db.execute("SELECT id, kind FROM decks"):
        normal = _fields(bytes(kind or b"")).get(1)
        if not normal or int(did) not in decks:
            continue  # a filtered deck
        deck = _fields(normal[-1])
        conf = configs.get(int(_one(deck, _CONFIG_ID, 1)))
        if conf is None:
            continue
        raw: dict[str, Any] = {
            "learning_steps": _steps(_floats(conf.get(_LEARN_STEPS, []))),
            "relearning_steps": _steps(_floats(conf.get(_RELEARN_STEPS, []))),
            "new_per_day": int(_one(conf, _NEW_PER_DAY)),
            "reviews_per_day": int(_one(conf, _REVIEWS_PER_DAY)),
            "maximum_interval": int(_one(conf, _MAX_IVL)),
            "leech_threshold": int(_one(conf, _LEECH_THRESHOLD)),
            "leech_action": "suspend" if _one(conf, _LEECH_ACTION) == 0 else "tag",
            "bury_siblings": bool(_one(conf, _BURY_NEW) or _one(conf, _BURY_REVIEWS)),
            "desired_retention": round(float(_one(conf, _RETENTION, 0.0)), 4),
            "fsrs_parameters": _fsrs(
                _floats(conf.get(_FSRS_6, [])), _floats(conf.get(_FSRS_5, []))
            ),
        }
        # The deck's own limits and retention (Anki 2.1.55+ / 23.10+) win over the preset's.
        if _NEW_LIMIT in deck:
            raw["new_per_day"] = int(_one(deck, _NEW_LIMIT))
        if _REVIEW_LIMIT in deck:
            raw["reviews_per_day"] = int(_one(deck, _REVIEW_LIMIT))
        if _DECK_RETENTION in deck:
            raw["desired_retention"] = round(float(_one(deck, _DECK_RETENTION)), 4)
        out[decks[int(did)]] = _options(raw)
    return out


def _dconf(db: sqlite3.Connection) -> str:
    try:
        row = db.execute("SELECT dconf FROM col").fetchone()
    except sqlite3.DatabaseError:
        return "{}"
    return str(row[0] or "{}") if row else "{}"


def _presets_legacy(decks_json: str, dconf_json: str) -> dict[str, DeckOptions]:
    decks = loads_json(decks_json)
    confs = loads_json(dconf_json)
    out: dict[str, DeckOptions] = {}
    for d in decks.values():
        if d.get("dyn"):
            continue
        conf = confs.get(str(d.get("conf", 1)))
        if not isinstance(conf, dict):
            continue
        new, rev, lapse = conf.get("new", {}), conf.get("rev", {}), conf.get("lapse", {})
        raw: dict[str, Any] = {
            "learning_steps": _steps([float(x) for x in new.get("delays", [])]),
            "relearning_steps": _steps([float(x) for x in lapse.get("delays", [])]),
            "new_per_day": new.get("perDay"),
            "reviews_per_day": rev.get("perDay"),
            "maximum_interval": rev.get("maxIvl"),
            "leech_threshold": lapse.get("leechFails"),
            "leech_action": "suspend" if lapse.get("leechAction") == 0 else "tag",
            "bury_siblings": bool(new.get("bury") or rev.get("bury")),
            "desired_retention": conf.get("desiredRetention"),
            "fsrs_parameters": _fsrs(
                [float(x) for x in conf.get("fsrsParams6") or []],
                [float(x) for x in conf.get("fsrsParams5") or conf.get("fsrsWeights") or []],
            ),
        }
        out[str(d.get("name", ""))] = _options({k: v for k, v in raw.items() if v is not None})
    return out


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
        models = loads_json(models_json)
        decks = loads_json(decks_json)
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
