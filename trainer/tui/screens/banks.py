"""The banks of 规范表述 and 金句 across every article, and drilling them.

:class:`BankScreen` lists the terms (``t`` switches to the quotes and back), each
once with every article it came from; ``/`` filters by wording or theme. ``d``
drills the bank context → term (the sentence with the entry blanked), ``D`` term
→ sentence; ``s`` switches the strict mode (exact wording) on and off.
:class:`BankDrillScreen` asks one entry after another and grades each typed answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static

from trainer.domain.display import visible
from trainer.domain.words import plural
from trainer.tui.keys import Key
from trainer.tui.screens.base import FilteredScreen, TrainerScreen
from trainer.tui.screens.library import add_columns, shown

if TYPE_CHECKING:
    from trainer.services.banks import BankEntry, Drill
    from trainer.services.grading.results import Grade

Bank = Literal["term", "quote"]


class BankScreen(FilteredScreen):
    """Every key term or golden sentence, deduplicated, with its sources."""

    class Loaded(Message):
        """The bank is on screen."""

    DEFAULT_CSS = """
    BankScreen #bank-filter { display: none; }
    BankScreen #bank-filter.shown { display: block; }
    BankScreen #bank-table { height: 1fr; }
    BankScreen #bank-sources { height: auto; max-height: 10; padding: 0 1; }
    BankScreen #bank-status { height: auto; padding: 0 1; }
    """
    TITLE_KEYS = "Terms and quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "t",
            "switch",
            "Terms/quotes",
            help="Show the other bank",
            palette="Switch terms / quotes",
        ),
        Key(
            "d",
            "drill_cloze",
            "Drill: fill in",
            help="Fill the blanked term or key words",
            palette="Drill: context to term",
        ),
        Key(
            "D",
            "drill_recall",
            "Drill: recall sentence",
            help="Write the sentence the term belongs in",
            palette="Drill: term to sentence",
        ),
        Key("s", "strict", "Strict", help="Ask for the exact wording", palette="Strict mode"),
        Key("slash", "filter", "Filter"),
        Key("escape", "back", "Back"),
    ]

    def __init__(self, bank: Bank = "term") -> None:
        super().__init__()
        self.bank: Bank = bank
        self.strict = False
        self.entries: list[BankEntry] = []
        self.shown_entries: list[BankEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: wording or theme (Enter)", id="bank-filter")
        table: DataTable[Text] = DataTable(id="bank-table", cursor_type="row")
        yield table
        yield Static("", markup=False, id="bank-sources")
        yield Static("Loading…", markup=False, id="bank-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.trainer.cursor_blink
        self.query_one(DataTable).focus()
        self.load()

    @work(thread=True, exclusive=True, group="bank")
    def load(self) -> None:
        from trainer.services import banks

        store = self.trainer.store
        entries = banks.terms(store) if self.bank == "term" else banks.quotes(store)
        self.trainer.call_from_thread(self.show, entries)

    def show(self, entries: list[BankEntry]) -> None:
        self.entries = entries
        self.sub_title = "规范表述 (terms)" if self.bank == "term" else "金句 (quotes)"
        self.apply_filter(self.query_one(Input).value)
        self.post_message(self.Loaded())

    def apply_filter(self, query: str) -> None:
        query = query.strip()
        rows = [
            e
            for e in self.entries
            if not query or query in e.text or any(query in t for t in e.topics)
        ]
        self.shown_entries = rows
        table = self.query_one(DataTable)
        table.clear(columns=True)
        cells = [
            (
                Text(shown(e.text)),
                Text(str(len(e.articles) or len(e.sources)), justify="right"),
                Text(shown(" ".join(e.topics)) or "—"),
            )
            for e in rows
        ]
        add_columns(table, ("Entry", "Articles", "Topics"), cells)
        for row in cells:
            table.add_row(*row)
        what = "term" if self.bank == "term" else "quote"
        mode = " · strict" if self.strict else ""
        self.query_one("#bank-status", Static).update(
            visible(
                f"{plural(len(rows), what)}{mode}. t terms/quotes · d fill in · "
                "D recall the sentence · s strict · / filter"
            )
        )
        table.focus()
        if rows:
            self.show_sources(rows[0])
        else:
            self.query_one("#bank-sources", Static).update("")

    def current(self) -> BankEntry | None:
        table = self.query_one(DataTable)
        if not self.shown_entries:
            return None
        return self.shown_entries[max(0, min(table.cursor_row, len(self.shown_entries) - 1))]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        entry = self.current()
        if entry is not None:
            self.show_sources(entry)

    def show_sources(self, entry: BankEntry) -> None:
        lines = [f"《{s.title or s.article or s.deck}》 {s.sentence}" for s in entry.sources[:8]]
        if len(entry.sources) > 8:
            lines.append(f"… {len(entry.sources) - 8} more")
        self.query_one("#bank-sources", Static).update(Text(shown("\n".join(lines))))

    def action_switch(self) -> None:
        self.bank = "quote" if self.bank == "term" else "term"
        self.load()

    def action_strict(self) -> None:
        self.strict = not self.strict
        self.apply_filter(self.query_one(Input).value)

    def action_drill_cloze(self) -> None:
        self._drill("cloze")

    def action_drill_recall(self) -> None:
        self._drill("recall")

    def _drill(self, direction: Literal["cloze", "recall"]) -> None:
        from trainer.services.banks import drills

        made = drills(self.shown_entries, direction)
        if not made:
            self.trainer.say("Nothing to drill in this bank.", "warning")
            return
        self.trainer.push_screen(BankDrillScreen(made, strict=self.strict))

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)


class BankDrillScreen(TrainerScreen):
    """One bank entry at a time: type, Enter grades, Enter again goes on."""

    DEFAULT_CSS = """
    BankDrillScreen #drill-prompt { height: auto; padding: 1 1; }
    BankDrillScreen #drill-result { height: auto; padding: 0 1; }
    BankDrillScreen #drill-status { height: auto; padding: 0 1; }
    """
    TITLE_KEYS = "Bank drill"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("ctrl+t", "strict", "Strict", priority=True),
        Key("escape", "back", "Back"),
    ]

    def __init__(self, drills: list[Drill], *, strict: bool = False) -> None:
        super().__init__()
        self.drills = drills
        self.strict = strict
        self.at = 0
        self.graded: Grade | None = None
        self.scores: list[float] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", markup=False, id="drill-prompt")
        yield Input(placeholder="Your answer, then Enter", id="drill-answer")
        yield Static("", markup=False, id="drill-result")
        yield Static("", markup=False, id="drill-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = self.trainer.cursor_blink
        self.ask()

    @property
    def drill(self) -> Drill:
        return self.drills[self.at]

    def ask(self) -> None:
        d = self.drill
        head = (
            "Fill in the blank:"
            if d.direction == "cloze"
            else "Write the sentence this belongs in:"
        )
        where = " ".join(d.entry.topics)
        self.sub_title = f"Drill {self.at + 1}/{len(self.drills)}"
        self.query_one("#drill-prompt", Static).update(
            Text(f"{head}  {shown(where)}\n\n") + Text(shown(d.prompt), style="bold")
        )
        self.query_one("#drill-result", Static).update("")
        answer = self.query_one(Input)
        answer.value = ""
        answer.focus()
        self.graded = None
        self.status()

    def status(self) -> None:
        done = len(self.scores)
        mean = f"{sum(self.scores) / done * 100:.0f}%" if done else "—"
        mode = "strict: exact wording" if self.strict else "key words count"
        self.query_one("#drill-status", Static).update(
            f"{done} answered, mean {mean} · {mode} (ctrl+t) · Esc ends"
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.graded is None:
            self.grade(event.value)
        else:
            self.next()

    def grade(self, typed: str) -> None:
        from trainer.services.banks import grade_drill

        result = grade_drill(self.drill, typed, strict=self.strict)
        self.graded = result
        self.scores.append(result.coverage)
        marks = " ".join(p.mark.value for p in result.points)
        text = Text(f"{marks}  {result.coverage * 100:.0f}%\n", style="bold")
        text.append("Expected: ")
        text.append(shown(" / ".join(self.drill.expected)))
        sources = {s.title or s.article for s in self.drill.entry.sources}
        text.append("\nFrom: " + shown(" · ".join(sorted(sources))), style="dim")
        text.append("\nEnter: next", style="dim")
        self.query_one("#drill-result", Static).update(text)
        self.status()

    def next(self) -> None:
        if self.at + 1 >= len(self.drills):
            self.finish()
            return
        self.at += 1
        self.ask()

    def finish(self) -> None:
        done = len(self.scores)
        mean = sum(self.scores) / done if done else 0.0
        self.trainer.say(f"Drill done: {plural(done, 'answer')}, mean {mean * 100:.0f}%")
        self.dismiss(None)

    def action_strict(self) -> None:
        self.strict = not self.strict
        self.status()

    def action_back(self) -> None:
        self.finish()
