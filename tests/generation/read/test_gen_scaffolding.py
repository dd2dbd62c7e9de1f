"""A study note's own scaffolding is no material: its contents, reading instructions,
lines addressed to the student (注意:, 提示:) and a quiz with its options."""

from __future__ import annotations

from pathlib import Path

from trainer.generation import generate
from trainer.generation.read.boilerplate import content_lines
from trainer.generation.read.reader import read_article
from trainer.generation.text import fold

NOTE = """# 申论热点:基层减负

## 目录

一、热点背景

二、规范表述

三、随堂小测

## 阅读提示

本讲义建议先通读全文,再背诵规范表述,最后完成随堂小测,用时约20分钟。

## 一、热点背景

近年来,形式主义问题在一些地方反弹回潮,基层干部疲于应付各类检查考核。

## 二、规范表述

为基层减负,关键在于精简会议文件、规范督查检查考核、整治“指尖上的形式主义”。

注意:答题时不要照抄材料原句,要用自己的话概括。

提示:本部分表述可直接用于大作文的对策段。

要坚持以人民为中心,让基层干部把更多精力用在抓落实上。

## 三、随堂小测

1. 下列关于基层减负的说法,正确的是( )

A. 基层减负就是减少基层干部的工作任务

B. 基层减负要整治“指尖上的形式主义”

C. 基层减负意味着取消一切督查检查

D. 基层减负只需要上级部门发文即可

答案:B
"""


def _cards(tmp_path: Path, text: str) -> str:
    path = tmp_path / "note.md"
    path.write_text(text, encoding="utf-8")
    made = generate(read_article(str(path)), "note")
    return "\n".join(f"{n.prompt} {n.answer} {n.text} {' '.join(n.items)}" for n in made.notes)


def test_instructions_notices_and_quiz_options_make_no_cards(tmp_path: Path) -> None:
    seen = _cards(tmp_path, NOTE)
    for scaffold in (
        "本讲义建议",
        "不要照抄",
        "大作文的对策段",
        "减少基层干部的工作任务",
        "上级部门发文",
        "答案",
    ):
        assert scaffold not in seen, scaffold
    assert "指尖上的形式主义" in seen  # the note's material is still carded


def test_contents_entries_are_no_sections(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    made = generate(read_article(str(path)), "note")
    assert "目录" not in made.sections
    assert made.sections.count("一、热点背景") == 1


def test_a_notice_word_inside_prose_is_content() -> None:
    """Only a line opening on 注意: or 提示: is addressed to the student."""
    text = NOTE.replace("注意:答题时", "要注意答题时")
    kept = " ".join(ln.text for ln in content_lines(fold(text)))
    assert "要注意答题时" in kept
    assert "本部分表述可直接用于" not in kept


def test_the_right_option_stays_as_material_without_its_letter() -> None:
    kept = [ln.text for ln in content_lines(fold(NOTE))]
    assert "基层减负要整治“指尖上的形式主义”" in kept
    assert not any(t.startswith(("A.", "B.", "C.", "D.", "1. 下列")) for t in kept)


def test_lettered_points_after_no_quiz_question_stay() -> None:
    text = (
        "推进基层减负\n\n要从三方面入手:\n"
        "A. 精简会议文件,减少层层转发、照抄照搬的文件和可开可不开的会议。\n"
        "B. 规范督查检查,统筹安排考核事项,坚决防止多头重复检查。\n"
        "C. 整治形式主义,把基层干部从各类台账报表中解脱出来。\n"
    )
    kept = " ".join(ln.text for ln in content_lines(fold(text)))
    assert "A. 精简会议文件" in kept and "C. 整治形式主义" in kept


def test_a_pages_lead_label_is_no_section_and_its_lead_stays(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(
        "# 守护乡村的烟火气\n\n📌 导语\n\n守护乡村的烟火气，关键在于留住人、留住文化。\n\n"
        "乡村振兴，既要塑形，也要铸魂。各地要因地制宜，久久为功，把美好蓝图变为生动现实。\n\n"
        "一是完善公共服务；二是发展特色产业；三是传承乡土文化。\n",
        encoding="utf-8",
    )
    made = generate(read_article(str(path)), "page")
    assert made.sections == ()
    tags = [t for n in made.notes for t in n.tags if t.startswith("section::")]
    assert tags and not [t for t in tags if "导语" in t], tags
    assert any("留住人" in n.text + n.answer for n in made.notes)
