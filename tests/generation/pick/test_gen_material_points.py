"""Card choice in a material (pick.material): background narration goes unless it
takes a measure, quotes a speaker or blanks a quoted term; a form-only 金句 goes
unless it quotes."""

from __future__ import annotations

from gen_scoring import cloze_card

from trainer.generation.pick.material import material_cards
from trainer.generation.text import fold

TEXT = fold(
    "溪口镇地处山区,交通不便。"
    "茶叶制造是溪口镇的一大“块状经济”,近年来市场需求不断扩大。"
    "该镇党委书记表示,“数字化改造是茶产业的必由之路”。"
    "山间云雾缭绕,茶园一望无际。"
    "正如老茶农所说:“好茶靠天,更靠人。”\n"
)


def _kept(*cards: tuple[str, str, str, str]) -> list[str]:
    made = [cloze_card(TEXT, fold(s), fold(b), rule, function) for s, b, rule, function in cards]
    return [n.text for n, _o in material_cards(made, TEXT)]


def test_background_without_a_point_goes() -> None:
    assert _kept(("溪口镇地处山区,交通不便。", "交通不便", "cloze.term", "背景")) == []


def test_a_background_line_blanking_a_quoted_term_stays() -> None:
    kept = _kept(
        (
            "茶叶制造是溪口镇的一大“块状经济”,近年来市场需求不断扩大。",
            "块状经济",
            "cloze.term",
            "背景",
        )
    )
    assert len(kept) == 1


def test_a_background_line_opening_on_a_speaker_stays() -> None:
    kept = _kept(
        ("该镇党委书记表示,“数字化改造是茶产业的必由之路”。", "数字化改造", "cloze.term", "背景")
    )
    assert len(kept) == 1


def test_a_form_only_golden_line_goes_unless_it_quotes() -> None:
    kept = _kept(
        ("山间云雾缭绕,茶园一望无际。", "茶园一望无际", "cloze.golden.aphorism", "金句"),
        ("正如老茶农所说:“好茶靠天,更靠人。”", "更靠人", "cloze.golden.aphorism", "金句"),
    )
    assert [fold(k) for k in kept] == [fold("正如老茶农所说:“好茶靠天,{{c1::更靠人}}。”")]
