"""JSON: an array of records, or one object for a single-record result."""

from __future__ import annotations

import json
import re
from typing import Any

from ..records import Listing

# json.dumps(ensure_ascii=False) leaves these raw; as data they must not reach
# a terminal, and lone surrogates cannot even be encoded, so escape them as
# JSON \u escapes (they can only occur inside strings).
_UNSAFE = re.compile("[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """Strict JSON (no NaN), UTF-8 text with unsafe characters escaped."""
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_json(listing: Listing) -> str:
    value: Any = listing.records[0] if listing.single else list(listing.records)
    return dumps(value) + "\n"
