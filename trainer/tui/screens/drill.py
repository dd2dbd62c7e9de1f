"""The 概括 drill on one question's material: 找点, 归类, 命名.

Each sentence is a row. Space marks it a fact (找点); a digit 1-5 puts it in that
group (归类, marking it too); Enter goes on to naming, one field per group (命名);
Ctrl+S grades the names against the article's points and the rubric's category
nouns (问题/原因/对策/成效/经验). Sentences are data: shown as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Static

from trainer.domain.display import visible
from trainer.tui.keys import Key
from trainer.tui.screens.base import TrainerScreen

if TYPE_CHECKING:
    from trainer.services.practice import Question
    from trainer.services.practice.drill import DrillGrade, DrillItem

GROUPS = 5


def grade_content(items: list[DrillItem], result: DrillGrade) -> Content:
    parts: list[str | tuple[str, str] | Content] = [
        ("找点 ", "bold"),
        f"{len(result.found)} of {len(result.found) + len(result.missed)} facts marked"
        f" · {len(result.extra)} marked that are not facts\n",
    ]
    for i in result.missed:
        parts += [("  missed: ", "$error"), visible(items[i].text), "\n"]
    for g in result.groups:
        parts += [
            (f"组{g.group} ", "bold"),
            visible(g.name or "(no name)"),
            f" · {len(g.members)} facts · {g.purity:.0%} one kind",
            f" ({g.category or 'no fact'})" if g.category else "",
            (" · name fits its kind" if g.name_kind_ok else " · name misses its kind", "dim"),
            "\n",
        ]
        if g.name_points:
            parts += ["  names: ", visible(" / ".join(g.name_points)), "\n"]
    parts += [("Score ", "bold"), f"{result.score:.0%}"]
    return Content.assemble(*parts)


class DrillScreen(TrainerScreen):
    CSS_PATH = "practice.tcss"
    TITLE_KEYS = "概括 drill"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key("space", "mark", "Fact", help="Mark or unmark a fact (找点)"),
        Key(
            "1",
            "group(1)",
            "Group 1",
            help=f"Put the fact in group 1–{GROUPS} (归类); 0 takes it out",
            keys=f"1 … {GROUPS} / 0",
        ),
        *(
            Key(str(n), f"group({n})", f"Group {n}", show=False, listed=False)
            for n in range(2, GROUPS + 1)
        ),
        Key("0", "group(0)", "No group", show=False, listed=False),
        Key("enter", "name", "Name groups", help="Name the groups (命名)"),
        Key("ctrl+s", "grade", "Grade", priority=True, help="Grade the drill"),
        Key("escape", "dismiss(None)", "Back", help="Back"),
    ]

    class Graded(Message):
        """The drill's grade is on screen."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question
        from trainer.services.practice.drill import drill_items

        self.items = drill_items(question)
        self.marked: set[int] = set()
        self.groups: dict[int, int] = {}
        self.result: DrillGrade | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Content.assemble(("概括 drill ", "bold"), visible(self.question.text)),
            id="drill-question",
        )
        table: DataTable[Text] = DataTable(id="drill-table", cursor_type="row")
        yield table
        yield Vertical(id="drill-names")
        with VerticalScroll(id="drill-result"):
            yield Static("", markup=False, id="drill-result-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "找点 · 归类 · 命名"
        table = self.query_one(DataTable)
        table.add_columns("事实", "组", "句子")
        for i, it in enumerate(self.items):
            table.add_row(Text(""), Text(""), Text(visible(it.text)), key=str(i))
        self.query_one("#drill-result").display = False
        table.focus()

    def _refresh_row(self, i: int) -> None:
        table = self.query_one(DataTable)
        table.update_cell(
            str(i), table.ordered_columns[0].key, Text("●" if i in self.marked else "")
        )
        group = self.groups.get(i)
        table.update_cell(str(i), table.ordered_columns[1].key, Text(str(group) if group else ""))

    def _row(self) -> int:
        return self.query_one(DataTable).cursor_row

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("mark", "group", "name") and isinstance(self.focused, Input))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_name()

    def action_mark(self) -> None:
        i = self._row()
        if i in self.marked:
            self.marked.discard(i)
            self.groups.pop(i, None)
        else:
            self.marked.add(i)
        self._refresh_row(i)

    def action_group(self, n: int) -> None:
        i = self._row()
        if n:
            self.marked.add(i)
            self.groups[i] = n
        else:
            self.groups.pop(i, None)
        self._refresh_row(i)

    def action_name(self) -> None:
        box = self.query_one("#drill-names", Vertical)
        box.remove_children()
        fields = [
            Input(placeholder=f"组{g}: a name in a few words (e.g. 人才短缺问题)", id=f"name-{g}")
            for g in sorted(set(self.groups.values()))
        ]
        if not fields:
            self.trainer.say("Put facts in groups first: a digit 1-5 on a sentence.", "warning")
            return
        box.mount_all(fields)
        self.call_after_refresh(fields[0].focus)

    def names(self) -> dict[int, str]:
        return {
            int((w.id or "name-0").removeprefix("name-")): w.value
            for w in self.query("#drill-names Input").results(Input)
        }

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_grade(self) -> None:
        self._grade(dict(self.groups), set(self.marked), self.names())

    @work(thread=True, exclusive=True, group="drill")
    def _grade(self, groups: dict[int, int], marked: set[int], names: dict[int, str]) -> None:
        from trainer.services.practice.drill import grade_drill

        result = grade_drill(self.items, marked, groups, names)
        self.trainer.call_from_thread(self._show, result)

    def _show(self, result: DrillGrade) -> None:
        self.result = result
        self.query_one("#drill-result").display = True
        self.query_one("#drill-result-text", Static).update(grade_content(self.items, result))
        self.post_message(self.Graded())
