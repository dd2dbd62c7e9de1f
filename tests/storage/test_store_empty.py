"""``Store.is_empty``: a store with nothing a learner could lose (what decides whether
an import backs it up first), on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import text

from tests.conftest import make_deck, qa_notes
from trainer.storage.store import Store


def test_a_new_store_is_empty_until_it_holds_something(any_store: Store) -> None:
    assert any_store.is_empty()
    make_deck(any_store, qa_notes(2))
    assert not any_store.is_empty()


def test_an_article_alone_is_something(any_store: Store) -> None:
    with any_store.write() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, title, text, source, attribution) "
                "VALUES ('a', '题', '文', 'a.txt', '')"
            )
        )
    assert not any_store.is_empty()
