"""iCalendar (RFC 5545): one all-day VEVENT per event.

A period (a state that lasted) spans every day it may have covered. A moment
happened once, so it is one day long even when its day is unknown: it sits on
its first possible day, its summary carries the date as the article gives it
("Marries at 19 (1925)") and its description says the day is not known, so a
calendar never passes a guessed day off as a known one, nor a moment as
something that lasted. Lines end in CRLF, are folded at 75 octets without
splitting a UTF-8 character, and TEXT values are escaped as section 3.3.11
requires.
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import __version__
from ..model import Event
from ..sentences import date_account
from ..text import visible
from . import ExportContext
from .provenance import article_phrase, licence_phrase


def escape_text(value: str) -> str:
    """One line of TEXT: controls made visible first, then RFC 5545's escapes."""
    return visible(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF and a space."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _exact(event: Event) -> bool:
    return event.drawn_span.earliest is not None and event.drawn_span.earliest == event.drawn_span.latest


def _days(event: Event) -> tuple[date, date]:
    """First and last calendar day of the entry: a closed period spans, anything else is one day."""
    span = event.drawn_span
    first = span.earliest or span.latest
    assert first is not None
    if event.kind == "period" and span.earliest is not None and span.latest is not None:
        return span.earliest, span.latest
    return first, first


def _placement(event: Event) -> str:
    span = event.drawn_span
    if _exact(event):
        return ""
    if span.earliest is None or span.latest is None:
        which = "first" if span.earliest else "last"
        return f"The date is open-ended: this entry marks only its {which} possible day."
    if event.kind == "period":
        return "This entry covers every day the period may have lasted."
    return "The day is not known: this entry sits on the first possible day, which is not the day it happened."


def _description(ctx: ExportContext, event: Event) -> str:
    lines = [event.summary, *date_account(event)]
    if placement := _placement(event):
        lines.append(placement)
    claim = event.certainty + (f", claimed by {event.claimed_by}" if event.claimed_by else "")
    lines.append(f"Certainty: {claim}." + (f" {event.note}" if event.note else ""))
    lines.append(f"Source ({event.source.section}): “{event.source.quote}”")
    src = ctx.dataset.source
    lines.append(f"From {article_phrase(src)}, {licence_phrase(src)}.")
    return "\\n".join(escape_text(line) for line in lines)


def ical_date(day: date) -> str:
    """RFC 5545's DATE, eight digits for every year (strftime writes year 5 as '5')."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _end(first: date, last: date) -> str:
    """DTEND is the day after the last; past 31 December 9999 there is none, so say how long."""
    if last < date.max:
        return f"DTEND;VALUE=DATE:{ical_date(last + timedelta(days=1))}"
    return f"DURATION:P{(last - first).days + 1}D"


def vevent(ctx: ExportContext, event: Event) -> list[str]:
    first, last = _days(event)
    title = event.title if _exact(event) else f"{event.title} ({event.when})"
    ds = ctx.dataset
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{ds.subject}.sedov",
        f"DTSTAMP:{ctx.generated.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{ical_date(first)}",
        _end(first, last),
        f"SUMMARY:{escape_text(title)}",
        f"DESCRIPTION:{_description(ctx, event)}",
    ]
    if event.places:
        lines.append("LOCATION:" + escape_text("; ".join(ds.places[p].name for p in event.places)))
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(escape_text(t) for t in event.tags))
    lines.append(f"STATUS:{'CONFIRMED' if event.certainty == 'stated' else 'TENTATIVE'}")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def export(ctx: ExportContext) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//sedov//sedov {__version__}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(ctx.dataset.title)}",
    ]
    for event in ctx.events:
        lines += vevent(ctx, event)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
