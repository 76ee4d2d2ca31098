"""The explorer's chronology, read a page at a time.

``sedov timeline`` groups events by life period, each period once, in the
order of the life. A table at the shell may read every event first; an
explorer over 100,000 indexed events must not. So each period gets its own
query (:func:`sedov_cli.queries.select` with that period added), and rows are
pulled from those queries only as the reader scrolls towards them: a period
heading appears when its first event is read, and an empty period has none.
The same queries run on an in-memory dataset, so both answer alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..dates import Span
from ..model import Dataset, Period
from ..queries import Filters, Hit, resolve_period, select

PAGE = 200
"""Rows read at a time: a few screens, a few milliseconds from the index."""


@dataclass(frozen=True)
class Heading:
    """A life period's name, above its events."""

    period: Period


Row = Heading | Hit


class Chronology:
    """The rows the explorer shows for one filter, read lazily.

    Names in the filter are resolved when it is made, so a misspelt place
    fails at once with the CLI's own message.
    """

    def __init__(self, ds: Dataset, filters: Filters) -> None:
        select(ds, filters)  # resolves every name now; raises UsageProblem as the CLI does
        self.ds, self.filters = ds, filters
        self.ranged = filters.start is not None or filters.end is not None
        wanted = {resolve_period(ds, p) for p in filters.periods}
        self._periods = [p for p in ds.periods.values() if not wanted or p.id in wanted]
        self._source = self._produce()
        self.rows: list[Row] = []
        self.done = False
        self._events = 0

    def _produce(self) -> Iterator[Row]:
        for period in self._periods:
            first = True
            for hit in select(self.ds, replace(self.filters, periods=(period.id,))):
                if first:
                    yield Heading(period)
                    first = False
                yield hit

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

    def events_loaded(self) -> int:
        return self._events

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

    def locate(self, span: Span) -> int | None:
        """Where to go for a time: the first event row, in the order shown, that certainly falls
        within ``span`` (1936 finds the Red Book, not a period that may have touched 1936), else the
        first that may.

        Rows are read until one is found, so a jump far down a large
        dataset reads the rows above it (and only those).
        """
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
        """The row of one event, reading rows until it is found (None: the filter leaves it out)."""
        start = 0
        while True:
            for i in range(start, len(self.rows)):
                row = self.rows[i]
                if isinstance(row, Hit) and row.event.id == event_id:
                    return i
            start = len(self.rows)
            if not self.load(start + 1):
                return None
