"""NDJSON: one compact JSON record per line, for streaming into jq or a database."""

from __future__ import annotations

from ..records import Listing
from .json_format import dumps


def to_ndjson(listing: Listing) -> str:
    return "".join(dumps(record, indent=None) + "\n" for record in listing.records)
