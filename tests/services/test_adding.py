"""Adding notes by hand: checks, GUIDs, queue position, duplicates, export."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_deck, qa_notes
from trainer.domain import cloze
from trainer.domain.errors import TrainerError
from trainer.domain.identity import note_guid
from trainer.domain.model import NoteKind
from trainer.formats.deckfile import read_deck
from trainer.services.adding import AddService, draft
from trainer.services.decks import DeckService
from trainer.services.study import StudyService
from trainer.storage.store import Store


def test_a_cloze_note_gets_one_card_per_number_and_a_place_made_guid(
    store: Store, now: datetime
) -> None:
    note = draft(
        NoteKind.CLOZE,
        text="{{c1::共同富裕}}是{{c2::社会主义}}的本质要求",
        tags=["金句 金句", "重点"],
    )
    added = AddService(store).add("申论::手写", note, now)
    assert len(added.card_ids) == 2
    assert added.note.tags == ("金句", "重点")
    anchor = added.note.source.anchor
    assert anchor == f"added/{int(now.timestamp() * 1000)}"
    assert added.note.guid == note_guid("added", anchor, "cloze")
    # The same text again at the same instant is another note with its own GUID.
    again = AddService(store).add("申论::手写", note, now)
    assert again.note.guid != added.note.guid
    assert [d.deck for d in again.duplicates] == ["申论::手写"]


def test_new_cards_go_to_the_end_of_the_new_queue(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3), "Q")
    added = AddService(store).add("Q", draft(NoteKind.QA, prompt="新问题", answer="新答案"), now)
    queue = StudyService(store).queue(now, "Q")
    assert [c.id for c in queue][-1] == added.card_ids[0]


@pytest.mark.parametrize(
    ("note", "error"),
    [
        (draft(NoteKind.CLOZE, text="没有挖空"), "at least one"),
        (draft(NoteKind.CLOZE, text="{{c1::没关"), "unclosed or malformed cloze at character 0"),
        (draft(NoteKind.CLOZE, text="  "), "empty"),
        (draft(NoteKind.QA, prompt="问", answer=" "), "answer is empty"),
        (draft(NoteKind.QA, prompt="", answer="答"), "prompt is empty"),
        (draft(NoteKind.LIST, prompt="要点", items=["", " "]), "at least one item"),
    ],
)
def test_bad_notes_are_refused_and_the_store_untouched(
    store: Store, now: datetime, note: object, error: str
) -> None:
    with pytest.raises(TrainerError, match=error):
        AddService(store).add("申论", note, now)  # type: ignore[arg-type]
    assert DeckService(store).decks() == []


def test_bad_deck_names(store: Store, now: datetime) -> None:
    for name in ("", "a::", "::b", "a:: ::c"):
        with pytest.raises(TrainerError, match="bad deck name"):
            AddService(store).add(name, draft(NoteKind.QA, prompt="p", answer="a"), now)


def test_duplicates_match_the_front_ignoring_case_and_runs_of_spaces(
    store: Store, now: datetime
) -> None:
    service = AddService(store)
    service.add("A", draft(NoteKind.QA, prompt="What is 直播 带货?", answer="x"), now)
    service.add("B", draft(NoteKind.CLOZE, text="要{{c1::规范}}直播带货"), now)
    assert [
        d.deck for d in service.duplicates(draft(NoteKind.QA, prompt=" what  is 直播 带货?"))
    ] == ["A"]
    assert [
        d.deck for d in service.duplicates(draft(NoteKind.LIST, prompt="What is 直播 带货?"))
    ] == ["A"]
    cloze_dupe = draft(NoteKind.CLOZE, text="{{c2::要}}规范{{c1::直播带货}}")
    assert [d.deck for d in service.duplicates(cloze_dupe)] == ["B"]
    assert service.duplicates(draft(NoteKind.CLOZE, text="{{c1::要规范}}直播")) == []
    assert service.duplicates(draft(NoteKind.QA, prompt="What is it?")) == []


def test_added_notes_keep_their_guid_in_a_deck_file(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    service = AddService(store)
    first = service.add("手写", draft(NoteKind.LIST, prompt="三点", items=["一", "二", "三"]), now)
    second = service.add(
        "手写", draft(NoteKind.CLOZE, text="{{c1::a}}"), now + timedelta(seconds=1)
    )
    path = tmp_path / "hand.toml"
    DeckService(store).export_deck_file("手写", path)
    parsed = read_deck(path)
    assert [n.guid for n in parsed.notes] == [first.note.guid, second.note.guid]
    assert parsed.notes[0].items == ("一", "二", "三")
    assert cloze.numbers(parsed.notes[1].text) == [1]
