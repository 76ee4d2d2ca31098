"""CSV and TSV: a header line, then exactly one line per record.

TSV follows the convention of ``cut``/``awk``-friendly TSV: backslash, tab,
newline and carriage return inside a value become ``\\\\``, ``\\t``, ``\\n`` and
``\\r``, so no value can split a record. CSV quotes as RFC 4180 does, with
``\\n`` line endings, and escapes control characters the same visible way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..records import Listing
from ..text import visible


def _tsv_value(value: str) -> str:
    return visible(value.replace("\\", "\\\\"))


def to_tsv(listing: Listing) -> Iterator[str]:
    yield "\t".join(listing.columns) + "\n"
    for row in listing.each_row():
        if "".join(row).isprintable():  # no value holds a tab, a newline or anything visible() would change
            yield "\t".join(row).replace("\\", "\\\\") + "\n"
        else:
            yield "\t".join([_tsv_value(v) for v in row]) + "\n"


def to_csv(listing: Listing) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(listing.columns)
    for row in listing.each_row():
        writer.writerow(row if "".join(row).isprintable() else [visible(v) for v in row])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()
