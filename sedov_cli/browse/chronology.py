"""The explorer's chronology, read a page at a time.

``sedov timeline`` groups events by life period, each period once, in the
order of the life. A table at the shell may read every event first; an
explorer over 100,000 indexed events must not. So each period gets its own
query (:func:`sedov_cli.queries.select` with that period added), and rows are
pulled from those queries only as the reader scrolls towards them: a period
heading appears when its first event is read, and an empty period has none.
The same queries run on an in-memory dataset, so both answer alike.

A jump (``G``, or ``t`` to a time or an event far down) does not read the rows
above its target: the rows become a window opened at the target, and the rows
above it are read backwards (each period's query in reverse) as the reader
scrolls up. Within the target's period, the queries are narrowed by date to
the target's filing day, so on an index they start near it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..dates import Span
from ..model import Dataset, Event, Period
from ..queries import Filters, Hit, date_range, resolve_period, select

PAGE = 200
"""Rows read at a time: a few screens, a few milliseconds from the index."""


@dataclass(frozen=True)
class Heading:
    """A life period's name, above its events."""

    period: Period


Row = Heading | Hit


class Chronology:
    """The rows the explorer shows for one filter, read lazily: a window of them, from the first
    row unless the window was opened at a jump's target (:meth:`at`, :meth:`tail`).

    Names in the filter are resolved when it is made, so a misspelt place
    fails at once with the CLI's own message.
    """

    def __init__(self, ds: Dataset, filters: Filters) -> None:
        select(ds, filters)  # resolves every name now; raises UsageProblem as the CLI does
        self.ds, self.filters = ds, filters
        self.ranged = filters.start is not None or filters.end is not None
        self._range = date_range(ds, filters.start, filters.end)
        wanted = {resolve_period(ds, p) for p in filters.periods}
        self._periods = [p for p in ds.periods.values() if not wanted or p.id in wanted]
        self._source: Iterator[Row] = self._produce(self._periods)
        self._above: Iterator[Row] = iter(())  # the rows above the window, nearest first
        self.rows: list[Row] = []
        self.done = False  # the last row is read
        self.top = True  # the first row is rows[0]
        self._events = 0

    # --- reading ------------------------------------------------------------------

    def _hits(self, period: Period, *, reverse: bool = False) -> Iterator[Hit]:
        return iter(select(self.ds, replace(self.filters, periods=(period.id,)), reverse=reverse))

    def _produce(self, periods: Iterable[Period]) -> Iterator[Row]:
        for period in periods:
            first = True
            for hit in self._hits(period):
                if first:
                    yield Heading(period)
                    first = False
                yield hit

    def _produce_back(self, periods: Iterable[Period]) -> Iterator[Row]:
        """Rows in reverse order, the last first; a heading comes after (above) its events."""
        for period in periods:
            read = False
            for hit in self._hits(period, reverse=True):
                read = True
                yield hit
            if read:
                yield Heading(period)

    def load(self, upto: int) -> bool:
        """Read rows until there are at least ``upto`` (and whole pages); True if any were added."""
        if self.done or len(self.rows) >= upto:
            return False
        target = max(upto, len(self.rows) + PAGE)
        before = len(self.rows)
        for row in self._source:
            self.rows.append(row)
            self._events += not isinstance(row, Heading)
            if len(self.rows) >= target:
                break
        else:
            self.done = True
        return len(self.rows) > before

    def load_above(self, count: int = PAGE) -> int:
        """Read up to ``count`` rows above the window and put them first; how many were added
        (every index into ``rows`` moves down by that many)."""
        if self.top:
            return 0
        read: list[Row] = []
        for row in self._above:
            read.append(row)
            if len(read) >= count:
                break
        else:
            self.top = True
        read.reverse()
        self.rows[:0] = read
        self._events += sum(not isinstance(row, Heading) for row in read)
        return len(read)

    @property
    def complete(self) -> bool:
        """Every row is read."""
        return self.done and self.top

    def events_loaded(self) -> int:
        return self._events

    # --- jumps that read only from their target ------------------------------------

    def _near(self, period: Period, event: Event, *, after: bool) -> Iterator[Hit]:
        """The period's events from ``event`` on (``after``), or back from it, in the order shown:
        the query narrowed to the event's filing day, then the events before it skipped.

        An event after ``event`` in the order is filed no earlier, and so ends no earlier than
        that day; one before it is filed no later, and so begins no later. The narrowing keeps
        every such event (and a few that overlap the day, skipped here); the filter's own range
        is then checked again, as the query that was narrowed would have checked it.
        """
        key = event.sort_key()
        narrowed = replace(self.filters, periods=(period.id,), match="possible")
        day = key[0]
        if day != dt.date.min:  # an open start files first: nothing to narrow by
            lo, hi = (self._range.earliest, self._range.latest) if self._range is not None else (None, None)
            if after and (hi is None or max(day, lo or day) <= hi):
                narrowed = replace(narrowed, start=max(day, lo or day).isoformat())
            elif not after and (lo is None or min(day, hi or day) >= lo):
                narrowed = replace(narrowed, end=min(day, hi or day).isoformat())
            # else a range the CLI would refuse as backwards: the period's query as it is
        reached = False
        for hit in select(self.ds, narrowed, reverse=not after):
            if not reached:
                if hit.event.id != event.id:
                    passed = hit.event.sort_key() > key if after else hit.event.sort_key() < key
                    if passed:  # beyond where it would be: the filter leaves it out
                        return
                    continue
                reached = True
                if not after:
                    continue  # the rows above the event, not the event itself
            again = self._checked(hit)
            if again is not None:
                yield again

    def _checked(self, hit: Hit) -> Hit | None:
        """A hit of a narrowed query as the filter itself would give it (or None: it leaves it out)."""
        span = self._range
        if span is None:
            return Hit(hit.event, hit.age, False)
        within = hit.event.span.within(span)
        if self.filters.match == "certain":
            return Hit(hit.event, hit.age, False) if within else None
        return Hit(hit.event, hit.age, not within) if hit.event.span.overlaps(span) else None

    def row_of(self, event_id: str) -> int | None:
        """The row of an event among the rows read (None: not read, or left out)."""
        return next((i for i, r in enumerate(self.rows) if isinstance(r, Hit) and r.event.id == event_id), None)

    def at(self, event: Event) -> int | None:
        """Open the window at ``event`` (reading nothing above it) and give its row; None, and
        nothing changed, when the filter leaves it out. Already read: its row, as it is."""
        read = self.row_of(event.id)
        if read is not None:
            return read
        if self.done and self.top:
            return None
        where = next((i for i, p in enumerate(self._periods) if p.id == event.period), None)
        if where is None:
            return None
        period = self._periods[where]
        below = self._near(period, event, after=True)
        first = next(below, None)
        if first is None or first.event.id != event.id:
            return None

        def downwards() -> Iterator[Row]:
            yield from below
            yield from self._produce(self._periods[where + 1 :])

        def upwards() -> Iterator[Row]:
            yield from self._near(period, event, after=False)
            yield Heading(period)
            yield from self._produce_back(reversed(self._periods[:where]))

        self.rows, self._events = [first], 1
        self._source, self._above = downwards(), upwards()
        self.done, self.top = False, False
        return 0

    def tail(self) -> int | None:
        """Open the window at the last row (reading nothing above a page of it) and give the
        row of the last event; None when there is none."""
        if not self.done:
            self.rows, self._events = [], 0
            self._above = self._produce_back(reversed(self._periods))
            self.done, self.top = True, False
            self.load_above()
        return self.first_event(len(self.rows) - 1, -1)

    def first_event(self, start: int = 0, step: int = 1) -> int | None:
        """The index of the first event row from ``start`` going ``step`` (±1), loading as needed."""
        i = start
        while i >= 0:
            if i >= len(self.rows) and not self.load(i + 1):
                return None
            if not isinstance(self.rows[i], Heading):
                return i
            i += step
        return None

    def target(self, span: Span) -> Event | None:
        """Where a jump to a time goes: the first event, in the order shown, that certainly falls
        within ``span`` (1936 finds the Red Book, not a period that may have touched 1936), else
        the first that may. One query per period, narrowed to the span: nothing above is read.

        With a range in the filter itself, the rows are read from the top until one is found.
        """
        if self.ranged:
            fresh = Chronology(self.ds, self.filters)  # from the top, whatever this window shows
            found = fresh.locate(span)
            row = fresh.rows[found] if found is not None else None
            return row.event if isinstance(row, Hit) else None
        start = span.earliest.isoformat() if span.earliest else None
        end = span.latest.isoformat() if span.latest else None
        for match in ("certain", "possible"):
            for period in self._periods:
                asked = replace(self.filters, periods=(period.id,), match=match, start=start, end=end)
                hit = next(iter(select(self.ds, asked, limit=1)), None)
                if hit is not None:
                    return hit.event
        return None

    def locate(self, span: Span) -> int | None:
        """The row :meth:`target` means, found by reading the rows from the top until it is found."""
        maybe: int | None = None
        i = 0
        while True:
            if i >= len(self.rows) and not self.load(i + 1):
                return maybe
            row = self.rows[i]
            if isinstance(row, Hit):
                if row.event.span.within(span):
                    return i
                if maybe is None and row.event.span.overlaps(span):
                    maybe = i
            i += 1

    def find(self, event_id: str) -> int | None:
        """The row of one event (None: the filter leaves it out), opening the window at it if it is
        not read yet."""
        event = self.ds.event(event_id)
        return self.at(event) if event is not None else None
