"""、 series framed by the sentence's verb and a category word (phrase_series)."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.text import fold


def _lists(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    made = make(text, "t")
    return [
        (fold(n.prompt), tuple(fold(i) for i in n.items), fold(n.answer))
        for n in made.notes
        if n.kind is NoteKind.LIST
    ]


def test_a_copula_and_a_category_word_frame_the_series() -> None:
    got = _lists(
        "政府与市场的关系。\n\n各级政府与市场是管理与被管理、协调与被协调、服务与被服务关系。"
    )
    assert [(p, i) for p, i, _ in got] == [
        ("各级政府与市场是哪三种关系?", ("管理与被管理", "协调与被协调", "服务与被服务"))
    ]


def test_a_modal_verb_opens_the_first_item() -> None:
    got = _lists(
        "网络与干部。\n\n提高社会治理能力,基层干部必须熟悉网络特性、了解网络规律、走好网上群众路线。"
    )
    assert got and got[0][1] == ("熟悉网络特性", "了解网络规律", "走好网上群众路线")
    assert got[0][0] == "基层干部必须做到哪三点?"


def test_a_process_word_closes_the_series() -> None:
    got = _lists("乡村旅游。\n\n要着眼长远,推动乡村旅游实现可持续、常态化、高质量发展。")
    assert got and got[0][1] == ("可持续", "常态化", "高质量")
    assert "怎样的发展" in got[0][0]


def test_the_shared_sentence_is_shown_once_after_the_items() -> None:
    got = _lists(
        "网络与干部。\n\n提高社会治理能力,基层干部必须熟悉网络特性、了解网络规律、走好网上群众路线。"
    )
    answer = got[0][2]
    assert answer.count("提高社会治理能力") == 1
    assert answer.splitlines()[:3] == ["1. 熟悉网络特性", "2. 了解网络规律", "3. 走好网上群众路线"]


def test_images_and_unframed_series_are_not_lists_here() -> None:
    assert _lists("冬奥。\n\n一炉炭火、一块草皮、一片冰雪,何以点燃亿万网友的热情?") == []
