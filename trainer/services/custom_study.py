"""Custom study and filtered decks, as in Anki.

A filtered deck borrows the cards a search finds (at most ``limit``, in an
order), leaving out suspended and buried cards and cards already in another
filtered deck. Studying it schedules answers as the home deck would
(rescheduling on, Anki's default): a card goes home when it leaves learning,
or when the deck is emptied, rebuilt or deleted. Its daily limits are the
filter's own (the home decks' limits do not apply), and answers count for the
home deck in statistics.

Custom study (Anki's dialog) on a deck: raise today's new or review limit, or
build the "Custom Study Session" filtered deck to review ahead, review
forgotten cards (``rated:N:1``), or study any search.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from trainer.domain import search as search_lang
from trainer.domain.clock import to_epoch, utc
from trainer.domain.errors import TrainerError
from trainer.domain.model import DeckOptions
from trainer.services.adding import check_deck_name
from trainer.services.decks import no_deck
from trainer.storage import cards_repo, decks_repo, filtered_repo, search_repo
from trainer.storage.store import Store

SESSION = "Custom Study Session"
"""The filtered deck custom study builds (rebuilt each time), as Anki names it."""
MAX_LIMIT = 9999
UNLIMITED = DeckOptions(new_per_day=100_000, reviews_per_day=100_000)
"""A filtered deck's own options: its filter is its limit."""
_SORTS = {
    "due": ("due", False),
    "ivl": ("ivl", False),
    "ivl-desc": ("ivl", True),
    "lapses": ("lapses", True),
    "added": ("added", False),
    "added-desc": ("added", True),
}


@dataclass(frozen=True, slots=True)
class Built:
    deck: str
    cards: int
    query: str

    def describe(self) -> str:
        return f"{self.deck}: {self.cards} card{'' if self.cards == 1 else 's'} ({self.query})"


def deck_scope(name: str) -> str:
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("*", "\\*")
    return 'deck:"' + escaped.replace("_", "\\_") + '"'


class CustomStudyService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- filtered decks ------------------------------------------------------------------
    def build(
        self, name: str, query: str, now: datetime, *, limit: int = 100, order: str = "due"
    ) -> Built:
        """Make (or rebuild) filtered deck ``name`` from ``query``."""
        name = check_deck_name(name)
        node = search_lang.parse(query)
        if not 1 <= limit <= MAX_LIMIT:
            raise TrainerError(f"limit must be 1 to {MAX_LIMIT}, not {limit}")
        if order not in filtered_repo.ORDERS:
            raise TrainerError(f"order must be one of {', '.join(filtered_repo.ORDERS)}")
        now = utc(now)
        now_s = to_epoch(now)
        with self.store.write() as conn:
            deck = decks_repo.deck_by_name(conn, name)
            if deck is None:
                deck = decks_repo.create_deck(conn, name, now_s, options=UNLIMITED)
            elif filtered_repo.config(conn, deck.id) is None:
                raise TrainerError(f"{name} is a normal deck; a filtered deck needs a new name")
            else:
                filtered_repo.empty(conn, deck.id)
            ids = self._pick(conn, node, now, limit, order)
            filtered_repo.set_config(
                conn, deck.id, {"query": query, "limit": limit, "order": order}
            )
            filtered_repo.move_in(conn, deck.id, ids, now_s)
        return Built(name, len(ids), query)

    def _pick(
        self, conn: Connection, node: search_lang.Node, now: datetime, limit: int, order: str
    ) -> list[int]:
        decks = decks_repo.all_decks(conn)
        filtered = search_repo.filtered_deck_ids(conn)
        ctx = search_repo.SearchContext(
            self.store.profile.id,
            now,
            self.store.clock,
            [(d.id, d.name) for d in decks],
            not self.store.is_sqlite,
            filtered,
        )
        # Anki leaves out suspended and buried cards and those in other filtered decks.
        usable = search_lang.And(
            (
                node,
                search_lang.Not(search_lang.StateIs("suspended")),
                search_lang.Not(search_lang.StateIs("buried")),
            )
        )
        if order == "random":
            ids = search_repo.card_ids(conn, usable, ctx)
            ids = [i for i in ids if i not in self._borrowed(conn, ids, filtered)]
            random.Random(to_epoch(now)).shuffle(ids)
            return ids[:limit]
        sort, reverse = _SORTS[order]
        out: list[int] = []
        offset = 0
        while len(out) < limit:
            page = search_repo.card_ids(
                conn, usable, ctx, sort=sort, reverse=reverse, limit=limit, offset=offset
            )
            if not page:
                break
            taken = self._borrowed(conn, page, filtered)
            out += [i for i in page if i not in taken]
            offset += len(page)
        return out[:limit]

    @staticmethod
    def _borrowed(conn: Connection, ids: list[int], filtered: frozenset[int]) -> set[int]:
        """Those of ``ids`` already in a filtered deck."""
        if not filtered:
            return set()
        return cards_repo.borrowed(conn, ids)

    def rebuild(self, name: str, now: datetime) -> Built:
        with self.store.read() as conn:
            deck, cfg = self._filtered(conn, name)
        return self.build(deck, cfg["query"], now, limit=cfg["limit"], order=cfg["order"])

    def empty(self, name: str) -> int:
        """Send the filtered deck's cards home; the deck stays (to rebuild later)."""
        with self.store.write() as conn:
            deck, _cfg = self._filtered(conn, name)
            found = decks_repo.deck_by_name(conn, deck)
            assert found is not None
            return filtered_repo.empty(conn, found.id)

    def delete(self, name: str) -> int:
        """Empty the filtered deck and remove it; returns the cards sent home."""
        with self.store.write() as conn:
            deck, _cfg = self._filtered(conn, name)
            found = decks_repo.deck_by_name(conn, deck)
            assert found is not None
            n = filtered_repo.empty(conn, found.id)
            decks_repo.delete_deck(conn, found.id)
            return n

    def is_filtered(self, name: str) -> bool:
        with self.store.read() as conn:
            deck = decks_repo.deck_by_name(conn, name)
            return deck is not None and filtered_repo.config(conn, deck.id) is not None

    def _filtered(self, conn: Connection, name: str) -> tuple[str, dict[str, Any]]:
        deck = decks_repo.deck_by_name(conn, name)
        if deck is None:
            raise TrainerError(f"no deck named {name!r}")
        cfg = filtered_repo.config(conn, deck.id)
        if cfg is None:
            raise TrainerError(f"{name} is not a filtered deck")
        return deck.name, cfg

    # -- custom study on one deck ----------------------------------------------------------
    def extend_limits(
        self, deck_name: str, now: datetime, *, new: int = 0, reviews: int = 0
    ) -> tuple[int, int]:
        """Allow ``new`` more new cards and ``reviews`` more reviews today (Anki's
        "increase today's limit"); returns today's totals of the extension."""
        if new < 0 or reviews < 0 or new > 9999 or reviews > 9999:
            raise TrainerError("an increase must be 0 to 9999 cards")
        with self.store.write() as conn:
            deck = decks_repo.deck_by_name(conn, deck_name)
            if deck is None:
                raise no_deck(conn, deck_name)
            if filtered_repo.config(conn, deck.id) is not None:
                raise TrainerError(
                    f"{deck_name} is a filtered deck: rebuild it with a larger limit"
                )
            return filtered_repo.extend(conn, deck.id, self.store.clock.day(now), new, reviews)

    def review_ahead(self, deck_name: str, days: int, now: datetime) -> Built:
        """Reviews due in the next ``days`` days, earliest first."""
        if not 1 <= days <= 36500:
            raise TrainerError(f"review ahead takes 1 to 36500 days, not {days}")
        query = f"{deck_scope(deck_name)} is:review prop:due<={days}"
        return self.build(SESSION, query, now, limit=MAX_LIMIT, order="due")

    def forgotten(self, deck_name: str, days: int, now: datetime) -> Built:
        """Cards answered Again in the last ``days`` days (``rated:N:1``)."""
        if not 1 <= days <= 365:
            raise TrainerError(f"forgotten cards look back 1 to 365 days, not {days}")
        query = f"{deck_scope(deck_name)} rated:{days}:1"
        return self.build(SESSION, query, now, limit=MAX_LIMIT, order="random")

    def by_search(
        self, deck_name: str | None, query: str, now: datetime, *, limit: int, order: str
    ) -> Built:
        """A session from any search, within a deck (and its sub-decks) when given."""
        search_lang.parse(query)
        scoped = f"{deck_scope(deck_name)} ({query})" if deck_name and query.strip() else query
        if deck_name and not query.strip():
            scoped = deck_scope(deck_name)
        return self.build(SESSION, scoped, now, limit=limit, order=order)
