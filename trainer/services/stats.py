"""Statistics for a deck or the whole profile, cached until something changes.

``StatsService.report`` brings the daily roll-up up to date if the review log
got ahead of it (a bulk import, an upgraded store) and gives cards written by
other means their note group (``card_groups``), then builds every figure in
one read transaction, with the scan per recall bucket on a second connection at
the same time (a file or server store; it may see a write that lands in between,
which only shifts figures by that answer). The result is cached in the service keyed on the newest
review (id and time, so an undo followed by a new answer is a new key), the card
and deck fingerprint and the ten-minute slot of ``now`` (retrievability moves
with time); a reopen with nothing changed is a couple of indexed lookups.
Card actions that write no review (suspend, bury) are picked up by the deck
fingerprint only when they change the deck; call ``invalidate()`` after them.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from trainer.domain.clock import to_epoch
from trainer.domain.errors import TrainerError
from trainer.domain.model import Deck, DeckOptions
from trainer.stats import report
from trainer.stats.types import FirstView, ReportMeta, StatsReport
from trainer.storage import card_groups, decks_repo, report_repo, rollup_repo
from trainer.storage.store import Store


def select_decks(conn: Connection, deck: str | None) -> tuple[list[Deck], DeckOptions]:
    """The deck and its sub-decks (or every deck), and the options figures use."""
    decks = decks_repo.all_decks(conn)
    if deck is None:
        chosen = decks
    else:
        from trainer.services.decks import subtree

        chosen = subtree(decks, deck)
        if not chosen:
            raise TrainerError(f"no deck named {deck!r}")
    options = chosen[0].options if chosen else DeckOptions()
    return chosen, options


class StatsService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[tuple[Any, ...], StatsReport] = {}
        self._partial: tuple[tuple[Any, ...], StatsReport, list[int] | None] | None = None
        """The last report built without sections, its cache key and its decks (it read
        no note group: the sections table reads them)."""

    def invalidate(self) -> None:
        self._cache.clear()
        self._partial = None

    def _fingerprint(self, conn: Connection) -> tuple[Any, ...]:
        return report_repo.fingerprint(conn)

    def _parallel(self) -> bool:
        """A second connection sees the same store (not an in-memory SQLite one)."""
        url = self.store.engine.url
        return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")

    def _recall(
        self, pid: int, ids: list[int] | None, now_s: int, options: DeckOptions, sums: bool
    ) -> report_repo.RecallRows:
        with self.store.read() as conn:
            return report_repo.recall(conn, pid, ids, report.curve(options, now_s), sums=sums)

    def refresh_rollup(self) -> bool:
        """Rebuild the roll-up if the review log is ahead of it, and give cards written
        by other means their note group (``card_groups``); True when either was due."""
        with self.store.read() as conn:
            stale = rollup_repo.is_stale(conn)
            ungrouped = card_groups.ungrouped(conn)
        if not stale and not ungrouped:
            return False
        with self.store.write() as conn:
            if stale and rollup_repo.is_stale(conn):
                rollup_repo.rebuild(conn)
            if ungrouped:
                card_groups.fill(conn)
        return True

    def _meta(
        self,
        deck: str | None,
        decks: list[Deck],
        options: DeckOptions,
        range_name: str,
        now: datetime,
    ) -> ReportMeta:
        clock = self.store.clock
        return {
            "deck": deck,
            "decks": [d.name for d in decks],
            "range": range_name,
            "generated_at": now.astimezone(UTC).isoformat(),
            "today": clock.date_of(clock.day(now)).isoformat(),
            "timezone": str(clock.zone),
            "rollover_hour": clock.rollover_hour,
            "desired_retention": options.desired_retention,
        }

    def first_view(
        self, deck: str | None = None, range_name: str = "1m", now: datetime | None = None
    ) -> FirstView:
        """The figures a statistics screen shows first (``report.first_view``): from the
        roll-up and the queue index, in one read; ``report`` has them all."""
        now = now or datetime.now(UTC)
        self.refresh_rollup()
        with self.store.read() as conn:
            decks, options = select_decks(conn, deck)
            ids = None if deck is None else [d.id for d in decks]
            meta = self._meta(deck, decks, options, range_name, now)
            return report.first_view(
                conn, self.store.profile.id, ids, self.store.clock, now, range_name, meta=meta
            )

    def cached(self, deck: str | None, range_name: str, now: datetime) -> StatsReport | None:
        """The whole report ``report`` would return from its cache, or None (a couple of
        indexed lookups)."""
        with self.store.read() as conn:
            return self._cache.get(self._key(conn, deck, range_name, now))

    def _key(
        self, conn: Connection, deck: str | None, range_name: str, now: datetime
    ) -> tuple[Any, ...]:
        return (deck, range_name, int(now.timestamp()) // 600, self._fingerprint(conn))

    def report(
        self,
        deck: str | None = None,
        range_name: str = "1m",
        now: datetime | None = None,
        *,
        sections: bool = True,
    ) -> StatsReport:
        """Every figure (``report.build``), cached until something changes.

        ``sections=False`` leaves the per-section and per-tag table empty (the scan that
        joins every card to its note, about a third of the work): what a statistics
        screen shows before that table, which it then asks for with ``report()``; that
        call adds only the table to the report it kept, if nothing changed meanwhile.
        """
        now = now or datetime.now(UTC)
        hit = self.cached(deck, range_name, now)
        if hit is not None:
            return hit
        self.refresh_rollup()
        pid = self.store.profile.id
        with self.store.read() as conn:
            decks, options = select_decks(conn, deck)
            key = self._key(conn, deck, range_name, now)
            if sections and self._partial is not None and self._partial[0] == key:
                kept, ids = self._partial[1:]
                table = report.group_table(
                    conn,
                    pid,
                    ids,
                    options,
                    now,
                    report.first_day_of(kept, self.store.clock, now),
                )
                out = report.with_sections(kept, table)
                if self._key(conn, deck, range_name, now) == key:
                    self._cache = {key: out}
                self._partial = None
                return out
        ids = None if deck is None else [d.id for d in decks]
        clock = self.store.clock
        meta = self._meta(deck, decks, options, range_name, now)
        recall: Future[report_repo.RecallRows] | None = None
        pool = ThreadPoolExecutor(max_workers=1) if self._parallel() else None
        try:
            if pool is not None:
                # The scan per recall bucket (R for every studied card, sorted into its
                # buckets; with its sums of R when no group is read) runs on a second
                # connection while this one does the rest.
                recall = pool.submit(self._recall, pid, ids, to_epoch(now), options, not sections)
            with self.store.read() as conn:
                # The cards per note group only for the sections table: the screen's
                # first step (``sections`` False) leaves them to its second.
                groups = (
                    report_repo.group_cards(conn, pid, ids, report.curve(options, to_epoch(now)))
                    if sections
                    else None
                )
                out = report.build(
                    conn,
                    pid,
                    ids,
                    options,
                    clock,
                    now,
                    range_name,
                    meta=meta,
                    sections=sections,
                    groups=groups,
                    recall_future=recall,
                )
                key = self._key(conn, deck, range_name, now)
        finally:
            if pool is not None:
                pool.shutdown(wait=True)
        if sections:
            self._cache = {key: out}
            self._partial = None
        else:
            self._partial = (key, out, ids)
        return out
