"""A readable Markdown chronology: a heading and a table per life period, then sources.

Each period has one heading, in the dataset's order of periods, with its
events in chronological order (see queries.by_period).
"""

from __future__ import annotations

from ..queries import by_period
from ..records import age_json, age_words
from . import ExportContext
from .markdown import markdown_link
from .markdown import markdown_text as _cell
from .provenance import known


def export(ctx: ExportContext) -> str:
    ds = ctx.dataset
    lines = [
        f"# {_cell(ds.title)}",
        "",
        "Ages are given as ranges where the date is uncertain. Every entry quotes the source article (see Sources).",
    ]
    period = None
    for event in by_period(ds, ctx.events, lambda e: e):
        if event.period != period:
            period = event.period
            lines += ["", f"## {_cell(ds.periods[period].name)}", ""]
            lines += ["| When | Age | Event | Places | Certainty |", "|---|---|---|---|---|"]
        answer = ds.age_at(event)
        age = age_words(age_json(answer), answer.status, event.kind)
        places = ", ".join(ds.places[p].name for p in event.places)
        claim = event.certainty + (f" ({event.claimed_by})" if event.claimed_by else "")
        lines.append(
            f"| {_cell(event.when)} | {age} | **{_cell(event.title)}**: {_cell(event.summary)} "
            f"| {_cell(places)} | {_cell(claim)} |"
        )
    src = ds.source
    lines += [
        "",
        "## Sources",
        "",
        "- "
        + ", ".join(
            [_cell(v) for v in (known(src.publisher),) if v]
            + [f"“{_cell(src.title)}”"]
            + [markdown_link(v) for v in (known(src.url),) if v]
        )
        + (
            f". The text is licensed {_cell(src.license)}; this chronology is derived from it and shares that licence."
            if known(src.license)
            else ". The dataset does not give the text's licence: check it before sharing this "
            "chronology, which is derived from it."
        ),
        "",
        "Quotes, by event:",
        "",
    ]
    lines += [f"- `{e.id}` ({_cell(e.source.section)}): “{_cell(e.source.quote)}”" for e in ctx.events]
    return "\n".join(lines) + "\n"
