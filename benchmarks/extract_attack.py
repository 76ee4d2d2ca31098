"""Crafted articles against `sedov extract`: each shape at N and 2N bytes, timed, with the draft's size.

Linear work gives a time ratio near 2 (quadratic near 4). The shapes are the
ones an attack round found superlinear, and the runs of characters regular
expressions are known to backtrack on. Nothing here is a test: the times
depend on the machine, so they are read by a person and recorded in the
README. The test suite checks the same shapes for a valid draft or a clear
refusal, and a bounded output size, without timing them.

    .venv/bin/python benchmarks/extract_attack.py            # every shape at 100 kB and 200 kB
    .venv/bin/python benchmarks/extract_attack.py --size 500000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from sedov_cli.errors import SedovError
from sedov_cli.extraction import draft_dataset
from sedov_cli.extraction.draft import Source, to_json
from sedov_cli.extraction.markdown_text import markdown_to_text

HEAD = "= Ann Lee =\n\nAnn Lee (3 May 1900 – 9 June 1980) was a poet. In 1925 she moved.\n\n"


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


SHAPES: dict[str, Callable[[int], str]] = {
    "a line of '=' that is not a heading": lambda n: HEAD + "=" * n + " x\n",
    "an infobox line with inner spaces": lambda n: HEAD + "- Born" + " " * n + ": 1900\n",
    "'in Oslo' repeated in one sentence": lambda n: HEAD + "She lived " + _fill("in Oslo ", n) + "in 1930.\n",
    "people with life dates": lambda n: HEAD + _fill("She met Tom Ek{0} (1898–1950) in 1930. ", n).format("") + "\n",
    "one sentence listing dates": lambda n: HEAD + "She went " + _fill("in 1931, ", n) + "home.\n",
    "runs of digits": lambda n: HEAD + "In " + "1" * n + " she left.\n",
    "runs of dashes": lambda n: HEAD + "From 1920 " + "–" * n + " 1930 she wrote.\n",
    "runs of parentheses": lambda n: HEAD + "Tom Ek " + "(" * n + "1898–1950" + ")" * n + " came.\n",
    "'c. c. c.'": lambda n: HEAD + "In " + _fill("c. ", n) + "1933 she left.\n",
    "citation markers": lambda n: HEAD + "In 1930 she left." + _fill("[1]", n) + " Then she came.\n",
    "short lines that look like headings": lambda n: HEAD + _fill("Early life\n", n) + "In 1930 she left.\n",
    "infobox keys alone on their lines": lambda n: HEAD + _fill("Born\n", n),
    "relative words without dates": lambda n: HEAD + _fill("Two years later she wrote. ", n),
    "event nouns with no antecedent": lambda n: HEAD + _fill("After her divorce she wrote. ", n),
    "named events repeated": lambda n: HEAD + "She wrote " + _fill("after the Second World War ", n) + "in 1950.\n",
    "people marked by a relation": lambda n: HEAD + _fill("In 1930 her partner, Jo Ek, and his friend Al Bo met. ", n),
    "'according to' repeated": lambda n: HEAD + "In 1930 she left " + _fill("according to Al Bo ", n) + ".\n",
    "table rows with pipes": lambda n: HEAD + _fill("Reign | 1920 – May 1940 | ||\n", n),
    "one line of pipes": lambda n: HEAD + "Reign " + "|" * n + " 1920\n",
    "dashes and semicolons in a parenthesis": lambda n: HEAD + "She (" + _fill("a – b; ", n) + ") left in 1930.\n",
    "'(…).Word' glued stops": lambda n: HEAD + _fill("She sang (in 1930).Then ", n) + "\n",
    "ages and the rest of her life repeated": lambda n: (
        HEAD
        + _fill("For the rest of her life, and at the age of 15, her last years, ten days old, as early as 1930. ", n)
    ),
    "who clauses after names": lambda n: HEAD + "In 1930, " + _fill("Al Bo, a poet who ", n) + "left in 1931.\n",
    "a phrase of commas before a date": lambda n: HEAD + "In " + _fill("Oslo, ", n) + "1930, she left.\n",
    "short lines before the lead": lambda n: "Ann Lee\n" + _fill("Watch videos\n", n) + "Ann Lee (1900–1980) was.\n",
    "date stamps on their own lines": lambda n: HEAD + _fill("February 15, 2024\n", n) + "In 1930 she left.\n",
    "Markdown: runs of '['": lambda n: "# Ann Lee\n\n**Ann Lee** (3 May 1900 – 1980).\n" + "[" * n + "\n",
    "Markdown: unclosed comments": lambda n: "# Ann Lee\n\n**Ann Lee** (1900 – 1980).\n" + _fill("<!--", n),
    "Markdown: '**' and '_' runs": lambda n: "# Ann Lee\n\n**Ann Lee** (1900 – 1980).\n" + _fill("**a _b ", n),
    # round 5 of issue 18: each new reading, repeated in one sentence (the worst case for per-sentence work)
    "ages after the verb's object in one sentence": lambda n: (
        HEAD + "She began writing " + _fill("for the paper at 15 and ", n) + "left.\n"
    ),
    "open ends and later dates in one sentence": lambda n: (
        HEAD + "She soon moved, " + _fill("and soon after on 4 May 1931 she left, ", n) + "and stayed.\n"
    ),
    "counts, durations and the rest of the decade": lambda n: (
        HEAD
        + _fill(
            "In June 1929, and after six months she lasted two more years for nearly a year and nine months, "
            "spent the rest of the decade, whereupon her first six months of life, when she was born, ",
            n,
        )
        + "she left.\n"
    ),
    "'Born … in 1900,' openings and 'until 1960, when she retired'": lambda n: (
        HEAD
        + _fill(
            "Born in a village in 1900, at age 16 she worked until 1960, when she retired. After she retired, she "
            "sang. ",
            n,
        )
    ),
    "'When … in 1916,' clauses with an age after them": lambda n: (
        HEAD + _fill("When the war came in 1916, and it rained, she left at the age of 16. ", n)
    ),
    "subtitles and deaths by an age": lambda n: (
        "Ann Lee\n\nAstronomer (18981990)\n\nAnn Lee was born in 1898. "
        + _fill("She died on Thursday at the age of 72. From 1946 until her death in 1990 she wrote. ", n)
    ),
    "claims with no start, each following the one before": lambda n: (
        HEAD
        + _fill(
            "Until 1935 she lived in Bergen. By 1930 she was famous. Before she was ten years old, she read. "
            "She moved to Oslo in 1947, where she taught till 1950. In the 1930's she sang. ",
            n,
        )
    ),
    # round 6 of issue 18: each new reading, repeated in one sentence or one line after another
    "citations of works and a fronted year scoping an age": lambda n: (
        HEAD
        + _fill("In 1930, when Lee was 30, she wrote Days (English translation, London, 1931), ", n)
        + "and left.\n"
    ),
    "an age and a half, and a stay there until a year": lambda n: (
        HEAD + _fill("At 16 and a half, she left. In 1930 she moved. She stayed there until 1940. ", n)
    ),
    "summing-up clauses and opening participles": lambda n: (
        HEAD
        + "Born as the first child of Per Berg, Lee led "
        + _fill("efforts recognized with the 1922 Prize, ", n)
        + "at age 15.\n"
    ),
    "periods until a dated event, and 'has since'": lambda n: (
        HEAD
        + _fill("She ruled from May 1, 1931, until the fall of the King on May 2, 1933, and has since grown, ", n)
        + "and left.\n"
    ),
    "infobox keys glued to their values": lambda n: HEAD + _fill("ReignJanuary 29, 1891 – January 17, 1893\n", n),
    "a work's title opening a sentence in parentheses": lambda n: (
        HEAD + "Arctic Days (1931) was a novel of " + _fill("(the 1890s) ", n) + "life.\n"
    ),
    # round 7 of issue 18: each new reading, repeated in one sentence or one line after another
    "durations in the clause of their date": lambda n: (
        HEAD
        + "Since 1948, she was kept at home "
        + _fill("for almost 14 years, and in 1969 they spent 10 months in Rome, and began a 40-year friendship, ", n)
        + "and left.\n"
    ),
    "stretches until a date or a dated event": lambda n: (
        HEAD + _fill("In 1920 she taught in Oslo until 1930, and in 1931 he led it until his death on 4 May 1950, ", n)
    ),
    "before doing something, after an opening date": lambda n: (
        HEAD + "Freed in 1920, she worked " + _fill("before joining a choir in 1925 and ", n) + "left.\n"
    ),
    "this round's relative words, line by line": lambda n: (
        HEAD
        + _fill(
            "After that meeting, the board grew. Then King Olav came. For years she wrote, upon which she went on to "
            "sing. In 1974, (just two years later) she left. By the time of her death in 1980, it grew. ",
            n,
        )
    ),
    "timeline rows and counts of people": lambda n: (
        HEAD + _fill("1920 - Ann moves to Bergen with around 1000 armed soldiers\n", n)
    ),
    "open life dates of people": lambda n: HEAD + _fill("Tom Ek (1945– ) met her in 1960. ", n),
    # round 8 of issue 18: each new reading, repeated in one sentence or one line after another
    "births told again, ages in brackets and joined clauses": lambda n: (
        HEAD
        + "In 1911, she sang "
        + _fill("and, at age eleven, Ann Lee was born in Oslo, Norway on 3 May 1900 at the age of ten (1910) ", n)
        + "and left.\n"
    ),
    "contents lines, markers, 'then' and glued years": lambda n: (
        HEAD
        + "Contents\n"
        + _fill("1.1 May – June 1945\n", n // 2)
        + _fill("[4][dead link] She left school in 1915, then went in May of1916 to 1688.com and then sang. ", n // 2)
    ),
    "phrases that name no one, fuller names and named ages": lambda n: (
        HEAD
        + _fill(
            "After the death of Tom Ek, Ann was twelve when her father, by then a judge, moved. Before her birth, "
            "Her mother died when she was four. Mary Ann Lee was born in 1900. ",
            n,
        )
    ),
    "either years, places only near, headers in capitals and witnesses' words": lambda n: (
        HEAD
        + _fill("BORN 27 Dec 1571, Weil - DIED 15 Nov 1630, Regensburg\n", n // 4)
        + _fill("Tom Ek (1929 or 1930 – 1368 or 1369) was born near Delta, Louisiana, in March 415 AD. ", n // 4)
        + _fill("Kari and I realised in 1974 that we had met at Benátky near Prague, outside Oslo. ", n // 4)
        + _fill("Contents |\nYou are commenting using your account. A Little About Per Berg: ", n // 4)
    ),
}


def _draft(text: str, markdown: bool = False) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        if markdown:  # what extract does with a .md file before it drafts
            text = markdown_to_text(text)
        body = to_json(draft_dataset(text, Source("a.txt")).dataset)
        outcome = "draft"
    except SedovError as exc:
        body, outcome = "", f"refused: {str(exc)[:40]}"
    return time.perf_counter() - start, len(body), outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="N in bytes (default 100,000)")
    args = parser.parse_args()
    print(f"{'shape':38} {'time(N)':>8} {'time(2N)':>9} {'ratio':>6} {'draft(2N)':>10}  outcome")
    for name, make in SHAPES.items():
        small, large = make(args.size), make(2 * args.size)
        markdown = name.startswith("Markdown:")
        t1, _, _ = _draft(small, markdown)
        t2, size, outcome = _draft(large, markdown)
        print(f"{name:38} {t1:>7.2f}s {t2:>8.2f}s {t2 / max(t1, 1e-6):>6.2f} {size / 1e6:>8.2f}MB  {outcome}")


if __name__ == "__main__":
    main()
