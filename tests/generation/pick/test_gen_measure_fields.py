"""A 、 series closed by 等 and a class (等领域): instances named as evidence are no
points, the fields a measure's verb covers (强化A、B、C等领域供给) are."""

from __future__ import annotations

from gen_scoring import list_prompts as _prompts

_SLOGAN = "守正创新，让服务更有温度\n\n"


def test_fields_a_measure_covers_are_its_points() -> None:
    got = _prompts(
        _SLOGAN + "社区服务要提质。一方面,吸引社会力量参与,强化助餐助浴、家政便民、"
        "社区照料、文体休闲等领域供给;另一方面,加强行业监管。"
    )
    assert "助餐助浴" in got, got


def test_names_given_as_evidence_are_no_points() -> None:
    got = _prompts(_SLOGAN + "我国在新能源汽车、智能手机、锂电池等领域已具备较强竞争力。")
    assert "新能源汽车" not in got, got
