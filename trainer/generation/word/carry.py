"""Keep note identity across regeneration of an edited article.

GUIDs come from a note's structural place in the article, so a typo fix keeps
them; inserting or deleting a paragraph shifts places, though, and would give
the notes below it new GUIDs (and lose their history). Before a regenerated
deck replaces an old one, each fresh note that lost its GUID takes over the
GUID of the old note of the same kind and article that says nearly the same
thing, so review history follows the content.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from trainer.domain import notetypes
from trainer.domain.identity import note_guid
from trainer.domain.model import Note

SIMILAR = 0.6
"""Bigram Dice similarity from which two notes count as the same content."""


def _content(note: Note) -> str:
    body = notetypes.of(note).content(note)
    folded = unicodedata.normalize("NFKC", body)
    return "".join(ch for ch in folded if ch.isalnum())


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def carry_identity(previous: Sequence[Note], fresh: Sequence[Note]) -> tuple[Note, ...]:
    """``fresh`` with GUIDs chosen so that history follows content.

    Every (fresh, old) pair of the same kind and source article whose content
    is at least ``SIMILAR`` alike is a candidate; a pair that already shares the
    GUID gets a bonus, so a typo fix in place always wins. Pairs are taken best
    first, each note at most once, and the fresh note takes the old GUID. A
    fresh note left unpaired keeps its own structural GUID unless a paired note
    took it, in which case it gets a new one derived from its anchor.
    """
    if not previous:
        return tuple(fresh)
    old_keys = [(n, _bigrams(_content(n))) for n in previous]
    candidates: list[tuple[float, int, int]] = []
    for i, note in enumerate(fresh):
        grams = _bigrams(_content(note))
        for j, (old, old_grams) in enumerate(old_keys):
            if old.kind is not note.kind or old.source.article != note.source.article:
                continue
            score = _dice(grams, old_grams)
            if score >= SIMILAR:
                candidates.append((score + (0.5 if old.guid == note.guid else 0.0), i, j))
    guid_of: dict[int, str] = {}
    taken_old: set[int] = set()
    for _score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in guid_of or j in taken_old:
            continue
        guid_of[i] = old_keys[j][0].guid
        taken_old.add(j)
    used = set(guid_of.values())
    out = []
    for i, note in enumerate(fresh):
        guid = guid_of.get(i)
        if guid is None:
            guid = note.guid
            n = 1
            while guid in used:
                guid = note_guid(note.source.article, f"{note.source.anchor}~{n}", note.kind.value)
                n += 1
            used.add(guid)
        out.append(note if guid == note.guid else replace(note, guid=guid))
    return tuple(out)
