"""Lists a tutor would not ask: the places or times a point happens in."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate


def _lists(text: str, title: str) -> list[tuple[str, ...]]:
    out = generate(Article(text=text, title=title), "t")
    return [n.items for n in out.notes if n.kind is NoteKind.LIST]


def test_a_run_of_stretches_between_named_places_is_no_list() -> None:
    text = (
        "乡村医生是农民健康的守门人。\n"
        "近年来,各地选派大批医生下乡坐诊。从长白山麓到太行山区,从河西走廊到横断山脉,"
        "从洞庭湖区到鄱阳湖区,“哪里有病人,哪里就有医生”。"
        "要做到三个坚持:坚持预防为主、坚持就近服务、坚持中西医并重。\n"
    )
    lists = _lists(text, "乡村医生")
    assert not [items for items in lists if all(i.startswith("从") for i in items)]
    assert any("坚持预防为主" in " ".join(items) for items in lists)


def test_stages_from_one_state_to_another_stay_a_list() -> None:
    text = (
        "社会主义五百年的历程启示我们。\n"
        "世界社会主义经历了从空想到科学、从理论到实践、从一国到多国的发展过程。\n"
    )
    assert ("从空想到科学", "从理论到实践", "从一国到多国") in _lists(text, "社会主义五百年")


def test_a_series_of_named_fields_or_an_identity_is_no_list() -> None:
    text = (
        "县域经济是国民经济的基本单元。\n"
        "我县作为农业大县、生态大县、文旅大县,拥有得天独厚的条件。"
        "电子商务、冷链物流、乡村旅游等领域的一批本地企业发展壮大。"
        "要做到三个坚持:坚持规划先行、坚持产业为本、坚持生态优先。\n"
    )
    lists = _lists(text, "县域经济")
    assert ("农业大县", "生态大县", "文旅大县") not in lists
    assert ("电子商务", "冷链物流", "乡村旅游") not in lists
    assert any("坚持规划先行" in " ".join(items) for items in lists)
