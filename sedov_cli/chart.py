"""The life as a picture: eras and periods as bars, moments as marks, on a year axis.

A period lasted, so it is a bar: solid where it certainly ran, light where its
start or end is uncertain. A moment happened once, so it is never a bar: a
moment dated within one column is a dot, and one known only to a range is a
dotted mark over every column it may fall in. Overlapping marks go on
separate lanes rather than hiding each other.

Layout is plain data (rows of text runs, each with a style *name*), so the
same picture can be drawn at a terminal, written as SVG, and snapshot-tested
as text. Uncertain stretches are drawn with different characters, not only
different colours, so the picture still tells known from uncertain under
NO_COLOR and TERM=dumb.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .dates import Span
from .model import Dataset, Era, Event


@dataclass(frozen=True)
class Glyphs:
    known: str
    uncertain: str
    exact: str
    loose: str
    rule: str
    tick: str
    cursor: str = "^"


UNICODE = Glyphs(known="█", uncertain="░", exact="●", loose="·", rule="─", tick="┬", cursor="▲")
ASCII = Glyphs(known="#", uncertain=":", exact="*", loose=".", rule="-", tick="+", cursor="^")
MAX_LANES = 6  # per kind; beyond this, marks share the last lane

Run = tuple[str, str]  # (text, style name)
Row = tuple[Run, ...]

TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


@dataclass(frozen=True)
class Axis:
    first: date
    last: date
    columns: int

    def column(self, day: date) -> int:
        """The column of ``day``, clamped to the axis."""
        span = (self.last - self.first).days or 1
        return min(max(round((day - self.first).days / span * (self.columns - 1)), 0), self.columns - 1)

    def cell(self, column: int) -> Span:
        """The days one column stands for."""
        lo, hi = self._bounds(column)
        return Span(date.fromordinal(lo), date.fromordinal(hi))

    def _bounds(self, column: int) -> tuple[int, int]:
        span = (self.last - self.first).days
        lo = self.first.toordinal() + column * span // self.columns
        hi = self.first.toordinal() + (column + 1) * span // self.columns
        return lo, max(lo, hi - 1)

    def touched(self, span: Span) -> tuple[int, int] | None:
        """The first and last column whose days overlap ``span``; None if none do.

        Found by bisection over the columns, so drawing a bar costs its own
        width, not the width of the whole axis.
        """
        a = span.earliest.toordinal() if span.earliest else -(10**9)
        b = span.latest.toordinal() if span.latest else 10**9
        lo, hi = 0, self.columns  # first column whose last day >= a
        while lo < hi:
            mid = (lo + hi) // 2
            if self._bounds(mid)[1] >= a:
                hi = mid
            else:
                lo = mid + 1
        first = lo
        lo, hi = 0, self.columns  # first column whose first day > b
        while lo < hi:
            mid = (lo + hi) // 2
            if self._bounds(mid)[0] > b:
                hi = mid
            else:
                lo = mid + 1
        last = lo - 1
        return (first, last) if first <= last else None


def _runs(cells: Sequence[Run]) -> Row:
    """Merge neighbouring cells of the same style into one run."""
    out: list[Run] = []
    for text, style in cells:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return tuple(out)


Drawing = tuple[int, list[Run]]  # (first column, the cells from there)


def _bar(span: Span, certain: Span | None, kind: str, axis: Axis, glyphs: Glyphs) -> Drawing | None:
    """A bar over the columns ``span`` touches: solid where ``certain`` is, light elsewhere."""
    touched = axis.touched(span)
    if touched is None:
        return None
    lo, hi = touched
    cells: list[Run] = [(glyphs.uncertain, f"{kind}.uncertain")] * (hi - lo + 1)
    sure = axis.touched(certain) if certain is not None else None
    if sure is not None:
        a, b = max(sure[0], lo), min(sure[1], hi)
        cells[a - lo : b - lo + 1] = [(glyphs.known, f"{kind}.known")] * max(b - a + 1, 0)
    return lo, cells


def _era_row(era: Era, axis: Axis, glyphs: Glyphs) -> list[Run]:
    row: list[Run] = [(" ", "")] * axis.columns
    drawing = _bar(era.span, era.certain, era.kind, axis, glyphs)
    if drawing is not None:
        lo, cells = drawing
        row[lo : lo + len(cells)] = cells
    return row


def _columns(span: Span, axis: Axis) -> tuple[int, int]:
    """First and last column a span may touch; an open end runs to the edge of the axis."""
    lo = axis.column(span.earliest) if span.earliest else 0
    hi = axis.column(span.latest) if span.latest else axis.columns - 1
    return lo, hi


def _lanes(items: Sequence[Drawing], columns: int) -> list[list[Run]]:
    """Pack drawings into as few rows as keep them apart (at most MAX_LANES).

    An item goes on the first lane that is free from one column before it;
    with every lane taken, it shares the last, where a dot is never
    overwritten by a range and each column is painted once, so the cost stays
    linear in the events and the width however many overlap.
    """
    lanes: list[list[Run]] = []
    ends: list[int] = []
    reach = -1  # on the shared last lane, the columns up to here are painted
    for lo, cells in sorted(items, key=lambda item: (item[0], len(item[1]))):
        hi = lo + len(cells) - 1
        free = next((i for i, end in enumerate(ends) if end < lo - 1), None)
        if free is None and len(lanes) < MAX_LANES:
            lanes.append([(" ", "")] * columns)
            ends.append(-2)
            free = len(lanes) - 1
        if free is not None:
            lanes[free][lo : hi + 1] = cells
            ends[free] = hi
            if free == len(lanes) - 1 == MAX_LANES - 1:
                reach = max(reach, hi)
            continue
        lane = lanes[-1]
        if len(cells) == 1:  # a dot always shows
            lane[lo] = cells[0]
        start = max(lo, reach + 1)
        for col in range(start, hi + 1):
            if lane[col][1] != "event.exact":
                lane[col] = cells[col - lo]
        reach = max(reach, hi)
        ends[-1] = max(ends[-1], hi)
    return lanes


def _period_rows(events: Sequence[Event], axis: Axis, glyphs: Glyphs) -> list[list[Run]]:
    drawings = [d for e in events if (d := _bar(e.span, e.certain, "period", axis, glyphs)) is not None]
    return _lanes(drawings, axis.columns)


def _moment_rows(events: Sequence[Event], axis: Axis, glyphs: Glyphs) -> list[list[Run]]:
    items: list[Drawing] = []
    dots: set[int] = set()  # moments dated within one column share one dot
    for event in events:
        lo, hi = _columns(event.span, axis)
        if lo == hi:
            if lo not in dots:
                dots.add(lo)
                items.append((lo, [(glyphs.exact, "event.exact")]))
        else:
            items.append((lo, [(glyphs.loose, "event.loose")] * (hi - lo + 1)))
    return _lanes(items, axis.columns)


def _tick_step(years: int, columns: int) -> int:
    for step in TICK_STEPS:
        if columns / max(years / step, 1) >= 6:
            return step
    return TICK_STEPS[-1]


def layout(
    ds: Dataset,
    events: Sequence[Event],
    eras: Sequence[Era],
    *,
    width: int,
    first_year: int,
    last_year: int,
    glyphs: Glyphs = UNICODE,
    cursor: Span | None = None,
) -> list[Row]:
    """Rows of styled text that draw the chart ``width`` characters wide.

    ``cursor`` adds a row marking every column that span may touch (``sedov
    browse`` points at the selected event's possible days with it).
    """
    names = [era.name for era in eras] + ["periods", "moments", "age"]
    label = min(max(len(n) for n in names), max(8, width // 4))
    columns = max(width - label - 1, 10)
    axis = Axis(date(first_year, 1, 1), date(last_year, 12, 31), columns)
    pad = " " * (label + 1)

    def labelled(name: str, cells: Sequence[Run], style: str = "label") -> Row:
        text = name if len(name) <= label else name[: label - 1] + "…"
        return _runs([(text.ljust(label) + " ", style), *cells])

    step = _tick_step(last_year - first_year, columns)
    ticks = [y for y in range(first_year, last_year + 1) if y % step == 0 or y == first_year]
    years = [" "] * columns
    rule = [glyphs.rule] * columns
    ages = [" "] * columns
    life = ds.subject_life
    taken = -1
    for year in ticks:
        col = axis.column(date(year, 1, 1))
        text = str(year)
        if col <= taken or col + len(text) > columns:
            continue
        years[col : col + len(text)] = list(text)
        rule[col] = glyphs.tick
        answer = life.age_over(Span.day(date(year, 1, 1)))
        if answer.age is not None:
            age = str(answer.age.min)
            ages[col : col + len(age)] = list(age)
        taken = col + len(text)

    rows: list[Row] = [
        _runs([(f"{ds.person.name}, {first_year}–{last_year}", "title")]),
        _runs([(pad, ""), ("".join(years), "axis")]),
        _runs([(pad, ""), ("".join(rule), "axis")]),
    ]
    rows += [labelled(era.name, _era_row(era, axis, glyphs)) for era in eras]
    for kind, lanes in (
        ("periods", _period_rows([e for e in events if e.kind == "period"], axis, glyphs)),
        ("moments", _moment_rows([e for e in events if e.kind == "moment"], axis, glyphs)),
    ):
        rows += [labelled(kind if i == 0 else "", lane) for i, lane in enumerate(lanes)]
    if cursor is not None:
        lo, hi = _columns(cursor, axis)
        marks = [(" ", "")] * columns
        marks[lo : hi + 1] = [(glyphs.cursor, "cursor")] * (hi - lo + 1)
        rows.append(labelled("", marks))
    rows.append(_runs([(pad, ""), ("".join(rule), "axis")]))
    rows.append(labelled("age", [("".join(ages), "axis")]))
    rows.append(_runs([("", "")]))
    legend = (
        f"{glyphs.known} certainly  {glyphs.uncertain} maybe  {glyphs.exact} a moment  "
        f"{glyphs.loose * 3} one moment, somewhere in the dots"
    )
    rows.append(_runs([(legend, "legend")]))
    return rows


def visible_events(events: Sequence[Event], first_year: int, last_year: int) -> tuple[list[Event], int, int]:
    """The events that can be drawn on the axis, and how many lie wholly before and after it."""
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    inside: list[Event] = []
    before = after = 0
    for event in events:
        if event.span.latest is not None and event.span.latest < first:
            before += 1
        elif event.span.earliest is not None and event.span.earliest > last:
            after += 1
        else:
            inside.append(event)
    return inside, before, after


def plain(rows: Sequence[Row]) -> str:
    """The chart as text without styles."""
    return "".join("".join(text for text, _ in row).rstrip() + "\n" for row in rows)
