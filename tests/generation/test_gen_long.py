"""Long articles: the indexes that keep generation linear give the plain answers, and
front ends hear the stages. (Speed itself is measured by ``make bench``.)"""

from __future__ import annotations

import json
import random

from gen_scoring import seed_text
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import trainer.cli.commands  # noqa: F401  (registers the commands)
from trainer.cli import app
from trainer.domain.model import Article
from trainer.generation import LONG_ARTICLE, generate
from trainer.generation.detect.indexed import LONG, Indexed
from trainer.generation.pick.clozes import _Seen
from trainer.generation.read.boilerplate import EMAIL, URL
from trainer.generation.text import bigram_dice


def test_indexed_counts_and_spreads_match_str() -> None:
    rng = random.Random(7)
    alphabet = "发展治理基层群众服务机制\n"
    text = "".join(rng.choice(alphabet) for _ in range(LONG + 500))
    idx = Indexed(text)
    for sub in ["发展", "治理基层", "群众服务机", "机制发展治", "不在其中", "展"]:
        n = idx.count(sub)
        assert n <= text.count(sub) * 2  # overlapping occurrences may count twice
        assert (n == 0) == (sub not in text)
        assert idx.find(sub) == text.find(sub)
        assert idx.spread(sub) == sum(1 for p in text.split("\n") if sub in p)
    for sub in ["发展", "治理基层"]:  # no self-overlap: the counts agree exactly
        assert idx.count(sub) == text.count(sub)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.text(alphabet="甲乙丙丁戊己庚辛", min_size=1, max_size=12), max_size=30))
def test_near_duplicate_index_agrees_with_comparing_every_pair(texts: list[str]) -> None:
    seen = _Seen()
    kept: list[str] = []
    for t in texts:
        brute = any(bigram_dice(t, k) >= 0.8 for k in kept)
        assert seen.near(t) == brute
        if not brute:
            seen.add(t)
            kept.append(t)


def test_urls_and_emails_still_found_after_bounding_them() -> None:
    assert URL.search("访问example.com。") and URL.search("见 https://a.cn/x")
    assert EMAIL.search("邮件:hr" + "@" + "site.com") and not EMAIL.search("无邮箱的一行字")
    assert not URL.search("字" * 5000)


def test_progress_hears_every_stage_in_order() -> None:
    heard: list[tuple[str, float]] = []
    generate(Article(text=seed_text()), "s", lambda stage, done: heard.append((stage, done)))
    shares = [d for _, d in heard]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0
    assert [s for s, _ in heard][-1] == "done"


def test_a_long_article_without_a_terminal_prints_no_bar(tmp_path: object) -> None:
    text = "长文\n\n" + seed_text() * (LONG_ARTICLE // len(seed_text()) + 1)
    result = CliRunner().invoke(app, ["make", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cards"]
