"""Making cards from an article: the one use case ``trainer make`` and the TUI share.

Read the article (a file, stdin or pasted text), run the generator, and write
or update a deck file keeping the GUIDs (and so the review history) of notes
whose place in the article moved. The generator and jieba load only here,
inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.model import Article, Note

if TYPE_CHECKING:
    from trainer.generation import Generated, Progress

Generator = Callable[..., "Generated"]
"""``generate(article, source_id[, progress=…])``; a test may pass a stand-in."""


@dataclass(frozen=True, slots=True)
class Made:
    """An article and the cards made from it."""

    article: Article
    source_id: str
    """What the notes' GUIDs and source addresses are made from (the file's stem)."""
    result: Generated

    @property
    def title(self) -> str:
        return self.result.title or self.source_id


def read_file(path: str) -> tuple[Article, str]:
    """The article in ``path`` (``-`` for stdin) and its source id; InputError if unreadable."""
    from trainer.generation.read.reader import read_article

    article = read_article(path if path == "-" else str(Path(path).expanduser()))
    return article, article.source


def pasted(text: str) -> tuple[Article, str]:
    """Pasted text as an article; its source id comes from its content."""
    return (
        Article(text=text, title="", source="pasted"),
        "pasted-" + hashlib.sha1(text.encode()).hexdigest()[:10],
    )


def is_long(article: Article) -> bool:
    """Whether making cards takes long enough to show progress."""
    from trainer.generation import LONG_ARTICLE

    return len(article.text) >= LONG_ARTICLE


def make(
    article: Article,
    source_id: str,
    progress: Progress | None = None,
    *,
    generate: Generator | None = None,
) -> Made:
    """Cards for ``article`` (``progress`` hears the stages of a long one)."""
    if generate is None:
        from trainer.generation import generate
    assert generate is not None
    result = (
        generate(article, source_id, progress=progress)
        if progress
        else generate(article, source_id)
    )
    return Made(article, source_id, result)


def write_deck_file(
    path: str | Path,
    notes: tuple[Note, ...],
    name: str | None,
    default_name: str,
    description: str = "",
    made: Made | None = None,
) -> tuple[Note, ...]:
    """Write the notes as a deck file named ``name`` (else the file's, else
    ``default_name``); over an existing file keep its options, description and GUIDs
    (notes whose place moved take over their old GUIDs). Returns the notes written.

    Regenerating an edited article into the same file so keeps its review history.
    With ``made``, the article goes in the file too (``[[articles]]``, its text
    inline), so importing the file keeps it in the library as the app's way in does;
    the file's other articles stay.
    """
    from trainer.formats.deckfile import ArticleEntry, read_deck, write_deck
    from trainer.generation.word.carry import carry_identity

    target = Path(path)
    options = None
    articles: tuple[ArticleEntry, ...] = ()
    if target.exists():
        old = read_deck(target)
        notes = carry_identity(old.notes, notes)
        name = name or old.name
        options = old.options
        description = old.description or description
        articles = old.articles
    if made is not None:
        entry = ArticleEntry(
            made.source_id, made.title, made.article.text, source=made.article.source
        )
        articles = (*(a for a in articles if a.id != entry.id), entry)
    write_deck(
        target,
        name or default_name,
        list(notes),
        options,
        description=description,
        articles=articles,
    )
    return notes
