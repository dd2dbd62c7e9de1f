"""The grader measured honestly: leave one labelled set out, train on the rest.

Run as ``python -m bench.grading_loso`` (``--write`` also trains the point
model on all the sets and writes ``trainer/services/grading/data/
points-model.txt``). For each set in ``tests/data/typed`` the learned point
model (:mod:`trainer.services.grading.learned`) is trained on the other sets
only and scored on the one left out: per-point agreement with the tutor,
Cohen's kappa, rating equal, rating within one. Beside it: the rules alone
(tuned on every set, so their figures on each set flatter them) and the
rules' first-contact figures from ``baseline.json`` (the grader run once on
the set before anything used it), the honest figure for the rules.

The model is a multinomial logistic regression, L2-regularised, fitted by
gradient descent on standardised features (with numpy, a bench dependency;
``--pure`` does the same sample by sample in pure Python, the reference); the
weights are written with the standardisation folded in.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.tutor_agreement import KEYS
from bench.tutor_agreement import figures as agreement
from trainer.services.grading import learned, point_features

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "typed"
MODEL_PATH = ROOT / "trainer" / "services" / "grading" / "data" / learned.MODEL_FILE
SETS = (
    "tutor-train",
    "typed-fresh",
    "typed-fresh2",
    "typed-fresh3",
    "typed-fresh4",
    "typed-own",
    "typed-own2",
    "typed-fresh5",
    "typed-fresh6",
    "typed-fresh7",
    "typed-fresh8",
    "typed-fresh9",
    "typed-fresh10",
    "typed-fresh11",
    "typed-fresh12",
    "typed-fresh13",
    "typed-fresh14",
    "typed-fresh15",
    "typed-fresh16",
    "typed-fresh17",
    "typed-fresh18",
    "typed-fresh19",
    "typed-fresh20",
    "typed-fresh21",
    "typed-fresh22",
)
VERDICT = {"missed": 0, "partial": 1, "hit": 2}
L2 = 0.01
"""Weight decay of the regression (on standardised features)."""
STEPS = 400
RATE = 0.5


@dataclass
class Sample:
    set: str
    features: list[float]
    label: int


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    return data


def samples(name: str) -> list[Sample]:
    data = load(name)
    cards = {c["id"]: c for c in data["cards"]}
    out = []
    for answer in data["answers"]:
        card = cards[answer["card"]]
        rows = point_features(card["points"], answer["typed"], card["prompt"])
        for row, verdict in zip(rows, answer["verdicts"], strict=True):
            out.append(Sample(name, row, VERDICT[verdict]))
    return out


def train(data: list[Sample], *, balance: bool = True) -> learned.Model:
    """Multinomial logistic regression; each set weighs the same when ``balance``.

    The same descent as :func:`train_pure` (same steps, rate, momentum and
    decay), done on arrays; the weights match it to rounding.
    """
    import numpy as np  # a bench dependency only: the trainer never imports it

    k = len(learned.MARKS)
    n = len(data)
    raw = np.array([s.features for s in data], dtype=np.float64)
    d = raw.shape[1]
    mean = raw.mean(axis=0)
    std = np.sqrt(((raw - mean) ** 2).mean(axis=0))
    std[std == 0.0] = 1.0
    mean[0], std[0] = 0.0, 1.0  # the bias stays 1
    xs = (raw - mean) / std
    per_set = Counter(s.set for s in data)
    weight = np.array([(n / len(per_set) / per_set[s.set]) if balance else 1.0 for s in data])
    onehot = np.zeros((n, k))
    onehot[np.arange(n), [s.label for s in data]] = 1.0
    decay = np.ones((d, 1))
    decay[0] = 0.0  # the bias is not decayed
    w = np.zeros((d, k))
    velocity = np.zeros((d, k))
    for _ in range(STEPS):
        z = xs @ w
        e = np.exp(z - z.max(axis=1, keepdims=True))
        g = weight[:, None] * (e / e.sum(axis=1, keepdims=True) - onehot)
        grad = xs.T @ g / n + L2 * w * decay
        velocity = 0.9 * velocity - RATE * grad
        w = w + velocity
    # Fold the standardisation into the weights: w·(x-m)/s = (w/s)·x - w·m/s.
    folded = w / std[:, None]
    folded[0] = w[0] - (w[1:] * (mean[1:] / std[1:])[:, None]).sum(axis=0)
    return learned.Model(tuple(tuple(float(v) for v in row) for row in folded))


def train_pure(data: list[Sample], *, balance: bool = True) -> learned.Model:
    """:func:`train` in pure Python, sample by sample (the reference it must match)."""
    k = len(learned.MARKS)
    d = len(data[0].features)
    n = len(data)
    mean = [sum(s.features[j] for s in data) / n for j in range(d)]
    std = [
        math.sqrt(sum((s.features[j] - mean[j]) ** 2 for s in data) / n) or 1.0 for j in range(d)
    ]
    mean[0], std[0] = 0.0, 1.0  # the bias stays 1
    xs = [[(s.features[j] - mean[j]) / std[j] for j in range(d)] for s in data]
    per_set = Counter(s.set for s in data)
    weight = [
        (n / len(per_set) / per_set[s.set]) if balance else 1.0 for s in data
    ]  # mean weight 1
    w = [[0.0] * k for _ in range(d)]
    velocity = [[0.0] * k for _ in range(d)]
    for _ in range(STEPS):
        grad = [[0.0] * k for _ in range(d)]
        for x, s, sw in zip(xs, data, weight, strict=True):
            z = [sum(x[j] * w[j][c] for j in range(d)) for c in range(k)]
            top = max(z)
            e = [math.exp(v - top) for v in z]
            total = sum(e)
            for c in range(k):
                g = sw * (e[c] / total - (1.0 if c == s.label else 0.0))
                if g:
                    for j in range(d):
                        grad[j][c] += g * x[j]
        for j in range(d):
            for c in range(k):
                g = grad[j][c] / n + (L2 * w[j][c] if j else 0.0)
                velocity[j][c] = 0.9 * velocity[j][c] - RATE * g
                w[j][c] += velocity[j][c]
    # Fold the standardisation into the weights: w·(x-m)/s = (w/s)·x - w·m/s.
    folded = [[w[j][c] / std[j] for c in range(k)] for j in range(d)]
    for c in range(k):
        folded[0][c] = w[0][c] - sum(w[j][c] * mean[j] / std[j] for j in range(1, d))
    return learned.Model(tuple(tuple(row) for row in folded))


def figures(name: str, model: learned.Model | None) -> dict[str, float]:
    """The grader's figures on a set, with ``model`` (None: the rules alone)."""
    with learned.using(model):
        return agreement(load(name))


def _row(figs: dict[str, float] | None) -> str:
    if not figs:
        return " ".join(f"{'-':>6}" for _ in KEYS)
    return " ".join(f"{figs[k]:6.3f}" for k in KEYS)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="train on all sets, write the model")
    parser.add_argument("--only", nargs="*", default=list(SETS), help="sets to hold out")
    parser.add_argument(
        "--pure", action="store_true", help="train in pure Python, sample by sample (slow)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where --write writes")
    args = parser.parse_args(argv)
    fit = train_pure if args.pure else train
    baseline = json.loads((DATA / "baseline.json").read_text("utf-8"))["sets"]
    every = {name: samples(name) for name in SETS}
    print(
        f"{'set':13} | {'first contact (rules, blind)':27} | {'rules now (tuned on all)':27} "
        f"| {'model, set left out':27}"
    )
    print(f"{'':13} | " + " | ".join(" ".join(f"{k[:6]:>6}" for k in KEYS) for _ in range(3)))
    totals: dict[str, list[dict[str, float]]] = {"rules": [], "loso": []}
    for name in args.only:
        rest = [s for other in SETS if other != name for s in every[other]]
        model = fit(rest)
        held = figures(name, model)
        rules = figures(name, None)
        totals["rules"].append(rules)
        totals["loso"].append(held)
        first = baseline.get(name, {}).get("first_contact")
        print(f"{name:13} | {_row(first)} | {_row(rules)} | {_row(held)}", flush=True)
    for label, rows in totals.items():
        if rows:
            mean = {k: sum(r[k] for r in rows) / len(rows) for k in KEYS}
            print(f"mean {label:8} | {_row(mean)}")
    if args.write:
        model = fit([s for name in SETS for s in every[name]])
        header = (
            "The learned point model of the grader (trainer/services/grading/learned.py):\n"
            "a multinomial logistic regression over the features named below, trained on\n"
            f"all tutor-labelled sets in tests/data/typed ({', '.join(SETS)})\n"
            "by `python -m bench.grading_loso --write`. Do not edit by hand."
        )
        args.out.write_text(learned.dump(model, header), "utf-8")
        print(f"written {args.out}")
        for name in SETS:
            print(f"{name:13} all sets: {_row(figures(name, model))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
