"""The card browser (``b``): Anki's search box, a sortable table, a preview, actions.

Every search runs in a thread worker (exclusive: a newer query cancels the
older one, and only the newest query's answer is shown), so typing never waits
for the store. Rows come a page at a time; moving to the last row loads more.

Space marks rows, ``ctrl+a`` marks every match; actions work on the marked
cards, or on the card under the cursor when none is marked. Each action is one
transaction in :class:`~trainer.services.browse.BrowseService` and is remembered
here, so ``u`` / ``ctrl+z`` puts the rows back as they were and says what it undid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from trainer.domain.errors import StoreUnavailable, TrainerError
from trainer.domain.model import CardState, Note, Queue
from trainer.tui.dialogs.confirm import ConfirmDialog
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.keys import Key, WidgetKey
from trainer.tui.screens.base import TrainerScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from trainer.services.browse import BrowseRow, BrowseService, Change

COLUMNS: list[tuple[str, str, int]] = [
    ("mark", "", 1),
    ("front", "Front", 0),
    ("deck", "Deck", 16),
    ("due", "Due", 10),
    ("ivl", "Ivl", 5),
    ("ease", "Diff", 5),
    ("lapses", "Lps", 3),
    ("tags", "Tags", 14),
]
"""(key, title, width); the front takes what the others leave."""
SORTABLE = {"front", "deck", "due", "ivl", "ease", "lapses", "tags"}


def deck_query(deck: str | None) -> str:
    """The search for one deck and its sub-decks."""
    if not deck:
        return ""
    escaped = deck.replace("\\", "\\\\").replace('"', '\\"').replace("*", "\\*")
    return f'deck:"{escaped.replace("_", chr(92) + "_")}"'


def due_days(value: str, today: int) -> int | None:
    """Days from study day ``today`` for "3" or "2026-03-05"; None if neither (or past)."""
    from datetime import date

    value = value.strip()
    if value.isascii() and value.isdigit():
        return int(value)
    try:
        days = date.fromisoformat(value).toordinal() - today
    except ValueError:
        return None
    return days if days >= 0 else None


def _cell(text: str, width: int | None = None) -> str:
    line = "".join(" " if c in "\n\t\r" else c for c in text if c.isprintable() or c in "\n\t\r")
    if width is not None and len(line) > width:
        return line[: max(1, width - 1)] + "…"
    return line


class BrowserScreen(TrainerScreen):
    """Search, sort, preview and act on cards."""

    class Searched(Message):
        """A search's first page is on screen (tests wait for it)."""

    CSS_PATH = "browser.tcss"
    TITLE_KEYS = "Browser"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "slash",
            "focus_search",
            "Search",
            help="Type a search (Anki's language: deck:申论* tag:金句 is:due prop:ivl>=10 …)",
        ),
        Key("space", "mark", "Mark", show=False, help="Mark or unmark the card under the cursor"),
        Key(
            "ctrl+a",
            "mark_all",
            "Mark all",
            show=False,
            help="Mark every card the search finds",
            palette="Browser: mark all",
        ),
        Key(
            "o",
            "cycle_sort",
            "Sort",
            help="Sort by the next column (again: reverse; a click on a heading too)",
        ),
        Key("e", "edit", "Edit", help="Edit the note"),
        Key(
            "exclamation_mark",
            "toggle_suspend",
            "Suspend",
            help="Suspend, or unsuspend when all are suspended",
            palette="Browser: suspend / unsuspend",
        ),
        Key(
            "minus", "bury", "Bury", show=False, help="Bury until tomorrow", palette="Browser: bury"
        ),
        Key(
            "f",
            "forget",
            "Forget",
            show=False,
            help="Forget: reset to new cards",
            palette="Browser: forget",
        ),
        Key(
            "D",
            "set_due",
            "Due date",
            show=False,
            help="Set the due date (days from today, or YYYY-MM-DD)",
            palette="Browser: set due date",
        ),
        Key(
            "m",
            "move",
            "Deck",
            help="Move the notes to another deck",
            palette="Browser: change deck",
        ),
        Key("t", "add_tags", "Tag", help="Add tags to the notes", palette="Browser: add tags"),
        Key(
            "T",
            "remove_tags",
            "Untag",
            show=False,
            help="Remove tags from the notes",
            palette="Browser: remove tags",
        ),
        Key(
            "delete,ctrl+d",
            "delete",
            "Delete",
            show=False,
            help="Delete the notes (history kept)",
            palette="Browser: delete notes",
        ),
        Key(
            "a", "add_note", "Add", show=False, help="Add a note (deck and tags kept for the next)"
        ),
        Key(
            "u,ctrl+z",
            "undo",
            "Undo",
            help="Undo the last action, wherever it was done",
            palette="Undo last action",
        ),
        Key(
            "ctrl+y",
            "redo",
            "Redo",
            show=False,
            help="Redo the last action undone (not an answer)",
            palette="Redo",
        ),
        Key("question_mark", "help", "Keys", help="This list"),
        Key("escape,q", "leave", "Back", help="Back"),
    ]
    WIDGET_KEYS: ClassVar[list[WidgetKey]] = [
        WidgetKey("tab / esc", "From the search box to the table"),
    ]

    def __init__(self, query: str = "", card_id: int | None = None) -> None:
        super().__init__()
        self.initial_query = query
        self.focus_card = card_id
        self.query_text = query
        self.rows: list[BrowseRow] = []
        self.total = 0
        self.marked: set[int] = set()
        self.sort = "added"
        self.reverse = False
        self.error = ""
        self.searches = 0
        """How many searches have been shown (tests wait for this to move)."""
        self._generation = 0
        self._loading_more = False
        """Actions done here, newest last (``u`` takes back the last)."""

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            self.initial_query,
            placeholder="Search: 直播 deck:申论* tag:金句 is:due -is:suspended prop:ivl>=10",
            id="browse-search",
        )
        yield Static("Searching…", markup=False, id="browse-status")
        with Horizontal(id="browse-body"):
            yield DataTable(id="browse-table", cursor_type="row", zebra_stripes=True)
            yield Static("", markup=False, id="browse-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Browse"
        self.query_one(Input).cursor_blink = self.trainer.cursor_blink
        self._columns()
        self.query_one(DataTable).focus()
        self.run_search(self.query_text)

    def _columns(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear(columns=True)
        fixed = sum(w for _k, _t, w in COLUMNS) + 2 * len(COLUMNS)
        avail = max(60, self.size.width) - 36  # the preview's share
        for key, title, width in COLUMNS:
            label = title
            if key == self.sort:
                label += " ▼" if self.reverse else " ▲"
            table.add_column(label, key=key, width=width or max(12, avail - fixed))

    @property
    def service(self) -> BrowseService:
        from trainer.services.browse import BrowseService

        return BrowseService(self.trainer.store)

    # -- searching -----------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def run_search(self, query: str, keep_cursor: bool = False) -> None:
        self._generation += 1
        self._search(query, self.sort, self.reverse, self._generation, keep_cursor)

    @work(thread=True, exclusive=True, group="browse-search")
    def _search(self, query: str, sort: str, reverse: bool, generation: int, keep: bool) -> None:
        from trainer.domain.search import SearchError
        from trainer.services.browse import PAGE

        worker = get_current_worker()
        try:
            service = self.service
            now = self.trainer.now()
            rows = service.search(query, now, sort=sort, reverse=reverse, limit=PAGE)
            if worker.is_cancelled:
                return
            total = len(rows) if len(rows) < PAGE else service.count(query, now)
        except SearchError as exc:
            self.trainer.call_from_thread(self._failed, str(exc), generation)
            return
        except StoreUnavailable:
            return
        except TrainerError as exc:
            self.trainer.call_from_thread(self._failed, str(exc), generation)
            return
        if not worker.is_cancelled:
            self.trainer.call_from_thread(self._show, rows, total, generation, keep)

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self.error = message
        self._status()
        self.searches += 1
        self.post_message(self.Searched())

    def _show(self, rows: list[BrowseRow], total: int, generation: int, keep: bool) -> None:
        if generation != self._generation:
            return  # an older query's answer
        table = self.query_one(DataTable)
        current = self.current()
        self.error = ""
        self.rows = rows
        self.total = total
        table.clear()
        for row in rows:
            self._add_row(table, row)
        target = None
        if keep and current is not None:
            target = current.card_id
        elif self.focus_card is not None:
            target, self.focus_card = self.focus_card, None
        if target is not None:
            for i, row in enumerate(rows):
                if row.card_id == target:
                    table.move_cursor(row=i, animate=False)
                    break
        self._status()
        self._preview()
        self.searches += 1
        self.post_message(self.Searched())

    def _cells(self, row: BrowseRow) -> list[Text]:
        now = self.trainer.now()
        if row.state is CardState.NEW:
            due = f"new #{row.position}"
        elif row.due is not None:
            due = self.trainer.store.clock.local(row.due).strftime("%Y-%m-%d")
        else:
            due = ""
        dim = "dim" if row.queue in (Queue.SUSPENDED, Queue.BURIED) else ""
        if row.queue is Queue.SUSPENDED:
            dim = "dim italic"
        deck = row.deck + (f" ({row.home_deck})" if row.home_deck else "")
        front_width = self.query_one(DataTable).columns["front"].width  # type: ignore[index]
        overdue = row.due is not None and row.due <= now and row.queue is Queue.REVIEW
        return [
            Text("●" if row.card_id in self.marked else " ", style="bold $accent"),
            Text(_cell(row.front, front_width), style=dim),
            Text(_cell(deck, 16), style=dim),
            Text(due, style="bold red" if overdue else dim),
            Text(f"{row.interval_days}d" if row.interval_days else "", justify="right"),
            Text(f"{row.difficulty:.0%}" if row.difficulty is not None else "", justify="right"),
            Text(str(row.lapses) if row.lapses else "", justify="right"),
            Text(_cell(" ".join(row.tags), 14), style="dim"),
        ]

    def _add_row(self, table: DataTable[Text], row: BrowseRow) -> None:
        table.add_row(*self._cells(row), key=str(row.card_id))

    def _status(self) -> None:
        status = self.query_one("#browse-status", Static)
        if self.error:
            status.update(Content.styled(self.error, "bold $error"))
            return
        sort = f"sorted by {self.sort}{' (reverse)' if self.reverse else ''}"
        parts = [f"{self.total} card{'' if self.total == 1 else 's'}", sort]
        if self.marked:
            parts.append(f"{len(self.marked)} marked")
        status.update(" · ".join(parts))

    def current(self) -> BrowseRow | None:
        table = self.query_one(DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._preview()
        if event.cursor_row >= len(self.rows) - 1 and len(self.rows) < self.total:
            self._more()

    def _preview(self) -> None:
        row = self.current()
        preview = self.query_one("#browse-preview", Static)
        if row is None:
            preview.update("")
            return
        lines = [
            ("Front", row.front),
            ("Back", row.back),
            ("Deck", row.deck + (f" (home: {row.home_deck})" if row.home_deck else "")),
            ("Tags", " ".join(row.tags) or "—"),
            ("State", f"{row.state.name.lower()}, {row.queue.name.lower()} queue"),
            ("Reviews", f"{row.reps}, lapses {row.lapses}"),
        ]
        if row.stability is not None:
            lines.append(("Stability", f"{row.stability:.1f} days"))
        preview.update(
            Content("\n").join(
                Content.assemble((f"{label}\n", "bold"), (text, "")) for label, text in lines
            )
        )

    def _more(self) -> None:
        if self._loading_more:
            return
        self._loading_more = True
        self._load_more(self.query_text, self.sort, self.reverse, len(self.rows), self._generation)

    @work(thread=True, group="browse-more")
    def _load_more(
        self, query: str, sort: str, reverse: bool, offset: int, generation: int
    ) -> None:
        from trainer.services.browse import PAGE

        try:
            rows = self.service.search(
                query, self.trainer.now(), sort=sort, reverse=reverse, limit=PAGE, offset=offset
            )
        except (TrainerError, StoreUnavailable):
            rows = []
        self.trainer.call_from_thread(self._append, rows, generation)

    def _append(self, rows: list[BrowseRow], generation: int) -> None:
        self._loading_more = False
        if generation != self._generation:
            return
        table = self.query_one(DataTable)
        for row in rows:
            self.rows.append(row)
            self._add_row(table, row)

    # -- sorting and marking ----------------------------------------------------------------
    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        if key in SORTABLE:
            self._sort_by(key)

    def _sort_by(self, key: str) -> None:
        if key == self.sort:
            self.reverse = not self.reverse
        else:
            self.sort, self.reverse = key, False
        self._columns()
        self.run_search(self.query_text, keep_cursor=True)

    def action_cycle_sort(self) -> None:
        order = ["added", "due", "ivl", "ease", "lapses", "deck", "front", "tags"]
        if not self.reverse and self.sort != "added":
            self._sort_by(self.sort)  # same column, reversed
            return
        nxt = order[(order.index(self.sort) + 1) % len(order)] if self.sort in order else "due"
        self.sort, self.reverse = nxt, False
        self._columns()
        self.run_search(self.query_text, keep_cursor=True)

    def action_mark(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.card_id in self.marked:
            self.marked.discard(row.card_id)
        else:
            self.marked.add(row.card_id)
        table = self.query_one(DataTable)
        table.update_cell(str(row.card_id), "mark", self._cells(row)[0])
        if table.cursor_row < len(self.rows) - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self._status()

    def action_mark_all(self) -> None:
        self._mark_all(self.query_text)

    @work(thread=True, exclusive=True, group="browse-mark")
    def _mark_all(self, query: str) -> None:
        try:
            ids = self.service.card_ids(query, self.trainer.now())
        except (TrainerError, StoreUnavailable):
            return
        self.trainer.call_from_thread(self._marked_all, ids)

    def _marked_all(self, ids: list[int]) -> None:
        self.marked = set(ids)
        table = self.query_one(DataTable)
        for row in self.rows:
            table.update_cell(str(row.card_id), "mark", self._cells(row)[0])
        self._status()

    def selection(self) -> list[int]:
        if self.marked:
            return sorted(self.marked)
        row = self.current()
        return [row.card_id] if row is not None else []

    # -- actions ---------------------------------------------------------------------------
    def _act(self, label: str, do: Callable[[BrowseService, list[int]], Change]) -> None:
        ids = self.selection()
        if not ids:
            self.trainer.say("No card selected.", "warning")
            return
        self._run_action(label, do, ids)

    @work(thread=True, exclusive=True, group="browse-action")
    def _run_action(
        self, label: str, do: Callable[[BrowseService, list[int]], Change], ids: list[int]
    ) -> None:
        try:
            change = do(self.service, ids)
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self.trainer.say, f"{label} failed: {exc}", "error")
            return
        self.trainer.call_from_thread(self._done, change, lambda s: do(s, ids))

    def _done(self, change: Change, again: Callable[[BrowseService], Change]) -> None:
        from trainer.services.undo import browse_step

        self.trainer.study.undo_stack.push(browse_step(self.trainer.store, change, again))
        self.trainer.cards_changed()
        if change.decks or change.action.startswith("Moved"):
            self.trainer.decks_changed()
        self.trainer.say(change.describe())
        self.run_search(self.query_text, keep_cursor=True)

    def action_toggle_suspend(self) -> None:
        ids = set(self.selection())
        shown = [r for r in self.rows if r.card_id in ids]
        if shown and all(r.queue is Queue.SUSPENDED for r in shown):
            self._act("Unsuspend", lambda s, ids: s.unsuspend(ids))
        else:
            self._act("Suspend", lambda s, ids: s.suspend(ids))

    def action_bury(self) -> None:
        now = self.trainer.now()
        self._act("Bury", lambda s, ids: s.bury(ids, now))

    def action_forget(self) -> None:
        n = len(self.selection())
        if not n:
            return
        now = self.trainer.now()

        def answered(yes: bool | None) -> None:
            if yes:
                self._act("Forget", lambda s, ids: s.forget(ids, now))

        self.trainer.push_screen(
            ConfirmDialog(f"Reset {n} card{'s' if n != 1 else ''} to new?", "Forget"), answered
        )

    def action_set_due(self) -> None:
        if not self.selection():
            return
        now = self.trainer.now()

        def chosen(value: str | None) -> None:
            if value is None:
                return
            days = due_days(value, self.trainer.store.clock.day(now))
            if days is None:
                self.trainer.say(f"Not a number of days or a date: {value}", "error")
                return
            self._act("Set due date", lambda s, ids: s.set_due(ids, days, now))

        self.trainer.push_screen(
            PromptDialog("Due in how many days (0 = today), or on which date (YYYY-MM-DD)?", "1"),
            chosen,
        )

    def action_move(self) -> None:
        row = self.current()
        if row is None:
            return
        now = self.trainer.now()

        def chosen(name: str | None) -> None:
            if name:
                self._act("Change deck", lambda s, ids: s.set_deck(ids, name, now))

        self.trainer.push_screen(
            PromptDialog("Move the notes to which deck? (made if missing)", row.deck), chosen
        )

    def action_add_tags(self) -> None:
        self._ask_tags(add=True)

    def action_remove_tags(self) -> None:
        self._ask_tags(add=False)

    def _ask_tags(self, *, add: bool) -> None:
        if not self.selection():
            return
        now = self.trainer.now()

        def chosen(value: str | None) -> None:
            if not value:
                return
            tags = value.split()
            if add:
                self._act("Tag", lambda s, ids: s.add_tags(ids, tags, now))
            else:
                self._act("Untag", lambda s, ids: s.remove_tags(ids, tags, now))

        question = "Add which tags? (space separated)" if add else "Remove which tags?"
        self.trainer.push_screen(PromptDialog(question), chosen)

    def action_delete(self) -> None:
        ids = set(self.selection())
        if not ids:
            return
        notes = len({r.note_id for r in self.rows if r.card_id in ids}) or len(ids)
        now = self.trainer.now()

        def answered(yes: bool | None) -> None:
            if yes:
                self._act("Delete", lambda s, ids: s.delete(ids, now))
                self.marked.clear()

        self.trainer.push_screen(
            ConfirmDialog(
                f"Delete {notes} note{'s' if notes != 1 else ''} and their cards? "
                "Their review history is kept.",
                "Delete",
            ),
            answered,
        )

    def action_edit(self) -> None:
        row = self.current()
        if row is None:
            return
        self._open_editor(row.card_id)

    @work(thread=True, group="browse-edit")
    def _open_editor(self, card_id: int) -> None:
        try:
            note = self.service.note_for(card_id)
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self.trainer.say, str(exc), "error")
            return
        self.trainer.call_from_thread(self._edit, note)

    def _edit(self, note: Note) -> None:
        now = self.trainer.now()

        def edited(changed: Note | None) -> None:
            if changed is not None and changed != note:
                self._run_action("Edit", lambda s, _ids: s.edit(changed, now), [])

        self.trainer.push_screen(EditNoteDialog(note), edited)

    def after_undo(self) -> None:
        self.run_search(self.query_text, keep_cursor=True)

    def action_add_note(self) -> None:
        from trainer.tui.dialogs.add_note import AddNoteDialog

        row = self.current()

        def closed(added: int | None) -> None:
            if added:
                self.run_search(self.query_text, keep_cursor=True)

        self.trainer.push_screen(AddNoteDialog(row.home_deck or row.deck if row else None), closed)

    # -- moving around -----------------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.query_one(Input).focus()

    def action_leave(self) -> None:
        if self.focused is self.query_one(Input):
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)
