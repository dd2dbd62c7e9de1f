"""The cards as JSON for scripts: ``trainer make --json`` and ``trainer cards --json``.

Two documents, one home: made cards (title, sections, each card's content,
source and the rule that made it) and found cards (one object per card as
the browser shows it). Field names are a promise to scripts: add, never rename.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from trainer.domain import notetypes
from trainer.domain.model import CardState, NoteKind, Queue

if TYPE_CHECKING:
    from trainer.generation import Generated


def made(result: Generated) -> dict[str, Any]:
    """The ``trainer make --json`` document: title, sections and cards (each with the
    rule that made it and its sentence's function, kept apart from the note)."""
    from trainer.generation.provenance import Origin

    origins = result.origins or tuple(Origin("", "") for _ in result.notes)
    return {
        "title": result.title,
        "sections": list(result.sections),
        "cards": [
            {
                "kind": n.kind.value,
                "prompt": n.prompt,
                "answer": n.answer,
                "items": list(n.items),
                "text": n.text,
                "source": {
                    "article": n.source.article,
                    "section": n.source.section,
                    "start": n.source.start,
                    "end": n.source.end,
                    "anchor": n.source.anchor,
                },
                "tags": list(n.tags),
                "guid": n.guid,
                "rule": o.rule,
                "function": o.function,
            }
            for n, o in zip(result.notes, origins, strict=True)
        ],
    }


class FoundCard(Protocol):
    """A card as a search finds it (``services.browse.BrowseRow``)."""

    @property
    def card_id(self) -> int: ...
    @property
    def note_id(self) -> int: ...
    @property
    def guid(self) -> str: ...
    @property
    def kind(self) -> NoteKind: ...
    @property
    def ord(self) -> int: ...
    @property
    def front(self) -> str: ...
    @property
    def back(self) -> str: ...
    @property
    def deck(self) -> str: ...
    @property
    def home_deck(self) -> str: ...
    @property
    def state(self) -> CardState: ...
    @property
    def queue(self) -> Queue: ...
    @property
    def due(self) -> datetime | None: ...
    @property
    def interval_days(self) -> int: ...
    @property
    def difficulty(self) -> float | None: ...
    @property
    def stability(self) -> float | None: ...
    @property
    def reps(self) -> int: ...
    @property
    def lapses(self) -> int: ...
    @property
    def position(self) -> int: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def added(self) -> datetime: ...


def found_card(r: FoundCard) -> dict[str, object]:
    """One card of ``trainer cards --json``."""
    return {
        "card_id": r.card_id,
        "note_id": r.note_id,
        "guid": r.guid,
        "kind": r.kind.value,
        "card": notetypes.of(r.kind).card_number(r.ord),
        "front": r.front,
        "back": r.back,
        "deck": r.deck,
        "home_deck": r.home_deck or None,
        "state": r.state.name.lower(),
        "queue": r.queue.name.lower(),
        "due": r.due.isoformat() if r.due is not None else None,
        "interval_days": r.interval_days,
        "difficulty": round(r.difficulty, 4) if r.difficulty is not None else None,
        "stability": round(r.stability, 4) if r.stability is not None else None,
        "reps": r.reps,
        "lapses": r.lapses,
        "position": r.position,
        "tags": list(r.tags),
        "added": r.added.isoformat(),
    }


def found(rows: Iterable[FoundCard]) -> list[dict[str, object]]:
    """The ``trainer cards --json`` document."""
    return [found_card(r) for r in rows]
