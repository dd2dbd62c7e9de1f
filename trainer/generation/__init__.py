"""Cards from 申论 articles: article in, notes out (pure; imports only the domain).

``generate(article, source_id)`` runs the stages in order, one subpackage each; a
stage imports only the stages before it and the shared modules here:

1. ``read``: an article file becomes plain text and a title (encodings, HTML,
   JSON records, hard wraps, site chrome);
2. ``split``: title, sections, paragraphs, sentences (``split.structure``) and
   words (``split.words``, jieba with the 规范表述 dictionary), with offsets;
3. ``classify``: what each sentence does (论点, 分论点, 问题, 原因, 对策…);
4. ``detect``: the structures a card can test: lists (one ``Enumeration`` contract
   and ``PRIORITY``, ``detect.enumerations`` runs the detectors), 金句, key terms
   and topic, the series and pairs inside a sentence;
5. ``pick``: which sentences become clozes and what they blank (``pick.clozes``),
   and the deck a tutor would hand over (``pick.deck``);
6. ``word``: list prompts and answers (``word.lists``), the argument-structure card
   (``word.argument``), notes with GUIDs and provenance (``word.assemble``).

Shared by the stages: ``text`` (folding, sentence and clause splitting with
offsets), ``lexicon`` (the word lists in ``data/*.txt``), ``memo`` (work done once
per article) and ``provenance`` (the rule and function behind each card). jieba
loads on the first call to ``generate``, never on import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from trainer.domain.errors import InputError
from trainer.domain.model import Article, Note
from trainer.generation.text import cjk_count, fold

if TYPE_CHECKING:
    from trainer.generation.detect.enumtypes import Enumeration
    from trainer.generation.provenance import Origin
    from trainer.generation.text import Span

__all__ = ["LONG_ARTICLE", "Generated", "Progress", "generate"]

_TERMS_MIN, _TERMS_MAX = 18, 26


@dataclass(frozen=True, slots=True)
class Generated:
    title: str
    sections: tuple[str, ...]
    notes: tuple[Note, ...]
    origins: tuple[Origin, ...] = ()
    """Per note (same order): the rule that made it and its sentence's function."""


Progress = Callable[[str, float], None]
"""Told each stage's name and the share of the work done before it (0.0 to 1.0)."""

LONG_ARTICLE = 50_000
"""Characters from which a front end should show progress (generation takes seconds)."""


def generate(article: Article, source_id: str, progress: Progress | None = None) -> Generated:
    """Notes for ``article``; ``source_id`` (e.g. the file stem) seeds the GUIDs.

    Stages: read (the article as given) → split (``split.structure.outline``) →
    classify functions → detect structures (lists, 金句, key terms) → pick cards →
    word them (``word.assemble``). ``progress`` hears each stage as it starts."""
    from trainer.generation.memo import one_article

    with one_article():
        return _generate(article, source_id, progress or _quiet)


def _generate(article: Article, source_id: str, tell: Progress) -> Generated:
    from trainer.generation.classify.functions import classify
    from trainer.generation.detect import learned
    from trainer.generation.detect.enumerations import find_enumerations
    from trainer.generation.detect.keyterms import rank_terms, topic_words, untitled
    from trainer.generation.pick.clozes import Learned, find_clozes
    from trainer.generation.pick.deck import choose, not_points, tidy
    from trainer.generation.pick.material import material_cards
    from trainer.generation.read.reader import shown_title
    from trainer.generation.split.structure import outline
    from trainer.generation.split.words import guifan_words, tokens
    from trainer.generation.word import assemble, lists
    from trainer.generation.word.argument import given_material, reportage

    original = article.text
    if cjk_count(original) < 2:
        raise InputError(source_id or "article", "no Chinese text to make cards from")
    tell("segment", 0.0)
    folded = fold(original)
    doc = outline(folded, fold(article.title.strip()))
    doc = replace(doc, title=shown_title(doc.title, folded))
    title = shown_title(article.title, original) or doc.title
    tell("lists", 0.1)
    found = [lists.on_word_edges(e, folded) for e in find_enumerations(folded, doc)]
    tell("terms", 0.25)
    sentences = [s for sec in doc.sections for p in sec.paragraphs for s in p.sentences]
    token_lists = [[w for w, _ in tokens(s.text)] for s in sentences]
    headings = " ".join([doc.title, *(sec.heading for sec in doc.sections)])
    content = "\n".join([headings, *(p.span.text for sec in doc.sections for p in sec.paragraphs)])
    paragraphs = [p.span.text for sec in doc.sections for p in sec.paragraphs]
    topic = topic_words(token_lists, paragraphs, doc.title)
    terms = rank_terms(token_lists, content, headings, topic)
    top = max(_TERMS_MIN, min(_TERMS_MAX, len(sentences) // 5))
    skip = _opener_sentences(found, sentences)
    tell("functions", 0.6)
    functions = classify(doc)
    models = learned.active() or {}
    added: frozenset[str] = frozenset()
    if "terms" in models:
        openings = "\n".join(
            p.sentences[0].text for sec in doc.sections for p in sec.paragraphs if p.sentences
        )
        scored = learned.model_terms(
            token_lists,
            content,
            doc.title,
            headings,
            paragraphs,
            openings,
            topic,
            terms,
            models["terms"],
            top,
        )
        terms, top, added = learned.merged(terms, scored, top, models["terms"].threshold)
    verdicts: Learned | None = None
    if models:
        golden = models.get("golden")
        rows = learned.golden_rows(folded, doc, functions) if golden is not None else []
        verdicts = Learned(
            learned.golden_scores(folded, rows, golden) if golden is not None else {},
            golden.threshold if golden is not None else 1.0,
            added,
        )
    tell("clozes", 0.7)
    listed = [it.phrase for e in found for it in e.items]
    clozes = find_clozes(
        folded,
        doc,
        terms,
        skip,
        top,
        topic,
        functions,
        listed,
        verdicts,
        material=untitled(doc.title),
    )
    tell("cards", 0.95)
    made = [
        *assemble.qa_notes(source_id, original, doc, found, functions),
        *assemble.list_notes(
            source_id,
            original,
            [e for e in found if not not_points(e, folded)],
            functions,
            title,
        ),
        *assemble.cloze_notes(source_id, original, clozes, functions, found),
    ]
    made.sort(key=lambda m: (m[0].source.start, m[0].kind.value, m[0].source.anchor))
    if untitled(doc.title):
        made = material_cards(made, folded)
    made = tidy(made, guifan_words(), folded)
    made = choose(made, cjk_count(folded), guifan_words(), folded)
    structure = assemble.structure_note(source_id, original, doc, found, functions)
    if structure is not None:
        made.insert(0, structure)
    elif (untitled(doc.title) or given_material(doc)) and not reportage(original, doc):
        # A report of people's voices (an interview) narrates: no 做法 or 问题 card.
        made = assemble.one_card_a_run(
            assemble.material_notes(source_id, original, found, functions), made
        )
    sections = tuple(s.heading for s in doc.sections if s.heading)
    tell("done", 1.0)
    return Generated(
        title=title,
        sections=sections,
        notes=tuple(n for n, _ in made),
        origins=tuple(o for _, o in made),
    )


def _quiet(stage: str, done: float) -> None:
    del stage, done


def _opener_sentences(found: list[Enumeration], sentences: list[Span]) -> set[tuple[int, int]]:
    """Sentences that open a paragraph as a parallel list item: no 金句 card for them.

    Sentences are in text order and do not overlap, so each item's sentence is
    found by bisection, not by a scan of every sentence per item."""
    from bisect import bisect_right

    starts = [s.start for s in sentences]
    out: set[tuple[int, int]] = set()
    for e in found:
        if e.style != "openers":
            continue
        for it in e.items:
            i = bisect_right(starts, it.phrase.start) - 1
            if i >= 0 and it.phrase.start < sentences[i].end:
                out.add((sentences[i].start, sentences[i].end))
    return out
