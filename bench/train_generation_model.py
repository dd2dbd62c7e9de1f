"""Train the generator's learned model (key terms, 金句) and cross-validate it.

    python -m bench.train_generation_model           # train on every set, write the weights
    python -m bench.train_generation_model --cv      # leave-one-set-out table (Markdown)
    python -m bench.train_generation_model --with-terms  # ship the key-term model too
    python -m bench.train_generation_model --output /tmp/model.json  # write elsewhere

The labelled articles are ``tests/data/articles`` (our own), ``tests/data/heldout``
to ``heldout11`` and the seed: each folder is one set. ``heldout12`` and ``heldout13``
are kept out: they check the generator on articles its rules were not written on. A candidate term is positive
when a cloze blanking it would count for a gold key term (equal to it, or holding
it with at most four more characters); a sentence is positive when it carries a
gold 金句. Both models are logistic regressions over standardised features
(:mod:`trainer.generation.detect.learned`), fitted by Adam on the log loss with a small L2
penalty, in pure Python, deterministic. ``--cv`` trains without each set in turn
and scores the whole generator on that set with that model, against the rules
alone on the same articles. The weights written are the 金句 model's only, unless
``--with-terms``: under cross-validation the key-term model matched the rules
without beating them, so the generator keeps the rules' blanks.
"""

from __future__ import annotations

import json
import math
import random
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = ["articles", "heldout", *(f"heldout{n}" for n in range(2, 12))]
SEED = ROOT / "decks" / "zhibo-daihuo.txt"
SEED_GOLD = DATA / "gold" / "zhibo-daihuo.json"
OUT = ROOT / "trainer" / "generation" / "data" / "model.json"
_EPOCHS = 6
_RATE = 0.02
_L2 = 1e-4
_SEED = 7

Row = tuple[list[float], int]


def corpus() -> list[tuple[str, Path, Path]]:
    """(set, article, gold) for every labelled article."""
    out = []
    for name in SETS:
        folder = DATA / name
        for p in sorted(folder.iterdir()):
            if p.suffix in {".txt", ".md", ".html"} and p.with_suffix(".json").exists():
                out.append((name, p, p.with_suffix(".json")))
    if SEED.exists():
        out.append(("seed", SEED, SEED_GOLD))
    return out


sys.path.insert(0, str(ROOT / "tests" / "generation"))


def _norm(s: str) -> str:
    from gen_scoring import norm

    return norm(s)


def _label(terms: list[str], word: str) -> int | None:
    """1 when ``word`` is a gold term, 0 when it is none and holds none (a blank on it
    would not count), None when it holds one with more around it (left out: a blank
    there counts, but it is not what a tutor would blank)."""
    d = _norm(word)
    normed = [_norm(t) for t in terms]
    if d in normed:
        return 1
    if any(t and t in d for t in normed):
        return None
    return 0


def _carries(gold: str, sentence: str) -> bool:
    from gen_scoring import dice

    g, s = _norm(gold), _norm(sentence)
    if not g or not s:
        return False
    return g in s or dice(g, s) >= 0.8 or (s in g and 2 * len(s) >= len(g))


def extract(path: Path, gold: dict[str, Any]) -> tuple[list[Row], list[Row]]:
    """Term and sentence rows of one article, computed as ``generate`` computes them."""
    from trainer.generation.classify.functions import classify
    from trainer.generation.detect import learned
    from trainer.generation.detect.keyterms import rank_terms, topic_words
    from trainer.generation.memo import one_article
    from trainer.generation.read.reader import read_article, without_series_prefix
    from trainer.generation.split.structure import outline
    from trainer.generation.split.words import tokens
    from trainer.generation.text import fold

    article = read_article(str(path))
    with one_article():
        folded = fold(article.text)
        doc = outline(folded, fold(article.title.strip()))
        doc = replace(doc, title=without_series_prefix(doc.title))
        sentences = [s for sec in doc.sections for p in sec.paragraphs for s in p.sentences]
        token_lists = [[w for w, _ in tokens(s.text)] for s in sentences]
        headings = " ".join([doc.title, *(sec.heading for sec in doc.sections)])
        paragraphs = [p.span.text for sec in doc.sections for p in sec.paragraphs]
        content = "\n".join([headings, *paragraphs])
        topic = topic_words(token_lists, paragraphs, doc.title)
        ranked = rank_terms(token_lists, content, headings, topic)
        openings = "\n".join(
            p.sentences[0].text for sec in doc.sections for p in sec.paragraphs if p.sentences
        )
        ctx = learned.TermContext(content, doc.title, headings, paragraphs, openings, topic, ranked)
        terms = []
        for c in learned.term_candidates(token_lists, ranked):
            label = _label(gold["key_terms"], c.word)
            if label is not None and learned.allowed(c, ctx):
                terms.append((learned.term_features(c, ctx), label))
        functions = classify(doc)
        golden = [
            (
                learned.golden_features(folded, s, **kw),
                int(any(_carries(g, s.text) for g in gold["golden_sentences"])),
            )
            for s, kw in learned.golden_rows(folded, doc, functions)
        ]
    return terms, golden


def fit(rows: list[Row], names: tuple[str, ...], rules_col: int | None = None) -> Any:
    """A logistic regression on ``rows``; its threshold maximises F1 on them (among
    rows where column ``rules_col`` is 0, if given: the cases the rules leave open)."""
    from trainer.generation.detect.learned import Model

    d = len(names)
    n = len(rows)
    mean = [sum(x[j] for x, _ in rows) / n for j in range(d)]
    scale = [math.sqrt(sum((x[j] - mean[j]) ** 2 for x, _ in rows) / n) or 1.0 for j in range(d)]
    data = [([(x[j] - mean[j]) / scale[j] for j in range(d)], y) for x, y in rows]
    w = [0.0] * d
    b = 0.0
    m = [0.0] * (d + 1)
    v = [0.0] * (d + 1)
    rng = random.Random(_SEED)
    step = 0
    for _ in range(_EPOCHS):
        rng.shuffle(data)
        for x, y in data:
            step += 1
            z = b + sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))
            g = p - y
            grads = [g * xi + _L2 * wi for xi, wi in zip(x, w, strict=True)]
            grads.append(g)
            c1 = 1 - 0.9**step
            c2 = 1 - 0.999**step
            for j in range(d + 1):
                m[j] = 0.9 * m[j] + 0.1 * grads[j]
                v[j] = 0.999 * v[j] + 0.001 * grads[j] ** 2
                delta = _RATE * (m[j] / c1) / (math.sqrt(v[j] / c2) + 1e-8)
                if j < d:
                    w[j] -= delta
                else:
                    b -= delta
    model = Model(names, tuple(mean), tuple(scale), tuple(w), b, 0.5)
    pool = [(model.prob(x), y) for x, y in rows if rules_col is None or x[rules_col] == 0]
    threshold = _best_threshold(pool)
    return replace(model, threshold=threshold)


def _best_threshold(pool: list[tuple[float, int]]) -> float:
    best, best_f = 0.5, -1.0
    positives = sum(y for _, y in pool)
    for k in range(5, 96, 5):
        t = k / 100
        tp = sum(1 for p, y in pool if p >= t and y)
        fp = sum(1 for p, y in pool if p >= t and not y)
        f = 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0
        if f > best_f:
            best, best_f = t, f
    return best


def train(features: dict[str, tuple[str, list[Row], list[Row]]], leave: str | None) -> Any:
    from trainer.generation.detect import learned

    terms = [r for s, t, _g in features.values() if s != leave for r in t]
    golden = [r for s, _t, g in features.values() if s != leave for r in g]
    rule_any = learned.GOLDEN_FEATURES.index("rule_any")
    return {
        "terms": fit(terms, learned.TERM_FEATURES),
        "golden": fit(golden, learned.GOLDEN_FEATURES, rule_any),
    }


def all_features() -> tuple[
    list[tuple[str, Path, Path]], dict[str, tuple[str, list[Row], list[Row]]]
]:
    items = corpus()
    out = {}
    for name, path, gold in items:
        terms, golden = extract(path, json.loads(gold.read_text(encoding="utf-8")))
        out[str(path)] = (name, terms, golden)
    return items, out


def _figures(path: Path, gold: Path) -> dict[str, Any]:
    from test_gen_heldout import cards_json, score

    return score(json.loads(gold.read_text(encoding="utf-8")), cards_json(path))  # type: ignore[no-any-return]


_CONFIGS = ("rules", "shipped", "both")
"""The rules alone; the 金句 model (what ships); the 金句 and key-term models."""


def cross_validate() -> str:
    """The Markdown table: per held-out set, the mean figures of the whole generator
    with the rules alone and with the models trained without that set."""
    from trainer.generation.detect import learned

    items, features = all_features()
    rows: list[tuple[str, int, dict[str, list[float]]]] = []
    for name in [*SETS, "seed"]:
        members = [(p, g) for s, p, g in items if s == name]
        if not members:
            continue
        models = train(features, name)
        uses = {"rules": None, "shipped": {"golden": models["golden"]}, "both": models}
        sums = {c: [0.0, 0.0, 0.0] for c in _CONFIGS}
        for path, gold in members:
            for config in _CONFIGS:
                learned.set_model(uses[config])
                got = _figures(path, gold)
                for j, key in enumerate(("key_term_recall", "golden_recall", "cards")):
                    sums[config][j] += float(got[key])
        learned.set_model(None, reset=True)
        rows.append((name, len(members), sums))
        print(name, len(members), sums, file=sys.stderr)
    lines = [
        "| held-out set | articles | key terms: rules | 金句 model | both models"
        " | 金句: rules | 金句 model | both models | cards: rules | 金句 model |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    n = sum(k for _, k, _ in rows)
    total = {c: [sum(r[2][c][j] for r in rows) for j in range(3)] for c in _CONFIGS}
    for name, k, sums in [*rows, (f"all ({n} articles)", n, total)]:
        r, g, b = sums["rules"], sums["shipped"], sums["both"]
        lines.append(
            f"| {name} | {k} | {r[0] / k:.3f} | {g[0] / k:.3f} | {b[0] / k:.3f}"
            f" | {r[1] / k:.3f} | {g[1] / k:.3f} | {b[1] / k:.3f}"
            f" | {r[2] / k:.1f} | {g[2] / k:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Train, or with ``--cv`` cross-validate; options are parsed before any work, so
    ``--help`` or a mistyped option never starts a training run or writes the model."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m bench.train_generation_model",
        description="Train the generator's learned model (key terms, 金句) and cross-validate it.",
    )
    parser.add_argument(
        "--cv", action="store_true", help="print the leave-one-set-out table instead of training"
    )
    parser.add_argument(
        "--with-terms", action="store_true", help="ship the key-term model too (not only 金句)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=OUT,
        help=f"where to write the weights (default: {OUT.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)
    if args.cv:
        print(cross_validate())
        return 0
    _items, features = all_features()
    models = train(features, None)
    if not args.with_terms:
        # Under cross-validation the key-term model only matches the rules (see
        # docs/make.md): the generator keeps the rules' blanks and saves its time.
        del models["terms"]
    args.output.write_text(
        json.dumps({k: m.to_json() for k, m in models.items()}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
