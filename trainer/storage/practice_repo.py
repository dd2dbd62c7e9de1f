"""Practice attempts: rows to plain records and back, and the studied notes grading links to."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, insert, select, update

from trainer.domain import notetypes
from trainer.storage.models import ARTICLES, CARDS, NOTES, PRACTICE_ATTEMPTS


@dataclass(frozen=True, slots=True)
class Attempt:
    """One saved answer (times are UTC epoch seconds)."""

    article: str
    question_key: str
    question_type: str
    question: str
    answer: str
    time_used_ms: int
    time_limit_s: int
    char_count: int
    char_limit: int
    coverage: float
    points_total: int
    missed: tuple[str, ...]
    rating: int
    answered_at: int
    due_at: int
    id: int = 0


def _attempt(row: object) -> Attempt:
    r = row
    try:
        missed = json.loads(r.missed or "[]")  # type: ignore[attr-defined]
    except ValueError:
        missed = []
    if not isinstance(missed, list):
        missed = []
    return Attempt(
        r.article,  # type: ignore[attr-defined]
        r.question_key,  # type: ignore[attr-defined]
        r.question_type,  # type: ignore[attr-defined]
        r.question,  # type: ignore[attr-defined]
        r.answer,  # type: ignore[attr-defined]
        r.time_used_ms,  # type: ignore[attr-defined]
        r.time_limit_s,  # type: ignore[attr-defined]
        r.char_count,  # type: ignore[attr-defined]
        r.char_limit,  # type: ignore[attr-defined]
        float(r.coverage),  # type: ignore[attr-defined]
        r.points_total,  # type: ignore[attr-defined]
        tuple(str(m) for m in missed),
        r.rating,  # type: ignore[attr-defined]
        r.answered_at,  # type: ignore[attr-defined]
        r.due_at,  # type: ignore[attr-defined]
        r.id,  # type: ignore[attr-defined]
    )


def _values(profile_id: int, a: Attempt) -> dict[str, object]:
    return {
        "profile_id": profile_id,
        "article": a.article,
        "question_key": a.question_key,
        "question_type": a.question_type,
        "question": a.question,
        "answer": a.answer,
        "time_used_ms": a.time_used_ms,
        "time_limit_s": a.time_limit_s,
        "char_count": a.char_count,
        "char_limit": a.char_limit,
        "coverage": a.coverage,
        "points_total": a.points_total,
        "missed": json.dumps(list(a.missed), ensure_ascii=False),
        "rating": a.rating,
        "answered_at": a.answered_at,
        "due_at": a.due_at,
    }


def add_attempt(conn: Connection, profile_id: int, attempt: Attempt) -> int:
    result = conn.execute(insert(PRACTICE_ATTEMPTS).values(**_values(profile_id, attempt)))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def set_rating(
    conn: Connection, profile_id: int, attempt_id: int, rating: int, due_at: int
) -> None:
    conn.execute(
        update(PRACTICE_ATTEMPTS)
        .where(PRACTICE_ATTEMPTS.c.id == attempt_id, PRACTICE_ATTEMPTS.c.profile_id == profile_id)
        .values(rating=rating, due_at=due_at)
    )


def attempts(
    conn: Connection,
    profile_id: int,
    *,
    question_key: str | None = None,
    articles: list[str] | None = None,
    newest_first: bool = False,
) -> list[Attempt]:
    query = select(PRACTICE_ATTEMPTS).where(PRACTICE_ATTEMPTS.c.profile_id == profile_id)
    if question_key is not None:
        query = query.where(PRACTICE_ATTEMPTS.c.question_key == question_key)
    if articles is not None:
        query = query.where(PRACTICE_ATTEMPTS.c.article.in_(articles))
    order = (PRACTICE_ATTEMPTS.c.answered_at, PRACTICE_ATTEMPTS.c.id)
    query = query.order_by(*(o.desc() for o in order) if newest_first else order)
    return [_attempt(r) for r in conn.execute(query)]


def latest_due(conn: Connection, profile_id: int) -> dict[str, int]:
    """Each practised question's due time: that of its latest attempt."""
    latest = (
        select(
            PRACTICE_ATTEMPTS.c.question_key.label("key"),
            func.max(PRACTICE_ATTEMPTS.c.answered_at).label("at"),
        )
        .where(PRACTICE_ATTEMPTS.c.profile_id == profile_id)
        .group_by(PRACTICE_ATTEMPTS.c.question_key)
        .subquery()
    )
    rows = conn.execute(
        select(PRACTICE_ATTEMPTS.c.question_key, func.max(PRACTICE_ATTEMPTS.c.due_at))
        .join(
            latest,
            and_(
                latest.c.key == PRACTICE_ATTEMPTS.c.question_key,
                latest.c.at == PRACTICE_ATTEMPTS.c.answered_at,
            ),
        )
        .where(PRACTICE_ATTEMPTS.c.profile_id == profile_id)
        .group_by(PRACTICE_ATTEMPTS.c.question_key)
    )
    return {str(k): int(d) for k, d in rows}


def merge_attempts(conn: Connection, profile_id: int, found: list[Attempt]) -> int:
    """Add the attempts not already kept (same question, same time); returns how many."""
    if not found:
        return 0
    have = {(a.question_key, a.answered_at) for a in attempts(conn, profile_id, newest_first=False)}
    new = [a for a in found if (a.question_key, a.answered_at) not in have]
    seen: set[tuple[str, int]] = set()
    rows = []
    for a in new:
        if (a.question_key, a.answered_at) in seen:
            continue
        seen.add((a.question_key, a.answered_at))
        rows.append(_values(profile_id, a))
    if rows:
        conn.execute(insert(PRACTICE_ATTEMPTS), rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class StudiedNote:
    """A cloze note with at least one answered card for the learner."""

    guid: str
    text: str
    tags: tuple[str, ...]
    article: str
    ords: tuple[int, ...]
    """The cloze numbers the learner has answered."""


def studied_cloze_notes(conn: Connection, profile_id: int) -> list[StudiedNote]:
    rows = conn.execute(
        select(NOTES.c.guid, NOTES.c.text, NOTES.c.tags, NOTES.c.source_article, CARDS.c.ord)
        .join(CARDS, CARDS.c.note_id == NOTES.c.id)
        .where(
            CARDS.c.profile_id == profile_id,
            CARDS.c.reps > 0,
            NOTES.c.kind.in_(notetypes.kinds_hiding_terms()),
            NOTES.c.retired.is_(False),
        )
        .order_by(NOTES.c.id, CARDS.c.ord)
    )
    by_guid: dict[str, tuple[str, str, str, list[int]]] = {}
    for guid, text, tags, article, ord_ in rows:
        entry = by_guid.setdefault(guid, (text, tags, article, []))
        entry[3].append(int(ord_))
    return [
        StudiedNote(guid, text, tuple(tags.split()), article, tuple(ords))
        for guid, (text, tags, article, ords) in by_guid.items()
    ]


def all_articles(conn: Connection) -> list[tuple[str, str, str]]:
    """(id, title, text) of every stored article, by id."""
    rows = conn.execute(
        select(ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.text).order_by(ARTICLES.c.id)
    )
    return [(r.id, r.title, r.text) for r in rows]


def articles_of_decks(conn: Connection, deck_ids: list[int]) -> list[str]:
    """Ids of the articles the notes of these decks were made from, sorted."""
    found = conn.execute(
        select(NOTES.c.source_article)
        .where(NOTES.c.deck_id.in_(deck_ids), NOTES.c.source_article != "")
        .distinct()
    ).scalars()
    return sorted(set(found))
