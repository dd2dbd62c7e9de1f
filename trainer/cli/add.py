"""``trainer add``: add one note by hand (cloze, Q&A, Q&A asked both ways, or list) to a deck."""

from __future__ import annotations

from typing import Annotated

import typer

from trainer.cli import fail, store_for


def add(
    ctx: typer.Context,
    deck: Annotated[str, typer.Argument(help="Deck to add to (made if missing), e.g. 申论::金句.")],
    items: Annotated[
        list[str] | None, typer.Argument(help="With --list: the points, in order.")
    ] = None,
    cloze_text: Annotated[
        str | None,
        typer.Option("--cloze", help="Cloze text: {{c1::answer}} or {{c1::answer::hint}}."),
    ] = None,
    qa: Annotated[
        tuple[str, str] | None,
        typer.Option("--qa", metavar="PROMPT ANSWER", help="A question and its answer."),
    ] = None,
    both_ways: Annotated[
        bool,
        typer.Option(
            "--reverse", help="With --qa: also a card that shows the answer and asks the prompt."
        ),
    ] = False,
    list_prompt: Annotated[
        str | None,
        typer.Option("--list", metavar="PROMPT", help="A list prompt; the points follow DECK."),
    ] = None,
    tags: Annotated[
        str, typer.Option("--tags", help="Tags, space separated (e.g. '金句 对策').")
    ] = "",
    extra: Annotated[str, typer.Option("--extra", help="Extra text shown on the back.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Add a note: --cloze TEXT, --qa PROMPT ANSWER, or --list PROMPT ITEM…"""
    import json
    from datetime import UTC, datetime

    from trainer.domain.model import NoteKind
    from trainer.services.adding import AddService, check, check_deck_name, draft

    given = [o for o, v in (("--cloze", cloze_text), ("--qa", qa), ("--list", list_prompt)) if v]
    if len(given) != 1:
        fail("give exactly one of --cloze TEXT, --qa PROMPT ANSWER, --list PROMPT ITEM…", 2)
    if both_ways and qa is None:
        fail("--reverse goes with --qa PROMPT ANSWER", 2)
    if items and list_prompt is None:
        fail(f"unexpected arguments after the deck: {' '.join(items)}", 2)
    if cloze_text is not None:
        note = draft(NoteKind.CLOZE, text=cloze_text, tags=[tags], extra=extra)
    elif qa is not None:
        kind = NoteKind.REVERSED if both_ways else NoteKind.QA
        note = draft(kind, prompt=qa[0], answer=qa[1], tags=[tags], extra=extra)
    else:
        note = draft(
            NoteKind.LIST, prompt=list_prompt or "", items=items or [], tags=[tags], extra=extra
        )
    check_deck_name(deck)
    check(note)  # before opening the store: a bad note leaves it untouched
    with store_for(ctx) as store:
        added = AddService(store).add(deck, note, datetime.now(UTC))
    for dup in added.duplicates:
        typer.echo(f"trainer: warning: a note with the same front is in {dup.deck}", err=True)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "deck": added.deck,
                    "guid": added.note.guid,
                    "kind": added.note.kind.value,
                    "card_ids": list(added.card_ids),
                    "duplicates": [{"guid": d.guid, "deck": d.deck} for d in added.duplicates],
                },
                ensure_ascii=False,
            )
        )
        return
    typer.echo(f"{added.describe()} (guid {added.note.guid})")
