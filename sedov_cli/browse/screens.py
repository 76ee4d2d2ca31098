"""The explorer's screens over the chronology: an event in full, a picker, a prompt and the help."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..text import visible
from .detail import Field, Target
from .widgets import FieldsView, KeyHints, fields_text

KEYS = (
    ("j k ↓ ↑", "the next or previous event"),
    ("^d ^u PgDn PgUp", "a screen down or up"),
    ("g G Home End", "the first or last event"),
    ("enter l", "open the event (or double-click it)"),
    ("f", "follow a person or place: the list narrows to it"),
    ("backspace b", "back to where you were"),
    ("/", "search titles, summaries and quotes as you type"),
    (":", "filter as sedov events does: --place Paris --from 1933"),
    ("c", "clear every filter"),
    ("t", "go to a year, month, day or event id"),
    ("a", "the age at a time, in a sentence"),
    ("y", "copy the filter as a sedov events command"),
    ("?", "this help"),
    ("q ^c", "quit"),
)
LEGEND = (
    "In the list, ~ before a date: the event only may fall in the asked range; "
    "? after an age: it holds only if the event fell within the life. "
    "In an opened event, the same keys scroll it (a line, a screen, its top or end). "
    "The mouse moves the cursor and scrolls; a click on a key at the foot of the screen presses it."
)

DETAIL_HINTS = (("esc", "back", "escape"), ("j k", "scroll", "j"), ("f", "follow", "f"), ("?", "help", "question_mark"))
"""The key hints at the foot of an opened event (a click on "j k scroll" scrolls down a line)."""


class DetailScreen(Screen[Target | None]):
    """One event in full, scrollable; ``f`` follows one of its people or places.

    The app keeps one and shows each event it opens in it (:meth:`show`): building the
    screen and its widgets again, and removing them on close, cost more than the event's text.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace,b,h,q", "close", "Back"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("ctrl+d,pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+u,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "end(0)", "Top", show=False),
        Binding("G,end", "end(1)", "Bottom", show=False),
        Binding("f", "follow", "Follow"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, fields: list[Field], targets: list[Target]) -> None:
        super().__init__()
        self.fields, self.targets = fields, targets

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll"):
            # its text from the start: given after mounting, it cost a second layout of the screen
            yield FieldsView(fields_text(self.fields), id="detail")
        yield KeyHints(DETAIL_HINTS, classes="hints")

    def on_mount(self) -> None:
        self.query_one("#detail-scroll").focus()

    def show(self, fields: list[Field], targets: list[Target]) -> None:
        """Another event, from its top (before the screen is pushed again)."""
        self.fields, self.targets = fields, targets
        self.query_one(FieldsView).update(fields_text(fields))
        self.query_one("#detail-scroll", VerticalScroll).scroll_home(animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        """Lines down (or up), at once: keys that arrive together each count (deferred to the next
        refresh, each would start from the same line, and ten j's would move one)."""
        scroller = self.query_one("#detail-scroll", VerticalScroll)
        scroller.scroll_relative(y=step, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        """A screen down or up, as in the list (``ctrl+d``/``ctrl+u`` for vim's hands, PgDn/PgUp)."""
        scroller = self.query_one("#detail-scroll", VerticalScroll)
        scroller.scroll_relative(y=direction * max(scroller.scrollable_content_region.height - 1, 1),
                                 animate=False, immediate=True)  # fmt: skip

    def action_end(self, bottom: int) -> None:
        """The top (``g``, Home) or the end (``G``, End) of the event."""
        scroller = self.query_one("#detail-scroll", VerticalScroll)
        scroller.scroll_to(y=scroller.max_scroll_y if bottom else 0, animate=False, immediate=True)

    def action_follow(self) -> None:
        if not self.targets:
            self.notify("This event names no one and no place to follow.")
            return

        def chosen(target: Target | None) -> None:
            if target is not None:
                self.dismiss(target)

        self.app.push_screen(FollowScreen(self.targets), chosen)


class FollowScreen(ModalScreen[Target | None]):
    """Pick one of an event's people or places."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "cancel", "Cancel"), Binding("j", "down", show=False),
                Binding("k", "up", show=False)]  # fmt: skip

    def __init__(self, targets: list[Target]) -> None:
        super().__init__()
        self.targets = targets

    def compose(self) -> ComposeResult:
        with Vertical(id="follow-box"):
            yield Static(Text("Follow (enter picks, escape cancels)", style="bold"))
            yield OptionList(
                *(Option(Text(f"{t.kind}: {visible(t.name)}"), id=str(i)) for i, t in enumerate(self.targets)),
                id="follow",
            )

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(self.targets[int(message.option_id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()


class PromptScreen(ModalScreen[str | None]):
    """A one-line question at the foot of the screen.

    ``check`` answers a submitted value with an error to show (the prompt
    stays open) or None (it closes with the value). ``live`` is told each
    change as it is typed, a moment after the typing pauses.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    LIVE_DELAY = 0.15

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        check: Callable[[str], str | None] | None = None,
        live: Callable[[str], None] | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__()
        self.question, self.value = question, value
        self.check, self.live = check, live
        self.placeholder = placeholder
        self._timer: object | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Text(self.question, style="bold"), id="prompt-question")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, message: Input.Changed) -> None:
        self.query_one("#prompt-error", Static).update("")
        if self.live is None:
            return
        if self._timer is not None:
            self._timer.stop()  # type: ignore[attr-defined]
        live, value = self.live, message.value
        self._timer = self.set_timer(self.LIVE_DELAY, lambda: live(value))

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()  # type: ignore[attr-defined]
        problem = self.check(message.value) if self.check is not None else None
        if problem is not None:
            self.query_one("#prompt-error", Static).update(Text(visible(problem), style="bold red"))
            return
        self.dismiss(message.value)

    def action_cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()  # type: ignore[attr-defined]
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key, and what the marks in the list mean."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        # the keys in a column of their own, so that a description that wraps (at 60 columns) stays beside them
        keys = Table.grid(padding=(0, 1))
        keys.add_column(no_wrap=True, style="bold")
        keys.add_column()
        for shown, what in KEYS:
            keys.add_row(shown, what)
        closing = Text(f"\n{LEGEND}\n\nEscape, q or ? closes this help.", style="dim")
        with VerticalScroll(id="help-box"):
            yield Static(Group(Text("sedov browse: keys\n", style="bold"), keys, closing), id="help")

    def action_close(self) -> None:
        self.dismiss(None)
