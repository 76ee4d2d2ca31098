"""The explorer itself: one screen, the keyboard (or the mouse), no ids to type.

:class:`BrowseApp` holds the reader's place: the filter, the event under the
cursor, and the places they came from (for Back). Every answer comes from
the domain layer (queries, sentences, the chronology read a page at a
time), so the explorer cannot tell a different story from the tables.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.filter import LineFilter, Monochrome, NoColor
from textual.widgets import Static

from ..chart import ASCII, UNICODE
from ..errors import SedovError
from ..model import Dataset
from ..queries import Filters, Hit, age_of, resolve_when
from ..sentences import age_sentence
from ..text import plural, visible
from .chronology import Chronology
from .detail import Target, detail, targets
from .screens import DetailScreen, FollowScreen, HelpScreen, PromptScreen
from .widgets import Chronicle, ColumnHeads, FieldsView, KeyHints, LifeBar
from .words import command_line, is_empty, parse, words

WIDE = 110
"""From this many columns the event's detail stands beside the list."""

HINTS = (("q", "quit", "q"), ("?", "help", "question_mark"), ("⏎", "open", "enter"), ("f", "follow", "f"),
         ("⌫", "back", "backspace"), ("/", "search", "slash"), (":", "filter", "colon"), ("t", "go to", "t"),
         ("a", "age at", "a"), ("y", "copy", "y"))  # fmt: skip
"""The key hints at the foot of the list: shown, what it does, and the key a click on it presses."""

Place = tuple[Filters, str | None]  # a filter, and the event the cursor was on


class BrowseApp(App[int]):
    """``sedov browse``: the chronology, the event under the cursor, and the life bar."""

    CSS_PATH = Path(__file__).with_name("browse.tcss")  # absolute: a subclass elsewhere finds it too
    TITLE = "sedov browse"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012 (declared so by Textual)
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help"),
        Binding("enter,l", "open", "Open"),
        Binding("f", "follow", "Follow"),
        Binding("backspace,b", "go_back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("colon", "filter", "Filter"),
        Binding("c", "clear", "Clear", show=False),
        Binding("t", "goto", "Go to"),
        Binding("a", "age_at", "Age at"),
        Binding("y", "copy", "Copy"),
    ]

    def __init__(self, ds: Dataset, *, data: str | None = None, color: bool = True, debug: bool = False,
                 filters: Filters | None = None, today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__()
        self.ds, self.data, self.tracebacks = ds, data, debug
        self.failure: str | None = None
        """What went wrong, for the command to say once the terminal is restored."""
        self.filters = filters or Filters()
        self.today = today or dt.date.today()
        self.history: list[Place] = []
        self.glyphs = UNICODE if color else ASCII
        self.no_color = not color
        self._grey = Monochrome()
        self.chronology = Chronology(ds, self.filters)
        self._news: Text | None = None
        self._detail: DetailScreen | None = None

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's line filters, with sedov's colour setting in place of Textual's own reading of
        NO_COLOR: ``--color always`` and ``never`` win over it, as everywhere in sedov."""
        kept = [f for f in super().get_line_filters() if not isinstance(f, Monochrome | NoColor)]
        return [*kept, self._grey] if self.no_color else kept

    def _fatal_error(self) -> None:
        """An exception nothing handled: one line afterwards (``failure``), as every sedov
        command says it, and a traceback only under --debug.

        This is Textual's own hook (which prints a traceback with locals). It is private, and
        Textual has no public one: App.run ends with that traceback printed, and an app can
        only override ``_handle_exception`` or ``_fatal_error`` (Textual's issue 2818 asked
        for a public hook; it was closed without one). So tests/test_browse.py checks that it
        still works this way, with and without --debug.
        """
        if self.tracebacks:
            super()._fatal_error()
            return
        error = sys.exc_info()[1]
        self.failure = f"internal error: {type(error).__name__}: {error} (run with --debug for a traceback)"
        self._close_messages_no_wait()

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="filterbar")
        with Horizontal(id="body"):
            with Vertical(id="listing"):
                yield ColumnHeads(id="heads")
                yield Chronicle(self.chronology, id="chronicle")
            yield FieldsView(id="side-detail", fixed=True)
        yield LifeBar(self.ds, self.glyphs, id="lifebar")
        yield Static(id="status")
        yield KeyHints(HINTS, classes="hints")

    def on_mount(self) -> None:
        self.query_one(Chronicle).focus()
        self._show_filter()

    @property
    def chronicle(self) -> Chronicle:
        return self.query_one(Chronicle)

    def _show_filter(self) -> None:
        bar = Text()
        bar.append(f" {visible(self.ds.person.name)}: ", style="bold")
        bar.append(visible(words(self.filters)) if not is_empty(self.filters) else "every event", style="")
        self.query_one("#filterbar", Static).update(bar)

    def say(self, message: str, style: str = "") -> None:
        """A line of news at the foot of the screen (made visible: it may quote the dataset)."""
        news = Text(visible(message), style=style)
        status = self.query_one("#status", Static)
        if news != self._news:  # an unchanged line costs no redraw, nor a layout
            self._news = news
            status.update(news)

    def _count(self) -> str:
        chron = self.chronicle.chronology
        shown = chron.events_loaded()
        if chron.complete:
            return "No events match." if not shown else plural(shown, "event")
        return f"{plural(shown, 'event')} read so far; more are read as you scroll"

    def on_chronicle_moved(self, message: Chronicle.Moved) -> None:
        hit = message.hit
        self.query_one(LifeBar).point_at(hit.event if hit else None)
        self._side(hit)
        self.say(self._count())

    def _side(self, hit: Hit | None, width: int | None = None) -> None:
        """The detail beside the list, when the terminal is wide enough to show it (else Enter opens it).

        Drawn after the list's own frame, so the cursor answers a key at once. The age's
        reasoning is left to the opened event: wrapping it again at every move costs a frame.
        """
        if (width or self.size.width) < WIDE:
            return

        def draw() -> None:
            if self.chronicle.hit is hit:  # the cursor has not moved on meanwhile
                fields = detail(self.ds, hit, reasoning=False) if hit else None
                self.query_one("#side-detail", FieldsView).show_fields(fields, "No events match.")

        self.call_after_refresh(draw)

    def on_resize(self, event: Resize) -> None:
        chronicles = self.query(Chronicle)
        if chronicles:
            self._side(chronicles.first().hit, event.size.width)

    def on_chronicle_opened(self, message: Chronicle.Opened) -> None:
        self._open(message.hit)

    # --- where the reader is ----------------------------------------------------------

    def apply(self, filters: Filters, at: str | None = None, *, remember: bool = True) -> None:
        """Show another filter's events (names resolved first: a bad one raises, nothing changes)."""
        chronology = Chronology(self.ds, filters)
        if remember:
            self.history.append(self._here())
        self.filters = filters
        self.chronicle.show(chronology, at)
        self._show_filter()

    def _here(self) -> Place:
        hit = self.chronicle.hit
        return self.filters, hit.event.id if hit else None

    def action_go_back(self) -> None:
        if not self.history:
            self.say("Nothing to go back to.")
            return
        filters, at = self.history.pop()
        self.apply(filters, at, remember=False)

    def action_clear(self) -> None:
        if not is_empty(self.filters):
            self.apply(Filters())

    # --- opening and following --------------------------------------------------------

    def _open(self, hit: Hit) -> None:
        def after(target: Target | None) -> None:
            if target is not None:
                self.follow(target)

        fields, found = detail(self.ds, hit), targets(self.ds, hit.event)
        screen = self._detail
        if screen is None:  # the first event opened builds the screen; the others reuse it
            screen = self._detail = DetailScreen(fields, found)
            self.install_screen(screen, "detail")
        else:
            screen.show(fields, found)
        self.push_screen(screen, after)

    def action_open(self) -> None:
        hit = self.chronicle.hit
        if hit is not None:
            self._open(hit)

    def follow(self, target: Target) -> None:
        """Narrow the list to one person or place (by id, which always resolves); Back undoes it."""
        filters = Filters(people=(target.id,)) if target.kind == "person" else Filters(places=(target.id,))
        self.apply(filters, self._here()[1])

    def action_follow(self) -> None:
        hit = self.chronicle.hit
        if hit is None:
            return
        found = targets(self.ds, hit.event)
        if not found:
            self.say("This event names no one and no place to follow.")
            return

        def chosen(target: Target | None) -> None:
            if target is not None:
                self.follow(target)

        self.push_screen(FollowScreen(found), chosen)

    # --- asking -----------------------------------------------------------------------

    def action_search(self) -> None:
        before = self.filters
        self.history.append(self._here())

        def live(text: str) -> None:
            self.apply(replace(self.filters, search=text or None), self._here()[1], remember=False)

        def done(value: str | None) -> None:
            if value is None:  # escape: as it was
                self.history.pop()
                self.apply(before, self._here()[1], remember=False)
            else:
                live(value)
                self.say(self._count())

        self.push_screen(PromptScreen("Search (titles, summaries, quotes; enter keeps, escape undoes)",
                                      self.filters.search or "", live=live), done)  # fmt: skip

    def action_filter(self) -> None:
        def check(text: str) -> str | None:
            try:
                Chronology(self.ds, parse(text))
            except SedovError as exc:
                return str(exc)
            return None

        def done(value: str | None) -> None:
            if value is not None:
                self.apply(parse(value), self._here()[1])

        question = "Filter, in the words of sedov events (--place --person --tag --period --certainty --from --to)"
        self.push_screen(PromptScreen(question, words(self.filters), check=check,
                                      placeholder="--place Paris --from 1933"), done)  # fmt: skip

    def action_goto(self) -> None:
        def go(text: str) -> str | None:
            """Go there, or say why not (the prompt stays open). The list moves before the prompt
            closes, so that closing it draws the list once, already there."""
            try:
                when = resolve_when(self.ds, text)
            except SedovError as exc:
                return str(exc)
            chronology = self.chronicle.chronology
            event = when.event if when.event is not None else chronology.target(when.span)
            if event is None:
                return f"nothing in this list may fall in {when.label}"
            if chronology.row_of(event.id) is not None:
                self.chronicle.go_to(event.id)
                return None
            opened = Chronology(self.ds, self.filters)  # not read yet: a list opened at it, reading nothing above
            if opened.at(event) is None:
                return f"the event {event.id} is not in this list; c clears the filter"
            self.chronicle.show(opened, event.id, ahead=self.chronicle.screenful())
            return None

        self.push_screen(PromptScreen("Go to a year, month, day or event id", check=go,
                                      placeholder="1933, Feb 1933, 30 January 1933, marriage"))  # fmt: skip

    def action_age_at(self) -> None:
        answer: dict[str, str] = {}

        def check(text: str) -> str | None:
            try:
                when = resolve_when(self.ds, text, today=self.today)
                answer["text"] = age_sentence(self.ds, self.ds.person, when, age_of(self.ds, self.ds.person, when))
            except SedovError as exc:
                return str(exc)
            return None

        def done(value: str | None) -> None:
            if value is not None:
                self.say(answer["text"], "bold")

        question = f"How old was {visible(self.ds.person.name)} at… (as sedov age-at takes it)"
        self.push_screen(PromptScreen(question, check=check,
                                      placeholder="1933, c. 1933, 30 January 1933, marriage, today"), done)  # fmt: skip

    def action_copy(self) -> None:
        line = command_line(self.filters, self.data)
        self.copy_to_clipboard(line)
        self.say(f"copied: {line}")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_interrupt(self) -> None:
        self.exit(return_code=130)

    async def action_quit(self) -> None:
        self.exit(return_code=0)
