"""Make cards from an article: open a file or paste text, preview, toggle, edit, add.

Reading and generating (jieba) run in a thread; the preview lists every note
the generator made, each of which can be switched off or edited before the
chosen ones are added to a deck together with the article text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    ListView,
    ProgressBar,
    Static,
    TextArea,
)

from trainer.domain.display import visible
from trainer.domain.model import Article, Note
from trainer.domain.naming import made_deck_name
from trainer.domain.words import plural
from trainer.tui.dialogs.edit_note import EditNoteDialog
from trainer.tui.dialogs.prompt import PromptDialog
from trainer.tui.keys import Key, WidgetKey
from trainer.tui.screens.base import TrainerScreen
from trainer.tui.widgets.note_row import NoteRow


class ArticleScreen(TrainerScreen):
    CSS_PATH = "article.tcss"
    TITLE_KEYS = "Article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Key(
            "space",
            "toggle_card",
            "On/off",
            help="Switch the highlighted card on or off",
            palette="Toggle card",
        ),
        Key(
            "e",
            "edit",
            "Edit",
            help="Edit the highlighted card before adding it",
            palette="Edit card",
        ),
        Key(
            "ctrl+s",
            "add",
            "Add to deck",
            priority=True,
            help="Add the switched-on cards to a deck (申论::<title>, as trainer make -o names it)",
            palette="Add cards to a deck",
        ),
        Key("escape", "back", "Back", help="Back"),
        Key("home", "first_card", "First", show=False, priority=True, help="First card"),
        Key("end", "last_card", "Last", show=False, priority=True, help="Last card"),
    ]
    WIDGET_KEYS: ClassVar[list[WidgetKey]] = [
        WidgetKey("enter", "In the path field: read the file"),
        WidgetKey("tab", "Path → pasted text → preview"),
    ]

    def __init__(self, path: str | None = None) -> None:
        super().__init__()
        self.initial_path = path
        self.article: Article | None = None
        self.source_id = ""
        self.article_title = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="article-source"):
            with Horizontal(id="article-path-row"):
                yield Input(
                    self.initial_path or "",
                    placeholder="Article file (.txt .md .html)",
                    id="article-path",
                )
                yield Button("Open", id="open-file", compact=True)
            yield TextArea("", id="article-paste", soft_wrap=True)
            with Horizontal(id="article-path-row-2"):
                yield Button("Make cards from pasted text", id="open-paste", compact=True)
                yield Button("Add to deck (ctrl+s)", id="add", variant="primary", compact=True)
        yield Static("Open a file or paste an article.", markup=False, id="article-status")
        yield ProgressBar(total=1.0, show_eta=False, id="article-progress")
        yield ListView(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Cards from an article"
        # Buttons are for the mouse (Enter in the path field opens, ctrl+s adds): Tab then
        # goes path → pasted text → preview and back, and never strands the focus on one.
        for button in self.query(Button):
            button.can_focus = False
        for field in (self.query_one(Input), self.query_one(TextArea)):
            field.cursor_blink = self.trainer.cursor_blink
        if self.initial_path:
            self.open_article(self.initial_path, None)

    def status(self, text: str) -> None:
        self.query_one("#article-status", Static).update(visible(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.open_article(event.value.strip(), None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "open-file":
            path = self.query_one(Input).value.strip()
            if path:
                self.open_article(path, None)
        elif event.button.id == "open-paste":
            text = self.query_one(TextArea).text
            if text.strip():
                self.open_article(None, text)
        elif event.button.id == "add":
            self.action_add()

    @work(thread=True, exclusive=True, group="generate")
    def open_article(self, path: str | None, text: str | None) -> None:
        self.trainer.call_from_thread(self.status, "Reading and making cards…")
        from trainer.services import making

        try:
            if path is not None:
                article, source_id = making.read_file(path)
            else:
                assert text is not None
                article, source_id = making.pasted(text)
            told = None
            if making.is_long(article):
                self.trainer.call_from_thread(self.progress, "reading", 0.0)
                told = self._told
            made = making.make(article, source_id, told, generate=self.trainer.generate)
        except Exception as exc:
            self.trainer.call_from_thread(self.failed, f"Could not make cards: {exc}")
            return
        self.trainer.call_from_thread(self.preview, article, source_id, made.result)

    def failed(self, message: str) -> None:
        self.query_one("#article-progress", ProgressBar).remove_class("busy")
        self.status(message)

    def _told(self, stage: str, done: float) -> None:
        """Generation's progress, heard in the worker thread."""
        self.trainer.call_from_thread(self.progress, stage, done)

    def progress(self, stage: str, done: float) -> None:
        """Show a long article's progress: the stage making cards and the share done."""
        bar = self.query_one("#article-progress", ProgressBar)
        bar.add_class("busy")
        bar.update(progress=done)
        self.status(f"Making cards: {stage}…")

    def preview(self, article: Article, source_id: str, generated: Any) -> None:
        self.query_one("#article-progress", ProgressBar).remove_class("busy")
        self.article = article
        self.source_id = source_id
        self.article_title = str(generated.title or source_id)
        notes: tuple[Note, ...] = tuple(generated.notes)
        view = self.query_one(ListView)
        view.clear()
        view.extend(NoteRow(n) for n in notes)
        self.status(
            f"{self.article_title}: {plural(len(notes), 'card')}. Space switches a card off, e edits it, ctrl+s adds them to a deck."
        )
        if notes:
            view.index = 0
            view.focus()

    def action_first_card(self) -> None:
        self._go_to(0)

    def action_last_card(self) -> None:
        self._go_to(-1)

    def _go_to(self, where: int) -> None:
        """Home/End: the first or last card, with the focus on the preview."""
        view = self.query_one(ListView)
        if not view.children:
            return
        view.index = len(view.children) - 1 if where < 0 else 0
        view.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("first_card", "last_card"):
            focused = self.focused
            return not isinstance(focused, (Input, TextArea))  # Home/End edit text there
        return True

    def rows(self) -> list[NoteRow]:
        return list(self.query(NoteRow))

    def current(self) -> NoteRow | None:
        item = self.query_one(ListView).highlighted_child
        return item if isinstance(item, NoteRow) else None

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        self.action_toggle_card()

    def action_toggle_card(self) -> None:
        row = self.current()
        if row is not None:
            row.set(on=not row.on)

    def action_edit(self) -> None:
        row = self.current()
        if row is None:
            return

        def edited(note: Note | None) -> None:
            if note is not None:
                row.set(note=note)

        self.trainer.push_screen(EditNoteDialog(row.note), edited)

    def action_add(self) -> None:
        chosen = [r.note for r in self.rows() if r.on]
        if self.article is None or not chosen:
            self.trainer.say("No cards to add: open an article first.", "warning")
            return

        def named(deck: str | None) -> None:
            if deck:
                self.add_notes(deck, chosen)

        self.trainer.push_screen(
            PromptDialog(
                f"Add {plural(len(chosen), 'card')} to which deck?",
                made_deck_name(self.article_title),
            ),
            named,
        )

    @work(thread=True, exclusive=True, group="add")
    def add_notes(self, deck: str, notes: list[Note]) -> None:
        article = self.article
        assert article is not None
        try:
            report = self.trainer.decks.add_article_notes(
                deck,
                [replace(n) for n in notes],
                article_id=self.source_id,
                title=self.article_title,
                text=article.text,
                source=article.source,
            )
        except Exception as exc:
            self.trainer.call_from_thread(self.trainer.say, f"Could not add cards: {exc}", "error")
            return
        self.trainer.decks_changed()
        self.trainer.call_from_thread(self.trainer.say, f"Added to {report.summary()}")
        self.trainer.call_from_thread(
            self.status, f"Added to {deck}: {report.new} new, {report.updated} updated."
        )

    def action_back(self) -> None:
        if isinstance(self.focused, Input | TextArea):
            self.set_focus(None)
            return
        self.dismiss(None)
