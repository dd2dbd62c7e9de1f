"""The learned model for key terms and 金句: shipped weights, pure inference, the hard
rules in front of it, provenance of what it adds, and the rules alone on demand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import pytest
from gen_scoring import ARTICLES, SEED, make, seed_text

from trainer.generation import generate
from trainer.generation.detect import learned
from trainer.generation.detect.keyterms import Term
from trainer.generation.detect.learned import GOLDEN_FEATURES, TERM_FEATURES, Model
from trainer.generation.pick.clozes import Learned
from trainer.generation.read.reader import read_article
from trainer.generation.text import Span, fold


@pytest.fixture
def rules_alone() -> Iterator[None]:
    learned.set_model(None)
    yield
    learned.set_model(None, reset=True)


def _flat(names: tuple[str, ...], weight: float = 0.0, bias: float = 0.0) -> Model:
    n = len(names)
    return Model(names, (0.0,) * n, (1.0,) * n, (weight,) * n, bias, 0.5)


def test_shipped_weights_match_the_features_the_code_computes() -> None:
    text = resources.files("trainer.generation").joinpath("data/model.json").read_text("utf-8")
    data = json.loads(text)
    assert tuple(data["golden"]["names"]) == GOLDEN_FEATURES
    if "terms" in data:
        assert tuple(data["terms"]["names"]) == TERM_FEATURES
    models = learned.active()
    assert models is not None
    assert "golden" in models
    for m in models.values():
        assert len(m.weights) == len(m.mean) == len(m.scale) == len(m.names)
        assert 0.0 < m.threshold < 1.0


def test_inference_is_a_logistic_of_the_standardised_features() -> None:
    names = ("a", "b")
    m = Model(names, (1.0, 0.0), (2.0, 1.0), (2.0, -1.0), 0.5, 0.5)
    # z = 0.5 + 2 * (3 - 1) / 2 - 1 * 4 = -1.5
    assert m.prob([3.0, 4.0]) == pytest.approx(1 / (1 + 2.718281828459045**1.5))
    assert _flat(names).prob([7.0, -3.0]) == 0.5
    assert Model.from_json(m.to_json()) == m


def test_rules_alone_on_demand_and_back(rules_alone: None) -> None:
    made = make(seed_text(), SEED.stem)
    assert not any(o.rule.endswith(".model") for o in made.origins)


def test_generation_is_deterministic_with_the_model() -> None:
    a = make(seed_text(), SEED.stem)
    b = make(seed_text(), SEED.stem)
    assert a == b


def test_hard_rules_stand_in_front_of_the_model() -> None:
    """Whatever the model scores, the topic, generic and plain words, verbs, stop words
    and place names are never candidates."""
    ranked = [Term("网上群众路线", 5.0, 2)]
    text = "直播带货助农。碧澜乡的网上群众路线。“碧澜乡”"
    ctx = learned.TermContext(text, "直播带货", "直播带货", [text], text, {"直播", "带货"}, ranked)

    def ok(*tokens: str) -> bool:
        return learned.allowed(learned.Candidate("".join(tokens), tokens), ctx)

    assert ok("网上", "群众路线")
    for tokens in [("直播", "带货"), ("直播间",), ("直播", "间"), ("用户",), ("问题",), ("推进",)]:
        assert not ok(*tokens), tokens
    assert not ok("碧澜", "乡", "干部") and not ok(
        "我们",
    )


def test_candidates_never_open_or_close_on_function_words_or_numbers() -> None:
    toks = [["我们", "要", "推进", "社区", "嵌入式", "养老服务", "的", "2023", "年", "规划"]]
    words = {c.word for c in learned.term_candidates(toks, [])}
    assert "社区嵌入式养老服务" in words
    assert not any(w.startswith(("我们", "要")) or w.endswith("的") for w in words)
    assert not any("2023" in w or "的" in w for w in words)


def test_merged_keeps_the_rules_window_and_adds_few_unnested_terms() -> None:
    ranked = [Term("甲乙嵌入式丙丁", 9.0, 2), Term("戊己改造", 8.0, 2), Term("庚辛经济", 1.0, 5)]
    scored = [
        Term("丙丁", 0.9, 3),  # inside a window term: the rules' compound stands for it
        Term("壬癸助餐", 0.8, 2),
        Term("戊己改造", 0.7, 2),  # in the window already
        Term("养老服务", 0.7, 2),  # a 规范表述: the rules card it already
        *(Term(f"术语{k}", 0.6, 1) for k in range(10)),
        Term("低分词", 0.01, 1),
    ]
    terms, top, added = learned.merged(ranked, scored, 2, 0.5)
    assert [t.word for t in terms[:2]] == ["甲乙嵌入式丙丁", "戊己改造"]
    assert not added & {"丙丁", "养老服务", "低分词", "戊己改造"}
    assert "壬癸助餐" in added
    assert len(added) == top - 2 == 6
    assert [t.word for t in terms[top:]] == ["庚辛经济"]


def _span(text: str) -> tuple[str, Span]:
    folded = fold(text)
    return folded, Span(folded, 0, len(folded))


def test_model_golden_skips_fragments_chrome_and_long_lines() -> None:
    sure = Learned({0: 0.99}, 0.5)
    folded, s = _span("让城市更新多一些绣花功夫,少一些大拆大建。")
    got = sure.golden(folded, s)
    assert got is not None and got.rule == "model"
    for text in (
        "一是让城市更新多一些绣花功夫,少一些大拆大建。",
        "它让城市更新多一些绣花功夫,少一些大拆大建。",
        "本笔记由学习群整理,仅供学习交流,请勿商用转载。",
        "如有侵权请联系删除。",
        "城市更新" * 25 + "。",
    ):
        folded, s = _span(text)
        assert sure.golden(folded, s) is None, text
    folded, s = _span("让城市更新多一些绣花功夫,少一些大拆大建。")
    assert Learned({0: 0.3}, 0.5).golden(folded, s) is None


def test_model_cards_name_their_rule() -> None:
    """A 金句 the rules miss on an article where the shipped model finds one (retraining
    may move it to another article); a term card of a model that adds terms."""
    path = ARTICLES.parent / "heldout7" / "wenbo-pinglun.md"
    made = generate(read_article(str(path)), path.stem)
    assert "cloze.golden.model" in {o.rule for o in made.origins}
    for n, o in zip(made.notes, made.origins, strict=True):
        if o.rule == "cloze.golden.model":
            assert o.function == "金句" and "金句" in n.tags
    eager = {"terms": _flat(TERM_FEATURES, bias=9.0), "golden": _flat(GOLDEN_FEATURES, bias=-9.0)}
    learned.set_model(eager)
    try:
        made = make(seed_text(), SEED.stem)
    finally:
        learned.set_model(None, reset=True)
    rules = {o.rule for o in made.origins}
    assert "cloze.keyterm.model" in rules and "cloze.golden.model" not in rules
