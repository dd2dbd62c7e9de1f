"""The article library's reads: stored articles, the cards made from them, bank notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, select

from trainer.domain.model import Note, Queue
from trainer.storage.models import ARTICLES, CARDS, DECKS, NOTES
from trainer.storage.notes_repo import note_from_row


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: str
    title: str
    source: str
    attribution: str
    date: str
    topics: str
    deck_id: int
    deck: str
    created_at: int
    chars: int


@dataclass(frozen=True, slots=True)
class CardRecord:
    """One live card of a note made from an article."""

    card_id: int
    note: Note
    deck_id: int
    ord: int
    state: int
    queue: int
    stability: float | None
    last_review: int | None
    due: int


def _topic_like(topic: str) -> str:
    escaped = topic.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {escaped} %"


def articles(
    conn: Connection, topic: str | None = None, article_id: str | None = None
) -> list[ArticleRecord]:
    """Every stored article (``topic``: only those with that theme), newest first."""
    a = ARTICLES.c
    query = (
        select(
            a.id,
            a.title,
            a.source,
            a.attribution,
            a.date,
            a.topics,
            a.deck_id,
            a.created_at,
            func.length(a.text).label("chars"),
            DECKS.c.name,
        )
        .select_from(ARTICLES.outerjoin(DECKS, DECKS.c.id == a.deck_id))
        .order_by(a.created_at.desc(), a.title, a.id)
    )
    if topic:
        query = query.where(a.topics.like(_topic_like(topic), escape="\\"))
    if article_id is not None:
        query = query.where(a.id == article_id)
    return [
        ArticleRecord(
            r.id,
            r.title or "",
            r.source or "",
            r.attribution or "",
            r.date or "",
            r.topics or "",
            int(r.deck_id or 0),
            r.name or "",
            int(r.created_at or 0),
            int(r.chars or 0),
        )
        for r in conn.execute(query)
    ]


def article(conn: Connection, article_id: str) -> tuple[ArticleRecord, str] | None:
    """One article's record and its full text."""
    found = articles(conn, article_id=article_id)
    if not found:
        return None
    text = conn.execute(select(ARTICLES.c.text).where(ARTICLES.c.id == article_id)).scalar_one()
    return found[0], text or ""


def cards_of(
    conn: Connection, profile_id: int, article_ids: Sequence[str] | None = None
) -> list[CardRecord]:
    """Live cards (not retired) of notes made from the articles (all stored articles if None)."""
    query = (
        select(
            NOTES,
            CARDS.c.id.label("card_id"),
            CARDS.c.ord.label("card_ord"),
            CARDS.c.state.label("card_state"),
            CARDS.c.queue.label("card_queue"),
            CARDS.c.stability.label("card_stability"),
            CARDS.c.last_review.label("card_last_review"),
            CARDS.c.due.label("card_due"),
            CARDS.c.deck_id.label("card_deck"),
        )
        .select_from(NOTES.join(CARDS, CARDS.c.note_id == NOTES.c.id))
        .where(
            CARDS.c.profile_id == profile_id,
            CARDS.c.queue != int(Queue.RETIRED),
            NOTES.c.retired.is_(False),
            NOTES.c.source_article != "",
        )
        .order_by(NOTES.c.source_start, NOTES.c.position, CARDS.c.ord)
    )
    if article_ids is not None:
        query = query.where(NOTES.c.source_article.in_(list(article_ids)))
    else:
        query = query.where(NOTES.c.source_article.in_(select(ARTICLES.c.id)))
    return [
        CardRecord(
            int(r.card_id),
            note_from_row(r),
            int(r.card_deck),
            int(r.card_ord),
            int(r.card_state),
            int(r.card_queue),
            r.card_stability,
            r.card_last_review,
            int(r.card_due or 0),
        )
        for r in conn.execute(query)
    ]


def home_deck(conn: Connection, article_id: str) -> str:
    """The deck most of the article's live notes are in ("" if none)."""
    row = conn.execute(
        select(DECKS.c.name, func.count())
        .select_from(NOTES.join(DECKS, DECKS.c.id == NOTES.c.deck_id))
        .where(NOTES.c.source_article == article_id, NOTES.c.retired.is_(False))
        .group_by(DECKS.c.name)
        .order_by(func.count().desc(), DECKS.c.name)
    ).first()
    return str(row[0]) if row else ""


def bank_notes(conn: Connection) -> list[tuple[Note, int, str, str, str]]:
    """Live cloze and Q&A notes, each with its deck id, deck name, and its article's
    title and topics ("" for notes made by hand)."""
    query = (
        select(NOTES, DECKS.c.name.label("deck_name"), ARTICLES.c.title, ARTICLES.c.topics)
        .select_from(
            NOTES.join(DECKS, DECKS.c.id == NOTES.c.deck_id).outerjoin(
                ARTICLES, and_(ARTICLES.c.id == NOTES.c.source_article)
            )
        )
        .where(NOTES.c.retired.is_(False), NOTES.c.kind.in_(["cloze", "qa"]))
        .order_by(ARTICLES.c.created_at, NOTES.c.source_article, NOTES.c.source_start, NOTES.c.id)
    )
    return [
        (note_from_row(r), int(r.deck_id), r.deck_name, r.title or "", r.topics or "")
        for r in conn.execute(query)
    ]
