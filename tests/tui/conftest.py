"""Fixtures for the TUI tests: the app over a real temporary store and a pinned clock."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from textual.app import App

from tests.conftest import BUNDLED_DECK, make_deck
from trainer.domain.model import DeckOptions, Note, NoteKind, SourceRef
from trainer.services.decks import DeckService
from trainer.storage.store import Store
from trainer.tui.app import TrainerApp, build_app

SIZE = (100, 32)
SMALL = (80, 24)

ARTICLE = "官员直播带货\n\n第一段落说明背景。\n选项[A]正确，[b]加粗[/b]，[@click=app.quit]点我[/]，真经念歪要避免。\n最后一段。"
"""An article whose second paragraph holds markup-like text."""


class Clock:
    """A settable 'now' for the app (tests move it forward to reach tomorrow)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(now: datetime) -> Clock:
    return Clock(now)


@pytest.fixture
def bundled(store: Store) -> Store:
    DeckService(store).import_deck_file(BUNDLED_DECK)
    return store


@pytest.fixture
def make_app(store: Store, clock: Clock) -> Callable[..., TrainerApp]:
    def factory(deck: str | None = None, **kwargs: object) -> TrainerApp:
        return build_app(store, clock, deck, cursor_blink=False, **kwargs)  # type: ignore[arg-type]

    return factory


def tricky_notes() -> list[Note]:
    """A Q&A card with markup characters, a list card and a cloze card with source."""
    src = SourceRef("art1", "p2", "观点", ARTICLE.index("选项"), ARTICLE.index("正确") + 2)
    return [
        Note(
            "tricky-qa",
            NoteKind.QA,
            prompt="选项[A]正确吗？[b]不加粗[/b] [@click=app.quit]别点[/]",
            answer="[red]答案[/red] 是 [/] 和 [@click=app.bell]",
            source=src,
        ),
        Note(
            "tricky-list",
            NoteKind.LIST,
            prompt="官员直播带货中出现了哪三种乱象？",
            answer="其一，真经念歪。其二，赶鸭子上架。其三，成本转嫁。",
            items=("真经念歪", "赶鸭子上架", "成本转嫁"),
            source=src,
        ),
        Note(
            "tricky-cloze",
            NoteKind.CLOZE,
            text="要避免把直播带货变成{{c1::魅力秀场}}和{{c2::数字竞赛::比什么}}。",
            source=src,
        ),
    ]


@pytest.fixture
def tricky(store: Store) -> Store:
    from trainer.storage import decks_repo

    with store.write() as conn:
        decks_repo.save_article(conn, "art1", "测试文章", ARTICLE, "test")
    make_deck(store, tricky_notes(), "Tricky", DeckOptions(enable_fuzz=False, bury_siblings=False))
    return store


async def settle(app: TrainerApp) -> None:
    """Wait until no worker (nor study answer) runs and the screen has repainted, twice in a row.

    Screens start their workers after a paint (``call_after_refresh``) and
    workers hand results back with ``call_from_thread``, which may start more
    work; so this loops until a pause starts no new worker. No sleeps: it waits
    for messages, workers and animations, however slow the machine is.
    """
    from textual.pilot import Pilot
    from textual.worker import WorkerState

    from trainer.tui.screens.study import StudyScreen

    pilot: Pilot[None] = Pilot(app)
    quiet = 0
    for _ in range(500):
        await pilot.pause()
        running = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if running:
            quiet = 0
            await app.workers.wait_for_complete(running)
            continue
        answering = [
            s.controller.answers
            for s in app.screen_stack
            if isinstance(s, StudyScreen) and not s.controller.answers.idle
        ]
        if answering:  # answers commit on the study screen's own thread, not a worker
            quiet = 0
            for thread in answering:
                await asyncio.to_thread(thread.wait_idle, 60)
            continue
        await app.animator.wait_until_complete()
        # A frame still to draw may start work once it is drawn (the study screen
        # reads ahead after its card is on screen). Bounded: a screen being
        # dismissed, or an app that has exited, never calls back.
        drawn = asyncio.Event()
        if app.is_running and app.screen.call_after_refresh(drawn.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(drawn.wait(), 2)
        quiet += 1
        if quiet >= 2:
            return
    raise AssertionError("the app kept starting workers")


def screen_text(app: App[Any]) -> str:
    """Everything on the screen as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
