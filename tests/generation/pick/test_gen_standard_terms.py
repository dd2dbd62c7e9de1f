"""规范表述 reach a blank: common national phrasing in the lexicon, and a term that
only stands in a sentence too long to card."""

from __future__ import annotations

import re

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
_BLANK = re.compile(r"\{\{c\d+::(.*?)\}\}")


def _made(text: str) -> list[tuple[str, str]]:
    out = generate(Article(text=text, title="测试"), "t")
    return [
        (n.text, o.rule)
        for n, o in zip(out.notes, out.origins, strict=True)
        if n.kind is NoteKind.CLOZE
    ]


def _blanks(text: str) -> set[str]:
    return {b for card, _ in _made(text) for b in _BLANK.findall(card)}


def test_common_national_phrasing_named_once_is_blanked() -> None:
    lines = [
        "要更好发挥有效市场和有为政府的作用,让经营主体敢闯敢干。",
        "当地坚持以产业振兴为抓手,让群众在家门口就业增收。",
        "同时要加快构建多层次社会保障体系,兜住民生底线。",
    ]
    for line in lines:
        text = f"{_FILLER}\n{_FILLER}\n{line}{_FILLER}\n{_FILLER}\n"
        blanks = _blanks(text)
        term = next(
            t for t in ("有效市场和有为政府", "产业振兴", "多层次社会保障体系") if t in line
        )
        assert term in blanks, (line, blanks)


def test_a_standard_term_only_in_a_long_sentence_gets_the_clauses_around_it() -> None:
    long = (
        "近些年来,这座城市在老城区的改造过程中先后投入了大量的人力物力,"
        "拆除了一批年久失修的危旧房屋,修缮了一批有历史价值的老街老巷,"
        "坚持走以人为核心的新型城镇化道路,"
        "让老城区的居民住得更舒心,让外来的游客看得更开心,让城市的文脉延续得更长久。"
    )
    assert len(long) > 90
    text = f"{_FILLER}\n{_FILLER}\n{long}\n{_FILLER}\n"
    cards = [card for card, _ in _made(text) if "以人为核心的新型城镇化" in card]
    assert cards, _made(text)
    card = cards[0]
    assert "{{c1::以人为核心的新型城镇化}}" in card
    assert len(_BLANK.sub(r"\1", card)) <= 60  # the clauses around it, not the sentence
