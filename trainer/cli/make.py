"""``trainer make ARTICLE``: turn a 申论 article into cards.

Prints a summary, the cards as JSON (``--json``), or writes a deck file (``-o``).
The generator and jieba are imported inside the command, so other commands and
``trainer --help`` never load them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trainer.cli import app, echo, echo_json

if TYPE_CHECKING:
    from trainer.generation import Generated, Progress
    from trainer.generation.provenance import Origin


@app.command()
def make(
    article: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html) or - for stdin.")],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write the cards to this deck file.")
    ] = None,
    deck: Annotated[
        str | None,
        typer.Option("--deck", help="Deck name (default: 申论::<the article's title>)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the cards as JSON.")] = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Print each card with the rule that made it and its function."
        ),
    ] = False,
) -> None:
    """Turn an article into list, cloze and Q&A cards."""
    from trainer.cli import fail
    from trainer.domain.errors import TrainerError
    from trainer.generation import generate
    from trainer.generation.reader import read_article

    try:
        art = read_article(article)
        with _progress(len(art.text)) as tell:
            result = generate(art, art.source, tell)
    except TrainerError as exc:
        fail(str(exc))
        return
    if as_json:
        echo_json(to_json(result), indent=1)
    if explain:
        echo(explained(result))
    if output is not None:
        from pathlib import Path

        from trainer.domain.naming import made_deck_name

        _write(output, deck, made_deck_name(result.title or Path(art.source).stem), result)
    elif not as_json and not explain:
        echo(summary(result))


@contextmanager
def _progress(size: int) -> Iterator[Progress | None]:
    """A progress bar on stderr for a long article (when stderr is a terminal)."""
    import sys

    from trainer.generation import LONG_ARTICLE

    if size < LONG_ARTICLE or not sys.stderr.isatty():
        yield None
        return
    steps = 100
    with typer.progressbar(
        length=steps, label=f"making cards ({size // 1000}k characters)", file=sys.stderr
    ) as bar:
        shown = 0

        def tell(stage: str, done: float) -> None:
            nonlocal shown
            target = int(done * steps)
            if target > shown:
                bar.label = f"making cards: {stage}"
                bar.update(target - shown)
                shown = target

        yield tell


def _write(path: str, name: str | None, default_name: str, result: Generated) -> None:
    """Write the deck file; over an existing one, keep its name, options and GUIDs.

    Regenerating an edited article into the same file must keep review
    history, so notes whose place moved take over their old GUIDs
    (``generation.carry``) and the file's deck name and options stay.
    """
    from pathlib import Path

    from trainer.formats.deckfile import read_deck, write_deck
    from trainer.generation.carry import carry_identity

    target = Path(path)
    notes = result.notes
    options = None
    description = result.title
    if target.exists():
        old = read_deck(target)
        notes = carry_identity(old.notes, notes)
        name = name or old.name
        options = old.options
        description = old.description or description
    write_deck(target, name or default_name, list(notes), options, description=description)
    from trainer.domain.words import plural

    echo(f"wrote {plural(len(notes), 'note')} to {path}", err=True)


def to_json(result: Generated) -> dict[str, Any]:
    """The ``--json`` document: title, sections and cards (each with the rule that made it)."""
    origins = _origins(result)
    return {
        "title": result.title,
        "sections": list(result.sections),
        "cards": [
            {
                "kind": n.kind.value,
                "prompt": n.prompt,
                "answer": n.answer,
                "items": list(n.items),
                "text": n.text,
                "source": {
                    "article": n.source.article,
                    "section": n.source.section,
                    "start": n.source.start,
                    "end": n.source.end,
                    "anchor": n.source.anchor,
                },
                "tags": list(n.tags),
                "guid": n.guid,
                "rule": o.rule,
                "function": o.function,
            }
            for n, o in zip(result.notes, origins, strict=True)
        ],
    }


def summary(result: Generated) -> str:
    """A readable overview: title, sections, counts per kind, then the cards."""
    from collections import Counter

    counts = Counter(n.kind.value for n in result.notes)
    lines = [f"title: {result.title or '(none)'}", f"sections: {len(result.sections)}"]
    lines += [f"  - {s}" for s in result.sections]
    lines.append(
        "cards: "
        + ", ".join(f"{k} {counts.get(k, 0)}" for k in ("list", "cloze", "qa"))
        + f" (total {len(result.notes)})"
    )
    for n in result.notes:
        lines.append("")
        lines.append(f"[{n.kind.value}] {n.source.section or '(body)'}  ({n.source.anchor})")
        if n.kind.value == "cloze":
            lines.append(f"  {n.text}")
        else:
            lines.append(f"  Q: {n.prompt}")
            lines.extend(f"  {line}" for line in n.answer.splitlines())
    return "\n".join(lines)


def explained(result: Generated) -> str:
    """Each card with its rule and its source sentence's function, for finding why it exists."""
    lines = [f"标题: {result.title or '(无)'}"]
    for n, o in zip(result.notes, _origins(result), strict=True):
        lines.append("")
        lines.append(
            f"[{n.kind.value}] rule={o.rule} function={o.function or '-'}  ({n.source.anchor})"
        )
        if n.kind.value == "cloze":
            lines.append(f"  {n.text}")
        else:
            lines.append(f"  Q: {n.prompt}")
            lines.extend(f"  {line}" for line in n.answer.splitlines())
    return "\n".join(lines)


def _origins(result: Generated) -> tuple[Origin, ...]:
    from trainer.generation.provenance import Origin

    return result.origins or tuple(Origin("", "") for _ in result.notes)
