"""Searches on a real store: a table of query → the cards it finds, and the search errors."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from trainer.domain.clock import to_epoch
from trainer.domain.model import DeckOptions, Note, NoteKind, Rating, SourceRef
from trainer.domain.search import SearchError
from trainer.services.browse import BrowseService
from trainer.services.decks import apply_notes
from trainer.services.study import StudyService
from trainer.storage.models import CARDS, NOTES
from trainer.storage.store import Store

OPTS = DeckOptions(enable_fuzz=False, bury_siblings=False)


def _notes() -> dict[str, list[Note]]:
    return {
        "申论::直播带货": [
            Note(
                "c1",
                NoteKind.CLOZE,
                text="{{c1::直播带货}}是新业态,要{{c2::规范}}发展",
                tags=("金句", "对策"),
            ),
            Note(
                "q1", NoteKind.QA, prompt="什么是直播带货?", answer="一种电商模式", tags=("对策",)
            ),
            Note(
                "l1",
                NoteKind.LIST,
                prompt="三个要点",
                items=("监管", "诚信", "创新"),
                tags=("热点::经济",),
            ),
        ],
        "申论::乡村振兴": [
            Note("q2", NoteKind.QA, prompt="乡村振兴的关键", answer="产业 人才", tags=("金句",)),
            Note("q3", NoteKind.QA, prompt="Rural revitalisation", answer="Village 50%"),
        ],
        "其他": [Note("q4", NoteKind.QA, prompt="unrelated 问题", answer="x", extra="备注")],
    }


@pytest.fixture
def cards(store: Store, now: datetime) -> dict[str, int]:
    """Seven cards in three decks, in known states; label → card id."""
    with store.write() as conn:
        for name, notes in _notes().items():
            apply_notes(conn, name, notes, options=OPTS, now_s=to_epoch(now - timedelta(days=3)))
    study = StudyService(store)
    ids: dict[str, int] = {}
    for deck in _notes():
        for card in study.queue(now, deck, limit=100):
            label = card.note_guid + (f".{card.ord}" if card.ord else "")
            ids[label] = card.id
    # q1: learnt a month ago, a review card now; failed once since.
    study.answer(ids["q1"], Rating.EASY, now - timedelta(days=30))
    study.answer(ids["q1"], Rating.AGAIN, now - timedelta(days=10))
    study.answer(ids["q1"], Rating.GOOD, now - timedelta(days=10, minutes=-15))
    # q2: first seen today, failed: learning.
    study.answer(ids["q2"], Rating.AGAIN, now - timedelta(hours=1))
    # c1.1: first seen 5 days ago, Good, Good (a review card).
    study.answer(ids["c1.1"], Rating.GOOD, now - timedelta(days=5, minutes=20))
    study.answer(ids["c1.1"], Rating.GOOD, now - timedelta(days=5))
    study.suspend(ids["q3"])
    study.bury(ids["l1"], now)
    with store.write() as conn:  # set intervals: q1 30 days, c1.1 3 days; q4 added long ago
        for label, last, due in (("q1", -10, 20), ("c1.1", -1, 2)):
            conn.execute(
                update(CARDS)
                .where(CARDS.c.id == ids[label])
                .values(
                    last_review=to_epoch(now + timedelta(days=last)),
                    due=to_epoch(now + timedelta(days=due)),
                )
            )
        conn.execute(
            update(CARDS)
            .where(CARDS.c.id == ids["q4"])
            .values(added_at=to_epoch(now - timedelta(days=40)))
        )
    return ids


TABLE = [
    ("", "c1.1 c1.2 q1 l1 q2 q3 q4"),
    ("直播带货", "c1.1 c1.2 q1"),
    ("直播 电商", "q1"),
    ("直播 or 乡村", "c1.1 c1.2 q1 q2"),
    ('"产业 人才"', "q2"),
    ("产业人才", ""),
    ("village", "q3"),
    ("VILLAGE", "q3"),
    ("50%", "q3"),
    ("5_%", "q3"),
    ("直*模式", "q1"),
    ("-直播", "l1 q2 q3 q4"),
    ("-(直播 or 乡村) -q", "l1 q3 q4"),
    ("deck:申论", "c1.1 c1.2 q1 l1 q2 q3"),
    ("deck:申论*", "c1.1 c1.2 q1 l1 q2 q3"),
    ("deck:申论::乡村振兴", "q2 q3"),
    ("deck:*振兴", "q2 q3"),
    ("deck:申", ""),
    ("deck:其他", "q4"),
    ("tag:金句", "c1.1 c1.2 q2"),
    ("tag:热点", "l1"),
    ("tag:热点::经济", "l1"),
    ("tag:热*", "l1"),
    ("tag:经济", ""),
    ("tag:金句 deck:申论::直播带货", "c1.1 c1.2"),
    ("is:new", "c1.2 l1 q3 q4"),
    ("is:learn", "q2"),
    ("is:review", "c1.1 q1"),
    ("is:due", "q2"),
    ("is:suspended", "q3"),
    ("is:buried", "l1"),
    ("card:1", "c1.1 q1 l1 q2 q3 q4"),
    ("card:2", "c1.2"),
    ("note:cloze", "c1.1 c1.2"),
    ("note:list", "l1"),
    ("prop:ivl>=10", "q1"),
    ("prop:ivl>0", "c1.1 q1"),
    ("prop:ivl<1", "c1.2 l1 q2 q3 q4"),
    ("prop:due>0", "c1.1 q1"),
    ("prop:due<1", "q2"),
    ("prop:lapses=1", "q1"),
    ("prop:reps>=2", "c1.1 q1"),
    ("prop:d>0", "c1.1 q1 q2"),
    ("rated:1", "q2"),
    ("rated:7", "c1.1 q2"),
    ("rated:31:1", "q1 q2"),
    ("rated:11:1", "q1 q2"),
    ("rated:7:1", "q2"),
    ("introduced:7", "c1.1 q2"),
    ("introduced:1", "q2"),
    ("introduced:60", "c1.1 q1 q2"),
    ("added:30", "c1.1 c1.2 q1 l1 q2 q3"),
    ("added:60", "c1.1 c1.2 q1 l1 q2 q3 q4"),
    ("prompt:乡村振兴的关键", "q2"),
    ("prompt:乡村", ""),
    ("prompt:乡村*", "q2"),
    ("answer:*电商*", "q1"),
    ("items:诚信", "l1"),
    ("extra:备注", "q4"),
    ("text:*规范*", "c1.1 c1.2"),
    ("(tag:对策 or tag:热点) -is:review", "c1.2 l1"),
]


@pytest.mark.parametrize(("query", "expected"), TABLE)
def test_query_finds_the_expected_cards(
    store: Store, now: datetime, cards: dict[str, int], query: str, expected: str
) -> None:
    by_id = {v: k for k, v in cards.items()}
    found = BrowseService(store).search(query, now, limit=None)
    assert sorted(by_id[r.card_id] for r in found) == sorted(expected.split())
    assert BrowseService(store).count(query, now) == len(expected.split())


def test_sorting_and_paging(store: Store, now: datetime, cards: dict[str, int]) -> None:
    browse = BrowseService(store)
    by_id = {v: k for k, v in cards.items()}
    by_ivl = [by_id[r.card_id] for r in browse.search("is:review", now, sort="ivl", reverse=True)]
    assert by_ivl == ["q1", "c1.1"]
    by_due = [by_id[r.card_id] for r in browse.search("", now, sort="due")]
    assert by_due[:3] == ["q2", "c1.1", "q1"]  # learning today, then the reviews
    page = browse.search("", now, sort="due", limit=2, offset=1)
    assert [by_id[r.card_id] for r in page] == by_due[1:3]
    rows = {by_id[r.card_id]: r for r in browse.search("", now)}
    assert rows["c1.2"].front == "直播带货是新业态,要[...]发展"
    assert rows["l1"].back == "1. 监管\n2. 诚信\n3. 创新"
    assert rows["q1"].lapses == 1
    assert rows["q1"].interval_days >= 10
    assert rows["q1"].deck == "申论::直播带货"


def test_a_bad_query_names_its_position(store: Store, now: datetime) -> None:
    with pytest.raises(SearchError, match="position 8"):
        BrowseService(store).search("deck:a (b", now)


def test_a_forgotten_card_stays_new_when_states_are_rebuilt(
    store: Store, now: datetime, cards: dict[str, int]
) -> None:
    from trainer.services.planning import PlanningService
    from trainer.services.reschedule import reschedule_deck

    browse = BrowseService(store)
    study = StudyService(store)
    change = browse.forget([cards["q1"], cards["c1.1"]], now)
    assert change.describe() == "Forgotten: 2 cards"
    assert browse.count("is:new", now) == 6
    reschedule_deck(store, "申论::直播带货")
    PlanningService(store).reschedule(None)
    assert browse.count("is:new", now) == 6
    # Studied again after the reset: rebuilt from the answers after it only.
    later = now + timedelta(minutes=1)
    study.answer(cards["q1"], Rating.EASY, later)
    fresh = study.card(cards["q1"])
    reschedule_deck(store, "申论::直播带货")
    assert study.card(cards["q1"]) == fresh
    assert fresh is not None and fresh.reps == 1 and fresh.lapses == 0
    browse.restore(change)
    assert study.card(cards["c1.1"]).state.name == "REVIEW"  # type: ignore[union-attr]


def test_a_card_buried_on_an_earlier_day_is_not_shown_or_found_as_buried(
    store: Store, now: datetime
) -> None:
    """Burying lasts until the next study day, as in Anki: browsing on a later day
    sees the card back in its queue even before any study session has run."""
    from tests.conftest import make_deck, qa_notes
    from trainer.domain.model import Queue

    make_deck(store, qa_notes(2), options=OPTS)
    study = StudyService(store)
    card = study.queue(now)[0]
    study.bury(card.id, now)
    browse = BrowseService(store)
    assert [r.card_id for r in browse.search("is:buried", now)] == [card.id]
    later = now + timedelta(days=1)
    browse = BrowseService(store)  # a new command on the next day
    assert browse.search("is:buried", later) == []
    assert browse.count("is:buried", later) == 0
    row = next(r for r in browse.search("", later) if r.card_id == card.id)
    assert row.queue is Queue.NEW


def _source_and_group(store: Store, card_id: int) -> tuple[object, ...]:
    """A note's source columns and its card's group, as the store holds them."""
    with store.read() as conn:
        source = conn.execute(
            select(NOTES.c.source_article, NOTES.c.source_section, NOTES.c.source_anchor).where(
                NOTES.c.id == select(CARDS.c.note_id).where(CARDS.c.id == card_id).scalar_subquery()
            )
        ).one()
        group = conn.execute(select(CARDS.c.group_id).where(CARDS.c.id == card_id)).scalar_one()
    return (*source, group)


def test_undoing_an_edit_puts_back_the_notes_source_and_its_cards_group(
    store: Store, now: datetime, cards: dict[str, int]
) -> None:
    """An edit may move a note to another section of its article (a re-made note with a
    new source); undo restores the source as it was, and the cards' section group with it."""
    browse = BrowseService(store)
    before = _source_and_group(store, cards["q2"])
    edited = Note(
        "q2",
        NoteKind.QA,
        prompt="乡村振兴的关键",
        answer="产业 人才",
        tags=("金句",),
        source=SourceRef(article="xiangcun", anchor="s2/p1/qa", section="二、人才", start=5, end=9),
    )
    change = browse.edit(edited, now)
    assert _source_and_group(store, cards["q2"]) != before
    browse.restore(change)
    assert _source_and_group(store, cards["q2"]) == before
