"""JSON: an array of records, or one object for a single-record result."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from ..records import Listing
from ..text import escape_json_invisibles


@cache
def _encoder(indent: int | None) -> Callable[[Any], str]:
    """One encoder per layout, made once: json.dumps with options builds a new one per call.

    Compact JSON (NDJSON, a record per line) reuses the standard library's C
    encoder itself, as json.dumps would make it, without remaking it for
    every record (2 of the 5 µs a record costs).
    """
    separators = (",", ": ") if indent else (",", ":")
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=indent, separators=separators)
    if indent is not None or c_make_encoder is None:
        return encoder.encode
    chunks = c_make_encoder(None, encoder.default, encode_basestring, None, ":", ",", False, False, False)
    return lambda value: "".join(chunks(value, 0))


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """Strict JSON (no NaN), UTF-8 text with unsafe characters escaped."""
    return escape_json_invisibles(_encoder(indent)(value))


def to_json(listing: Listing) -> Iterator[str]:
    """The same text as ``json.dumps(records, indent=2)``, made a record at a time.

    Each record is dumped alone and indented one level: JSON text has no raw
    newline inside a string, so indenting every line is exactly what dumping
    the whole array would do.
    """
    if listing.single:
        yield dumps(listing.records[0]) + "\n"
        return
    opened = False
    for record in listing.each_record():
        yield ("[\n  " if not opened else ",\n  ") + dumps(record).replace("\n", "\n  ")
        opened = True
    yield "\n]\n" if opened else "[]\n"
