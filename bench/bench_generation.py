"""Speed of ``trainer make``: warm in-process, cold whole process, 1 MB of articles.

``run()`` returns rows (scenario, measured, target, unit); ``python -m
bench.bench_generation`` prints them.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = ROOT / "decks" / "zhibo-daihuo.txt"
"""The bundled copy of the user's seed article, in every clone: a bench run from a
checkout with no ``shared`` folder beside it measures the seed all the same."""


def _seed() -> Path:
    return SEED


def _warm_ms() -> float:
    from trainer.domain.model import Article
    from trainer.generation import generate

    text = _seed().read_text(encoding="utf-8")
    generate(Article(text=text), "bench")  # load jieba once
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        generate(Article(text=text), "bench")
        runs.append(time.perf_counter() - t)
    return min(runs) * 1000


def _cold_s() -> float:
    """Best of three whole ``trainer make`` processes, after one that fills the per-user
    caches (jieba's dictionary in parts) as a user's first run does.

    The package's modules are byte-compiled first, as installing it does: in an
    environment with ``PYTHONDONTWRITEBYTECODE`` set, an editable install would
    otherwise compile every module from source in every process (~0.1 s of CPU no
    installed copy pays)."""
    import compileall

    compileall.compile_dir(str(ROOT / "trainer"), quiet=1)
    trainer = Path(sys.executable).with_name("trainer")
    cmd = [str(trainer)] if trainer.exists() else [sys.executable, "-m", "trainer"]
    subprocess.run([*cmd, "make", str(_seed()), "--json"], check=True, stdout=subprocess.DEVNULL)
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(
            [*cmd, "make", str(_seed()), "--json"], check=True, stdout=subprocess.DEVNULL
        )
        runs.append(time.perf_counter() - t)
    return min(runs)


def _megabyte_s() -> float:
    from trainer.domain.model import Article
    from trainer.generation import generate
    from trainer.generation.read.reader import decode

    texts = [_seed().read_text(encoding="utf-8")]
    texts += [decode(p.read_bytes()) for p in sorted(ARTICLES.glob("*.txt"))]
    batch: list[str] = []
    size = 0
    i = 0
    while size < 1_000_000:
        text = texts[i % len(texts)]
        batch.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    t = time.perf_counter()
    for k, text in enumerate(batch):
        generate(Article(text=text), f"a{k}")
    return time.perf_counter() - t


def _one_article_s(punctuated: bool) -> float:
    """One article of 1 MB: the seed repeated (punctuated), or its Chinese characters
    only (no punctuation at all, the shape that used to cost quadratic time)."""
    import re

    from trainer.domain.model import Article
    from trainer.generation import generate

    text = _seed().read_text(encoding="utf-8")
    if not punctuated:
        text = re.sub(r"[^\u4e00-\u9fff]", "", text)
    body = (text * (1_000_000 // len(text.encode("utf-8")) + 1))[: 1_000_000 // 3]
    generate(Article(text="热身。"), "warm")
    t = time.perf_counter()
    generate(Article(text="长文\n\n" + body), "long")
    return time.perf_counter() - t


def _short_lines_s() -> float:
    """One file of 1 MB in short lines, each its own paragraph: the shape whose
    cards once cost the square of its sentences."""
    from trainer.domain.model import Article
    from trainer.generation import generate

    lines: list[str] = []
    size = 0
    while size < 1_000_000:
        line = f"这是第{len(lines)}行的一个短句。"
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    generate(Article(text="热身。"), "warm")
    t = time.perf_counter()
    generate(Article(text="短行\n\n" + "\n".join(lines)), "lines")
    return time.perf_counter() - t


def run() -> list[tuple[str, float, float, str]]:
    return [
        ("make: seed article, warm in-process", round(_warm_ms(), 1), 100.0, "ms"),
        ("make: seed article, cold `trainer make --json`", round(_cold_s(), 3), 1.2, "s"),
        ("make: 1 MB of articles, in-process", round(_megabyte_s(), 2), 15.0, "s"),
        ("make: one 1 MB article, in-process", round(_one_article_s(True), 2), 15.0, "s"),
        ("make: 1 MB without punctuation", round(_one_article_s(False), 2), 15.0, "s"),
        # a hostile shape, not an article: the target says its time grows with its size
        ("make: 1 MB of one-sentence lines", round(_short_lines_s(), 2), 60.0, "s"),
    ]


if __name__ == "__main__":
    for name, value, target, unit in run():
        mark = "ok" if value <= target else "SLOW"
        print(f"{name}: {value} {unit} (target {target} {unit}) {mark}")
