"""Stage 5, pick: the cards a tutor makes of an exam paper's 给定资料 (a material).

A tutor reads a material for its points: what was done (做法), what came of it
(成效), what goes wrong (问题) and why (原因), and the judgements an official or an
expert is quoted making. The rest of a material is evidence, not a card: the
scenery it opens on (``群山环绕,万亩橘林``), a person's story, the names of its
projects. So, in a material only:

* no card of a sentence whose function is background (``背景``): the setting, the
  story before the measures, a project's name and size; unless the sentence
  narrates a measure taken (``近年来,F县推行土地流转……`` opens on a time phrase
  and is still a 做法) or opens on a speaker (``该校教师表示,……``, ``总书记指出,……``:
  a judgement quoted, ``data/remarks.txt``); a list the sentence writes itself as a
  、 series (``专业化、精细化、特色化``) or as headings stays too: the material's own
  enumeration, not clauses of a story read as one;
* no 金句 from a rule that only reads a line's form (a short, pithy line; a line
  shaped like a maxim) unless it quotes (``"岁月不居,时节如流``, ``政府的“有为之手”``):
  in a material such a line is description or a person's title, not a judgement.
  Quoted judgements (their own rules) keep their cards; so does a background line
  whose blank is a whole quoted term (``“机器换人”``), the material's own word.

Judged material decks: the background cards were trivial or broken for all but
three of fifteen, the form-only 金句 for all but one of five; no card a judge
called good came from either.
"""

from __future__ import annotations

import re

from trainer.domain.model import Note
from trainer.generation.classify.address import speaker_line
from trainer.generation.detect.measures import narrates_measure
from trainer.generation.provenance import Origin
from trainer.generation.text import Span, between_marks

__all__ = ["material_cards", "not_a_material_point"]

Made = tuple[Note, Origin]

_NARRATION = frozenset({"背景"})
"""Sentence functions that tell a material's story, not its points."""
_FORM_ONLY_GOLDEN = frozenset({"cloze.golden.aphorism", "cloze.golden.maxim"})
"""金句 rules that judge a line by its form alone, not by its being a quoted claim."""
_OWN_LISTS = frozenset({"list.inline", "list.quoted", "list.headings"})
"""List rules that take what the text writes as a list (a 、 series, quoted or not, its
own headings), not clauses read as items."""
_ENDS = ("。", "!", "?", "\n")
"""What ends the sentence a card stands on."""
_QUOTES = ("“", '"')
"""A form-only 金句 quoting words (a saying, a coined phrase) is a quotation, and stays."""
_QUOTED_BLANK = re.compile(r"“\{\{c\d+::[^{}]+\}\}”")
"""A blank that is a whole quoted term."""


def not_a_material_point(card: Made, folded: str) -> bool:
    """A card of a material (``folded``) a tutor would not make: narration that takes
    no measure, or a line carded as 金句 only for its form."""
    note, origin = card
    if origin.rule in _FORM_ONLY_GOLDEN:
        return not any(q in note.text for q in _QUOTES)
    if origin.function not in _NARRATION or origin.rule in _OWN_LISTS:
        return False
    if _QUOTED_BLANK.search(note.text):
        return False  # a quoted coined term (“机器换人”): the material's own word
    start, end = between_marks(folded, note.source.start, note.source.end, _ENDS)
    sentence = Span(folded[start:end], start, end)  # a list's span is its items': widened
    return not (narrates_measure(folded, sentence) or speaker_line(sentence.text))


def material_cards(made: list[Made], folded: str) -> list[Made]:
    """``made`` (the cards of a material, ``folded``) without those that carry no
    point of it; the argument-structure card, made apart, is not among them."""
    return [m for m in made if not not_a_material_point(m, folded)]
