"""card creation times and filtered decks

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 03:00:00

``cards.added_at`` (UTC epoch seconds) answers Anki's ``added:N`` search; cards
already in the store get the earliest time known for them (their note's last
change or their first answer, whichever came first). ``original_deck_id`` and
``original_due`` hold a card's home deck and due time while it sits in a
filtered deck (0 when it is at home), and ``decks.filter`` is a filtered deck's
search, limit and order as JSON (empty for a normal deck); ``decks.preset`` names
the options preset a deck shares with others (empty: its own options). ``extend_*`` are
custom study's "increase today's limit": extra new cards and reviews allowed
on study day ``extend_day`` only. ``ix_cards_added``
lets the browser's default order (newest last) stop after its first page.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cards") as batch:
        batch.add_column(sa.Column("added_at", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(
            sa.Column("original_deck_id", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("original_due", sa.BigInteger(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("decks") as batch:
        batch.add_column(sa.Column("filter", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("preset", sa.String(length=100), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("extend_day", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("extend_new", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("extend_review", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_index("ix_cards_added", "cards", ["profile_id", "added_at"])
    op.execute(
        "UPDATE cards SET added_at = COALESCE(("
        "SELECT min(notes.modified_at) FROM notes WHERE notes.id = cards.note_id), 0)"
    )
    op.execute(
        "UPDATE cards SET added_at = ("
        "SELECT min(reviews.reviewed_at) / 1000 FROM reviews WHERE reviews.card_id = cards.id) "
        "WHERE EXISTS (SELECT 1 FROM reviews WHERE reviews.card_id = cards.id "
        "AND reviews.reviewed_at / 1000 < cards.added_at)"
    )


def downgrade() -> None:
    op.drop_index("ix_cards_added", table_name="cards")
    with op.batch_alter_table("decks") as batch:
        batch.drop_column("extend_review")
        batch.drop_column("extend_new")
        batch.drop_column("extend_day")
        batch.drop_column("preset")
        batch.drop_column("filter")
    with op.batch_alter_table("cards") as batch:
        batch.drop_column("original_due")
        batch.drop_column("original_deck_id")
        batch.drop_column("added_at")
