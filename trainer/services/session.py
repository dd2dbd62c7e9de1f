"""Opening the store the way every front end does.

The CLI and the TUI both call ``open_store`` so they agree on defaults, the
bundled first-run deck and error wording.
"""

from __future__ import annotations

from trainer.services.decks import ensure_bundled_deck
from trainer.storage.store import Store


def open_store(db: str | None = None, profile: str = "default", *, bundled: bool = True) -> Store:
    from trainer.services.backup import before_upgrade

    store = Store.open(db, profile, before_upgrade=before_upgrade)
    if bundled:
        ensure_bundled_deck(store)
    return store
