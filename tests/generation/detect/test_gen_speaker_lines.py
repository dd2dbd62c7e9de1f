"""A speaker's line in an exam's 给定资料 (县卫健局白局长:“……”, ……”村支书老王说) holds
the material's points: its sentences and clauses are read like the prose around it,
and its points are carded without the quotation's marks."""

from __future__ import annotations

from gen_scoring import make

from trainer.generation.text import fold, sentences


def _lists(text: str) -> list[tuple[str, list[str]]]:
    return [
        (fold(n.prompt), [fold(i) for i in n.items])
        for n in make(text, "t").notes
        if n.kind.value == "list"
    ]


def test_a_speakers_line_of_several_sentences_is_split_into_them() -> None:
    text = fold("渔村。“我们先清理了海滩。后来又修好了码头。”老渔民说。")
    got = [s.text for s in sentences(text, 0, len(text))]
    assert any(s.endswith("海滩。") for s in got), got
    assert any("修好了码头" in s and "海滩" not in s for s in got), got


def test_a_saying_handed_down_stays_one_sentence() -> None:
    text = fold("古人云:“天下难事,必作于易。天下大事,必作于细。”做事要从小处着手。")
    got = [s.text for s in sentences(text, 0, len(text))]
    assert any("必作于易。天下大事" in s for s in got), got


def test_a_series_in_a_speakers_line_is_a_list() -> None:
    got = _lists(
        "送戏下乡。\n\n某县黄梅戏剧团常年下乡演出。周团长说,“黄梅戏扎根在田间、成长在田间、"
        "繁荣在田间。只有贴近乡亲,戏才能演得活、传得远、留得下。”\n\n剧团今年演出一百多场。"
    )
    assert any(items == ["扎根在田间", "成长在田间", "繁荣在田间"] for _p, items in got), got


def test_the_points_of_a_speakers_line_carry_no_quotation_marks() -> None:
    got = _lists(
        "垃圾治理。\n\n近年来,某县推进农村垃圾治理。县住建局白局长介绍:“我们的做法主要有三条:"
        "一是组建保洁队伍,二是完善收运设施,三是推行积分奖励。”"
    )
    items = next(i for _p, i in got if "完善收运设施" in i)
    assert items == ["组建保洁队伍", "完善收运设施", "推行积分奖励"], got


def test_an_item_keeps_marks_it_holds_more_than_one_of() -> None:
    from trainer.generation.word.lists import _without_stray_quotes

    for text in ("何为”乡土文化”", "「十五五」目标里带「远景"):
        assert _without_stray_quotes(text, 0, len(text)) == (0, len(text)), text
    text = "推行积分奖励。”"
    assert _without_stray_quotes(text, 0, len(text)) == (0, len("推行积分奖励"))


def test_we_in_a_speakers_line_is_asked_as_the_body_the_speaker_speaks_for() -> None:
    got = _lists(
        "垃圾治理。\n\n近年来,某县推进农村垃圾治理。县住建局白局长介绍:“我们的做法主要有三条:"
        "一是组建保洁队伍,二是完善收运设施,三是推行积分奖励。”"
    )
    prompt = next(p for p, i in got if "完善收运设施" in i)
    assert prompt.startswith("县住建局的做法"), prompt
    assert "白局长" not in prompt and "我们" not in prompt, prompt


def test_a_material_line_opening_on_its_speaker_is_asked_as_what_the_body_did() -> None:
    got = _lists(
        "材料二\n\n为破解群众看病难,某县推进县域医共体建设。\n\n"
        "县卫健局白局长:这几年我们主要抓了三件事。一是推动优质资源下沉,二是完善分级诊疗制度,"
        "三是提升基层医生待遇。现在群众在家门口就能看上病。"
    )
    prompt = next(p for p, i in got if "完善分级诊疗制度" in i)
    assert prompt.startswith("县卫健局的做法有哪三"), prompt
