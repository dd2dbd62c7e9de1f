"""The progress store's schema, as SQLAlchemy Core tables.

Times are integers (UTC epoch seconds, review times in milliseconds) so day
grouping and range scans are plain integer arithmetic on both SQLite and
PostgreSQL; ``reviews.day`` is the learner's local study day (day boundary
applied when the answer was written) so roll-ups need no date functions.
Migrations under ``migrations/`` bring an existing store to this schema; a new
store is created from these tables at the head revision (``migrate``). Tests check
autogenerate finds no difference between these tables and the migrations, and that
a store created in one step is identical in schema to one migrated step by step.
No ORM: the repositories read and write rows with Core and driver SQL.
"""

from __future__ import annotations

from typing import Any

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
    text,
)

from trainer.storage.card_stats_sql import GROUP_INDEX_COLUMNS, STATS_INDEX_SQL
from trainer.storage.records import ROLLUP_BUTTON_GROUPS as ROLLUP_BUTTON_GROUPS
from trainer.storage.records import ROLLUP_COUNTERS
from trainer.storage.records import ROLLUP_KINDS as ROLLUP_KINDS
from trainer.storage.records import ReviewRecord as ReviewRecord

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

METADATA = MetaData(naming_convention=NAMING)
"""Every table of the store: the migrations' target and a new store's schema."""


def _col(name: str, type_: Any, *args: Any, nullable: bool = False, **kw: Any) -> Column[Any]:
    """A column, NOT NULL unless said otherwise (as the typed models had it)."""
    return Column(name, type_, *args, nullable=nullable, **kw)


PROFILES = Table(
    "profiles",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("name", String(100), unique=True),
    # IANA zone name; empty means the machine's local zone.
    _col("timezone", String(64), default=""),
    _col("rollover_hour", Integer, default=4),
    _col("created_at", BigInteger),
)

DECKS = Table(
    "decks",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("name", String(200), unique=True),
    _col("description", Text, default=""),
    # DeckOptions as JSON; read through storage.codec.
    _col("options", Text, default="{}"),
    _col("created_at", BigInteger),
    _col("modified_at", BigInteger),
    # A filtered deck's search, limit and order as JSON; empty for a normal deck.
    _col("filter", Text, default="", server_default=""),
    # Options preset shared with other decks (as in Anki); empty for the deck's own.
    _col("preset", String(100), default="", server_default=""),
    # The study day on which ``extend_new`` / ``extend_review`` apply (custom study).
    _col("extend_day", Integer, default=0, server_default="0"),
    _col("extend_new", Integer, default=0, server_default="0"),
    _col("extend_review", Integer, default=0, server_default="0"),
    # The deck list hides this deck's sub-decks (schema 0008).
    _col("collapsed", Boolean, default=False, server_default="0"),
)

ARTICLES = Table(
    "articles",
    METADATA,
    _col("id", String(200), primary_key=True),
    _col("title", Text, default=""),
    _col("text", Text, default=""),
    _col("source", Text, default=""),
    _col("attribution", Text, default=""),
    # The date the article names for itself (``YYYY-MM-DD``), "" if none.
    _col("date", String(10), default="", server_default=""),
    # Themes from ``domain.topics``, space-padded like note tags (" 乡村振兴 教育 ").
    _col("topics", Text, default="", server_default=""),
    # The deck its cards were first made into (0: unknown or gone).
    _col("deck_id", Integer, default=0, server_default="0"),
    # UTC epoch seconds the article was first made into cards.
    _col("created_at", BigInteger, default=0, server_default="0"),
)

NOTES = Table(
    "notes",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("guid", String(64), unique=True),
    _col("deck_id", Integer, ForeignKey("decks.id", ondelete="CASCADE"), index=True),
    _col("kind", String(16)),
    _col("prompt", Text, default=""),
    _col("answer", Text, default=""),
    _col("text", Text, default=""),
    _col("items", Text, default="[]"),
    # Space-separated, with a leading and trailing space, as Anki stores them.
    _col("tags", Text, default=""),
    _col("extra", Text, default=""),
    _col("source_article", String(200), default=""),
    _col("source_anchor", String(200), default=""),
    _col("source_section", Text, default=""),
    _col("source_start", Integer, default=0),
    _col("source_end", Integer, default=0),
    _col("position", Integer, default=0),
    _col("retired", Boolean, default=False),
    _col("modified_at", BigInteger),
)

CARDS = Table(
    "cards",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE")),
    _col("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE")),
    # Copied from the note so the queue index covers it.
    _col("deck_id", Integer),
    _col("ord", Integer, default=0),
    _col("state", Integer, default=0),
    _col("queue", Integer, default=0),
    # UTC epoch seconds; 0 for new cards, which are ordered by position.
    _col("due", BigInteger, default=0),
    _col("step", Integer, nullable=True),
    _col("stability", Float, nullable=True),
    _col("difficulty", Float, nullable=True),
    _col("last_review", BigInteger, nullable=True),
    _col("reps", Integer, default=0),
    _col("lapses", Integer, default=0),
    _col("position", Integer, default=0),
    # Study day on which a buried card comes back.
    _col("buried_until", Integer, default=0),
    # UTC epoch milliseconds of the card's last reset to new (an Anki "Forget"), 0 if
    # never: answers before it stay in the log as history, but its memory starts after.
    _col("reset_at", BigInteger, default=0, server_default="0"),
    # UTC epoch seconds the card was made (Anki's ``added:``).
    _col("added_at", BigInteger, default=0, server_default="0"),
    # The home deck while the card sits in a filtered deck; 0 at home.
    _col("original_deck_id", Integer, default=0, server_default="0"),
    # The card's own due time while a filtered deck orders it.
    _col("original_due", BigInteger, default=0, server_default="0"),
    # The note's (section, tags) pair in ``note_groups`` (schema 0012, ``card_groups``);
    # NULL only for a card written by other means, until ``card_groups.fill``.
    _col("group_id", Integer, nullable=True),
    UniqueConstraint("profile_id", "note_id", "ord", name="uq_cards_profile_note_ord"),
    Index("ix_cards_queue_due", "profile_id", "deck_id", "queue", "due"),
    Index("ix_cards_queue_position", "profile_id", "deck_id", "queue", "position"),
    Index("ix_cards_note", "note_id"),
    Index("ix_cards_added", "profile_id", "added_at"),
    # The statistics' card groups in index order (schema 0011, report_repo.card_buckets).
    Index("ix_cards_stats", *(c if c.isidentifier() else text(c) for c in STATS_INDEX_SQL)),
    # The statistics' cards per note group in index order (schema 0012,
    # report_repo.group_cards).
    Index("ix_cards_group", *GROUP_INDEX_COLUMNS),
)

NOTE_GROUPS = Table(
    "note_groups",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("section", Text),
    _col("tags", Text),
    UniqueConstraint("section", "tags"),
)
"""Each distinct (note source section, note tags) pair once: ``cards.group_id``'s
values (schema 0012), written only by ``trainer.storage.card_groups``."""

REVIEWS = Table(
    "reviews",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("card_id", Integer, ForeignKey("cards.id", ondelete="CASCADE")),
    _col("profile_id", Integer),
    _col("deck_id", Integer),
    _col("rating", Integer),
    # UTC epoch milliseconds.
    _col("reviewed_at", BigInteger),
    # Local study day (proleptic ordinal after the day boundary).
    _col("day", Integer),
    _col("duration_ms", Integer, default=0, server_default="0"),
    _col("state_before", Integer, default=0, server_default="0"),
    # Scheduled interval after this answer, in days (fractional for learning).
    _col("interval_days", Float, default=0.0, server_default="0"),
    _col("stability", Float, nullable=True),
    _col("difficulty", Float, nullable=True),
    # JSON snapshot of what the answer changed, so undo restores it exactly.
    _col("undo", Text, default="", server_default=""),
    Index("ix_reviews_card", "card_id", "reviewed_at"),
    # Covers the day's new and review counts per deck (schema 0010).
    Index("ix_reviews_profile_day", "profile_id", "day", "deck_id", "state_before", "card_id"),
)
"""Core tables for the repositories' statements (no ORM: nothing maps rows to objects)."""


# -- statistics roll-up (schema 0002) ------------------------------------------------
def _rollup_columns() -> list[Column[int]]:
    cols: list[Column[int]] = [
        Column("profile_id", Integer, primary_key=True),
        Column("deck_id", Integer, primary_key=True),
        Column("day", Integer, primary_key=True),
    ]
    cols += [
        Column(n, BigInteger if n.endswith("_ms") else Integer, nullable=False)
        for n in ROLLUP_COUNTERS
    ]
    cols.append(Column("last_review_id", BigInteger, nullable=False))
    return cols


REVIEW_DAYS = Table("review_days", METADATA, *_rollup_columns())
"""Answers per (profile, deck, study day), kept up to date in the answering transaction.

Counts and milliseconds per review kind, answer buttons per group, the
true-retention tallies (first review of a review card on a day), and answers
and passes per local hour (``hNN`` / ``hpNN``). ``last_review_id`` is the
highest review id folded in, so a store whose reviews were written without
the roll-up (bulk imports) is detected and rebuilt.
"""


# -- per-section/tag answer roll-up (schema 0003) -----------------------------------------
REVIEW_GROUPS = Table(
    "review_groups",
    METADATA,
    _col("profile_id", Integer, primary_key=True),
    _col("deck_id", Integer, primary_key=True),
    _col("day", Integer, primary_key=True),
    _col("section", Text, primary_key=True),
    _col("tags", Text, primary_key=True),
    _col("answers", Integer),
    _col("passed", Integer),
)
"""Answers on review cards per (profile, deck, study day, note section, note tags).

Kept in the answering transaction next to ``review_days`` (and rebuilt with
it), so the per-section and per-tag retention never reads the review log.
Answers are filed under the section and tags the note had when answered.
"""


# -- timed answer practice (schema 0007) ---------------------------------------------------
PRACTICE_ATTEMPTS = Table(
    "practice_attempts",
    METADATA,
    _col("id", Integer, primary_key=True),
    _col("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE")),
    _col("article", String(200), default=""),
    _col("question_key", String(300)),
    _col("question_type", String(16)),
    _col("question", Text, default=""),
    _col("answer", Text, default=""),
    _col("time_used_ms", Integer, default=0),
    _col("time_limit_s", Integer, default=0),
    _col("char_count", Integer, default=0),
    _col("char_limit", Integer, default=0),
    _col("coverage", Float, default=0.0),
    _col("points_total", Integer, default=0),
    _col("missed", Text, default="[]"),
    # 1-4 (Again…Easy); the suggestion until the learner rates.
    _col("rating", Integer, default=0),
    # UTC epoch seconds.
    _col("answered_at", BigInteger),
    # UTC epoch seconds the question comes back (from rating and coverage).
    _col("due_at", BigInteger, default=0),
    Index("ix_practice_attempts_question", "profile_id", "question_key", "answered_at"),
    Index("ix_practice_attempts_time", "profile_id", "answered_at"),
)
"""One timed answer to a practice question, graded and self-rated.

``question_key`` names the question across attempts (article, type, place), so
a question's schedule is its attempts: ``due_at`` of the latest one.
``missed`` is a JSON list of the expected points not found in the answer.
"""
