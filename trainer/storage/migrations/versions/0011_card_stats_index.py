"""the statistics' card groups read off an index

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 16:30:00

``ix_cards_stats`` orders a profile's cards by state, queue, whole-day interval,
stability bucket and difficulty bucket (then deck): the statistics report's
grouping of every card by what does not move with time
(``report_repo.card_buckets``) then reads its groups in index order instead of
sorting 100,000 cards, and the stability and difficulty histograms come from the
same groups; the deck and the columns the expressions read follow, so the
scan never visits a card row. The expressions are ``report_repo.STATS_INDEX_SQL`` word for word
(``tests/storage/test_query_plans.py`` holds them equal); they are fixed here as
text so a later change of the report's buckets cannot change what this revision
made.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_NAME = "ix_cards_stats"

COLUMNS: tuple[str, ...] = (
    "profile_id",
    "state",
    "queue",
    "((due - last_review + 43200) / 86400)",
    (
        "(CASE WHEN stability > 0 THEN CASE WHEN stability < 21 THEN CASE WHEN stability < 5 "
        "THEN CASE WHEN stability < 3 THEN CASE WHEN stability < 2 THEN CASE WHEN stability <"
        " 1 THEN 0 ELSE 1 END ELSE 2 END ELSE CASE WHEN stability < 4 THEN 3 ELSE 4 END END "
        "ELSE CASE WHEN stability < 10 THEN CASE WHEN stability < 7 THEN CASE WHEN stability "
        "< 6 THEN 5 ELSE 6 END ELSE 7 END ELSE CASE WHEN stability < 14 THEN 8 ELSE 9 END END"
        " END ELSE CASE WHEN stability < 365 THEN CASE WHEN stability < 90 THEN CASE WHEN "
        "stability < 60 THEN CASE WHEN stability < 30 THEN 10 ELSE 11 END ELSE 12 END ELSE "
        "CASE WHEN stability < 180 THEN 13 ELSE 14 END END ELSE CASE WHEN stability < 1825 "
        "THEN CASE WHEN stability < 730 THEN 15 ELSE 16 END ELSE CASE WHEN stability < 3650 "
        "THEN 17 ELSE 18 END END END END ELSE -1 END)"
    ),
    (
        "(CASE WHEN difficulty IS NULL THEN NULL WHEN difficulty >= 10 THEN 9 ELSE CASE WHEN "
        "(difficulty - 1) * 10 / 9.0 < 5 THEN CASE WHEN (difficulty - 1) * 10 / 9.0 < 3 THEN "
        "CASE WHEN (difficulty - 1) * 10 / 9.0 < 2 THEN CASE WHEN (difficulty - 1) * 10 / 9.0"
        " < 1 THEN 0 ELSE 1 END ELSE 2 END ELSE CASE WHEN (difficulty - 1) * 10 / 9.0 < 4 "
        "THEN 3 ELSE 4 END END ELSE CASE WHEN (difficulty - 1) * 10 / 9.0 < 8 THEN CASE WHEN "
        "(difficulty - 1) * 10 / 9.0 < 7 THEN CASE WHEN (difficulty - 1) * 10 / 9.0 < 6 THEN "
        "5 ELSE 6 END ELSE 7 END ELSE CASE WHEN (difficulty - 1) * 10 / 9.0 < 9 THEN 8 ELSE 9"
        " END END END END)"
    ),
    "deck_id",
    "due",
    "last_review",
    "stability",
    "difficulty",
)


def upgrade() -> None:
    op.create_index(_NAME, "cards", [c if c.isidentifier() else sa.text(c) for c in COLUMNS])


def downgrade() -> None:
    op.drop_index(_NAME, table_name="cards")
