"""Alembic environment: runs on the connection the store hands it."""

from __future__ import annotations

from alembic import context

from trainer.storage.models import METADATA

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the store runs migrations
    raise RuntimeError("trainer migrations run through trainer.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=METADATA,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
