"""Each screen declares its keys once, as :class:`Key` bindings; everything else is derived.

A ``Key`` is a Textual ``Binding`` with what the rest of the app needs to know
about it: the line the help screen (``?``) shows, the command palette title
(when the action belongs in the palette), whether the screen's hint line names
it. From one screen's ``BINDINGS`` come

* :func:`help_rows` — the ``?`` list (keys owned by widgets, such as a table's
  arrows, are declared as :class:`WidgetKey` in ``WIDGET_KEYS``: they have no
  action of the screen's own);
* :func:`palette` — the command palette entries (the app lists them);
* :func:`hint` — the short line under a screen's content;
* :func:`docs_table` — the key table in ``docs/tui.md`` (a test keeps the two equal).

Nothing here imports more than Textual's binding module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding

_NAMES = {
    "question_mark": "?",
    "exclamation_mark": "!",
    "minus": "-",
    "slash": "/",
    "space": "space",
    "escape": "esc",
    "delete": "delete",
    "enter": "enter",
}


def key_label(keys: str) -> str:
    """How a binding's keys are written for people: ``u,ctrl+z`` → ``u / ctrl+z``."""
    return " / ".join(_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


@dataclass(frozen=True)
class Key(Binding):
    """A binding that also says how it is listed in help, the palette and the hint line."""

    help: str = ""
    """The help screen's line for this key (default: the description)."""
    palette: str = ""
    """The command palette title; empty keeps the action out of the palette."""
    hint: str = ""
    """The word the screen's hint line uses for it (``study``); empty: not in the hint."""
    listed: bool = True
    """False for a second binding of an action already listed (the help shows one line)."""
    keys: str = ""
    """How the help writes the keys, when not simply the binding's (``1 2 3 4``)."""

    @property
    def line(self) -> str:
        return self.help or self.description

    @property
    def label(self) -> str:
        return self.keys or key_label(self.key)


@dataclass(frozen=True)
class WidgetKey:
    """A key the screen's widgets handle themselves (a table's arrows): help only."""

    keys: str
    help: str

    @property
    def label(self) -> str:
        return self.keys

    @property
    def line(self) -> str:
        return self.help


@dataclass(frozen=True)
class PaletteOnly:
    """A palette entry with no key of its own (``Study all decks``)."""

    action: str
    palette: str
    help: str


GLOBAL_KEYS = (
    WidgetKey("ctrl+p", "Command palette (every action of this screen)"),
    WidgetKey("ctrl+t", "Light / dark theme"),
    WidgetKey("ctrl+q", "Quit"),
)
"""The app's own keys, the same on every screen."""


def _own(screen: type[Any], name: str) -> list[Any]:
    return list(screen.__dict__.get(name, ()))


def keys_of(screen: type[Any]) -> list[Key]:
    """The screen's own :class:`Key` bindings, in declaration order."""
    return [b for b in _own(screen, "BINDINGS") if isinstance(b, Key)]


def help_rows(screen: type[Any], *, everywhere: bool = True) -> list[tuple[str, str]]:
    """(keys, what they do) for the ``?`` screen: the screen's keys, its widgets', the app's."""
    rows: list[Key | WidgetKey] = _own(screen, "WIDGET_KEYS")
    rows += [k for k in keys_of(screen) if k.listed]
    if everywhere:
        rows += GLOBAL_KEYS
    return [(r.label, r.line) for r in rows]


def palette(screen: type[Any]) -> Iterator[tuple[str, str, str]]:
    """(title, help, action) for the command palette, keys first, then palette-only actions."""
    for key in keys_of(screen):
        if key.palette:
            yield key.palette, key.line, key.action
    for extra in _own(screen, "PALETTE_ONLY"):
        yield extra.palette, extra.help, extra.action


def hint(screen: type[Any]) -> str:
    """The screen's one-line reminder: ``enter study · i import · ? keys``."""
    return " · ".join(f"{k.label} {k.hint}" for k in keys_of(screen) if k.hint)


def docs_table(screen: type[Any]) -> str:
    """The Markdown key table of ``docs/tui.md`` for this screen."""
    lines = ["| Key | Does |", "|---|---|"]
    for keys, line in help_rows(screen, everywhere=False):
        shown = " / ".join(f"`{k}`" for k in keys.split(" / "))
        escaped = line.replace("|", "\\|")
        lines.append(f"| {shown} | {escaped} |")
    return "\n".join(lines)


def screens_with_keys() -> list[type[Any]]:
    """Every screen and dialog class of the app that declares :class:`Key` bindings."""
    import importlib
    import pkgutil

    import trainer.tui.dialogs
    import trainer.tui.screens

    found: list[type[Any]] = []
    for package in (trainer.tui.screens, trainer.tui.dialogs):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and value.__module__ == module.__name__
                    and keys_of(value)
                ):
                    found.append(value)
    return found


def docs_section(screen: type[Any]) -> str:
    """The block docs/tui.md holds for a screen: a marker naming the class, then its table."""
    return f"<!-- keys: {screen.__name__} -->\n{docs_table(screen)}"
