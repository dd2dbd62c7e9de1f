"""Quality on every labelled article, held against a checked-in baseline.

Each article in ``tests/data/heldout`` to ``heldout27`` (and our own articles in
``tests/data/articles``, and the seed) has a gold file with the same stem, labelled
by ``../shared/gold/GUIDE.md``. Sets were measured on first contact before any
change they prompted; afterwards they train the generator. ``tests/data/baseline.json``
records each article's figures per metric: any drop fails, any gain is printed so
the baseline can be raised with ``python tests/generation/test_gen_heldout.py --write``.
The scoring rules are a copy of ``score_cards.py``, the shared scorer.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_scoring import SEED, SEED_GOLD, dice, item_match, matched, norm

from trainer.formats.cards_json import made as to_json
from trainer.generation import generate
from trainer.generation.read.reader import decode, read_article

DATA = Path(__file__).resolve().parents[1] / "data"
BASELINE = DATA / "baseline.json"
HELDOUT_DIRS = [DATA / f"heldout{n}" if n > 1 else DATA / "heldout" for n in range(1, 28)]
HELDOUT_DIRS = [d for d in HELDOUT_DIRS if d.is_dir()]
ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".xml"}
"""An article's file; a JSON article is named ``<stem>.article.json`` beside its gold."""
ARTICLE_FILES = sorted(
    p
    for d in HELDOUT_DIRS
    for p in d.iterdir()
    if p.suffix in ARTICLE_SUFFIXES or p.name.endswith(".article.json")
)
OWN_FILES = sorted(p for p in (DATA / "articles").iterdir() if p.suffix in {".txt", ".md", ".html"})
METRICS = (
    "enum_point_recall",
    "enum_item_recall",
    "list_precision",
    "golden_recall",
    "key_term_recall",
    "section_recall",
    "title_ok",
    "no_leaks",
)
"""Compared with the baseline, each higher-is-better."""


def _key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _gold_path(path: Path) -> Path:
    if path == SEED:
        return SEED_GOLD
    if path.name.endswith(".article.json"):
        return path.with_name(path.name.removesuffix(".article.json") + ".json")
    return path.with_suffix(".json")


# --- scoring rules: the shared scorer's, as copied in gen_scoring ----------------

CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")


def cloze_plain(text: str | None) -> str:
    return CLOZE.sub(lambda m: m.group(1), text or "")


def score(gold: dict[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    """The scorer's metrics, plus the details its ``--verbose`` mode prints."""
    cards = out.get("cards", [])
    lists = [c for c in cards if c.get("kind") == "list" and len(c.get("items") or []) >= 2]
    clozes = [c for c in cards if c.get("kind") == "cloze"]
    detail: list[str] = []

    blanks = [CLOZE.findall(c.get("text") or "") for c in clozes]
    gold_items = hit_items = point_items = full = 0
    for e in gold["enumerations"]:
        best, best_card = 0, None
        for c in lists:
            h = matched(e["items"], c["items"])
            if h > best:
                best, best_card = h, c
        gold_items += len(e["items"])
        hit_items += best
        point_items += max([best] + [matched(e["items"], b) for b in blanks])
        full += best == len(e["items"])
        if best < len(e["items"]):
            got = best_card["items"] if best_card else []
            missed = [i for i in e["items"] if not any(item_match(i, h) for h in got)]
            where = best_card and best_card.get("prompt")
            detail.append(
                f"enum {best}/{len(e['items'])} {e['prompt_hint']} <- {where}; missed {missed}"
            )
    item_recall = hit_items / gold_items if gold_items else 1.0
    point_recall = point_items / gold_items if gold_items else 1.0

    good = 0
    for c in lists:
        if any(
            matched(c["items"], e["items"]) * 2 >= len(c["items"]) for e in gold["enumerations"]
        ):
            good += 1
        else:
            detail.append(f"unmatched list: {c.get('prompt')} {c['items']}")
    list_precision = good / len(lists) if lists else 0.0

    plains = [norm(cloze_plain(c.get("text") or c.get("prompt"))) for c in clozes]
    golden_hits = 0
    for s in gold["golden_sentences"]:
        ns = norm(s)
        ok = any(ns in p or dice(ns, p) >= 0.8 for p in plains)
        golden_hits += ok
        if not ok:
            detail.append(f"golden missed: {s}")
    golden_recall = golden_hits / len(gold["golden_sentences"]) if gold["golden_sentences"] else 1.0

    deleted = {norm(d) for c in clozes for d in CLOZE.findall(c.get("text") or "")}
    term_hits = 0
    for t in gold["key_terms"]:
        nt = norm(t)
        ok = any(nt == d or (nt in d and len(d) <= len(nt) + 4) for d in deleted)
        term_hits += ok
        if not ok:
            detail.append(f"key term not blanked: {t}")
    term_recall = term_hits / len(gold["key_terms"]) if gold["key_terms"] else 1.0

    sections = [norm(s) for s in out.get("sections", [])]
    sec_hits = 0
    for g in gold["sections"]:
        ok = any(norm(g) == s or dice(norm(g), s) >= 0.8 for s in sections)
        sec_hits += ok
        if not ok:
            detail.append(f"section missed: {g} (got {out.get('sections')})")
    section_recall = sec_hits / len(gold["sections"]) if gold["sections"] else 1.0

    title_ok = norm(out.get("title") or "") == norm(gold["title"])
    if not title_ok:
        detail.append(f"title {out.get('title')!r} != gold {gold['title']!r}")
    blob = json.dumps(cards, ensure_ascii=False)
    leaks = [s for s in gold.get("must_not_appear", []) if s in blob]
    return {
        "cards": len(cards),
        "list_cards": len(lists),
        "cloze_cards": len(clozes),
        "enum_point_recall": round(point_recall, 3),
        "enum_item_recall": round(item_recall, 3),
        "enum_full": f"{full}/{len(gold['enumerations'])}",
        "list_precision": round(list_precision, 3),
        "golden_recall": round(golden_recall, 3),
        "key_term_recall": round(term_recall, 3),
        "section_recall": round(section_recall, 3),
        "title_ok": title_ok,
        "boilerplate_leaks": leaks,
        "no_leaks": not leaks,
        "detail": detail,
    }


# --- running the generator ----------------------------------------------------------


def cards_json(path: Path) -> dict[str, Any]:
    """The generator's output for one article, as ``trainer make --json`` prints it."""
    return to_json(generate(read_article(str(path)), path.stem))


def test_every_heldout_article_has_a_gold_file() -> None:
    counts = {d: sum(p.parent == d for p in ARTICLE_FILES) for d in HELDOUT_DIRS}
    assert all(counts.values())
    for path in ARTICLE_FILES:
        gold = json.loads(_gold_path(path).read_text(encoding="utf-8"))
        assert gold["article"] == path.name
        text = decode(path.read_bytes())  # one of them is GB18030
        if path.suffix in {
            ".html",
            ".xml",
        }:  # labels are of the page's text: one page spells it all as &#x…;
            text = html.unescape(text)
        for term in gold["key_terms"]:
            assert norm(term) in norm(text), term


def figures(path: Path) -> dict[str, Any]:
    gold = json.loads(_gold_path(path).read_text(encoding="utf-8"))
    return score(gold, cards_json(path))


def _numbers(got: dict[str, Any]) -> dict[str, float]:
    return {m: float(got[m]) for m in METRICS}


SCORED = [SEED, *OWN_FILES, *ARTICLE_FILES]


def test_every_scored_article_is_in_the_baseline() -> None:
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert sorted(base) == sorted(_key(p) for p in SCORED)


@pytest.mark.parametrize("path", SCORED, ids=_key)
def test_article_holds_its_baseline(path: Path) -> None:
    base = json.loads(BASELINE.read_text(encoding="utf-8")).get(_key(path))
    if base is None:
        pytest.fail(f"{_key(path)} has no baseline: run this file with --write")
    got = figures(path)
    print(f"\n== {_key(path)}")
    for line in got["detail"]:
        print(f"    {line}")
    now = _numbers(got)
    drops = {m: (base[m], now[m]) for m in METRICS if now[m] < base[m] - 1e-9}
    gains = {m: (base[m], now[m]) for m in METRICS if now[m] > base[m] + 1e-9}
    if gains:
        print(f"  GAIN (raise the baseline with --write): {gains}")
    assert not drops, f"{_key(path)} dropped below its baseline (was, now): {drops}"


def write_baseline() -> None:
    """Record every article's current figures (run after a change that only gains)."""
    out = {_key(p): _numbers(figures(p)) for p in SCORED}
    BASELINE.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    means = {m: round(sum(v[m] for v in out.values()) / len(out), 3) for m in METRICS}
    print(f"wrote {BASELINE} ({len(out)} articles); means {means}")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write_baseline()
    else:
        for p in SCORED:
            print(_key(p), {k: v for k, v in _numbers(figures(p)).items()})
