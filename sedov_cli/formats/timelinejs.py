"""TimelineJS3 JSON: slides with dates at each event's own precision.

Dates come from the event's EDTF date, never from a bound: a day known only
from outside knowledge is not turned into a slide's day. A period has an end
date; a moment is one slide. TimelineJS renders ``text`` fields as HTML, so
every piece of dataset text is HTML-escaped: a title of ``<script>`` stays a
title.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from ..dates import EdtfDate, Point, Precision
from ..model import Dataset, Era, Event
from ..sentences import date_account
from . import ExportContext
from .json_format import dumps
from .provenance import article_phrase, licence_phrase


def _date(point: Point | None, fallback: date | None, *, end: bool) -> dict[str, int] | None:
    """A TimelineJS date object at the point's precision; an open end, or one a bound moves to
    another year, falls back to its bound's year ("[1900-05-03..]" after the October
    Revolution is not a slide on the birthday, but in 1917)."""
    if point is None:
        return {"year": fallback.year} if fallback else None
    day = point.latest if end else point.earliest
    if fallback is not None and fallback.year != day.year:
        return {"year": fallback.year}
    if point.precision in (Precision.YEAR, Precision.SUBYEAR):  # "early 1933" is not January: the year, worded
        return {"year": day.year}
    if point.precision is Precision.MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _dates(when: EdtfDate, earliest: date | None, latest: date | None) -> dict[str, Any]:
    """A period gets an end date, even one in its start's year (1905/1905); a moment is one slide,
    even when its day is unknown. A date with no start and no bound before it (a draft's "until 1950")
    is one slide at its end, which its display date words ("until 1950")."""
    out: dict[str, Any] = {"start_date": _date(when.start, earliest, end=False)}
    end = _date(when.end, latest, end=True) if when.interval else None
    if out["start_date"] is None:  # "until 1950" and nothing before it: TimelineJS needs a start, and the
        return {"start_date": end or _date(when.end, latest, end=True)}  # end is the one date the text gives
    if end is not None:
        out["end_date"] = end
    return out


def _claim(certainty: str, claimed_by: str | None) -> str:
    return certainty + (f" (claimed by {claimed_by})" if claimed_by else "")


def slide(ds: Dataset, event: Event) -> dict[str, Any]:
    body = (
        f"<p>{escape(event.summary)}</p>"
        + "".join(f"<p>{escape(line)}</p>" for line in date_account(event))
        + f"<blockquote>“{escape(event.source.quote)}”</blockquote>"
        f"<p>Section: {escape(event.source.section)}. Certainty: {escape(_claim(event.certainty, event.claimed_by))}."
        + (f" {escape(event.note)}" if event.note else "")
        + "</p>"
    )
    return {
        **_dates(event.date, event.drawn_span.earliest, event.drawn_span.latest),
        "display_date": escape(event.when),
        "text": {"headline": escape(event.title), "text": body},
        "group": escape(ds.periods[event.period].name),
        "unique_id": event.id,
    }


def era(ds: Dataset, item: Era) -> dict[str, Any]:
    start = _date(item.start.date.start, item.start.span.earliest, end=False)
    finish = _date(item.end.date.end, item.end.span.latest, end=True)
    places = ", ".join(ds.places[p].name for p in item.places)
    return {
        "start_date": start,
        "end_date": finish,
        "text": {"headline": escape(item.name), "text": escape(f"{places}; {_claim(item.certainty, item.claimed_by)}")},
    }


def export(ctx: ExportContext) -> str:
    ds = ctx.dataset
    timeline = {
        "title": {
            "text": {
                "headline": escape(ds.title),
                "text": (
                    f"<p>Drawn from {escape(article_phrase(ds.source))}, {escape(licence_phrase(ds.source))}. "
                    "Every slide quotes it.</p>"
                ),
            }
        },
        "events": [slide(ds, e) for e in ctx.events],
        "eras": [era(ds, r) for r in ds.eras],
        "scale": "human",
    }
    return dumps(timeline) + "\n"
