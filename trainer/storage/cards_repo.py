"""Cards: scheduling state per learner, and the queue queries.

The queue queries are written so SQLite answers them from
``ix_cards_queue_due`` / ``ix_cards_queue_position`` alone (a test checks the
plan), and counts are bounded by the daily limits so the deck list stays fast
however big a deck grows.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.domain import notetypes
from trainer.domain.clock import from_epoch, to_epoch
from trainer.domain.model import Card, CardState, Queue
from trainer.storage import card_groups, count_sql
from trainer.storage.driver import DriverConn, driver_sql

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Connection, Select


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


def _card_with_guid() -> Select[Any]:
    from sqlalchemy import select

    from trainer.storage.models import CARDS, NOTES

    return select(CARDS, NOTES.c.guid).join(NOTES, NOTES.c.id == CARDS.c.note_id)


# The study loop's statements as plain SQL (``?`` parameters, adapted per backend by
# ``driver_sql``): a card is read, saved and queued several times per answer, and
# building a SQLAlchemy statement each time cost more than running it.
_CARD_SQL = (
    "SELECT c.id, c.ord, c.deck_id, c.state, c.queue, c.due, c.step, c.stability, "
    "c.difficulty, c.last_review, c.reps, c.lapses, c.position, n.guid, c.note_id, "
    "c.original_deck_id, c.original_due FROM cards c JOIN notes n ON n.id = c.note_id"
)
_SAVE_SQL = (
    "UPDATE cards SET state = ?, queue = ?, due = ?, step = ?, stability = ?, "
    "difficulty = ?, last_review = ?, reps = ?, lapses = ? WHERE id = ?"
)


def _card_of(row: Sequence[Any]) -> Card:
    """A card from a ``_CARD_SQL`` row."""
    state = CardState(row[3])
    last = row[9]
    return Card(
        id=row[0],
        note_guid=row[13],
        ord=row[1],
        deck_id=row[2],
        state=state,
        queue=Queue(row[4]),
        due=from_epoch(row[5]) if state is not CardState.NEW else None,
        step=row[6],
        stability=row[7],
        difficulty=row[8],
        last_review=from_epoch(last) if last is not None else None,
        reps=row[10],
        lapses=row[11],
        position=row[12],
    )


def get_card(conn: DriverConn, card_id: int) -> Card | None:
    sql = driver_sql(conn, _CARD_SQL + " WHERE c.id = ?")
    row = conn.exec_driver_sql(sql, (card_id,)).first()
    return _card_of(row) if row else None


@dataclass(frozen=True, slots=True)
class Answering:
    """A card about to be answered, with what the answer needs besides it."""

    card: Card
    note_id: int
    home: tuple[int, int] | None
    """(home deck id, own due time) while the card sits in a filtered deck; else None."""


def card_for_answer(conn: DriverConn, card_id: int) -> Answering | None:
    """The card, its note id and its filtered-deck home, in one read."""
    sql = driver_sql(conn, _CARD_SQL + " WHERE c.id = ?")
    row = conn.exec_driver_sql(sql, (card_id,)).first()
    if row is None:
        return None
    home = (int(row[15]), int(row[16])) if row[15] else None
    return Answering(_card_of(row), int(row[14]), home)


def cards_in_deck(conn: Connection, profile_id: int, deck_id: int) -> list[Card]:
    from trainer.storage.models import CARDS

    query = _card_with_guid().where(CARDS.c.profile_id == profile_id, CARDS.c.deck_id == deck_id)
    return [card_from_row(r, r.guid) for r in conn.execute(query.order_by(CARDS.c.id))]


def save_card(conn: DriverConn, card: Card) -> None:
    v = card_values(card)
    conn.exec_driver_sql(
        driver_sql(conn, _SAVE_SQL),
        (
            v["state"],
            v["queue"],
            v["due"],
            v["step"],
            v["stability"],
            v["difficulty"],
            v["last_review"],
            v["reps"],
            v["lapses"],
            card.id,
        ),
    )


def wanted_ords(kind: str, text: str) -> list[int]:
    """The ords a note of ``kind`` with this text column has cards for."""
    return notetypes.of(kind).card_ords(text)


_NEW_CARD_SQL = (
    "INSERT INTO cards (profile_id, note_id, deck_id, ord, state, queue, due, step, reps, "
    "lapses, position, buried_until, added_at, group_id) "
    f"VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, 0, ?, {card_groups.GROUP_OF_NOTE})"
)
"""A new card, in its note's group (the last parameter is the note id again)."""
_FRESH_CARD_SQL = (
    "INSERT INTO cards (profile_id, note_id, deck_id, ord, state, queue, due, step, reps, "
    "lapses, position, buried_until, added_at, group_id) "
    "VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, 0, ?, ?)"
)
"""A new card of a note just inserted, its group id given (``notes_repo.insert_notes``
returns them): no lookup of the note and its group per card."""
_MOVE_CARD_SQL = "UPDATE cards SET queue = ?, deck_id = ? WHERE id = ?"
_MOVE_HOME_SQL = "UPDATE cards SET queue = ?, original_deck_id = ? WHERE id = ?"
"""A card in a filtered deck stays there; its home deck follows the note."""


def sync_cards(
    conn: DriverConn,
    profile_id: int,
    deck_id: int | None = None,
    *,
    fresh: Sequence[tuple[int, str, str, int, int]] | None = None,
    now_s: int | None = None,
    places: Mapping[tuple[int, int], int] | None = None,
) -> int:
    """Give every live note the cards it needs for this profile; retire the rest.

    Cards are never deleted: a cloze number that disappears parks its card in the
    RETIRED queue with its history, and it comes back if the number does.
    ``fresh``, when given, says the deck's notes are exactly these ``(note id,
    kind, text, position, group id)``, all inserted just now (so without cards): their
    cards are made without reading anything back, each at its new-queue position
    in ``places`` (by note id and ord) when it is there, else in note order.
    Returns the number of cards created; ``now_s`` is their creation time.
    """
    now_s = int(time.time()) if now_s is None else now_s
    if fresh is not None and deck_id is not None:
        return _add_fresh_cards(conn, profile_id, deck_id, fresh, now_s, places or {})
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
                    (profile_id, note_id, note_deck, ord_, position * 100 + ord_, now_s, note_id)
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
    conn: DriverConn,
    profile_id: int,
    deck_id: int,
    notes: Sequence[tuple[int, str, str, int, int]],
    now_s: int,
    places: Mapping[tuple[int, int], int],
) -> int:
    get = places.get
    rows = [
        (
            profile_id,
            note_id,
            deck_id,
            ord_,
            get((note_id, ord_), position * 100 + ord_),
            now_s,
            group,
        )
        for note_id, kind, text_, position, group in notes
        for ord_ in wanted_ords(kind, text_)
    ]
    if not rows:
        return 0
    indexes: list[tuple[str, str]] = []
    if (
        conn.dialect.name == "sqlite"
        and len(rows) >= _BUILD_INDEXES_AFTER
        and conn.exec_driver_sql("SELECT 1 FROM cards LIMIT 1").first() is None
    ):
        indexes = [tuple(r) for r in conn.exec_driver_sql(_CARD_INDEXES_SQL).fetchall()]
    # An empty table's indexes are built once from the rows (a sort) rather than kept
    # up to date row by row; drop and create are part of the caller's transaction, so
    # a failed import leaves them as they were.
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    conn.exec_driver_sql(driver_sql(conn, _FRESH_CARD_SQL), rows)
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    return len(rows)


_BUILD_INDEXES_AFTER = 1000
"""New cards at least this many into an empty cards table (a new store's first import)."""
_CARD_INDEXES_SQL = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards' "
    "AND sql IS NOT NULL ORDER BY name"
)
"""The cards table's own indexes with the statements that made them (a constraint's
automatic index has no statement and is kept)."""


def unbury(conn: DriverConn, profile_id: int, today: int, deck_ids: Sequence[int]) -> None:
    """Bring back cards buried before ``today``."""
    if not deck_ids:
        return
    sql = (
        f"UPDATE cards SET queue = ?, buried_until = 0 WHERE profile_id = ? AND deck_id IN "
        f"({_marks(len(deck_ids))}) AND queue = ? AND buried_until <= ? AND state = ?"
    )
    for state, queue in ((0, 0), (1, 1), (2, 2), (3, 1)):
        args = (queue, profile_id, *deck_ids, int(Queue.BURIED), today, state)
        conn.exec_driver_sql(driver_sql(conn, sql), args)


def has_buried(conn: DriverConn, profile_id: int, today: int, deck_ids: Sequence[int]) -> bool:
    """Whether any card buried before ``today`` waits to come back (uses the queue index)."""
    if not deck_ids:
        return False
    sql = (
        f"SELECT id FROM cards WHERE profile_id = ? AND deck_id IN ({_marks(len(deck_ids))}) "
        "AND queue = ? AND buried_until <= ? LIMIT 1"
    )
    args = (profile_id, *deck_ids, int(Queue.BURIED), today)
    return conn.exec_driver_sql(driver_sql(conn, sql), args).first() is not None


def learning_due(
    conn: DriverConn, profile_id: int, deck_ids: Sequence[int], until_s: int, limit: int
) -> list[Card]:
    return _queue_cards(conn, profile_id, deck_ids, Queue.LEARNING, " AND due <= ?", until_s, limit)


def reviews_due(
    conn: DriverConn, profile_id: int, deck_ids: Sequence[int], before_s: int, limit: int
) -> list[Card]:
    return _queue_cards(conn, profile_id, deck_ids, Queue.REVIEW, " AND due < ?", before_s, limit)


def new_cards(conn: DriverConn, profile_id: int, deck_ids: Sequence[int], limit: int) -> list[Card]:
    return _queue_cards(conn, profile_id, deck_ids, Queue.NEW, "", None, limit)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _queue_cards(
    conn: DriverConn,
    profile_id: int,
    deck_ids: Sequence[int],
    queue: Queue,
    cond: str,
    bound: int | None,
    limit: int,
) -> list[Card]:
    """Cards of one queue in study order: by due time (``cond`` bounds it with ``bound``),
    new cards by position."""
    if limit <= 0 or not deck_ids:
        return []
    order = "due" if cond else "position"
    sql = (
        f"SELECT id FROM cards WHERE profile_id = ? AND deck_id IN ({_marks(len(deck_ids))}) "
        f"AND queue = ?{cond} ORDER BY {order}, id LIMIT ?"
    )
    args: tuple[Any, ...] = (profile_id, *deck_ids, int(queue))
    args += (limit,) if bound is None else (bound, limit)
    ids = [r[0] for r in conn.exec_driver_sql(driver_sql(conn, sql), args)]
    if not ids:
        return []
    # Two steps on purpose: the id query is answered from the covering queue index
    # alone, while joining notes into it makes SQLite sort far more rows.
    sql = _CARD_SQL + f" WHERE c.id IN ({_marks(len(ids))})"
    rows = {r[0]: r for r in conn.exec_driver_sql(driver_sql(conn, sql), tuple(ids))}
    return [_card_of(rows[i]) for i in ids if i in rows]


def count_queue(
    conn: DriverConn,
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
    conn: DriverConn,
    profile_id: int,
    deck_ids: Sequence[int],
    queue: Queue,
    due_before_s: int | None,
) -> dict[int, int]:
    """Cards per deck in one queue (optionally due before a time), in one grouped query."""
    if not deck_ids:
        return {}
    due = "" if due_before_s is None else " AND due < ?"
    sql = (
        f"SELECT deck_id, count(*) FROM cards WHERE profile_id = ? AND deck_id IN "
        f"({_marks(len(deck_ids))}) AND queue = ?{due} GROUP BY deck_id"
    )
    args: tuple[int, ...] = (profile_id, *deck_ids, int(queue))
    if due_before_s is not None:
        args += (due_before_s,)
    return {int(d): int(n) for d, n in conn.exec_driver_sql(driver_sql(conn, sql), args)}


def siblings(
    conn: DriverConn, card: Card, profile_id: int, note_id: int | None = None
) -> list[Any]:
    """The other cards of ``card``'s note for this profile: (id, queue, due) rows."""
    if note_id is None:
        sql = (
            "SELECT id, queue, due FROM cards WHERE profile_id = ? AND id <> ? "
            "AND note_id = (SELECT note_id FROM cards WHERE id = ?)"
        )
        args: tuple[int, ...] = (profile_id, card.id, card.id)
    else:
        sql = "SELECT id, queue, due FROM cards WHERE profile_id = ? AND id <> ? AND note_id = ?"
        args = (profile_id, card.id, note_id)
    return list(conn.exec_driver_sql(driver_sql(conn, sql), args))


def set_queue(
    conn: DriverConn, card_ids: Sequence[int], queue: Queue, buried_until: int = 0
) -> None:
    if card_ids:
        sql = f"UPDATE cards SET queue = ?, buried_until = ? WHERE id IN ({_marks(len(card_ids))})"
        conn.exec_driver_sql(driver_sql(conn, sql), (int(queue), buried_until, *card_ids))


def buried_until(conn: DriverConn, card_id: int) -> int:
    """The study day a buried card comes back on (0: not buried)."""
    sql = driver_sql(conn, "SELECT buried_until FROM cards WHERE id = ?")
    value = conn.exec_driver_sql(sql, (card_id,)).scalar()
    return int(value or 0)


def restore_queue(conn: DriverConn, card_ids: Sequence[int]) -> None:
    """Put cards back in the queue their state implies (unsuspend, unbury)."""
    ids = list(card_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = (
            f"UPDATE cards SET queue = ?, buried_until = 0 WHERE id IN ({_marks(len(chunk))}) "
            "AND state = ? AND queue < 0 AND queue <> ?"
        )
        for state, queue in ((0, 0), (1, 1), (2, 2), (3, 1)):
            args = (queue, *chunk, state, int(Queue.RETIRED))
            conn.exec_driver_sql(driver_sql(conn, sql), args)


def note_id_of(conn: DriverConn, card_id: int) -> int:
    sql = driver_sql(conn, "SELECT note_id FROM cards WHERE id = ?")
    return int(conn.exec_driver_sql(sql, (card_id,)).scalar_one())


def suspended(conn: Connection, profile_id: int, deck_ids: Sequence[int]) -> list[Card]:
    """Suspended cards of the decks, in deck order (uses the queue index).

    A card a filtered deck borrowed from one of the decks counts too, as in Anki's
    ``deck:`` search (it is looked for in the filtered decks only, by the same index).
    """
    from sqlalchemy import and_, select

    from trainer.storage.models import CARDS, DECKS

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
            _card_with_guid()
            .where(CARDS.c.profile_id == profile_id, where, CARDS.c.queue == int(Queue.SUSPENDED))
            .order_by(CARDS.c.deck_id, CARDS.c.position)
        )
    ]
    if borrowed:
        rows.sort(key=lambda r: (r.deck_id, r.position))
    return [card_from_row(r, r.guid) for r in rows]


STATE_COLUMNS = (
    "state",
    "queue",
    "due",
    "step",
    "stability",
    "difficulty",
    "last_review",
    "reps",
    "lapses",
)
"""The scheduling columns ``save_states`` writes, in its rows' order (then the card id)."""
_SAVE_STATES_SQL = f"UPDATE cards SET {', '.join(f'{c} = ?' for c in STATE_COLUMNS)} WHERE id = ?"


def state_row(card: Card) -> tuple[Any, ...]:
    """A card as a ``save_states`` row: its ``STATE_COLUMNS`` values, then its id."""
    values = card_values(card)
    return (*(values[c] for c in STATE_COLUMNS), card.id)


def save_states(conn: DriverConn, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write many cards' scheduling columns at once (one executemany, plain driver SQL).

    Each row is the ``STATE_COLUMNS`` values (times in epoch seconds, as
    ``card_values`` gives them) followed by the card id: bulk writers (an import
    rebuilding thousands of schedules) hand over tuples, no Card objects.
    """
    if rows:
        conn.exec_driver_sql(driver_sql(conn, _SAVE_STATES_SQL), rows)


def set_reset_times(conn: DriverConn, rows: Sequence[tuple[int, int]]) -> None:
    """Record when cards were last reset to new: ``(epoch ms, card id)`` rows."""
    if rows:
        conn.exec_driver_sql(driver_sql(conn, "UPDATE cards SET reset_at = ? WHERE id = ?"), rows)


def place_new(conn: DriverConn, rows: Sequence[tuple[int, int, int]]) -> None:
    """Put new cards in a queue at a new-queue position: ``(queue, position, card id)`` rows."""
    if rows:
        conn.exec_driver_sql(
            driver_sql(conn, "UPDATE cards SET queue = ?, position = ? WHERE id = ?"), rows
        )


def reset_times(conn: DriverConn, card_ids: Sequence[int]) -> dict[int, int]:
    """When each of the cards was last forgotten (epoch ms), for those ever forgotten."""
    out: dict[int, int] = {}
    ids = list(card_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = f"SELECT id, reset_at FROM cards WHERE id IN ({_marks(len(chunk))}) AND reset_at > 0"
        rows = conn.exec_driver_sql(driver_sql(conn, sql), tuple(chunk))
        out.update((int(r[0]), int(r[1])) for r in rows)
    return out


def shift_buried(conn: Connection, profile_id: int, shift: int) -> None:
    """Move the profile's buried cards' return day by ``shift`` study days."""
    from sqlalchemy import update

    from trainer.storage.models import CARDS

    conn.execute(
        update(CARDS)
        .where(CARDS.c.profile_id == profile_id, CARDS.c.buried_until > 0)
        .values(buried_until=CARDS.c.buried_until + shift)
    )


def of_profile(conn: Connection, card_ids: Sequence[int], profile_id: int) -> set[int]:
    """Those of ``card_ids`` that are cards of the profile."""
    from sqlalchemy import select

    from trainer.storage.models import CARDS

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
    from sqlalchemy import select

    from trainer.storage.models import CARDS

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
    from sqlalchemy import and_, func, or_, select

    from trainer.storage.models import CARDS

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
    conn: DriverConn, profile_id: int, deck_ids: Sequence[int], after_s: int, except_id: int
) -> int | None:
    """The earliest due time after ``after_s`` of a learning card in the decks, but one."""
    if not deck_ids:
        return None
    sql = (
        f"SELECT min(due) FROM cards WHERE profile_id = ? AND deck_id IN ({_marks(len(deck_ids))}) "
        "AND queue = ? AND due > ? AND id <> ?"
    )
    args = (profile_id, *deck_ids, int(Queue.LEARNING), after_s, except_id)
    value = conn.exec_driver_sql(driver_sql(conn, sql), args).scalar()
    return None if value is None else int(value)


def ids_of_note(conn: Connection, note_id: int, profile_id: int) -> list[int]:
    """The profile's cards of one note, by ordinal."""
    from sqlalchemy import select

    from trainer.storage.models import CARDS

    rows = conn.execute(
        select(CARDS.c.id)
        .where(CARDS.c.note_id == note_id, CARDS.c.profile_id == profile_id)
        .order_by(CARDS.c.ord)
    ).scalars()
    return [int(i) for i in rows]
