"""Buried cards go to Anki as Anki buries them: a sibling buried by an answer to its
note's other card is "buried sibling" (queue -2), a card the learner buried is
"manually buried" (queue -3), so Anki's "Unbury" choices find each where it looks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from anki_helpers import import_into_anki
from test_anki_export_scheduling import _card_ids

from tests.conftest import make_deck
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating
from trainer.services.exchange import export_deck
from trainer.services.profiles import configure
from trainer.services.study import StudyService
from trainer.storage.store import Store

DECK = "埋"


def test_sibling_and_manual_burying_reach_anki_apart(
    store: Store, anki_col: Any, tmp_path: Path
) -> None:
    configure(store, timezone="", rollover_hour=4)  # Anki's day: the machine's zone
    notes = [
        Note("sib", NoteKind.CLOZE, text="{{c1::甲}}和{{c2::乙}}"),
        Note("own", NoteKind.QA, prompt="问", answer="答"),
    ]
    make_deck(store, notes, DECK, DeckOptions(enable_fuzz=False, bury_siblings=True))
    ids = _card_ids(store)
    now = datetime.now(UTC) - timedelta(minutes=5)
    study = StudyService(store)
    study.answer(ids[("sib", 1)], Rating.GOOD, now)  # buries ("sib", 2)
    study.bury(ids[("own", 0)], now)
    pkg = tmp_path / "buried.apkg"
    export_deck(store, DECK, pkg, scheduling=True, now=now + timedelta(minutes=2))
    col = anki_col
    import_into_anki(col, pkg)
    queue = {
        (col.get_note(c.nid).guid, c.ord): c.queue for c in map(col.get_card, col.find_cards(""))
    }
    assert queue[("sib", 1)] == -2
    assert queue[("own", 0)] == -3
    col.decks.select(col.decks.id_for_name(DECK))
    assert col.sched.have_buried_siblings() and col.sched.have_manually_buried()
