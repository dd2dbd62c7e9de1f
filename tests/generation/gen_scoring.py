"""Helpers for the generation tests: article paths and the shared scorer's metrics."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from trainer.domain.model import Article, Note, NoteKind, SourceRef
from trainer.generation import Generated, generate
from trainer.generation.pick.deck import Made, tidy
from trainer.generation.provenance import Origin

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = ROOT / "decks" / "zhibo-daihuo.txt"
"""The bundled copy of the user's seed article (identical to shared/seed)."""
SEED_GOLD = ROOT / "tests" / "data" / "gold" / "zhibo-daihuo.json"
"""A copy of shared/gold/zhibo-daihuo.json, so the quality bar is checked in every clone."""

_PUNCT = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉()()\[\]【】,,。.;;::!!??、…—\-·]+")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")


def norm(s: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", s or ""))


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def dice(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def item_match(gold: str, got: str) -> bool:
    g, h = norm(gold), norm(got)
    if not g or not h:
        return False
    return (
        (g in h and len(h) <= 4 * len(g) + 8)
        or (h in g and len(h) >= 0.6 * len(g))
        or dice(g, h) >= 0.6
    )


def matched(gold_items: list[str], got_items: list[str]) -> int:
    used: set[int] = set()
    hits = 0
    for gi in gold_items:
        for j, hi in enumerate(got_items):
            if j not in used and item_match(gi, hi):
                used.add(j)
                hits += 1
                break
    return hits


def score(gold: dict[str, Any], out: Generated) -> dict[str, Any]:
    """The metrics of ../shared/tools/score_cards.py, computed on a Generated."""
    lists = [n for n in out.notes if n.kind.value == "list" and len(n.items) >= 2]
    clozes = [n for n in out.notes if n.kind.value == "cloze"]
    total = hits = 0
    for e in gold["enumerations"]:
        total += len(e["items"])
        hits += max((matched(e["items"], list(c.items)) for c in lists), default=0)
    good = sum(
        any(matched(list(c.items), e["items"]) * 2 >= len(c.items) for e in gold["enumerations"])
        for c in lists
    )
    plains = [norm(_CLOZE.sub(lambda m: m.group(1), c.text)) for c in clozes]
    golden = sum(
        any(norm(s) in p or dice(norm(s), p) >= 0.8 for p in plains)
        for s in gold["golden_sentences"]
    )
    deleted = {norm(d) for c in clozes for d in _CLOZE.findall(c.text)}
    terms = sum(
        any(norm(t) == d or (norm(t) in d and len(d) <= len(norm(t)) + 4) for d in deleted)
        for t in gold["key_terms"]
    )
    sections = [norm(s) for s in out.sections]
    sec_hits = sum(
        any(norm(g) == s or dice(norm(g), s) >= 0.8 for s in sections) for g in gold["sections"]
    )
    blob = json.dumps(
        [[n.prompt, n.answer, n.text, list(n.items)] for n in out.notes], ensure_ascii=False
    )
    return {
        "item_recall": hits / total if total else 1.0,
        "list_precision": good / len(lists) if lists else 0.0,
        "golden_recall": golden / len(gold["golden_sentences"])
        if gold["golden_sentences"]
        else 1.0,
        "term_recall": terms / len(gold["key_terms"]) if gold["key_terms"] else 1.0,
        "section_recall": sec_hits / len(gold["sections"]) if gold["sections"] else 1.0,
        "title_ok": norm(out.title) == norm(gold["title"]),
        "leaks": [s for s in gold.get("must_not_appear", []) if s in blob],
    }


def make(text: str, source: str = "t") -> Generated:
    return generate(Article(text=text), source)


def structure_card(text: str) -> Note | None:
    """The argument-structure card (tagged 结构) of ``text``'s deck, if it has one."""
    return next((n for n in make(text, "t").notes if "结构" in n.tags), None)


def card_parts(note: Note) -> dict[str, str]:
    """A structure card's answer by part (中心论点, 分论点, 对策 …), folded."""
    from trainer.generation.text import fold

    return dict(line.split(":", 1) for line in fold(note.answer).splitlines())


def list_prompts(text: str) -> dict[str, str]:
    """Each list card of ``text``'s deck as its first item -> its prompt, both folded."""
    from trainer.generation.text import fold

    return {
        fold(n.items[0]): fold(n.prompt)
        for n in make(text, "t").notes
        if n.kind.value == "list" and n.items
    }


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("shared seed article not present")
    return SEED.read_text(encoding="utf-8")


def cloze_card(text: str, sentence: str, blanked: str, rule: str, function: str) -> Made:
    """A cloze card on ``sentence`` of ``text`` blanking ``blanked``, as a rule of the
    generator would hand it to card choice (pick.deck.tidy)."""
    start = text.index(sentence)
    note = Note(
        guid=f"g{start}",
        kind=NoteKind.CLOZE,
        text=sentence.replace(blanked, f"{{{{c1::{blanked}}}}}", 1),
        source=SourceRef("t", f"s0/p{start}/cloze1", "", start, start + len(sentence)),
    )
    return note, Origin(rule, function)


def tidied(text: str, *cards: Made) -> list[str]:
    """The texts of the cards card choice keeps of ``cards`` on ``text``."""
    return [n.text for n, _o in tidy(list(cards), frozenset(), text)]
