"""Held-out quality check: hand-written articles the generator was not tuned on.

Each article in ``tests/data/heldout`` to ``heldout5`` has a gold file with the same
stem, labelled blind (what a tutor would expect, not what the generator finds).
Sets 1 and 2 have been looked at while fixing the generator; sets 3 to 5 were
written later and measured first (their first-contact figures are in the notes). The scoring rules
are a copy of ``score_cards.py``, the shared scorer, so these tests run without it.
Articles that miss the quality bar are marked xfail with the metrics they miss;
the per-metric results and the misses are printed either way (run with ``-s``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from gen_scoring import dice, item_match, matched, norm

from trainer.cli.make import to_json
from trainer.generation import generate
from trainer.generation.reader import decode, read_article

DATA = Path(__file__).resolve().parents[1] / "data"
HELDOUT_DIRS = [DATA / f"heldout{n}" if n > 1 else DATA / "heldout" for n in range(1, 6)]
ARTICLE_FILES = sorted(
    p for d in HELDOUT_DIRS for p in d.iterdir() if p.suffix in {".txt", ".md", ".html"}
)

# Articles that miss the bar when this file was written; the reason names the metrics.
XFAIL: dict[str, str] = {
    "numbered-canyin-langfei": "held-out: list precision 0.75",
    "outline-laolinghua": "held-out2: section recall 0.4 (gold names short headings unnumbered)",
    # Sets 3 and 4 label every list of three or more (the seed labels the main ones
    # only), so enumeration recall there is lower by design of the gold.
    "fenbi-gengdi-baohu": "held-out3: enum recall 0.85",
    "gbk-xin-zhi-shengchanli": "held-out3: enum recall 0.58 (、 lists of phrases)",
    "web-ai-zhili": "held-out3: enum recall 0.78, golden 0.67",
    "zhonggong-yuzhicai": "held-out3: enum recall 0.89, key terms 0.5",
    "essay-qingnian-zeren": "held-out4: enum recall 0.78, list precision 0.5, key terms 0.5",
    "guangming-kexue-jingshen": "held-out4: enum recall 0.59, list precision 0.67",
    "huatu-lajifenlei": "held-out4: list precision 0.75, golden 0.67",
    "md-shuzi-xiangcun": "held-out4: enum recall 0.75, golden 0.71",
    "zhonggong-jiceng-yiliao": "held-out4: enum recall 0.76",
    # Set 5 labels only the lists a tutor would drill (closer to the seed's gold).
    "fenbi-tiyu-qiangguo": "held-out5: list precision 0.42, key terms 0.5",
    "rmsp-jiceng-zhili": "held-out5: list precision 0.5, golden 0.83",
    "web-xiaofei-quan": "held-out5: list precision 0.38, golden 0.8",
    "zhonggong-laodong-jiaoyu": "held-out5: enum recall 0.86, list precision 0.38",
}

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

    gold_items = hit_items = full = 0
    for e in gold["enumerations"]:
        best, best_card = 0, None
        for c in lists:
            h = matched(e["items"], c["items"])
            if h > best:
                best, best_card = h, c
        gold_items += len(e["items"])
        hit_items += best
        full += best == len(e["items"])
        if best < len(e["items"]):
            got = best_card["items"] if best_card else []
            missed = [i for i in e["items"] if not any(item_match(i, h) for h in got)]
            where = best_card and best_card.get("prompt")
            detail.append(
                f"enum {best}/{len(e['items'])} {e['prompt_hint']} <- {where}; missed {missed}"
            )
    item_recall = hit_items / gold_items if gold_items else 1.0

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

    title_ok = norm(out.get("title")) == norm(gold["title"])
    if not title_ok:
        detail.append(f"title {out.get('title')!r} != gold {gold['title']!r}")
    blob = json.dumps(cards, ensure_ascii=False)
    leaks = [s for s in gold.get("must_not_appear", []) if s in blob]
    return {
        "cards": len(cards),
        "list_cards": len(lists),
        "cloze_cards": len(clozes),
        "enum_item_recall": round(item_recall, 3),
        "enum_full": f"{full}/{len(gold['enumerations'])}",
        "list_precision": round(list_precision, 3),
        "golden_recall": round(golden_recall, 3),
        "key_term_recall": round(term_recall, 3),
        "section_recall": round(section_recall, 3),
        "title_ok": title_ok,
        "boilerplate_leaks": leaks,
        "detail": detail,
    }


# --- running the generator ----------------------------------------------------------


def cards_json(path: Path) -> dict[str, Any]:
    """The generator's output for one article, as ``trainer make --json`` prints it."""
    return to_json(generate(read_article(str(path)), path.stem))


def misses(got: dict[str, Any]) -> list[str]:
    """The metrics below the quality bar."""
    bar = [
        ("enum item recall", got["enum_item_recall"] >= 0.9),
        ("list precision", got["list_precision"] >= 0.8),
        ("golden recall", got["golden_recall"] >= 0.85),
        ("key-term recall", got["key_term_recall"] >= 0.6),
        ("section recall", got["section_recall"] == 1.0),
        ("title", got["title_ok"]),
        ("leaks", not got["boilerplate_leaks"]),
    ]
    return [name for name, ok in bar if not ok]


def test_every_heldout_article_has_a_gold_file() -> None:
    counts = {d: sum(p.parent == d for p in ARTICLE_FILES) for d in HELDOUT_DIRS}
    assert list(counts.values()) == [6, 5, 6, 6, 4]
    for path in ARTICLE_FILES:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert gold["article"] == path.name
        text = decode(path.read_bytes())  # one of them is GB18030
        for term in gold["key_terms"]:
            assert norm(term) in norm(text), term


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=XFAIL[p.stem], strict=False))
        if p.stem in XFAIL
        else p
        for p in ARTICLE_FILES
    ],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_heldout_article_meets_the_quality_bar(path: Path) -> None:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got = score(gold, cards_json(path))
    print(f"\n== {path.name}")
    for key, value in got.items():
        if key != "detail":
            print(f"  {key}: {value}")
    for line in got["detail"]:
        print(f"    {line}")
    missed = misses(got)
    print(f"  misses: {missed or 'none'}")
    assert got["enum_item_recall"] >= 0.9
    assert got["list_precision"] >= 0.8
    assert got["golden_recall"] >= 0.85
    assert got["key_term_recall"] >= 0.6
    assert got["section_recall"] == 1.0
    assert got["title_ok"]
    assert got["boilerplate_leaks"] == []
