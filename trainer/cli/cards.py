"""``trainer cards``, ``trainer suspended`` and ``trainer unsuspend``: find cards and act on them.

The study screen suspends with ``!`` (and leeches may be suspended
automatically); these commands are the way back without a browser.
"""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import echo, echo_json, fail, store_for


def suspended(
    ctx: typer.Context,
    deck: Annotated[
        str | None, typer.Argument(help="Deck (with sub-decks); all when omitted.")
    ] = None,
) -> None:
    """List suspended cards: id, deck, lapses and front."""
    from trainer.domain.notetypes import front_text
    from trainer.services.decks import DeckService
    from trainer.services.study import StudyService

    with store_for(ctx) as store:
        rows = StudyService(store).suspended(deck)
        names = {d.id: d.name for d in DeckService(store).decks()}
    if not rows:
        typer.echo("no suspended cards" + (f" in {deck}" if deck else ""))
        return
    typer.echo("card\tdeck\tlapses\tfront")
    for card, note in rows:
        front = front_text(note, card.ord).replace("\n", " ")
        name = names.get(card.deck_id, str(card.deck_id))
        echo(f"{card.id}\t{name}\t{card.lapses}\t{front[:60]}")


def unsuspend(
    ctx: typer.Context,
    cards: Annotated[
        list[int] | None, typer.Argument(help="Card ids (see `trainer suspended`).")
    ] = None,
    deck: Annotated[
        str | None, typer.Option("--deck", help="Unsuspend every card of a deck.")
    ] = None,
) -> None:
    """Put suspended cards back into the study queue and say which ones.

    An id that names no card is an error (exit 1) and nothing changes.
    """
    from trainer.domain.words import plural
    from trainer.services.study import StudyService

    if not cards and deck is None:
        fail("give card ids or --deck", 2)
    with store_for(ctx) as store:
        study = StudyService(store)
        ids = list(cards or []) + ([c.id for c, _n in study.suspended(deck)] if deck else [])
        changed = study.unsuspend(ids)
    if changed:
        echo(f"unsuspended {plural(len(changed), 'card')}: {', '.join(map(str, changed))}")
    untouched = [i for i in dict.fromkeys(ids) if i not in changed]
    if untouched:
        listed = ", ".join(map(str, untouched))
        echo(f"not suspended, so unchanged: {plural(len(untouched), 'card')} ({listed})")
    if not ids:
        echo(f"no suspended cards in {deck}")


def _plain(text: str, width: int | None = None) -> str:
    """One line of card text for a terminal: controls shown as symbols, newlines as spaces."""
    from trainer.domain.display import visible

    line = " ".join(visible(text).split("\n")).replace("\t", " ")
    if width is not None and len(line) > width:
        return line[: width - 1] + "…"
    return line


_ACTIONS = ("suspend", "unsuspend", "bury", "forget", "due_in", "move", "tag", "untag", "delete")


def cards(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(help="Anki search, e.g. 'deck:申论* tag:金句 is:due' (\"\" for all).")
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="added, due, ivl, ease, lapses, reps, deck, front, tags or stability.",
        ),
    ] = "added",
    reverse: Annotated[bool, typer.Option("--reverse", help="Largest first.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most this many cards.")
    ] = None,
    suspend: Annotated[bool, typer.Option("--suspend", help="Suspend the cards found.")] = False,
    unsuspend: Annotated[
        bool, typer.Option("--unsuspend", help="Unsuspend (and unbury) the cards found.")
    ] = False,
    bury: Annotated[bool, typer.Option("--bury", help="Bury them until tomorrow.")] = False,
    forget: Annotated[bool, typer.Option("--forget", help="Reset them to new cards.")] = False,
    due_in: Annotated[
        int | None, typer.Option("--due-in", min=0, help="Set them due in N days (0 today).")
    ] = None,
    move: Annotated[
        str | None, typer.Option("--move", help="Move their notes to this deck.")
    ] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="Add tags (space separated).")] = None,
    untag: Annotated[str | None, typer.Option("--untag", help="Remove tags.")] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete their notes (history kept); asks first.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before deleting.")] = False,
) -> None:
    """Find cards with Anki's search language, list them, or act on them."""
    from datetime import UTC, datetime

    from trainer.domain.search import SearchError, parse
    from trainer.services.browse import BrowseService
    from trainer.storage.search_repo import SORTS

    chosen = [
        name
        for name, value in zip(
            _ACTIONS,
            (suspend, unsuspend, bury, forget, due_in is not None, move, tag, untag, delete),
            strict=True,
        )
        if value
    ]
    if len(chosen) > 1:
        fail(
            "give one action at a time ("
            + ", ".join("--" + c.replace("_", "-") for c in chosen)
            + ")",
            2,
        )
    if sort not in SORTS:
        fail(f"cannot sort by {sort!r}; use one of {', '.join(SORTS)}", 2)
    try:
        node = parse(query)
    except SearchError as exc:
        fail(str(exc))
        return
    now = datetime.now(UTC)
    with store_for(ctx) as store:
        browse = BrowseService(store)
        rows = browse.search(node, now, sort=sort, reverse=reverse, limit=limit)
        if chosen:
            ids = [r.card_id for r in rows]
            action = chosen[0]
            if action == "delete" and not yes and ids:
                notes = len({r.note_id for r in rows})
                if not typer.confirm(f"Delete {notes} notes ({len(ids)} cards)?", default=False):
                    fail("nothing deleted", 1)
            if action == "suspend":
                change = browse.suspend(ids)
            elif action == "unsuspend":
                change = browse.unsuspend(ids)
            elif action == "bury":
                change = browse.bury(ids, now)
            elif action == "forget":
                change = browse.forget(ids, now)
            elif action == "due_in":
                assert due_in is not None
                change = browse.set_due(ids, due_in, now)
            elif action == "move":
                assert move is not None
                change = browse.set_deck(ids, move, now)
            elif action == "tag":
                change = browse.add_tags(ids, (tag or "").split(), now)
            elif action == "untag":
                change = browse.remove_tags(ids, (untag or "").split(), now)
            else:
                change = browse.delete(ids, now)
            typer.echo(change.describe())
            return
    if as_json:
        from trainer.formats.cards_json import found

        echo_json(found(rows))
        return
    if not rows:
        typer.echo("no cards match")
        return
    for r in rows:
        if r.due is None:
            due = f"new #{r.position}"
        else:
            due = store.clock.local(r.due).strftime("%Y-%m-%d")
        ease = f"{r.difficulty:.0%}" if r.difficulty is not None else "-"
        deck = r.deck + (f" ({r.home_deck})" if r.home_deck else "")
        typer.echo(
            "\t".join(
                (
                    str(r.card_id),
                    _plain(deck),
                    due,
                    f"{r.interval_days}d",
                    ease,
                    str(r.lapses),
                    _plain(" ".join(r.tags)),
                    _plain(r.front, 80),
                )
            )
        )
