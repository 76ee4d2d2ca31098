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


UNICODE = Glyphs(known="█", uncertain="░", exact="●", loose="·", rule="─", tick="┬")
ASCII = Glyphs(known="#", uncertain=":", exact="*", loose=".", rule="-", tick="+")
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
        span = (self.last - self.first).days
        lo = self.first.toordinal() + column * span // self.columns
        hi = self.first.toordinal() + (column + 1) * span // self.columns
        return Span(date.fromordinal(lo), date.fromordinal(max(lo, hi - 1)))


def _runs(cells: Sequence[Run]) -> Row:
    """Merge neighbouring cells of the same style into one run."""
    out: list[Run] = []
    for text, style in cells:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return tuple(out)


def _bar(span: Span, certain: Span | None, kind: str, axis: Axis, glyphs: Glyphs) -> list[Run]:
    cells: list[Run] = []
    for col in range(axis.columns):
        cell = axis.cell(col)
        if certain is not None and cell.overlaps(certain):
            cells.append((glyphs.known, f"{kind}.known"))
        elif span.overlaps(cell):
            cells.append((glyphs.uncertain, f"{kind}.uncertain"))
        else:
            cells.append((" ", ""))
    return cells


def _era_row(era: Era, axis: Axis, glyphs: Glyphs) -> list[Run]:
    return _bar(era.span, era.certain, era.kind, axis, glyphs)


def _columns(span: Span, axis: Axis) -> tuple[int, int]:
    """First and last column a span may touch; an open end runs to the edge of the axis."""
    lo = axis.column(span.earliest) if span.earliest else 0
    hi = axis.column(span.latest) if span.latest else axis.columns - 1
    return lo, hi


def _lanes(items: Sequence[tuple[int, int, list[Run]]], columns: int) -> list[list[Run]]:
    """Pack drawings into as few rows as keep them apart (at most MAX_LANES).

    Each item is (first column, last column, cells). An item goes on the first
    lane that is free from one column before it; with every lane taken, it is
    drawn on the last, where a dot is never overwritten by a range.
    """
    lanes: list[list[Run]] = []
    ends: list[int] = []
    for lo, hi, cells in sorted(items, key=lambda item: (item[0], item[1])):
        free = next((i for i, end in enumerate(ends) if end < lo - 1), None)
        if free is None and len(lanes) < MAX_LANES:
            lanes.append([(" ", "")] * columns)
            ends.append(-2)
            free = len(lanes) - 1
        lane = lanes[free if free is not None else -1]
        for col in range(lo, hi + 1):
            if cells[col][1] and lane[col][1] != "event.exact":
                lane[col] = cells[col]
        if free is not None:
            ends[free] = hi
        else:
            ends[-1] = max(ends[-1], hi)
    return lanes


def _period_rows(events: Sequence[Event], axis: Axis, glyphs: Glyphs) -> list[list[Run]]:
    items = []
    for event in events:
        lo, hi = _columns(event.span, axis)
        items.append((lo, hi, _bar(event.span, event.certain, "period", axis, glyphs)))
    return _lanes(items, axis.columns)


def _moment_rows(events: Sequence[Event], axis: Axis, glyphs: Glyphs) -> list[list[Run]]:
    items = []
    dots: set[int] = set()  # moments dated within one column share one dot
    for event in events:
        lo, hi = _columns(event.span, axis)
        if lo == hi and lo in dots:
            continue
        cells: list[Run] = [(" ", "")] * axis.columns
        if lo == hi:
            dots.add(lo)
            cells[lo] = (glyphs.exact, "event.exact")
        else:
            cells[lo : hi + 1] = [(glyphs.loose, "event.loose")] * (hi - lo + 1)
        items.append((lo, hi, cells))
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
) -> list[Row]:
    """Rows of styled text that draw the chart ``width`` characters wide."""
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
    before = [e for e in events if e.span.latest is not None and e.span.latest < first]
    after = [e for e in events if e.span.earliest is not None and e.span.earliest > last]
    inside = [e for e in events if e not in before and e not in after]
    return inside, len(before), len(after)


def plain(rows: Sequence[Row]) -> str:
    """The chart as text without styles."""
    return "".join("".join(text for text, _ in row).rstrip() + "\n" for row in rows)
