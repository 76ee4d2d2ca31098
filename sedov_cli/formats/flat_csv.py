"""A flat CSV of events for spreadsheets: one row per event, uncertainty in columns.

This file is meant to be opened in a spreadsheet, so a cell that a
spreadsheet would read as a formula is neutralised (see spreadsheet_cell).

``earliest_basis`` and ``latest_basis`` say where each end's day comes from
(``date``: the event's own date; ``article``: a bound inferred from the
article; ``outside``: a bound from outside knowledge), so a spreadsheet
never shows an outside day as if the article gave it.
"""

from __future__ import annotations

import csv
import io

from ..text import visible
from . import ExportContext

COLUMNS = (
    "id", "kind", "earliest", "latest", "earliest_basis", "latest_basis", "precision", "when", "status", "title",
    "certainty", "claimed_by", "places", "people", "tags", "section", "quote",
)  # fmt: skip


def export(ctx: ExportContext) -> str:
    ds = ctx.dataset
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in ctx.events:
        row = [
            e.id,
            e.kind,
            e.span.earliest.isoformat() if e.span.earliest else "",
            e.span.latest.isoformat() if e.span.latest else "",
            e.start_basis or "",
            e.end_basis or "",
            e.date.precision,
            e.when,
            ds.age_at(e).status.value,
            e.title,
            e.certainty,
            e.claimed_by or "",
            "; ".join(ds.places[p].name for p in e.places),
            "; ".join(ds.people[p].name for p in e.people),
            "; ".join(e.tags),
            e.source.section,
            e.source.quote,
        ]
        writer.writerow([spreadsheet_cell(visible(v)) for v in row])
    return out.getvalue()


def spreadsheet_cell(value: str) -> str:
    """A cell a spreadsheet will not run: one starting with =, +, -, @, tab or CR gets a leading
    apostrophe, as OWASP recommends against CSV injection. (Listings' --format csv is data for
    programs and stays verbatim.)"""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
