"""every card's note group as one integer, for the statistics' sections table

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 21:45:00

``note_groups`` holds each distinct (note source section, note tags) pair once;
``cards.group_id`` is the pair of the card's note. ``ix_cards_group`` orders the
cards by it, with what the statistics compute per card (profile, deck, queue,
state, stability, last answer), so the per-section and per-tag table reads its
groups in index order from the index alone: no join to the notes, no sort on two
texts (``report_repo.group_cards``). Every card of an existing store is given its
group here; ``trainer.storage.card_groups`` keeps them from then on. The SQL is
fixed here as text so later changes to that module cannot change what this
revision does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_INDEX = "ix_cards_group"
INDEX_COLUMNS = (
    "group_id",
    "profile_id",
    "deck_id",
    "queue",
    "state",
    "stability",
    "last_review",
)


def upgrade() -> None:
    op.create_table(
        "note_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_groups")),
        sa.UniqueConstraint("section", "tags", name=op.f("uq_note_groups_section")),
    )
    op.add_column("cards", sa.Column("group_id", sa.Integer(), nullable=True))
    op.execute(
        "INSERT INTO note_groups (section, tags) "
        "SELECT DISTINCT source_section, tags FROM notes ORDER BY source_section, tags"
    )
    op.execute(
        "UPDATE cards SET group_id = ("
        "SELECT g.id FROM notes n JOIN note_groups g "
        "ON g.section = n.source_section AND g.tags = n.tags WHERE n.id = cards.note_id)"
    )
    op.create_index(_INDEX, "cards", list(INDEX_COLUMNS))


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="cards")
    # A plain ALTER TABLE (SQLite 3.35+, PostgreSQL): a batch copy of the cards table
    # would not carry ``ix_cards_stats``, an index on expressions, across.
    op.execute("ALTER TABLE cards DROP COLUMN group_id")
    op.drop_table("note_groups")
