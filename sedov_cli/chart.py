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
KEYS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""The letters that name moment marks, left to right; marks beyond them go unnamed (the key says how many)."""


@dataclass(frozen=True)
class Key:
    """What one moment mark stands for: its letter, and the events drawn there."""

    letter: str
    events: tuple[Event, ...]


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


def _lanes(items: Sequence[Drawing], columns: int, placed: list[tuple[int, int]] | None = None) -> list[list[Run]]:
    """Pack drawings into as few rows as keep them apart (at most MAX_LANES).

    An item goes on the first lane that is free from one column before it;
    with every lane taken, it shares the last, where a dot is never
    overwritten by a range and each column is painted once, so the cost stays
    linear in the events and the width however many overlap. ``placed`` gets, item by
    item in the order given (which must be the drawing order), its lane and first column.
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
        if placed is not None:
            placed.append((len(lanes) - 1 if free is None else free, lo))
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


def _moment_rows(
    events: Sequence[Event], axis: Axis, glyphs: Glyphs, keys: list[Key]
) -> list[list[Run]]:  # fmt: skip
    """The moment lanes, each followed by a row that names its marks with letters (see ``keys``)."""
    items: list[Drawing] = []
    drawn: list[list[Event]] = []
    dots: dict[int, int] = {}  # moments dated within one column share one dot
    for event in events:
        lo, hi = _columns(event.span, axis)
        if lo == hi and lo in dots:
            drawn[dots[lo]].append(event)
            continue
        if lo == hi:
            dots[lo] = len(items)
            items.append((lo, [(glyphs.exact, "event.exact")]))
        else:
            items.append((lo, [(glyphs.loose, "event.loose")] * (hi - lo + 1)))
        drawn.append([event])
    order = sorted(range(len(items)), key=lambda i: (items[i][0], len(items[i][1])))
    placed: list[tuple[int, int]] = []
    lanes = _lanes([items[i] for i in order], axis.columns, placed)
    letters: list[list[Run]] = [[(" ", "")] * axis.columns for _ in lanes]
    for i, (lane, lo) in zip(order, placed, strict=True):
        if len(keys) < len(KEYS) and letters[lane][lo][1] == "":  # on the shared last lane a mark may be hidden
            letters[lane][lo] = (KEYS[len(keys)], "key")
            keys.append(Key(KEYS[len(keys)], tuple(drawn[i])))
    return [row for pair in zip(lanes, letters, strict=True) for row in pair]


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
    keys: list[Key] | None = None,
    cursor: Event | None = None,
) -> list[Row]:
    """Rows of styled text that draw the chart ``width`` characters wide.

    Each moment lane has a row of letters under it, and the chart ends with the key: which
    events each letter's mark stands for. ``keys``, when given, gets the same key as data.
    ``cursor`` adds a row marking the columns that event's mark takes (``sedov
    browse`` points at the selected event's possible days with it): a period's as
    its bar finds them, a moment's as its dots do, so the two always line up.
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
        answer = life.age_over(Span.day(date(year, 1, 1))) if life is not None else None
        if answer is not None and answer.age is not None:
            age = str(answer.age.min)
            ages[col : col + len(age)] = list(age)
        taken = col + len(text)

    death = life.death.latest.year if life is not None and life.death and life.death.latest else None
    title = f"{ds.person.name}, {first_year}–{last_year}"
    if life is None:  # no birth given: the axis spans the events, not a life
        title = f"{ds.person.name}: events of {first_year}–{last_year} (birth not given)"
    elif death is not None and last_year > death:  # the axis runs past the life: the title must not read as one
        born = life.birth.earliest.year if life.birth.earliest else first_year
        title = f"{ds.person.name} ({born}–{death}), and after, to {last_year}"
    elif death is None:  # no death given: an axis to today is not a lifespan ("1920–2026")
        born = life.birth.earliest.year if life.birth.earliest else first_year
        title = f"{ds.person.name} (born {born}; no death given): {first_year} to {last_year}"
    rows: list[Row] = [
        _runs([(title, "title")]),
        _runs([(pad, ""), ("".join(years), "axis")]),
        _runs([(pad, ""), ("".join(rule), "axis")]),
    ]
    rows += [labelled(era.name, _era_row(era, axis, glyphs)) for era in eras]
    found: list[Key] = [] if keys is None else keys
    moments = [e for e in events if e.kind == "moment"]
    for kind, lanes in (
        ("periods", _period_rows([e for e in events if e.kind == "period"], axis, glyphs)),
        ("moments", _moment_rows(moments, axis, glyphs, found)),
    ):
        rows += [labelled(kind if i == 0 else "", lane) for i, lane in enumerate(lanes)]
    if cursor is not None:
        reach = axis.touched(cursor.span) if cursor.kind == "period" else _columns(cursor.span, axis)
        marks = [(" ", "")] * columns
        if reach is not None:
            lo, hi = reach
            marks[lo : hi + 1] = [(glyphs.cursor, "cursor")] * (hi - lo + 1)
        rows.append(labelled("", marks))
    rows.append(_runs([(pad, ""), ("".join(rule), "axis")]))
    rows.append(labelled("age", [("".join(ages), "axis")]))
    rows.append(_runs([("", "")]))
    legend = (
        f"{glyphs.known} certainly  {glyphs.uncertain} maybe  {glyphs.exact} a moment  "
        f"{glyphs.loose * 3} one moment, somewhere in the dots; a letter under a mark names it:"
    )
    from .text import wrap_words

    rows += [_runs([(line, "legend")]) for line in wrap_words(legend, width)]
    for key in found:
        named = "; ".join(f"{e.title} ({e.when})" for e in key.events)
        for n, line in enumerate(wrap_words(f"{key.letter}  {named}", width, 3)):
            rows.append(_runs([(line[:1], "key") if n == 0 else ("", ""), (line[1:] if n == 0 else line, "legend")]))
    unnamed = len(moments) - sum(len(k.events) for k in found)
    if unnamed:
        said = "1 more moment is" if unnamed == 1 else f"{unnamed} more moments are"
        rows.append(_runs([(f"({said} drawn without a letter)", "legend")]))
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


def chart_record(
    rows: Sequence[Row], keys: Sequence[Key], first_year: int, last_year: int, width: int, before: int, after: int
) -> dict[str, object]:  # fmt: skip
    """The chart as data: each row it draws (its label and its text), the key to the moment
    letters, and how many events fell off the axis. The legend, being words, is left out."""
    offset = len(rows[1][0][0])  # the axis row starts with the labels' width of padding
    drawn = []
    for row in rows[1:]:
        full = "".join(text for text, _ in row)
        if not full.strip():
            break  # the blank row before the legend
        drawn.append({"label": full[:offset].strip(), "text": full[offset:].rstrip()})
    return {
        "title": "".join(text for text, _ in rows[0]), "first_year": first_year, "last_year": last_year,
        "width": width, "rows": drawn,
        "key": [{"key": k.letter, "events": [{"id": e.id, "title": e.title, "when": e.when} for e in k.events]}
                for k in keys],
        "not_shown": {"before": before, "after": after},
    }  # fmt: skip


def plain(rows: Sequence[Row]) -> str:
    """The chart as text without styles."""
    return "".join("".join(text for text, _ in row).rstrip() + "\n" for row in rows)
