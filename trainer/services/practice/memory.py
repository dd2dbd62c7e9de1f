"""Memory linked to writing: the studied 规范表述 and 金句 an answer used or could have.

* A studied 规范表述 is the blank of a cloze card the learner has answered (a
  note tagged 关键词, or any cloze note not tagged 金句); a studied 金句 is a
  cloze note tagged 金句 with an answered card, shown as its whole sentence.
* Used: the term appears in the answer (normalised: width, script and
  punctuation aside); a 金句 counts as used when one of its blanks does.
* Would fit a missed point: a studied term or 金句 not used, from the same
  article, or sharing words with the point (the term inside the point, or at
  least :data:`SHARED_BIGRAMS` two-character pieces of its sentence in common).
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.domain import cloze
from trainer.services.grading import Grade, Mark
from trainer.services.grading.text import normalize
from trainer.storage.practice_repo import StudiedNote

SHARED_BIGRAMS = 3
PER_POINT = 3


@dataclass(frozen=True, slots=True)
class MemoryLinks:
    used_terms: tuple[str, ...] = ()
    used_quotes: tuple[str, ...] = ()
    fits: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(missed or partial point, studied terms and 金句 that would have fitted it)."""


def _bigrams(text: str) -> set[str]:
    t = normalize(text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def _terms(note: StudiedNote) -> list[str]:
    out: list[str] = []
    try:
        for n in note.ords:
            out += [a for a in cloze.answers(note.text, n) if len(normalize(a)) >= 2]
    except cloze.ClozeError:
        return []
    return out


def _sentence(note: StudiedNote) -> str:
    try:
        return cloze.plain(note.text)
    except cloze.ClozeError:
        return note.text


def link_memory(
    question: object, answer: str, graded: Grade, studied: list[StudiedNote]
) -> MemoryLinks:
    article = str(getattr(question, "article", ""))
    typed = normalize(answer)
    used_terms: list[str] = []
    used_quotes: list[str] = []
    candidates: list[tuple[str, StudiedNote, list[str]]] = []
    for note in studied:
        terms = _terms(note)
        if not terms:
            continue
        golden = "金句" in note.tags
        used = [t for t in terms if normalize(t) in typed]
        if golden:
            label = _sentence(note)
            if used:
                used_quotes.append(label)
            else:
                candidates.append((label, note, terms))
        else:
            for t in terms:
                if t in used:
                    used_terms.append(t)
                else:
                    candidates.append((t, note, [t]))
    fits: list[tuple[str, tuple[str, ...]]] = []
    for point in graded.points:
        if point.mark is Mark.RECALLED:
            continue
        want = normalize(point.expected)
        grams = _bigrams(point.expected)
        ranked: list[tuple[int, str]] = []
        for label, note, terms in candidates:
            inside = any(normalize(t) in want for t in terms)
            shared = len(grams & _bigrams(_sentence(note)))
            same = note.article == article and bool(article)
            if inside or (shared >= SHARED_BIGRAMS and (same or shared >= 2 * SHARED_BIGRAMS)):
                ranked.append((-(10 * inside + shared + 2 * same), label))
        if ranked:
            chosen = tuple(dict.fromkeys(label for _, label in sorted(ranked)))[:PER_POINT]
            fits.append((point.expected, chosen))
    return MemoryLinks(
        tuple(dict.fromkeys(used_terms)), tuple(dict.fromkeys(used_quotes)), tuple(fits)
    )
