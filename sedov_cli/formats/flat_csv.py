"""A flat CSV of events for spreadsheets: one row per event, uncertainty in columns."""

from __future__ import annotations

import csv
import io

from ..text import visible
from . import ExportContext

COLUMNS = (
    "id", "earliest", "latest", "precision", "when", "title", "certainty", "claimed_by",
    "places", "people", "tags", "section", "quote",
)  # fmt: skip


def export(ctx: ExportContext) -> str:
    ds = ctx.dataset
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in ctx.events:
        row = [
            e.id,
            e.span.earliest.isoformat() if e.span.earliest else "",
            e.span.latest.isoformat() if e.span.latest else "",
            e.date.precision,
            e.when,
            e.title,
            e.certainty,
            e.claimed_by or "",
            "; ".join(ds.places[p].name for p in e.places),
            "; ".join(ds.people[p].name for p in e.people),
            "; ".join(e.tags),
            e.source.section,
            e.source.quote,
        ]
        writer.writerow([visible(v) for v in row])
    return out.getvalue()
