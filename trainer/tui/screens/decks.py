"""The deck list: today's new / learning / due counts; Enter studies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from trainer.domain.display import visible
from trainer.domain.errors import TrainerError
from trainer.domain.model import DeckCounts
from trainer.domain.words import plural
from trainer.tui.app import StoreUnavailable
from trainer.tui.dialogs.help import HelpDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.render import DUE_STYLE, LEARN_STYLE, NEW_STYLE
from trainer.tui.screens.base import TrainerScreen

if TYPE_CHECKING:
    from trainer.services.deck_admin import DeckAdmin, DeletedDeck, Renamed
    from trainer.services.decks import TreeRow

RICH_COLOURS = {"new": "bold #3b82f6", "learning": "bold #dc2626", "due": "bold #16a34a"}


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim", justify="right")


def total_content(rows: list[DeckCounts]) -> Content:
    new = sum(r.new for r in rows)
    learning = sum(r.learning for r in rows)
    due = sum(r.due for r in rows)
    return Content.assemble(
        ("Today: ", "bold"),
        (str(new), NEW_STYLE),
        " new · ",
        (str(learning), LEARN_STYLE),
        " learning · ",
        (str(due), DUE_STYLE),
        " due",
    )


def _label(row: TreeRow) -> str:
    """A tree line: the last part of the name, indented by its depth."""
    return "  " * row.depth + row.label


def file_kinds(export: bool = False) -> str:
    """The file types import (or export) accepts, e.g. ``.apkg .csv .toml``."""
    from trainer.services.exchange import EXPORTERS, IMPORTERS

    return " ".join(sorted(EXPORTERS if export else IMPORTERS))


class DecksScreen(TrainerScreen):
    """Lists decks; the counts load in a thread so the screen shows at once.

    The first paint is a skeleton ("Loading decks…"): the worker that loads the
    counts is also the one that opens the store, after that paint. Every load
    ends with a :class:`DecksScreen.Loaded` message (tests wait for it).
    """

    class Loaded(Message):
        """The deck counts are on screen."""

    CSS_PATH = "decks.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "study", "Study"),
        Binding("i", "import_file", "Import"),
        Binding("x", "export_file", "Export"),
        Binding("a", "article", "Article"),
        Binding("s", "stats", "Stats"),
        Binding("l", "library", "Library", show=False),
        Binding("t", "banks", "Terms & quotes", show=False),
        Binding("b", "browse", "Browse", show=False),
        Binding("n", "add_note", "Add note", show=False),
        Binding("c", "custom_study", "Custom study", show=False),
        Binding("o", "deck_options", "Options", show=False),
        Binding("R", "rename_deck", "Rename", show=False),
        Binding("M", "move_deck", "Move", show=False),
        Binding("delete", "delete_deck", "Delete", show=False),
        Binding("r", "refresh", "Refresh", show=False),
        Binding("u,ctrl+z", "undo", "Undo", show=False),
        Binding("p", "apply_plan", "Apply exam plan", show=False),
        Binding("question_mark", "help", "Keys"),
        Binding("q", "app.quit", "Quit"),
    ]
    PALETTE: ClassVar[list[tuple[str, str, str]]] = [
        ("Study selected deck", "Study the deck under the cursor", "study"),
        ("Study all decks", "Study every deck together", "study_all"),
        ("Import deck file", "Import a deck file (.toml, .csv, .tsv, .apkg)", "import_file"),
        ("Export selected deck", "Write the deck under the cursor to a file", "export_file"),
        ("Make cards from an article", "Open an article, preview and add its cards", "article"),
        ("Statistics", "Today's counts and the last 30 days", "stats"),
        ("Article library", "Articles made into cards, their outlines and progress", "library"),
        ("Terms and quotes", "The banks of 规范表述 and 金句 across all articles", "banks"),
        ("Browse cards", "Search the cards of the selected deck", "browse"),
        ("Add a note", "Write a cloze, Q&A or list note by hand", "add_note"),
        (
            "Custom study",
            "Raise today's limits, review ahead or forgotten, study a search",
            "custom_study",
        ),
        ("Refresh deck counts", "Reload today's counts", "refresh"),
        ("Undo last action", "Take back the last answer, bury, suspend or edit", "undo"),
        ("Apply exam plan", "Set the decks' new cards a day to the exam plan", "apply_plan"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TreeRow] = []
        """The deck tree as shown: parents (implicit ones too) before their sub-decks."""
        self.counts: list[DeckCounts] = []
        self.loads = 0
        """How many times counts have been shown (tests wait for this to move)."""
        self.deck_history: list[tuple[int, Renamed | DeletedDeck]] = []
        """Deck actions to undo, each with how many study actions the session had then."""
        """Renames, moves and deletions done here, newest last (``u`` takes back)."""

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[Text] = DataTable(id="decks-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("Loading decks…", markup=False, id="decks-total")
        exam = Static("", markup=False, id="decks-exam")
        exam.display = False
        yield exam
        yield Static(
            "Enter study · i import · x export · a article · s stats · ? keys",
            markup=False,
            id="decks-hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        self._columns(self.query_one(DataTable), [])

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
        self.call_after_refresh(self.load_counts)

    @work(thread=True, exclusive=True, group="deck-counts")
    def load_counts(self) -> None:
        try:
            from trainer.services.decks import deck_tree

            rows = self.trainer.study.deck_counts(self.trainer.now())
            tree = deck_tree(rows)
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
        table = self.query_one(DataTable)
        selected = self.selected()
        self.rows, self.counts = rows, counts
        table.clear(columns=True)
        self._columns(table, rows)
        for row in rows:
            table.add_row(
                Text(visible(_label(row)), style="bold" if row.deck_id is None else ""),
                _count(row.new, RICH_COLOURS["new"]),
                _count(row.learning, RICH_COLOURS["learning"]),
                _count(row.due, RICH_COLOURS["due"]),
                key=row.name,
            )
        if selected is not None:
            for i, row in enumerate(rows):
                if row.name == selected.name:
                    table.move_cursor(row=i, animate=False)
        total = self.query_one("#decks-total", Static)
        if counts:
            total.update(total_content(counts))
        else:
            total.update(
                "No decks yet: press i to import a deck file or a to make one from an article."
            )
        self.loads += 1
        self.post_message(self.Loaded())

    def selected(self) -> TreeRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row < 0 or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_study()

    def action_study(self) -> None:
        row = self.selected()
        if row is None:
            self.trainer.say("No deck to study yet.", "warning")
            return
        self.trainer.open_study(row.name)

    def action_study_all(self) -> None:
        self.trainer.open_study(None)

    def action_refresh(self) -> None:
        self.load_counts()

    def _study_actions(self) -> int:
        return len(self.trainer.study.history) if self.trainer.can_undo else 0

    def action_undo(self) -> None:
        """Take back the newest action, a deck's (rename, move, delete) or the session's."""
        if self.deck_history and self.deck_history[-1][0] >= self._study_actions():
            self._undo_deck(self.deck_history.pop()[1])
            return
        if not self.trainer.can_undo:
            self.trainer.say("Nothing to undo in this session.")
            return
        self.undo_last()

    @work(thread=True, exclusive=True, group="undo")
    def undo_last(self) -> None:
        try:
            undone = self.trainer.study.undo_last()
        except StoreUnavailable:
            return
        except TrainerError as exc:
            self.trainer.call_from_thread(self.trainer.say, str(exc), "error")
            return
        if undone is None:
            return
        self.trainer.cards_changed()
        self.trainer.call_from_thread(self.trainer.say, undone.message)
        self.trainer.call_from_thread(self.load_counts)

    KEYS: ClassVar[list[tuple[str, str]]] = [
        ("enter", "Study the deck under the cursor"),
        ("↑ ↓", "Move between decks"),
        ("i", "Import a deck file"),
        ("x", "Export the deck under the cursor"),
        ("a", "Make cards from an article"),
        ("s", "Statistics"),
        ("l", "Article library: progress, outlines, recite the structure"),
        ("t", "Banks of 规范表述 and 金句 across all articles, and their drills"),
        ("b", "Browse and search the cards of the deck under the cursor"),
        ("n", "Add a note by hand to the deck under the cursor"),
        ("c", "Custom study on the deck under the cursor"),
        ("o", "Options of the deck under the cursor"),
        ("R / M", "Rename / move the deck (sub-decks follow)"),
        ("delete", "Delete the deck (asks first)"),
        ("r", "Refresh the counts"),
        ("p", "Apply the exam plan to the decks' new cards a day (trainer exam set)"),
        ("u / ctrl+z", "Undo the last action (answer, bury, suspend, edit, rename, move, delete)"),
        ("ctrl+p", "Command palette"),
        ("ctrl+t", "Light / dark theme"),
        ("?", "This list"),
        ("q", "Quit"),
    ]

    def action_help(self) -> None:
        rows = self.KEYS
        self.trainer.push_screen(HelpDialog("Decks: keys", rows))

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
        self.deck_history.append((self._study_actions(), done))
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, done.describe())
        self.trainer.call_from_thread(self.load_counts)

    @work(thread=True, exclusive=True, group="deck-admin")
    def _undo_deck(self, done: Renamed | DeletedDeck) -> None:
        from trainer.services.deck_admin import DeckAdmin, DeletedDeck

        admin = DeckAdmin(self.trainer.store)
        try:
            if isinstance(done, DeletedDeck):
                admin.restore(done)
            else:
                admin.undo_rename(done)
        except (TrainerError, StoreUnavailable) as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Undo failed: {exc}", "error")
            return
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, f"Undone: {done.describe()}")
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
        from trainer.services.exchange import export_file

        try:
            export_file(self.trainer.store, name, path)
        except (TrainerError, OSError) as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Export failed: {exc}", "error")
            return
        self.trainer.call_from_thread(self.trainer.say, f"Exported {name} to {path}")
