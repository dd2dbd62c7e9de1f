"""Reading Anki text files: headers, encodings, headerless front/back; never crashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.domain.errors import InputError
from trainer.domain.model import NoteKind
from trainer.formats.anki_text import parse_text, read_text
from trainer.services.decks import DeckService
from trainer.services.exchange import import_file
from trainer.storage.store import Store


def test_headerless_two_columns_are_front_back(tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    path.write_text('共同富裕,全体人民共同富裕\n"乡村, 振兴","二十字\n方针"\n', encoding="utf-8")
    parsed = read_text(path)
    assert parsed.errors == []
    assert [(t.note.prompt, t.note.answer) for t in parsed.notes] == [
        ("共同富裕", "全体人民共同富裕"),
        ("乡村, 振兴", "二十字\n方针"),
    ]
    assert {t.deck for t in parsed.notes} == {"words"}
    assert all(t.note.kind is NoteKind.QA for t in parsed.notes)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = "问题一\t答案是“共同富裕”与乡村振兴战略\n问题二\t生态文明建设和绿水青山\n" * 3
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode(encoding))
    parsed = read_text(path)
    assert parsed.notes[0].note.answer == "答案是“共同富裕”与乡村振兴战略"
    assert parsed.notes[0].note.prompt == "问题一"


def test_headers_are_honoured() -> None:
    text = (
        "#separator:Semicolon\n#html:false\n#deck:申论::词汇\n#tags:导入 词汇\n"
        "#notetype column:1\n#tags column:4\n"
        "Basic;<b>守正</b>;创新;extra1\n"
        "Cloze;{{c1::绿水青山}}就是金山银山;习近平;生态\n"
    )
    parsed = parse_text(text, "x.txt")
    assert parsed.errors == []
    basic, cz = (t.note for t in parsed.notes)
    assert basic.prompt == "<b>守正</b>"  # html:false keeps the text as it is
    assert basic.tags == ("导入", "词汇", "extra1")
    assert (
        cz.kind is NoteKind.CLOZE and cz.extra == "习近平" and cz.tags == ("导入", "词汇", "生态")
    )
    assert {t.deck for t in parsed.notes} == {"申论::词汇"}


def test_columns_header_maps_custom_fields() -> None:
    text = "#separator:tab\n#columns:答案\t问题\t例句\n对策\t怎么办?\t例子\n"
    (note,) = (t.note for t in parse_text(text, "x.tsv").notes)
    assert (note.prompt, note.answer, note.extra) == ("怎么办?", "对策", "例句: 例子")


def test_row_problems_are_skipped_and_reported(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.tsv"
    path.write_text(
        "#notetype column:1\nBasic\t问\t答\nCloze\t没有挖空\t\nBasic\t\t空的正面\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert (report.new, report.skipped) == (1, 2)
    assert report.errors[0].startswith(f"{path}:3: ")
    assert "no cloze deletions" in report.errors[0]
    assert DeckService(store).notes("mixed")[0].prompt == "问"


def test_reimport_headerless_matches_by_front(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    path.write_text("甲,一\n乙,二\n", encoding="utf-8")
    assert import_file(store, path).new == 2
    path.write_text("甲,一改\n乙,二\n丙,三\n", encoding="utf-8")
    report = import_file(store, path)
    assert (report.new, report.updated, report.unchanged) == (1, 1, 1)


def test_bad_header_values_name_the_line() -> None:
    with pytest.raises(InputError, match=r"x.txt:2: #tags column: expects a column number"):
        parse_text("#html:true\n#tags column:two\na\tb\n", "x.txt")
    with pytest.raises(InputError, match="names column 5"):
        parse_text("#guid column:5\na\tb\n", "x.txt")


PIECES = st.sampled_from(
    [*'ab,;\t|"#:\n\r 中文{}c1', "{{c1::", "}}", "::", "#html:", "#separator:"]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), st.sampled_from(["x.csv", "x.tsv", "x.txt"]))
def test_reader_never_crashes(text: str, where: str) -> None:
    try:
        parsed = parse_text(text, where)
    except InputError as exc:
        assert str(exc).startswith(where)
        assert "\n" not in str(exc)
        return
    for t in parsed.notes:
        assert t.note.guid
    for e in parsed.errors:
        assert e.startswith(where)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_reader_never_crashes_on_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.csv"
    path.write_bytes(data)
    try:
        read_text(path)
    except InputError as exc:
        assert str(exc).startswith(str(path))
