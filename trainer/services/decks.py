"""Decks as a whole: list, import and export deck files, the bundled deck.

An import is one transaction: notes are matched by GUID, changed notes are
updated in place (their cards and history stay), notes missing from the file
are retired (hidden, history kept), and the report says what happened.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.domain.decktree import (
    SEP,
    Limits,
    TreeRow,
    deck_tree,
    parent_of,
    rolled_up,
    tree_totals,
)
from trainer.domain.errors import TrainerError
from trainer.domain.model import Deck, DeckOptions, Note
from trainer.domain.words import plural
from trainer.storage import cards_repo, decks_repo, notes_repo, profiles_repo
from trainer.storage.driver import DriverConn
from trainer.storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass
class ImportReport:
    """What an import did, in Anki's terms."""

    deck: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    reviews: int = 0
    practice: int = 0
    """Practice attempts added from the file's ``[[practice]]`` section."""

    def summary(self) -> str:
        parts = [
            f"{self.new} new",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
            f"{self.retired} retired",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        if self.reviews:
            parts.append(plural(self.reviews, "review"))
        if self.practice:
            parts.append(plural(self.practice, "practice answer"))
        parts.append(plural(len(self.errors), "error"))
        return f"{self.deck}: " + ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "deck": self.deck,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "retired": self.retired,
            "skipped": self.skipped,
            "reviews": self.reviews,
            "practice": self.practice,
            "errors": list(self.errors),
        }


def no_deck(conn: Connection, name: str) -> TrainerError:
    """The error for a deck name with no deck: a parent with no deck of its own (as
    ``申论`` over ``申论::直播带货``) is told apart and its sub-decks named."""
    prefix = name.strip().removesuffix(SEP)
    below = [n for _i, n in decks_repo.names(conn) if prefix and n.startswith(prefix + SEP)]
    if not below:
        return TrainerError(f"no deck named {name!r}")
    shown = ", ".join(below[:3]) + (", …" if len(below) > 3 else "")
    return TrainerError(f"{name!r} is only a parent, with no deck of its own: name one of {shown}")


def subtree(decks: list[Deck], deck: str | int) -> list[Deck]:
    """``deck`` and its sub-decks (``A::B``); empty when there is no such deck.

    A parent exists implicitly, as in Anki: ``申论`` names every ``申论::…``
    deck even when no deck is called ``申论`` itself.
    """
    named = next((d for d in decks if deck in (d.id, d.name)), None)
    if named is not None:
        prefix = named.name
    elif isinstance(deck, str) and deck.strip(": "):
        prefix = deck.strip().removesuffix(SEP)
    else:
        return []
    return [d for d in decks if d.name == prefix or d.name.startswith(prefix + SEP)]


def apply_notes(
    conn: DriverConn,
    name: str,
    notes: tuple[Note, ...] | list[Note],
    *,
    options: DeckOptions | None = None,
    description: str | None = None,
    retire_missing: bool = True,
    now_s: int | None = None,
    where: str = "",
    places: Mapping[int, Mapping[tuple[str, int], int]] | None = None,
) -> tuple[Deck, ImportReport]:
    """Bring deck ``name`` in line with ``notes`` inside the caller's transaction.

    A note whose GUID belongs to a note of another deck is never moved or
    overwritten: GuidConflictError (naming both decks) aborts the transaction.
    ``places`` gives new cards their new-queue position as they are made, per
    profile id and card (note GUID, ord), where a deck created now takes its order
    from elsewhere (an Anki package's new queue); others are placed in note order.
    """
    if any(n.extra for n in notes):  # only an Extra can hold a generator label
        from trainer.generation.provenance import without_label

        notes = [without_label(n) for n in notes]  # decks made before Extra was the learner's
    now_s = int(time.time()) if now_s is None else now_s
    deck = decks_repo.deck_by_name(conn, name)
    created = deck is None
    if deck is None:
        deck = decks_repo.create_deck(conn, name, now_s, description or "", options)
    else:
        changed = Deck(
            deck.id,
            deck.name,
            deck.description if description is None else description,
            deck.options if options is None else options,
        )
        if changed != deck:
            decks_repo.update_deck(conn, changed, now_s)
            deck = changed
    report = ImportReport(deck=name)
    existing = notes_repo.rows_by_guid(conn, [n.guid for n in notes])
    _refuse_other_decks_notes(conn, deck, notes, existing, where)
    inserts: list[tuple[Note, int]] = []
    updates: list[tuple[Note, int]] = []
    for pos, note in enumerate(notes):
        row = existing.get(note.guid)
        if row is None:
            inserts.append((note, pos))
        elif (
            notes_repo.note_from_row(row) != note
            or row.deck_id != deck.id
            or row.retired
            or row.position != pos
        ):
            updates.append((note, pos))
            if notes_repo.note_from_row(row) == note and not row.retired and row.deck_id == deck.id:
                report.unchanged += 1
            else:
                report.updated += 1
        else:
            report.unchanged += 1
    groups = notes_repo.insert_notes(conn, deck.id, inserts, now_s)
    notes_repo.update_notes(conn, deck.id, updates, now_s)
    report.new = len(inserts)
    profile_ids = profiles_repo.profile_ids(conn)
    fresh = None
    if created and not updates and profile_ids:
        # A deck made just now holds only the notes inserted above, none of which has
        # cards yet: their cards need nothing read back but the notes' ids.
        ids = notes_repo.ids_in_deck(conn, deck.id)
        fresh = [
            (ids[n.guid], n.kind.value, n.text, pos, group)
            for (n, pos), group in zip(inserts, groups, strict=True)
        ]
    elif retire_missing:
        wanted = {n.guid for n in notes}
        gone = [g for g in notes_repo.guids_in_deck(conn, deck.id) if g not in wanted]
        notes_repo.set_retired(conn, gone, True, now_s)
        report.retired = len(gone)
    for profile_id in profile_ids:
        placed = (places or {}).get(profile_id)
        by_id = None
        if fresh is not None and placed:
            by_id = {(ids[g], o): p for (g, o), p in placed.items() if g in ids}
        cards_repo.sync_cards(conn, profile_id, deck.id, fresh=fresh, now_s=now_s, places=by_id)
    return deck, report


class GuidConflictError(TrainerError):
    """Notes being imported carry the GUIDs of notes in another deck."""


def _refuse_other_decks_notes(
    conn: DriverConn, deck: Deck, notes: Sequence[Note], existing: dict[str, Any], where: str
) -> None:
    clashes = [(n.guid, existing[n.guid].deck_id) for n in notes if n.guid in existing]
    clashes = [(guid, deck_id) for guid, deck_id in clashes if deck_id != deck.id]
    if not clashes:
        return
    guid, other_id = clashes[0]
    other = decks_repo.deck_by_id(conn, other_id)
    other_name = other.name if other is not None else f"#{other_id}"
    more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
    prefix = f"{where}: " if where else ""
    raise GuidConflictError(
        f"{prefix}note {guid}{more} already belongs to deck {other_name!r}; importing it into "
        f"{deck.name!r} would move and overwrite it, so nothing was imported "
        "(give the notes new GUIDs, or import into the deck they belong to)"
    )


class DeckService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def decks(self) -> list[Deck]:
        with self.store.read() as conn:
            return decks_repo.all_decks(conn)

    def notes(self, deck_name: str) -> list[Note]:
        with self.store.read() as conn:
            deck = decks_repo.deck_by_name(conn, deck_name)
            if deck is None:
                raise no_deck(conn, deck_name)
            return notes_repo.notes_in_deck(conn, deck.id)

    def import_deck_file(self, path: Path) -> ImportReport:
        from trainer.formats.deckfile import read_deck  # TOML: only for deck files

        parsed = read_deck(path)
        with self.store.write() as conn:
            deck, report = apply_notes(
                conn,
                parsed.name,
                parsed.notes,
                options=parsed.options,
                description=parsed.description,
                where=str(path),
            )
            for art in parsed.articles:
                decks_repo.save_article(
                    conn,
                    art.id,
                    art.title,
                    art.text,
                    art.source,
                    art.attribution,
                    deck_id=deck.id,
                    now_s=int(time.time()),
                )
            if parsed.practice:
                from trainer.services.practice.exchange import import_practice

                report.practice = import_practice(conn, self.store.profile.id, parsed.practice)
        return report

    def export_deck_file(self, deck_name: str, path: Path) -> int:
        from trainer.formats.deckfile import ArticleEntry, write_deck

        with self.store.read() as conn:
            deck = decks_repo.deck_by_name(conn, deck_name)
            if deck is None:
                raise no_deck(conn, deck_name)
            notes = notes_repo.notes_in_deck(conn, deck.id)
            article_ids = sorted({n.source.article for n in notes if n.source.article})
            articles = []
            for art_id in article_ids:
                found = decks_repo.article_meta(conn, art_id)
                if found:
                    title, text, source, attribution = found
                    articles.append(
                        ArticleEntry(art_id, title, text, source=source, attribution=attribution)
                    )
            from trainer.services.practice.exchange import export_practice

            practice = export_practice(conn, self.store.profile.id, article_ids)
        write_deck(
            path, deck.name, notes, deck.options, deck.description, tuple(articles), practice
        )
        return len(notes)

    def set_options(self, deck_name: str, options: DeckOptions) -> Deck:
        with self.store.write() as conn:
            deck = decks_repo.deck_by_name(conn, deck_name)
            if deck is None:
                raise no_deck(conn, deck_name)
            changed = Deck(deck.id, deck.name, deck.description, options)
            decks_repo.update_deck(conn, changed, int(time.time()))
        return changed

    def edit_note(self, note: Note) -> None:
        """Change a note's content in place; its GUID, cards and history stay."""
        with self.store.write() as conn:
            rows = notes_repo.rows_by_guid(conn, [note.guid])
            row = rows.get(note.guid)
            if row is None:
                raise TrainerError(f"no note {note.guid}")
            notes_repo.update_notes(conn, row.deck_id, [(note, row.position)], int(time.time()))
            for profile_id in profiles_repo.profile_ids(conn):
                cards_repo.sync_cards(conn, profile_id, row.deck_id)

    def add_article_notes(
        self,
        deck_name: str,
        notes: list[Note],
        *,
        article_id: str,
        title: str,
        text: str,
        source: str = "",
    ) -> ImportReport:
        """Save the article (so cards can show their paragraph) and add ``notes`` to a deck.

        Adding an edited version of an article already in the deck keeps the
        history of notes whose place in the article moved (``carry_identity``).
        """
        from trainer.generation.word.carry import carry_identity

        with self.store.write() as conn:
            deck = decks_repo.deck_by_name(conn, deck_name)
            if deck is not None:
                same_article = [
                    n
                    for n in notes_repo.notes_in_deck(conn, deck.id, include_retired=True)
                    if n.source.article == article_id
                ]
                notes = list(carry_identity(same_article, notes))
            now_s = int(time.time())
            made, report = apply_notes(conn, deck_name, notes, retire_missing=False, now_s=now_s)
            decks_repo.save_article(
                conn, article_id, title, text, source, deck_id=made.id, now_s=now_s
            )
        return report

    def source_text(self, article_id: str) -> tuple[str, str] | None:
        with self.store.read() as conn:
            return decks_repo.article_text(conn, article_id)


def bundled_decks_dir() -> Path | None:
    """The bundled deck's folder: ``trainer/bundled``, a link to the repository's
    ``decks/`` that a wheel carries as package data (so ``pip install .`` has it too)."""
    here = Path(__file__).resolve().parents[1] / "bundled"
    return here if here.is_dir() else None


def ensure_bundled_deck(store: Store) -> ImportReport | None:
    """On a store with no decks at all, load the bundled deck so a newcomer can study."""
    with store.read() as conn:
        if decks_repo.all_decks(conn):
            return None
    folder = bundled_decks_dir()
    if folder is None:
        return None
    report = None
    for path in sorted(folder.glob("*.toml")):
        report = DeckService(store).import_deck_file(path)
    return report


__all__ = [
    "SEP",
    "DeckService",
    "GuidConflictError",
    "ImportReport",
    "Limits",
    "TreeRow",
    "apply_notes",
    "deck_tree",
    "ensure_bundled_deck",
    "parent_of",
    "rolled_up",
    "subtree",
    "tree_totals",
]
