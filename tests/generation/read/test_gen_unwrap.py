"""Hard-wrapped text (a PDF's text, a fixed-width file) read back as paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.formats.cards_json import made as to_json
from trainer.generation import generate
from trainer.generation.read.reader import read_article
from trainer.generation.read.unwrap import unwrap

PARAS = [
    "近年来，某县把河道治理同村庄建设结合起来，先后疏浚沟渠四十多公里，修复堤岸二十余处，"
    "昔日的臭水沟变成了村民散步的好去处。县水利局的老周说，过去治水靠突击，现在治水靠制度。",
    "“河长不是挂个名字，而是要天天到河边走一走。”镇里的河长每周巡河两次，发现问题当天登记，"
    "三天之内给出处理意见，群众可以在手机上查到每一条河的水质和整改进度。",
    "治水的经验告诉我们，生态环境没有替代品，用之不觉，失之难存。只有把保护放在前面，"
    "把责任落到具体的人身上，绿水青山才能长久地留在身边，成为群众实实在在的获得感。",
]


def wrap(text: str, n: int) -> list[str]:
    """``text`` cut every ``n`` characters, mid-word or not, as a PDF export does."""
    return [text[i : i + n] for i in range(0, len(text), n)]


def test_wrapped_paragraphs_are_joined_and_short_lines_stay() -> None:
    lines = ["【材料二】", *wrap(PARAS[0], 30), "（一）守护一方碧水", *wrap(PARAS[1], 30)]
    lines += ["1. 治水要靠制度", *wrap(PARAS[2], 30)]
    assert any(not ln.endswith(("。", "，")) for ln in lines)  # cut mid-sentence
    got = unwrap("\n".join(lines) + "\n")
    assert got.split("\n") == [
        "【材料二】",
        PARAS[0],
        "（一）守护一方碧水",
        PARAS[1],
        "1. 治水要靠制度",
        PARAS[2],
        "",
    ]


def test_page_furniture_inside_a_sentence_is_dropped() -> None:
    body = [*wrap(PARAS[0], 32), *wrap(PARAS[1], 32), *wrap(PARAS[2], 32)]
    cut = next(i for i, ln in enumerate(body) if not ln.endswith(("。", "，"))) + 1
    # a page ends after that line, mid-sentence
    pages = ["", "2024年某省公务员录用考试《申论》（乡镇卷） 第 2 页", ""]
    text = "\n".join([*body[:cut], *pages, *body[cut:]])
    assert unwrap(text).split("\n") == PARAS
    # A bare page number between the halves of a sentence goes the same way.
    text = "\n".join([*body[:cut], "7", *body[cut:]])
    assert unwrap(text).split("\n") == PARAS


def test_a_page_break_where_the_next_line_starts_with_a_comma() -> None:
    # A PDF's text: the comma that ended a full line opens the next page.
    n = next(n for n in range(26, 36) if any(ln.endswith("，") for ln in wrap(PARAS[0], n)[:-1]))
    lines = wrap(PARAS[0], n)
    at = next(i for i, ln in enumerate(lines) if ln.endswith("，"))
    header = "某县治水经验材料汇编·第一部分"
    rest = ["，" + lines[at + 1], *lines[at + 2 :], *wrap(PARAS[2], n)]
    text = "\n".join([*lines[:at], lines[at][:-1], "", header, "第 5 页", *rest])
    assert unwrap(text).split("\n") == [PARAS[0], PARAS[2]]


def test_a_running_header_at_a_page_break_between_paragraphs_is_dropped() -> None:
    # The page breaks where a paragraph ends: the header above its page number is
    # furniture all the same, not a heading of the next paragraph.
    header = "2024年某省考《申论》（一卷）·试题"
    body = [*wrap(PARAS[0], 30), "", header, "第 2 页", *wrap(PARAS[1], 30)]
    body += ["", header, "第 3 页", *wrap(PARAS[2], 30)]
    assert header not in unwrap("\n".join(body))


def test_a_repeated_short_line_away_from_page_numbers_stays() -> None:
    lines = ["材料1", *wrap(PARAS[0], 30), "材料2", *wrap(PARAS[1], 30), "材料3"]
    lines += wrap(PARAS[2], 30)
    got = unwrap("\n".join(lines))
    assert [ln for ln in got.split("\n") if ln.startswith("材料")] == ["材料1", "材料2", "材料3"]


def test_latin_words_keep_their_space_cjk_none() -> None:
    para = (
        "该县引入 river monitoring system 后，河道数据每十分钟更新一次，"
        "管理人员在手机上的 mobile app 里就能看到 water quality index 的变化趋势，"
        "处置问题的时间从原来的三天缩短到半天，群众对治水工作的满意度明显提高。"
    )
    lines = [
        "该县引入 river monitoring system 后，河道数",
        "据每十分钟更新一次，管理人员在手机上的 mobile",
        "app 里就能看到 water quality index 的变化趋",
        "势，处置问题的时间从原来的三天缩短到半天，群",
        "众对治水工作的满意度明显提高。",
    ]
    got = unwrap("\n".join([*lines, *wrap(PARAS[2], 22)]))
    assert got.split("\n") == [para, PARAS[2]]


def test_a_quotation_ended_by_its_speaker_on_a_short_line() -> None:
    quote = (
        "“治水不是一阵风，要一年接着一年干，一届接着一届干，"
        "干出群众看得见、摸得着、信得过的变化，让每一条河都清起来、活起来。”"
    )
    # The quotation's last line ends exactly at the wrap width, its speaker on the next.
    assert len(quote) % 30 == 0
    lines = [*wrap(PARAS[0], 30), *wrap(quote, 30), "县委书记表示。", *wrap(PARAS[2], 30)]
    assert unwrap("\n".join(lines)).split("\n") == [PARAS[0], quote + "县委书记表示。", PARAS[2]]


def test_text_with_a_paragraph_on_each_line_is_left_alone() -> None:
    heads = [
        "坚持系统观念，统筹推进山水林田湖草治理",
        "坚持人民至上，切实解决群众身边的突出问题",
        "坚持改革创新，不断完善河湖管护长效机制",
    ]
    text = "\n".join(x for pair in zip(heads, PARAS, strict=True) for x in pair) + "\n"
    assert unwrap(text) == text
    short = "一是加强监测\n二是落实责任\n三是完善制度\n四是强化考核\n五是鼓励参与\n"
    assert unwrap(short) == short


def test_a_wrapped_file_makes_cards_of_whole_sentences(tmp_path: Path) -> None:
    lines = ["【材料一】", *wrap(PARAS[0], 30), *wrap(PARAS[1], 30)]
    lines += ["", "2024年某省公务员录用考试《申论》 第 2 页", *wrap(PARAS[2], 30)]
    path = tmp_path / "wrapped.txt"
    path.write_bytes("\n".join(lines).encode("gb18030"))
    art = read_article(str(path))
    assert art.text.split("\n") == ["【材料一】", PARAS[0], PARAS[1], "", PARAS[2]]
    cards = json.dumps(to_json(generate(art, "wrapped")), ensure_ascii=False)
    assert "第 2 页" not in cards and "申论》" not in cards


def test_items_after_a_clause_end_stay_lines() -> None:
    items = [
        "一是建立河湖巡查制度，明确每一段河道的责任人和巡查频次，发现问题及时上报处理；",
        "二是完善水质监测网络，在重点断面布设自动监测站点；",
        "三是鼓励群众参与监督，开通举报热线和手机小程序，对有效线索给予适当奖励。",
    ]
    lines = [*wrap(PARAS[0], 30), *(ln for item in items for ln in wrap(item, 30))]
    assert unwrap("\n".join(lines)).split("\n") == [PARAS[0], *items]


def test_a_wrapped_text_with_a_blank_line_after_every_line_is_joined() -> None:
    # Some PDF exports put an empty line after each physical line, so paragraph ends
    # and wrap points look alike; the short last line of a paragraph still tells.
    lines = ["【材料三】", *wrap(PARAS[0], 30), *wrap(PARAS[1], 30), *wrap(PARAS[2], 30)]
    got = unwrap("\n\n".join(lines) + "\n")
    assert [p for p in got.split("\n") if p] == ["【材料三】", *PARAS]


def test_paragraphs_separated_by_blank_lines_are_left_alone() -> None:
    text = "\n\n".join(["某县治水记", *PARAS]) + "\n"
    assert unwrap(text) == text
