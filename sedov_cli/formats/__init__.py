"""Exporters: one module per format, each turning a Listing into a string.

Exporters never print. The CLI decides where the string goes, so every format
can be tested as a plain value. Modules are imported on first use, so a
command pays only for the format it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from typing import Any

from ..model import Dataset, Event
from ..records import Listing

Exporter = Callable[[Listing], str]

# "table" is rendered by sedov_cli.render; it is listed so options can offer it.
FORMATS = ("table", "json", "ndjson", "csv", "tsv", "markdown")

_MODULES = {
    "json": "json_format",
    "ndjson": "ndjson",
    "csv": "delimited",
    "tsv": "delimited",
    "markdown": "markdown",
}


def _load(module: str, attribute: str) -> Any:
    return getattr(import_module(f"{__name__}.{module}"), attribute)


def exporter(name: str) -> Exporter:
    """The export function for ``name`` (one of FORMATS other than 'table')."""
    fn: Exporter = _load(_MODULES[name], f"to_{name}")
    return fn


@dataclass(frozen=True)
class ExportContext:
    """What a whole-dataset export needs: the dataset, the chosen events, and a timestamp."""

    dataset: Dataset
    events: Sequence[Event]
    generated: datetime


Export = Callable[[ExportContext], str]

EXPORTS = ("timelinejs", "ics", "csv", "markdown", "json")
_EXPORT_MODULES = {
    "timelinejs": "timelinejs",
    "ics": "ical",
    "csv": "flat_csv",
    "markdown": "chronology",
    "json": "dataset_json",
}


def export(name: str) -> Export:
    """The function behind ``sedov export --format name``."""
    fn: Export = _load(_EXPORT_MODULES[name], "export")
    return fn
