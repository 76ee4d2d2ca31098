"""iCalendar (RFC 5545): one all-day VEVENT per event.

A day-precise event is one day long. An event known only to the month or the
year spans every day it could fall on, and its description says so, so a
calendar never shows a guessed day as a known one. Lines end in CRLF, are
folded at 75 octets without splitting a UTF-8 character, and TEXT values are
escaped as section 3.3.11 requires.
"""

from __future__ import annotations

from datetime import timedelta

from .. import __version__
from ..model import Event
from ..text import visible
from . import ExportContext


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


def _description(ctx: ExportContext, event: Event) -> str:
    span = event.span
    lines = [event.summary]
    if span.earliest == span.latest:
        lines.append(f"Date: {event.when}.")
    elif span.earliest is None or span.latest is None:
        which = "first" if span.earliest else "last"
        lines.append(
            f"Date: {event.when} (EDTF {event.date.text}). The date is open-ended: "
            f"this entry marks only its {which} possible day."
        )
    else:
        lines.append(
            f"Date: {event.when} (EDTF {event.date.text}). The exact day is not known: "
            f"this entry covers every possible day, {span.earliest.isoformat()} to {span.latest.isoformat()}."
        )
    claim = event.certainty + (f", claimed by {event.claimed_by}" if event.claimed_by else "")
    lines.append(f"Certainty: {claim}." + (f" {event.note}" if event.note else ""))
    lines.append(f"Source ({event.source.section}): “{event.source.quote}”")
    src = ctx.dataset.source
    lines.append(f"From the {src.publisher} article “{src.title}”, {src.url} ({src.license}).")
    return "\\n".join(escape_text(line) for line in lines)


def vevent(ctx: ExportContext, event: Event) -> list[str]:
    span = event.span
    first = span.earliest or span.latest
    last = span.latest or span.earliest
    assert first is not None and last is not None
    ds = ctx.dataset
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{ds.subject}.sedov",
        f"DTSTAMP:{ctx.generated.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(event.title)}",
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
