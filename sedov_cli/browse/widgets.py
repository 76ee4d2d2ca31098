"""The explorer's widgets: the chronology, the event detail and the life bar.

Every string from the dataset passes through :func:`sedov_cli.text.visible`
and goes into a rich ``Text`` (never markup), so ``[bold]`` is shown as typed
and an escape sequence as ``\\x1b``. Styles are looked up by the names the
domain gives (:mod:`.detail`, :mod:`sedov_cli.chart`), with the colours
``sedov`` uses elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from ..chart import Glyphs
from ..model import Dataset, Event
from ..queries import Hit
from ..records import age_json, age_text
from ..render import CERTAINTY_STYLE, CHART_STYLES
from ..text import visible
from .chronology import PAGE, Chronology, Heading
from .detail import BREAK, Field, Run, life_bar, life_years

STYLES = {
    **CHART_STYLES,
    **{f"certainty.{name}": style for name, style in CERTAINTY_STYLE.items()},
    "title": "bold",
    "bold": "bold",
    "dim": "dim",
    "italic": "italic",
    "quote": "italic",
    "mark": "bold reverse",
    "basis.date": "",
    "basis.article": "cyan",
    "basis.outside": "bold yellow",
}


def styled(runs: Iterable[Run]) -> Text:
    """Runs of (text, style name) as one Text; data is made visible, only BREAK runs break lines."""
    text = Text()
    for piece, style in runs:
        if (piece, style) == BREAK:
            text.append("\n")
        else:
            text.append(visible(piece), STYLES.get(style, ""))
    return text


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def columns(width: int) -> tuple[int, int, int, int]:
    """Widths of the When, Age, Event and Certainty columns (0: not shown) at ``width`` cells.

    The event's title gets what is left, as in the tables; Certainty is shown
    only when there is room for it beside a useful title.
    """
    when = 22 if width >= 100 else 18 if width >= 70 else 14
    age = 7
    certainty = 11 if width - when - age - 3 >= 60 else 0
    event = max(width - 1 - when - 1 - age - 1 - (certainty + 1 if certainty else 0), 8)
    return when, age, event, certainty


def age_cell(hit: Hit) -> str:
    """The age, short: '26–27', with '?' when it holds only if the event fell within the life."""
    text = age_text(age_json(hit.age))
    return text + "?" if text and hit.age.status.value.startswith("maybe") else text


class ColumnHeads(Static):
    """The column names above the chronology, laid out as its rows are."""

    def render(self) -> Text:
        when, age, event, certainty = columns(self.size.width - 1)  # beside the list's scroll bar
        line = " " + fit("When", when) + " " + fit("Age", age).rjust(age) + " " + fit("Event", event)
        if certainty:
            line += " " + fit("Certainty", certainty)
        return Text(line, style="bold")


class Chronicle(ScrollView, can_focus=True):
    """The chronology, one line per event under a heading per period, read as it scrolls.

    Only the rows on screen are drawn, and rows are read from the
    :class:`Chronology` a page ahead of the cursor, so a dataset of any size
    opens and scrolls at the same speed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("ctrl+d,pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+u,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"chronicle--cursor", "chronicle--heading"}
    DEFAULT_CSS = """
    Chronicle > .chronicle--cursor { background: $accent; color: $text; text-style: bold; }
    Chronicle > .chronicle--heading { text-style: bold underline; }
    """

    cursor: reactive[int | None] = reactive(None, always_update=True)

    class Moved(Message):
        """The cursor is on another event (None: the list is empty)."""

        def __init__(self, hit: Hit | None) -> None:
            super().__init__()
            self.hit = hit

    class Opened(Message):
        """The reader asked to open the event under the cursor."""

        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, chronology: Chronology, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.chronology = chronology

    # --- what is shown -------------------------------------------------------------

    def show(self, chronology: Chronology, event_id: str | None = None, *, ahead: int = PAGE) -> None:
        """Show another filter's rows, with the cursor on ``event_id`` if it is among them, reading
        ``ahead`` rows (a page; a jump reads :meth:`screenful`, and a page when the reader moves on)."""
        self.chronology = chronology
        chronology.load(max(self.size.height * 2, 1), ahead)
        at = chronology.find(event_id) if event_id is not None else None
        # the cursor first (quietly): reading rows above, as the view goes to the top, moves it with them
        self.set_reactive(Chronicle.cursor, at if at is not None else chronology.first_event())
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = self.cursor  # then the news of where it is
        self._sync()

    @property
    def hit(self) -> Hit | None:
        if self.cursor is None:
            return None
        row = self.chronology.rows[self.cursor]
        return row if isinstance(row, Hit) else None

    def _sync(self) -> None:
        """Read ahead of what is visible (below, and above a window opened at a jump) and keep the
        scrollable size in step with the rows read."""
        chron, height = self.chronology, max(self.size.height, 1)
        below = max(self.scroll_offset.y, self.cursor or 0) + height * 2
        chron.load(below)
        added = 0
        while not chron.top and min(self.scroll_offset.y, self.cursor or 0) + added < height:
            more = chron.load_above(self.screenful())  # two screens at a time: rows move down with each read
            if not more:
                break
            added += more
        self.virtual_size = Size(self.size.width, len(chron.rows))
        if added:  # every row moved down: so do the cursor and the view, and nothing seems to move
            if self.cursor is not None:
                self.set_reactive(Chronicle.cursor, self.cursor + added)
            self.scroll_to(y=self.scroll_offset.y + added, animate=False, immediate=True)

    def screenful(self) -> int:
        """The rows a jump reads on each side of its target: what the view needs, which :meth:`_sync`
        reads ahead of the cursor (two screens), and the heading above the first event.
        (Reading a page of 200 rows costs 25 ms of a key's 100 at 100,000 events.)"""
        return max(self.size.height, 1) * 2 + 2

    def on_mount(self) -> None:
        self.show(self.chronology)

    def on_resize(self) -> None:
        self._sync()
        if self.cursor is not None:  # a smaller list keeps the cursor in view
            self.scroll_to_region_of(self.cursor)
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._sync()

    def watch_cursor(self, cursor: int | None) -> None:
        if cursor is not None:
            # the view goes to the cursor first, so that rows above are read only if that view lacks them
            # (G opens the list at its last page: the page is what the view needs above the cursor)
            self.virtual_size = Size(self.size.width, len(self.chronology.rows))
            self.scroll_to_region_of(cursor)
            self._sync()  # may read rows above, and move the cursor down with them
            self.scroll_to_region_of(self.cursor or 0)
        self.refresh()
        self.post_message(self.Moved(self.hit))

    def scroll_to_region_of(self, row: int) -> None:
        top, height = int(self.scroll_offset.y), max(self.size.height, 1)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width  # without the scroll bar
        i = int(self.scroll_offset.y) + y
        rows = self.chronology.rows
        if not rows and y == 0 and self.chronology.done:
            return Strip([Segment(fit(" No events match.", width), Style(italic=True))])
        if i >= len(rows):
            return Strip.blank(width, self.rich_style)
        row = rows[i]
        if isinstance(row, Heading):
            style = self.get_component_rich_style("chronicle--heading")
            return Strip([Segment(" ", self.rich_style), Segment(fit(visible(row.period.name), width - 1), style)])
        return self._event_line(row, width, selected=i == self.cursor)

    def _event_line(self, hit: Hit, width: int, *, selected: bool) -> Strip:
        when_w, age_w, event_w, cert_w = columns(width)
        event = hit.event
        base = self.get_component_rich_style("chronicle--cursor") if selected else self.rich_style
        mark = "~" if self.chronology.ranged and hit.possible else " "
        segments = [
            Segment(mark + fit(visible(event.when), when_w) + " ", base),
            Segment(age_cell(hit).rjust(age_w)[:age_w] + " ", base),
            Segment(fit(visible(event.title), event_w), base),
        ]
        if cert_w:
            colour = Style.parse(CERTAINTY_STYLE.get(event.certainty, "")) if not selected else Style()
            segments += [Segment(" ", base), Segment(fit(event.certainty, cert_w), base + colour)]
        return Strip(segments).adjust_cell_length(width, base)

    # --- moving -------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.cursor is None:
            return
        found = self.chronology.first_event(self.cursor + step, 1 if step > 0 else -1)
        if found is not None:
            self.cursor = found

    def action_page(self, direction: int) -> None:
        if self.cursor is None:
            return
        target = max(self.cursor + direction * max(self.size.height - 1, 1), 0)
        found = self.chronology.first_event(target, direction)
        if found is None:  # past the end: the last event; before the start: the first
            found = self._last() if direction > 0 else self.chronology.first_event()
        if found is not None:
            self.cursor = found

    def action_first(self) -> None:
        if not self.chronology.top:  # a window opened at a jump: the list from its top again
            self.show(Chronology(self.chronology.ds, self.chronology.filters), ahead=self.screenful())
            return
        found = self.chronology.first_event()
        if found is not None:
            self.cursor = found

    def _last(self) -> int | None:
        """The last event's row: the rows above the last page are not read (they are as the reader scrolls up)."""
        return self.chronology.tail(self.screenful())

    def action_last(self) -> None:
        found = self._last()
        if found is not None:
            self.cursor = found

    def go_to(self, event_id: str) -> bool:
        """Put the cursor on an event, reading only the rows near it; False if the filter leaves it out."""
        found = self.chronology.find(event_id)
        if found is None:
            return False
        self.cursor = found
        return True

    def on_click(self, event: Click) -> None:
        row = int(self.scroll_offset.y) + event.y
        rows = self.chronology.rows
        if 0 <= row < len(rows) and not isinstance(rows[row], Heading):
            if row == self.cursor and event.chain >= 2:
                hit = self.hit
                if hit is not None:
                    self.post_message(self.Opened(hit))
            self.cursor = row


class FieldsView(Static):
    """An event's detail: each field's label, then its text, wrapped to the width.

    ``fixed``: the widget's size does not follow its text (the detail beside the list, cut at its
    foot; enter opens the whole), so a new event costs a redraw and no layout of the screen.
    """

    def __init__(self, content: Text | str = "", *, fixed: bool = False, **kwargs: Any) -> None:
        super().__init__(content, **kwargs)
        self.fixed = fixed

    def show_fields(self, fields: list[Field] | None, empty: str = "No event is selected.") -> None:
        self.update(fields_text(fields, empty), layout=not self.fixed)


def fields_text(fields: list[Field] | None, empty: str = "No event is selected.") -> Text:
    """Each field's label, then its text; ``empty`` when there are none."""
    if not fields:
        return Text(empty, style="italic")
    text = Text()
    for field in fields:
        text.append(field.label, style="bold underline")
        text.append("\n")
        text.append_text(styled(field.runs))
        text.append("\n\n")
    text.rstrip()
    return text


class LifeBar(Static):
    """The eras and the selected event's possible days, drawn as ``sedov chart`` draws them, with a cursor.

    Redrawn at the widget's own width, so it re-lays out on resize.
    """

    def __init__(self, ds: Dataset, glyphs: Glyphs, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ds, self.glyphs = ds, glyphs
        self.event: Event | None = None
        self.years = life_years(ds)  # once: without a birth it reads every event

    def on_mount(self) -> None:
        self.styles.height = len(self.ds.eras) + 4 + 1  # and the border: fixed, so nothing jumps
        self._draw()

    def point_at(self, event: Event | None) -> None:
        self.event = event
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.size.width or 80
        text = Text(no_wrap=True, overflow="crop")
        for i, row in enumerate(life_bar(self.ds, self.event, width, self.glyphs, self.years)):
            if i:
                text.append("\n")
            text.append_text(styled(row))
        self.update(text, layout=False)  # its height is fixed: no layout to redo


Hint = tuple[str, str, str]  # (the key as shown, what it does, the key's name as Textual binds it)


class KeyHints(Static):
    """The keys at the foot of a screen, as a plain line; a click on one presses its key.

    Textual's Footer rebuilds itself at every change of screen or focus, which cost
    more than the rest of opening an event; these hints change only with the width:
    spaced when they all fit, closer when that makes them fit (all ten at 80 columns),
    and otherwise as many whole hints as fit, ``? help`` among the first.
    """

    def __init__(self, hints: Iterable[Hint], **kwargs: Any) -> None:
        self.hints = tuple(hints)
        self.spans: list[tuple[int, int, str]] = []  # the cells of each hint, and its key
        super().__init__(self._line(None), **kwargs)

    def _line(self, width: int | None) -> Text:
        """The hints for ``width`` cells (None: all of them, spaced), with ``spans`` to match."""
        for gap in ("  ", " "):
            text = Text(" ", no_wrap=True, overflow="crop")
            spans: list[tuple[int, int, str]] = []
            for shown, what, key in self.hints:
                start = text.cell_len
                if width is not None and start + cell_len(f"{shown} {what}") > width:
                    break
                text.append(shown, style="bold")
                text.append(f" {what}")
                spans.append((start, text.cell_len, key))
                text.append(gap)
            if width is None or len(spans) == len(self.hints):
                break
        self.spans = spans
        return text

    def on_resize(self, event: Resize) -> None:
        self.update(self._line(event.size.width), layout=False)  # one line, whatever it holds

    def key_at(self, x: int) -> str | None:
        """The key of the hint ``x`` cells from the left, if any."""
        return next((key for start, end, key in self.spans if start <= x < end), None)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        key = self.key_at(offset.x) if offset is not None else None
        if key is not None:
            event.stop()
            self.app.simulate_key(key)  # through the bindings, as if typed: the screen it is on answers
