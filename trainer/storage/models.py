"""The progress store's schema, as SQLAlchemy Core tables (no ORM: importing the
schema must not pull in ``sqlalchemy.orm``, which every command would pay for).

Times are integers (UTC epoch seconds, review times in milliseconds) so day
grouping and range scans are plain integer arithmetic on both SQLite and
PostgreSQL; ``reviews.day`` is the learner's local study day (day boundary
applied when the answer was written) so roll-ups need no date functions.
Migrations under ``migrations/`` are the only way the schema is created; a test
checks autogenerate finds no difference between these tables and them.
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

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


METADATA = MetaData(naming_convention=NAMING)
"""Every table of the store (Alembic's autogenerate compares the migrations with it)."""


PROFILES = Table(
    "profiles",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), unique=True, nullable=False),
    # IANA zone name; empty means the machine's local zone.
    Column("timezone", String(64), default="", nullable=False),
    Column("rollover_hour", Integer, default=4, nullable=False),
    Column("created_at", BigInteger, nullable=False),
)


DECKS = Table(
    "decks",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), unique=True, nullable=False),
    Column("description", Text, default="", nullable=False),
    # DeckOptions as JSON; read through storage.codec.
    Column("options", Text, default="{}", nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("modified_at", BigInteger, nullable=False),
    # A filtered deck's search, limit and order as JSON; empty for a normal deck.
    Column("filter", Text, default="", server_default="", nullable=False),
    # Options preset shared with other decks (as in Anki); empty for the deck's own.
    Column("preset", String(100), default="", server_default="", nullable=False),
    # The study day on which ``extend_new`` / ``extend_review`` apply (custom study).
    Column("extend_day", Integer, default=0, server_default="0", nullable=False),
    Column("extend_new", Integer, default=0, server_default="0", nullable=False),
    Column("extend_review", Integer, default=0, server_default="0", nullable=False),
    # The deck list hides this deck's sub-decks (schema 0008).
    Column("collapsed", Boolean, default=False, server_default="0", nullable=False),
)


ARTICLES = Table(
    "articles",
    METADATA,
    Column("id", String(200), primary_key=True),
    Column("title", Text, default="", nullable=False),
    Column("text", Text, default="", nullable=False),
    Column("source", Text, default="", nullable=False),
    Column("attribution", Text, default="", nullable=False),
    # The date the article names for itself (``YYYY-MM-DD``), "" if none.
    Column("date", String(10), default="", server_default="", nullable=False),
    # Themes from ``domain.topics``, space-padded like note tags (" 乡村振兴 教育 ").
    Column("topics", Text, default="", server_default="", nullable=False),
    # The deck its cards were first made into (0: unknown or gone).
    Column("deck_id", Integer, default=0, server_default="0", nullable=False),
    # UTC epoch seconds the article was first made into cards.
    Column("created_at", BigInteger, default=0, server_default="0", nullable=False),
)


NOTES = Table(
    "notes",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("guid", String(64), unique=True, nullable=False),
    Column(
        "deck_id", Integer, ForeignKey("decks.id", ondelete="CASCADE"), index=True, nullable=False
    ),
    Column("kind", String(16), nullable=False),
    Column("prompt", Text, default="", nullable=False),
    Column("answer", Text, default="", nullable=False),
    Column("text", Text, default="", nullable=False),
    Column("items", Text, default="[]", nullable=False),
    # Space-separated, with a leading and trailing space, as Anki stores them.
    Column("tags", Text, default="", nullable=False),
    Column("extra", Text, default="", nullable=False),
    Column("source_article", String(200), default="", nullable=False),
    Column("source_anchor", String(200), default="", nullable=False),
    Column("source_section", Text, default="", nullable=False),
    Column("source_start", Integer, default=0, nullable=False),
    Column("source_end", Integer, default=0, nullable=False),
    Column("position", Integer, default=0, nullable=False),
    Column("retired", Boolean, default=False, nullable=False),
    Column("modified_at", BigInteger, nullable=False),
)


CARDS = Table(
    "cards",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    # Copied from the note so the queue index covers it.
    Column("deck_id", Integer, nullable=False),
    Column("ord", Integer, default=0, nullable=False),
    Column("state", Integer, default=0, nullable=False),
    Column("queue", Integer, default=0, nullable=False),
    # UTC epoch seconds; 0 for new cards, which are ordered by position.
    Column("due", BigInteger, default=0, nullable=False),
    Column("step", Integer, nullable=True),
    Column("stability", Float, nullable=True),
    Column("difficulty", Float, nullable=True),
    Column("last_review", BigInteger, nullable=True),
    Column("reps", Integer, default=0, nullable=False),
    Column("lapses", Integer, default=0, nullable=False),
    Column("position", Integer, default=0, nullable=False),
    # Study day on which a buried card comes back.
    Column("buried_until", Integer, default=0, nullable=False),
    # UTC epoch milliseconds of the card's last reset to new (an Anki "Forget"), 0 if never:
    # answers before it stay in the log as history, but its memory starts after.
    Column("reset_at", BigInteger, default=0, server_default="0", nullable=False),
    # UTC epoch seconds the card was made (Anki's ``added:``).
    Column("added_at", BigInteger, default=0, server_default="0", nullable=False),
    # The home deck while the card sits in a filtered deck; 0 at home.
    Column("original_deck_id", Integer, default=0, server_default="0", nullable=False),
    # The card's own due time while a filtered deck orders it.
    Column("original_due", BigInteger, default=0, server_default="0", nullable=False),
    UniqueConstraint("profile_id", "note_id", "ord", name="uq_cards_profile_note_ord"),
    Index("ix_cards_queue_due", "profile_id", "deck_id", "queue", "due"),
    Index("ix_cards_queue_position", "profile_id", "deck_id", "queue", "position"),
    Index("ix_cards_note", "note_id"),
    Index("ix_cards_added", "profile_id", "added_at"),
)


REVIEWS = Table(
    "reviews",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("card_id", Integer, ForeignKey("cards.id", ondelete="CASCADE"), nullable=False),
    Column("profile_id", Integer, nullable=False),
    Column("deck_id", Integer, nullable=False),
    Column("rating", Integer, nullable=False),
    # UTC epoch milliseconds.
    Column("reviewed_at", BigInteger, nullable=False),
    # Local study day (proleptic ordinal after the day boundary).
    Column("day", Integer, nullable=False),
    Column("duration_ms", Integer, default=0, server_default="0", nullable=False),
    Column("state_before", Integer, default=0, server_default="0", nullable=False),
    # Scheduled interval after this answer, in days (fractional for learning).
    Column("interval_days", Float, default=0.0, server_default="0", nullable=False),
    Column("stability", Float, nullable=True),
    Column("difficulty", Float, nullable=True),
    # JSON snapshot of what the answer changed, so undo restores it exactly.
    Column("undo", Text, default="", server_default="", nullable=False),
    Index("ix_reviews_card", "card_id", "reviewed_at"),
    Index("ix_reviews_profile_day", "profile_id", "day", "deck_id"),
)


class ReviewRecord(NamedTuple):
    """One row of the review log as written: every column but ``id``, in table order.

    The one shape every writer hands to ``reviews_repo.insert_many`` /
    ``add_review``; a new column is a field here (with its default) next to
    its column in ``REVIEWS`` and its migration. A tuple, so a bulk import hands
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


# Answers per (profile, deck, study day), kept up to date in the answering transaction.
# Counts and milliseconds per review kind, answer buttons per group, the true-retention
# tallies (first review of a review card on a day), and answers and passes per local hour
# (``hNN`` / ``hpNN``). ``last_review_id`` is the highest review id folded in; with the
# kind counters' total (the answers folded in) it tells when reviews were written without
# the roll-up (bulk imports), and the roll-up is rebuilt.
REVIEW_DAYS = Table("review_days", METADATA, *_rollup_columns())


# -- per-section/tag answer roll-up (schema 0003) -----------------------------------------
# Answers on review cards per (profile, deck, study day, note section, note tags).  Kept
# in the answering transaction next to ``review_days`` (and rebuilt with it), so the per-
# section and per-tag retention never reads the review log. Answers are filed under the
# section and tags the note had when answered.
REVIEW_GROUPS = Table(
    "review_groups",
    METADATA,
    Column("profile_id", Integer, primary_key=True),
    Column("deck_id", Integer, primary_key=True),
    Column("day", Integer, primary_key=True),
    Column("section", Text, primary_key=True),
    Column("tags", Text, primary_key=True),
    Column("answers", Integer, nullable=False),
    Column("passed", Integer, nullable=False),
)


# -- timed answer practice (schema 0007) ---------------------------------------------------
# One timed answer to a practice question, graded and self-rated.  ``question_key`` names
# the question across attempts (article, type, place), so a question's schedule is its
# attempts: ``due_at`` of the latest one. ``missed`` is a JSON list of the expected points
# not found in the answer.
PRACTICE_ATTEMPTS = Table(
    "practice_attempts",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("article", String(200), default="", nullable=False),
    Column("question_key", String(300), nullable=False),
    Column("question_type", String(16), nullable=False),
    Column("question", Text, default="", nullable=False),
    Column("answer", Text, default="", nullable=False),
    Column("time_used_ms", Integer, default=0, nullable=False),
    Column("time_limit_s", Integer, default=0, nullable=False),
    Column("char_count", Integer, default=0, nullable=False),
    Column("char_limit", Integer, default=0, nullable=False),
    Column("coverage", Float, default=0.0, nullable=False),
    Column("points_total", Integer, default=0, nullable=False),
    Column("missed", Text, default="[]", nullable=False),
    # 1-4 (Again…Easy); the suggestion until the learner rates.
    Column("rating", Integer, default=0, nullable=False),
    # UTC epoch seconds.
    Column("answered_at", BigInteger, nullable=False),
    # UTC epoch seconds the question comes back (from rating and coverage).
    Column("due_at", BigInteger, default=0, nullable=False),
    Index("ix_practice_attempts_question", "profile_id", "question_key", "answered_at"),
    Index("ix_practice_attempts_time", "profile_id", "answered_at"),
)
