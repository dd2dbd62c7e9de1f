"""User text to Textual Content: never parsed as markup.

Every string that came from a deck, an article or the student goes through
``Content(...)`` / ``Content.assemble`` here, so ``[b]``, ``[/]`` and
``[@click=app.quit]`` in card text show up as typed and can do no harm, and
through ``visible`` first, so an escape sequence in card text shows as ``␛[2J``
instead of clearing the screen.
"""

from __future__ import annotations

from datetime import timedelta

from textual.content import Content

from trainer.domain import notetypes
from trainer.domain.display import visible
from trainer.domain.model import Note, Rating
from trainer.domain.notetypes import Role, Side
from trainer.services.grading import DiffKind, Grade, Mark
from trainer.tui.colours import DUE_STYLE as DUE_STYLE
from trainer.tui.colours import LEARN_STYLE as LEARN_STYLE
from trainer.tui.colours import NEW_STYLE as NEW_STYLE

RATING_NAMES = {
    Rating.AGAIN: "Again",
    Rating.HARD: "Hard",
    Rating.GOOD: "Good",
    Rating.EASY: "Easy",
}

HIGHLIGHT = "bold reverse"
MARK_STYLES = {
    Mark.RECALLED: "bold #16a34a",
    Mark.PARTIAL: "bold #d97706",
    Mark.MISSED: "bold #dc2626",
}


def plain(text: str) -> Content:
    """User text as Content, verbatim but for control characters (made visible)."""
    return Content(visible(text))


def styled(text: str, style: str) -> Content:
    """User text in a style: never markup, control characters made visible."""
    return Content.styled(visible(text), style)


def interval(delta: timedelta) -> str:
    """Anki-style short interval: <1m, 10m, 3h, 4d, 1.5mo, 2.1y."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def elapsed_text(ms: int) -> str:
    """``12 min 5 s`` style duration."""
    minutes, secs = divmod(round(ms / 1000), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


ROLE_STYLES: dict[Role, str] = {
    Role.BLANK: "bold $accent",
    Role.REVEALED: HIGHLIGHT,
    Role.ITEM: "bold",
    Role.EXTRA: "dim",
    Role.NUMBER: "dim",
    Role.RULE: "dim",
    Role.HINT: "dim",
    Role.ASIDE: "dim",
}
"""How each role of card text looks; text of other roles is shown plain."""


def side(runs: Side) -> Content:
    """A card side (text runs with roles) styled for the terminal; the TUI's only
    card renderer: it styles by role and never asks what kind of note it shows."""
    return Content.assemble(
        *(
            styled(run.text, ROLE_STYLES[run.role]) if run.role in ROLE_STYLES else plain(run.text)
            for run in runs
        )
    )


def front(note: Note, ord_: int) -> Content:
    """The question side of a card."""
    return side(notetypes.front(note, ord_))


def back(note: Note, ord_: int) -> Content:
    """The answer side: the full note."""
    return side(notetypes.back(note, ord_))


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between blank-line or newline breaks) holding [start, end)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    return p0, (len(text) if p1 < 0 else p1)


def source(text: str, start: int, end: int, answers: list[str]) -> Content:
    """The source paragraph with the card's span and answers highlighted."""
    p0, p1 = paragraph_bounds(text, start, end)
    para = text[p0:p1]
    marks = [False] * len(para)
    for i in range(max(0, start - p0), min(len(para), end - p0)):
        marks[i] = True
    for answer in answers:
        if not answer:
            continue
        at = para.find(answer)
        while at >= 0:
            for i in range(at, at + len(answer)):
                marks[i] = True
            at = para.find(answer, at + len(answer))
    parts: list[str | tuple[str, str]] = []
    i = 0
    while i < len(para):
        j = i
        while j < len(para) and marks[j] == marks[i]:
            j += 1
        chunk = visible(para[i:j])
        parts.append((chunk, HIGHLIGHT) if marks[i] else chunk)
        i = j
    return Content.assemble(*parts)


def grading(result: Grade) -> Content:
    """Each expected point as ✓/◐/✗ (with what was typed for it and why it is not
    exact), a character diff for short answers, the suggestion and its reason."""
    parts: list[str | tuple[str, str] | Content] = []
    for point in result.points:
        parts.append((f"{point.mark.value} ", MARK_STYLES[point.mark]))
        parts.append(plain(point.expected))
        if point.typed and (point.mark is not Mark.RECALLED or not point.exact):
            parts.append(Content.styled("  ← ", "dim"))
            parts.append(styled(point.typed, "italic"))
        if point.why:
            parts.append(styled(f"  ({point.why})", "dim"))
        parts.append("\n")
    if result.diff:
        parts.append(("diff: ", "dim"))
        for kind, chunk in result.diff:
            if kind is DiffKind.SAME:
                parts.append(visible(chunk))
            elif kind is DiffKind.MISSING:
                parts.append((visible(chunk), "bold underline #16a34a"))
            else:
                parts.append((visible(chunk), "strike #dc2626"))
        parts.append("\n")
    name = RATING_NAMES[result.suggested]
    parts.append(
        (
            f"{result.recalled}/{len(result.points)} points · "
            f"coverage {result.coverage:.0%} · suggested {int(result.suggested)} {name} (Enter)",
            "bold",
        )
    )
    if result.reason:
        parts.append(Content.styled(f"\n{name}: {result.reason}", "dim"))
    return Content.assemble(*parts)
