"""Opening the store the way every front end does.

The CLI and the TUI both call ``open_store`` so they agree on defaults, the
bundled first-run deck and error wording.
"""

from __future__ import annotations

from trainer.services.decks import ensure_bundled_deck
from trainer.storage.store import Store

DEFAULT_PROFILE = "default"


def open_store(
    db: str | None = None,
    profile: str = "default",
    *,
    bundled: bool = True,
    create_profile: bool | None = None,
) -> Store:
    """Open the store for ``profile``.

    Only the ``default`` profile comes into being by itself (the first run);
    another must be added on purpose (``create_profile=True``, what ``trainer
    profile add`` does), so a typo in ``--profile`` never makes a new learner.
    """
    from trainer.services.backup import before_upgrade

    if create_profile is None:
        create_profile = profile == DEFAULT_PROFILE
    store = Store.open(db, profile, before_upgrade=before_upgrade, create_profile=create_profile)
    if bundled:
        ensure_bundled_deck(store)
    return store
