"""per-section/tag answer roll-up for statistics

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 12:00:00

``review_groups`` starts empty. The daily roll-up is emptied too, so the stats
service sees it as stale and rebuilds both from the review log on first use
(they are always rebuilt together).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_groups",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "profile_id", "deck_id", "day", "section", "tags", name=op.f("pk_review_groups")
        ),
    )
    op.execute("DELETE FROM review_days")


def downgrade() -> None:
    op.drop_table("review_groups")
