"""Banks of 规范表述 (key terms) and 金句 across every article, and drilling them.

A **term** is a short blank of a cloze card that is not a 金句 (the generator
tags them ``关键词``, as does the reader's "cloze this phrase"); a **quote** is the
sentence of a note tagged ``金句``. Entries are deduplicated across articles by
their wording with width and punctuation ignored: the same 规范表述 met in five
articles is one entry with five sources, each its sentence, article and topics.

A bank drills both ways: ``cloze`` shows a source sentence with the entry blanked
and asks for the entry; ``recall`` names the entry (a quote by its blanked key
words) and asks for the sentence it belongs in. ``strict`` asks for the exact
wording (the grader's strict mode: a point counts only word for word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from trainer.domain import notetypes
from trainer.domain.model import Note
from trainer.domain.topics import unpack
from trainer.storage import library_repo
from trainer.storage.store import Store

if TYPE_CHECKING:
    from trainer.services.grading.results import Grade

__all__ = [
    "GOLDEN_TAG",
    "TERM_TAG",
    "BankEntry",
    "BankSource",
    "Drill",
    "drills",
    "grade_drill",
    "quotes",
    "terms",
]

TERM_TAG = "关键词"
GOLDEN_TAG = "金句"
Kind = Literal["term", "quote"]
Direction = Literal["cloze", "recall"]
BLANK = "＿＿＿＿"
_REFERENT = re.compile(r"^〔[^〕]*〕")
"""The lead-in a generated cloze opens with (``〔……〕``): context, not the sentence."""
_TERM_MAX = 16


@dataclass(frozen=True, slots=True)
class BankSource:
    sentence: str
    article: str
    title: str
    topics: tuple[str, ...]
    deck: str
    guid: str

    def to_dict(self) -> dict[str, object]:
        return {
            "sentence": self.sentence,
            "article": self.article,
            "title": self.title,
            "topics": list(self.topics),
            "deck": self.deck,
            "guid": self.guid,
        }


@dataclass(frozen=True, slots=True)
class BankEntry:
    kind: Kind
    text: str
    """The term, or the quote (its sentence)."""
    keys: tuple[str, ...]
    """What a cloze drill blanks: the term itself, or the quote's key words."""
    sources: tuple[BankSource, ...]

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for s in self.sources for t in s.topics))

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article for s in self.sources if s.article))

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "text": self.text,
            "keys": list(self.keys),
            "topics": list(self.topics),
            "articles": len(self.articles),
            "sources": [s.to_dict() for s in self.sources],
        }


def _key(text: str) -> str:
    from trainer.services.grading import normalize

    return normalize(text)


def _sentence(note: Note) -> str:
    return _REFERENT.sub("", notetypes.of(note).statement(note).strip()).strip()


def _blanks(note: Note) -> list[str]:
    return list(notetypes.of(note).blanks(note))


def _collect(store: Store, kind: Kind) -> list[BankEntry]:
    with store.read() as conn:
        rows = library_repo.bank_notes(conn)
    entries: dict[str, tuple[str, list[str], list[BankSource]]] = {}
    order: list[str] = []
    for note, _deck_id, deck, title, topics in rows:
        tags = set(note.tags)
        sentence = _sentence(note)
        source = BankSource(sentence, note.source.article, title, unpack(topics), deck, note.guid)
        if kind == "term":
            if GOLDEN_TAG in tags or not notetypes.of(note).hides_terms:
                continue
            found = [(b, [b]) for b in _blanks(note) if len(_key(b)) <= _TERM_MAX and _key(b)]
        else:
            if GOLDEN_TAG not in tags or not _key(sentence):
                continue
            found = [(sentence, _blanks(note))]
        for text, keys in found:
            k = _key(text)
            if k not in entries:
                entries[k] = (text, [], [])
                order.append(k)
            _text, have_keys, sources = entries[k]
            have_keys.extend(x for x in keys if x not in have_keys)
            if all(s.guid != note.guid for s in sources):
                sources.append(source)
    return [
        BankEntry(kind, entries[k][0], tuple(entries[k][1]), tuple(entries[k][2])) for k in order
    ]


def _by_topic(entries: list[BankEntry], topic: str | None) -> list[BankEntry]:
    if not topic:
        return entries
    return [e for e in entries if topic in e.topics]


def terms(store: Store, topic: str | None = None) -> list[BankEntry]:
    """Every key term across the decks, one entry per wording, most sources first."""
    found = _by_topic(_collect(store, "term"), topic)
    return sorted(found, key=lambda e: (-len(e.articles), -len(e.sources)))


def quotes(store: Store, topic: str | None = None) -> list[BankEntry]:
    """Every 金句 across the decks, one entry per wording, in the order met."""
    return _by_topic(_collect(store, "quote"), topic)


# -- drilling ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Drill:
    entry: BankEntry
    direction: Direction
    prompt: str
    expected: tuple[str, ...]
    """Accepted answers (any one of them, each graded as one point), or with
    ``every`` the points an answer must give (a quote's blanked key words)."""
    every: bool = False


def _blanked(sentence: str, keys: tuple[str, ...]) -> str:
    out = sentence
    for key in sorted(keys, key=len, reverse=True):
        out = out.replace(key, BLANK)
    return out


def drills(entries: list[BankEntry], direction: Direction) -> list[Drill]:
    """One drill per entry: ``cloze`` (context → term) or ``recall`` (term → sentence)."""
    out = []
    for e in entries:
        sentences = tuple(dict.fromkeys(s.sentence for s in e.sources if s.sentence))
        if direction == "cloze":
            usable = [s for s in sentences if any(k in s for k in e.keys)]
            if not usable:
                continue
            if e.kind == "term":
                out.append(Drill(e, direction, _blanked(usable[0], e.keys), (e.text,)))
            else:
                keys = tuple(k for k in e.keys if k in usable[0])
                out.append(Drill(e, direction, _blanked(usable[0], keys), keys, every=True))
        else:
            if e.kind == "term":
                if sentences:
                    out.append(Drill(e, direction, e.text, sentences))
            elif e.keys:
                out.append(Drill(e, direction, " · ".join(e.keys), (e.text,)))
    return out


def grade_drill(drill: Drill, typed: str, *, strict: bool = False) -> Grade:
    """Grade ``typed``: every point of a quote's blanks, else the best-fitting answer."""
    from trainer.services.grading import grade

    if drill.every:
        return grade(list(drill.expected), typed, strict=strict)
    results = [grade([answer], typed, strict=strict) for answer in drill.expected]
    return max(results, key=lambda r: r.coverage)
