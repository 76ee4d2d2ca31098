"""NDJSON: one compact JSON record per line, for streaming into jq or a database."""

from __future__ import annotations

from collections.abc import Iterator

from ..records import Listing
from .json_format import dumps


def to_ndjson(listing: Listing) -> Iterator[str]:
    text = listing.encoded_text()
    if text is not None:  # every stored line, in batches: written without a step per record
        yield from text
        return
    lines = listing.encoded()
    if lines is not None:  # records encoded when the index was built: written as they are
        for line in lines:
            yield line + "\n"
        return
    for record in listing.each_record():
        yield dumps(record, indent=None) + "\n"
