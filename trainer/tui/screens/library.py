"""The article library, an article's outline, and reciting the outline from memory.

* :class:`LibraryScreen` lists every article made into cards with its themes and
  progress; ``/`` filters by title or theme, Enter opens the outline.
* :class:`OutlineScreen` shows 中心论点 → 分论点 → 问题/原因/危害/对策/意义, each
  point with its cards and their retention; ``p`` shows the point's paragraph,
  ``v`` the whole article; select a phrase there and ``c`` makes a cloze card of
  its sentence; ``r`` recites the highlighted part from memory.
* :class:`RecitationScreen` takes the outline typed from memory and grades it
  point by point (✓ ◐ ✗), like a list card.

Article text is data: every label is a ``Text`` or a ``markup=False`` widget,
and control characters are shown through ``domain.display.visible``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static, TextArea, Tree
from textual.widgets.text_area import Selection
from textual.widgets.tree import TreeNode

from trainer.domain import notetypes
from trainer.domain.display import visible
from trainer.domain.words import plural
from trainer.tui.keys import Key
from trainer.tui.screens.base import FilteredScreen, TrainerScreen

if TYPE_CHECKING:
    from trainer.services.grading.results import Grade
    from trainer.services.library import (
        ArticleOutline,
        ArticleSummary,
        OutlineNode,
        RecitalPoint,
    )


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def shown(text: str) -> str:
    """One line of article text for a label: controls visible, newlines as spaces."""
    return visible(text).replace("\n", " ").replace("\t", " ")


def mapped(text: str) -> tuple[str, list[int]]:
    """``text`` made visible character by character, with each shown character's
    index in ``text`` (so a selection in the shown text maps back to the article)."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        v = ch if ch in "\n\t" else visible(ch)
        out.append(v)
        where.extend([i] * len(v))
    where.append(len(text))
    return "".join(out), where


def location_of(text: str, index: int) -> tuple[int, int]:
    """(row, column) in a TextArea of the character at ``index`` of ``text``."""
    before = text[:index]
    row = before.count("\n")
    return row, index - (before.rfind("\n") + 1)


def index_of(text: str, location: tuple[int, int]) -> int:
    """The index in ``text`` of a TextArea (row, column)."""
    row, col = location
    lines = text.split("\n")
    row = max(0, min(row, len(lines) - 1))
    return sum(len(line) + 1 for line in lines[:row]) + min(col, len(lines[row]))


def add_columns(
    table: DataTable[Text], names: tuple[str, ...], rows: Sequence[tuple[Text, ...]]
) -> None:
    """Columns with explicit widths: DataTable measures auto-width columns when idle
    and may keep lines it painted before that, cut to the old width."""
    for i, name in enumerate(names):
        width = max([cell_len(name), *(cell_len(row[i].plain) for row in rows)])
        table.add_column(name, width=min(width, 60))


COLUMNS = ("Article", "Date", "Topics", "Cards", "Studied", "Retention", "Last studied")


class LibraryScreen(FilteredScreen):
    """Every article made into cards, with its progress."""

    class Loaded(Message):
        """The article list is on screen."""

    DEFAULT_CSS = """
    LibraryScreen #library-filter { display: none; }
    LibraryScreen #library-filter.shown { display: block; }
    LibraryScreen #library-table { height: 1fr; }
    LibraryScreen #library-status { height: auto; padding: 0 1; }
    """
    TITLE_KEYS = "Library"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "enter",
            "open",
            "Outline",
            help="The highlighted article's outline",
            palette="Open outline",
        ),
        Key(
            "slash",
            "filter",
            "Filter",
            help="Show articles whose title or theme matches",
            palette="Filter articles",
        ),
        Key(
            "t",
            "banks",
            "Terms & quotes",
            help="The banks of 规范表述 and 金句",
            palette="Terms and quotes",
        ),
        Key("r", "refresh", "Refresh", show=False),
        Key("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ArticleSummary] = []
        self.shown_rows: list[ArticleSummary] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: title or theme (Enter)", id="library-filter")
        table: DataTable[Text] = DataTable(id="library-table", cursor_type="row")
        yield table
        yield Static("Loading the library…", markup=False, id="library-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Library"
        self.query_one(Input).cursor_blink = self.trainer.cursor_blink
        self.query_one(DataTable).focus()
        self.load()

    @work(thread=True, exclusive=True, group="library")
    def load(self) -> None:
        from trainer.services.library import LibraryService

        rows = LibraryService(self.trainer.store).articles(self.trainer.now())
        self.trainer.call_from_thread(self.show, rows)

    def show(self, rows: list[ArticleSummary]) -> None:
        self.rows = rows
        self.apply_filter(self.query_one(Input).value)
        self.loaded = True
        self.post_message(self.Loaded())

    def apply_filter(self, query: str) -> None:
        query = query.strip()
        rows = [
            r
            for r in self.rows
            if not query or query in r.title or query in r.id or any(query in t for t in r.topics)
        ]
        self.shown_rows = rows
        table = self.query_one(DataTable)
        table.clear(columns=True)
        cells = [
            (
                Text(shown(r.title)),
                Text(r.date or "—"),
                Text(shown(" ".join(r.topics)) or "—"),
                Text(str(r.cards), justify="right"),
                Text(str(r.studied), justify="right"),
                Text(pct(r.retention), justify="right"),
                Text(r.last_studied.date().isoformat() if r.last_studied else "—"),
            )
            for r in rows
        ]
        add_columns(table, COLUMNS, cells)
        for row in cells:
            table.add_row(*row)
        status = self.query_one("#library-status", Static)
        if not self.rows:
            status.update(
                "No articles yet: make cards from one (a on the deck list) or import a deck file."
            )
        else:
            more = f" matching {query!r}" if query else ""
            status.update(
                visible(
                    f"{plural(len(rows), 'article')}{more}. Enter opens the outline, "
                    "/ filters, t terms and quotes."
                )
            )
        table.focus()

    def current(self) -> ArticleSummary | None:
        table = self.query_one(DataTable)
        if not self.shown_rows or table.cursor_row < 0:
            return None
        return self.shown_rows[min(table.cursor_row, len(self.shown_rows) - 1)]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self.current()
        if row is not None:
            self.trainer.push_screen(OutlineScreen(row.id))

    def action_banks(self) -> None:
        from trainer.tui.screens.banks import BankScreen

        self.trainer.push_screen(BankScreen())

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)


class OutlineScreen(TrainerScreen):
    """One article's argument as a tree, with cards, retention and the source on demand."""

    class Loaded(Message):
        """The outline is on screen."""

    DEFAULT_CSS = """
    OutlineScreen #outline-tree { height: 1fr; }
    OutlineScreen #outline-cards { height: auto; max-height: 8; padding: 0 1; }
    OutlineScreen #outline-source { height: 12; display: none; }
    OutlineScreen #outline-source.shown { display: block; }
    OutlineScreen #outline-status { height: auto; padding: 0 1; }
    """
    TITLE_KEYS = "Outline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "p",
            "paragraph",
            "Paragraph",
            help="The source paragraph of the highlighted point",
            palette="Show paragraph",
        ),
        Key(
            "v",
            "whole",
            "Article",
            help="The whole article, to read and pick phrases from",
            palette="Show article",
        ),
        Key(
            "c",
            "cloze",
            "Cloze selection",
            help="A cloze card of its sentence, the phrase blanked",
            palette="Cloze the selected phrase",
        ),
        Key(
            "r",
            "recite",
            "Recite",
            help="Type the highlighted part of the outline from memory",
            palette="Recite the structure",
        ),
        Key("escape", "back", "Back"),
    ]

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.outline: ArticleOutline | None = None
        self.source_base = 0
        """Where the text in the source view starts in the article."""
        self.source_map: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[OutlineNode] = Tree(Text("…"), id="outline-tree")
        yield tree
        yield Static("", markup=False, id="outline-cards")
        yield TextArea("", id="outline-source", read_only=True, soft_wrap=True)
        yield Static("Building the outline…", markup=False, id="outline-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Outline"
        self.query_one(TextArea).cursor_blink = self.trainer.cursor_blink
        self.load()

    @work(thread=True, exclusive=True, group="outline")
    def load(self) -> None:
        from trainer.services.library import LibraryService

        try:
            made = LibraryService(self.trainer.store).outline(self.article_id, self.trainer.now())
        except Exception as exc:
            self.trainer.call_from_thread(self.status, f"Could not build the outline: {exc}")
            return
        self.trainer.call_from_thread(self.show, made)

    def status(self, text: str) -> None:
        self.query_one("#outline-status", Static).update(visible(text))

    def show(self, made: ArticleOutline) -> None:
        self.outline = made
        art = made.article
        self.sub_title = shown(f"{art.title}  {' '.join(art.topics)}")
        tree: Tree[OutlineNode] = self.query_one(Tree)
        tree.clear()
        tree.root.set_label(self.label(made.root))
        tree.root.data = made.root
        for child in made.root.children:
            self.add(tree.root, child)
        tree.root.expand_all()
        tree.focus()
        cards = len(made.root.all_cards()) + len(made.loose)
        self.status(
            f"{plural(cards, 'card')} from this article. p paragraph · v article · "
            "select a phrase there and c makes a cloze · r recite"
        )
        self.post_message(self.Loaded())

    def add(self, parent: TreeNode[OutlineNode], node: OutlineNode) -> None:
        if node.children:
            branch = parent.add(self.label(node), data=node)
            for child in node.children:
                self.add(branch, child)
        else:
            parent.add_leaf(self.label(node), data=node)

    @staticmethod
    def label(node: OutlineNode) -> Text:
        label = Text()
        label.append(node.role, style="bold")
        if not node.group:
            label.append(":")
            label.append(shown(node.text or node.point))
        cards = node.all_cards() if node.group else list(node.cards)
        if cards:
            label.append(f"  [{len(cards)} · {pct(node.retention)}]", style="dim")
        return label

    def node(self) -> OutlineNode | None:
        current = self.query_one(Tree).cursor_node
        return None if current is None else current.data

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[OutlineNode]) -> None:
        event.stop()
        node = event.node.data
        panel = self.query_one("#outline-cards", Static)
        if node is None:
            panel.update("")
            return
        cards = node.all_cards() if node.group else list(node.cards)
        lines = [
            f"{notetypes.of(c.kind).symbol} {pct(c.retention):>4}  {shown(c.front)}"
            for c in cards[:6]
        ]
        if len(cards) > 6:
            lines.append(f"… {len(cards) - 6} more")
        panel.update(Text("\n".join(lines) or "No cards on this point.", no_wrap=True))
        if self.query_one(TextArea).has_class("shown") and self.source_base >= 0:
            self.action_paragraph()

    def _source(self, start: int, end: int, select: tuple[int, int] | None = None) -> None:
        assert self.outline is not None
        text = self.outline.article.text[start:end]
        display, where = mapped(text)
        self.source_base, self.source_map = start, where
        area = self.query_one(TextArea)
        area.load_text(display)
        area.add_class("shown")
        if select is not None:
            a = where.index(select[0] - start) if select[0] - start in where else 0
            b = where.index(select[1] - start) if select[1] - start in where else len(display)
            area.selection = Selection(location_of(display, a), location_of(display, b))

    def action_paragraph(self) -> None:
        node = self.node()
        if self.outline is None or node is None:
            return
        start, end = node.paragraph
        if end <= start:
            kids = [n for n in node.walk() if n.paragraph[1] > n.paragraph[0]]
            if not kids:
                return
            start, end = kids[0].paragraph
        self._source(start, end, (node.start, node.end) if node.end > node.start else None)

    def action_whole(self) -> None:
        if self.outline is None:
            return
        node = self.node()
        picked = (node.start, node.end) if node is not None and node.end > node.start else None
        self._source(0, len(self.outline.article.text), picked)
        self.query_one(TextArea).focus()

    def selection(self) -> tuple[int, int] | None:
        area = self.query_one(TextArea)
        if not area.has_class("shown"):
            return None
        start, end = sorted((area.selection.start, area.selection.end))
        a, b = index_of(area.text, start), index_of(area.text, end)
        if a == b:
            return None
        where = self.source_map
        return self.source_base + where[a], self.source_base + where[min(b, len(where) - 1)]

    def action_cloze(self) -> None:
        picked = self.selection()
        if picked is None:
            self.trainer.say(
                "Select a phrase first: p or v shows the text, shift+arrows select.", "warning"
            )
            return
        self.make_cloze(*picked)

    @work(thread=True, exclusive=True, group="cloze")
    def make_cloze(self, start: int, end: int) -> None:
        from trainer.services.library import LibraryService

        try:
            added = LibraryService(self.trainer.store).cloze_from_selection(
                self.article_id, start, end, self.trainer.now()
            )
        except Exception as exc:
            self.trainer.call_from_thread(self.trainer.say, f"No card made: {exc}", "error")
            return
        self.trainer.cards_changed()
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, added.describe())
        self.trainer.call_from_thread(self.status, f"{added.describe()}: {added.note.text}")
        self.load()

    def action_recite(self) -> None:
        from trainer.services.library import recital_points

        node = self.node()
        if self.outline is None:
            return
        target = node if node is not None else self.outline.root
        points = recital_points(target)
        if not points:
            self.trainer.say("Nothing to recite here.", "warning")
            return
        self.trainer.push_screen(RecitationScreen(target, points))

    def action_back(self) -> None:
        area = self.query_one(TextArea)
        if area.has_class("shown"):
            area.remove_class("shown")
            self.query_one(Tree).focus()
            return
        self.dismiss(None)


class RecitationScreen(TrainerScreen):
    """Type the outline from memory; ctrl+s grades it point by point."""

    DEFAULT_CSS = """
    RecitationScreen #recite-ask { height: auto; padding: 0 1; }
    RecitationScreen #recite-input { height: 10; }
    RecitationScreen #recite-scroll { height: 1fr; }
    RecitationScreen #recite-result { height: auto; padding: 0 1; }
    """
    TITLE_KEYS = "Recite the structure"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("ctrl+s", "grade", "Grade", priority=True),
        Key("ctrl+t", "strict", "Strict", priority=True),
        Key("escape", "back", "Back"),
    ]

    def __init__(self, node: OutlineNode, points: list[RecitalPoint]) -> None:
        super().__init__()
        self.node = node
        self.points = points
        self.strict = False
        self.result: Grade | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", markup=False, id="recite-ask")
        yield TextArea("", id="recite-input", soft_wrap=True)
        with VerticalScroll(id="recite-scroll"):
            yield Static("", markup=False, id="recite-result")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Recite the structure"
        area = self.query_one(TextArea)
        area.cursor_blink = self.trainer.cursor_blink
        area.focus()
        self.ask()

    def ask(self) -> None:
        roles: dict[str, int] = {}
        for p in self.points:
            roles[p.role] = roles.get(p.role, 0) + 1
        what = ", ".join(f"{n} {role}" for role, n in roles.items())
        head = self.node.text or self.node.point or self.node.role
        mode = "strict: word for word" if self.strict else "key words count"
        self.query_one("#recite-ask", Static).update(
            shown(f"Recite from memory: {self.node.role} {head if not self.node.group else ''}")
            + f"\n{plural(len(self.points), 'point')} ({what}); one point a line. "
            f"ctrl+s grades ({mode}; ctrl+t switches)."
        )

    def action_strict(self) -> None:
        self.strict = not self.strict
        self.ask()
        if self.result is not None:
            self.action_grade()

    def action_grade(self) -> None:
        from trainer.services.library import grade_recital

        typed = self.query_one(TextArea).text
        result = grade_recital(self.points, typed, strict=self.strict)
        self.result = result
        text = Text()
        text.append(f"{result.coverage * 100:.0f}% of the points", style="bold")
        text.append(f" · suggested {result.suggested.name.title()}\n")
        for p, r in zip(self.points, result.points, strict=True):
            mark = r.mark.value
            style = "green" if r.recalled else ("yellow" if r.partial else "red")
            text.append("  " * p.depth)
            text.append(f"{mark} ", style=style)
            text.append(f"{p.role}:", style="bold")
            text.append(shown(p.point) + "\n")
        self.query_one("#recite-result", Static).update(text)

    def action_back(self) -> None:
        self.dismiss(None)


def grade_marks(result: Grade) -> list[str]:
    """✓ ◐ ✗ per point of a grade."""
    return [r.mark.value for r in result.points]
