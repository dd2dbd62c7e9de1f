"""Sentences that tell one case make no card (rubric: LOW, STAT): a person of some age
and the nickname they go by, an example opened by 比如 and the names of its clubs, a
village named down to its county. The claim the case serves keeps its cards."""

from __future__ import annotations

from trainer.domain.model import Article
from trainer.generation import generate
from trainer.generation.pick.deck import narrates_case

ARTICLE = """让基层文艺创作活起来

近年来，群众文艺创作日益活跃，成为文化建设的一道风景。

68岁的退休教师“山泉阿姨”，用剪纸记录乡村变迁；年轻的快递小哥“追风”，用短诗讲述城市夜晚；回乡开店的“阿福”，用镜头拍下家乡的稻田。

比如浙江湖州安吉县余村，村民组建了“竹韵合唱团”“溪畔书画社”和“田间读书会”，丰富了农民的精神生活。

繁荣群众文艺，要坚持以人民为中心的创作导向，完善公共文化服务体系，健全基层文艺人才培养机制。

各地要加强文艺阵地建设，推动优质文化资源下沉，让群众文艺既有“高原”又有“高峰”。
"""


def _cards() -> list[str]:
    made = generate(Article(title="", text=ARTICLE), "case")
    return [n.text or n.prompt + "|" + "/".join(n.items) for n in made.notes]


def test_a_person_of_some_age_and_their_nickname_make_no_card() -> None:
    cards = _cards()
    assert not [c for c in cards if "山泉阿姨" in c or "阿福" in c or "追风" in c]


def test_an_example_and_the_names_of_its_clubs_make_no_card() -> None:
    cards = _cards()
    assert not [c for c in cards if "合唱团" in c]


def test_the_claim_the_cases_serve_keeps_its_cards() -> None:
    cards = _cards()
    assert any("{{c1::以人民为中心}}" in c for c in cards)
    assert any("高峰" in c for c in cards)


def test_what_marks_a_case() -> None:
    assert narrates_case("43岁的车间工人“阿丁丁”,用诗歌讲述工厂故事;")
    assert narrates_case("比如山东临沂沂水县北黄家庄村,统筹修路、清污、引水。")
    assert narrates_case("以某街道为例,社区开设了“四点半课堂”。")
    assert narrates_case("在江苏省南京市鼓楼区,居民议事会每月召开一次。")
    assert not narrates_case("要把全市的小区、社区、街道划成网格。")
    assert not narrates_case("四川省委提出要加快建设农业强省。")
    assert not narrates_case("繁荣群众文艺,要坚持以人民为中心的创作导向。")
