"""NDJSON: one compact JSON record per line, for streaming into jq or a database."""

from __future__ import annotations

from collections.abc import Iterator

from ..records import Listing
from .json_format import dumps


def to_ndjson(listing: Listing) -> Iterator[str]:
    for record in listing.each_record():
        yield dumps(record, indent=None) + "\n"
