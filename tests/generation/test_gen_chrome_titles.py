"""Page titles lose channel prefixes and site suffixes; promotional sentences are chrome."""

from __future__ import annotations

from trainer.generation.boilerplate import content_lines
from trainer.generation.reader import clean_title


def test_clean_title_keeps_the_headline_part() -> None:
    assert clean_title("申论热点｜推动乡村全面振兴的新路径") == "推动乡村全面振兴的新路径"
    assert clean_title("城市更新要留住烟火气_某某网") == "城市更新要留住烟火气"
    assert clean_title("城市更新要留住烟火气 - 某某新闻网") == "城市更新要留住烟火气"
    assert clean_title("2024年申论范文：让数据多跑路") == "2024年申论范文：让数据多跑路"


def test_promotional_sentence_is_cut_from_a_content_line() -> None:
    text = "标题\n\n乡村振兴，关键在人。下面某某机构为考生带来本期范文，供大家参考学习。人才是第一资源。\n"
    kept = " ".join(s.text for s in content_lines(text))
    assert "某某机构" not in kept
    assert "乡村振兴，关键在人。" in kept
    assert "人才是第一资源。" in kept


def test_exam_instructions_are_not_a_list() -> None:
    from trainer.domain.model import Article
    from trainer.generation import generate

    text = (
        "乡村人才振兴\n\n题目\n\n根据给定材料，提出对策建议。（20分）\n\n"
        "要求：（1）对策具体、可行；（2）条理清晰，语言简洁；（3）不超过400字。\n"
    )
    result = generate(Article(text=text, title="", source="t"), "t")
    assert not [n for n in result.notes if n.kind.value == "list"]
