"""Regenerating an edited article keeps the GUIDs (and so the history) of moved notes."""

from pathlib import Path

from gen_scoring import SEED
from typer.testing import CliRunner

from trainer.domain.model import Note, NoteKind, SourceRef
from trainer.formats.deckfile import read_deck
from trainer.generation.word.carry import carry_identity


def _cloze(guid: str, text: str, article: str = "a") -> Note:
    return Note(guid, NoteKind.CLOZE, text=text, source=SourceRef(article=article))


def test_moved_note_takes_over_its_old_guid() -> None:
    old = [
        _cloze("g1", "重在{{c1::新意}},胜在{{c2::诚意}}。"),
        _cloze("g2", "无以{{c1::规矩}},不成方圆。"),
    ]
    fresh = [
        _cloze("new1", "领导干部直播,重在{{c1::新意}},胜在{{c2::诚意}}。"),
        _cloze("g1", "一个全新的句子{{c1::完全不同}}。"),
        _cloze("new3", "无以规矩,不成{{c1::方圆}}。"),
    ]
    out = carry_identity(old, fresh)
    assert out[0].guid == "g1"  # the sentence that was g1 moved here
    assert out[2].guid == "g2"
    assert out[1].guid not in {"g1", "g2", "new1", "new3"}  # its place's GUID went to the content
    assert len({n.guid for n in out}) == 3


def test_kind_and_article_must_match_and_dissimilar_stays_new() -> None:
    old = [_cloze("g1", "重在{{c1::新意}},胜在{{c2::诚意}}。", article="other")]
    fresh = [_cloze("n1", "重在{{c1::新意}},胜在{{c2::诚意}}。")]
    assert carry_identity(old, fresh) == tuple(fresh)
    old = [_cloze("g1", "完全无关的内容{{c1::甲乙}}。")]
    assert carry_identity(old, fresh) == tuple(fresh)


def test_make_over_an_existing_deck_file_keeps_guids(tmp_path: Path) -> None:
    import trainer.cli.commands  # noqa: F401
    from trainer.cli import app

    text = SEED.read_text(encoding="utf-8")
    first = tmp_path / "a.txt"
    first.write_text(text, encoding="utf-8")
    deck = tmp_path / "deck.toml"
    runner = CliRunner()
    assert (
        runner.invoke(app, ["make", str(first), "-o", str(deck), "--deck", "测试"]).exit_code == 0
    )
    before = read_deck(deck)
    # Insert a new paragraph at the top of 观点分析: every paragraph index below it shifts.
    edited = text.replace(
        "观点分析:\n\n", "观点分析:\n\n新加的一段导语,说明本部分的写作思路与材料来源。\n", 1
    )
    assert edited != text
    first.write_text(edited, encoding="utf-8")
    assert runner.invoke(app, ["make", str(first), "-o", str(deck)]).exit_code == 0
    after = read_deck(deck)
    assert after.name == "测试"
    old = {n.guid for n in before.notes}
    kept = [n for n in after.notes if n.guid in old]
    assert len(kept) >= 0.9 * len(before.notes)
