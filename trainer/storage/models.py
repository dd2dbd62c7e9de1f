"""The progress store's schema, as SQLAlchemy 2.x typed models.

Times are integers (UTC epoch seconds, review times in milliseconds) so day
grouping and range scans are plain integer arithmetic on both SQLite and
PostgreSQL; ``reviews.day`` is the learner's local study day (day boundary
applied when the answer was written) so roll-ups need no date functions.
Migrations under ``migrations/`` are the only way the schema is created; a test
checks autogenerate finds no difference between these models and them.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ProfileRow(Base):
    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="")
    """IANA zone name; empty means the machine's local zone."""
    rollover_hour: Mapped[int] = mapped_column(Integer, default=4)
    created_at: Mapped[int] = mapped_column(BigInteger)


class DeckRow(Base):
    __tablename__ = "decks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[str] = mapped_column(Text, default="{}")
    """DeckOptions as JSON; read through storage.codec."""
    created_at: Mapped[int] = mapped_column(BigInteger)
    modified_at: Mapped[int] = mapped_column(BigInteger)
    filter: Mapped[str] = mapped_column(Text, default="", server_default="")
    """A filtered deck's search, limit and order as JSON; empty for a normal deck."""
    preset: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """Options preset shared with other decks (as in Anki); empty for the deck's own."""
    extend_day: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The study day on which ``extend_new`` / ``extend_review`` apply (custom study)."""
    extend_new: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    extend_review: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    collapsed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    """The deck list hides this deck's sub-decks (schema 0008)."""


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    attribution: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String(10), default="", server_default="")
    """The date the article names for itself (``YYYY-MM-DD``), "" if none."""
    topics: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Themes from ``domain.topics``, space-padded like note tags (" 乡村振兴 教育 ")."""
    deck_id: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The deck its cards were first made into (0: unknown or gone)."""
    created_at: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """UTC epoch seconds the article was first made into cards."""


class NoteRow(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(64), unique=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    items: Mapped[str] = mapped_column(Text, default="[]")
    tags: Mapped[str] = mapped_column(Text, default="")
    """Space-separated, with a leading and trailing space, as Anki stores them."""
    extra: Mapped[str] = mapped_column(Text, default="")
    source_article: Mapped[str] = mapped_column(String(200), default="")
    source_anchor: Mapped[str] = mapped_column(String(200), default="")
    source_section: Mapped[str] = mapped_column(Text, default="")
    source_start: Mapped[int] = mapped_column(Integer, default=0)
    source_end: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    modified_at: Mapped[int] = mapped_column(BigInteger)


class CardRow(Base):
    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("profile_id", "note_id", "ord", name="uq_cards_profile_note_ord"),
        Index("ix_cards_queue_due", "profile_id", "deck_id", "queue", "due"),
        Index("ix_cards_queue_position", "profile_id", "deck_id", "queue", "position"),
        Index("ix_cards_note", "note_id"),
        Index("ix_cards_added", "profile_id", "added_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"))
    deck_id: Mapped[int] = mapped_column(Integer)
    """Copied from the note so the queue index covers it."""
    ord: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[int] = mapped_column(Integer, default=0)
    queue: Mapped[int] = mapped_column(Integer, default=0)
    due: Mapped[int] = mapped_column(BigInteger, default=0)
    """UTC epoch seconds; 0 for new cards, which are ordered by position."""
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_review: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    buried_until: Mapped[int] = mapped_column(Integer, default=0)
    """Study day on which a buried card comes back."""
    reset_at: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """UTC epoch milliseconds of the card's last reset to new (an Anki "Forget"), 0 if
    never: answers before it stay in the log as history, but its memory starts after."""
    added_at: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """UTC epoch seconds the card was made (Anki's ``added:``)."""
    original_deck_id: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The home deck while the card sits in a filtered deck; 0 at home."""
    original_due: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """The card's own due time while a filtered deck orders it."""


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_card", "card_id", "reviewed_at"),
        Index("ix_reviews_profile_day", "profile_id", "day", "deck_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"))
    profile_id: Mapped[int] = mapped_column(Integer)
    deck_id: Mapped[int] = mapped_column(Integer)
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[int] = mapped_column(BigInteger)
    """UTC epoch milliseconds."""
    day: Mapped[int] = mapped_column(Integer)
    """Local study day (proleptic ordinal after the day boundary)."""
    duration_ms: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    state_before: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    interval_days: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    """Scheduled interval after this answer, in days (fractional for learning)."""
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)
    undo: Mapped[str] = mapped_column(Text, default="", server_default="")
    """JSON snapshot of what the answer changed, so undo restores it exactly."""


class ReviewRecord(NamedTuple):
    """One row of the review log as written: every column but ``id``, in table order.

    The one shape every writer hands to ``reviews_repo.insert_many`` /
    ``add_review``; a new column is a field here (with its default) next to
    its ``ReviewRow`` column and its migration. A tuple, so a bulk import hands
    the driver its rows without copying them; ``reviews_repo`` checks at first
    use that the fields follow the table's columns.
    """

    card_id: int
    profile_id: int
    deck_id: int
    rating: int
    reviewed_at: int
    """UTC epoch milliseconds."""
    day: int
    """Local study day (proleptic ordinal after the day boundary)."""
    duration_ms: int = 0
    state_before: int = 0
    interval_days: float = 0.0
    stability: float | None = None
    difficulty: float | None = None
    undo: str = ""


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


PROFILES = _table(ProfileRow)
DECKS = _table(DeckRow)
ARTICLES = _table(ArticleRow)
NOTES = _table(NoteRow)
CARDS = _table(CardRow)
REVIEWS = _table(ReviewRow)
"""Core tables for the repositories' bulk statements."""


# -- statistics roll-up (schema 0002) ------------------------------------------------
ROLLUP_KINDS = ("learn", "young", "mature", "relearn")
"""Review kinds as Anki's stats count them (young/mature split on the last interval)."""
ROLLUP_BUTTON_GROUPS = ("learn", "young", "mature")
"""Anki's answer-button graph groups: learning (learn and relearn), young, mature."""


def _rollup_columns() -> list[Column[int]]:
    cols: list[Column[int]] = [
        Column("profile_id", Integer, primary_key=True),
        Column("deck_id", Integer, primary_key=True),
        Column("day", Integer, primary_key=True),
    ]
    names = [f"{k}_{m}" for k in ROLLUP_KINDS for m in ("n", "ms")]
    names += [f"{g}_b{b}" for g in ROLLUP_BUTTON_GROUPS for b in range(1, 5)]
    names += ["tr_young_pass", "tr_young_fail", "tr_mature_pass", "tr_mature_fail"]
    names += [f"h{h:02d}" for h in range(24)] + [f"hp{h:02d}" for h in range(24)]
    cols += [Column(n, BigInteger if n.endswith("_ms") else Integer, nullable=False) for n in names]
    cols.append(Column("last_review_id", BigInteger, nullable=False))
    return cols


class ReviewDayRow(Base):
    """Answers per (profile, deck, study day), kept up to date in the answering transaction.

    Counts and milliseconds per review kind, answer buttons per group, the
    true-retention tallies (first review of a review card on a day), and answers
    and passes per local hour (``hNN`` / ``hpNN``). ``last_review_id`` is the
    highest review id folded in, so a store whose reviews were written without
    the roll-up (bulk imports) is detected and rebuilt.
    """

    __table__ = Table("review_days", Base.metadata, *_rollup_columns())


REVIEW_DAYS = _table(ReviewDayRow)


# -- per-section/tag answer roll-up (schema 0003) -----------------------------------------
class ReviewGroupRow(Base):
    """Answers on review cards per (profile, deck, study day, note section, note tags).

    Kept in the answering transaction next to ``review_days`` (and rebuilt with
    it), so the per-section and per-tag retention never reads the review log.
    Answers are filed under the section and tags the note had when answered.
    """

    __tablename__ = "review_groups"

    profile_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deck_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    section: Mapped[str] = mapped_column(Text, primary_key=True)
    tags: Mapped[str] = mapped_column(Text, primary_key=True)
    answers: Mapped[int] = mapped_column(Integer)
    passed: Mapped[int] = mapped_column(Integer)


REVIEW_GROUPS = _table(ReviewGroupRow)


# -- timed answer practice (schema 0007) ---------------------------------------------------
class PracticeAttemptRow(Base):
    """One timed answer to a practice question, graded and self-rated.

    ``question_key`` names the question across attempts (article, type, place), so
    a question's schedule is its attempts: ``due_at`` of the latest one.
    ``missed`` is a JSON list of the expected points not found in the answer.
    """

    __tablename__ = "practice_attempts"
    __table_args__ = (
        Index("ix_practice_attempts_question", "profile_id", "question_key", "answered_at"),
        Index("ix_practice_attempts_time", "profile_id", "answered_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    article: Mapped[str] = mapped_column(String(200), default="")
    question_key: Mapped[str] = mapped_column(String(300))
    question_type: Mapped[str] = mapped_column(String(16))
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    time_used_ms: Mapped[int] = mapped_column(Integer, default=0)
    time_limit_s: Mapped[int] = mapped_column(Integer, default=0)
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    char_limit: Mapped[int] = mapped_column(Integer, default=0)
    coverage: Mapped[float] = mapped_column(Float, default=0.0)
    points_total: Mapped[int] = mapped_column(Integer, default=0)
    missed: Mapped[str] = mapped_column(Text, default="[]")
    rating: Mapped[int] = mapped_column(Integer, default=0)
    """1-4 (Again…Easy); the suggestion until the learner rates."""
    answered_at: Mapped[int] = mapped_column(BigInteger)
    """UTC epoch seconds."""
    due_at: Mapped[int] = mapped_column(BigInteger, default=0)
    """UTC epoch seconds the question comes back (from rating and coverage)."""


PRACTICE_ATTEMPTS = _table(PracticeAttemptRow)
