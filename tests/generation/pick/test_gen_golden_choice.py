"""Which 金句 cards card choice keeps (rubric: TAG, LOW).

A 金句 is a line worth quoting in an essay (``GUIDE.md``): not a question that leads
into the next sentences, not an example (比如……). A quotation stays whatever its form.
Nor are the parallel clauses that set a question a list of points to recall."""

from __future__ import annotations

from gen_scoring import cloze_card

from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.generation.pick.deck import Made, tidy
from trainer.generation.provenance import Origin

_TEXT = (
    "当成绩公布的消息传来，我们更想知道：一次次落后，一分分追回，他们究竟如何实现突破？"
    "面对“我们究竟需要什么样的改革？怎样才能推进改革？”"
    "比如垃圾分类，社区要面对小商铺、老旧楼栋等大量细碎分散的难点，既要督促落实，又要顾及居民习惯。"
    "古人问：“问渠那得清如许？”"
    "只有汇聚各方力量，才能把治理潜力转化为发展动能。"
)


def _card(sentence: str, blanked: str, rule: str, function: str = "金句") -> Made:
    return cloze_card(_TEXT, sentence, blanked, rule, function)


def _kept(*cards: Made, standing: frozenset[str] = frozenset()) -> list[str]:
    return [n.text for n, _o in tidy(list(cards), standing, _TEXT)]


def test_a_golden_card_on_a_question_goes() -> None:
    question = _card(
        "当成绩公布的消息传来，我们更想知道：一次次落后，一分分追回，他们究竟如何实现突破？",
        "一分分追回",
        "cloze.golden.parallel",
    )
    quoted_questions = _card(
        "面对“我们究竟需要什么样的改革？怎样才能推进改革？”", "什么样", "cloze.golden.pattern"
    )
    assert _kept(question, quoted_questions) == []


def test_a_golden_card_on_an_example_goes() -> None:
    example = _card(
        "比如垃圾分类，社区要面对小商铺、老旧楼栋等大量细碎分散的难点，既要督促落实，又要顾及居民习惯。",
        "垃圾分类",
        "cloze.golden.pattern",
    )
    # A 规范表述 blanked in an example is the case's name: no 金句 for it either.
    assert _kept(example, standing=frozenset({"垃圾分类"})) == []


def test_a_quotation_and_an_argued_line_keep_their_golden_cards() -> None:
    quotation = _card("古人问：“问渠那得清如许？”", "问渠那得清如许", "cloze.golden.saying")
    argued = _card(
        "只有汇聚各方力量，才能把治理潜力转化为发展动能。", "汇聚各方力量", "cloze.golden.pattern"
    )
    assert len(_kept(quotation, argued)) == 2


_ASKED = (
    "当成绩公布的消息传来，我们更想知道：一次次落后，一分分追回，一场场硬仗，他们究竟如何实现突破？"
    "为什么说改革经历了从试点到推广、从局部到全局的历程？"
)


def _list(sentence: str, items: tuple[str, ...], rule: str) -> Made:
    start = _ASKED.index(sentence)
    note = Note(
        guid=f"l{start}",
        kind=NoteKind.LIST,
        prompt="哪几点？",
        items=items,
        source=SourceRef("t", f"s0/p{start}/list1", "", start, start + len(sentence)),
    )
    return note, Origin(rule, "过渡")


def test_a_list_of_the_clauses_setting_a_question_goes() -> None:
    # The list's source ends at its last item, before the question it sets.
    setting = _list(
        "一次次落后，一分分追回，一场场硬仗",
        ("一次次落后", "一分分追回", "一场场硬仗"),
        "list.parallel",
    )
    stages = _list("从试点到推广、从局部到全局", ("从试点到推广", "从局部到全局"), "list.inline")
    kept = tidy([setting, stages], frozenset(), _ASKED)
    assert [n.items for n, _o in kept] == [("从试点到推广", "从局部到全局")]
