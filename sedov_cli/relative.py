"""How far one event lies from another, in words, as a range when dates are uncertain.

"14 months before death" is only honest if it holds for every possible day of
both events. So the distance is measured twice: once from the closest
possible pair of days and once from the farthest. It is given as one figure
when the two agree and as a range when they do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .dates import Span

Direction = Literal["before", "after", "around"]


@dataclass(frozen=True)
class Distance:
    """Where an event lies relative to a reference event."""

    direction: Direction
    min_days: int | None
    max_days: int | None
    text: str


def _months(earlier: date, later: date) -> int:
    from dateutil.relativedelta import relativedelta  # only this command needs it

    delta = relativedelta(later, earlier)
    return delta.years * 12 + delta.months


def _phrase(near: tuple[date, date], far: tuple[date, date] | None) -> str:
    """The gap from the nearest to the farthest pair of days, in the coarsest unit that fits.

    With no farthest pair (an open-ended date) only a lower limit is known.
    """
    lo_days, lo_months = (near[1] - near[0]).days, _months(*near)
    hi_days, hi_months = ((far[1] - far[0]).days, _months(*far)) if far else (lo_days, lo_months)
    if hi_months >= 24:
        lo, hi, unit = lo_months // 12, hi_months // 12, "year"
    elif hi_days >= 60:
        lo, hi, unit = lo_months, hi_months, "month"
    else:
        lo, hi, unit = lo_days, hi_days, "day"
    count = str(lo) if lo == hi else f"{lo}–{hi}"
    return f"{'' if far else 'at least '}{count} {unit}{'' if count == '1' else 's'}"


def distance(span: Span, ref: Span, label: str, *, same: bool = False) -> Distance:
    """Distance from ``span`` to ``ref``; ``label`` names the reference in the text.

    ``same`` says the two are one event: it is no distance from itself,
    however uncertain its date.
    """
    if same:
        return Distance("around", 0, 0, "this event")
    if span == ref and span.earliest == span.latest:
        return Distance("around", 0, 0, f"same day as {label}")
    if span.latest is not None and ref.earliest is not None and span.latest <= ref.earliest:
        near = (span.latest, ref.earliest)
        far = (span.earliest, ref.latest) if span.earliest and ref.latest else None
        return _distance("before", near, far, label)
    if ref.latest is not None and span.earliest is not None and ref.latest <= span.earliest:
        near = (ref.latest, span.earliest)
        far = (ref.earliest, span.latest) if ref.earliest and span.latest else None
        return _distance("after", near, far, label)
    return Distance("around", None, None, f"before or after {label}")


def _distance(direction: Direction, near: tuple[date, date], far: tuple[date, date] | None, label: str) -> Distance:
    lo = (near[1] - near[0]).days
    hi = (far[1] - far[0]).days if far else None
    if hi is None and lo == 0:
        return Distance(direction, 0, None, f"on or {direction} {label}")
    return Distance(direction, lo, hi, f"{_phrase(near, far)} {direction} {label}")
