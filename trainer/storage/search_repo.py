"""Search trees (``trainer.domain.search``) compiled to one SQL condition on cards ⋈ notes.

Everything runs in the database: text with LIKE (case-insensitive, ``ESCAPE '\\'``),
decks resolved to ids first (there are few), tags with LIKE on the space-padded
column (a regular expression only for wildcard tags), review history through
the review log's indexes. Retired cards and notes never match. A page of results
is ids first (a narrow query the indexes answer), rows second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    case,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.sql.elements import ColumnElement

from trainer.domain import notetypes
from trainer.domain import search as s
from trainer.domain.clock import LEARN_AHEAD, DayClock, to_epoch
from trainer.domain.model import CardState, Queue
from trainer.storage.models import ARTICLES, CARDS, DECKS, NOTES, REVIEWS

SORTS = ("added", "due", "ivl", "ease", "lapses", "reps", "deck", "front", "tags", "stability")
"""Columns results can be ordered by (``ease`` is FSRS difficulty)."""

LEECH_TAG = "leech"
DAY = 86400


@dataclass(frozen=True, slots=True)
class SearchContext:
    """What a condition depends on besides the tree: learner, time, decks, backend."""

    profile_id: int
    now: datetime
    clock: DayClock
    decks: Sequence[tuple[int, str]]
    """(id, name) of every deck."""
    postgres: bool = False
    filtered: frozenset[int] = frozenset()
    """Ids of filtered decks (cards there still match their home deck)."""

    @property
    def today(self) -> int:
        return self.clock.day(self.now)

    def day_start_s(self, offset: int) -> int:
        """Epoch seconds at which the study day ``today + offset`` starts."""
        offset = max(-200_000, min(200_000, offset))
        return to_epoch(self.clock.day_start(self.today + offset))


# -- patterns ------------------------------------------------------------------------
def like_pattern(pattern: str, *, anchored: bool) -> str:
    """A search pattern as a LIKE pattern (escape character ``\\``)."""
    out = []
    for piece, wild in s.pattern_parts(pattern):
        if wild:
            out.append("%" if piece == "*" else "_")
        elif piece in "%_\\":
            out.append("\\" + piece)
        else:
            out.append(piece)
    body = "".join(out)
    return body if anchored else f"%{body}%"


def regex_pattern(pattern: str, *, star: str = ".*", one: str = ".") -> str:
    out = []
    for piece, wild in s.pattern_parts(pattern):
        if wild:
            out.append(star if piece == "*" else one)
        else:
            out.append(re.escape(piece))
    return "".join(out)


def matching_decks(pattern: str, decks: Sequence[tuple[int, str]]) -> list[int]:
    """Ids of decks whose name matches ``pattern`` (case-insensitive), and their sub-decks."""
    rx = re.compile(f"{regex_pattern(pattern)}(?:::.*)?", re.IGNORECASE | re.DOTALL)
    return [deck_id for deck_id, name in decks if rx.fullmatch(name)]


def _like(column: Any, pattern: str, ctx: SearchContext) -> ColumnElement[bool]:
    # ESCAPE only when needed: SQLite's LIKE takes a slower path with it.
    escape = "\\" if "\\" in pattern else None
    if ctx.postgres:
        return column.ilike(pattern, escape=escape)  # type: ignore[no-any-return]
    return column.like(pattern, escape=escape)  # type: ignore[no-any-return]


_TEXT_COLUMNS = ("text", "prompt", "answer", "items", "extra")


def _text(pattern: str, ctx: SearchContext) -> ColumnElement[bool]:
    """A word or phrase anywhere in the note's fields.

    One LIKE per field (no string building per row); a ``*`` may span fields, as
    in Anki, so such a pattern is matched against the fields joined.
    """
    like = like_pattern(pattern, anchored=False)
    if ("*", True) in s.pattern_parts(pattern):
        joined: ColumnElement[Any] = NOTES.c.text
        for name in _TEXT_COLUMNS[1:]:
            joined = joined + "\x1f" + NOTES.c[name]
        return _like(joined, like, ctx)
    return or_(*(_like(NOTES.c[name], like, ctx) for name in _TEXT_COLUMNS))


def interval_days() -> ColumnElement[Any]:
    """A review card's interval in whole days (Anki's ``ivl``); 0 for new and learning cards."""
    return case(
        (
            and_(
                CARDS.c.state.in_([int(CardState.REVIEW), int(CardState.RELEARNING)]),
                CARDS.c.last_review.is_not(None),
            ),
            (CARDS.c.due - CARDS.c.last_review + DAY // 2) / DAY,
        ),
        else_=0,
    )


def _compare(column: Any, op: str, value: float) -> ColumnElement[bool]:
    ops = {
        "<": column < value,
        "<=": column <= value,
        ">": column > value,
        ">=": column >= value,
        "=": column == value,
        "!=": column != value,
    }
    return ops[op]  # type: ignore[no-any-return]


def _tag(pattern: str, ctx: SearchContext) -> ColumnElement[bool]:
    parts = s.pattern_parts(pattern)
    if not any(wild for _p, wild in parts):
        exact = like_pattern(pattern, anchored=True)
        return or_(
            _like(NOTES.c.tags, f"% {exact} %", ctx),
            _like(NOTES.c.tags, f"% {exact}::%", ctx),
        )
    rx = "(^| )" + regex_pattern(pattern, star="[^ ]*", one="[^ ]") + "(::[^ ]*)?( |$)"
    rough = like_pattern(pattern, anchored=False)
    return and_(_like(NOTES.c.tags, rough, ctx), NOTES.c.tags.regexp_match(rx, flags="i"))


def _topic(pattern: str, ctx: SearchContext) -> ColumnElement[bool]:
    """Notes made from an article with a theme matching ``pattern`` (themes are stored
    space-padded like tags, and have no spaces of their own)."""
    parts = s.pattern_parts(pattern)
    if any(wild for _p, wild in parts):
        rx = "(^| )" + regex_pattern(pattern, star="[^ ]*", one="[^ ]") + "( |$)"
        matching = and_(
            _like(ARTICLES.c.topics, like_pattern(pattern, anchored=False), ctx),
            ARTICLES.c.topics.regexp_match(rx, flags="i"),
        )
    else:
        matching = _like(ARTICLES.c.topics, f"% {like_pattern(pattern, anchored=True)} %", ctx)
    return NOTES.c.source_article.in_(select(ARTICLES.c.id).where(matching))


def _state(state: str, ctx: SearchContext) -> ColumnElement[bool]:
    if state == "new":
        return CARDS.c.state == int(CardState.NEW)
    if state == "learn":
        return CARDS.c.queue == int(Queue.LEARNING)
    if state == "review":
        return CARDS.c.state.in_([int(CardState.REVIEW), int(CardState.RELEARNING)])
    if state == "due":
        return or_(
            and_(CARDS.c.queue == int(Queue.REVIEW), CARDS.c.due < ctx.day_start_s(1)),
            and_(
                CARDS.c.queue == int(Queue.LEARNING),
                CARDS.c.due <= to_epoch(ctx.now + LEARN_AHEAD),
            ),
        )
    if state == "suspended":
        return CARDS.c.queue == int(Queue.SUSPENDED)
    if state == "buried":
        return CARDS.c.queue == int(Queue.BURIED)
    assert state == "leech"
    return _tag(LEECH_TAG, ctx)


def _due_days(op: str, value: float, ctx: SearchContext) -> ColumnElement[bool]:
    """``prop:due``: days from today to the card's due day, for cards with a due time."""
    scheduled = CARDS.c.queue.in_([int(Queue.LEARNING), int(Queue.REVIEW)])
    due = CARDS.c.due
    if op == "<":
        cond = due < ctx.day_start_s(math.ceil(value))
    elif op == "<=":
        cond = due < ctx.day_start_s(math.floor(value) + 1)
    elif op == ">":
        cond = due >= ctx.day_start_s(math.floor(value) + 1)
    elif op == ">=":
        cond = due >= ctx.day_start_s(math.ceil(value))
    elif value != int(value):
        cond = false() if op == "=" else true()
    else:
        within = and_(due >= ctx.day_start_s(int(value)), due < ctx.day_start_s(int(value) + 1))
        cond = within if op == "=" else not_(within)
    return and_(scheduled, cond)


def _prop(node: s.Prop, ctx: SearchContext) -> ColumnElement[bool]:
    if node.name == "ivl":
        return _compare(interval_days(), node.op, node.value)
    if node.name == "due":
        return _due_days(node.op, node.value, ctx)
    if node.name == "reps":
        return _compare(CARDS.c.reps, node.op, node.value)
    if node.name == "lapses":
        return _compare(CARDS.c.lapses, node.op, node.value)
    if node.name == "pos":
        return and_(
            CARDS.c.state == int(CardState.NEW), _compare(CARDS.c.position, node.op, node.value)
        )
    if node.name == "s":
        return and_(
            CARDS.c.stability.is_not(None), _compare(CARDS.c.stability, node.op, node.value)
        )
    assert node.name == "d"
    return and_(
        CARDS.c.difficulty.is_not(None),
        _compare((CARDS.c.difficulty - 1.0) / 9.0, node.op, node.value),
    )


def _rated(node: s.Rated, ctx: SearchContext) -> ColumnElement[bool]:
    first = ctx.today - node.days + 1
    where = [REVIEWS.c.profile_id == ctx.profile_id, REVIEWS.c.day >= first]
    if node.rating is not None:
        where.append(REVIEWS.c.rating == node.rating)
    return CARDS.c.id.in_(select(REVIEWS.c.card_id).where(*where))


def _introduced(node: s.Introduced, ctx: SearchContext) -> ColumnElement[bool]:
    first = ctx.today - node.days + 1
    recent = select(REVIEWS.c.card_id).where(
        REVIEWS.c.profile_id == ctx.profile_id, REVIEWS.c.day >= first
    )
    earlier = select(literal(1)).where(REVIEWS.c.card_id == CARDS.c.id, REVIEWS.c.day < first)
    return and_(CARDS.c.id.in_(recent), not_(earlier.exists()))


def _field(node: s.FieldIs, ctx: SearchContext) -> ColumnElement[bool]:
    if node.field == "items":
        body = like_pattern(node.pattern, anchored=True)
        return _like(NOTES.c["items"], f'%"{body}"%', ctx)
    column = NOTES.c[node.field]
    return _like(column, like_pattern(node.pattern, anchored=True), ctx)


def condition(node: s.Node, ctx: SearchContext) -> ColumnElement[bool]:
    """The SQL condition (on cards joined with notes) that ``node`` means."""
    if isinstance(node, s.All):
        return true()
    if isinstance(node, s.Text):
        return _text(node.pattern, ctx)
    if isinstance(node, s.DeckIs):
        ids = matching_decks(node.pattern, ctx.decks)
        if not ids:
            return false()
        away = sorted(ctx.filtered.difference(ids))
        if not away:
            return CARDS.c.deck_id.in_(ids)
        # The first term keeps the queue index usable; the second finds cards away from home.
        return and_(
            CARDS.c.deck_id.in_(ids + away),
            or_(CARDS.c.deck_id.in_(ids), CARDS.c.original_deck_id.in_(ids)),
        )
    if isinstance(node, s.TagIs):
        return _tag(node.pattern, ctx)
    if isinstance(node, s.TopicIs):
        return _topic(node.pattern, ctx)
    if isinstance(node, s.StateIs):
        return _state(node.state, ctx)
    if isinstance(node, s.CardNumber):
        # Ord 0 is a note's first card, ord n >= 1 its card n (NoteType.card_ords).
        if node.number == 1:
            return CARDS.c.ord <= 1
        return CARDS.c.ord == node.number
    if isinstance(node, s.NoteKindIs):
        return NOTES.c.kind == node.kind
    if isinstance(node, s.CardIds):
        return CARDS.c.id.in_(list(node.ids))
    if isinstance(node, s.Prop):
        return _prop(node, ctx)
    if isinstance(node, s.Rated):
        return _rated(node, ctx)
    if isinstance(node, s.Added):
        return CARDS.c.added_at >= ctx.day_start_s(1 - node.days)
    if isinstance(node, s.Introduced):
        return _introduced(node, ctx)
    if isinstance(node, s.FieldIs):
        return _field(node, ctx)
    if isinstance(node, s.Not):
        return not_(condition(node.node, ctx))
    if isinstance(node, s.And):
        return and_(*(condition(n, ctx) for n in node.nodes))
    assert isinstance(node, s.Or)
    return or_(*(condition(n, ctx) for n in node.nodes))


def filtered_deck_ids(conn: Connection) -> frozenset[int]:
    return frozenset(conn.execute(select(DECKS.c.id).where(DECKS.c.filter != "")).scalars())


def _base(node: s.Node, ctx: SearchContext, *columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(CARDS.join(NOTES, NOTES.c.id == CARDS.c.note_id))
        .where(
            CARDS.c.profile_id == ctx.profile_id,
            CARDS.c.queue != int(Queue.RETIRED),
            NOTES.c.retired.is_(False),
            condition(node, ctx),
        )
    )


def _order(sort: str, reverse: bool) -> list[Any]:
    if sort == "due":
        keys: list[Any] = [
            case((CARDS.c.state == int(CardState.NEW), 1), else_=0),
            CARDS.c.due,
            CARDS.c.position,
        ]
    elif sort == "ivl":
        keys = [interval_days()]
    elif sort == "ease":
        keys = [func.coalesce(CARDS.c.difficulty, 0.0)]
    elif sort == "stability":
        keys = [func.coalesce(CARDS.c.stability, 0.0)]
    elif sort == "lapses":
        keys = [CARDS.c.lapses]
    elif sort == "reps":
        keys = [CARDS.c.reps]
    elif sort == "deck":
        name = select(DECKS.c.name).where(DECKS.c.id == CARDS.c.deck_id).scalar_subquery()
        keys = [name, CARDS.c.position]
    elif sort == "front":
        *firsts, last = notetypes.sort_fields()
        whens = [(NOTES.c.kind.in_(notetypes.kinds_sorted_by(f)), NOTES.c[f]) for f in firsts]
        keys = [case(*whens, else_=NOTES.c[last]) if whens else NOTES.c[last]]
    elif sort == "tags":
        keys = [NOTES.c.tags]
    else:
        keys = [CARDS.c.added_at]
    keys.append(CARDS.c.id)
    return [k.desc() for k in keys] if reverse else keys


def card_ids(
    conn: Connection,
    node: s.Node,
    ctx: SearchContext,
    *,
    sort: str = "added",
    reverse: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Matching card ids in ``sort`` order, optionally one page of them."""
    query = _base(node, ctx, CARDS.c.id).order_by(*_order(sort, reverse))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [int(r[0]) for r in conn.execute(query)]


def count(conn: Connection, node: s.Node, ctx: SearchContext) -> int:
    return int(conn.execute(_base(node, ctx, func.count())).scalar_one())


def rows_for(conn: Connection, ids: Sequence[int]) -> list[Any]:
    """Card and note columns for ``ids``, in that order."""
    found: dict[int, Any] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        query = select(
            CARDS,
            NOTES.c.guid,
            NOTES.c.kind,
            NOTES.c.text,
            NOTES.c.prompt,
            NOTES.c.answer,
            NOTES.c["items"],
            NOTES.c.tags,
            NOTES.c.extra,
        ).select_from(CARDS.join(NOTES, NOTES.c.id == CARDS.c.note_id))
        for row in conn.execute(query.where(CARDS.c.id.in_(chunk))):
            found[row.id] = row
    return [found[i] for i in ids if i in found]
