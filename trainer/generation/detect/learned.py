"""A small learned model for key terms (what a cloze blanks) and 金句.

Two logistic regressions trained offline on the labelled articles
(``bench/train_generation_model.py``), shipped as ``data/model.json``: one scores
the candidate terms of an article, one its sentences. Their features describe a
word or a sentence the way they carry to an article never seen (length, quotation
marks, 《》, the 规范表述 list, dictionary rarity, part of speech at the edges,
frequency and spread, title and heading, position, the topic, head nouns, the
rules' own verdicts), never the identity of a word of the training set.

Inference is pure Python: a dot product and a logistic per candidate. The hard
rules stay in front of the model (never the topic, a generic word, a stop word, a
blank off word boundaries), so the model only reorders what the rules allow.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
import re
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from trainer.generation.detect.golden import GOLDEN_SECTION, find_golden, strip_numbering
from trainer.generation.detect.keyterms import (
    GENERIC,
    HEADS,
    PLAIN,
    STOP_WORDS,
    VERBS,
    Term,
    is_topic,
    place_name,
    verb_like,
)
from trainer.generation.lexicon import words
from trainer.generation.split.structure import Outline
from trainer.generation.split.words import guifan_words, rarity, tag, unknown
from trainer.generation.text import Span, cjk_count, clauses, quoted

__all__ = [
    "GOLDEN_FEATURES",
    "TERM_FEATURES",
    "Candidate",
    "Model",
    "active",
    "golden_features",
    "golden_rows",
    "golden_scores",
    "model_terms",
    "set_model",
    "term_candidates",
    "term_features",
]

_MAX_TOKENS = 4
_LEN = (2, 12)
_EDGE = set("的了是在和与及或等也都就要对把被让将从以为而并且之其这那个们着过中上下")
_SUFFIXES = (
    "机制",
    "体系",
    "制度",
    "意识",
    "理念",
    "能力",
    "格局",
    "战略",
    "工程",
    "行动",
    "模式",
    "责任",
    "建设",
    "发展",
    "治理",
    "改革",
    "现代化",
    "共同体",
    "主义",
    "精神",
    "观",
    "化",
    "制",
    "圈",
    "权",
)
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z+]+$")
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "r", "m", "q", "f", "d", "zg"})


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str
    tokens: tuple[str, ...]


TERM_FEATURES = (
    "len",
    "len2",
    "len3",
    "len4",
    "len5_6",
    "len7_up",
    "ntok",
    "one_token",
    "log_count",
    "once",
    "spread",
    "quoted",
    "named_doc",
    "guifan",
    "holds_guifan",
    "rarity",
    "min_rarity",
    "unknown",
    "in_title",
    "in_heading",
    "first_pos",
    "para_opening",
    "rule_rank",
    "rule_listed",
    "rule_score",
    "ends_head",
    "ends_suffix",
    "idiom4",
    "digit_latin",
    "first_verb",
    "last_verb",
    "first_single",
    "last_single",
    "topic_part",
    "generic_part",
    "series_member",
    "in_parens_or_colon",
    "contained_by_rule",
    "inner_verbs",
    "all_known",
    "rule_top10",
    "rule_top25",
    "guifan_long",
)

GOLDEN_FEATURES = (
    "len",
    "short",
    "long",
    "nclauses",
    "equal_clauses",
    "shared_opening",
    "quote_whole",
    "quote_inside",
    "antithesis",
    "correlative",
    "judgement",
    "conclusion_cue",
    "opens_para",
    "closes_para",
    "first_para",
    "last_para",
    "digits",
    "pronoun_start",
    "ordinal_start",
    "question",
    "exclaim",
    "four_char_clauses",
    "semicolon",
    "rule_any",
    "rule_strong",
    "rule_pattern",
    "rule_maxim",
    "function_claim",
    "function_measure",
    "function_background",
    "section_sayings",
)


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of one logistic regression over standardised features."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def prob(self, x: Sequence[float]) -> float:
        folded, bias = self._folded()
        z = bias + sum(map(operator.mul, folded, x))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def _folded(self) -> tuple[tuple[float, ...], float]:
        """Weights over raw features: the standardisation folded in."""
        got = _FOLDED.get(id(self))
        if got is None or got[0] is not self:
            w = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
            b = self.bias - sum(wi * m for wi, m in zip(w, self.mean, strict=True))
            got = _FOLDED[id(self)] = (self, w, b)
        return got[1], got[2]

    @staticmethod
    def from_json(data: dict[str, Any]) -> Model:
        return Model(
            names=tuple(data["names"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            weights=tuple(float(v) for v in data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "names": list(self.names),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }


_FOLDED: dict[int, tuple[Model, tuple[float, ...], float]] = {}
_STATE: dict[str, dict[str, Model] | None] = {}


@cache
def _shipped() -> dict[str, Model] | None:
    try:
        text = resources.files("trainer.generation").joinpath("data/model.json").read_text("utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(text)
    models = {k: Model.from_json(v) for k, v in data.items() if isinstance(v, dict)}
    names = {"terms": TERM_FEATURES, "golden": GOLDEN_FEATURES}
    if any(m.names != names.get(k) for k, m in models.items()):
        return None  # weights of another feature set: the rules alone
    return models


def active() -> dict[str, Model] | None:
    """The models in use: the shipped weights unless :func:`set_model` says otherwise
    (``None``: the rules alone)."""
    if "override" in _STATE:
        return _STATE["override"]
    return _shipped()


def set_model(models: dict[str, Model] | None, *, reset: bool = False) -> None:
    """Use ``models`` (``None``: the rules alone) instead of the shipped weights;
    ``reset`` returns to the shipped ones. For training and cross-validation."""
    if reset:
        _STATE.pop("override", None)
    else:
        _STATE["override"] = models


# --- key terms -----------------------------------------------------------------------


def _inner_ok(tok: str) -> bool:
    """A token a term may hold: name characters, not a bare number, not a function
    word (preposition, conjunction, particle, pronoun, numeral, adverb…)."""
    if not tok or not _NAME_CHARS.match(tok) or tok.isascii():
        return False
    if tok in STOP_WORDS or (len(tok) == 1 and tok in _EDGE):
        return False
    return tag(tok) not in _FUNCTION_TAGS


def _edge_ok(tok: str) -> bool:
    """A token a term may open or close on: one character only if it is no verb
    (生活 + 圈, 责任 + 制; not 营商环境 + 引)."""
    return _inner_ok(tok) and not (len(tok) == 1 and (tok in VERBS or verb_like(tok)))


def term_candidates(token_lists: list[list[str]], ranked: list[Term]) -> list[Candidate]:
    """The rules' terms and every run of one to four tokens (2 to 12 characters) that
    holds no function word or bare number and opens and closes on a word that can
    end a name."""
    kinds: dict[str, int] = {}
    """Per token: 0 breaks a run, 1 may stand inside one, 2 may also open or close it."""

    def kind(tok: str) -> int:
        got = kinds.get(tok)
        if got is None:
            got = kinds[tok] = 2 if _edge_ok(tok) else 1 if _inner_ok(tok) else 0
        return got

    seen: dict[str, Candidate] = {}
    for toks in token_lists:
        for i, first in enumerate(toks):
            if kind(first) < 2:
                continue
            word = ""
            for j in range(i, min(len(toks), i + _MAX_TOKENS)):
                tok = toks[j]
                k = kind(tok)
                if not k:
                    break
                word += tok
                if len(word) > _LEN[1]:
                    break
                if k == 2 and len(word) >= _LEN[0] and word not in seen:
                    seen[word] = Candidate(word, tuple(toks[i : j + 1]))
    for t in ranked:
        if t.word not in seen:
            seen[t.word] = Candidate(t.word, (t.word,))
    return list(seen.values())


class TermContext:
    """What the term features read of one article, indexed once."""

    def __init__(
        self,
        text: str,
        title: str,
        headings: str,
        paragraphs: list[str],
        openings: str,
        topic: set[str],
        ranked: list[Term],
    ) -> None:
        self.text = text
        self.title = title
        self.headings = headings
        self.paragraphs = len(paragraphs)
        self.openings = openings
        """The first sentence of every paragraph, joined."""
        self.topic = topic
        self.ranked = ranked
        self.rank = {t.word: k for k, t in enumerate(ranked)}
        self.top_score = ranked[0].score if ranked and ranked[0].score > 0 else 1.0
        self.lines = [k for k, ch in enumerate(text) if ch == "\n"]
        self.tokens: dict[str, tuple[float, bool, bool]] = {}
        """Per token: rarity, unknown to the dictionary, verb-like."""
        self.inside = {
            t.word[i:j]
            for t in ranked[:_CONTAINED]
            for i in range(len(t.word))
            for j in range(i + 1, len(t.word) + 1)
            if j - i < len(t.word)
        }


_CONTAINED = 30


def _token(ctx: TermContext, tok: str) -> tuple[float, bool, bool]:
    got = ctx.tokens.get(tok)
    if got is None:
        got = ctx.tokens[tok] = (rarity(tok), unknown(tok), verb_like(tok))
    return got


def allowed(c: Candidate, ctx: TermContext) -> bool:
    """The hard rules: never a stop word, a verb, a generic or plain word, the topic or
    a place name."""
    w = c.word
    if w in STOP_WORDS or w in GENERIC or w in PLAIN or w in VERBS:
        return False
    guifan = guifan_words()
    if len(c.tokens) == 1 and verb_like(w) and w not in guifan:
        return False
    if len(c.tokens) == 1 and c.tokens[0] == w and len(w) > _SHORT:
        return not (is_topic(w, ctx.topic) or (place_name(w) and f"“{w}”" not in ctx.text))
    if _topic_only(c.tokens, ctx.topic):
        return False
    if w in guifan or f"“{w}”" in ctx.text:
        return True
    return not any(
        t in _PLACE_UNITS or (len(t) >= 3 and t[-1] in _PLACE_UNITS and unknown(t))
        for t in c.tokens
        if len(c.tokens) > 1 or len(t) >= 3
    )


_SHORT = 3
_PLACE_UNITS = frozenset("省市县区乡镇村")


def _topic_only(parts: tuple[str, ...], topic: set[str]) -> bool:
    """Every token is the topic or a generic word (:func:`keyterms.is_topic` on tokens
    known already)."""
    if not topic:
        return False
    places = words("place_suffixes")
    return all(
        t in topic
        or t in GENERIC
        or t in PLAIN
        or (len(t) >= 2 and t[:-1] in topic and t[-1] in places)
        or (len(t) == 1 and t in places)  # 直播 + 间
        for t in parts
    )


def term_features(c: Candidate, ctx: TermContext) -> list[float]:
    """The features of ``c`` in the order of :data:`TERM_FEATURES`."""
    return _vector(c, ctx, _occurrences(c, ctx))


def _occurrences(c: Candidate, ctx: TermContext) -> dict[str, float]:
    w = c.word
    n = len(w)
    text = ctx.text
    where: list[int] = []
    at = text.find(w)
    while at >= 0:
        where.append(at)
        at = text.find(w, at + 1)
    count = max(1, len(where))
    before = {text[k - 1] for k in where if k > 0}
    after = {text[k + n] for k in where if k + n < len(text)}
    guifan = guifan_words()
    holds = n > _SHORT and any(
        w[i:j] in guifan for i in range(n) for j in range(i + 3, min(n, i + 12) + 1) if j - i < n
    )
    return {
        "log_count": math.log(count),
        "once": float(count == 1),
        "spread": len({bisect(ctx.lines, k) for k in where}) / max(1, ctx.paragraphs),
        "quoted": float(bool(before & _OPEN_QUOTES and after & _CLOSE_QUOTES)),
        "named_doc": float("《" in before and "》" in after),
        "holds_guifan": float(holds),
        "first_pos": where[0] / max(1, len(text)) if where else 1.0,
        "para_opening": float(w in ctx.openings),
        "series_member": float("、" in before or "、" in after),
        "in_parens_or_colon": float("(" in before or bool(after & {")", ":"})),
    }


def _vector(c: Candidate, ctx: TermContext, occ: dict[str, float]) -> list[float]:
    w = c.word
    n = len(w)
    guifan = guifan_words()
    infos = [_token(ctx, t) for t in c.tokens]
    rars = [i[0] for i in infos]
    r = ctx.rank.get(w)
    score = ctx.ranked[r].score / ctx.top_score if r is not None else 0.0
    first, last = c.tokens[0], c.tokens[-1]
    return [
        float(n),
        float(n == 2),
        float(n == 3),
        float(n == 4),
        float(5 <= n <= 6),
        float(n >= 7),
        float(len(c.tokens)),
        float(len(c.tokens) == 1),
        occ["log_count"],
        occ["once"],
        occ["spread"],
        occ["quoted"],
        occ["named_doc"],
        float(w in guifan),
        occ["holds_guifan"],
        sum(rars) / len(rars),
        min(rars),
        float(infos[0][1] if len(infos) == 1 else unknown(w)),
        float(w in ctx.title),
        float(w in ctx.headings),
        occ["first_pos"],
        occ["para_opening"],
        1.0 / (1.0 + r) if r is not None else 0.0,
        float(r is not None),
        score,
        float(w.endswith(_HEADS) and n > 2),
        float(w.endswith(_SUFFIXES) and n > 2),
        float(n == 4 and len(c.tokens) == 1),
        float(any(ch.isascii() for ch in w)),
        float(infos[0][2]),
        float(infos[-1][2]),
        float(len(first) == 1),
        float(len(last) == 1),
        float(any(t in ctx.topic for t in c.tokens)),
        float(any(t in GENERIC or t in PLAIN for t in c.tokens)),
        occ["series_member"],
        occ["in_parens_or_colon"],
        float(w in ctx.inside),
        float(sum(1 for i in infos[1:-1] if i[2])),
        float(not any(i[1] for i in infos)),
        float(r is not None and r < 10),
        float(r is not None and r < 25),
        float(w in guifan and n >= 4),
    ]


_HEADS = tuple(sorted(HEADS))
_OPEN_QUOTES = frozenset('“「"')
_CLOSE_QUOTES = frozenset('”」"')


def merged(
    ranked: list[Term], scored: list[Term], top: int, threshold: float
) -> tuple[list[Term], int, frozenset[str]]:
    """The rules' terms with up to ``_ADDED_MAX`` of the model's confident ones
    (probability ``threshold`` or more) that the rules' window of ``top`` terms misses,
    placed right after that window: (terms, the window's new size, the words the
    model added). An addition never nests with a window term or another addition
    (the rules' 社区嵌入式养老服务 stands for 养老服务), and is never a 规范表述 (the
    rules card each of those)."""
    guifan = guifan_words()
    own = [t for t in ranked if t.word not in guifan]
    window = own[:top]
    taken = [t.word for t in window]
    floor = min((t.score for t in window), default=1.0)
    added: list[Term] = []
    for t in scored:
        if t.score < threshold or len(added) == _ADDED_MAX:
            break
        if t.word in guifan or any(t.word in w or w in t.word for w in taken):
            continue
        taken.append(t.word)
        added.append(Term(t.word, floor * (0.5 + t.score), t.count))
    words = {t.word for t in added}
    kept = set(map(id, window))
    rest = [t for t in ranked if t.word not in words and id(t) not in kept]
    return [*window, *added, *rest], top + len(added), frozenset(words)


_ADDED_MAX = 6


def model_terms(
    token_lists: list[list[str]],
    text: str,
    title: str,
    headings: str,
    paragraphs: list[str],
    openings: str,
    topic: set[str],
    ranked: list[Term],
    model: Model,
    window: int | None = None,
) -> list[Term]:
    """The article's candidate terms the hard rules allow, scored by ``model`` (the
    probability that a tutor blanks it), best first. With ``window`` (the size of
    the rules' window, see :func:`merged`), only the candidates that could join it:
    four characters or more (shorter words stay the rules' to judge: generic pairs
    are their worst blanks), no 规范表述, none inside a window term."""
    ctx = TermContext(text, title, headings, paragraphs, openings, topic, ranked)
    skip: set[str] = set()
    if window is not None:
        guifan = guifan_words()
        own = [t.word for t in ranked if t.word not in guifan][:window]
        skip = {w[i:j] for w in own for i in range(len(w)) for j in range(i + 2, len(w) + 1)}
    out: list[Term] = []
    for c in term_candidates(token_lists, ranked):
        if window is not None and (
            len(c.word) < _ADDED_LEN or c.word in skip or c.word in guifan_words()
        ):
            continue
        if not allowed(c, ctx):
            continue
        x = term_features(c, ctx)
        out.append(Term(c.word, model.prob(x), round(math.exp(x[_LOG_COUNT]))))
    out.sort(key=lambda t: (-t.score, t.word))
    return out


_LOG_COUNT = TERM_FEATURES.index("log_count")
_ADDED_LEN = 4


# --- 金句 ------------------------------------------------------------------------------

_ANTITHESIS = re.compile(
    r"不是.{1,20}而是|不在于.{1,20}而在于|既.{1,20}[又也]|与其.{1,20}不如|并非.{1,20}而是|"
    r"不等于|一边是.{1,30}另一边是|宁可.{1,20}也不"
)
_CORRELATIVE = re.compile(
    r"只有.{1,30}才|唯有.{1,30}才|要想?.{1,30}才能|不仅.{1,30}[更还也]|越.{1,10}越|"
    r"没有.{1,20}就没有|贵在|重在|难在|之于"
)
_JUDGEMENT = re.compile(
    r"是.{1,24}的(?:关键|根本|基础|前提|保障|灵魂|命脉|试金石|必由之路|应有之义)"
)
_CONCLUSION = re.compile(
    r"^(?:说到底|归根结底|归根到底|总之|总而言之|一言以蔽之|由此可见|因此|所以)"
)
_ORDINAL = re.compile(r"^(?:一是|二是|三是|四是|五是|首先|其次|再次|最后|第[一二三四五六七八九十])")
_STRONG = frozenset({"saying", "parallel", "couplet", "judgement", "section"})


def golden_features(
    folded: str,
    s: Span,
    *,
    index: int,
    sentences: int,
    paragraph: int,
    paragraphs: int,
    rule: str,
    function: str,
    sayings: bool,
) -> list[float]:
    """Features of one sentence: ``index`` (1-based) of ``sentences`` in its paragraph,
    ``paragraph`` of ``paragraphs`` in the article; ``rule`` the 金句 rule it meets
    (empty if none), ``function`` its function."""
    text = s.text
    parts = [c.text.rstrip(",;:。!?") for c in clauses(folded, s.start, s.end)]
    parts = [p for p in parts if p]
    sizes = [len(p) for p in parts]
    equal = sum(1 for a, b in itertools.pairwise(sizes) if abs(a - b) <= 1)
    opening = sum(1 for a, b in itertools.pairwise(parts) if a[:1] == b[:1])
    n = cjk_count(text)
    q = quoted(text)
    return [
        float(n),
        float(n <= 30),
        float(n > 70),
        float(len(parts)),
        float(equal),
        float(opening),
        float(text[:1] in "“「" and text.rstrip("。!?")[-1:] in "”」"),
        float(bool(q) and any(len(p) >= 6 for p, _ in q)),
        float(bool(_ANTITHESIS.search(text))),
        float(bool(_CORRELATIVE.search(text))),
        float(bool(_JUDGEMENT.search(text))),
        float(bool(_CONCLUSION.match(text))),
        float(index == 1),
        float(index == sentences),
        float(paragraph == 1),
        float(paragraph == paragraphs),
        float(any(map(str.isdigit, text))),
        float(text[:1] in "这那此其它"),
        float(bool(_ORDINAL.match(text))),
        float(text.rstrip().endswith("?")),
        float(text.rstrip().endswith("!")),
        float(len(parts) >= 2 and all(len(p) == 4 for p in parts)),
        float(";" in text),
        float(bool(rule)),
        float(rule in _STRONG),
        float(rule == "pattern"),
        float(rule in {"maxim", "aphorism"}),
        float(function in {"论点", "分论点"}),
        float(function == "对策"),
        float(function in {"背景", "论据", "过渡"}),
        float(sayings),
    ]


def golden_scores(
    folded: str,
    rows: list[tuple[Span, dict[str, Any]]],
    model: Model,
) -> dict[int, float]:
    """Start offset -> probability that the sentence is a 金句, for ``rows`` of
    (sentence, keyword arguments of :func:`golden_features`)."""
    return {s.start: model.prob(golden_features(folded, s, **kw)) for s, kw in rows}


def golden_rows(
    folded: str, doc: Outline, functions: dict[int, str]
) -> list[tuple[Span, dict[str, Any]]]:
    """Every sentence of ``doc`` as :func:`golden_scores` reads it (the sentence as the
    金句 rules see it, and what they and the function classifier say of it)."""
    paras = [(sec, p) for sec in doc.sections for p in sec.paragraphs]
    rows: list[tuple[Span, dict[str, Any]]] = []
    for k, (sec, para) in enumerate(paras, 1):
        sayings = GOLDEN_SECTION.search(sec.heading) is not None
        for i, s in enumerate(para.sentences, 1):
            sentence = strip_numbering(s) if sayings else s
            last = i == len(para.sentences)
            g = find_golden(folded, sentence, i == 1, last, sayings)
            kw: dict[str, Any] = {
                "index": i,
                "sentences": len(para.sentences),
                "paragraph": k,
                "paragraphs": len(paras),
                "rule": g.rule if g is not None else "",
                "function": functions.get(s.start, ""),
                "sayings": sayings,
            }
            rows.append((sentence, kw))
    return rows
