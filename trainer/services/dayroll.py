"""The turn of a study day: cards buried on an earlier day come back.

Burying lasts until the next study day (4:00 local by default), as in Anki. Anything
that shows or counts cards by queue (study, browse, search) brings them back first,
so a card buried yesterday is never shown or found as buried today.
"""

from __future__ import annotations

from datetime import datetime

from trainer.storage import cards_repo, decks_repo
from trainer.storage.store import Store


def bring_back_buried(store: Store, now: datetime) -> None:
    """Put cards buried before today's study day back in their queues.

    Runs before the caller's read transaction starts, so that read sees them
    (a SQLite snapshot begins at its first read); writes only when one is waiting.
    """
    pid, today = store.profile.id, store.clock.day(now)
    with store.sql_read() as conn:
        ids = [d.id for d in decks_repo.all_decks(conn)]
        buried = bool(ids) and cards_repo.has_buried(conn, pid, today, ids)
    if buried:
        with store.sql_write() as conn:
            cards_repo.unbury(conn, pid, today, ids)
