"""Measures a material narrates one sentence each: the 做法 of a place or an organisation.

An exam 给定资料 tells what a place did across the sentences of a paragraph, with no
一是……二是: ``临湖村开通了乡村旅游直通车。同时,该村鼓励渔民开办民宿。此外,还建成了
渔文化博物馆。`` Three or more sentences of one paragraph that open (after a connective
such as 同时/此外 and a time word) on the same actor, on a pronoun for it, or on no
actor at all, followed by a measure verb (建立/推行/开展/实施/出台/搭建/引入…, in
``data/material_measures.txt``), are one list of the actor's 做法. Each item is the
sentence's verb and object up to the end of its clause, at most ``_ITEM_MAX``
characters and never cut inside a word. A sentence whose actor ends on a modal
(要/应/必须) prescribes rather than narrates, and is no measure taken.
"""

from __future__ import annotations

import re
from functools import cache

from trainer.generation.detect.enumtypes import Enumeration, Item, Style, after
from trainer.generation.lexicon import kind_words
from trainer.generation.split.structure import Paragraph, Section
from trainer.generation.text import CJK, Span, clauses

_RUN_MIN = 3
_ITEM_MAX = 15
_ITEM_MIN = 4
_VERB_AT = 10
"""How far into its clause a sentence's measure verb may stand (after the actor)."""
_ACTOR_MAX = 8
_SCENE_MAX = 8
"""The longest opening clause read as only setting the time (2019 年, / 深思熟虑后,)."""
_DATED = re.compile(r"(?:\d+年)?(?:\d+月)?(?:\d+日)?$")
"""A date between the actor and the verb (山岔村 2016 年建成……)."""
_NOUN_AFTER = frozenset("还是的也都")
"""A character after the verb that makes it a noun, not the measure (建设还存在……)."""
_NAMED_MIN = 2
"""How many measures must name the actor before the rest may take it as understood."""
_QUOTE_MAX = _ITEM_MAX + 6
"""How long an item may grow to keep a quotation it opens whole."""


@cache
def _words(kind: str) -> tuple[str, ...]:
    return tuple(sorted(kind_words("material_measures", kind), key=len, reverse=True))


@cache
def _verb_pattern() -> re.Pattern[str]:
    """The measure verbs as one pattern, longest first (``match`` at a position then
    gives the longest verb there): one scan per position, not one per verb."""
    return re.compile("|".join(map(re.escape, _words("verbs"))))


def _strip_openers(text: str) -> int:
    """How many characters of ``text`` are connectives and time words before its actor."""
    openers = _words("openers")
    at = 0
    moved = True
    while moved:
        moved = False
        for w in openers:
            if text.startswith(w, at):
                at += len(w)
                while at < len(text) and text[at] in ",、 ":
                    at += 1
                moved = True
                break
    return at


def _actor_end(actor: str) -> str:
    """``actor`` without the fillers (还, 先后, 积极…) between it and the verb."""
    fillers = _words("fillers")
    moved = True
    while moved and actor:
        moved = False
        for w in fillers:
            if actor.endswith(w):
                actor = actor[: -len(w)]
                moved = True
                break
    return actor


def _cut(text: str) -> str:
    """``text`` cut to at most ``_ITEM_MAX`` characters at a word boundary, never
    inside a quotation: one it opens is kept whole if short, else left out."""
    if len(text) <= _ITEM_MAX:
        return text
    from trainer.generation.split.words import word_bounds

    opened = min((i for i in (text.find("“"), text.find("《")) if i >= 0), default=-1)
    if 0 <= opened < _ITEM_MAX:
        closed = text.find("”" if text[opened] == "“" else "》", opened)
        if opened < closed < _QUOTE_MAX:
            return text[: closed + 1]
        return text[:opened]
    bounds = word_bounds(text)
    end = max((b for b in bounds if b <= _ITEM_MAX), default=0)
    return text[:end]


def _headed(text: str, verb: str) -> str:
    """A long verb-object cut down to its verb and the head noun after its last 的
    (修建了占地 650 平方米的老年文化活动广场 -> 修建了老年文化活动广场), or "" when
    that is still too long."""
    head = text[text.rfind("的") + 1 :]
    done = verb + ("了" if text.startswith(verb + "了") else "")
    item = done + head
    return item if len(item) <= _ITEM_MAX else ""


def _measure(folded: str, sent: Span) -> tuple[str, Span] | None:
    """(actor, the measure's verb-object) of a sentence that narrates a measure taken."""
    parts = clauses(folded, sent.start, sent.end)
    frames = _words("frames")
    described = False
    for k, clause in enumerate(parts[:2]):
        text = clause.text.rstrip(",;:。!?")
        skip = _strip_openers(text)
        if skip == len(text) or (k == 0 and len(parts) > 1 and text.startswith(frames)):
            continue  # 同时, / 为了……, : a clause that only links, dates or frames
        found = _verb_object(text, skip)
        if found is None and k == 0 and len(parts) > 1 and len(text) <= _SCENE_MAX:
            continue  # 2019 年, / 深思熟虑后, : a short clause setting the time
        if found is None and k == 0 and len(parts) > 1 and "是" in text:
            described = True  # X中学是一所试点学校,它取消了……: the measure follows
            continue
        if found is None or (described and not found[0].startswith(_words("actors_not"))):
            return None
        actor, at, item = found
        if described:
            actor = parts[0].text[: parts[0].text.find("是")]
        begin = clause.start + at
        return actor, Span(item, begin, begin + len(item))
    return None


def narrates_measure(folded: str, sent: Span) -> bool:
    """``sent`` (a sentence of ``folded``) narrates a measure its actor took
    (近年来,F县推行土地流转……), whatever it opens on."""
    return _measure(folded, sent) is not None


def _verb_object(text: str, skip: int) -> tuple[str, int, str] | None:
    """(actor, where the verb starts, the item) of one clause, or None."""
    from trainer.generation.split.words import word_bounds

    verbs = _verb_pattern()
    bounds: frozenset[int] | None = None  # the clause's word bounds, cut once if asked
    for at in range(skip, min(len(text), skip + _VERB_AT)):
        hit = verbs.match(text, at)
        if hit is None:
            continue
        verb = hit.group()
        actor = _actor_end(_DATED.sub("", text[skip:at].replace(" ", "")))
        if len(actor) > _ACTOR_MAX or any(
            not (CJK.match(ch) or (ch.isascii() and ch.isalpha())) for ch in actor
        ):
            return None  # A市, F银行: a letter may stand for the name
        if any(w in actor for w in _words("modals")) or any(
            w in actor for w in _words("not_in_actor")
        ):
            return None  # 要建立…… prescribes, 教育是一门…… judges: no measure taken
        if bounds is None:
            bounds = word_bounds(text)
        if at not in bounds or (at + len(verb)) not in bounds:
            continue  # the verb's characters inside another word (基础设施建设)
        if text[at + len(verb) : at + len(verb) + 1] in _NOUN_AFTER:
            continue  # 建设还存在困难: the verb is the subject's noun
        item = _cut(text[at:]).rstrip("和与及、 ")
        if item.endswith("的") and len(text) - at > _ITEM_MAX:
            item = _headed(text[at:], verb)
        if "、" in item:
            return None  # a 、 series the sentence lists is its own list
        if len(item) < _ITEM_MIN:
            return None
        return actor, at, item
    return None


def _names(actor: str, family: str) -> bool:
    """``actor`` names ``family``: itself, a longer form of it, or 该 and its last
    character (该村 for 山岔村)."""
    return family in actor or actor == "该" + family[-1]


def _family(actors: list[str]) -> str | None:
    """The actor most measures name (a shorter form held in a longer one counts for it,
    and so does 该村 for 山岔村), when at least ``_NAMED_MIN`` name it; else None."""
    named = [a for a in actors if a and not a.startswith(_words("actors_not"))]
    best: str | None = None
    best_count = 0
    for a in sorted(set(named), key=len):
        count = sum(_names(b, a) for b in actors if b)
        if count > best_count:
            best, best_count = a, count
    return best if best_count >= _NAMED_MIN else None


def _theirs(actor: str, family: str) -> bool:
    """A measure ``family`` took: named by it, by a pronoun (该村) or by no one."""
    return not actor or family in actor or actor.startswith(_words("actors_not"))


def measure_runs(folded: str, section: Section) -> list[Enumeration]:
    """The measures one actor takes across the sentences of ``section``'s paragraphs."""
    found: list[tuple[Paragraph, Span, str, Span]] = []
    for para in section.paragraphs:
        for s in para.sentences:
            m = _measure(folded, s)
            if m is not None:
                found.append((para, s, *m))
    family = _family([a for _p, _s, a, _i in found])
    if family is None:
        return []
    named_in = {p.index for p, _s, a, _i in found if a and _names(a, family)}
    items = tuple(
        Item(item, s)
        for p, s, actor, item in found
        if _theirs(actor, family) and (actor or p.index in named_in)
    )
    if len(items) < _RUN_MIN:
        return []
    first = next(p for p in section.paragraphs if p.span.start <= items[0].context.start)
    return [
        Enumeration(
            Style.MEASURES,
            section,
            first.index,
            items,
            lead=None,
            after=after(section, items[-1].context.end),
            shared=family,
        )
    ]
