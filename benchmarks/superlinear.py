"""The cases that once grew faster than their input, timed at two sizes.

Each case builds its own hostile dataset (or terminal width) at size N and
at size 2N, runs the command once at each, and prints both times and their
ratio. Linear work gives a ratio near 2; quadratic work near 4. Run from
the checkout, with the venv the README sets up:

    .venv/bin/python benchmarks/superlinear.py

The cases come from a fuzzing report: a deep place chain (validate), many
tags on one event (validate), many events (chart, against timeline on the
same file) and a very wide terminal (chart). Nothing here is a test: the
numbers depend on the machine, so they are read by a person and recorded in
the README.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEDOV = [sys.executable, "-m", "sedov_cli"]


def base() -> dict[str, Any]:
    return json.loads((ROOT / "data" / "sedov.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def place_chain(n: int) -> dict[str, Any]:
    """n places, each inside the one before: validate walks the whole gazetteer."""
    raw = base()
    raw["places"] += [
        {"id": f"p{i}", "name": f"Place {i}", "aliases": [], "kind": "x", "parent": f"p{i - 1}" if i else None}
        for i in range(n)
    ]
    return raw


def many_tags(n: int) -> dict[str, Any]:
    """n distinct tags on one event: the schema's uniqueItems check compares them."""
    raw = base()
    raw["events"][0]["tags"] = [f"t{i}" for i in range(n)]
    return raw


def many_events(n: int) -> dict[str, Any]:
    """The 33 events copied until there are n (new ids, same quotes)."""
    raw = base()
    originals = raw["events"]
    events = []
    for i in range(n):
        event = copy.deepcopy(originals[i % len(originals)])
        event["id"] = f"{event['id']}-{i}"
        event.pop("disputes", None)
        if event["certainty"] == "disputed":
            event["certainty"] = "attributed"
        events.append(event)
    raw["events"] = events
    return raw


def run(args: list[str], data: dict[str, Any] | None, env: dict[str, str] | None = None) -> float:
    with tempfile.TemporaryDirectory() as folder:
        cmd = [*SEDOV, *args]
        if data is not None:
            path = Path(folder) / "data.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            (Path(folder) / "article.txt").write_text(
                (ROOT / "data" / "article.txt").read_text(encoding="utf-8"), encoding="utf-8"
            )
            cmd = [*SEDOV, "--data", str(path), *args]
        full_env = {**os.environ, "COLUMNS": "100", **(env or {})}
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, env=full_env, check=False, timeout=3600)
        elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {out.stderr[:500]}")
    return elapsed


Case = tuple[str, int, Callable[[int], tuple[list[str], dict[str, Any] | None, dict[str, str] | None]]]

CASES: list[Case] = [
    ("validate: place chain, N deep", 4000, lambda n: (["validate"], place_chain(n), None)),
    ("validate: N tags on one event", 40000, lambda n: (["validate"], many_tags(n), None)),
    ("timeline: N events (the baseline)", 10000, lambda n: (["timeline", "--format", "tsv"], many_events(n), None)),
    ("chart: N events", 10000, lambda n: (["chart"], many_events(n), None)),
    ("chart: COLUMNS=N", 1_000_000, lambda n: (["chart"], None, {"COLUMNS": str(n)})),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N (default 1)")
    args = parser.parse_args()
    print(f"{'case':38} {'N':>9} {'time(N)':>9} {'time(2N)':>9} {'ratio':>6}")
    for name, size, make in CASES:
        n = max(1, int(size * args.scale))
        times = [run(*make(k)) for k in (n, 2 * n)]
        print(f"{name:38} {n:>9} {times[0]:>8.2f}s {times[1]:>8.2f}s {times[1] / times[0]:>6.2f}")


if __name__ == "__main__":
    main()
