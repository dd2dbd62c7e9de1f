"""Reversed Q&A notes: one note asked both ways, as Anki's *Basic (and reversed card)*.

Card 1 asks the prompt; card 2 shows the answer and asks for the prompt. Both are
studied, graded, searched (``card:2``) and written to Anki as two cards, and a
note of someone else's two-card note type comes in as one of these with both
cards (see ``tests/anki`` for the round trips through Anki itself).
"""

from __future__ import annotations

from datetime import datetime

from tests.conftest import make_deck
from trainer.domain import notetypes
from trainer.domain.model import Note, NoteKind
from trainer.formats.anki_text import parse_text
from trainer.services.browse import BrowseService
from trainer.services.grading import grade_note
from trainer.services.study import StudyService
from trainer.storage.store import Store

BOTH = Note(guid="rev00001", kind=NoteKind.REVERSED, prompt="枫桥经验", answer="矛盾不上交")


def test_a_reversed_note_has_two_cards_and_card_two_asks_for_the_prompt(
    store: Store, now: datetime
) -> None:
    make_deck(store, [BOTH], "双向")
    queue = StudyService(store).queue(now, "双向")
    assert sorted(c.ord for c in queue) == [0, 2]
    fronts = {c.ord: notetypes.front_text(BOTH, c.ord) for c in queue}
    assert fronts == {0: "枫桥经验", 2: "矛盾不上交"}
    back = notetypes.plain(notetypes.back(BOTH, 2))
    assert back.startswith("矛盾不上交") and back.rstrip().endswith("枫桥经验")
    assert notetypes.of(BOTH).card_number(2) == 2


def test_card_two_is_graded_against_the_prompt(store: Store) -> None:
    assert grade_note(BOTH, 2, "枫桥经验").coverage == 1.0
    assert grade_note(BOTH, 2, "矛盾不上交").coverage < 0.5  # the shown side is not the answer
    assert grade_note(BOTH, 0, "矛盾不上交").coverage == 1.0


def test_card_n_search_finds_the_reverse_card(store: Store, now: datetime) -> None:
    make_deck(store, [BOTH, Note(guid="qa000001", kind=NoteKind.QA, prompt="问", answer="答")])
    browse = BrowseService(store)
    assert [(r.guid, r.ord) for r in browse.search("card:2", now)] == [("rev00001", 2)]
    firsts = {(r.guid, r.ord) for r in browse.search("card:1", now)}
    assert firsts == {("rev00001", 0), ("qa000001", 0)}
    assert {r.ord for r in browse.search("note:reversed", now)} == {0, 2}


def test_anki_text_rows_of_a_two_card_note_type_are_reversed_notes() -> None:
    text = (
        "#separator:tab\n#notetype column:1\n"
        "Basic (and reversed card)\t枫桥经验\t矛盾不上交\t\n"
        "Basic (optional reversed card)\t河长制\t水清岸绿\ty\n"
        "Basic (optional reversed card)\t林长制\t绿水青山\t\n"
        "Basic\t问\t答\t\n"
    )
    got = {n.note.prompt: n.note.kind for n in parse_text(text).notes}
    assert got == {
        "枫桥经验": NoteKind.REVERSED,
        "河长制": NoteKind.REVERSED,
        "林长制": NoteKind.QA,
        "问": NoteKind.QA,
    }
