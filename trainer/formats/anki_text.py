"""Anki's text format (CSV/TSV with ``#key:value`` header lines), both ways.

Written files carry every header Anki's File > Import understands
(``#separator:``, ``#html:``, ``#guid column:``, ``#notetype column:``,
``#deck column:``, ``#tags column:``) so Anki needs no choices, and our note
types with them so a note comes back exactly. Read files honour those headers
plus ``#notetype:``, ``#deck:``, ``#tags:`` and ``#columns:``; a file without
headers is front/back (any further columns kept in ``extra``). Text may be
UTF-8 with or without a BOM, or GB18030/GBK (detected).

A file that cannot be read as a whole (bad encoding, broken quoting, rows of
different lengths, a header pointing at a missing column) raises InputError
naming the file and line; a row that cannot become a note is skipped and
reported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trainer.domain import notetypes
from trainer.domain.errors import InputError
from trainer.domain.files import decode_text, read_bounded
from trainer.domain.identity import note_guid
from trainer.domain.model import Note
from trainer.formats.anki_notes import note_from_fields
from trainer.formats.apkg_read import Notetype
from trainer.formats.apkg_write import anki_fields, write_atomic
from trainer.formats.html_text import to_html, to_text

MAX_BYTES = 256 * 1024 * 1024
SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_NAMES = {v: k for k, v in SEPARATORS.items()}
OUR_TYPES = {m.name: Notetype(0, m.name, m.cloze, m.fields) for m in notetypes.anki_models()}
WIDTH = max(len(m.fields) for m in notetypes.anki_models())


# -- writing ---------------------------------------------------------------------


def text_bytes(deck_name: str, notes: Sequence[Note], separator: str = "\t") -> bytes:
    """Anki text for ``notes`` in deck ``deck_name`` (UTF-8, no BOM, LF)."""
    out = io.StringIO()
    name = _NAMES.get(separator, separator)
    out.write(f"#separator:{name}\n#html:true\n")
    out.write("#guid column:1\n#notetype column:2\n#deck column:3\n")
    out.write(f"#tags column:{4 + WIDTH}\n")
    writer = csv.writer(out, delimiter=separator, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    # QUOTE_MINIMAL quotes "\n" (the line terminator) but not a lone "\r", which a
    # reader takes for a line end: a row holding one is quoted whole.
    quoted = csv.writer(out, delimiter=separator, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for note in notes:
        mapped = anki_fields(note)
        fields = list(mapped.fields) + [""] * (WIDTH - len(mapped.fields))
        row = [note.guid, mapped.model, deck_name, *fields, " ".join(mapped.tags)]
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue().encode("utf-8")


def write_text(path: Path, deck_name: str, notes: Sequence[Note]) -> int:
    sep = "," if Path(path).suffix.lower() == ".csv" else "\t"
    write_atomic(Path(path), text_bytes(deck_name, notes, sep))
    return len(notes)


# -- reading ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextNote:
    deck: str
    note: Note
    line: int


@dataclass
class TextFile:
    notes: list[TextNote] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    columns: int = 0
    """Columns per row (0: no rows)."""
    separator: str = "\t"
    declared: bool = False
    """A ``#separator:``, ``#deck:``, ``#notetype:`` or ``#columns:`` header was given."""


@dataclass
class _Header:
    separator: str | None = None
    html: bool | None = None
    notetype: str = ""
    deck: str = ""
    tags: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    notetype_col: int = 0
    deck_col: int = 0
    tags_col: int = 0
    guid_col: int = 0
    lines: int = 0


def decode(raw: bytes, where: str) -> str:
    """Text of ``raw``: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 or Big5."""
    return decode_text(
        raw, where, refuse="not text in a known encoding (UTF-8 or GB18030)", line=True
    )


def read_text(path: Path) -> TextFile:
    where = str(path)
    raw = read_bounded(Path(path), MAX_BYTES, where)
    head = raw[:4096]
    if head.count(0) * 20 > len(head) and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Text holds a NUL now and then (a note may, and exports it); a binary file
        # or BOM-less UTF-16 is full of them.
        raise InputError(where, "a binary file, not CSV/TSV text")
    text = decode(raw, where)
    if not text.strip():
        raise InputError(where, "empty file: nothing to import")
    parsed = parse_text(text, where, default_deck=Path(path).stem)
    if parsed.columns < 2 and not parsed.declared:
        name = _NAMES.get(parsed.separator, repr(parsed.separator))
        raise InputError(
            where,
            f"no {name}-separated fields; to make cards from an article use `trainer make FILE`"
            " (key `a` in the app)",
        )
    return parsed


def _column(where: str, key: str, value: str, line: int) -> int:
    try:
        n = int(value.strip())
    except ValueError:
        raise InputError(where, f"#{key}: expects a column number, not {value!r}", line) from None
    if n < 1:
        raise InputError(where, f"#{key}: column numbers start at 1", line)
    return n


def _headers(text: str, where: str) -> tuple[_Header, str]:
    head = _Header()
    pos = 0
    line = 0
    while pos < len(text) and text.startswith("#", pos):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        raw_line = text[pos:end].rstrip("\r")
        line += 1
        pos = end + 1
        key, sep, value = raw_line[1:].partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        if key == "separator":
            v = value.strip()
            sepchar = SEPARATORS.get(v.lower()) or (v if len(v) == 1 else None)
            if value == "\t" or value == " ":
                sepchar = value
            if sepchar is None or sepchar in {'"', "\n", "\r"}:
                raise InputError(where, f"#separator: unknown separator {value!r}", line)
            head.separator = sepchar
        elif key == "html":
            v = value.strip().lower()
            if v not in {"true", "false"}:
                raise InputError(where, f"#html: expects true or false, not {value!r}", line)
            head.html = v == "true"
        elif key == "notetype":
            head.notetype = value.strip()
        elif key == "deck":
            head.deck = value.strip()
        elif key == "tags":
            head.tags = tuple(value.split())
        elif key == "columns":
            head.columns = (value,)  # split once the separator is known
        elif key == "notetype column":
            head.notetype_col = _column(where, key, value, line)
        elif key == "deck column":
            head.deck_col = _column(where, key, value, line)
        elif key == "tags column":
            head.tags_col = _column(where, key, value, line)
        elif key == "guid column":
            head.guid_col = _column(where, key, value, line)
    head.lines = line
    return head, text[pos:] if pos <= len(text) else ""


def _guess_separator(body: str, where: str) -> str:
    if where.lower().endswith(".csv"):
        return ","
    if where.lower().endswith(".tsv"):
        return "\t"
    first = body.split("\n", 1)[0]
    for sep in ("\t", "|", ";", ","):
        if sep in first:
            return sep
    return "\t"


def parse_text(text: str, where: str = "<text>", default_deck: str = "Imported") -> TextFile:
    head, body = _headers(text, where)
    sep = head.separator or _guess_separator(body, where)
    html = head.html if head.html is not None else False
    names: tuple[str, ...] = ()
    if head.columns:
        names = tuple(c.strip() for c in head.columns[0].split(sep))
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sep, strict=True)
    rows: list[tuple[int, list[str]]] = []
    width = -1
    while True:
        start = head.lines + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(where, f"broken quoting: {exc}", start) from None
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if width < 0:
            width = len(row)
        elif len(row) != width:
            raise InputError(
                where, f"row has {len(row)} columns but the first row has {width}", start
            )
        rows.append((start, row))
    special = {head.notetype_col, head.deck_col, head.tags_col, head.guid_col} - {0}
    if rows and max(special, default=0) > width:
        raise InputError(
            where, f"a header names column {max(special)} but rows have {width} columns"
        )
    field_cols = [i for i in range(width) if i + 1 not in special]
    if rows and not field_cols:
        raise InputError(
            where, "no note fields: every column is a guid, deck, note type or tags column"
        )
    field_names = tuple(names[i] for i in field_cols) if len(names) == width else ()
    declared = bool(head.separator or head.deck or head.notetype or head.columns)
    result = TextFile(columns=max(0, width), separator=sep, declared=declared)
    seen: set[str] = set()
    for line, row in rows:
        cell = row.__getitem__
        deck = (cell(head.deck_col - 1) if head.deck_col else head.deck) or head.deck
        deck = deck.strip() or default_deck
        nt_name = (cell(head.notetype_col - 1) if head.notetype_col else head.notetype).strip()
        fields = [row[i] for i in field_cols]
        nt = _notetype(nt_name, len(fields), field_names)
        if not html:
            fields = [to_html(f) for f in fields]
        tags = tuple(cell(head.tags_col - 1).split()) if head.tags_col else ()
        tags = tuple(dict.fromkeys(head.tags + tags))
        guid = cell(head.guid_col - 1).strip() if head.guid_col else ""
        two_cards = _asks_both_ways(nt, fields)
        if not guid:
            first = to_text(fields[0]).strip() if fields else ""
            if not first:
                result.errors.append(f"{where}:{line}: empty first field")
                continue
            kind = notetypes.for_foreign(cloze=nt.is_cloze, two_cards=two_cards).kind
            guid = note_guid(deck, first, kind.value)
        if guid in seen:
            result.errors.append(f"{where}:{line}: duplicate note {guid} (first one kept)")
            continue
        try:
            note = note_from_fields(guid, nt, fields, tags, two_cards=two_cards)
        except ValueError as exc:
            result.errors.append(f"{where}:{line}: {exc}")
            continue
        seen.add(guid)
        result.notes.append(TextNote(deck, note, line))
    return result


def _asks_both_ways(nt: Notetype, fields: list[str]) -> bool:
    """A row of Anki's *Basic (and reversed card)*, or of *Basic (optional reversed
    card)* with its ``Add Reverse`` field filled: in Anki it has a second card."""
    name = nt.name.lower()
    if nt.is_cloze or "reversed" not in name or nt.name in OUR_TYPES:
        return False
    if "optional" not in name:
        return True
    # Anki's own note type has it third; a file's #columns may name it elsewhere
    at = next((i for i, n in enumerate(nt.fields) if n.strip().lower() == "add reverse"), 2)
    return 0 <= at < len(fields) and bool(to_text(fields[at]).strip())


def _notetype(name: str, count: int, names: tuple[str, ...]) -> Notetype:
    ours = OUR_TYPES.get(name)
    if ours is not None:
        return ours
    if names:
        return Notetype(0, name or "Basic", "cloze" in name.lower(), names)
    if "cloze" in name.lower():
        base: tuple[str, ...] = ("Text", "Back Extra")
        return Notetype(0, name, True, base + tuple(f"Field {i + 3}" for i in range(count - 2)))
    base = ("Front", "Back")
    return Notetype(
        0, name or "Basic", False, base[:count] + tuple(f"Field {i + 3}" for i in range(count - 2))
    )
