"""JSON: an array of records, or one object for a single-record result."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from ..records import Listing
from ..text import UNSAFE_BEYOND_C0

# json.dumps(ensure_ascii=False) escapes C0 controls but leaves the rest of
# text.UNSAFE raw (C1, bidi and zero-width characters, lone surrogates): as
# data they must not reach a terminal, so they become JSON \u escapes. They
# can only occur inside strings, where such an escape means the same text.


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON spells an astral character as a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


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
    text = _encoder(indent)(value)
    if text.isascii() and "\x7f" not in text:  # nothing to escape: two C scans instead of a regex pass
        return text
    return UNSAFE_BEYOND_C0.sub(_json_escape, text)


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
