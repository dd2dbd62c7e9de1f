"""Rebuild card states from the review log.

The review log is the truth and card state a cache: after a change of desired
retention or FSRS parameters, every card of the deck is replayed under the new
options, in one transaction. Suspended, buried and retired cards keep their
queue; everything else goes where its new state puts it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import replace

from sqlalchemy import select

from trainer.domain.clock import from_epoch
from trainer.domain.errors import TrainerError
from trainer.domain.model import DeckOptions, Queue, Rating
from trainer.scheduling import fsrs_adapter
from trainer.scheduling.fsrs_adapter import PastReview
from trainer.storage import cards_repo, decks_repo
from trainer.storage.models import REVIEWS
from trainer.storage.store import Store


def reschedule_deck(store: Store, deck_name: str, options: DeckOptions | None = None) -> int:
    """Save ``options`` (if given) and replay every card of the deck; returns cards changed."""
    pid = store.profile.id
    changed = 0
    with store.write() as conn:
        deck = decks_repo.deck_by_name(conn, deck_name)
        if deck is None:
            raise TrainerError(f"no deck named {deck_name!r}")
        if options is not None and options != deck.options:
            deck = replace(deck, options=options)
            decks_repo.update_deck(conn, deck, int(time.time()))
        history: dict[int, list[PastReview]] = defaultdict(list)
        rows = conn.execute(
            select(
                REVIEWS.c.card_id, REVIEWS.c.rating, REVIEWS.c.reviewed_at, REVIEWS.c.duration_ms
            )
            .where(REVIEWS.c.profile_id == pid, REVIEWS.c.deck_id == deck.id)
            .order_by(REVIEWS.c.card_id, REVIEWS.c.reviewed_at, REVIEWS.c.id)
        )
        cards = cards_repo.cards_in_deck(conn, pid, deck.id)
        reset = cards_repo.reset_times(conn, [c.id for c in cards])  # forgotten: start after
        for r in rows:
            if r.reviewed_at <= reset.get(r.card_id, -1):
                continue
            history[r.card_id].append(
                PastReview(Rating(r.rating), from_epoch(r.reviewed_at / 1000), r.duration_ms)
            )
        for card in cards:
            log = history.get(card.id, [])
            if not log:
                continue
            rebuilt = fsrs_adapter.reschedule(card, log, deck.options)
            if card.queue in (Queue.SUSPENDED, Queue.BURIED, Queue.RETIRED):
                rebuilt = replace(rebuilt, queue=card.queue)
            if rebuilt != card:
                cards_repo.save_card(conn, rebuilt)
                changed += 1
    return changed
