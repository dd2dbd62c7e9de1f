"""Blind judges' verdicts on whole decks, set against the decks the generator makes today.

From the sixteenth round on, blind tutors judged every card of each unseen article's
deck as a reader sees it (``<slug>.<version>.deck.txt``, no rule names) and wrote a
verdict per card (``<slug>.<version>.judge.json``: GOOD, FIXABLE, TRIVIAL, BROKEN
and RUBRIC.md's defect classes). Those files are kept in ``tests/data/judged/<set>/``
beside the labelled articles of ``tests/data/<set>/``.

This re-makes each judged article with today's generator and finds each judged card
among today's cards by what the learner sees (a cloze's text; a list's or Q&A's
prompt and answer), so a change can be weighed by the verdicts of the cards it
drops or rewords: a change that drops TRIVIAL and BROKEN cards and keeps the GOOD
ones is the one to keep.

    python -m bench.judged_cards                      # fates of judged cards today
    python -m bench.judged_cards --save before.json   # on the old code
    python -m bench.judged_cards --against before.json  # on the new code
    python -m bench.judged_cards --changed            # each judged card not made today
    python -m bench.judged_cards --rules              # verdicts per rule of today's cards

A card is ``same`` when today's deck holds it as judged, ``reworded`` when today's
deck asks about the same sentence (a cloze) or prompt (a list or Q&A) in other
words, ``gone`` otherwise. Two judges of one deck (``main`` and ``round``) count
separately.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
JUDGED = DATA / "judged"
VERDICTS = ("GOOD", "FIXABLE", "TRIVIAL", "BROKEN")
_CARD = re.compile(r"^## card (\d+) \((\w+)\) tags: ?(.*)$", re.M)
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")


@dataclass(frozen=True)
class Seen:
    """One card as the judge read it."""

    kind: str
    text: str  # a cloze's text, else the prompt
    answer: str  # a list's or Q&A's back, else ""


@dataclass(frozen=True)
class Verdict:
    set_name: str
    article: str
    version: str
    index: int
    card: Seen
    verdict: str
    defects: tuple[str, ...]
    note: str


def read_deck(text: str) -> list[Seen]:
    """The cards of a rendered deck, in order (``## card N (kind) tags: …`` blocks)."""
    heads = list(_CARD.finditer(text))
    cards: list[Seen] = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        body = text[head.end() + 1 : end].rstrip("\n")
        if head.group(2) == "cloze":
            cards.append(Seen("cloze", body.removeprefix("text: "), ""))
        else:
            front, _, back = body.partition("\nback:\n")
            cards.append(Seen(head.group(2), front.removeprefix("front: "), back))
    return cards


def verdicts(sets: list[str]) -> list[Verdict]:
    out: list[Verdict] = []
    for set_name in sets:
        for judge in sorted((JUDGED / set_name).glob("*.judge.json")):
            article, version = judge.name[: -len(".judge.json")].rsplit(".", 1)
            deck = read_deck((judge.parent / f"{article}.{version}.deck.txt").read_text("utf-8"))
            rows = json.loads(judge.read_text("utf-8"))["cards"]
            for row in rows:
                out.append(
                    Verdict(
                        set_name,
                        article,
                        version,
                        row["card"],
                        deck[row["card"]],
                        row["verdict"],
                        tuple(row.get("defects") or ()),
                        row.get("note", ""),
                    )
                )
    return out


def made_now(set_name: str, article: str) -> list[Seen]:
    """Today's deck of a judged article, read as the judge would see it."""
    from trainer.formats.cards_json import made as to_json
    from trainer.generation import generate
    from trainer.generation.read.reader import read_article

    gold = json.loads((DATA / set_name / f"{article}.json").read_text("utf-8"))
    path = DATA / set_name / gold["article"]
    cards = to_json(generate(read_article(str(path)), path.stem))["cards"]
    return [
        Seen("cloze", c["text"], "")
        if c["kind"] == "cloze"
        else Seen(c["kind"], c["prompt"], c["answer"])
        for c in cards
    ]


def rules_now(set_name: str, article: str) -> dict[Seen, tuple[str, str]]:
    """Today's cards of a judged article, each with its rule and its sentence's function."""
    from trainer.formats.cards_json import made as to_json
    from trainer.generation import generate
    from trainer.generation.read.reader import read_article

    gold = json.loads((DATA / set_name / f"{article}.json").read_text("utf-8"))
    path = DATA / set_name / gold["article"]
    out: dict[Seen, tuple[str, str]] = {}
    for c in to_json(generate(read_article(str(path)), path.stem))["cards"]:
        seen = (
            Seen("cloze", c["text"], "")
            if c["kind"] == "cloze"
            else Seen(c["kind"], c["prompt"], c["answer"])
        )
        out[seen] = (c["rule"], c["function"] or "-")
    return out


_DEFECTS = ("LOW", "STAT", "TAG")


def by_rule(rows: list[Verdict]) -> str:
    """Verdicts of the judged cards still made as judged, per rule of today's card; a
    TRIVIAL card counted under its first defect of LOW, STAT, TAG (else ``other``)."""
    made: dict[tuple[str, str], dict[Seen, tuple[str, str]]] = {}
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for v in rows:
        key = (v.set_name, v.article)
        if key not in made:
            made[key] = rules_now(*key)
        if v.card not in made[key]:
            continue
        rule = made[key][v.card][0]
        table[rule][v.verdict] += 1
        if v.verdict == "TRIVIAL":
            defect = next((d for d in _DEFECTS if d in v.defects), "other")
            table[rule]["T-" + defect] += 1
    head = f"{'rule':28} GOOD FIXABLE TRIVIAL BROKEN | T-LOW T-STAT T-TAG T-other"
    lines = [head]
    for rule, c in sorted(table.items(), key=lambda kv: (-kv[1]["TRIVIAL"], kv[0])):
        lines.append(
            f"{rule:28} {c['GOOD']:4} {c['FIXABLE']:7} {c['TRIVIAL']:7} {c['BROKEN']:6} |"
            f" {c['T-LOW']:5} {c['T-STAT']:6} {c['T-TAG']:5} {c['T-other']:7}"
        )
    return "\n".join(lines)


def _span(card: Seen) -> str:
    return _CLOZE.sub(lambda m: m.group(1), card.text) if card.kind == "cloze" else card.text


def fates(rows: list[Verdict]) -> tuple[list[tuple[Verdict, str, Seen | None]], dict[str, int]]:
    """Each verdict with its card's fate today, and today's card count per article."""
    today: dict[tuple[str, str], list[Seen]] = {}
    out: list[tuple[Verdict, str, Seen | None]] = []
    for v in rows:
        key = (v.set_name, v.article)
        if key not in today:
            today[key] = made_now(*key)
        now = today[key]
        spans = {_span(c): c for c in now}
        if v.card in now:
            out.append((v, "same", v.card))
        elif _span(v.card) in spans:
            out.append((v, "reworded", spans[_span(v.card)]))
        else:
            out.append((v, "gone", None))
    return out, {f"{s}/{a}": len(c) for (s, a), c in today.items()}


def summary(rows: list[tuple[Verdict, str, Seen | None]], counts: dict[str, int]) -> str:
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for v, fate, _now in rows:
        by[fate][v.verdict] += 1
    lines = [f"{len(rows)} verdicts on {len(counts)} articles"]
    for fate in ("same", "reworded", "gone"):
        c = by[fate]
        lines.append(f"{fate:9} {sum(c.values()):4}  " + " ".join(f"{v} {c[v]}" for v in VERDICTS))
    kept = by["same"]
    n = sum(kept.values())
    if n:
        lines.append(
            "judged cards still made as judged: "
            + " ".join(f"{v} {100 * kept[v] / n:.0f}%" for v in VERDICTS)
        )
    mean = sum(counts.values()) / len(counts) if counts else 0.0
    lines.append(f"cards per judged article today: {mean:.2f}")
    return "\n".join(lines)


def record(rows: list[tuple[Verdict, str, Seen | None]], counts: dict[str, int]) -> dict[str, Any]:
    return {
        "made": [
            [v.set_name, v.article, v.version, v.index, v.verdict, fate] for v, fate, _now in rows
        ],
        "cards": counts,
    }


def against(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Judged cards whose fate a change altered, by verdict, and the deck sizes."""
    was = {tuple(r[:4]): r[5] for r in before["made"]}
    change: dict[str, Counter[str]] = defaultdict(Counter)
    for row in after["made"]:
        old = was.get(tuple(row[:4]))
        if old is None or old == row[5]:
            continue
        change[f"{old} -> {row[5]}"][row[4]] += 1
    lines = [
        f"{fate:20} " + " ".join(f"{v} {c[v]}" for v in VERDICTS)
        for fate, c in sorted(change.items())
    ] or ["no judged card changed fate"]
    for name, rec in (("before", before), ("after", after)):
        counts = rec["cards"]
        mean = sum(counts.values()) / len(counts) if counts else 0.0
        lines.append(f"cards per judged article {name}: {mean:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets",
        default=",".join(sorted(p.name for p in JUDGED.iterdir() if p.is_dir())),
        help="judged sets to read (comma-separated folder names under tests/data/judged)",
    )
    parser.add_argument("--changed", action="store_true", help="list judged cards not made today")
    parser.add_argument("--save", type=Path, help="record today's fates to compare later")
    parser.add_argument("--against", type=Path, help="a record --save wrote: what changed")
    parser.add_argument(
        "--rules", action="store_true", help="verdicts per rule of the cards still made"
    )
    args = parser.parse_args()
    if args.rules:
        print(by_rule(verdicts(args.sets.split(","))))
        return
    rows, counts = fates(verdicts(args.sets.split(",")))
    if args.save:
        args.save.write_text(json.dumps(record(rows, counts), ensure_ascii=False), "utf-8")
    if args.against:
        print(against(json.loads(args.against.read_text("utf-8")), record(rows, counts)))
        return
    print(summary(rows, counts))
    if args.changed:
        for v, fate, now in rows:
            if fate != "same":
                print(f"{fate:9} {v.verdict:8} {v.set_name}/{v.article} {v.card.text[:80]}")
                if now is not None:
                    print(f"{'':18} now {now.text[:80]}")


if __name__ == "__main__":
    main()
