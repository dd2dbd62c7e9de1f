"""Decks and articles: rows to domain objects and back."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from trainer.domain.errors import TrainerError
from trainer.domain.model import Deck, DeckOptions
from trainer.domain.options import options_from_dict, options_to_dict
from trainer.storage.driver import DriverConn, driver_sql

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _deck(row: object) -> Deck:
    opts = options_from_dict(json.loads(row.options or "{}"))  # type: ignore[attr-defined]
    return Deck(row.id, row.name, row.description, opts)  # type: ignore[attr-defined]


_DECK_SQL = "SELECT id, name, description, options FROM decks"


def all_decks(conn: DriverConn) -> list[Deck]:
    sql = driver_sql(conn, _DECK_SQL + " ORDER BY name")
    return [_deck(r) for r in conn.exec_driver_sql(sql)]


def deck_by_name(conn: DriverConn, name: str) -> Deck | None:
    row = conn.exec_driver_sql(driver_sql(conn, _DECK_SQL + " WHERE name = ?"), (name,)).first()
    return _deck(row) if row else None


def deck_by_id(conn: DriverConn, deck_id: int) -> Deck | None:
    row = conn.exec_driver_sql(driver_sql(conn, _DECK_SQL + " WHERE id = ?"), (deck_id,)).first()
    return _deck(row) if row else None


_CREATE_DECK_SQL = (
    "INSERT INTO decks (name, description, options, created_at, modified_at, filter, preset, "
    "extend_day, extend_new, extend_review, collapsed) VALUES (?, ?, ?, ?, ?, '', '', 0, 0, 0, ?)"
)
"""A deck row with every column's default written out (as the table's insert gives them)."""


def create_deck(
    conn: DriverConn,
    name: str,
    now_s: int,
    description: str = "",
    options: DeckOptions | None = None,
) -> Deck:
    options_json = json.dumps(options_to_dict(options or DeckOptions()), ensure_ascii=False)
    conn.exec_driver_sql(
        driver_sql(conn, _CREATE_DECK_SQL),
        (name, description, options_json, now_s, now_s, False),
    )
    deck = deck_by_name(conn, name)
    assert deck is not None
    return deck


def update_deck(conn: DriverConn, deck: Deck, now_s: int) -> None:
    sql = "UPDATE decks SET name = ?, description = ?, options = ?, modified_at = ? WHERE id = ?"
    conn.exec_driver_sql(
        driver_sql(conn, sql),
        (
            deck.name,
            deck.description,
            json.dumps(options_to_dict(deck.options), ensure_ascii=False),
            now_s,
            deck.id,
        ),
    )
    share_preset(conn, deck.id, now_s)


def collapsed_names(conn: Connection) -> set[str]:
    """Names of the decks whose sub-decks the deck list hides."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    rows = conn.execute(select(DECKS.c.name).where(DECKS.c.collapsed.is_(True)))
    return set(rows.scalars())


def set_collapsed(conn: Connection, deck_id: int, collapsed: bool) -> None:
    from sqlalchemy import update

    from trainer.storage.models import DECKS

    conn.execute(update(DECKS).where(DECKS.c.id == deck_id).values(collapsed=collapsed))


PER_DECK = ("exam_date", "exam_target")
"""Options that stay each deck's own inside a shared preset (not Anki options)."""


def share_preset(conn: DriverConn, deck_id: int, now_s: int) -> int:
    """Give every deck in ``deck_id``'s preset its options (exam settings excepted).

    Presets are kept as copies: each deck row holds its effective options, so
    everything that reads options reads one row. Returns the decks changed.
    """
    preset = conn.exec_driver_sql(
        driver_sql(conn, "SELECT preset FROM decks WHERE id = ?"), (deck_id,)
    ).scalar_one()
    if not preset:
        return 0
    source = deck_by_id(conn, deck_id)
    assert source is not None
    changed = 0
    peers = conn.exec_driver_sql(
        driver_sql(conn, "SELECT id FROM decks WHERE preset = ? AND id != ?"), (preset, deck_id)
    ).fetchall()
    for (peer_id,) in peers:
        peer = deck_by_id(conn, peer_id)
        assert peer is not None
        keep = {k: getattr(peer.options, k) for k in PER_DECK}
        options = replace(source.options, **keep)
        if options != peer.options:
            conn.exec_driver_sql(
                driver_sql(conn, "UPDATE decks SET options = ?, modified_at = ? WHERE id = ?"),
                (json.dumps(options_to_dict(options), ensure_ascii=False), now_s, peer_id),
            )
            changed += 1
    return changed


def save_article(
    conn: Connection,
    article_id: str,
    title: str,
    text: str,
    source: str,
    attribution: str = "",
    *,
    deck_id: int = 0,
    now_s: int = 0,
) -> None:
    """Keep an article made into cards; its themes and date are read from its text.

    ``deck_id`` and ``now_s`` (the deck its cards went to, the time) are kept from
    the first save: later saves of the same article fill them only where unknown.
    """
    from sqlalchemy import insert, select, update

    from trainer.domain.topics import date_of, pack, topics_of
    from trainer.storage.models import ARTICLES

    exists = conn.execute(
        select(ARTICLES.c.deck_id, ARTICLES.c.created_at).where(ARTICLES.c.id == article_id)
    ).first()
    values: dict[str, object] = {
        "title": title,
        "text": text,
        "source": source,
        "attribution": attribution,
        "topics": pack(topics_of(text, title)),
        "date": date_of(text),
    }
    if exists:
        if not exists.deck_id and deck_id:
            values["deck_id"] = deck_id
        if not exists.created_at and now_s:
            values["created_at"] = now_s
        conn.execute(update(ARTICLES).where(ARTICLES.c.id == article_id).values(**values))
    else:
        conn.execute(
            insert(ARTICLES).values(id=article_id, deck_id=deck_id, created_at=now_s, **values)
        )


def article_text(conn: Connection, article_id: str) -> tuple[str, str] | None:
    from sqlalchemy import select

    from trainer.storage.models import ARTICLES

    row = conn.execute(
        select(ARTICLES.c.title, ARTICLES.c.text).where(ARTICLES.c.id == article_id)
    ).first()
    return (row.title, row.text) if row else None


def article_meta(conn: Connection, article_id: str) -> tuple[str, str, str, str] | None:
    """(title, text, source, attribution) of a stored article."""
    from sqlalchemy import select

    from trainer.storage.models import ARTICLES

    row = conn.execute(select(ARTICLES).where(ARTICLES.c.id == article_id)).first()
    return (row.title, row.text, row.source, row.attribution) if row else None


def preset_of(conn: Connection, deck_id: int) -> str:
    """The preset the deck shares its options with ("" for its own)."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    return str(conn.execute(select(DECKS.c.preset).where(DECKS.c.id == deck_id)).scalar_one())


def presets(conn: Connection) -> list[tuple[str, str]]:
    """(preset, deck name) of every deck in a preset, by preset then name."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    rows = conn.execute(
        select(DECKS.c.preset, DECKS.c.name)
        .where(DECKS.c.preset != "")
        .order_by(DECKS.c.preset, DECKS.c.name)
    )
    return [(r.preset, r.name) for r in rows]


def preset_peer(conn: Connection, preset: str, other_than: int) -> int | None:
    """Some other deck already in ``preset``, or None."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    row = conn.execute(
        select(DECKS.c.id).where(DECKS.c.preset == preset, DECKS.c.id != other_than)
    ).first()
    return None if row is None else int(row.id)


def set_preset(conn: Connection, deck_id: int, preset: str) -> None:
    from sqlalchemy import update

    from trainer.storage.models import DECKS

    conn.execute(update(DECKS).where(DECKS.c.id == deck_id).values(preset=preset))


def names(conn: Connection) -> list[tuple[int, str]]:
    """(id, name) of every deck, without reading options."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    return [(r.id, r.name) for r in conn.execute(select(DECKS.c.id, DECKS.c.name))]


def rename(conn: Connection, deck_id: int, name: str, now_s: int | None = None) -> None:
    """Set the deck's name (and its modified time, unless ``now_s`` is None)."""
    from sqlalchemy import update

    from trainer.storage.models import DECKS

    values: dict[str, object] = {"name": name}
    if now_s is not None:
        values["modified_at"] = now_s
    conn.execute(update(DECKS).where(DECKS.c.id == deck_id).values(**values))


def delete_deck(conn: Connection, deck_id: int) -> None:
    """Remove the deck row alone (callers move or remove its cards first)."""
    from sqlalchemy import delete

    from trainer.storage.models import DECKS

    conn.execute(delete(DECKS).where(DECKS.c.id == deck_id))


def filter_of(conn: Connection, deck_id: int) -> str | None:
    """The deck's ``filter`` JSON ("" for a normal deck); None when there is no such deck."""
    from sqlalchemy import select

    from trainer.storage.models import DECKS

    value = conn.execute(select(DECKS.c.filter).where(DECKS.c.id == deck_id)).scalar_one_or_none()
    return None if value is None else str(value)


def has_notes(conn: Connection, deck_id: int) -> bool:
    from sqlalchemy import select

    from trainer.storage.models import NOTES

    return (
        conn.execute(select(NOTES.c.id).where(NOTES.c.deck_id == deck_id).limit(1)).first()
        is not None
    )


Saved = tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
"""(table name, rows) in the order they go back in."""


def take_out(conn: Connection, deck_ids: Sequence[int]) -> Saved:
    """Delete the decks with their notes, cards, review history and roll-up rows.

    Returns every row removed, for ``put_back`` (the undo). Cards borrowed by a
    filtered deck among them should be sent home first (``filtered_repo.empty``).
    """
    from sqlalchemy import select

    from trainer.storage.models import CARDS, DECKS, NOTES, REVIEW_DAYS, REVIEW_GROUPS, REVIEWS

    ids = list(deck_ids)
    note_ids = list(conn.execute(select(NOTES.c.id).where(NOTES.c.deck_id.in_(ids))).scalars())
    card_ids: list[int] = []
    for i in range(0, len(note_ids), 500):
        card_ids += conn.execute(
            select(CARDS.c.id).where(CARDS.c.note_id.in_(note_ids[i : i + 500]))
        ).scalars()
    tables: list[tuple[str, Any, Any, list[int]]] = [
        ("decks", DECKS, DECKS.c.id, ids),
        ("notes", NOTES, NOTES.c.id, note_ids),
        ("cards", CARDS, CARDS.c.id, card_ids),
        ("reviews", REVIEWS, REVIEWS.c.card_id, card_ids),
        ("review_days", REVIEW_DAYS, REVIEW_DAYS.c.deck_id, ids),
        ("review_groups", REVIEW_GROUPS, REVIEW_GROUPS.c.deck_id, ids),
    ]
    saved: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    for label, table, key, keys in tables:
        rows: list[dict[str, Any]] = []
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows += [dict(r._mapping) for r in conn.execute(select(table).where(key.in_(chunk)))]
        saved.append((label, tuple(rows)))
    for _label, table, key, keys in reversed(tables):
        for i in range(0, len(keys), 500):
            conn.execute(table.delete().where(key.in_(keys[i : i + 500])))
    return tuple(saved)


def put_back(conn: Connection, saved: Saved) -> None:
    """Restore what ``take_out`` removed, ids and all (review rows through ``reviews_repo``).

    Raises TrainerError, changing nothing, if a deck of the same name exists again.
    """
    from sqlalchemy import select

    from trainer.storage import reviews_repo
    from trainer.storage.models import CARDS, DECKS, NOTES, REVIEW_DAYS, REVIEW_GROUPS

    tables = {
        "decks": DECKS,
        "notes": NOTES,
        "cards": CARDS,
        "review_days": REVIEW_DAYS,
        "review_groups": REVIEW_GROUPS,
    }
    for label, rows in saved:
        if not rows:
            continue
        if label == "decks":
            taken = conn.execute(
                select(DECKS.c.name).where(DECKS.c.name.in_([r["name"] for r in rows]))
            ).first()
            if taken is not None:
                raise TrainerError(f"cannot undo: a deck named {taken.name!r} exists again")
        if label == "reviews":
            reviews_repo.restore(conn, rows)
            continue
        for i in range(0, len(rows), 500):
            conn.execute(tables[label].insert(), list(rows[i : i + 500]))
