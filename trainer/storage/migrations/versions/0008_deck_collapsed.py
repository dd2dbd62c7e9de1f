"""collapsed decks in the deck tree

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-06 05:45:00

``decks.collapsed`` keeps whether the deck list shows a parent's sub-decks
(false: expanded, as every deck starts), as Anki keeps its deck browser's
collapsed state per deck.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("decks") as batch:
        batch.add_column(
            sa.Column("collapsed", sa.Boolean(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("decks") as batch:
        batch.drop_column("collapsed")
