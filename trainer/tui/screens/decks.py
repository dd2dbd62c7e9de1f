"""The deck list: today's new / learning / due counts; Enter studies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from trainer.domain.counts import DeckCounts
from trainer.domain.display import visible
from trainer.domain.errors import StoreUnavailable, TrainerError
from trainer.domain.words import plural
from trainer.tui.colours import DUE_STYLE, LEARN_STYLE, NEW_STYLE
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.keys import Key, PaletteOnly, WidgetKey, hint
from trainer.tui.screens.base import TrainerScreen
from trainer.tui.widgets.key_footer import StyledFooter

if TYPE_CHECKING:
    from trainer.domain.decktree import TreeRow
    from trainer.services.deck_admin import DeckAdmin, DeletedDeck, Renamed

WARM_UP_AFTER_S = 0.1
"""After a quick first paint, the store opens this long after it (in a worker)."""

RICH_COLOURS = {"new": NEW_STYLE, "learning": LEARN_STYLE, "due": DUE_STYLE}


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim", justify="right")


def total_content(rows: list[TreeRow]) -> Content:
    """Today's counts over every deck: the top-level decks' (each within its limits)."""
    tops = [r for r in rows if r.depth == 0]
    new = sum(r.new for r in tops)
    learning = sum(r.learning for r in tops)
    due = sum(r.due for r in tops)
    return Content.assemble(
        ("Today: ", "bold"),
        (str(new), NEW_STYLE),
        " new · ",
        (str(learning), LEARN_STYLE),
        " learning · ",
        (str(due), DUE_STYLE),
        " due",
    )


COLLAPSED, EXPANDED = "▸", "▾"


def _label(row: TreeRow) -> str:
    """A tree line: indent by depth, ▸/▾ on a parent, then the last part of the name."""
    marker = (COLLAPSED if row.collapsed else EXPANDED) if row.children else " "
    return "  " * row.depth + marker + " " + row.label


def _label_text(row: TreeRow) -> Text:
    return Text(visible(_label(row)), style="bold" if row.deck_id is None else "")


class DeckTable(DataTable[Text]):
    """The deck list: a click on a parent's ▸/▾ collapses or expands it; Enter
    before any row is there goes on to the screen's binding (a plain DataTable
    swallows it), which keeps it until the decks show."""

    class Toggled(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.markers: dict[int, tuple[str, int]] = {}
        """Row index → (parent's name, the marker's column in the deck cell)."""

    def action_select_cursor(self) -> None:
        if not self.row_count:
            raise SkipAction
        super().action_select_cursor()

    async def _on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        row, column = meta.get("row"), meta.get("column")
        if column == 0 and isinstance(row, int) and row in self.markers:
            name, at = self.markers[row]
            x = event.x + round(self.scroll_x) - self.cell_padding
            if at <= x <= at + 1:
                event.stop()
                event.prevent_default()  # DataTable's own handler would select the row
                self.post_message(self.Toggled(name))


def file_kinds(export: bool = False) -> str:
    """The file types import (or export) accepts, e.g. ``.apkg .csv .toml``."""
    from trainer.services.exchange import EXPORTERS, IMPORTERS

    return " ".join(sorted(EXPORTERS if export else IMPORTERS))


class DecksScreen(TrainerScreen):
    """Lists decks; the store opens in a thread so the screen shows at once.

    When the app has a quick count path (the CLI's read-only SQLite reader) the
    first paint already shows today's counts and the worker behind it only opens
    the store. Otherwise the first paint is a skeleton ("Loading decks…") and the
    worker that opens the store loads the counts; a key pressed meanwhile is kept
    until they show. Every load ends with a :class:`DecksScreen.Loaded` message
    (tests wait for it).
    """

    class Loaded(Message):
        """The deck counts are on screen."""

    CSS_PATH = "decks.tcss"
    TITLE_KEYS = "Decks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "enter",
            "study",
            "Study",
            help="Study the deck under the cursor (a parent studies its sub-decks)",
            palette="Study selected deck",
            hint="study",
        ),
        Key(
            "i",
            "import_file",
            "Import",
            help="Import a deck file (.toml, .csv, .tsv, .apkg)",
            palette="Import deck file",
            hint="import",
        ),
        Key(
            "x",
            "export_file",
            "Export",
            help="Export the deck under the cursor to a file",
            palette="Export selected deck",
            hint="export",
        ),
        Key(
            "a",
            "article",
            "Article",
            help="Make cards from an article",
            palette="Make cards from an article",
            hint="article",
        ),
        Key(
            "s",
            "stats",
            "Stats",
            help="Statistics: today's counts and the last 30 days",
            palette="Statistics",
            hint="stats",
        ),
        Key(
            "w",
            "practice",
            "Practice",
            show=False,
            help="Practise a timed written answer on the deck under the cursor",
            palette="Practise a written answer",
        ),
        Key(
            "l",
            "library",
            "Library",
            show=False,
            help="Article library: articles made into cards, their outlines and progress",
            palette="Article library",
        ),
        Key(
            "t",
            "banks",
            "Terms & quotes",
            show=False,
            help="The banks of 规范表述 and 金句 across all articles",
            palette="Terms and quotes",
        ),
        Key(
            "b",
            "browse",
            "Browse",
            show=False,
            help="Browse and search the cards of the deck under the cursor",
            palette="Browse cards",
        ),
        Key(
            "n",
            "add_note",
            "Add note",
            show=False,
            help="Add a note by hand (cloze, Q&A or list) to the deck under the cursor",
            palette="Add a note",
        ),
        Key(
            "c",
            "custom_study",
            "Custom study",
            show=False,
            help="Custom study: raise today's limits, review ahead or forgotten, study a search",
            palette="Custom study",
        ),
        Key(
            "o",
            "deck_options",
            "Options",
            show=False,
            help="Options of the deck under the cursor",
            palette="Deck options",
        ),
        Key(
            "R",
            "rename_deck",
            "Rename",
            show=False,
            help="Rename the deck (sub-decks follow)",
            palette="Rename deck",
        ),
        Key(
            "M",
            "move_deck",
            "Move",
            show=False,
            help="Move the deck under another deck, / for the top (sub-decks follow)",
            palette="Move deck",
        ),
        Key(
            "delete",
            "delete_deck",
            "Delete",
            show=False,
            help="Delete the deck, its sub-decks and cards (asks first)",
            palette="Delete deck",
        ),
        Key(
            "minus",
            "collapse",
            "Collapse",
            show=False,
            help="Collapse the deck under the cursor (its sub-decks hide; kept between runs)",
            palette="Collapse deck",
        ),
        Key(
            "plus,equals_sign",
            "expand",
            "Expand",
            show=False,
            help="Expand the deck under the cursor (a click on ▸/▾ toggles too)",
            keys="+",
            palette="Expand deck",
        ),
        Key(
            "r",
            "refresh",
            "Refresh",
            show=False,
            help="Refresh the counts",
            palette="Refresh deck counts",
        ),
        Key(
            "u,ctrl+z",
            "undo",
            "Undo",
            show=False,
            help="Undo the last action, wherever it was done (answer, bury, suspend, edit, browser, deck and options changes)",
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
        Key(
            "p",
            "apply_plan",
            "Apply exam plan",
            show=False,
            help="Apply the exam plan to the decks' new cards a day (trainer exam set)",
            palette="Apply exam plan",
        ),
        Key("question_mark", "help", "Keys", help="This list", hint="keys"),
        Key("q", "app.quit", "Quit"),
    ]
    WIDGET_KEYS: ClassVar[list[WidgetKey]] = [WidgetKey("↑ ↓", "Move between decks")]
    PALETTE_ONLY: ClassVar[list[PaletteOnly]] = [
        PaletteOnly("study_all", "Study all decks", "Study every deck together"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TreeRow] = []
        """The deck tree as shown: parents (implicit ones too) before their sub-decks."""
        self.counts: list[DeckCounts] = []
        self.loads = 0
        self.select_after_load: str | None = None
        """The deck to put the cursor on when the tree shows next (after a collapse)."""
        self.pending: Callable[[], None] | None = None
        """A deck action asked for before the first counts arrived: done once they are."""

    def compose(self) -> ComposeResult:
        yield Header()
        table = DeckTable(id="decks-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("Loading decks…", markup=False, id="decks-total")
        exam = Static("", markup=False, id="decks-exam")
        exam.display = False
        yield exam
        yield Static(hint(type(self)), markup=False, id="decks-hint")
        yield StyledFooter()

    def on_mount(self) -> None:
        self._columns(self.query_one(DataTable), [])
        self._quick_counts()

    def _quick_counts(self) -> None:
        """The first paint shows real counts when they can be read without the store:
        one read-only SQLite connection, before the first frame."""
        quick = self.trainer.quick_counts
        if quick is None or self.trainer.is_open:
            return
        try:
            found = quick(self.trainer.now())
        except Exception:
            found = None  # the worker's full path will say what is wrong
        if found:
            self.show_counts(*found)

    @staticmethod
    def _columns(table: DataTable[Text], rows: list[TreeRow]) -> None:
        """Columns with explicit widths: DataTable measures auto-width columns when
        idle and may keep lines it painted before that, cut to the old width."""
        width = max([4, *(cell_len(_label(r)) for r in rows)])
        table.add_column("Deck", key="deck", width=width)
        table.add_column(Text("New", justify="right"), key="new", width=6)
        table.add_column(Text("Learn", justify="right"), key="learning", width=6)
        table.add_column(Text("Due", justify="right"), key="due", width=6)

    def on_screen_resume(self) -> None:
        # Posted when the screen is first pushed and whenever it is current again;
        # the load starts after this paint, so the skeleton shows at once.
        self.call_after_refresh(self._reload)

    def _reload(self) -> None:
        if self.loads == 1 and not self.trainer.is_open:
            # After a quick first paint the worker only opens the store (migration
            # check, daily backup) and reads the exam line: the counts are today's.
            # It starts once the frame is out: its imports would hold the
            # interpreter while the first frame is still being written.
            self.set_timer(WARM_UP_AFTER_S, self.load_exam)
        else:
            self.load_counts()

    @work(thread=True, exclusive=True, group="deck-counts")
    def load_counts(self) -> None:
        try:
            rows, tree = self.trainer.study.tree(self.trainer.now())
        except StoreUnavailable:
            return  # the app is closing with the reason
        except Exception as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Could not load decks: {exc}", "error")
            return
        if not get_current_worker().is_cancelled:
            self.trainer.call_from_thread(self.show_counts, rows, tree)
            self.trainer.call_from_thread(self.load_exam)

    @work(thread=True, exclusive=True, group="exam-plan")
    def load_exam(self) -> None:
        """The exam line under the counts, when an exam date is set (read after the counts)."""
        from trainer.services.planning import PlanningService

        trainer = self.trainer
        try:
            planning = PlanningService(trainer.store)
            now = trainer.now()
            summary = planning.readiness_summary(None, now)
            plan = planning.plan(None, now) if summary else None
            allowed = sum(d.options.new_per_day for d in trainer.decks.decks())
        except Exception:
            return  # only a summary line: the counts are what matters
        line = None
        if summary is not None and plan is not None:
            line = (
                f"Exam {summary['exam_date']} in {plural(summary['days_left'], 'day')} · "
                f"plan {plural(plan.new_per_day, 'new card')} a day · limits {allowed} a day"
                + ("" if allowed == plan.new_per_day else " · p applies the plan")
            )
        if not get_current_worker().is_cancelled:
            trainer.call_from_thread(self.show_exam, line)

    def show_exam(self, line: str | None) -> None:
        exam = self.query_one("#decks-exam", Static)
        exam.display = line is not None
        exam.update(line or "")

    def action_apply_plan(self) -> None:
        self.apply_plan()

    @work(thread=True, exclusive=True, group="exam-plan")
    def apply_plan(self) -> None:
        from trainer.services.planning import PlanningService

        trainer = self.trainer
        try:
            done = PlanningService(trainer.store).apply_plan(None, trainer.now())
        except StoreUnavailable:
            return
        except TrainerError as exc:
            trainer.call_from_thread(trainer.say, str(exc), "error")
            return
        if done is None:
            trainer.call_from_thread(
                trainer.say, "No exam date set: trainer exam set YYYY-MM-DD", "warning"
            )
            return
        plan, changed = done
        trainer.decks_changed()
        trainer.call_from_thread(
            trainer.say,
            f"Exam plan applied: {plural(plan.new_per_day, 'new card')} a day over "
            f"{plural(len(changed), 'deck')}",
        )
        trainer.call_from_thread(self.load_counts)

    def show_counts(self, counts: list[DeckCounts], rows: list[TreeRow]) -> None:
        table = self.query_one(DeckTable)
        selected = self.selected()
        self.rows, self.counts = rows, counts
        table.clear(columns=True)
        self._columns(table, rows)
        table.markers = {i: (row.name, 2 * row.depth) for i, row in enumerate(rows) if row.children}
        for row in rows:
            table.add_row(
                _label_text(row),
                _count(row.new, RICH_COLOURS["new"]),
                _count(row.learning, RICH_COLOURS["learning"]),
                _count(row.due, RICH_COLOURS["due"]),
                key=row.name,
            )
        wanted = self.select_after_load or (selected.name if selected else None)
        self.select_after_load = None
        if wanted is not None:
            for i, row in enumerate(rows):
                if row.name == wanted:
                    table.move_cursor(row=i, animate=False)
        total = self.query_one("#decks-total", Static)
        if counts:
            total.update(total_content(rows))
        else:
            total.update(
                "No decks yet: press i to import a deck file or a to make one from an article."
            )
        self.loads += 1
        self.post_message(self.Loaded())
        pending, self.pending = self.pending, None
        if pending is not None:
            pending()

    def _after_load(self, action: Callable[[], None]) -> bool:
        """Keep ``action`` for when the first counts are on screen, if they are not yet:
        a key pressed during start-up acts on the deck under the cursor, never lost."""
        if self.loads:
            return False
        self.pending = action
        return True

    def selected(self) -> TreeRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    # -- the tree ------------------------------------------------------------------------
    def action_collapse(self) -> None:
        """Collapse the parent under the cursor; on a sub-deck, collapse its parent."""
        row = self.selected()
        if row is None:
            return
        if row.children and not row.collapsed:
            self.set_collapsed(row.name, True)
        elif row.parent is not None:
            self.set_collapsed(row.parent, True, select=row.parent)

    def action_expand(self) -> None:
        row = self.selected()
        if row is not None and row.children and row.collapsed:
            self.set_collapsed(row.name, False)

    def on_deck_table_toggled(self, event: DeckTable.Toggled) -> None:
        event.stop()
        row = next((r for r in self.rows if r.name == event.name), None)
        if row is not None:
            self.set_collapsed(row.name, not row.collapsed, select=row.name)

    @work(thread=True, exclusive=True, group="deck-tree")
    def set_collapsed(self, name: str, collapsed: bool, select: str | None = None) -> None:
        try:
            self.trainer.study.set_collapsed(name, collapsed)
        except StoreUnavailable:
            return
        except TrainerError as exc:
            self.trainer.call_from_thread(self.trainer.say, str(exc), "error")
            return
        if select is not None:
            self.trainer.call_from_thread(self._select_name, select)
        self.trainer.call_from_thread(self.load_counts)

    def _select_name(self, name: str) -> None:
        self.select_after_load = name

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_study()

    def action_study(self) -> None:
        row = self.selected()
        if row is None and self._after_load(self.action_study):
            return
        if row is None:
            self.trainer.say("No deck to study yet.", "warning")
            return
        self.trainer.open_study(row.name)

    def action_study_all(self) -> None:
        self.trainer.open_study(None)

    def action_refresh(self) -> None:
        self.load_counts()

    def after_undo(self) -> None:
        self.load_counts()

    def action_article(self) -> None:
        from trainer.tui.screens.article import ArticleScreen

        self.trainer.push_screen(ArticleScreen())

    def action_library(self) -> None:
        from trainer.tui.screens.library import LibraryScreen

        self.trainer.push_screen(LibraryScreen())

    def action_banks(self) -> None:
        from trainer.tui.screens.banks import BankScreen

        self.trainer.push_screen(BankScreen())

    def action_stats(self) -> None:
        from trainer.tui.screens.stats import StatsScreen

        row = self.selected()
        self.trainer.push_screen(StatsScreen(None if row is None else row.name))

    def action_practice(self) -> None:
        from trainer.tui.screens.practice import PracticeScreen

        row = self.selected()
        self.trainer.push_screen(PracticeScreen(None if row is None else row.name))

    def action_browse(self) -> None:
        from trainer.tui.screens.browser import BrowserScreen, deck_query

        row = self.selected()
        self.trainer.push_screen(BrowserScreen(deck_query(row.name if row else None)))

    def action_add_note(self) -> None:
        from trainer.tui.dialogs.add_note import AddNoteDialog

        row = self.selected()

        def closed(added: int | None) -> None:
            if added:
                self.load_counts()

        self.trainer.push_screen(AddNoteDialog(row.name if row else None), closed)

    def action_custom_study(self) -> None:
        from trainer.tui.dialogs.custom_study import CustomStudyDialog, Result

        row = self.selected()
        if row is None:
            self.trainer.say("No deck to study yet.", "warning")
            return

        def done(result: Result | None) -> None:
            if result is None:
                return
            message, deck = result
            self.trainer.decks_changed()
            self.trainer.say(message)
            if deck is not None:
                self.trainer.open_study(deck)
            else:
                self.load_counts()

        self.trainer.push_screen(CustomStudyDialog(row.name), done)

    # -- deck management ----------------------------------------------------------------
    def action_deck_options(self) -> None:
        from trainer.tui.screens.deck_options import DeckOptionsScreen

        row = self.selected()
        if row is not None:
            self.trainer.push_screen(DeckOptionsScreen(row.name))

    def action_rename_deck(self) -> None:
        self._ask_deck_place(move=False)

    def action_move_deck(self) -> None:
        self._ask_deck_place(move=True)

    def _ask_deck_place(self, *, move: bool) -> None:
        row = self.selected()
        if row is None:
            return
        name = row.name

        def chosen(value: str | None) -> None:
            if value is None:  # Escape, or nothing typed
                return
            target = "" if value == "/" else value
            self._deck_change(
                lambda admin: admin.move(name, target) if move else admin.rename(name, target)
            )

        if move:
            parent = name.rpartition("::")[0] or "/"
            question = f"Move {name} under which deck? (/ for the top level)"
            self.trainer.push_screen(PromptDialog(question, parent), chosen)
        else:
            self.trainer.push_screen(PromptDialog(f"Rename {name} to:", name), chosen)

    def action_delete_deck(self) -> None:
        from trainer.tui.dialogs.confirm import ConfirmDialog

        row = self.selected()
        if row is None:
            return
        name = row.name

        def answered(yes: bool | None) -> None:
            if yes:
                self._deck_change(lambda admin: admin.delete(name))

        self.trainer.push_screen(
            ConfirmDialog(
                f"Delete {name}, its sub-decks, their cards and review history? (u undoes)",
                "Delete",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="deck-admin")
    def _deck_change(self, do: Callable[[DeckAdmin], Renamed | DeletedDeck]) -> None:
        from trainer.services.deck_admin import DeckAdmin

        try:
            done = do(DeckAdmin(self.trainer.store))
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self.trainer.say, str(exc), "error")
            return
        from trainer.services.undo import deck_step

        self.trainer.study.undo_stack.push(deck_step(self.trainer.store, done))
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, done.describe())
        self.trainer.call_from_thread(self.load_counts)

    def action_import_file(self) -> None:
        def chosen(path: str | None) -> None:
            if path:
                self.import_file(Path(path).expanduser())

        self.trainer.push_screen(
            PromptDialog(
                f"Import which file? ({file_kinds()})",
                placeholder="deck.toml, cards.csv, notes.tsv, deck.apkg",
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, group="exchange")
    def import_file(self, path: Path) -> None:
        from trainer.services.exchange import import_file

        try:
            report = import_file(self.trainer.store, path)
        except (TrainerError, OSError) as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Import failed: {exc}", "error")
            return
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, f"Imported {report.summary()}")
        self.trainer.call_from_thread(self.load_counts)

    def action_export_file(self) -> None:
        row = self.selected()
        if row is None:
            self.trainer.say("No deck to export.", "warning")
            return
        name = row.name
        if row.deck_id is None:
            self.trainer.say(f"{name} holds only sub-decks: export one of them.", "warning")
            return

        def chosen(path: str | None) -> None:
            if path:
                target = Path(path).expanduser()
                # Relative to the home folder, not to wherever the app was started.
                self.export_file(name, target if target.is_absolute() else Path.home() / target)

        default = str(Path.home() / (name.replace("::", "-") + ".toml"))
        self.trainer.push_screen(
            PromptDialog(f"Export {name} to which file? ({file_kinds(export=True)})", default),
            chosen,
        )

    @work(thread=True, exclusive=True, group="exchange")
    def export_file(self, name: str, path: Path) -> None:
        from trainer.services.exchange import export_deck

        store = self.trainer.store
        try:
            report = export_deck(store, name, path)
        except (TrainerError, OSError) as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Export failed: {exc}", "error")
            return
        line = report.describe(name, path, store.profile.name)
        self.trainer.call_from_thread(self.trainer.say, line[:1].upper() + line[1:])
