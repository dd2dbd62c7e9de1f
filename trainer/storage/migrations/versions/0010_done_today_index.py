"""the day's answers per deck read from the index alone

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 11:00:00

``ix_reviews_profile_day`` (profile, study day, deck) also holds ``state_before``
and ``card_id``: what the queue asks on every read ("new cards and reviews done
today per deck", ``count_sql.DONE_TODAY``) is then answered from the index
without visiting the day's review rows (on a million-answer store, 8–10 ms per
queue read before, a fraction of a millisecond after). Every query that used the
index by its first columns still does; the review log keeps one index to update
per answer.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_NAME = "ix_reviews_profile_day"


def upgrade() -> None:
    op.drop_index(_NAME, table_name="reviews")
    op.create_index(
        _NAME, "reviews", ["profile_id", "day", "deck_id", "state_before", "card_id"]
    )


def downgrade() -> None:
    op.drop_index(_NAME, table_name="reviews")
    op.create_index(_NAME, "reviews", ["profile_id", "day", "deck_id"])
