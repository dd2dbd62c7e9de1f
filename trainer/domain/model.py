"""Plain data for the whole program.

Everything above this layer (generation, scheduling, storage, formats, services,
the TUI) talks in these types, so they stay free of SQLAlchemy, fsrs and Textual.
Instances are frozen: change one with ``dataclasses.replace`` and hand the new
value on, which keeps undo and tests simple.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum
from typing import Literal

from trainer.domain.counts import DeckCounts as DeckCounts


class NoteKind(StrEnum):
    """What a note asks of the student; stored as its string value."""

    CLOZE = "cloze"
    QA = "qa"
    LIST = "list"
    REVERSED = "reversed"


class Rating(IntEnum):
    """Anki's four answer buttons (same numbers as fsrs.Rating)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardState(IntEnum):
    """Memory state; 1-3 are fsrs.State, 0 marks a card never answered."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class Queue(IntEnum):
    """Where a card sits for study, like Anki's ``queue`` column.

    Negative queues are never shown; the positive ones mirror the state so the
    queue query can use one index on (profile, deck, queue, due).
    """

    RETIRED = -3
    BURIED = -2
    SUSPENDED = -1
    NEW = 0
    LEARNING = 1
    REVIEW = 2

    @staticmethod
    def for_state(state: CardState) -> Queue:
        if state is CardState.NEW:
            return Queue.NEW
        if state is CardState.REVIEW:
            return Queue.REVIEW
        return Queue.LEARNING


class LeechAction(StrEnum):
    TAG = "tag"
    SUSPEND = "suspend"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a note came from, so a card can show its paragraph.

    ``anchor`` is the stable part of the note's identity: a structural address in
    the article (section number, paragraph, role), never the note's text.
    """

    article: str = ""
    anchor: str = ""
    section: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """One unit of content; yields one card per cloze number, or one card.

    ``text`` holds cloze markup for cloze notes and optional context for the
    others; ``prompt``/``answer`` are the Q&A sides; ``items`` the list points.
    """

    guid: str
    kind: NoteKind
    prompt: str = ""
    answer: str = ""
    text: str = ""
    items: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: SourceRef = field(default_factory=SourceRef)
    extra: str = ""


@dataclass(frozen=True, slots=True)
class DeckOptions:
    """A deck's preset, named and defaulted as in Anki's deck options."""

    desired_retention: float = 0.9
    learning_steps: tuple[int, ...] = (60, 600)
    """Seconds."""
    relearning_steps: tuple[int, ...] = (600,)
    """Seconds."""
    maximum_interval: int = 36500
    """Days."""
    new_per_day: int = 20
    reviews_per_day: int = 200
    enable_fuzz: bool = True
    bury_siblings: bool = True
    leech_threshold: int = 8
    leech_action: LeechAction = LeechAction.TAG
    type_answers: bool | Literal["strict"] = False
    """Type Q&A and list answers; ``"strict"``: a point counts only word for word."""
    fsrs_parameters: tuple[float, ...] = ()
    """Empty means the fsrs package defaults."""
    exam_date: date | None = None
    exam_target: float = 0.9


@dataclass(frozen=True, slots=True)
class Deck:
    id: int
    name: str
    description: str = ""
    options: DeckOptions = field(default_factory=DeckOptions)


@dataclass(frozen=True, slots=True)
class Card:
    """A scheduled thing: one note's cloze ``ord`` (0 for qa and list notes).

    Scheduling fields are a cache of the review log; datetimes are aware UTC.
    """

    id: int
    note_guid: str
    ord: int
    deck_id: int
    state: CardState = CardState.NEW
    queue: Queue = Queue.NEW
    due: datetime | None = None
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    position: int = 0


@dataclass(frozen=True, slots=True)
class Review:
    """One answer; the review log is the source of truth for card state."""

    card_id: int
    rating: Rating
    reviewed_at: datetime
    duration_ms: int = 0
    state_before: CardState = CardState.NEW
    id: int = 0


@dataclass(frozen=True, slots=True)
class Article:
    """Raw material for the generator; ``text`` is exactly what was read."""

    text: str
    title: str = ""
    source: str = ""
