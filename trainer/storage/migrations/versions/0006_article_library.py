"""article library: date, topics, deck and creation time of each article

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 05:30:00

``articles.date`` is the date an article names for itself (``YYYY-MM-DD``, ""
when none), ``topics`` its 申论 themes space-padded like note tags
(`` 乡村振兴 教育 ``), ``deck_id`` the deck its cards were made into (0 when
unknown) and ``created_at`` when it was first made into cards (UTC epoch
seconds). Articles already stored get their themes and date from their text,
their deck from the notes made from them and their time from those notes'
earliest change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("date", sa.String(length=10), nullable=False, server_default=""))
        batch.add_column(sa.Column("topics", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("deck_id", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(
            sa.Column("created_at", sa.BigInteger(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE articles SET "
        "deck_id = COALESCE((SELECT min(notes.deck_id) FROM notes "
        "WHERE notes.source_article = articles.id), 0), "
        "created_at = COALESCE((SELECT min(notes.modified_at) FROM notes "
        "WHERE notes.source_article = articles.id), 0)"
    )
    _fill_themes()


def _fill_themes() -> None:
    from trainer.domain.topics import date_of, pack, topics_of

    conn = op.get_bind()
    articles = sa.table(
        "articles",
        sa.column("id", sa.String()),
        sa.column("title", sa.Text()),
        sa.column("text", sa.Text()),
        sa.column("date", sa.String()),
        sa.column("topics", sa.Text()),
    )
    rows = conn.execute(sa.select(articles.c.id, articles.c.title, articles.c.text)).all()
    for row in rows:
        text, title = row.text or "", row.title or ""
        conn.execute(
            sa.update(articles)
            .where(articles.c.id == row.id)
            .values(topics=pack(topics_of(text, title)), date=date_of(text))
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("created_at")
        batch.drop_column("deck_id")
        batch.drop_column("topics")
        batch.drop_column("date")
