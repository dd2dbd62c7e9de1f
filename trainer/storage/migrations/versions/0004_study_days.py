"""elapsed time in study days; resets kept on cards

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 03:00:00

Stores written before this counted the time between a card's answers in whole
24-hour periods, where FSRS and Anki count study days (an answer at 08:27 the
day after one at 08:52 is a day later, not the same day): their stabilities
are too low and due dates too early. Every answered card is replayed from its
review log with study days (``trainer.services.reschedule.rebuild_store``), in
the migration's transaction; the store is backed up before any migration runs.
``cards.reset_at`` records an Anki "Forget" carried in by an import: answers
before it are history, and the card's memory starts after it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "cards", sa.Column("reset_at", sa.BigInteger(), server_default="0", nullable=False)
    )
    from trainer.services.reschedule import rebuild_store

    rebuild_store(op.get_bind())
    # True retention now counts every review answer: the roll-up is rebuilt from the
    # log on first use (an empty one is stale).
    op.execute("DELETE FROM review_days")


def downgrade() -> None:
    with op.batch_alter_table("cards") as batch:
        batch.drop_column("reset_at")
