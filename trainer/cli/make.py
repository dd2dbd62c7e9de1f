"""``trainer make ARTICLE``: turn a 申论 article into cards.

Prints a summary, the cards as JSON (``--json``), or writes a deck file (``-o``).
The generator and jieba are imported inside the command, so other commands and
``trainer --help`` never load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from trainer.cli import app

if TYPE_CHECKING:
    from trainer.generation import Generated


@app.command()
def make(
    article: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html) or - for stdin.")],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write the cards to this deck file.")
    ] = None,
    deck: Annotated[
        str | None, typer.Option("--deck", help="Deck name (default: the article's title).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the cards as JSON.")] = False,
) -> None:
    """Turn an article into list, cloze and Q&A cards."""
    from trainer.cli import fail
    from trainer.domain.errors import TrainerError
    from trainer.generation import generate
    from trainer.generation.reader import read_article

    try:
        art = read_article(article)
        result = generate(art, art.source)
    except TrainerError as exc:
        fail(str(exc))
        return
    if as_json:
        import json

        typer.echo(json.dumps(to_json(result), ensure_ascii=False, indent=1))
    if output is not None:
        _write(output, deck or result.title or art.source, result)
    elif not as_json:
        typer.echo(summary(result))


def _write(path: str, name: str, result: Generated) -> None:
    from trainer.cli import fail

    try:
        from trainer.formats.deckfile import write_deck
    except ImportError:
        fail("writing deck files (-o) is not available yet; use --json for now")
        return
    write_deck(path, name, list(result.notes), None, description=result.title)
    typer.echo(f"wrote {len(result.notes)} notes to {path}", err=True)


def to_json(result: Generated) -> dict[str, Any]:
    """The ``--json`` document: title, sections and cards."""
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
            }
            for n in result.notes
        ],
    }


def summary(result: Generated) -> str:
    """A readable overview: title, sections, counts per kind, then the cards."""
    from collections import Counter

    counts = Counter(n.kind.value for n in result.notes)
    lines = [f"标题: {result.title or '(无)'}", f"sections: {len(result.sections)}"]
    lines += [f"  - {s}" for s in result.sections]
    lines.append(
        "cards: "
        + ", ".join(f"{k} {counts.get(k, 0)}" for k in ("list", "cloze", "qa"))
        + f" (total {len(result.notes)})"
    )
    for n in result.notes:
        lines.append("")
        lines.append(f"[{n.kind.value}] {n.source.section or '正文'}  ({n.source.anchor})")
        if n.kind.value == "cloze":
            lines.append(f"  {n.text}")
        else:
            lines.append(f"  Q: {n.prompt}")
            lines.extend(f"  {line}" for line in n.answer.splitlines())
    return "\n".join(lines)
