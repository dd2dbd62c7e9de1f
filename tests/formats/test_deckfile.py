"""Deck files: lossless round trip, and one clear line for each kind of bad file."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BUNDLED_DECK
from trainer.domain import notetypes
from trainer.domain.errors import InputError
from trainer.domain.model import DeckOptions, LeechAction, Note, NoteKind, SourceRef
from trainer.formats.deckfile import DeckFile, deck_to_toml, parse_deck, read_deck

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=40
)
_word = st.text(alphabet="abc申论金句_-:", min_size=1, max_size=8)


@st.composite
def notes(draw: st.DrawFn) -> Note:
    kind = draw(st.sampled_from(list(NoteKind)))
    guid = draw(st.text(alphabet="abcdefXYZ0123456789", min_size=4, max_size=12))
    src = SourceRef(
        article=draw(_word),
        anchor=draw(_word),
        section=draw(_text),
        start=draw(st.integers(0, 10**6)),
        end=draw(st.integers(0, 10**6)),
    )
    tags = tuple(draw(st.lists(_word, max_size=3)))
    if kind is NoteKind.CLOZE:
        before, answer, hint = draw(_text), draw(_text.filter(str.strip)), draw(_text)
        safe = all(
            "{{" not in x and "}}" not in x and "::" not in x for x in (before, answer, hint)
        )
        if not safe or answer.endswith(("}", ":")) or hint.endswith(("}", ":")):
            before, answer, hint = "前", "答", ""
        text = f"{before}{{{{c1::{answer}{'::' + hint if hint else ''}}}}}"
        return Note(guid, kind, text=text, tags=tags, source=src, extra=draw(_text))
    if kind in (NoteKind.QA, NoteKind.REVERSED):
        return Note(
            guid,
            kind,
            prompt=draw(_text.filter(str.strip)),
            answer=draw(_text.filter(str.strip)),
            tags=tags,
            source=src,
        )
    return Note(
        guid,
        kind,
        prompt=draw(_text.filter(str.strip)),
        items=tuple(draw(st.lists(_text, min_size=1, max_size=5))),
        answer=draw(_text),
        tags=tags,
        source=src,
    )


@given(st.lists(notes(), max_size=6, unique_by=lambda n: n.guid), _text.filter(str.strip))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_round_trip_is_lossless(ns: list[Note], name: str) -> None:
    opts = DeckOptions(desired_retention=0.85, new_per_day=7, leech_action=LeechAction.SUSPEND)
    deck = DeckFile(name.strip(), tuple(ns), opts, "说明")
    again = parse_deck(deck_to_toml(deck))
    assert again == deck


def test_bundled_deck_parses() -> None:
    deck = read_deck(BUNDLED_DECK)
    assert deck.name == "申论::直播带货"
    assert len(deck.notes) >= 20
    # every kind the generator makes (reversed Q&A notes come from Anki or by hand)
    assert {n.kind for n in deck.notes} == {nt.kind for nt in notetypes.REGISTRY if nt.generated}
    assert deck.articles[0].text.startswith("疫情背景下的直播带货景象")


GOOD = """format = "trainer-deck"
version = 1
[deck]
name = "测试"

[[notes]]
guid = "a1"
kind = "qa"
prompt = "问"
answer = "答"

[[notes]]
guid = "a2"
kind = "cloze"
text = "重在{{c1::新意}}"
"""


def _err(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        parse_deck(text, "deck.toml")
    return info.value


def test_good_file_parses() -> None:
    assert [n.guid for n in parse_deck(GOOD).notes] == ["a1", "a2"]


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (('prompt = "问"', 'prompt = "问'), 9, "TOML syntax error"),
        (('answer = "答"\n', ""), 6, "missing field 'answer'"),
        (('guid = "a2"', 'guid = "a1"'), 12, "duplicate guid 'a1'"),
        (('kind = "cloze"', 'kind = "essay"'), 12, "unknown card kind 'essay'"),
        (("{{c1::新意}}", "{{c1::新意"), 12, "bad cloze markup"),
        (("重在{{c1::新意}}", "重在新意"), 12, "no cloze deletion"),
        (('guid = "a1"\n', ""), 6, "missing field 'guid'"),
        (('answer = "答"', 'answer = "答"\ncolour = "red"'), 6, "unknown field 'colour'"),
    ],
)
def test_errors_name_file_line_and_problem(change: tuple[str, str], line: int, words: str) -> None:
    err = _err(GOOD.replace(*change, 1))
    assert str(err).startswith(f"deck.toml:{line}: ")
    assert words in str(err)
    assert "\n" not in str(err)


def test_wrong_format_and_newer_version() -> None:
    assert "not a trainer deck file" in str(_err('format = "x"\nversion = 1'))
    assert "newer" in str(_err(GOOD.replace("version = 1", "version = 9")))
    assert "desired_retention" in str(
        _err(GOOD.replace('name = "测试"', 'name = "测试"\n[deck.options]\ndesired_retention = 3'))
    )


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(GOOD.encode("gb18030"))
    with pytest.raises(InputError, match=r"gbk.toml:\d+: not UTF-8"):
        read_deck(path)
