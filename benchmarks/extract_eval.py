"""How well, and how fast, `sedov extract` drafts: recall and precision, and seconds per megabyte.

Quality, claim by claim. A hand-made claim (a sentence, and the earliest and
latest possible day of one date it gives) is *found* when a drafted event
quotes that sentence and has the same earliest and latest day. Recall is the
share of hand-made claims found; precision the share of drafted events that
match one.

* The development set (benchmarks/extract_dev/): short biographies of
  invented people, written to cover every form extract claims to read.
  It is what the extractor was tuned on, so it flatters it.
* The Sedov article against the packaged, hand-made data/sedov.json. Claims
  whose bounds come from outside knowledge are scored apart: extraction uses
  none, so it cannot find them by design.

Speed: a generated article of about 1 MB (the development texts repeated
under numbered headings), drafted in process and by the real command.

    python benchmarks/extract_eval.py            # quality and speed
    python benchmarks/extract_eval.py --no-speed # quality only
    python benchmarks/extract_eval.py --misses   # also list each miss and each extra event
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from sedov_cli.dataset import load
from sedov_cli.dates import parse_edtf
from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Source

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "extract_dev"

Claim = tuple[str, date | None, date | None]


def _drafted(text: str, name: str) -> list[Claim]:
    dataset = draft_dataset(text, Source(name)).dataset
    out = []
    for event in dataset["events"]:
        span = parse_edtf(event["date"]).span
        out.append((event["source"]["quote"], span.earliest, span.latest))
    return out


def _score(expected: Iterable[Claim], drafted: list[Claim]) -> tuple[int, int, int, list[Claim], list[Claim]]:
    """(claims found, claims, drafted events that match a claim, misses, extras)."""
    wanted = list(dict.fromkeys(expected))
    found = [c for c in wanted if any(c[0] in q and (c[1], c[2]) == (lo, hi) for q, lo, hi in drafted)]
    matched = [d for d in drafted if any(c[0] in d[0] and (c[1], c[2]) == (d[1], d[2]) for c in wanted)]
    misses = [c for c in wanted if c not in found]
    extras = [d for d in drafted if d not in matched]
    return len(found), len(wanted), len(matched), misses, extras


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def dev_set(show: bool) -> tuple[int, int, int, int]:
    totals = [0, 0, 0, 0]
    print("development set (invented people; the extractor was tuned on it)")
    print(f"  {'text':<18} {'recall':>12} {'precision':>12}")
    for answers_file in sorted(DEV.glob("*.answers.json")):
        name = answers_file.name.removesuffix(".answers.json")
        text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
        answers = json.loads(answers_file.read_text(encoding="utf-8"))
        expected = [(c["sentence"], _day(lo), _day(hi)) for c in answers["claims"] for lo, hi in c["dates"]]
        drafted = _drafted(text, f"{name}.txt")
        found, wanted, matched, misses, extras = _score(expected, drafted)
        for i, n in enumerate((found, wanted, matched, len(drafted))):
            totals[i] += n
        print(f"  {name:<18} {found:>4}/{wanted:<3} {found / wanted:4.2f} {matched:>4}/{len(drafted):<3} "
              f"{matched / max(1, len(drafted)):4.2f}")  # fmt: skip
        if show:
            _explain(misses, extras)
    found, wanted, matched, drafted_n = totals
    print(f"  {'all':<18} {found:>4}/{wanted:<3} {found / wanted:4.2f} {matched:>4}/{drafted_n:<3} "
          f"{matched / max(1, drafted_n):4.2f}")  # fmt: skip
    return found, wanted, matched, drafted_n


def _explain(misses: list[Claim], extras: list[Claim]) -> None:
    for quote, lo, hi in misses:
        print(f"      missed {lo}..{hi}: {quote[:90]}")
    for quote, lo, hi in extras:
        print(f"      extra  {lo}..{hi}: {quote[:90]}")


def sedov(show: bool) -> None:
    ds = load(ROOT / "data" / "sedov.json", use_cache=False)
    text = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    article_only: list[Claim] = []
    outside: list[Claim] = []
    for event in ds.events:
        claim = (event.source.quote, event.span.earliest, event.span.latest)
        (outside if any(b.basis == "outside" for b in event.bounds) else article_only).append(claim)
    for person in ds.people.values():
        for fact in (person.birth, person.death):
            if fact is not None and fact.source is not None:
                span = fact.date.span
                article_only.append((fact.source.quote, span.earliest, span.latest))
    drafted = _drafted(text, "article.txt")
    print("\nthe Sedov article against data/sedov.json (made by hand, with inference across sentences)")
    found, wanted, matched, misses, extras = _score(article_only, drafted)
    print(f"  claims from the article alone:   recall {found}/{wanted} = {found / wanted:.2f}")
    o_found, o_wanted, o_matched, _, _ = _score(outside, drafted)
    print(f"  claims bounded by outside facts: recall {o_found}/{o_wanted} = {o_found / max(1, o_wanted):.2f}")
    both = matched + o_matched
    print(f"  drafted events matching a hand-made claim: {both}/{len(drafted)} = {both / len(drafted):.2f}")
    if show:
        _explain(misses, extras)


def _big_article(size: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    parts = [texts[0]]
    n = 0
    while sum(map(len, parts)) < size:
        for body in texts[1:]:
            n += 1
            lines = [line for line in body.splitlines() if not line.startswith("=")]
            parts.append(f"\n== Part {n} ==\n" + "\n".join(lines) + "\n")
    return "".join(parts)


def _median_seconds(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed(runs: int) -> None:
    text = _big_article(1_000_000)
    half = _big_article(500_000)
    events = len(draft_dataset(text, Source("big.txt")).dataset["events"])
    print(f"\nspeed on a generated article of {len(text.encode()) / 1e6:.2f} MB ({events} events), medians of {runs}")
    drafting = _median_seconds(lambda: draft_dataset(text, Source("big.txt")), runs)
    print(f"  drafting in process: {drafting:.2f} s")
    halved = _median_seconds(lambda: draft_dataset(half, Source("half.txt")), runs)
    ratio = drafting / halved
    print(f"  linear? {len(half.encode()) / 1e6:.2f} MB drafts in {halved:.2f} s ({ratio:.2f}× for 2× the text)")
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "big.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "sedov_cli", "extract", "big.txt", "--output", "draft.json", "--quiet"]
        whole = _median_seconds(lambda: subprocess.run(command, cwd=folder, check=True), runs)
    print(f"  sedov extract, end to end (start-up, read, draft, validate, write): {whole:.2f} s (goal: under 5 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dev_set(args.misses)
    sedov(args.misses)
    if not args.no_speed:
        speed(args.runs)


if __name__ == "__main__":
    main()
