"""Snapshots of the main screens at 100×32 and 80×24 (pytest-textual-snapshot).

Update with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a
deliberate change, and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from tests.conftest import make_deck
from tests.tui.conftest import SIZE, SMALL, settle
from trainer.domain.model import DeckOptions, Note, NoteKind
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp

LONG = (
    "疫情期间，不少地方官员走进直播间为本地农产品“代言”，这种做法拉近了政府与群众的距离，"
    "也让不少滞销的农产品找到了销路。但也有一些地方把直播带货变成官员个人的“魅力秀场”、"
    "地区之间的“数字竞赛”，甚至搞硬性摊派、做亏本买卖，这就把“真经念歪”了。"
)


async def _settled(pilot: Pilot[Any]) -> None:
    await settle(pilot.app)  # type: ignore[arg-type]


def test_decks_screen(
    snap_compare: Any, bundled: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(bundled, [Note("x", NoteKind.QA, prompt="[b]x[/b]")], "标记[red]测试[/]")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_settled)


def test_study_front_markup_small(
    snap_compare: Any, tricky: Store, make_app: Callable[..., TrainerApp]
) -> None:
    assert snap_compare(make_app("Tricky"), terminal_size=SMALL, run_before=_settled)


def test_study_back_long_chinese(
    snap_compare: Any, store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(
        store,
        [Note("long", NoteKind.QA, prompt="官员直播带货有哪些问题？" * 2, answer=LONG)],
        "L",
        DeckOptions(enable_fuzz=False),
    )

    async def reveal(pilot: Pilot[Any]) -> None:
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.press("space")
        await settle(pilot.app)  # type: ignore[arg-type]

    assert snap_compare(make_app("L"), terminal_size=SIZE, run_before=reveal)


def test_typed_grading_small(
    snap_compare: Any, store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    note = Note(
        "l", NoteKind.LIST, prompt="哪三种乱象？", items=("真经念歪", "赶鸭子上架", "成本转嫁")
    )
    make_deck(store, [note], "T", DeckOptions(enable_fuzz=False, type_answers=True))

    async def answer(pilot: Pilot[Any]) -> None:
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.press(*"真经念歪，赶鸭子", "enter")
        await settle(pilot.app)  # type: ignore[arg-type]

    assert snap_compare(make_app("T"), terminal_size=SMALL, run_before=answer)


def test_nothing_to_study_light_theme(
    snap_compare: Any, store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    make_deck(
        store,
        [Note("q", NoteKind.QA, prompt="问", answer="答")],
        "D",
        DeckOptions(enable_fuzz=False),
    )

    async def finish(pilot: Pilot[Any]) -> None:
        await settle(pilot.app)  # type: ignore[arg-type]
        await pilot.press("ctrl+t")
        await settle(pilot.app)  # type: ignore[arg-type]

    assert snap_compare(make_app("D"), terminal_size=SMALL, run_before=finish)


STATS_DECK = "申论[要点]::观点[/]"
"""A deck name with markup characters and Chinese (shown in the stats screen's header)."""


def stats_history(store: Store) -> None:
    """Two decks, sections named with markup characters, answers on six days up to now."""
    from datetime import date, timedelta

    from tests.conftest import NOW
    from trainer.domain.model import Rating, SourceRef
    from trainer.services.planning import PlanningService
    from trainer.services.study import StudyService

    sections = ("观点[b]一[/b]", "对策[/]：治理", "[@click=app.quit]问题")
    notes = [
        Note(
            f"s{i:02d}",
            NoteKind.QA,
            prompt=f"问题{i}",
            answer=f"答案{i}",
            source=SourceRef("art", f"p{i}", sections[i % 3], 0, 1),
        )
        for i in range(9)
    ]
    opts = DeckOptions(enable_fuzz=False, bury_siblings=False)
    make_deck(store, notes, STATS_DECK, opts)
    make_deck(store, [Note("o", NoteKind.QA, prompt="问", answer="答")], "真题", opts)
    study = StudyService(store)
    for days_ago in (20, 12, 6, 3, 1, 0):
        at = NOW - timedelta(days=days_ago, hours=1)
        for i in range(6):
            item = study.next_item(at, STATS_DECK)
            if item is None:
                break
            rating = Rating.AGAIN if (i + days_ago) % 4 == 0 else Rating.GOOD
            study.answer(item.card.id, rating, at, 4000 + 1000 * i)
            at += timedelta(minutes=11)
    PlanningService(store).set_exam(date(2026, 6, 20), 0.9)


async def _open_stats(pilot: Pilot[Any]) -> None:
    await settle(pilot.app)  # type: ignore[arg-type]
    await pilot.press("down", "s")  # the deck under the cursor: the first one, under its parent
    await settle(pilot.app)  # type: ignore[arg-type]


def test_stats_screen(snap_compare: Any, store: Store, make_app: Callable[..., TrainerApp]) -> None:
    stats_history(store)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_open_stats)


def test_stats_screen_small_sections(
    snap_compare: Any, store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    stats_history(store)

    async def to_sections(pilot: Pilot[Any]) -> None:
        await _open_stats(pilot)
        pilot.app.screen.query_one("#stats-body").scroll_end(animate=False)
        await settle(pilot.app)  # type: ignore[arg-type]

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=to_sections)


def test_deck_tree_collapsed_and_capped(
    snap_compare: Any, store: Store, make_app: Callable[..., TrainerApp]
) -> None:
    """Markers ▾/▸, indentation, a collapsed parent, a parent capped by its own limit."""
    from tests.conftest import qa_notes
    from trainer.services.study import StudyService

    make_deck(store, qa_notes(2, "p"), "申论", DeckOptions(new_per_day=6))
    make_deck(store, qa_notes(5, "a"), "申论::直播带货", DeckOptions(new_per_day=5))
    make_deck(store, qa_notes(5, "b"), "申论::网络直播::评论", DeckOptions(new_per_day=5))
    make_deck(store, qa_notes(3, "c"), "素材", DeckOptions(new_per_day=9))
    make_deck(store, qa_notes(3, "d"), "素材::金句", DeckOptions(new_per_day=9))
    StudyService(store).set_collapsed("素材", True)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_settled)
