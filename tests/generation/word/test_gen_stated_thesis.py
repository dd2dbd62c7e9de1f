"""The 中心论点 a commentary or essay states in a sentence, before its title (made-up
texts): a closing restatement (总之……) under any title; the closing paragraph's
judgement under a title put as a figure of speech or a headline leaning on its first
half (……,这病得治); a title stating the claim in the body's own words stands."""

from __future__ import annotations

from gen_scoring import card_parts as _parts
from gen_scoring import structure_card as _card

BODY = (
    "近年来,一些地方的干部热衷于搞形式、造声势,群众看在眼里。\n\n"
    "扎根基层,干部要俯下身子听民声。走进田间地头,把群众的冷暖放在心上。\n\n"
    "扎根基层,干部要沉下心来办实事。一件件小事办好了,群众的日子就更有盼头。\n\n"
    "扎根基层,干部要挺起脊梁担重任。急难险重的任务面前,干部冲在最前面。\n\n"
)


def test_a_closing_judgement_is_the_thesis_under_a_figurative_title() -> None:
    text = (
        "你若盛开,清风自来\n\n"
        + BODY
        + "干部的口碑不在于自我标榜,而在于实实在在的政绩。把实事办好了,群众自然会点赞。\n"
    )
    note = _card(text)
    assert note is not None
    assert _parts(note)["中心论点"] == "干部的口碑不在于自我标榜,而在于实实在在的政绩"


def test_a_closing_restatement_is_the_thesis_before_a_title_stating_a_claim() -> None:
    text = (
        "让基层干部扎根基层\n\n"
        + BODY
        + "总之,干部扎根基层的关键在于把群众的小事当作大事。群众的口碑就是最好的奖章。\n"
    )
    note = _card(text)
    assert note is not None
    assert _parts(note)["中心论点"] == "干部扎根基层的关键在于把群众的小事当作大事"


HEADLINE = (
    "“网红滤镜”泛滥,这病得治\n\n"
    "打开短视频,处处是修过的风景:滤镜下的湖水碧蓝,现场却是一片浑水。\n\n"
    "滤镜泛滥,伤了游客的心。游客慕名而来,看到的却和视频里的画面两样。\n\n"
    "滤镜泛滥,砸了景区的牌子。一次失望,往往换来一连串的差评。\n\n"
    "滤镜泛滥,坏了行业的风气。你修我也修,比的不是服务而是修图。\n\n"
    "滤镜可以美化画面,却不能遮蔽真实的风景。把服务做实,口碑自然会来。\n"
)


def test_a_headline_leaning_on_its_first_half_gives_way_to_the_closing_judgement() -> None:
    note = _card(HEADLINE)
    assert note is not None
    assert _parts(note)["中心论点"] == "滤镜可以美化画面,却不能遮蔽真实的风景"


def test_a_title_stating_the_claim_in_the_bodys_words_stands_over_a_closing_saying() -> None:
    text = "让基层干部扎根基层\n\n" + BODY + "扎根基层没有旁观者,人人都是参与者。\n"
    note = _card(text)
    assert note is not None
    assert _parts(note)["中心论点"] == "让基层干部扎根基层"
