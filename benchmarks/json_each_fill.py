"""Issue 22's question: would SQLite's ``json_each`` fill the index's events table faster than Python?

The first read of a large file parses it strictly in Python for validation
(duplicate keys are errors, and every message must stay as it is), so that
parse stays whatever fills the index. What could move to C is the fill: today
Python walks the parsed events and hands each row to ``executemany``. This
times, on the same generated dataset (benchmarks/scale.py's), alternating runs:

* ``python``: sedov_cli.index._insert_events, as the index is built (rows,
  spans, filing days and each row's sum), without the encoded records;
* ``json_each``: ``INSERT INTO events SELECT … FROM json_each(?, '$.events')``
  with the same text columns (the id lists joined by spaces in SQL), from the
  file's text. It leaves out what SQL cannot work out (the spans and filing
  days, from the EDTF dates, and the CRC-32 sums), so it is the C route's
  lower bound: if it does not win, the whole route cannot.

    .venv/bin/python benchmarks/json_each_fill.py --events 100000 --runs 3

This is a measurement for a person to read, never a test.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import generate

from sedov_cli import index

_IDS = "(SELECT coalesce(group_concat(value, ' '), '') FROM json_each(e.value, '$.{}'))"
C_FILL = f"""
INSERT INTO events (n, id, lo, hi, o, date, title, summary, period, places, people, tags, certainty, section, quote,
                    bounds, wording, note, claimed_by, disputes, sum, line, line_sum)
SELECT e.key + 1, e.value ->> 'id', 0, 0, 0, e.value ->> 'date', e.value ->> 'title', e.value ->> 'summary',
       e.value ->> 'period', {_IDS.format("places")}, {_IDS.format("people")}, {_IDS.format("tags")},
       e.value ->> 'certainty', e.value ->> '$.source.section', e.value ->> '$.source.quote', e.value -> 'bounds',
       e.value ->> 'wording', e.value ->> 'note', e.value ->> 'claimed_by', {_IDS.format("disputes")}, 0, '', 0
FROM json_each(?, '$.events') e
"""


def _fresh() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:", isolation_level=None)
    con.executescript(index._TABLES)
    con.execute("BEGIN")
    return con


def python_fill(events: list[dict[str, Any]]) -> float:
    con = _fresh()
    start = time.perf_counter()
    index._insert_events(con, ((raw, "") for raw in events))  # the encoded line apart: C cannot make it
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def c_fill(text: str) -> float:
    con = _fresh()
    start = time.perf_counter()
    con.execute(C_FILL, (text,))
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data, _ = generate(args.events)
    text = json.dumps(data)
    events = json.loads(text)["events"]
    times: dict[str, list[float]] = {"python": [], "json_each": []}
    for _ in range(args.runs):
        times["python"].append(python_fill(events))
        times["json_each"].append(c_fill(text))
    print(f"SQLite {sqlite3.sqlite_version}, {args.events:,} events, {len(text) / 1e6:.1f} MB, medians of {args.runs}")
    for name, found in times.items():
        print(f"{name:>10}: {statistics.median(found):.2f} s  ({', '.join(f'{t:.2f}' for t in found)})")


if __name__ == "__main__":
    main()
