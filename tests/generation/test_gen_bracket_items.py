"""A bracket that glosses a listed item is not cut into items of its own."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate

_FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"


def _lists(text: str) -> list[tuple[str, ...]]:
    out = generate(Article(text=text, title="答题方法"), "t")
    return [tuple(n.items) for n in out.notes if n.kind is NoteKind.LIST]


def test_a_glossed_item_stays_one_item_without_its_gloss() -> None:
    text = f"{_FILLER}\n\n要素：问题、影响（危害、意义）、对策等。{_FILLER}\n"
    lists = _lists(text)
    assert ("问题", "影响", "对策") in lists, lists
    assert not any("(" in i or "（" in i or ")" in i or "）" in i for it in lists for i in it)
