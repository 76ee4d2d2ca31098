"""Every output format, in one registry: what it is called, what it is for, and where it lives.

Listings (``--format`` on every command that lists) and exports (``sedov
export --format``) are rows of the same table, as datasette registers its
renderers in one place. Exporters never print: each returns a string, so
every format can be tested as a plain value. A listing format yields its
string in pieces (a header, then a record at a time), so a long listing is
written as it is made; :func:`exporter` joins the pieces. Modules are imported on first
use, so a command pays only for the format it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from typing import Any, Literal

from ..model import Dataset, Event
from ..records import Listing

Use = Literal["listing", "export"]


@dataclass(frozen=True)
class Format:
    """One row of the registry. ``module`` None means the terminal table, drawn by sedov_cli.render."""

    name: str
    use: Use
    module: str | None
    function: str
    summary: str


REGISTRY: tuple[Format, ...] = (
    Format("table", "listing", None, "", "a table for a person at a terminal (the default there)"),
    Format("json", "listing", "json_format", "to_json", "one JSON array (or object)"),
    Format("ndjson", "listing", "ndjson", "to_ndjson", "one JSON object per line"),
    Format("csv", "listing", "delimited", "to_csv", "RFC 4180 CSV, verbatim data for programs"),
    Format("tsv", "listing", "delimited", "to_tsv", "one record per line (the default in a pipe)"),
    Format("markdown", "listing", "markdown", "to_markdown", "a GitHub-flavoured table"),
    Format("timelinejs", "export", "timelinejs", "export", "TimelineJS3 JSON"),
    Format("ics", "export", "ical", "export", "an iCalendar file (RFC 5545)"),
    Format("csv", "export", "flat_csv", "export", "a CSV for spreadsheets, formulas neutralised"),
    Format("markdown", "export", "chronology", "export", "a readable chronology with its sources"),
    Format("json", "export", "dataset_json", "export", "a dataset in sedov's own schema, loadable with --data"),
)

FORMATS = tuple(f.name for f in REGISTRY if f.use == "listing")
EXPORTS = tuple(f.name for f in REGISTRY if f.use == "export")

Exporter = Callable[[Listing], str]
Chunks = Callable[[Listing], Iterator[str]]


@dataclass(frozen=True)
class ExportContext:
    """What a whole-dataset export needs: the dataset, the chosen events, and a timestamp."""

    dataset: Dataset
    events: Sequence[Event]
    generated: datetime


Export = Callable[[ExportContext], str]


def _function(use: Use, name: str) -> Any:
    entry = next(f for f in REGISTRY if f.use == use and f.name == name and f.module is not None)
    assert entry.module is not None
    return getattr(import_module(f"{__name__}.{entry.module}"), entry.function)


def chunks(name: str) -> Chunks:
    """The listing writer for ``name`` (one of FORMATS other than 'table'), piece by piece."""
    fn: Chunks = _function("listing", name)
    return fn


def exporter(name: str) -> Exporter:
    """The listing writer for ``name``, as one string."""
    pieces = chunks(name)
    return lambda listing: "".join(pieces(listing))


def export(name: str) -> Export:
    """The function behind ``sedov export --format name``."""
    fn: Export = _function("export", name)
    return fn
