"""How sedov scales with the number of events, against jq and json.load on the same file.

Generates its own synthetic datasets: many people and places (countries,
cities, sites), every date form sedov reads (days, months, years, sub-years,
ranges, intervals, open ends, qualifiers), and quotes drawn from a generated
article. For each size it times, alternating runs in one process:

* ``sedov events --place X --format ndjson`` (a hierarchical place filter)
  with an empty cache ("first"), then again on the unchanged file ("repeat");
* ``jq`` doing the same filter (the place or any place inside it);
* ``python -c 'json.load(...)'`` (the floor: reading the file at all);

and reports the median times, their ratios, and the peak memory (RSS) of
each. Then, from the index, it times ``age-at``, ``show ID`` and ``people``,
and ``timeline --format ndjson`` (every event, streamed) with its RSS.
Run from the checkout with the README's venv:

    .venv/bin/python benchmarks/scale.py --sizes 1000 10000 100000 --runs 3

This is a measurement for a person to read, never a test.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEDOV = [sys.executable, "-m", "sedov_cli"]
WORDS = [
    "exile", "bulletin", "letter", "meeting", "journey", "trial", "article", "visit", "clinic", "archive",
    "congress", "speech", "treaty", "strike", "winter", "harbour", "station", "printing", "committee",
]  # fmt: skip
MONTHS = list(calendar.month_name)[1:]


def _date(rng: random.Random) -> tuple[str, list[dict[str, Any]]]:
    """A date in one of the forms sedov reads, within 1900–1938, and no bounds."""
    y = rng.randint(1900, 1937)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([
        f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{d:02d}", f"{y}-{rng.choice([37, 38, 39, 40, 41])}",
        f"[{y}..{y + 1}]", f"{y}/{y + 1}", f"../{y}", f"{y}~", f"{y}-{m:02d}?", f"[..{y}]",
    ]), []  # fmt: skip


def generate(n: int, seed: int = 1906) -> tuple[dict[str, Any], str]:
    """A dataset of ``n`` events and the article its quotes come from."""
    rng = random.Random(seed)
    countries = [f"country-{i}" for i in range(20)]
    places = [{"id": c, "name": f"Country {i}", "aliases": [], "kind": "country", "parent": None}
              for i, c in enumerate(countries)]  # fmt: skip
    for i in range(max(50, n // 50)):
        city = {"id": f"city-{i}", "name": f"City {i}", "aliases": [], "kind": "city", "parent": rng.choice(countries)}
        places.append(city)
        places.append({"id": f"site-{i}", "name": f"Site {i}", "aliases": [], "kind": "site", "parent": city["id"]})
    people = [{"id": "subject", "name": "Ann Example", "aliases": [], "relation": "the subject",
               "birth": {"date": "1900-03-15", "certainty": "stated"},
               "death": {"date": "1938-02-16", "certainty": "stated"}}]  # fmt: skip
    people += [{"id": f"person-{i}", "name": f"Person {i}", "aliases": [], "relation": "a friend"}
               for i in range(max(50, n // 20))]  # fmt: skip
    sentences = []
    for i in range(max(200, n // 10)):
        year = rng.randint(1900, 1937)
        sentences.append(f"In {MONTHS[i % 12]} {year} the {rng.choice(WORDS)} number {i} took place.")
    article = "= Ann Example =\n\n==Life==\n" + " ".join(sentences) + "\n"
    place_ids = [p["id"] for p in places[20:]]  # once, not per event: the generator stays linear
    person_ids = [p["id"] for p in people[1:]]
    events = []
    for i in range(n):
        date, bounds = _date(rng)
        event: dict[str, Any] = {
            "id": f"event-{i}", "date": date, "title": f"The {rng.choice(WORDS)} {i}",
            "summary": f"Something happened, the {rng.choice(WORDS)}.", "period": "life",
            "places": rng.sample(place_ids, rng.randint(0, 2)),
            "people": rng.sample(person_ids, rng.randint(0, 2)),
            "tags": rng.sample(WORDS, rng.randint(1, 3)), "certainty": "stated",
            "source": {"section": "Life", "quote": rng.choice(sentences)},
        }  # fmt: skip
        if bounds:
            event["bounds"] = bounds
        events.append(event)
    dataset = {
        "title": "A synthetic life", "subject": "subject",
        "source": {"title": "Ann Example", "publisher": "nobody", "url": "https://example.org/ann",
                   "license": "CC0", "file": "article.txt"},
        "periods": [{"id": "life", "name": "Life", "section": "Life"}],
        "people": people, "places": places, "events": events,
    }  # fmt: skip
    return dataset, article


JQ_FILTER = """
(.places | map({(.id): .parent}) | add) as $parent
| def inside($id): $id == $target or ($parent[$id] != null and inside($parent[$id]));
.events[] | select(any(.places[]; inside(.))) | tojson
"""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Wall time, peak RSS (KiB) and CPU time (user + system) of one run, through /usr/bin/time.

    On a machine shared with other work, wall time grows with the load and CPU time much less,
    so the ratios are given both ways."""
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *cmd], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=False, timeout=7200, env=env)  # fmt: skip
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:6])}… failed: {out.stderr[-500:]}")
    rss, user, system = out.stderr.strip().splitlines()[-1].split()
    return elapsed, int(rss), float(user) + float(system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3, help="alternated runs of each command per size")
    args = parser.parse_args()
    if shutil.which("jq") is None or not Path("/usr/bin/time").exists():
        raise SystemExit("needs jq and /usr/bin/time")
    print(f"{'events':>9} {'MB':>6} {'first':>7} {'repeat':>7} {'jq':>7} {'first/jq':>8} {'repeat/jq':>9} "
          f"{'load':>6} {'first RSS':>9} {'repeat RSS':>10} {'load RSS':>8} {'age-at':>6} {'show':>6} {'people':>6} "
          f"{'timeline':>8} {'its RSS':>7} {'CPU first/jq':>12} {'CPU repeat/jq':>13}", flush=True)  # fmt: skip
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            dataset, article = generate(n)
            path = Path(folder) / "data.json"
            path.write_text(json.dumps(dataset), encoding="utf-8")
            del dataset
            (Path(folder) / "article.txt").write_text(article, encoding="utf-8")
            cache = Path(folder) / "cache"
            env = {**os.environ, "SEDOV_CACHE_DIR": str(cache)}
            env.pop("SEDOV_NO_CACHE", None)
            # as installed: compiled modules are kept (without them every run compiles what changed since)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            target = "country-3"
            sedov = [*SEDOV, "--data", str(path)]
            query = [*sedov, "events", "--place", target, "--format", "ndjson"]
            jq = ["jq", "-r", "--arg", "target", target, JQ_FILTER, str(path)]
            load = [sys.executable, "-c", f"import json; json.load(open({str(path)!r}))"]
            results: dict[str, list[tuple[float, int, float]]] = {k: [] for k in ("first", "repeat", "jq", "load")}
            for _ in range(args.runs):
                shutil.rmtree(cache, ignore_errors=True)
                results["first"].append(timed(query, env))
                results["repeat"].append(timed(query, env))
                results["jq"].append(timed(jq))
                results["load"].append(timed(load))
            t = {k: statistics.median(r[0] for r in v) for k, v in results.items()}
            rss = {k: max(r[1] for r in v) / 1024 for k, v in results.items()}
            cpu = {k: statistics.median(r[2] for r in v) for k, v in results.items()}
            extra = {
                name: timed([*sedov, *cmd], env)
                for name, cmd in (("age-at", ["age-at", "1920"]), ("show", ["show", f"event-{n // 2}"]),
                                  ("people", ["people", "--format", "ndjson"]),
                                  ("timeline", ["timeline", "--format", "ndjson"]))
            }  # fmt: skip
            size = path.stat().st_size / 1e6
            print(f"{n:>9} {size:>6.1f} {t['first']:>6.2f}s {t['repeat']:>6.2f}s {t['jq']:>6.2f}s "
                  f"{t['first'] / t['jq']:>8.2f} {t['repeat'] / t['jq']:>9.2f} {t['load']:>5.2f}s "
                  f"{rss['first']:>7.0f}MB {rss['repeat']:>8.0f}MB {rss['load']:>6.0f}MB "
                  f"{extra['age-at'][0]:>5.2f}s {extra['show'][0]:>5.2f}s {extra['people'][0]:>5.2f}s "
                  f"{extra['timeline'][0]:>7.1f}s {extra['timeline'][1] / 1024:>5.0f}MB "
                  f"{cpu['first'] / cpu['jq']:>12.2f} {cpu['repeat'] / cpu['jq']:>13.2f}  "
                  f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
