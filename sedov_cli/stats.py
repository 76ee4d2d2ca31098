"""A summary of the life and of how well the dataset knows it.

Every figure is honest about uncertainty: years in a place are a range, gaps
are given both as "no event can fall here" and "no event certainly falls
here", and claims resting on one person's word are listed by name.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from .dates import Span
from .model import CERTAINTIES, Dataset, Era, Event

DAYS_PER_YEAR = 365.2425


def _years(days: int) -> float:
    return round(max(days, 0) / DAYS_PER_YEAR, 1)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def era_length(era: Era) -> dict[str, Any]:
    """Shortest and longest possible length of an era, in years."""
    start, end = era.start.span, era.end.span
    shortest = _years((end.earliest - start.latest).days) if start.latest and end.earliest else None
    longest = _years((end.latest - start.earliest).days) if start.earliest and end.latest else None
    if shortest == longest:
        text = f"{shortest} years"
    else:
        text = f"{'?' if shortest is None else shortest}–{'?' if longest is None else longest} years"
    return {"min": shortest, "max": longest, "text": text}


def _ranges(years: list[int]) -> list[str]:
    """[1907, 1908, 1910] -> ['1907–1908', '1910']."""
    out: list[str] = []
    run: list[int] = []
    for year in years:
        if run and year != run[-1] + 1:
            out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(year)
    if run:
        out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return out


def _certainly_in(event: Event, year: Span) -> bool:
    """A moment wholly inside the year, or a period whose certain days reach into it (1935–1938 in 1937)."""
    certain = event.certain
    return event.span.within(year) or (certain is not None and certain.overlaps(year))


def summary(ds: Dataset) -> dict[str, Any]:
    life = ds.subject_life
    birth = life.birth if life else None
    death = life.death if life else (ds.person.death.date.span if ds.person.death else None)
    death_age = life.age_over(death).age if life and death else None
    years = [e.span.sort_key()[0].year for e in ds.events]
    first = birth.earliest.year if birth and birth.earliest else min(years, default=0)
    last = death.latest.year if death and death.latest else max(years, default=first)
    possible, certain = [], []
    for year in range(first, last + 1):
        whole = Span(date(year, 1, 1), date(year, 12, 31))
        if not any(e.span.overlaps(whole) for e in ds.events):
            possible.append(year)
        if not any(_certainly_in(e, whole) for e in ds.events):
            certain.append(year)

    def width(span: Span) -> int | None:
        return (span.latest - span.earliest).days + 1 if span.earliest and span.latest else None

    by_width = sorted(ds.events, key=lambda e: -(width(e.span) or 10**9))
    certainty = Counter(e.certainty for e in ds.events)
    return {
        "subject": ds.person.name,
        "lifespan": {
            "born": ds.person.birth.date.display if ds.person.birth else None,
            "died": ds.person.death.date.display if ds.person.death else None,
            "birth": (_iso(birth.earliest) if birth.earliest == birth.latest else str(birth)) if birth else None,
            "death": (_iso(death.earliest) if death.earliest == death.latest else str(death)) if death else None,
            "age_at_death": {"min": death_age.min, "max": death_age.max} if death_age else None,
        },
        "events": len(ds.events),
        "eras": [
            {
                "id": era.id,
                "name": era.name,
                "kind": era.kind,
                "places": [ds.places[p].name for p in era.places],
                "from": {
                    "earliest": _iso(era.start.span.earliest),
                    "latest": _iso(era.start.span.latest),
                    "when": era.start.date.display,
                },
                "to": {
                    "earliest": _iso(era.end.span.earliest),
                    "latest": _iso(era.end.span.latest),
                    "when": era.end.date.display,
                },
                "years": era_length(era),
                "certainty": era.certainty,
            }
            for era in ds.eras
        ],
        "periods": [
            {"period": p.name, "events": sum(1 for e in ds.events if e.period == p.id)} for p in ds.periods.values()
        ],
        "certainty": {c: certainty.get(c, 0) for c in CERTAINTIES},
        "least_precise": [
            {
                "id": e.id,
                "when": e.when,
                "days": width(e.span),
                "start": _iso(e.span.earliest),
                "end": _iso(e.span.latest),
            }
            for e in by_width[:5]
        ],
        "gaps": {"no_event_possible": _ranges(possible), "no_event_certain": _ranges(certain)},
        "single_attribution": [
            {"id": e.id, "title": e.title, "certainty": e.certainty, "claimed_by": e.claimed_by}
            for e in ds.events
            if e.certainty in ("attributed", "disputed")
        ],
    }
