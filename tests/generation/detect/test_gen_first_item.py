"""The first item of a 、 series framed by 等 starts after the verb before it."""

from gen_scoring import make

from trainer.domain.model import NoteKind


def test_short_items_after_a_verb() -> None:
    text = (
        "基层治理的新课题\n\n"
        "在整个链条中,线上展示仅仅是其中一环,其背后是采购、加工、运输、仓储、配送等一系列工作。"
        "仅靠一张嘴肯定是不行的。\n"
    )
    lists = [n for n in make(text).notes if n.kind is NoteKind.LIST]
    assert any(n.items == ("采购", "加工", "运输", "仓储", "配送") for n in lists), [
        n.items for n in lists
    ]
