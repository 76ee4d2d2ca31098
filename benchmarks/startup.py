"""Start-up benchmark: how much does sedov add to the imports it cannot avoid?

Runs, alternately, ``sedov timeline | cat`` and the floor
``python -c "import typer, rich.console, rich.table, dateutil.parser"`` with the
same interpreter, and reports both medians and their ratio. The goal is a
ratio of at most 1.3.

    python benchmarks/startup.py            # 31 runs of each
    python benchmarks/startup.py --runs 51 --check   # exit 1 if the goal is missed

Run it with the virtual environment's python (``.venv/bin/python``), so that
``sedov`` is the one installed beside it.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL = 1.3
FLOOR_IMPORTS = "import typer, rich.console, rich.table, dateutil.parser"


def timed(command: str) -> float:
    start = time.perf_counter()
    subprocess.run(["sh", "-c", command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--check", action="store_true", help="exit 1 if the ratio exceeds the goal")
    args = parser.parse_args()

    python = shlex.quote(sys.executable)
    sedov = shlex.quote(str(Path(sys.executable).with_name("sedov")))
    tool = f"{sedov} timeline | cat"
    floor = f"{python} -c {shlex.quote(FLOOR_IMPORTS)}"
    for command in (tool, floor):  # warm the file cache and .pyc files
        timed(command)
    tool_times, floor_times = [], []
    for _ in range(args.runs):
        tool_times.append(timed(tool))
        floor_times.append(timed(floor))
    tool_median, floor_median = statistics.median(tool_times), statistics.median(floor_times)
    ratio = tool_median / floor_median
    print(f"runs:                        {args.runs} each, alternating")
    print(f"sedov timeline | cat:        {tool_median * 1000:.1f} ms (median)")
    print(f"import floor:                {floor_median * 1000:.1f} ms (median)")
    print(f"ratio:                       {ratio:.2f}x (goal <= {GOAL}x): {'met' if ratio <= GOAL else 'NOT met'}")
    return 1 if args.check and ratio > GOAL else 0


if __name__ == "__main__":
    raise SystemExit(main())
