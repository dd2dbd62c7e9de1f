"""A judgement's claim is what its cloze hides: 改革是{最大的红利}, not {改革}是最大的红利
(rubric: KEY)."""

from __future__ import annotations

from trainer.domain.model import Article, NoteKind
from trainer.generation import generate
from trainer.generation.text import Span, fold

FILLER = "各地结合实际推进相关工作,取得了一定成效,但仍有不少地方需要继续努力。"


def _span(text: str) -> Span:
    text = fold(text)
    return Span(text, 0, len(text))


def _blanked(s: Span, words: list[str]) -> tuple[Span, ...]:
    return tuple(Span(w, s.text.index(w), s.text.index(w) + len(w)) for w in words)


def test_the_claim_of_each_judgement() -> None:
    from trainer.generation.pick.clozes import _claims

    def claims(text: str) -> list[str]:
        return [c.text for c in _claims(_span(text), set())]

    assert claims("绿色发展是最大的底色，也是推动转型升级的根本路径。") == ["最大的底色"]
    assert claims("我们要建设的智慧城市，是以人民为中心的城市。") == ["以人民为中心"]
    assert claims("基层是群众生活的家园，是社会治理最坚实的支点。") == [
        "群众生活的家园",
        "最坚实的支点",
    ]
    assert claims("这样做是为了更好地服务群众。") == []  # a purpose, no claim
    assert claims("一是完善制度，二是压实责任。") == []  # numbered points
    assert claims("他们是从外地赶来的志愿者。") == []  # a setting


def test_a_subject_blank_gains_its_claim_where_there_is_room() -> None:
    from trainer.generation.pick.clozes import _with_claim

    s = _span("乡村文化是最深厚的发展底气，农民群众要主动参与其中。")
    got = [b.text for b in _with_claim(s, _blanked(s, ["乡村文化"]), set())]
    assert got == ["乡村文化", "最深厚的发展底气"], got


def test_a_full_card_gives_a_side_word_to_the_claim() -> None:
    from trainer.generation.pick.clozes import _with_claim

    s = _span("人才队伍是第一资源，也是产业发展中最为活跃、最为积极的力量。")
    got = [b.text for b in _with_claim(s, _blanked(s, ["最为活跃", "最为积极", "力量"]), set())]
    assert got == ["第一资源", "最为活跃", "最为积极"], got


def test_a_claim_never_hides_more_than_half_the_sentence() -> None:
    from trainer.generation.pick.clozes import _with_claim

    s = _span("人才是第一资源。")
    blanks = _blanked(s, ["人才"])
    assert _with_claim(s, blanks, set()) == blanks


def test_a_card_already_asking_the_claim_is_left_alone() -> None:
    from trainer.generation.pick.clozes import _with_claim

    s = _span("改革是最大的红利，也是推进发展的根本途径。")
    blanks = _blanked(s, ["最大的红利"])
    assert _with_claim(s, blanks, set()) == blanks


def test_a_judgement_clause_is_blanked_as_its_claim() -> None:
    """我们建设的智慧城市，{是以人民为中心的城市}: the copula and the head that repeats the
    subject are no part of what is learnt; the claim is (rubric: CUT, KEY)."""
    text = (
        f"{FILLER}\n我们建设的智慧城市，是以人民为中心的城市。\n{FILLER}\n"
        "要加快智慧城市布局，推动智慧城市与产业融合。\n"
        f"{FILLER}\n智慧城市建设离不开统筹规划。\n"
    )
    out = generate(Article(text=text, title="城市的未来"), "t")
    cards = [
        n.text
        for n in out.notes
        if n.kind is NoteKind.CLOZE and "我们建设的" in n.text and "{{c" in n.text
    ]
    assert cards, [n.text for n in out.notes]
    assert all("是{{c1::以人民为中心}}的城市" in c for c in cards), cards


def test_a_blank_touching_the_claim_gives_way_to_it() -> None:
    """是{社会治理}{最坚实的支点}: two blanks side by side read as one; the claim stays."""
    from trainer.generation.pick.clozes import _with_claim

    s = _span("社区，是邻里互助最坚实的支点。")
    got = [b.text for b in _with_claim(s, _blanked(s, ["邻里互助"]), set())]
    assert got == ["最坚实的支点"], got


def test_a_series_after_the_copula_is_no_claim_of_its_first_member() -> None:
    """前者的“融”，{是融内容、融技术、融机制}: the blank is not narrowed to 融内容."""
    from trainer.generation.pick.clozes import _claims

    assert _claims(_span("前者的“融”，是融内容、融技术、融机制。"), set()) == []
