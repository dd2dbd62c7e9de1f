"""Every service test runs on SQLite and on PostgreSQL (when a server is available)."""

from collections.abc import Iterator

import pytest

from trainer.storage.store import Store


@pytest.fixture
def store(any_store: Store) -> Iterator[Store]:
    yield any_store
