"""Judges' verdicts joined to the rule and function that make each card today.

Blind tutors judged every card of decks the generator made (``RUBRIC.md``: GOOD,
FIXABLE, TRIVIAL, BROKEN and defect classes). This re-makes each judged article
with the current generator and matches the judged cards to today's cards by their
text, so a verdict can be counted against the rule and function that make the card
now, and a change's effect estimated: of the judged cards it drops or rewords, how
many were GOOD or FIXABLE and how many TRIVIAL or BROKEN.

    python -m bench.judged_cards BLIND_DIR [--sets set8,set9] [--by rule|function|both]
    python -m bench.judged_cards BLIND_DIR --save before.json    # on the old code
    python -m bench.judged_cards BLIND_DIR --against before.json # on the new code

``BLIND_DIR`` holds ``setN/`` (articles), ``setN-decks*/`` (the judged decks) and
``setN-judge-*.json`` (verdicts per card). Verdicts of two judges of one deck count
separately. A judged card no longer made is ``gone``; one made with the same
sentence but other blanks or items is ``reworded``.

``--save`` records each verdict's card as made today and the cards per judged
article; ``--against`` a saved record counts, by verdict, the judged cards a change
drops or rewords (GOOD/FIXABLE lost against TRIVIAL/BROKEN gone) and the mean cards
per article before and after.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainer.formats.cards_json import made as to_json
from trainer.generation import generate
from trainer.generation.read.reader import read_article

VERDICTS = ("GOOD", "FIXABLE", "TRIVIAL", "BROKEN")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")
_DECKS = {
    # judge file stem -> deck folder (the judge file's name says which deck version)
    "judge-A": "set7-decks",
    "judge-B": "set7-decks",
    "set8-judge-A": "set8-decks",
    "set8-judge-B": "set8-decks",
}


@dataclass(frozen=True, slots=True)
class Judged:
    set_name: str
    deck: str
    article: str
    index: int
    card: dict[str, Any]
    verdict: str
    defects: tuple[str, ...]
    note: str


def deck_folder(judge: Path) -> str:
    stem = judge.stem
    if stem in _DECKS:
        return _DECKS[stem]
    m = re.match(r"(set\d+)-judge-(.+)-[A-Z]$", stem)
    if m is None:
        raise ValueError(f"{judge}: cannot tell which deck it judged")
    return f"{m.group(1)}-decks-{m.group(2)}"


def judged(blind: Path, sets: frozenset[str]) -> Iterator[Judged]:
    """The verdicts on the decks of ``sets`` (``set8``…): only those named, so a set
    still being measured blind is never read."""
    for judge in sorted(blind.glob("*judge-*.json")):
        if not (judge.stem.startswith(tuple(f"{s}-" for s in sets)) or judge.stem in _DECKS):
            continue
        folder = deck_folder(judge)
        set_name = folder.split("-")[0]
        if set_name not in sets:
            continue
        verdicts = json.loads(judge.read_text(encoding="utf-8"))
        for article, rows in verdicts.items():
            if article.startswith("_"):
                continue
            deck = json.loads((blind / folder / f"{article}.cards.json").read_text("utf-8"))
            for row in rows:
                yield Judged(
                    set_name,
                    folder,
                    article,
                    row["card"],
                    deck["cards"][row["card"]],
                    row["verdict"],
                    tuple(row.get("defects") or ()),
                    row.get("note", ""),
                )


def exact_key(card: dict[str, Any]) -> str:
    """What the learner sees: the same key means the same card."""
    if card["kind"] == "cloze":
        return f"cloze|{card['text']}"
    if card["kind"] == "list":
        return f"list|{card['prompt']}|" + "/".join(card["items"])
    return f"qa|{card['prompt']}|{card['answer']}"


def span_key(card: dict[str, Any]) -> str:
    """The source the card asks about: a cloze's plain sentence, a list's items."""
    if card["kind"] == "cloze":
        return "cloze|" + _CLOZE.sub(lambda m: m.group(1), card["text"])
    if card["kind"] == "list":
        return "list|" + "/".join(card["items"])
    return f"qa|{card['prompt']}"


def article_path(blind: Path, set_name: str, article: str) -> Path:
    """The article in ``setN/`` or, where a set was labelled in parts, ``setN/all/``."""
    for folder in (blind / set_name, blind / set_name / "all"):
        for p in sorted(folder.glob(article + ".*")):
            if p.suffix in {".txt", ".md", ".html"}:
                return p
    raise FileNotFoundError(f"{blind / set_name}/{article}.*")


def made_now(blind: Path, set_name: str, article: str) -> list[dict[str, Any]]:
    path = article_path(blind, set_name, article)
    cards: list[dict[str, Any]] = to_json(generate(read_article(str(path)), path.stem))["cards"]
    return cards


def join(blind: Path, sets: frozenset[str]) -> list[tuple[Judged, str, dict[str, Any] | None]]:
    """Each judged card with its fate today (``same``, ``reworded``, ``gone``) and
    today's card (None when gone)."""
    cache: dict[tuple[str, str], list[dict[str, Any]]] = {}
    out: list[tuple[Judged, str, dict[str, Any] | None]] = []
    for j in judged(blind, sets):
        key = (j.set_name, j.article)
        if key not in cache:
            cache[key] = made_now(blind, *key)
        now = cache[key]
        exact = {exact_key(c): c for c in now}
        spans = {span_key(c): c for c in now}
        if exact_key(j.card) in exact:
            out.append((j, "same", exact[exact_key(j.card)]))
        elif span_key(j.card) in spans:
            out.append((j, "reworded", spans[span_key(j.card)]))
        else:
            out.append((j, "gone", None))
    return out


def _label(card: dict[str, Any], by: str) -> str:
    if by == "rule":
        return str(card.get("rule", ""))
    if by == "function":
        return str(card.get("function", ""))
    return f"{card.get('rule', '')} / {card.get('function', '')}"


def table(rows: list[tuple[Judged, str, dict[str, Any] | None]], by: str) -> str:
    """Verdict shares per rule (today's where the card is still made, else the judged
    deck's), worst first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    defects: dict[str, Counter[str]] = defaultdict(Counter)
    for j, _fate, now in rows:
        label = _label(now if now is not None else j.card, by)
        counts[label][j.verdict] += 1
        defects[label].update(j.defects)
    lines = [f"{'rule':44} {'n':>4} " + " ".join(f"{v[:4]:>5}" for v in VERDICTS) + "  defects"]
    for label, c in sorted(
        counts.items(), key=lambda kv: -(kv[1]["TRIVIAL"] + kv[1]["BROKEN"]) / sum(kv[1].values())
    ):
        n = sum(c.values())
        shares = " ".join(f"{100 * c[v] / n:4.0f}%" for v in VERDICTS)
        top = ", ".join(f"{d} {k}" for d, k in defects[label].most_common(4))
        lines.append(f"{label[:44]:44} {n:4} {shares}  {top}")
    return "\n".join(lines)


def fates(rows: list[tuple[Judged, str, dict[str, Any] | None]]) -> str:
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for j, fate, _now in rows:
        by[fate][j.verdict] += 1
    return "\n".join(
        f"{fate:9} " + " ".join(f"{v} {c[v]}" for v in VERDICTS) for fate, c in sorted(by.items())
    )


def record(blind: Path, rows: list[tuple[Judged, str, dict[str, Any] | None]]) -> dict[str, Any]:
    """Each verdict's card as made today (its exact key, or None when gone) and the
    number of cards of each judged article today."""
    articles = sorted({(j.set_name, j.article) for j, _f, _n in rows})
    return {
        "made": [
            [j.deck, j.article, j.index, j.verdict, exact_key(now) if now else None]
            for j, _fate, now in rows
        ],
        "cards": {f"{s}/{a}": len(made_now(blind, s, a)) for s, a in articles},
    }


def against(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What changed between two records: verdicts whose card is gone or reworded, and
    the mean cards per judged article."""
    was = {tuple(r[:3]): r for r in before["made"]}
    change: dict[str, Counter[str]] = defaultdict(Counter)
    for row in after["made"]:
        old = was.get(tuple(row[:3]))
        if old is None or old[4] == row[4]:
            continue
        fate = "made again" if old[4] is None else ("dropped" if row[4] is None else "reworded")
        change[fate][row[3]] += 1
    lines = [
        f"{fate:10} " + " ".join(f"{v} {c[v]}" for v in VERDICTS)
        for fate, c in sorted(change.items())
    ] or ["no judged card changed"]
    for name, rec in (("before", before), ("after", after)):
        counts = rec["cards"]
        mean = sum(counts.values()) / len(counts) if counts else 0.0
        lines.append(f"cards per judged article {name}: {mean:.2f} ({len(counts)} articles)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("blind", type=Path)
    parser.add_argument("--by", choices=("rule", "function", "both"), default="rule")
    parser.add_argument(
        "--sets", default="set7,set8,set9,set10", help="the judged sets to read (comma-separated)"
    )
    parser.add_argument("--decks", default="", help="comma-separated deck folders to keep")
    parser.add_argument("--changed", action="store_true", help="list judged cards not made today")
    parser.add_argument("--save", type=Path, help="record today's cards to compare later")
    parser.add_argument("--against", type=Path, help="a record --save wrote: what changed")
    args = parser.parse_args()
    rows = join(args.blind, frozenset(args.sets.split(",")))
    if args.decks:
        keep = set(args.decks.split(","))
        rows = [r for r in rows if r[0].deck in keep]
    if args.save or args.against:
        today = record(args.blind, rows)
        if args.save:
            args.save.write_text(json.dumps(today, ensure_ascii=False), encoding="utf-8")
        if args.against:
            print(against(json.loads(args.against.read_text(encoding="utf-8")), today))
        return
    print(f"{len(rows)} verdicts")
    print(fates(rows))
    print(table(rows, args.by))
    if args.changed:
        for j, fate, now in rows:
            if fate != "same":
                seen = j.card.get("text") or j.card.get("prompt")
                print(f"{fate:9} {j.verdict:8} {j.card.get('rule')} {seen}")
                if now is not None:
                    print(f"{'':18} now {now.get('text') or now.get('prompt')}")


if __name__ == "__main__":
    main()
