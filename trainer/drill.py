"""The drill loop behind ``trainer drill``: study from a text stream, for scripts and crash tests.

Each line of input is a rating (1 again, 2 hard, 3 good, 4 easy); the next card
in the queue is answered with it, and only once that answer has been committed
does ``ack <card_id> <review_id>`` go to the output (flushed). A line ``u``
undoes the last answer (``undone <card_id>``). When the queue is empty the loop
prints ``empty`` and stops.

``TRAINER_NOW`` (ISO 8601, UTC if no offset) pins the clock for tests; with it,
``TRAINER_NOW_STEP`` seconds (default 1) pass between answers so the review log
stays in answer order.

Not under ``trainer.cli``: the entry point runs a plain ``trainer [--db …]
[--profile …] drill [DECK]`` through here without loading the command-line
parser and every sub-command (a scripted session is mostly start-up);
``trainer.cli.drill`` is the same loop behind the parser.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import TextIO

from trainer.domain.errors import TrainerError

BUSY_RETRIES = 5
"""Extra attempts after the store's busy timeout ran out (each waits it again)."""


class _Clock:
    def __init__(self) -> None:
        pinned = os.environ.get("TRAINER_NOW", "").strip()
        self.start: datetime | None = None
        self.step = timedelta(seconds=float(os.environ.get("TRAINER_NOW_STEP", "1") or 1))
        self.ticks = 0
        if pinned:
            try:
                start = datetime.fromisoformat(pinned.replace("Z", "+00:00"))
            except ValueError:
                raise TrainerError(f"TRAINER_NOW: not an ISO 8601 time: {pinned!r}") from None
            self.start = start if start.tzinfo else start.replace(tzinfo=UTC)

    def now(self) -> datetime:
        if self.start is None:
            return datetime.now(UTC)
        return self.start + self.ticks * self.step

    def tick(self) -> None:
        self.ticks += 1


def _warn(message: str) -> None:
    from trainer.domain.display import visible

    sys.stderr.write(visible(f"trainer: warning: {message}") + "\n")
    sys.stderr.flush()


def run(
    db: str | None,
    profile: str,
    deck: str | None,
    lines: TextIO,
    out: TextIO,
    *,
    lite: bool = False,
) -> int:
    """The drill loop on the store ``db`` names for ``profile``; returns how many answers
    were committed. Bad input raises TrainerError (nothing after it is read).

    With ``lite``, a SQLite file store already at the current schema is studied over
    the standard library's ``sqlite3`` (``Store.open_lite``): the same statements,
    transactions and fsyncs, without importing SQLAlchemy; any other store is opened
    as every command opens it."""
    from trainer.domain.errors import StoreError
    from trainer.domain.model import Rating
    from trainer.services.backup import daily_backup
    from trainer.services.study import StudyService
    from trainer.storage.store import Store, StoreBusyError

    clock = _Clock()
    answered = 0
    store = Store.open_lite(db, profile) if lite else None
    if store is None:
        from trainer.services.session import open_store

        store = open_store(db, profile, bundled=True)
    try:
        try:
            daily_backup(store, clock.now())
        except StoreError as exc:  # a missed daily backup must not stop studying
            _warn(str(exc))
        study = StudyService(store)
        for number, raw in enumerate(lines, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line in ("q", "quit"):
                break
            if line == "u":
                card = study.undo()
                out.write(f"undone {card.id if card else '-'}\n")
                out.flush()
                continue
            if line not in ("1", "2", "3", "4"):
                raise TrainerError(
                    f"stdin line {number}: expected a rating 1-4, 'u' or 'q', got {line[:20]!r}"
                )
            now = clock.now()
            for attempt in range(BUSY_RETRIES + 1):
                try:
                    cards = study.queue(now, deck, limit=1)
                    if not cards:
                        out.write("empty\n")
                        out.flush()
                        return answered
                    result = study.answer(cards[0].id, Rating(int(line)), now)
                    break
                except StoreBusyError:
                    if attempt == BUSY_RETRIES:
                        raise
                    time.sleep(0.05 * (attempt + 1))
            answered += 1
            clock.tick()
            out.write(f"ack {result.card.id} {result.review_id}\n")
            out.flush()
    finally:
        store.close()
    return answered
