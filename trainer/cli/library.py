"""``trainer library``, ``trainer outline``, ``trainer terms`` and ``trainer quotes``.

The library lists every article made into cards with its themes and progress;
``outline`` prints one article's argument (中心论点 → 分论点 → 问题/原因/对策…) with
each point's cards; ``terms`` and ``quotes`` are the banks of 规范表述 and 金句 across
all articles, one entry per wording with every article it came from.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from trainer.cli import echo, echo_json, fail, store_for

if TYPE_CHECKING:
    from trainer.services.banks import BankEntry
    from trainer.services.library import OutlineNode

_TOPIC = typer.Option("--topic", help="Only this theme (乡村振兴, 基层治理, 教育, …).")
_JSON = typer.Option("--json", help="Print JSON.")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def library(
    ctx: typer.Context,
    topic: Annotated[str | None, _TOPIC] = None,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """List the articles made into cards: themes, cards, retention, last studied."""
    from trainer.domain.errors import TrainerError
    from trainer.services.library import LibraryService

    try:
        with store_for(ctx) as store:
            rows = LibraryService(store).articles(datetime.now(UTC), topic)
    except TrainerError as exc:
        fail(str(exc))
        return
    if as_json:
        echo_json({"articles": [r.to_dict() for r in rows]}, indent=1)
        return
    if not rows:
        echo("no articles" + (f" on {topic}" if topic else "") + " in the library yet")
        return
    echo("article\ttitle\tdate\ttopics\tcards\tstudied\tretention\tlast studied")
    for r in rows:
        last = r.last_studied.date().isoformat() if r.last_studied else "—"
        echo(
            f"{r.id}\t{r.title}\t{r.date or '—'}\t{' '.join(r.topics) or '—'}\t"
            f"{r.cards}\t{r.studied}\t{_pct(r.retention)}\t{last}"
        )


def outline(
    ctx: typer.Context,
    article: Annotated[str, typer.Argument(help="Article id or title (see `trainer library`).")],
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """Print an article's outline: 中心论点 → 分论点 → 问题/原因/危害/对策/意义."""
    from trainer.domain.errors import TrainerError
    from trainer.services.library import LibraryService

    try:
        with store_for(ctx) as store:
            service = LibraryService(store)
            found = service.find(article)
            tree = service.outline(found.id, datetime.now(UTC))
    except TrainerError as exc:
        fail(str(exc))
        return
    if as_json:
        echo_json({"article": found.id, "title": found.title, "outline": tree.root.to_dict()})
        return
    echo(f"《{found.title}》  {' '.join(found.topics)}")
    for line in outline_lines(tree.root):
        echo(line)


def outline_lines(node: OutlineNode, depth: int = 0) -> list[str]:
    pad = "  " * depth
    cards = f"  [{len(node.cards)} cards, {_pct(node.retention)}]" if node.cards else ""
    text = "" if node.group else (node.text or node.point).replace("\n", " ")
    out = [f"{pad}{node.role}{':' if text else ''}{text}{cards}"]
    for child in node.children:
        out.extend(outline_lines(child, depth + 1))
    return out


def _bank(ctx: typer.Context, kind: str, topic: str | None, as_json: bool) -> None:
    from trainer.domain.errors import TrainerError
    from trainer.services import banks

    try:
        with store_for(ctx) as store:
            entries = banks.terms(store, topic) if kind == "terms" else banks.quotes(store, topic)
    except TrainerError as exc:
        fail(str(exc))
        return
    if as_json:
        echo_json({kind: [e.to_dict() for e in entries]}, indent=1)
        return
    if not entries:
        echo(f"no {kind}" + (f" on {topic}" if topic else "") + " yet")
        return
    for e in entries:
        echo(_entry_line(e))
        for s in e.sources:
            echo(f"    {s.sentence}  《{s.title or s.article or s.deck}》")


def _entry_line(e: BankEntry) -> str:
    n = len(e.articles)
    where = f"{n} article{'' if n == 1 else 's'}" if n else "by hand"
    topics = f"  [{' '.join(e.topics)}]" if e.topics else ""
    return f"{e.text}  ({where}){topics}"


def terms(
    ctx: typer.Context,
    topic: Annotated[str | None, _TOPIC] = None,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """The bank of 规范表述: every key term across the articles, with its sentences."""
    _bank(ctx, "terms", topic, as_json)


def quotes(
    ctx: typer.Context,
    topic: Annotated[str | None, _TOPIC] = None,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """The bank of 金句: every golden sentence across the articles, with its sources."""
    _bank(ctx, "quotes", topic, as_json)
