"""Cards: scheduling state per learner, and the queue queries.

The queue queries are written so SQLite answers them from
``ix_cards_queue_due`` / ``ix_cards_queue_position`` alone (a test checks the
plan), and counts are bounded by the daily limits so the deck list stays fast
however big a deck grows.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, update

from trainer.domain import notetypes
from trainer.domain.clock import from_epoch, to_epoch
from trainer.domain.model import Card, CardState, Queue
from trainer.storage import count_sql
from trainer.storage.engine import driver_sql
from trainer.storage.models import CARDS, NOTES


def card_from_row(row: Any, guid: str = "") -> Card:
    state = CardState(row.state)
    return Card(
        id=row.id,
        note_guid=guid,
        ord=row.ord,
        deck_id=row.deck_id,
        state=state,
        queue=Queue(row.queue),
        due=from_epoch(row.due) if state is not CardState.NEW else None,
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        last_review=from_epoch(row.last_review) if row.last_review is not None else None,
        reps=row.reps,
        lapses=row.lapses,
        position=row.position,
    )


def card_values(card: Card) -> dict[str, Any]:
    """The scheduling columns of a card."""
    return {
        "state": int(card.state),
        "queue": int(card.queue),
        "due": to_epoch(card.due) if card.due is not None else 0,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "last_review": to_epoch(card.last_review) if card.last_review else None,
        "reps": card.reps,
        "lapses": card.lapses,
    }


_CARD_WITH_GUID = select(CARDS, NOTES.c.guid).join(NOTES, NOTES.c.id == CARDS.c.note_id)


def get_card(conn: Connection, card_id: int) -> Card | None:
    row = conn.execute(_CARD_WITH_GUID.where(CARDS.c.id == card_id)).first()
    return card_from_row(row, row.guid) if row else None


def cards_in_deck(conn: Connection, profile_id: int, deck_id: int) -> list[Card]:
    query = _CARD_WITH_GUID.where(CARDS.c.profile_id == profile_id, CARDS.c.deck_id == deck_id)
    return [card_from_row(r, r.guid) for r in conn.execute(query.order_by(CARDS.c.id))]


def save_card(conn: Connection, card: Card) -> None:
    conn.execute(update(CARDS).where(CARDS.c.id == card.id).values(**card_values(card)))


def wanted_ords(kind: str, text: str) -> list[int]:
    """The ords a note of ``kind`` with this text column has cards for."""
    return notetypes.of(kind).card_ords(text)


_NEW_CARD_SQL = (
    "INSERT INTO cards (profile_id, note_id, deck_id, ord, state, queue, due, step, reps, "
    "lapses, position, buried_until, added_at) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, 0, ?)"
)
_MOVE_CARD_SQL = "UPDATE cards SET queue = ?, deck_id = ? WHERE id = ?"
_MOVE_HOME_SQL = "UPDATE cards SET queue = ?, original_deck_id = ? WHERE id = ?"
"""A card in a filtered deck stays there; its home deck follows the note."""


def sync_cards(
    conn: Connection,
    profile_id: int,
    deck_id: int | None = None,
    *,
    fresh: Sequence[tuple[int, str, str, int]] | None = None,
    now_s: int | None = None,
) -> int:
    """Give every live note the cards it needs for this profile; retire the rest.

    Cards are never deleted: a cloze number that disappears parks its card in the
    RETIRED queue with its history, and it comes back if the number does.
    ``fresh``, when given, says the deck's notes are exactly these ``(note id,
    kind, text, position)``, all inserted just now (so without cards): their
    cards are made without reading anything back.
    Returns the number of cards created; ``now_s`` is their creation time.
    """
    now_s = int(time.time()) if now_s is None else now_s
    if fresh is not None and deck_id is not None:
        return _add_fresh_cards(conn, profile_id, deck_id, fresh, now_s)
    note_sql = "SELECT id, kind, text, deck_id, position, retired FROM notes"
    card_sql = (
        "SELECT id, note_id, ord, queue, state, deck_id, original_deck_id FROM cards "
        "WHERE profile_id = ?"
    )
    params: tuple[int, ...] = (profile_id,)
    if deck_id is not None:
        note_sql += " WHERE deck_id = ?"
        card_sql += " AND note_id IN (SELECT id FROM notes WHERE deck_id = ?)"
        params = (profile_id, deck_id)
    have: dict[tuple[int, int], Any] = {
        (r[1], r[2]): r for r in conn.exec_driver_sql(driver_sql(conn, card_sql), params)
    }
    notes = conn.exec_driver_sql(driver_sql(conn, note_sql), params[1:]).fetchall()
    new_rows: list[tuple[int, ...]] = []
    changes: list[tuple[int, int, int]] = []
    homes: list[tuple[int, int, int]] = []
    seen: set[tuple[int, int]] = set()
    retired_queue = int(Queue.RETIRED)
    for note_id, kind, text_, note_deck, position, retired in notes:
        ords = [] if retired else wanted_ords(kind, text_)
        for ord_ in ords:
            key = (note_id, ord_)
            seen.add(key)
            row = have.get(key)
            if row is None:
                new_rows.append(
                    (profile_id, note_id, note_deck, ord_, position * 100 + ord_, now_s)
                )
            else:
                card_id, _nid, _ord, queue, state, card_deck, home = row
                if queue == retired_queue:
                    queue = int(Queue.for_state(CardState(state)))
                if home:
                    if queue != row[3] or home != note_deck:
                        homes.append((queue, note_deck, card_id))
                elif queue != row[3] or card_deck != note_deck:
                    changes.append((queue, note_deck, card_id))
    for key, row in have.items():
        if key not in seen and row[3] != retired_queue:
            if row[6]:
                homes.append((retired_queue, row[6], row[0]))
            else:
                changes.append((retired_queue, row[5], row[0]))
    if new_rows:
        conn.exec_driver_sql(driver_sql(conn, _NEW_CARD_SQL), new_rows)
    if changes:
        conn.exec_driver_sql(driver_sql(conn, _MOVE_CARD_SQL), changes)
    if homes:
        conn.exec_driver_sql(driver_sql(conn, _MOVE_HOME_SQL), homes)
    return len(new_rows)


def _add_fresh_cards(
    conn: Connection,
    profile_id: int,
    deck_id: int,
    notes: Sequence[tuple[int, str, str, int]],
    now_s: int,
) -> int:
    rows = [
        (profile_id, note_id, deck_id, ord_, position * 100 + ord_, now_s)
        for note_id, kind, text_, position in notes
        for ord_ in wanted_ords(kind, text_)
    ]
    if rows:
        conn.exec_driver_sql(driver_sql(conn, _NEW_CARD_SQL), rows)
    return len(rows)


def unbury(conn: Connection, profile_id: int, today: int, deck_ids: Sequence[int]) -> None:
    """Bring back cards buried before ``today``."""
    for state, queue in ((0, 0), (1, 1), (2, 2), (3, 1)):
        conn.execute(
            update(CARDS)
            .where(
                CARDS.c.profile_id == profile_id,
                CARDS.c.deck_id.in_(list(deck_ids)),
                CARDS.c.queue == int(Queue.BURIED),
                CARDS.c.buried_until <= today,
                CARDS.c.state == state,
            )
            .values(queue=queue, buried_until=0)
        )


def has_buried(conn: Connection, profile_id: int, today: int, deck_ids: Sequence[int]) -> bool:
    """Whether any card buried before ``today`` waits to come back (uses the queue index)."""
    row = conn.execute(
        select(CARDS.c.id)
        .where(
            CARDS.c.profile_id == profile_id,
            CARDS.c.deck_id.in_(list(deck_ids)),
            CARDS.c.queue == int(Queue.BURIED),
            CARDS.c.buried_until <= today,
        )
        .limit(1)
    ).first()
    return row is not None


def learning_due(
    conn: Connection, profile_id: int, deck_ids: Sequence[int], until_s: int, limit: int
) -> list[Card]:
    return _queue_cards(
        conn, profile_id, deck_ids, Queue.LEARNING, CARDS.c.due <= until_s, CARDS.c.due, limit
    )


def reviews_due(
    conn: Connection, profile_id: int, deck_ids: Sequence[int], before_s: int, limit: int
) -> list[Card]:
    return _queue_cards(
        conn, profile_id, deck_ids, Queue.REVIEW, CARDS.c.due < before_s, CARDS.c.due, limit
    )


def new_cards(conn: Connection, profile_id: int, deck_ids: Sequence[int], limit: int) -> list[Card]:
    return _queue_cards(conn, profile_id, deck_ids, Queue.NEW, None, CARDS.c.position, limit)


def _queue_cards(
    conn: Connection,
    profile_id: int,
    deck_ids: Sequence[int],
    queue: Queue,
    cond: Any,
    order: Any,
    limit: int,
) -> list[Card]:
    if limit <= 0 or not deck_ids:
        return []
    where = [
        CARDS.c.profile_id == profile_id,
        CARDS.c.deck_id.in_(list(deck_ids)),
        CARDS.c.queue == int(queue),
    ]
    if cond is not None:
        where.append(cond)
    ids_query = select(CARDS.c.id).where(and_(*where)).order_by(order, CARDS.c.id).limit(limit)
    ids = [r[0] for r in conn.execute(ids_query)]
    if not ids:
        return []
    # Two steps on purpose: the id query is answered from the covering queue index
    # alone, while joining notes into it makes SQLite sort far more rows.
    rows = {r.id: r for r in conn.execute(_CARD_WITH_GUID.where(CARDS.c.id.in_(ids)))}
    return [card_from_row(rows[i], rows[i].guid) for i in ids if i in rows]


def count_queue(
    conn: Connection,
    profile_id: int,
    deck_id: int,
    queue: Queue,
    due_before_s: int | None,
    cap: int,
) -> int:
    """Cards in one deck's queue, counting no further than ``cap``."""
    if cap <= 0:
        return 0
    # Plain driver SQL, shared with ``fastcount``: the deck list's many small counts
    # skip statement building.
    sql = driver_sql(conn, count_sql.bounded_count(due_before_s is not None))
    args: tuple[int, ...] = (profile_id, deck_id, int(queue))
    args += (cap,) if due_before_s is None else (due_before_s, cap)
    return int(conn.exec_driver_sql(sql, args).scalar_one())


def count_by_deck(
    conn: Connection,
    profile_id: int,
    deck_ids: Sequence[int],
    queue: Queue,
    due_before_s: int | None,
) -> dict[int, int]:
    """Cards per deck in one queue (optionally due before a time), in one grouped query."""
    where = [
        CARDS.c.profile_id == profile_id,
        CARDS.c.deck_id.in_(list(deck_ids)),
        CARDS.c.queue == int(queue),
    ]
    if due_before_s is not None:
        where.append(CARDS.c.due < due_before_s)
    query = select(CARDS.c.deck_id, func.count()).where(*where).group_by(CARDS.c.deck_id)
    return {deck_id: int(n) for deck_id, n in conn.execute(query)}


def siblings(conn: Connection, card: Card, profile_id: int) -> list[Any]:
    note_id = select(CARDS.c.note_id).where(CARDS.c.id == card.id).scalar_subquery()
    return list(
        conn.execute(
            select(CARDS.c.id, CARDS.c.queue, CARDS.c.due).where(
                CARDS.c.profile_id == profile_id, CARDS.c.note_id == note_id, CARDS.c.id != card.id
            )
        )
    )


def set_queue(
    conn: Connection, card_ids: Sequence[int], queue: Queue, buried_until: int = 0
) -> None:
    if card_ids:
        conn.execute(
            update(CARDS)
            .where(CARDS.c.id.in_(list(card_ids)))
            .values(queue=int(queue), buried_until=buried_until)
        )


def buried_until(conn: Connection, card_id: int) -> int:
    """The study day a buried card comes back on (0: not buried)."""
    value = conn.execute(select(CARDS.c.buried_until).where(CARDS.c.id == card_id)).scalar()
    return int(value or 0)


def restore_queue(conn: Connection, card_ids: Sequence[int]) -> None:
    """Put cards back in the queue their state implies (unsuspend, unbury)."""
    for state, queue in ((0, 0), (1, 1), (2, 2), (3, 1)):
        conn.execute(
            update(CARDS)
            .where(
                CARDS.c.id.in_(list(card_ids)),
                CARDS.c.state == state,
                CARDS.c.queue < 0,
                CARDS.c.queue != int(Queue.RETIRED),
            )
            .values(queue=queue, buried_until=0)
        )


def note_id_of(conn: Connection, card_id: int) -> int:
    return int(conn.execute(select(CARDS.c.note_id).where(CARDS.c.id == card_id)).scalar_one())


def suspended(conn: Connection, profile_id: int, deck_ids: Sequence[int]) -> list[Card]:
    """Suspended cards of the decks, in deck order (uses the queue index).

    A card a filtered deck borrowed from one of the decks counts too, as in Anki's
    ``deck:`` search (it is looked for in the filtered decks only, by the same index).
    """
    from trainer.storage.models import DECKS

    ids = list(deck_ids)
    filtered = select(DECKS.c.id).where(DECKS.c.filter != "", DECKS.c.id.not_in(ids))
    borrowed = list(conn.execute(filtered).scalars())
    wheres: list[ColumnElement[bool]] = [CARDS.c.deck_id.in_(ids)]
    if borrowed:  # a query of its own: one OR would keep SQLite off the deck column
        wheres.append(and_(CARDS.c.deck_id.in_(borrowed), CARDS.c.original_deck_id.in_(ids)))
    rows = [
        r
        for where in wheres
        for r in conn.execute(
            _CARD_WITH_GUID.where(
                CARDS.c.profile_id == profile_id, where, CARDS.c.queue == int(Queue.SUSPENDED)
            ).order_by(CARDS.c.deck_id, CARDS.c.position)
        )
    ]
    if borrowed:
        rows.sort(key=lambda r: (r.deck_id, r.position))
    return [card_from_row(r, r.guid) for r in rows]


def reset_times(conn: Connection, card_ids: Sequence[int]) -> dict[int, int]:
    """When each of the cards was last forgotten (epoch ms), for those ever forgotten."""
    out: dict[int, int] = {}
    ids = list(card_ids)
    for i in range(0, len(ids), 500):
        rows = conn.execute(
            select(CARDS.c.id, CARDS.c.reset_at).where(
                CARDS.c.id.in_(ids[i : i + 500]), CARDS.c.reset_at > 0
            )
        )
        out.update((int(r.id), int(r.reset_at)) for r in rows)
    return out


def shift_buried(conn: Connection, profile_id: int, shift: int) -> None:
    """Move the profile's buried cards' return day by ``shift`` study days."""
    conn.execute(
        update(CARDS)
        .where(CARDS.c.profile_id == profile_id, CARDS.c.buried_until > 0)
        .values(buried_until=CARDS.c.buried_until + shift)
    )


def of_profile(conn: Connection, card_ids: Sequence[int], profile_id: int) -> set[int]:
    """Those of ``card_ids`` that are cards of the profile."""
    out: set[int] = set()
    ids = list(card_ids)
    for i in range(0, len(ids), 500):
        out.update(
            conn.execute(
                select(CARDS.c.id).where(
                    CARDS.c.id.in_(ids[i : i + 500]), CARDS.c.profile_id == profile_id
                )
            ).scalars()
        )
    return out


def borrowed(conn: Connection, card_ids: Sequence[int]) -> set[int]:
    """Those of ``card_ids`` sitting in a filtered deck (away from home)."""
    out: set[int] = set()
    ids = list(card_ids)
    for i in range(0, len(ids), 500):
        out.update(
            conn.execute(
                select(CARDS.c.id).where(
                    CARDS.c.id.in_(ids[i : i + 500]), CARDS.c.original_deck_id != 0
                )
            ).scalars()
        )
    return out


def tomorrow_counts(
    conn: Connection,
    profile_id: int,
    deck_ids: Sequence[int],
    tomorrow: int,
    day_after: int,
    tonight: int,
    ahead: int,
) -> tuple[int, int, dict[int, int]]:
    """For the "done for today" summary: cards due before ``day_after`` (reviews and
    learning, buried ones back ``tomorrow`` included), learning cards due between
    ``ahead`` and ``tonight``, and new cards per deck (buried new ones back tomorrow too).
    """
    c = CARDS.c
    ids = list(deck_ids)
    back = and_(c.queue == int(Queue.BURIED), c.buried_until <= tomorrow)
    review = conn.execute(
        select(func.count()).where(
            c.profile_id == profile_id,
            c.deck_id.in_(ids),
            or_(
                c.queue.in_([int(Queue.REVIEW), int(Queue.LEARNING)]),
                and_(back, c.state != int(CardState.NEW)),
            ),
            c.due < day_after,
        )
    ).scalar_one()
    learning = conn.execute(
        select(func.count()).where(
            c.profile_id == profile_id,
            c.deck_id.in_(ids),
            c.queue == int(Queue.LEARNING),
            c.due >= ahead,
            c.due < tonight,
        )
    ).scalar_one()
    fresh = {
        int(deck_id): int(n)
        for deck_id, n in conn.execute(
            select(c.deck_id, func.count())
            .where(
                c.profile_id == profile_id,
                c.deck_id.in_(ids),
                or_(c.queue == int(Queue.NEW), and_(back, c.state == int(CardState.NEW))),
            )
            .group_by(c.deck_id)
        )
    }
    return int(review), int(learning), fresh


def next_learning_due(
    conn: Connection, profile_id: int, deck_ids: Sequence[int], after_s: int, except_id: int
) -> int | None:
    """The earliest due time after ``after_s`` of a learning card in the decks, but one."""
    c = CARDS.c
    value = conn.execute(
        select(func.min(c.due)).where(
            c.profile_id == profile_id,
            c.deck_id.in_(list(deck_ids)),
            c.queue == int(Queue.LEARNING),
            c.due > after_s,
            c.id != except_id,
        )
    ).scalar()
    return None if value is None else int(value)


def ids_of_note(conn: Connection, note_id: int, profile_id: int) -> list[int]:
    """The profile's cards of one note, by ordinal."""
    rows = conn.execute(
        select(CARDS.c.id)
        .where(CARDS.c.note_id == note_id, CARDS.c.profile_id == profile_id)
        .order_by(CARDS.c.ord)
    ).scalars()
    return [int(i) for i in rows]
