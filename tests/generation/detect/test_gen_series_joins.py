"""A 、 series' items keep the words they are made of (rubric: CUT): the last item is
not split at 与/和 when the series is itself of pairs (守正与创新、……、自立自强与
对外开放), and no item opens on a particle bound to the word before it (承担着|慢性病筛查)."""

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.text import fold


def _items(text: str) -> list[tuple[str, ...]]:
    return [tuple(fold(i) for i in n.items) for n in make(text).notes if n.kind is NoteKind.LIST]


def test_a_series_of_pairs_keeps_its_last_pair() -> None:
    text = (
        "发展的辩证法\n\n"
        "我们要处理好几对重大关系,包括战略与策略、守正与创新、效率与公平、活力与秩序、"
        "自立自强与对外开放。要正确处理好顶层设计与实践探索、战略与策略、守正与创新、"
        "效率与公平等重大关系。\n"
    )
    lists = _items(text)
    assert any(items[-1] == "自立自强与对外开放" for items in lists), lists
    assert any(items[0] == "顶层设计与实践探索" for items in lists), lists
    assert not any("对外开放" in items for items in lists), lists


def test_a_series_of_single_words_still_splits_at_its_joiner() -> None:
    text = "民生保障\n\n要办好群众关心的教育、医疗、就业和养老等民生实事,让群众更有获得感。\n"
    lists = _items(text)
    assert any(items[-2:] == ("就业", "养老") for items in lists), lists


def test_no_item_opens_on_the_particle_of_the_verb_before_it() -> None:
    text = (
        "基层医疗\n\n"
        "社区卫生服务中心覆盖面广,承担着慢性病筛查、传染病监测、重点人群管护等基础工作。\n"
    )
    lists = _items(text)
    assert any(items[0] == "慢性病筛查" for items in lists), lists
    assert not any(i.startswith("着") for items in lists for i in items), lists
