"""Could a small model trained on the blind judges' verdicts drop TRIVIAL and BROKEN cards?

Each judged card still made today (:mod:`bench.judged_cards`, fate ``same``) is
described by what it has at generation time: its rule, its sentence's function, the
kind of card, lengths, blanks, digits and figures, dates, quotes, position in the
article, list size, the article's length and layout. Never the article's text or
slug. A logistic regression (numpy, standardised features, L2) is fitted on the
verdicts: positive = TRIVIAL or BROKEN, negative = GOOD or FIXABLE.

It is scored leave-one-SET-out (train on the other judged sets, score the held
one), since the generator's real test is first contact with an unseen set. For
each threshold the table gives, held out, the TRIVIAL+BROKEN cards that would be
dropped against the GOOD and FIXABLE ones.

    python -m bench.card_keep                # held-out table (Markdown) and weights
    python -m bench.card_keep --thresholds 0.4,0.5,0.6
    python -m bench.card_keep --save /tmp/rows.json   # the feature rows, to refit fast
    python -m bench.card_keep --rows /tmp/rows.json   # refit from saved rows

Findings of the twenty-first round: ``bench/card_keep.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from bench.judged_cards import DATA, JUDGED, Seen, verdicts

_BLANK = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
_DIGIT = re.compile(r"[0-9０-９]")
_FIGURE = re.compile(
    r"[0-9０-９.．%％]+|[一二三四五六七八九十百千万亿]+(?:万|亿|%|倍|个|家|项|人|元)"
)
_YEAR = re.compile(r"[0-9０-９]{4}年|[0-9０-９]{1,2}月")
_CJK = re.compile(r"[\u4e00-\u9fff]")

RULE_GROUPS = (
    "cloze.term",
    "cloze.series",
    "list.inline",
    "cloze.golden.point",
    "cloze.golden.model",
    "cloze.golden.saying",
    "cloze.golden.aphorism",
    "cloze.golden.pattern",
    "cloze.golden.other",
    "cloze.other",
    "list.other",
    "other",
)
FUNCTIONS = (
    "论点",
    "分论点",
    "对策",
    "问题",
    "原因",
    "危害",
    "意义",
    "论据",
    "背景",
    "过渡",
    "金句",
)


def rule_group(rule: str) -> str:
    if rule in RULE_GROUPS:
        return rule
    if rule.startswith("cloze.golden."):
        return "cloze.golden.other"
    if rule.startswith("cloze."):
        return "cloze.other"
    if rule.startswith("list."):
        return "list.other"
    return "other"


def features(card: dict[str, Any], article_chars: int, sections: int) -> dict[str, float]:
    """What one card of ``trainer make --json`` has at generation time."""
    f: dict[str, float] = {}
    group = rule_group(card["rule"])
    for g in RULE_GROUPS:
        f["rule=" + g] = float(group == g)
    function = card["function"] or "-"
    for name in FUNCTIONS:
        f["fn=" + name] = float(function == name)
    is_cloze = card["kind"] == "cloze"
    text = card["text"] if is_cloze else card["prompt"] + card["answer"]
    span = _BLANK.sub(lambda m: m.group(1), text)
    blanks = _BLANK.findall(text) if is_cloze else list(card["items"])
    chars = max(1, len(_CJK.findall(span)))
    blank_chars = sum(len(b) for b in blanks)
    f["log_len"] = math.log(chars)
    f["n_blanks"] = float(len(blanks))
    f["min_blank"] = float(min((len(b) for b in blanks), default=0))
    f["mean_blank"] = blank_chars / len(blanks) if blanks else 0.0
    f["blank_share"] = min(1.0, blank_chars / chars)
    f["digits_span"] = float(bool(_DIGIT.search(span)))
    f["digits_blank"] = float(any(_DIGIT.search(b) for b in blanks))
    f["figure_blank"] = float(any(_FIGURE.fullmatch(b.strip()) for b in blanks))
    f["date"] = float(bool(_YEAR.search(span)))
    f["quoted_blank"] = float(any("“" in b or "《" in b for b in blanks))
    f["quote_in_span"] = float("“" in span or "《" in span)
    start = card["source"]["start"]
    f["position"] = min(1.0, start / max(1, article_chars))
    f["log_article"] = math.log(max(1, article_chars))
    f["sections"] = math.log(1 + sections)
    f["n_tags"] = float(len(card["tags"]))
    return f


def _seen(c: dict[str, Any]) -> Seen:
    if c["kind"] == "cloze":
        return Seen("cloze", c["text"], "")
    return Seen(c["kind"], c["prompt"], c["answer"])


def collect(sets: list[str]) -> list[dict[str, Any]]:
    """One row per judged verdict whose card today's generator still makes as judged."""
    from trainer.formats.cards_json import made as to_json
    from trainer.generation import generate
    from trainer.generation.read.reader import read_article

    today: dict[tuple[str, str], dict[Seen, dict[str, Any]]] = {}
    rows: list[dict[str, Any]] = []
    for v in verdicts(sets):
        key = (v.set_name, v.article)
        if key not in today:
            gold = json.loads((DATA / v.set_name / f"{v.article}.json").read_text("utf-8"))
            path = DATA / v.set_name / gold["article"]
            article = read_article(str(path))
            doc = to_json(generate(article, path.stem))
            chars = len(article.text)
            today[key] = {
                _seen(c): features(c, chars, len(doc["sections"])) | {"_rule": c["rule"]}
                for c in doc["cards"]
            }
        f = today[key].get(v.card)
        if f is None:
            continue
        rows.append(
            {
                "set": v.set_name,
                "article": v.article,
                "verdict": v.verdict,
                "rule": f["_rule"],
                "x": {k: val for k, val in f.items() if not k.startswith("_")},
            }
        )
    return rows


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Logistic regression on standardised ``x`` by Newton steps with an L2 penalty."""
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    _n, d = z.shape
    w = np.zeros(d)
    b = math.log(max(y.mean(), 1e-3) / max(1 - y.mean(), 1e-3))
    for _ in range(30):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        g_w = z.T @ (p - y) + l2 * w
        g_b = float(np.sum(p - y))
        s = p * (1 - p)
        h = np.zeros((d + 1, d + 1))
        h[:d, :d] = (z.T * s) @ z + l2 * np.eye(d)
        h[:d, d] = h[d, :d] = z.T @ s
        h[d, d] = s.sum() + 1e-9
        step = np.linalg.solve(h, np.concatenate([g_w, [g_b]]))
        w -= step[:d]
        b -= step[d]
    return w, b, mean, std


def predict(model: tuple[np.ndarray, float, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    w, b, mean, std = model
    return 1 / (1 + np.exp(-(((x - mean) / std) @ w + b)))


def matrix(rows: list[dict[str, Any]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["x"][k] for k in names] for r in rows], dtype=float)
    y = np.array([r["verdict"] in ("TRIVIAL", "BROKEN") for r in rows], dtype=float)
    return x, y


def loso(rows: list[dict[str, Any]], thresholds: list[float], l2: float) -> str:
    names = sorted(rows[0]["x"])
    sets = sorted({r["set"] for r in rows})
    table: dict[float, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    kept: dict[str, Counter[str]] = defaultdict(Counter)
    held_scores: list[tuple[float, str, str]] = []
    for held in sets:
        train = [r for r in rows if r["set"] != held]
        test = [r for r in rows if r["set"] == held]
        model = fit(*matrix(train, names), l2=l2)
        p = predict(model, matrix(test, names)[0])
        for r, score in zip(test, p, strict=True):
            kept[held][r["verdict"]] += 1
            held_scores.append((float(score), r["verdict"], r["rule"]))
            for t in thresholds:
                if score >= t:
                    table[t][held][r["verdict"]] += 1
    lines = [f"{len(rows)} verdicts on cards still made as judged; l2={l2}", ""]
    lines.append(
        "| held set | judged (G/F/T/B) | " + " | ".join(f"drop@{t}" for t in thresholds) + " |"
    )
    lines.append("|---|---|" + "---|" * len(thresholds))
    for held in [*sets, "all"]:
        base = sum(kept.values(), Counter()) if held == "all" else kept[held]
        cells = []
        for t in thresholds:
            c = sum(table[t].values(), Counter()) if held == "all" else table[t][held]
            cells.append(f"T{c['TRIVIAL']}+B{c['BROKEN']} vs G{c['GOOD']}/F{c['FIXABLE']}")
        lines.append(
            f"| {held} | {base['GOOD']}/{base['FIXABLE']}/{base['TRIVIAL']}/{base['BROKEN']} | "
            + " | ".join(cells)
            + " |"
        )
    held_scores.sort(reverse=True)
    lines.append("")
    lines.append("Held-out cards by score, best-first cumulative (T+B dropped per GOOD dropped):")
    tb = good = 0
    for i, (score, verdict, _rule) in enumerate(held_scores, 1):
        tb += verdict in ("TRIVIAL", "BROKEN")
        good += verdict == "GOOD"
        if i in (10, 20, 30, 50, 75, 100, 150, 200, 300):
            lines.append(
                f"  top {i:3} (score >= {score:.2f}): T+B {tb:3}  GOOD {good:3}  ratio {tb / max(good, 1):.2f}"
            )
    return "\n".join(lines)


def weights(rows: list[dict[str, Any]], l2: float) -> str:
    names = sorted(rows[0]["x"])
    w, b, _mean, _std = fit(*matrix(rows, names), l2=l2)
    order = sorted(range(len(names)), key=lambda k: -abs(w[k]))
    return "\n".join([f"bias {b:+.3f}"] + [f"{names[k]:24} {w[k]:+.3f}" for k in order])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets", default=",".join(sorted(p.name for p in JUDGED.iterdir() if p.is_dir()))
    )
    parser.add_argument("--thresholds", default="0.4,0.5,0.6,0.7")
    parser.add_argument("--l2", type=float, default=5.0)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--rows", type=Path)
    args = parser.parse_args()
    rows = json.loads(args.rows.read_text("utf-8")) if args.rows else collect(args.sets.split(","))
    if args.save:
        args.save.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    print(loso(rows, [float(t) for t in args.thresholds.split(",")], args.l2))
    print()
    print("weights (all sets, standardised features):")
    print(weights(rows, args.l2))


if __name__ == "__main__":
    main()
