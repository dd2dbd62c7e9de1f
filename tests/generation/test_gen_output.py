"""Structure, boilerplate, cloze density, determinism and GUID stability."""

from __future__ import annotations

import re

from gen_scoring import ARTICLES, SEED, make, seed_text

from trainer.domain import cloze
from trainer.domain.model import NoteKind
from trainer.generation.text import fold

FOOTER = (
    "\n\n本文由 某某网 发布,如需转载,请注明出处:https://www.example.com/1.html\n\n"
    "上一篇 2021年10月11日\n下一篇 2021年10月11日\n\n相关推荐\n\n产品手册\n\n在线咨询\n\n"
    "技术支持:400-800-1605\n邮件:[email protected]\n大客户:13801294219\n微信扫一扫获得公司动态\n"
)
BODY = (
    "基层减负\n\n为基层减负,一方面要做好减法,精简文件会议;另一方面要做好加法,给予基层更多支持。"
    "减负不是减责任,更不是减担当。只有把减负成效转化为群众的获得感,才能让减负落地生根。"
    "各级党委要持续纠治形式主义、官僚主义,让基层干部轻装上阵。\n"
)


def test_footer_never_becomes_cards() -> None:
    out = make(BODY + FOOTER)
    blob = repr([(n.prompt, n.answer, n.text, n.items) for n in out.notes])
    for leak in (
        "400-800",
        "example.com",
        "相关推荐",
        "产品手册",
        "在线咨询",
        "微信扫一扫",
        "@",
        "上一篇",
    ):
        assert leak not in blob
    assert out.notes


def test_seed_structure_and_offsets() -> None:
    text = seed_text()
    out = make(text, "zhibo-daihuo")
    assert out.title == "疫情背景下的直播带货景象"
    assert out.sections[0] == "热点背景"
    for n in out.notes:
        assert 0 <= n.source.start < n.source.end <= len(text)
        assert n.source.article == "zhibo-daihuo"
        assert any(t.startswith("section::") for t in n.tags)
        if n.kind is NoteKind.CLOZE:
            plain = cloze.plain(n.text)
            assert plain == text[n.source.start : n.source.end]


def test_cloze_density() -> None:
    out = make(seed_text())
    plains = []
    for n in out.notes:
        if n.kind is not NoteKind.CLOZE:
            continue
        deletions = cloze.parse(n.text)
        # At most three questions per card (a series' members share one number).
        assert 1 <= len({d.number for d in deletions}) <= 3
        for d in deletions:
            core = re.sub(r"[“”\"'。,,、]", "", d.answer)
            assert len(core) >= 2 and not core.isdigit()
        plains.append(n.text)
    # One card per sentence and point: a sentence has a second card only for a
    # series its first card had no room to blank.
    assert len(plains) == len(set(plains))


def test_golden_patterns() -> None:
    text = (
        "评论\n\n干部作风,重在实干,贵在坚持。群众的眼睛是雪亮的,“脚上有泥,心中有数”才能干好工作。"
        "无以规矩,不成方圆。只有真正沉下去,才能把情况摸清楚。\n"
    )
    clozes = [n.text for n in make(text).notes if n.kind is NoteKind.CLOZE]
    joined = "\n".join(clozes)
    assert "{{c1::重在实干}},{{c2::贵在坚持}}" in joined
    assert "{{c1::脚上有泥}},{{c2::心中有数}}" in joined
    assert "无以规矩,{{c1::不成方圆}}" in joined
    assert any("只有真正沉下去" in cloze.plain(c) for c in clozes)


def test_deterministic() -> None:
    text = seed_text()
    assert make(text, "x") == make(text, "x")


def test_guids_survive_a_typo_fix() -> None:
    text = seed_text()
    edited = text.replace("真正的功夫却在直播间之外", "真正的功夫却在直播间以外")
    assert edited != text
    before = {n.source.anchor: n.guid for n in make(text, "x").notes}
    after = {n.source.anchor: n.guid for n in make(edited, "x").notes}
    assert len(before) == len(make(text, "x").notes)  # anchors are unique
    shared = before.keys() & after.keys()
    assert len(shared) >= len(before) - 1
    assert all(before[a] == after[a] for a in shared)


def test_fullwidth_input_matches_halfwidth() -> None:
    half = (ARTICLES / "renmin-shiping.txt").read_text(encoding="utf-8")
    full = half.replace(",", ",").replace(":", ":").replace(";", ";").replace("?", "?")
    a, b = make(half), make(full)
    assert [n.items for n in a.notes] == [n.items for n in b.notes]
    assert fold(full) == fold(half)
    for n in b.notes:
        if n.kind is NoteKind.LIST:
            assert all(it in full for it in n.items)  # shown as written


def test_no_structure_still_gives_clozes() -> None:
    text = (
        "社会治理是一门科学。只有坚持以人民为中心,才能赢得群众信任。"
        "要在共建共治共享上下功夫,推动社会治理重心向基层下移。"
    )
    out = make(text)
    assert any(n.kind is NoteKind.CLOZE for n in out.notes)


def test_radicals_standing_for_characters_are_read_as_the_characters() -> None:
    """A PDF-extracted paper writes 居⺠ for 居民: the generator reads the word,
    and the card keeps the article's own characters at their offsets."""
    from trainer.generation.text import fold

    assert fold("居⺠⻅⾯") == "居民见面"


def test_the_generation_bench_measures_the_seed_in_any_checkout() -> None:
    """The bench's seed is the bundled copy: a checkout without ``shared`` beside it
    (a worktree, a CI clone elsewhere) once measured another article silently."""
    from bench import bench_generation

    assert bench_generation._seed().read_bytes() == SEED.read_bytes()
