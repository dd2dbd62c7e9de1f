"""Textual's footer, brought up to date in place.

Textual's ``Footer`` rebuilds all its key widgets whenever the screen's bindings
change: unmount, mount, style each new widget. The study screen changes its
bindings twice per card (the front shows "Show answer", the back "Source"), and
that rebuild was most of the time from a rating key to the next card painted.
Here, when the footer would show as many keys as it does (no key groups, no
command-palette key), the existing key widgets take the new key, label and
enabled state in the same frame as the change that moved the bindings; a key
whose new label fits in its width keeps that width, so nothing moves and only
that key is repainted (no layout). Anything else is the ordinary rebuild.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class StyledFooter(Footer):
    """A ``Footer`` whose keys are made in the footer's style (compact or not).

    Textual's key widget starts compact and the footer then binds it to its own
    (not compact) style: each key was styled twice more (the compact class added
    on mount, then taken off), the first screen's footer ~16 restyles before its
    first paint. Here each key is made with the footer's value, so the binding
    finds nothing to change (the command palette's key, which Textual leaves compact,
    is left as it is)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Textual binds every key but the palette's to the footer's style
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget


class KeyFooter(StyledFooter):
    """A ``Footer`` that updates its keys in place when their number stays the same."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.follow()

    def follow(self) -> None:
        """Show the screen's keys as they are now. A screen that calls this right after
        ``refresh_bindings`` gets the keys in the same frame as the change that moved
        them (the bindings signal arrives a message later, maybe after a frame); keys
        already shown are not touched again."""
        if not self._relabel():
            # Rebuilt from the footer's own message loop (its keys bind to it).
            self.call_later(self.call_after_refresh, self.recompose)

    def _shown(self) -> list[tuple[Binding, bool, str]] | None:
        """The keys ``compose`` would show, one per action; None when it would show
        more than plain keys (groups, the command palette)."""
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            return None
        first: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                if binding.group is not None:
                    return None
                first.setdefault(binding.action, (binding, enabled, tooltip))
        return list(first.values())

    def _relabel(self) -> bool:
        """Give the key widgets their new keys in place; False when a rebuild is needed."""
        shown = self._shown()
        keys = list(self.query_children(FooterKey))
        if shown is None or not keys or len(keys) != len(shown):
            return False
        moved = False
        for widget, (binding, enabled, tooltip) in zip(keys, shown, strict=True):
            label = (binding.key, self.app.get_key_display(binding), binding.description)
            relabelled = (widget.key, widget.key_display, widget.description) != label
            if relabelled:
                widget.key, widget.key_display, widget.description = label
                grew = not self._keep_width(widget)
                moved = moved or grew
            widget.action = binding.action
            if widget._disabled == enabled:  # FooterKey keeps its state there
                widget._disabled = not enabled
                widget.set_class(not enabled, "-disabled")
                relabelled = True
            if widget.tooltip != (tooltip or None):  # setting it re-checks the screen's tooltip
                widget.tooltip = tooltip or None
            if relabelled:
                widget.refresh(layout=moved)
        if moved:
            self.refresh(layout=True)
        return True

    @staticmethod
    def _keep_width(widget: FooterKey) -> bool:
        """Keep a relabelled key as wide as it is when its new label fits (the rest of
        the footer does not move: a repaint, no layout); False when it must grow.

        A key that takes turns between two labels ("space Show answer" on the front,
        "s Source" on the back) ends up as wide as the longer one."""
        width = widget.size.width
        natural = widget.render().cell_len
        if width and natural <= width:
            widget.styles.width = width  # a no-op once it is held at this width
            return True
        widget.styles.width = natural
        return False
