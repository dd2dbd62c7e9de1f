"""Practice questions drawn from what the generator finds in an article.

The generator's public stages are called, never changed: ``structure.outline``
(sections, paragraphs, sentences), ``functions.classify`` (what each sentence
does: 问题, 原因, 对策, 意义…), ``enumerations.find_enumerations`` (the article's
lists) and ``golden.find_golden`` (金句). For each of 问题, 原因, 对策 and 意义
that the article states in at least two points, one question:

* 概括问题: ``概括材料中X存在的问题（不超过N字）``
* 原因: ``分析材料中X存在问题的原因（不超过N字）``
* 对策: ``针对X存在的问题，提出对策（不超过N字）``
* 意义: ``概括材料中X的意义（不超过N字）``

and for each 金句 one ``谈谈你对“…”的理解（不超过N字）``. A question's expected
points are the items of a list the article makes of that kind (``(1)基层人才短缺``),
else the sentences of that function, shortened to their leading clauses; the
model answer numbers them (一是……；二是……。); N is the smallest usual limit
(100, 150, 200 … 600) the model answer fits in on the answer sheet.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.domain.grid import count as grid_count
from trainer.services.practice_stats import KINDS

if TYPE_CHECKING:
    from trainer.generation.split.structure import Paragraph, Section


KIND_NAMES = {
    "问题": "概括问题",
    "原因": "分析原因",
    "对策": "提出对策",
    "意义": "概括意义",
    "理解": "谈理解",
}
LIMITS = (100, 150, 200, 250, 300, 350, 400, 500, 600)
MAX_POINTS = 8
POINT_MAX = 40
"""A point taken from a sentence keeps its leading clauses up to this many characters."""
SUBJECT_MAX = 8
MAX_QUOTES = 3
"""At most this many 谈理解 questions per article (its first 金句 that have points)."""

_HEADING_CUES = {
    "问题": ("问题", "乱象", "困境", "短板", "挑战", "不足", "弊端"),
    "原因": ("原因", "根源", "症结", "成因"),
    "对策": ("对策", "措施", "建议", "路径", "途径", "举措", "办法"),
    "意义": ("意义", "作用", "价值", "成效", "好处"),
}
_CONNECTIVE = re.compile(
    r"^(?:因此|因而|为此|对此|所以|然而|但是|但|同时|此外|另外|当前|目前|如今|近年来|总之|其中|"
    r"首先|其次|再次|最后|第[一二三四五六七八九十]|[一二三四五六七八九十]是|其[一二三四五六七八九十]|"
    r"[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、)\s*[,，:：]?\s*"
)
_END = "。!?;,.:：；，！？、 "


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the material, as the article has it."""

    text: str
    start: int
    function: str
    point: int
    """Index of the expected point this sentence holds, or -1."""


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    """Stable across sessions: ``article#kind`` (``article#理解@offset`` for a 金句)."""
    article: str
    kind: str
    text: str
    subject: str
    limit: int
    points: tuple[str, ...]
    point_kinds: tuple[str, ...]
    """Each point's function (问题, 原因 …): what the 概括 drill names its groups by."""
    model_answer: str
    material: tuple[Sentence, ...]
    """The paragraphs the points come from, sentence by sentence."""

    @property
    def minutes(self) -> int:
        """The time an exam would give: about a minute per 15 characters, at least 5."""
        return max(5, math.ceil(self.limit / 15))


def _bare(text: str) -> str:
    text = text.strip()
    while True:
        m = _CONNECTIVE.match(text)
        if m is None or m.end() == 0 or m.end() >= len(text):
            break
        text = text[m.end() :]
    return text.strip(_END)


def _short(text: str) -> str:
    """A sentence's leading clauses, at most POINT_MAX characters."""
    text = _bare(text)
    if len(text) <= POINT_MAX:
        return text
    out = ""
    for clause in re.split(r"(?<=[,，;；:：])", text):
        if out and len(out) + len(clause) > POINT_MAX:
            break
        out += clause
    return out.strip(_END)[: POINT_MAX + 10]


def _norm(text: str) -> str:
    return re.sub(r"[^\w]", "", text)


def _kind_of_heading(heading: str) -> str:
    for kind, cues in _HEADING_CUES.items():
        if any(c in heading for c in cues):
            return kind
    return ""


NOUN_SERIES = frozenset({"inline", "series", "quoted"})
"""List styles that name things (a 、 series), not points to write."""
ORDINALS = "一二三四五六七八九十"


def model_answer(kind: str, points: tuple[str, ...], quote: str = "") -> str:
    """The points written out as an exam answer."""
    if kind == "理解":
        body = "；".join(points)
        return f"“{quote}”强调：{body}。" if body else f"“{quote}”。"
    if len(points) == 1:
        return points[0] + "。"
    parts = [f"{ORDINALS[i] if i < 10 else i + 1}是{p}" for i, p in enumerate(points)]
    return "；".join(parts) + "。"


def limit_for(answer: str) -> int:
    cells = grid_count(answer).cells
    return next((n for n in LIMITS if n >= cells), LIMITS[-1])


def question_text(kind: str, subject: str, limit: int, quote: str = "") -> str:
    x = subject or "相关工作"
    if kind == "问题":
        return f"概括材料中{x}存在的问题（不超过{limit}字）"
    if kind == "原因":
        return f"分析材料中{x}存在问题的原因（不超过{limit}字）"
    if kind == "对策":
        return f"针对{x}存在的问题，提出对策（不超过{limit}字）"
    if kind == "意义":
        return f"概括材料中{x}的意义（不超过{limit}字）"
    return f"谈谈你对“{quote}”的理解（不超过{limit}字）"


def _subject(title: str, token_lists: list[list[str]], paragraphs: list[str]) -> str:
    from trainer.generation.detect.keyterms import topic_words

    clean = re.sub(r"[《》“”\"「」]", "", title).strip()
    if 0 < len(clean) <= SUBJECT_MAX:
        return clean
    topic = [w for w in topic_words(token_lists, paragraphs, clean) if len(w) <= SUBJECT_MAX]
    if not topic:
        return clean[:SUBJECT_MAX]
    return max(topic, key=lambda w: (len(w), -clean.find(w)))


def build_questions(article_id: str, title: str, text: str) -> list[Question]:
    """Every question the article supports (none for a text without such points)."""
    from trainer.generation.classify.functions import classify
    from trainer.generation.detect.enumerations import find_enumerations
    from trainer.generation.split.structure import outline
    from trainer.generation.split.words import tokens
    from trainer.generation.text import cjk_count, fold

    if cjk_count(text) < 2:
        return []
    folded = fold(text)
    doc = outline(folded, fold(title.strip()))
    functions = classify(doc)
    found = find_enumerations(folded, doc)
    paras = [(sec, p) for sec in doc.sections for p in sec.paragraphs]
    sentences = [(sec, p, s) for sec, p in paras for s in p.sentences]
    token_lists = [[w for w, _ in tokens(s.text)] for _sec, _p, s in sentences]
    subject = _subject(title or doc.title, token_lists, [p.span.text for _s, p in paras])

    def function_at(offset: int) -> str:
        for _sec, _p, s in sentences:
            if s.start <= offset < s.end:
                return functions.get(s.start, "")
        return ""

    out: list[Question] = []
    for kind in KINDS[:4]:
        points: list[tuple[str, int]] = []
        covered: list[tuple[int, int]] = []
        for e in found:
            if e.style in NOUN_SERIES or any(a <= e.start < b for a, b in covered):
                continue
            lead_fn = function_at(e.lead.start) if e.lead is not None else ""
            heading_kind = _kind_of_heading(e.section.heading)
            if kind not in (function_at(e.start), lead_fn, heading_kind):
                continue
            items = [
                (_bare(text[it.phrase.start : it.phrase.end]), it.phrase.start) for it in e.items
            ]
            if sum(len(t) for t, _ in items) < 4 * len(items):
                continue  # a series of nouns, not points
            points += items
            covered.append((e.start, e.end))
        for _sec, _p, s in sentences:
            if len(points) >= 2 and covered:
                break  # the article lists them: its loose sentences are not points
            if functions.get(s.start) != kind:
                continue
            if any(a <= s.start < b for a, b in covered):
                continue
            short = _short(text[s.start : s.end])
            if len(short) >= 4:
                points.append((short, s.start))
        points = _dedupe(points)[:MAX_POINTS]
        if len(points) < 2:
            continue
        point_texts = tuple(p for p, _ in points)
        answer = model_answer(kind, point_texts)
        limit = limit_for(answer)
        out.append(
            Question(
                key=f"{article_id}#{kind}",
                article=article_id,
                kind=kind,
                text=question_text(kind, subject, limit),
                subject=subject,
                limit=limit,
                points=point_texts,
                point_kinds=tuple(kind for _ in point_texts),
                model_answer=answer,
                material=_material(text, paras, functions, [o for _, o in points]),
            )
        )
    out += _understanding(article_id, text, folded, functions, paras, subject)
    return out[:MAX_QUOTES]


def _dedupe(points: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for text, at in sorted(points, key=lambda p: p[1]):
        n = _norm(text)
        if not n or any(n in _norm(t) or _norm(t) in n for t, _ in out):
            continue
        out.append((text, at))
    return out


def _material(
    text: str,
    paras: list[tuple[Section, Paragraph]],
    functions: dict[int, str],
    offsets: list[int],
) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for _sec, p in paras:
        sents = p.sentences
        if not any(s.start <= o < s.end for s in sents for o in offsets):
            continue
        for s in sents:
            point = next((i for i, o in enumerate(offsets) if s.start <= o < s.end), -1)
            out.append(Sentence(text[s.start : s.end], s.start, functions.get(s.start, ""), point))
    return tuple(out)


ARGUING = ("论点", "分论点", "意义", "对策", "原因", "问题", "危害")


def _understanding(
    article_id: str,
    text: str,
    folded: str,
    functions: dict[int, str],
    paras: list[tuple[Section, Paragraph]],
    subject: str,
) -> list[Question]:
    from trainer.generation.detect.golden import find_golden

    out: list[Question] = []
    for _sec, p in paras:
        sents = p.sentences
        for k, s in enumerate(sents):
            found = find_golden(folded, s, k == 0, k == len(sents) - 1)
            if found is None or len(s.text) > 60:
                continue
            quote = _bare(text[s.start : s.end])
            if quote.startswith("“") and quote.endswith("”") and quote.count("“") == 1:
                quote = quote[1:-1].strip(_END)
            if s.text.endswith("?") or len(quote) < 6:
                continue
            others = [o for o in sents if o.start != s.start]
            chosen = [o for o in others if functions.get(o.start) in ARGUING] or others
            points = _dedupe([(_short(text[o.start : o.end]), o.start) for o in chosen])[:4]
            points = [(t, o) for t, o in points if len(t) >= 4]
            if len(points) < 2:
                continue
            point_texts = tuple(t for t, _ in points)
            answer = model_answer("理解", point_texts, quote)
            limit = limit_for(answer)
            out.append(
                Question(
                    key=f"{article_id}#理解@{s.start}",
                    article=article_id,
                    kind="理解",
                    text=question_text("理解", subject, limit, quote),
                    subject=subject,
                    limit=limit,
                    points=point_texts,
                    point_kinds=tuple(functions.get(o, "") for _, o in points),
                    model_answer=answer,
                    material=_material(text, [(_sec, p)], functions, [o for _, o in points]),
                )
            )
    return out
