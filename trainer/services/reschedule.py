"""Rebuild card states from the review log.

The review log is the truth and card state a cache: after a change of desired
retention or FSRS parameters, every card of the deck is replayed under the new
options, in one transaction. Suspended, buried and retired cards keep their
queue; everything else goes where its new state puts it.

A replay counts the time between answers in study days (the profile's day
boundary and zone), as Anki and FSRS do; answers before a card's reset
(``cards.reset_at``, an Anki "Forget" carried in by an import) are history, not
memory: the replay starts after it, and a card reset and never answered again
is new. Schema 0004 runs :func:`rebuild` over every card once, because stores
written before it had counted whole 24-hour periods; a card whose memory comes
out the same keeps its due date there (its fuzz, or Anki's).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import Connection

from trainer.domain.clock import DayClock, from_epoch, local_zone
from trainer.domain.errors import TrainerError
from trainer.domain.model import CardState, DeckOptions, Queue
from trainer.domain.options import OptionError, options_from_dict
from trainer.scheduling.replay_pool import SavedReplayBatch
from trainer.storage import decks_repo
from trainer.storage.store import Store


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """What a rebuild changed, for the learner to read."""

    cards: int = 0
    """Cards with answers that were replayed."""
    changed: int = 0
    """Cards whose saved state differed from the replay (and were saved)."""
    earlier: int = 0
    """Changed cards now due on an earlier study day."""
    later: int = 0
    """Changed cards now due on a later study day."""
    stronger: int = 0
    """Changed cards with a higher stability."""
    weaker: int = 0
    """Changed cards with a lower stability."""
    restarted: int = 0
    """Cards replayed from a reset (their earlier answers are history only)."""

    def explain(self, deck: str, clock: DayClock) -> list[str]:
        """What happened, in words: the first line is the count, the rest why and how."""
        zone = getattr(clock.zone, "key", None) or str(clock.zone)
        lines = [
            f"rescheduled {self.changed} of {self.cards} answered cards in {deck}",
            f"  replayed from the review log; the time between answers is counted in study "
            f"days (a day starts at {clock.rollover_hour}:00, {zone}), as Anki and FSRS "
            "count it: an answer the next morning is a day later, even under 24 hours",
        ]
        if self.changed:
            lines.append(
                f"  due earlier: {self.earlier}, due later: {self.later}; "
                f"stability up: {self.stronger}, down: {self.weaker}"
            )
        if self.restarted:
            lines.append(
                f"  {self.restarted} cards were reset (Anki's Forget): "
                "replayed from the reset on, earlier answers kept as history"
            )
        return lines

    def __add__(self, other: Rebuilt) -> Rebuilt:
        return Rebuilt(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


_CARDS = (
    "SELECT c.id, c.deck_id, c.state, c.queue, c.due, c.step, c.stability, c.difficulty, "
    "c.last_review, c.reps, c.lapses, c.reset_at FROM cards c WHERE c.profile_id = {p} "
    "AND EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = c.id){decks} ORDER BY c.id"
)
_ANSWERS = (
    "SELECT r.card_id, r.reviewed_at, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id "
    "WHERE c.profile_id = {p} AND r.reviewed_at >= c.reset_at{decks} "
    "ORDER BY r.card_id, r.reviewed_at, r.id"
)
_SAVE = (
    "UPDATE cards SET state = {p}, queue = {p}, due = {p}, step = {p}, stability = {p}, "
    "difficulty = {p}, last_review = {p}, reps = {p}, lapses = {p} WHERE id = {p}"
)


def _param(conn: Connection) -> str:
    return "?" if conn.dialect.name == "sqlite" else "%s"


def rebuild(
    conn: Connection,
    profile_id: int,
    clock: DayClock,
    options: dict[int, DeckOptions],
    deck_ids: Sequence[int] | None = None,
    *,
    keep_due: bool = False,
) -> Rebuilt:
    """Replay every answered card of the profile (of ``deck_ids`` only, if given) and
    save the ones whose state differs; ``options`` by deck id (defaults when missing).

    With ``keep_due``, a card whose memory the replay leaves as it was keeps its
    due date (its fuzz, or one Anki gave it): only a changed memory moves it.
    """
    p = _param(conn)
    where = ""
    args: list[Any] = [profile_id]
    if deck_ids is not None:
        if not deck_ids:
            return Rebuilt()
        where = f" AND c.deck_id IN ({', '.join([p] * len(deck_ids))})"
        args += list(deck_ids)
    cards = conn.exec_driver_sql(_CARDS.format(p=p, decks=where), tuple(args)).fetchall()
    if not cards:
        return Rebuilt()
    history: dict[int, list[tuple[int, int]]] = {}
    for card_id, at, rating in conn.exec_driver_sql(_ANSWERS.format(p=p, decks=where), tuple(args)):
        history.setdefault(card_id, []).append((int(at), int(rating)))
    default = DeckOptions()
    items = [(history.get(c.id, []), options.get(c.deck_id, default)) for c in cards]
    states = SavedReplayBatch(items, clock=clock).saved_states()
    rows: list[tuple[Any, ...]] = []
    changed = earlier = later = stronger = weaker = restarted = 0
    for card, saved in zip(cards, states, strict=True):
        state, step, stability, difficulty, due, last, reps, lapses = saved
        restarted += card.reset_at > 0
        queue = card.queue if card.queue < 0 else int(Queue.for_state(CardState(state)))
        new = (state, queue, due, step, stability, difficulty, last, reps, lapses)
        old = (
            card.state,
            card.queue,
            card.due,
            card.step,
            card.stability,
            card.difficulty,
            card.last_review,
            card.reps,
            card.lapses,
        )
        if new == old or (keep_due and _same_memory(new, old)):
            continue
        changed += 1
        if card.due and due:
            was, now = clock.day(from_epoch(card.due)), clock.day(from_epoch(due))
            earlier += now < was
            later += now > was
        if card.stability is not None and stability is not None:
            stronger += stability > card.stability * (1 + 1e-9)
            weaker += stability < card.stability * (1 - 1e-9)
        rows.append((*new, card.id))
    if rows:
        conn.exec_driver_sql(_SAVE.format(p=p), rows)
    return Rebuilt(len(cards), changed, earlier, later, stronger, weaker, restarted)


def _same_memory(new: tuple[Any, ...], old: tuple[Any, ...]) -> bool:
    """Equal but for the due date: state, queue, step, stability, difficulty, last
    review, reps and lapses (memory to a billionth)."""
    for i, (a, b) in enumerate(zip(new, old, strict=True)):
        if i == 2:
            continue
        if isinstance(a, float) and isinstance(b, float):
            if abs(a - b) > 1e-9 * max(abs(a), abs(b)):
                return False
        elif a != b:
            return False
    return True


def rebuild_store(conn: Connection) -> Rebuilt:
    """:func:`rebuild` for every profile and card of the store (schema 0004)."""
    decks: dict[int, DeckOptions] = {}
    for deck_id, raw in conn.exec_driver_sql("SELECT id, options FROM decks"):
        try:
            decks[deck_id] = options_from_dict(json.loads(raw or "{}"))
        except (ValueError, OptionError):
            decks[deck_id] = DeckOptions()
    total = Rebuilt()
    profiles: Iterable[Any] = conn.exec_driver_sql(
        "SELECT id, timezone, rollover_hour FROM profiles ORDER BY id"
    ).fetchall()
    for pid, zone, hour in profiles:
        try:
            clock = DayClock(local_zone(zone or ""), int(hour))
        except (ValueError, KeyError):
            clock = DayClock(local_zone(""), int(hour))
        total = total + rebuild(conn, pid, clock, decks, keep_due=True)
    return total


def reschedule_deck(store: Store, deck_name: str, options: DeckOptions | None = None) -> Rebuilt:
    """Save ``options`` (if given) and replay every card of the deck and its sub-decks."""
    with store.write() as conn:
        deck = decks_repo.deck_by_name(conn, deck_name)
        decks = [
            d
            for d in decks_repo.all_decks(conn)
            if d.name == deck_name or d.name.startswith(deck_name + "::")
        ]
        if deck is None and not decks:
            raise TrainerError(f"no deck named {deck_name!r}")
        if deck is not None and options is not None and options != deck.options:
            deck = replace(deck, options=options)
            decks_repo.update_deck(conn, deck, int(time.time()))
            decks = [deck if d.id == deck.id else d for d in decks]
        by_id = {d.id: d.options for d in decks}
        return rebuild(conn, store.profile.id, store.clock, by_id, sorted(by_id))
