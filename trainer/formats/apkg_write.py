"""Our notes as Anki notes, and ``.apkg`` packages made with genanki.

Cloze notes become notes of an Anki *Cloze* note type, Q&A and list notes of a
*Basic* (front/back) note type; list items are an ordered list on the back.
Both note types carry a last field, ``Trainer``, holding what Anki has no place
for (kind, source address), so a note that goes to Anki and comes back is the
same note. Model and deck ids are fixed, GUIDs are ours, the timestamp is pinned
and zip entries carry a fixed date: the same deck always gives the same bytes.

This is the only module that imports genanki (inside functions).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.domain import notetypes
from trainer.domain.errors import InputError
from trainer.domain.model import Note
from trainer.formats.html_text import to_html

if TYPE_CHECKING:
    from trainer.domain.model import DeckOptions
    from trainer.formats.apkg_schedule import Scheduling

CLOZE_MODEL_ID = notetypes.CLOZE_MODEL.id
BASIC_MODEL_ID = notetypes.BASIC_MODEL.id
CLOZE_MODEL_NAME = notetypes.CLOZE_MODEL.name
BASIC_MODEL_NAME = notetypes.BASIC_MODEL.name
CLOZE_FIELDS = notetypes.CLOZE_MODEL.fields
BASIC_FIELDS = notetypes.BASIC_MODEL.fields
META_FIELD = "Trainer"
FIXED_TIMESTAMP = 1_700_000_000.0
"""2023-11-14: note/card ids and modification times derive from it."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

CSS = """.card { font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; font-size: 22px;
  line-height: 1.6; text-align: left; color: black; background-color: white; }
.cloze { font-weight: bold; color: #1565c0; }
.nightMode .cloze { color: #90caf9; }
.context, .extra { margin-top: 1em; font-size: 18px; color: #555; }
ol { padding-left: 1.4em; }
"""


@dataclass(frozen=True, slots=True)
class AnkiFields:
    """One of our notes as Anki sees it."""

    model: str
    fields: tuple[str, ...]
    """Field HTML in the model's field order."""
    tags: tuple[str, ...]


def tag_of(text: str) -> str:
    """``text`` usable as one Anki tag (no spaces)."""
    return "_".join(text.split())


def section_tag(note: Note) -> str:
    return tag_of(note.source.section)


def items_html(items: Sequence[str]) -> str:
    if not items:
        return ""
    return "<ol>" + "".join(f"<li>{to_html(i)}</li>" for i in items) + "</ol>"


def anki_fields(note: Note) -> AnkiFields:
    """Map a note to its Anki note type, field HTML and tags."""
    meta: dict[str, Any] = {"kind": note.kind.value}
    src = note.source
    source = {
        k: v
        for k, v in (
            ("article", src.article),
            ("anchor", src.anchor),
            ("section", src.section),
            ("start", src.start),
            ("end", src.end),
        )
        if v
    }
    if source:
        meta["source"] = source
    tags = list(note.tags)
    sec = section_tag(note)
    if sec and sec not in tags:
        tags.append(sec)
        meta["section_tag"] = sec
    nt = notetypes.of(note)
    values, kept = nt.to_anki(note)
    meta.update(kept)
    fields = tuple(_field_html(values.get(name, ())) for name in nt.anki.fields[:-1])
    return AnkiFields(nt.anki.name, (*fields, _meta_html(meta)), tuple(tags))


def _field_html(parts: tuple[notetypes.AnkiPart, ...]) -> str:
    return "".join(items_html(p) if isinstance(p, tuple) else to_html(p) for p in parts)


def _meta_html(meta: dict[str, Any]) -> str:
    return to_html(json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def deck_id_for(name: str) -> int:
    """A stable Anki deck id for a deck name (same name, same id)."""
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=5).digest()
    return (1 << 41) + int.from_bytes(digest, "big")


def _models() -> dict[str, Any]:
    """A genanki model for each of our Anki note types, by name."""
    import genanki

    return {
        m.name: genanki.Model(
            m.id,
            m.name,
            fields=[{"name": f} for f in m.fields],
            templates=[
                {"name": "Cloze" if m.cloze else "Card 1", "qfmt": m.qfmt, "afmt": m.afmt},
                *({"name": n, "qfmt": q, "afmt": a} for n, q, a in m.more_templates),
            ],
            css=CSS,
            model_type=genanki.Model.CLOZE if m.cloze else genanki.Model.FRONT_BACK,
        )
        for m in notetypes.anki_models()
    }


Progress = Callable[[int, int], None]


def package_bytes(
    deck_name: str,
    notes: Sequence[Note],
    description: str = "",
    *,
    timestamp: float = FIXED_TIMESTAMP,
    progress: Progress | None = None,
    scheduling: Scheduling | None = None,
) -> bytes:
    """The ``.apkg`` for one deck, as bytes (deterministic for given input).

    With ``scheduling``, the cards carry the learner's states, the review log its
    answers and the deck its options as a preset; without, every card is new.
    """
    import genanki

    models = _models()
    deck_id = deck_id_for(deck_name)
    deck = genanki.Deck(deck_id, deck_name, description)
    for model in models.values():
        deck.add_model(model)
    for pos, note in enumerate(notes):
        mapped = anki_fields(note)
        model = models[mapped.model]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=list(mapped.fields),
                tags=list(mapped.tags),
                guid=note.guid,
                due=pos,
            )
        )
        if progress is not None and pos % 1000 == 999:
            progress(pos + 1, len(notes) * 2)
    package = genanki.Package(deck)
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        package.write_to_db(cursor, timestamp, _ids(timestamp))
        if scheduling is not None:
            _write_scheduling(cursor, deck_id, deck_name, scheduling)
        conn.commit()
        db = conn.serialize()
    finally:
        conn.close()
    if progress is not None:
        progress(len(notes) * 2, len(notes) * 2)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        _put(zf, "collection.anki2", db)
        _put(zf, "media", b"{}")
    return out.getvalue()


def _preset(default: dict[str, Any], conf_id: int, name: str, o: DeckOptions) -> dict[str, Any]:
    """The deck's options as an Anki preset (legacy ``dconf`` JSON), read back by
    ``apkg_read._presets_legacy`` and by Anki's "Import deck presets"."""
    preset: dict[str, Any] = json.loads(json.dumps(default))
    preset.update({"id": conf_id, "name": name, "desiredRetention": o.desired_retention})
    preset["new"].update(
        delays=[s / 60 for s in o.learning_steps], perDay=o.new_per_day, bury=o.bury_siblings
    )
    preset["rev"].update(perDay=o.reviews_per_day, maxIvl=o.maximum_interval, bury=o.bury_siblings)
    preset["lapse"].update(
        delays=[s / 60 for s in o.relearning_steps],
        leechFails=o.leech_threshold,
        leechAction=0 if o.leech_action.value == "suspend" else 1,
    )
    if len(o.fsrs_parameters) == 21:
        preset["fsrsParams6"] = list(o.fsrs_parameters)
    return preset


def _write_scheduling(cursor: Any, deck_id: int, deck_name: str, sched: Scheduling) -> None:
    """Put a learner's scheduling into the collection genanki wrote."""
    conf_json, decks_json, dconf_json = cursor.execute(
        "SELECT conf, decks, dconf FROM col"
    ).fetchone()
    conf = json.loads(conf_json)
    conf.update(sched.conf)
    decks = json.loads(decks_json)
    dconf = json.loads(dconf_json)
    conf_id = deck_id  # a preset of the deck's own, with a stable id
    dconf[str(conf_id)] = _preset(dconf["1"], conf_id, deck_name, sched.options)
    decks[str(deck_id)]["conf"] = conf_id
    cursor.execute(
        "UPDATE col SET crt = ?, conf = ?, decks = ?, dconf = ?",
        (sched.crt, json.dumps(conf), json.dumps(decks), json.dumps(dconf)),
    )
    ids = {
        (guid, ord_): cid
        for cid, guid, ord_ in cursor.execute(
            "SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid"
        )
    }
    cursor.executemany(
        "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, "
        "lapses = ?, left = ?, data = ? WHERE id = ?",
        [(*c[2:], cid) for c in sched.cards if (cid := ids.get((c.guid, c.ord))) is not None],
    )
    cursor.executemany(
        "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
        "VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
        [
            (r.id, cid, *r[3:])
            for r in sched.revlog
            if (cid := ids.get((r.guid, r.ord))) is not None
        ],
    )


def _ids(timestamp: float) -> Any:
    import itertools

    return itertools.count(int(timestamp * 1000))


def _put(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def new_file_mode() -> int:
    """The mode a plainly created file gets here: 0666 less the umask (0644 usually)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    A failure (no such folder, no permission, a full disk) is one InputError naming
    ``path``, never the temporary file, which is removed.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, new_file_mode())  # as any new file (mkstemp's are private, 0600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_apkg(
    path: Path,
    deck_name: str,
    notes: Sequence[Note],
    description: str = "",
    *,
    progress: Progress | None = None,
    scheduling: Scheduling | None = None,
) -> int:
    """Write one deck as an Anki package; returns the number of notes."""
    data = package_bytes(deck_name, notes, description, progress=progress, scheduling=scheduling)
    write_atomic(path, data)
    return len(notes)
