"""Blanks as a reader would set them: touching blanks are one, and key terms are whole."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.clozes import _joined
from trainer.generation.keyterms import _whole
from trainer.generation.text import Span


def test_touching_blanks_become_one() -> None:
    parts = [Span("相济", 12, 14), Span("宽严", 10, 12), Span("精准", 15, 17)]
    assert _joined(parts) == [Span("宽严相济", 10, 14), Span("精准", 15, 17)]


def test_no_card_cuts_a_phrase_into_neighbouring_blanks() -> None:
    filler = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"
    text = (
        f"{filler}\n唯有宽严相济、精准施策,才能在保护个人权益与维护公共讨论之间找到平衡。"
        f"{filler}\n{filler}\n"
    )
    out = generate(Article(text=text, title="测试"), "t")
    for note in out.notes:
        if note.kind is NoteKind.CLOZE:
            assert "}}{{" not in note.text


def test_a_term_never_takes_the_last_character_of_the_word_before_it() -> None:
    """健全 + 全国碳排放权交易市场: the 全 belongs to 健全, though 全 stands alone elsewhere."""
    text = "健全全国碳排放权交易市场,完善绿色金融政策。全靠大家。"
    term = "全国碳排放权交易市场"
    assert _whole(term, text, {"全", "靠"}, {"健全", "完善"}) == term
    assert _whole(term, text, {"全", "靠"}, set()) == "全" + term  # what it did before
