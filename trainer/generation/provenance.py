"""Where a generated card comes from: the rule that made it and its sentence's function.

A card's provenance is kept beside the note, never in it: the note's Extra holds
only text meant for the learner. ``trainer make --json`` prints the rule,
``--explain`` prints both. Decks made before this held the detector's label
(``golden``, ``term``, ``inline``…) as Extra; :func:`without_label` drops it
when such a deck is imported again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from trainer.domain.model import Note

__all__ = ["LEGACY_LABELS", "Origin", "without_label"]


@dataclass(frozen=True, slots=True)
class Origin:
    rule: str
    """The detector or wording rule that made the card (``list.ordinal``, ``golden.couplet``)."""
    function: str
    """What its source sentence does in the argument (论点, 对策, 金句…)."""


LEGACY_LABELS = frozenset(
    {
        "golden",
        "term",
        "inline",
        "ordinal",
        "openers",
        "parallel",
        "headings",
        "semicolon",
        "quoted",
        "colon",
        "framed",
    }
)
"""Labels older versions of the generator stored as a note's Extra."""

_GENERATED_ANCHOR = re.compile(r"^s\d+/(?:p\d+/(?:list|cloze)\d+|qa)$")
_ROLE_TAGS = frozenset({"列举", "金句", "关键词", "观点", "结构"})


def without_label(note: Note) -> Note:
    """``note`` without a generator label as its Extra, if it is a generated note."""
    if note.extra.strip() not in LEGACY_LABELS:
        return note
    generated = _GENERATED_ANCHOR.match(note.source.anchor) is not None or any(
        t in _ROLE_TAGS for t in note.tags
    )
    return replace(note, extra="") if generated else note
