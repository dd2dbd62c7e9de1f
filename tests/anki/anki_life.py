"""Months of study in a real Anki collection (the official ``anki`` package).

Anki's scheduler reads the wall clock, so a history is made by studying "today"
and then moving everything the collection remembers back in time
(``Life.travel``): the creation time, the review log, intraday learning due
times and FSRS's last-review times. What was due in three days is then due
sooner, as if those days had passed; Anki's day count runs on from the
creation time, so each day of study is a real Anki day.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

DAY_S = 86_400
DAY_MS = DAY_S * 1000


class Life:
    """A real Anki collection whose clock can be moved on a day at a time."""

    def __init__(self, folder: Path) -> None:
        from anki.collection import Collection

        folder.mkdir(parents=True, exist_ok=True)
        self.path = str(folder / "collection.anki2")
        self.col: Any = Collection(self.path)

    def reopen(self) -> None:
        """Anki keeps the day's timing until the next day starts: start afresh."""
        from anki.collection import Collection

        if self.col.db is not None:
            self.col.close()
        self.col = Collection(self.path)

    def travel(self, days: int) -> None:
        """Everything the collection remembers happened ``days`` days earlier."""
        db = self.col.db
        s, ms = days * DAY_S, days * DAY_MS
        db.execute("UPDATE col SET crt = crt - ?", s)
        db.execute("UPDATE revlog SET id = -id")  # no clash on the way
        db.execute("UPDATE revlog SET id = -id - ?", ms)
        db.execute("UPDATE cards SET due = due - ? WHERE due > 1000000000", s)
        db.execute("UPDATE cards SET odue = odue - ? WHERE odue > 1000000000", s)
        for cid, data in db.all("SELECT id, data FROM cards WHERE data LIKE '%lrt%'"):
            parsed = json.loads(data)
            parsed["lrt"] -= s
            db.execute("UPDATE cards SET data = ? WHERE id = ?", json.dumps(parsed), cid)
        self.reopen()

    def answer(self, cid: int, ease: int) -> None:
        """Answer one card, whatever the queue shows first (the queues start afresh)."""
        self.reopen()
        card = self.col.get_card(cid)
        card.start_timer()
        self.col.sched.answerCard(card, ease)

    def study_due(self, did: int, rate: Callable[[int], int]) -> int:
        """A session on deck ``did`` until Anki has nothing left to show (learning steps
        within the learn-ahead limit come at once); ``rate`` gives each card's button."""
        col = self.col
        col.decks.select(did)
        answered = 0
        while answered < 500:
            queued = col.sched.get_queued_cards(fetch_limit=1)
            if not queued.cards:
                break
            card = col.get_card(queued.cards[0].card.id)
            card.start_timer()
            col.sched.answerCard(card, rate(card.id))
            answered += 1
        return answered

    def close(self) -> None:
        if self.col.db is not None:
            self.col.close()
