"""server defaults on the review log's optional columns

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-06 05:30:00

``reviews.duration_ms``, ``state_before`` and ``interval_days`` default to 0 and
``undo`` to the empty string in the database too, as they already did in the
models: a row written by anything that names only the required columns (an
older writer, a hand-made repair) is still complete, and a column added later
with a server default is filled for the rows already there. SQLite cannot
change a column's default in place, so its table is copied (batch mode), rows,
ids and indexes included.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_DEFAULTS = (
    ("duration_ms", sa.Integer(), "0"),
    ("state_before", sa.Integer(), "0"),
    ("interval_days", sa.Float(), "0"),
    ("undo", sa.Text(), ""),
)


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        for name, type_, default in _DEFAULTS:
            batch.alter_column(
                name, existing_type=type_, existing_nullable=False, server_default=default
            )


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        for name, type_, _default in _DEFAULTS:
            batch.alter_column(
                name, existing_type=type_, existing_nullable=False, server_default=None
            )
