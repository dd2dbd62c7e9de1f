"""The trainer's own deck file: TOML, human-editable and git-diffable.

One file is one deck: its name, options, the articles its notes came from, and
its notes with their GUIDs. The format is documented in ``decks/README.md``.
Reading validates everything before anything is stored, and every error names
the file and the line of the offending note.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.domain import notetypes
from trainer.domain.errors import InputError
from trainer.domain.files import decode_text, read_bounded
from trainer.domain.model import DeckOptions, Note, NoteKind, SourceRef
from trainer.domain.options import OptionError, options_from_dict, options_to_dict

FORMAT = "trainer-deck"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
"""An article named by ``file =`` is read up to this much (a 申论 article is a few KB)."""

_NOTE_FIELDS = {"guid", "kind", "prompt", "answer", "text", "items", "tags", "source", "extra"}
_SOURCE_FIELDS = {"article", "anchor", "section", "start", "end"}
_ARTICLE_FIELDS = {"id", "title", "file", "text", "source", "attribution"}


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    id: str
    title: str = ""
    text: str = ""
    file: str = ""
    source: str = ""
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class PracticeEntry:
    """One timed practice answer kept with the deck (``[[practice]]``); times are UTC
    epoch seconds."""

    article: str
    key: str
    type: str
    question: str = ""
    answer: str = ""
    time_used_ms: int = 0
    time_limit_s: int = 0
    chars: int = 0
    limit: int = 0
    coverage: float = 0.0
    points: int = 0
    missed: tuple[str, ...] = ()
    rating: int = 0
    answered_at: int = 0
    due_at: int = 0


@dataclass(frozen=True, slots=True)
class DeckFile:
    name: str
    notes: tuple[Note, ...]
    options: DeckOptions = field(default_factory=DeckOptions)
    description: str = ""
    articles: tuple[ArticleEntry, ...] = ()
    practice: tuple[PracticeEntry, ...] = ()


def _note_lines(text: str) -> list[int]:
    """1-based line numbers of each ``[[notes]]`` header, in order."""
    return [
        i + 1
        for i, line in enumerate(text.splitlines())
        if re.match(r"\s*\[\[\s*notes\s*\]\]", line)
    ]


def read_deck(path: Path) -> DeckFile:
    where = str(path)
    raw = read_bounded(path, MAX_BYTES, where)
    text = decode_text(
        raw, where, legacy=(), refuse="not UTF-8 text (deck files are UTF-8)", line=True
    )
    return parse_deck(text, where, base_dir=path.parent)


def parse_deck(text: str, where: str = "<deck>", base_dir: Path | None = None) -> DeckFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = int(m.group(1)) if m else None
        problem = re.sub(r" \(at line.*", "", msg)
        raise InputError(where, f"TOML syntax error: {problem}", line) from None
    except ValueError as exc:
        raise InputError(where, f"cannot parse: {exc}") from None
    except RecursionError:
        raise InputError(
            where, "TOML nested too deeply (arrays or tables within each other)"
        ) from None
    if data.get("format") != FORMAT:
        raise InputError(where, f'not a trainer deck file (expected format = "{FORMAT}")', 1)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InputError(where, "missing or bad 'version'")
    if version > VERSION:
        raise InputError(
            where, f"deck file version {version} is newer than this trainer reads ({VERSION})"
        )
    deck = data.get("deck")
    if not isinstance(deck, dict):
        raise InputError(where, "missing [deck] table")
    name = deck.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(where, "[deck] needs a non-empty 'name'")
    description = deck.get("description", "")
    if not isinstance(description, str):
        raise InputError(where, "[deck] 'description' must be text")
    try:
        options = options_from_dict(deck.get("options", {}) or {})
    except (OptionError, AttributeError) as exc:
        raise InputError(where, f"[deck.options]: {exc}") from None
    articles = tuple(
        _article(a, where, i, base_dir) for i, a in enumerate(_list(data, "articles", where))
    )
    lines = _note_lines(text)
    notes: list[Note] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(_list(data, "notes", where)):
        line = lines[i] if i < len(lines) else None
        note = _note(raw, where, i, line)
        if note.guid in seen:
            raise InputError(
                where,
                f"note {i + 1}: duplicate guid {note.guid!r} (first at note {seen[note.guid] + 1})",
                line,
            )
        seen[note.guid] = i
        notes.append(note)
    practice = tuple(_practice(p, where, i) for i, p in enumerate(_list(data, "practice", where)))
    extra = set(data) - {"format", "version", "deck", "articles", "notes", "practice"}
    if extra:
        raise InputError(where, f"unknown top-level key {sorted(extra)[0]!r}")
    return DeckFile(name.strip(), tuple(notes), options, description, articles, practice)


_PRACTICE_TEXT = ("article", "key", "type", "question", "answer")
_PRACTICE_INT = (
    "time_used_ms",
    "time_limit_s",
    "chars",
    "limit",
    "points",
    "rating",
    "answered_at",
    "due_at",
)
_PRACTICE_FIELDS = {*_PRACTICE_TEXT, *_PRACTICE_INT, "coverage", "missed"}


def _practice(raw: Any, where: str, i: int) -> PracticeEntry:
    label = f"practice {i + 1}"
    if not isinstance(raw, dict):
        raise InputError(where, f"{label}: must be a table")
    unknown = set(raw) - _PRACTICE_FIELDS
    if unknown:
        raise InputError(where, f"{label}: unknown field {sorted(unknown)[0]!r}")
    for key in _PRACTICE_TEXT:
        if not isinstance(raw.get(key, ""), str):
            raise InputError(where, f"{label}: field {key!r} must be text")
    for key in ("key", "type"):
        if not raw.get(key):
            raise InputError(where, f"{label}: missing field {key!r}")
    for key in _PRACTICE_INT:
        value = raw.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
            raise InputError(where, f"{label}: {key} must be a whole number of at least 0")
    if not 0 <= raw.get("rating", 0) <= 4:
        raise InputError(where, f"{label}: rating must be 1-4 (0: not rated)")
    coverage = raw.get("coverage", 0.0)
    if (
        not isinstance(coverage, int | float)
        or isinstance(coverage, bool)
        or not 0.0 <= coverage <= 1.0
    ):
        raise InputError(where, f"{label}: coverage must be a number from 0 to 1")
    missed = raw.get("missed", [])
    if not isinstance(missed, list) or not all(isinstance(m, str) for m in missed):
        raise InputError(where, f"{label}: 'missed' must be a list of text")
    if len(raw["key"]) > 300 or len(raw["type"]) > 16 or len(raw.get("article", "")) > 200:
        raise InputError(where, f"{label}: key, type or article is too long")
    return PracticeEntry(
        article=raw.get("article", ""),
        key=raw["key"],
        type=raw["type"],
        question=raw.get("question", ""),
        answer=raw.get("answer", ""),
        time_used_ms=raw.get("time_used_ms", 0),
        time_limit_s=raw.get("time_limit_s", 0),
        chars=raw.get("chars", 0),
        limit=raw.get("limit", 0),
        coverage=float(coverage),
        points=raw.get("points", 0),
        missed=tuple(missed),
        rating=raw.get("rating", 0),
        answered_at=raw.get("answered_at", 0),
        due_at=raw.get("due_at", 0),
    )


def _practice_dict(p: PracticeEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"article": p.article, "key": p.key, "type": p.type}
    for key in ("question", "answer"):
        if getattr(p, key):
            out[key] = getattr(p, key)
    for key in _PRACTICE_INT:
        out[key] = getattr(p, key)
    out["coverage"] = p.coverage
    out["missed"] = list(p.missed)
    return out


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(where, f"'{key}' must be an array of tables ([[{key}]])")
    return value


def _article(raw: Any, where: str, i: int, base_dir: Path | None) -> ArticleEntry:
    if not isinstance(raw, dict):
        raise InputError(where, f"article {i + 1}: must be a table")
    unknown = set(raw) - _ARTICLE_FIELDS
    if unknown:
        raise InputError(where, f"article {i + 1}: unknown field {sorted(unknown)[0]!r}")
    for key in raw:
        if not isinstance(raw[key], str):
            raise InputError(where, f"article {i + 1}: field {key!r} must be text")
    art_id = raw.get("id", "")
    if not art_id:
        raise InputError(where, f"article {i + 1}: missing field 'id'")
    text = raw.get("text", "")
    file = raw.get("file", "")
    if file and not text and base_dir is not None:
        text = _article_file(where, art_id, file, base_dir)
    return ArticleEntry(
        art_id, raw.get("title", ""), text, file, raw.get("source", ""), raw.get("attribution", "")
    )


def _article_file(where: str, art_id: str, file: str, base_dir: Path) -> str:
    """An article's text from ``file``: inside the deck file's folder, regular, bounded.

    A deck file comes from anyone; ``file = "/etc/passwd"`` or ``"../../.ssh/id_rsa"``
    must not copy a private file into the store (and from there into an export).
    """
    label = f"article {art_id!r}: file {file!r}"
    folder = base_dir.resolve()
    if "\x00" in file:
        raise InputError(where, f"{label}: not a file name")
    target = (folder / file).resolve()
    if not target.is_relative_to(folder):
        raise InputError(where, f"{label} is outside the deck file's folder")
    raw = read_bounded(target, MAX_ARTICLE_BYTES, f"{where}: {label}")
    return decode_text(raw, where, legacy=(), refuse=f"{label} is not UTF-8 text")


def _str(raw: dict[str, Any], key: str, where: str, label: str, line: int | None) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise InputError(where, f"{label}: field {key!r} must be text", line)
    return value


def _note(raw: Any, where: str, i: int, line: int | None) -> Note:
    label = f"note {i + 1}"
    if not isinstance(raw, dict):
        raise InputError(where, f"{label}: must be a table", line)
    guid = raw.get("guid")
    if not isinstance(guid, str) or not guid.strip():
        raise InputError(where, f"{label}: missing field 'guid'", line)
    label = f"note {i + 1} ({guid})"
    if len(guid) > 64 or any(c.isspace() for c in guid):
        raise InputError(where, f"{label}: guid must be at most 64 characters with no spaces", line)
    unknown = set(raw) - _NOTE_FIELDS
    if unknown:
        raise InputError(where, f"{label}: unknown field {sorted(unknown)[0]!r}", line)
    kind_raw = raw.get("kind")
    if kind_raw is None:
        raise InputError(where, f"{label}: missing field 'kind'", line)
    try:
        kind = NoteKind(kind_raw)
    except ValueError:
        raise InputError(
            where, f"{label}: unknown card kind {kind_raw!r} (use {notetypes.names()})", line
        ) from None
    prompt = _str(raw, "prompt", where, label, line)
    answer = _str(raw, "answer", where, label, line)
    text = _str(raw, "text", where, label, line)
    extra = _str(raw, "extra", where, label, line)
    items = raw.get("items", [])
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise InputError(where, f"{label}: 'items' must be a list of text", line)
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(
        isinstance(t, str) and t and not any(c.isspace() for c in t) for t in tags
    ):
        raise InputError(where, f"{label}: 'tags' must be a list of words without spaces", line)
    content = Note(guid, kind, prompt, answer, text, tuple(items))
    problem = notetypes.of(kind).deck_file_problem(content)
    if problem is not None:
        raise InputError(where, f"{label}: {problem}", line)
    source = raw.get("source", {})
    if not isinstance(source, dict) or set(source) - _SOURCE_FIELDS:
        raise InputError(
            where, f"{label}: 'source' must be a table of {sorted(_SOURCE_FIELDS)}", line
        )
    for key in ("start", "end"):
        if not isinstance(source.get(key, 0), int) or isinstance(source.get(key, 0), bool):
            raise InputError(where, f"{label}: source.{key} must be a whole number", line)
    for key in ("article", "anchor", "section"):
        if not isinstance(source.get(key, ""), str):
            raise InputError(where, f"{label}: source.{key} must be text", line)
    ref = SourceRef(
        article=source.get("article", ""),
        anchor=source.get("anchor", ""),
        section=source.get("section", ""),
        start=source.get("start", 0),
        end=source.get("end", 0),
    )
    return Note(guid, kind, prompt, answer, text, tuple(items), tuple(tags), ref, extra)


def deck_to_toml(deck: DeckFile) -> str:
    import tomli_w

    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "deck": {
            "name": deck.name,
            "description": deck.description,
            "options": options_to_dict(deck.options),
        },
    }
    if deck.articles:
        data["articles"] = [
            {
                k: v
                for k, v in (
                    ("id", a.id),
                    ("title", a.title),
                    ("source", a.source),
                    ("attribution", a.attribution),
                    ("file", a.file),
                    ("text", "" if a.file else a.text),
                )
                if v
            }
            for a in deck.articles
        ]
    data["notes"] = [_note_dict(n) for n in deck.notes]
    if deck.practice:
        data["practice"] = [_practice_dict(p) for p in deck.practice]
    header = "# trainer deck file: see decks/README.md for the format.\n"
    # TOML multi-line strings cannot keep a "\r\n" (tomli_w writes a bare newline):
    # a deck holding a carriage return is written with escaped one-line strings.
    multiline = not any("\r" in value for value in _strings(data))
    return header + tomli_w.dumps(data, multiline_strings=multiline)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _note_dict(n: Note) -> dict[str, Any]:
    out: dict[str, Any] = {"guid": n.guid, "kind": n.kind.value}
    for key in ("prompt", "answer", "text", "extra"):
        value = getattr(n, key)
        if value:
            out[key] = value
    if n.items:
        out["items"] = list(n.items)
    if n.tags:
        out["tags"] = list(n.tags)
    src = {
        k: getattr(n.source, k)
        for k in ("article", "anchor", "section", "start", "end")
        if getattr(n.source, k)
    }
    if src:
        out["source"] = src
    return out


def write_deck(
    path: Path | str,
    name: str,
    notes: list[Note] | tuple[Note, ...],
    options: DeckOptions | None = None,
    description: str = "",
    articles: tuple[ArticleEntry, ...] = (),
    practice: tuple[PracticeEntry, ...] = (),
) -> None:
    """Write a deck file atomically (temporary file, then rename)."""
    target = Path(path)
    text = deck_to_toml(
        DeckFile(name, tuple(notes), options or DeckOptions(), description, articles, practice)
    )
    from trainer.formats.apkg_write import write_atomic

    write_atomic(target, text.encode("utf-8"))
