"""Reading Anki packages (``.apkg``, ``.colpkg``): notes, cards and review log.

A package is a zip holding a SQLite collection. Current Anki writes
``collection.anki21b`` (zstd-compressed, note types in their own tables) next to
a placeholder ``collection.anki2`` whose one note says "please update Anki";
older versions write ``collection.anki21`` or ``collection.anki2`` with note
types as JSON in ``col.models``. We read ``anki21b`` first, then ``anki21``,
then ``anki2``. Media files are not extracted (references stay as text), but
their names are checked like the zip's own.

Anki notes become our notes by their note type: our own note types (a last
``Trainer`` field) come back exactly; Cloze-kind note types become cloze notes;
any other note type (Basic, reversed, type-in, custom) becomes a Q&A note, its
front and back found by field name (Front/Back, Question/Answer, 正面/背面...) or
else position, and any other non-empty fields kept in ``extra``.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from trainer.domain import cloze
from trainer.domain.errors import InputError
from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.formats.apkg_write import BASIC_FIELDS, CLOZE_FIELDS, META_FIELD
from trainer.formats.archive import DEFAULT_LIMITS, Limits, SafeZip, check_name
from trainer.formats.html_text import tidy, to_text

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
FRONT_NAMES = {"front", "question", "q", "正面", "问题", "题目", "问"}
BACK_NAMES = {"back", "answer", "a", "背面", "答案", "答"}


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


class AnkiReview(NamedTuple):
    id: int
    """Epoch milliseconds of the answer."""
    cid: int
    ease: int
    ivl: int
    factor: int
    time: int
    type: int


@dataclass(frozen=True, slots=True)
class Notetype:
    id: int
    name: str
    is_cloze: bool
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnkiNote:
    id: int
    guid: str
    mid: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]


@dataclass
class Collection:
    """What we need of an Anki collection."""

    where: str
    member: str
    crt: int
    notetypes: dict[int, Notetype]
    decks: dict[int, str]
    notes: list[AnkiNote]
    cards: list[AnkiCard]
    revlog: list[AnkiReview]
    media: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MappedNote:
    """An Anki note as one of ours, with the deck its first card is in."""

    deck: str
    note: Note
    anki_id: int
    cloze: bool
    """Anki card ord n is our ord n+1 for cloze notes, 0 for the first card otherwise."""


# -- protobuf, just enough for meta, media and note type configs ---------------


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def proto_fields(buf: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) pairs of a protobuf message: ints or raw bytes."""
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
            yield number, value
        elif wire == 2:
            size, pos = _varint(buf, pos)
            if pos + size > len(buf):
                raise ValueError("truncated field")
            yield number, buf[pos : pos + size]
            pos += size
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        else:
            raise ValueError(f"unsupported wire type {wire}")


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
        AnkiNote(int(i), str(g), int(m), tuple(str(t).split()), tuple(str(f).split("\x1f")))
        for i, g, m, t, f in db.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
    ]
    cards = list(
        map(
            AnkiCard._make,
            db.execute(
                "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, "
                "coalesce(data, '') FROM cards ORDER BY nid, ord"
            ),
        )
    )
    revlog: list[AnkiReview] = []
    if "revlog" in tables:
        revlog = list(
            map(
                AnkiReview._make,
                db.execute(
                    "SELECT id, cid, ease, ivl, factor, time, type FROM revlog ORDER BY cid, id"
                ),
            )
        )
    return Collection(where, member, crt, notetypes, decks, notes, cards, revlog)


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


# -- Anki notes as ours ----------------------------------------------------------


def map_notes(coll: Collection) -> tuple[list[MappedNote], list[str]]:
    """Our notes for the collection's notes, and a message per note skipped."""
    first_deck: dict[int, int] = {}
    for card in coll.cards:
        first_deck.setdefault(card.nid, card.did)
    mapped: list[MappedNote] = []
    errors: list[str] = []
    for an in coll.notes:
        nt = coll.notetypes.get(an.mid)
        if nt is None:
            errors.append(f"{coll.where}: note {an.guid}: unknown note type {an.mid}")
            continue
        try:
            note = note_from_fields(an.guid, nt, an.fields, an.tags)
        except ValueError as exc:
            errors.append(f"{coll.where}: note {an.guid} ({nt.name}): {exc}")
            continue
        deck = coll.decks.get(first_deck.get(an.id, 1), "") or "Default"
        mapped.append(MappedNote(deck, note, an.id, nt.is_cloze))
    return mapped, errors


def note_from_fields(
    guid: str, nt: Notetype, fields: tuple[str, ...] | list[str], tags: tuple[str, ...]
) -> Note:
    """One of our notes from an Anki note's fields; ValueError says why it cannot be."""
    if not guid:
        raise ValueError("note has no GUID")
    values = dict(
        zip(nt.fields, list(fields) + [""] * (len(nt.fields) - len(fields)), strict=False)
    )
    ours = _ours(nt, values, guid, tags)
    if ours is not None:
        return ours
    if nt.is_cloze:
        text_name = "Text" if "Text" in values else nt.fields[0]
        text = tidy(to_text(values.get(text_name, "")))
        try:
            if not cloze.parse(text):
                raise ValueError("no cloze deletions")
        except cloze.ClozeError as exc:
            raise ValueError(str(exc)) from None
        used = {text_name}
        extra = tidy(to_text(values.get("Back Extra", "")))
        used.add("Back Extra")
        extra = _join(extra, _rest(nt, values, used))
        return Note(guid=guid, kind=NoteKind.CLOZE, text=text, extra=extra, tags=tags)
    front_name = next((n for n in nt.fields if n.strip().lower() in FRONT_NAMES), nt.fields[0])
    back_name = next(
        (n for n in nt.fields if n.strip().lower() in BACK_NAMES and n != front_name),
        next((n for n in nt.fields if n != front_name), ""),
    )
    prompt = tidy(to_text(values.get(front_name, "")))
    answer = tidy(to_text(values.get(back_name, ""))) if back_name else ""
    if not prompt:
        raise ValueError(f"empty {front_name!r} field")
    extra = _rest(nt, values, {front_name, back_name})
    return Note(guid=guid, kind=NoteKind.QA, prompt=prompt, answer=answer, extra=extra, tags=tags)


def _rest(nt: Notetype, values: dict[str, str], used: set[str]) -> str:
    parts = []
    for name in nt.fields:
        if name in used:
            continue
        text = tidy(to_text(values.get(name, "")))
        if text:
            parts.append(f"{name}: {text}")
    return "\n".join(parts)


def _join(a: str, b: str) -> str:
    return "\n".join(p for p in (a, b) if p)


_OL = re.compile(r"^<ol>(.*?)</ol>", re.S)
_LI = re.compile(r"<li>(.*?)</li>", re.S)


def _ours(nt: Notetype, values: dict[str, str], guid: str, tags: tuple[str, ...]) -> Note | None:
    """Exact inverse of ``apkg_write.anki_fields`` for our own note types."""
    if nt.fields not in (CLOZE_FIELDS, BASIC_FIELDS):
        return None
    try:
        meta = json.loads(to_text(values.get(META_FIELD, "")))
        kind = NoteKind(meta["kind"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(meta, dict):
        return None
    src = meta.get("source") or {}
    source = SourceRef(
        article=str(src.get("article", "")),
        anchor=str(src.get("anchor", "")),
        section=str(src.get("section", "")),
        start=int(src.get("start", 0)),
        end=int(src.get("end", 0)),
    )
    added = meta.get("section_tag")
    if added:
        tags = tuple(t for t in tags if t != added)
    items = tuple(str(i) for i in meta.get("items", ()))
    if nt.fields == CLOZE_FIELDS:
        text = to_text(values["Text"])
        try:
            cloze.parse(text)
        except cloze.ClozeError as exc:
            raise ValueError(str(exc)) from None
        return Note(
            guid=guid,
            kind=kind,
            prompt=str(meta.get("prompt", "")),
            answer=str(meta.get("answer", "")),
            text=text,
            items=items,
            tags=tags,
            source=source,
            extra=to_text(values["Back Extra"]),
        )
    back = values["Back"]
    if kind is NoteKind.LIST:
        m = _OL.match(back)
        if m:
            items = tuple(to_text(i) for i in _LI.findall(m.group(1)))
            back = back[m.end() :]
    return Note(
        guid=guid,
        kind=kind,
        prompt=to_text(values["Front"]),
        answer=to_text(back),
        text=to_text(values["Context"]),
        items=items,
        tags=tags,
        source=source,
        extra=to_text(values["Extra"]),
    )


def read_notes(path: Path) -> tuple[Collection, list[MappedNote], list[str]]:
    coll = read_package(path)
    mapped, errors = map_notes(coll)
    return coll, mapped, errors
