"""The life as a picture: eras as bars and events as marks on a year axis.

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


UNICODE = Glyphs(known="█", uncertain="░", exact="●", loose="○", rule="─", tick="┬")
ASCII = Glyphs(known="#", uncertain=":", exact="*", loose="o", rule="-", tick="+")

Run = tuple[str, str]  # (text, style name)
Row = tuple[Run, ...]

TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


@dataclass(frozen=True)
class Axis:
    first: date
    last: date
    columns: int

    def column(self, day: date) -> int:
        span = (self.last - self.first).days or 1
        return round((day - self.first).days / span * (self.columns - 1))

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


def _era_row(era: Era, axis: Axis, glyphs: Glyphs) -> list[Run]:
    cells: list[Run] = []
    certain = era.certain
    for col in range(axis.columns):
        cell = axis.cell(col)
        if certain is not None and cell.overlaps(certain):
            cells.append((glyphs.known, f"{era.kind}.known"))
        elif era.span.overlaps(cell):
            cells.append((glyphs.uncertain, f"{era.kind}.uncertain"))
        else:
            cells.append((" ", ""))
    return cells


def _event_row(events: Sequence[Event], axis: Axis, glyphs: Glyphs) -> list[Run]:
    cells: list[Run] = [(" ", "")] * axis.columns
    for event in events:
        span = event.span
        lo = span.earliest or span.latest
        hi = span.latest or span.earliest
        assert lo is not None and hi is not None
        a, b = axis.column(lo), axis.column(hi)
        col = (a + b) // 2
        if a == b:
            cells[col] = (glyphs.exact, "event.exact")
        elif cells[col][1] != "event.exact":
            cells[col] = (glyphs.loose, "event.loose")
    return cells


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
    names = [era.name for era in eras] + ["events", "age"]
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
    rows.append(labelled("events", _event_row(events, axis, glyphs)))
    rows.append(_runs([(pad, ""), ("".join(rule), "axis")]))
    rows.append(labelled("age", [("".join(ages), "axis")]))
    rows.append(_runs([("", "")]))
    legend = (
        f"{glyphs.known} known   {glyphs.uncertain} uncertain   "
        f"{glyphs.exact} event dated within a column   {glyphs.loose} uncertain event (middle)"
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
