"""timed answer practice attempts

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-06 05:30:00

``practice_attempts`` keeps every timed answer to a practice question (概括问题,
对策, 原因, 意义, 理解): the question and answer as written, the time used, the
answer sheet's cell count against the limit, the share of expected points covered,
the points missed (JSON), the self-rating, and when the question is due again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("article", sa.String(length=200), nullable=False),
        sa.Column("question_key", sa.String(length=300), nullable=False),
        sa.Column("question_type", sa.String(length=16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("time_used_ms", sa.Integer(), nullable=False),
        sa.Column("time_limit_s", sa.Integer(), nullable=False),
        sa.Column("char_count", sa.Integer(), nullable=False),
        sa.Column("char_limit", sa.Integer(), nullable=False),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.Column("points_total", sa.Integer(), nullable=False),
        sa.Column("missed", sa.Text(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.BigInteger(), nullable=False),
        sa.Column("due_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_practice_attempts_profile_id_profiles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_practice_attempts"),
    )
    with op.batch_alter_table("practice_attempts") as batch:
        batch.create_index(
            "ix_practice_attempts_question", ["profile_id", "question_key", "answered_at"]
        )
        batch.create_index("ix_practice_attempts_time", ["profile_id", "answered_at"])


def downgrade() -> None:
    with op.batch_alter_table("practice_attempts") as batch:
        batch.drop_index("ix_practice_attempts_time")
        batch.drop_index("ix_practice_attempts_question")
    op.drop_table("practice_attempts")
