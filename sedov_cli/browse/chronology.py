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
scrolls up. Within the target's period, the queries start at the target's
place in the order (keyset paging: the index seeks to it), so a jump to the
100,000th event reads what a jump to the first reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..dates import Span
from ..model import Dataset, Event, Period
from ..queries import Filters, Hit, resolve_period, select

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
        """The period's hits; backwards (``G``, and the periods above a jump) from the last day on, read
        a page at a time from the index (keyset paging), as the reader scrolls up."""
        asked = replace(self.filters, periods=(period.id,))
        return iter(select(self.ds, asked, reverse=True, start=dt.date.max) if reverse else select(self.ds, asked))

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

    def load(self, upto: int, ahead: int = PAGE) -> bool:
        """Read rows until there are at least ``upto``, and ``ahead`` more than before (a page); True if
        any were added."""
        if self.done or len(self.rows) >= upto:
            return False
        target = max(upto, len(self.rows) + ahead)
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

    def _from(self, period: Period, event: Event, *, after: bool) -> Iterator[Hit]:
        """The period's hits from ``event`` on (``after``: it and those below it), or those above it, nearest
        first: one keyset query that starts at the event's place in the order, so nothing before it
        is read, and the filter, its range included, is applied as it always is."""
        asked = replace(self.filters, periods=(period.id,))
        return iter(select(self.ds, asked, reverse=not after, start=event, include=after))

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
        below = self._from(period, event, after=True)
        first = next(below, None)
        if first is None or first.event.id != event.id:
            return None

        def downwards() -> Iterator[Row]:
            yield from below
            yield from self._produce(self._periods[where + 1 :])

        def upwards() -> Iterator[Row]:
            yield from self._from(period, event, after=False)
            yield Heading(period)
            yield from self._produce_back(reversed(self._periods[:where]))

        self.rows, self._events = [first], 1
        self._source, self._above = downwards(), upwards()
        self.done, self.top = False, False
        return 0

    def tail(self, count: int = PAGE) -> int | None:
        """Open the window at the last row (reading nothing above the last ``count`` rows) and give
        the row of the last event; None when there is none."""
        if not self.done:
            self.rows, self._events = [], 0
            self._above = self._produce_back(reversed(self._periods))
            self.done, self.top = True, False
            self.load_above(count)
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
        the first that may. Nothing above is read: per period, one query narrowed to the span.

        An event certainly within the span is filed within it (its filing day is one of its own
        days), so the first query starts at the span's first day (keyset paging: no event filed
        before is read) and stops at the first event filed after its last day.
        With a range in the filter itself, the rows are read from the top until one is found.
        """
        if self.ranged:
            fresh = Chronology(self.ds, self.filters)  # from the top, whatever this window shows
            found = fresh.locate(span)
            row = fresh.rows[found] if found is not None else None
            return row.event if isinstance(row, Hit) else None
        for period in self._periods:
            asked = replace(self.filters, periods=(period.id,), match="possible")
            for hit in select(self.ds, asked, start=span.earliest, days=span):
                if span.latest is not None and hit.event.sort_key()[0] > span.latest:
                    break  # filed after the span: nothing from here on is certainly within it
                if hit.event.span.within(span):
                    return hit.event
        for period in self._periods:
            asked = replace(self.filters, periods=(period.id,), match="possible")
            first = next(iter(select(self.ds, asked, limit=1, days=span)), None)
            if first is not None:
                return first.event
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
