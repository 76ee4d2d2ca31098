"""Which events fall on a day of the year, and which only "sometime this month".

Only a day-precise event has an anniversary. An event known to the month
(February 1938) may have happened on any day of it, so it is listed apart
and never passed off as falling on the day asked; and it is listed only when
its own bounds allow the day ("February 1938, before his death on the 16th"
is not listed on the 24th).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .dates import AgeAnswer, DateError, Span
from .model import Dataset, Event

# A leap year, so that 29 February is a day like any other when comparing.
_LEAP = 2000


@dataclass(frozen=True)
class Anniversary:
    event: Event
    match: Literal["exact", "month"]
    years_ago: int
    offset: int
    """Days from the asked day to the anniversary (negative: before it)."""
    age: AgeAnswer


_MONTH_NAMES = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name
}


def parse_month_day(text: str) -> tuple[int, int]:
    """A day of the year as people write it: '02-16', '2-16', '--02-16' (ISO), 'Feb 16' or '16 February'."""
    words = text.replace(",", " ").replace(".", " ").split()
    try:
        if len(words) == 2:  # a month in words and a day, either way round
            first, second = words
            if first.casefold() in _MONTH_NAMES:
                month, day = _MONTH_NAMES[first.casefold()], int(second)
            else:
                month, day = _MONTH_NAMES[second.casefold()], int(first)
        else:
            month, day = (int(p) for p in text.strip().lstrip("-").split("-"))
        date(_LEAP, month, day)
    except (ValueError, KeyError):
        raise DateError(f"{text!r} is not a day of the year; write 02-16, Feb 16 or 16 February") from None
    return month, day


def _offset(month: int, day: int, other: date) -> int:
    asked = date(_LEAP, month, day)
    there = date(_LEAP, other.month, other.day)
    diff = (there - asked).days
    if diff > 183:
        diff -= 366
    elif diff < -183:
        diff += 366
    return diff


def _may_fall_on(span: Span, asked: int, window: int) -> bool:
    """Whether one of the asked days, in the event's own year, lies within its bounds.

    "February 1938, before the 16th" cannot have happened on 24 February.
    """
    assert span.earliest is not None
    for offset in range(-min(window, 183), min(window, 183) + 1):
        day = date.fromordinal(asked + offset)
        try:
            candidate = date(span.earliest.year, day.month, day.day)
        except ValueError:  # 29 February in a common year
            continue
        if span.contains(candidate):
            return True
    return False


def on_this_day(ds: Dataset, month: int, day: int, today: date, window: int = 0) -> list[Anniversary]:
    """Exact anniversaries within ±window days, then month-precise events of the months touched."""
    asked = date(_LEAP, month, day).toordinal()
    touched = {date.fromordinal(asked + d).month for d in range(-min(window, 183), min(window, 183) + 1)}
    exact: list[Anniversary] = []
    loose: list[Anniversary] = []
    for event in ds.chronological():
        span = event.span
        if span.earliest is None or span.latest is None:
            continue
        years_ago = today.year - span.earliest.year
        if span.earliest == span.latest:
            offset = _offset(month, day, span.earliest)
            if abs(offset) <= window:
                exact.append(Anniversary(event, "exact", years_ago, offset, ds.age_at(event)))
        elif event.date.precision == "month" and span.earliest.month in touched and _may_fall_on(span, asked, window):
            loose.append(Anniversary(event, "month", years_ago, 0, ds.age_at(event)))
    exact.sort(key=lambda a: (a.offset, a.event.sort_key()))
    return exact + loose
