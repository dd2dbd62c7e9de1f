"""A chapter cut out of a longer document: its heading names it, its ordinal does not."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.model import NoteKind
from trainer.generation import generate
from trainer.generation.read.reader import read_article

BODY = (
    "乡村振兴,人才是关键。各地要把人才引进来、留得住、用得好。\n\n"
    "一方面,要完善激励机制,让返乡青年有奔头;另一方面,要优化公共服务,让人才安心扎根。\n"
)


def _made(tmp_path: Path, heading: str) -> tuple[str, list[str]]:
    path = tmp_path / "chapter.md"
    path.write_text(f"{heading}\n\n{BODY}", encoding="utf-8")
    out = generate(read_article(str(path)), "chapter")
    said = [n.answer for n in out.notes if n.kind is NoteKind.QA and "中心论点" in n.answer]
    return out.title, said


def test_a_markdown_chapter_heading_as_title_loses_its_ordinal(tmp_path: Path) -> None:
    title, said = _made(tmp_path, "#### 五、人才振兴")
    assert title == "人才振兴"
    assert not any("五、" in a for a in said)


def test_a_bracketed_or_counted_chapter_ordinal_goes_too(tmp_path: Path) -> None:
    assert _made(tmp_path, "### (三)人才振兴,让乡村留住青年")[0] == "人才振兴,让乡村留住青年"
    assert _made(tmp_path, "## 第二章 人才振兴")[0] == "人才振兴"


def test_a_numeral_set_off_by_a_space_is_no_part_of_a_point() -> None:
    from trainer.domain.model import Article

    text = (
        "一 必须坚持人才强县\n"
        "人才是第一资源。要加快培养、引进、用好人才。\n"
        "二 必须坚持产业兴县\n"
        "产业是发展之本。要做强特色农业、壮大县域工业。\n"
    )
    out = generate(Article(text=text, title="县域发展的两个必须"), "t")
    said = [n.answer for n in out.notes if n.kind is NoteKind.QA and "分论点" in n.answer]
    prompts = [n.prompt for n in out.notes if n.kind is NoteKind.LIST]
    assert said and "必须坚持人才强县" in said[0]
    assert not any("一 必须" in a or "二 必须" in a for a in said)
    assert not any(p.startswith(("一 ", "二 ")) for p in prompts)


def test_a_heading_of_obligation_is_a_point_whatever_word_it_ends_on() -> None:
    from trainer.domain.model import Article

    text = (
        "一、必须坚持人才强县\n"
        "人才是第一资源。要加快培养人才。\n"
        "二、必须坚持产业兴县\n"
        "产业是发展之本。要做强特色农业。\n"
        "三、必须主动应对人口流出的挑战\n"
        "人口是发展的基础。要让年轻人留得下。\n"
    )
    out = generate(Article(text=text, title="县域发展的三个必须"), "t")
    said = [n.answer for n in out.notes if n.kind is NoteKind.QA and "分论点" in n.answer]
    assert said and "必须主动应对人口流出的挑战" in said[0]
