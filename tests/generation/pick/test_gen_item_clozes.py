"""A cloze on a sentence that is itself an item of a list card (a 分论点 heading among
the list of them, 一是…… among the points it opens) asks the list's point again
(rubric: DUP): it goes when another cloze asks its blanks too, unless a blank lies
outside the item or stands on its own. A term whose one test it is keeps it."""

from __future__ import annotations

from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.generation.pick.deck import Made, tidy
from trainer.generation.provenance import Origin

_TEXT = (
    "数字乡村建设有三条路径。"
    "网络通达夯实发展根基。"
    "一是服务供给由线下排队向线上办理转变。"
    "平台赋能激活产业动能，让农产品走出大山。"
    "乡风文明涵养“数字新农人”。"
    "数字乡村建设要抓网络通达，减少线下排队。"
)
_ITEMS = (
    "网络通达夯实发展根基",
    "服务供给由线下排队向线上办理转变",
    "平台赋能激活产业动能",
    "乡风文明涵养“数字新农人”",
)


def _list() -> Made:
    note = Note(
        guid="list",
        kind=NoteKind.LIST,
        prompt="数字乡村建设有哪四条路径？",
        items=_ITEMS,
        source=SourceRef("t", "s0/list", "", 0, len(_TEXT)),
    )
    return note, Origin("list.openers", "分论点")


def _card(sentence: str, *blanked: str, context: str = "") -> Made:
    start = _TEXT.index(sentence)
    text = sentence
    for k, b in enumerate(blanked, 1):
        text = text.replace(b, f"{{{{c{k}::{b}}}}}", 1)
    note = Note(
        guid=f"g{start}",
        kind=NoteKind.CLOZE,
        text=context + text,
        source=SourceRef("t", f"s0/p{start}/cloze1", "", start, start + len(sentence)),
    )
    return note, Origin("cloze.term", "分论点")


def _kept(*cards: Made) -> list[str]:
    return [n.text or n.prompt for n, _o in tidy([_list(), *cards], frozenset(), _TEXT)]


def test_a_cloze_on_an_item_of_a_list_goes() -> None:
    heading = _card("网络通达夯实发展根基。", "网络通达")
    point = _card(
        "一是服务供给由线下排队向线上办理转变。", "线下排队", context="〔数字乡村建设有三条路径〕"
    )
    summary = _card("数字乡村建设要抓网络通达，减少线下排队。", "网络通达", "线下排队")
    assert _kept(heading, point, summary) == ["数字乡村建设有哪四条路径？", summary[0].text]


def test_a_cloze_on_a_heading_the_list_asks_goes_though_it_is_its_terms_one_test() -> None:
    """The list of 分论点 asks the heading whole; a blank inside it asks a piece of the
    same point (rubric: DUP). A 规范表述 there would stay (see the deck-size tests)."""
    heading = _card("网络通达夯实发展根基。", "网络通达")
    assert len(_kept(heading)) == 1


def test_a_blank_outside_the_item_or_standing_alone_keeps_the_card() -> None:
    beyond = _card("平台赋能激活产业动能，让农产品走出大山。", "农产品")
    quoted = _card("乡风文明涵养“数字新农人”。", "数字新农人")
    assert len(_kept(beyond, quoted)) == 3
