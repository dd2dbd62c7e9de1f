"""``trainer make ARTICLE``: turn a 申论 article into cards.

Prints a summary, the cards as JSON (``--json``), or writes a deck file (``-o``).
The generator and jieba are imported inside the command, so other commands and
``trainer --help`` never load them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from trainer.cli import echo, echo_json

if TYPE_CHECKING:
    from trainer.domain.model import Article
    from trainer.generation import Generated, Progress


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
    from trainer.services import making

    try:
        art, source_id = making.read_file(article)
        with _progress(art) as tell:
            made = making.make(art, source_id, tell)
    except TrainerError as exc:
        fail(str(exc))
        return
    result = made.result
    if not result.notes:
        # Like other bad input: one line naming the file, exit 1, nothing written.
        where = "<stdin>" if article == "-" else article
        fail(f"{where}: no cards could be made from this article")
        return
    if as_json:
        from trainer.formats.cards_json import made as made_json

        echo_json(made_json(result), indent=1)
    if explain:
        echo(explained(result))
    if output is not None:
        from pathlib import Path

        from trainer.domain.naming import made_deck_name
        from trainer.domain.words import plural

        default = made_deck_name(result.title or Path(art.source).stem)
        notes = making.write_deck_file(output, result.notes, deck, default, result.title, made=made)
        echo(f"wrote {plural(len(notes), 'note')} to {output}", err=True)
    elif not as_json and not explain:
        echo(summary(result))


@contextmanager
def _progress(article: Article) -> Iterator[Progress | None]:
    """A progress bar on stderr for a long article (when stderr is a terminal)."""
    import sys

    from trainer.services.making import is_long

    size = len(article.text)
    if not is_long(article) or not sys.stderr.isatty():
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


def summary(result: Generated) -> str:
    """A readable overview: title, sections, counts per kind, then the cards."""
    from collections import Counter

    from trainer.domain import notetypes

    counts = Counter(n.kind.value for n in result.notes)
    lines = [f"title: {result.title or '(none)'}", f"sections: {len(result.sections)}"]
    lines += [f"  - {s}" for s in result.sections]
    lines.append(
        "cards: "
        + ", ".join(
            f"{nt.kind.value} {counts.get(nt.kind.value, 0)}" for nt in notetypes.by_summary()
        )
        + f" (total {len(result.notes)})"
    )
    for n in result.notes:
        lines.append("")
        lines.append(f"[{n.kind.value}] {n.source.section or '(body)'}  ({n.source.anchor})")
        lines.extend(f"  {line}" for line in notetypes.of(n).listing(n))
    return "\n".join(lines)


def explained(result: Generated) -> str:
    """Each card with its rule and its source sentence's function, for finding why it exists."""
    from trainer.domain import notetypes

    lines = [f"标题: {result.title or '(无)'}"]
    from trainer.generation.provenance import Origin

    origins = result.origins or tuple(Origin("", "") for _ in result.notes)
    for n, o in zip(result.notes, origins, strict=True):
        lines.append("")
        lines.append(
            f"[{n.kind.value}] rule={o.rule} function={o.function or '-'}  ({n.source.anchor})"
        )
        lines.extend(f"  {line}" for line in notetypes.of(n).listing(n))
    return "\n".join(lines)
