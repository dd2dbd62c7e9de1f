"""daily roll-up of answers for statistics

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:00:00

The table starts empty; ``trainer.storage.rollup_repo.is_stale`` notices the review log
is ahead of it and the stats service rebuilds it once from the log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_KINDS = ("learn", "young", "mature", "relearn")
_GROUPS = ("learn", "young", "mature")


def _counter_columns() -> list[sa.Column[int]]:
    cols: list[sa.Column[int]] = []
    for k in _KINDS:
        cols.append(sa.Column(f"{k}_n", sa.Integer(), nullable=False))
        cols.append(sa.Column(f"{k}_ms", sa.BigInteger(), nullable=False))
    for g in _GROUPS:
        cols += [sa.Column(f"{g}_b{b}", sa.Integer(), nullable=False) for b in range(1, 5)]
    for name in ("tr_young_pass", "tr_young_fail", "tr_mature_pass", "tr_mature_fail"):
        cols.append(sa.Column(name, sa.Integer(), nullable=False))
    cols += [sa.Column(f"h{h:02d}", sa.Integer(), nullable=False) for h in range(24)]
    cols += [sa.Column(f"hp{h:02d}", sa.Integer(), nullable=False) for h in range(24)]
    return cols


def upgrade() -> None:
    op.create_table(
        "review_days",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("deck_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        *_counter_columns(),
        sa.Column("last_review_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("profile_id", "deck_id", "day", name=op.f("pk_review_days")),
    )


def downgrade() -> None:
    op.drop_table("review_days")
