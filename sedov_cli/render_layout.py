"""How wide each column of a terminal table may be, decided before rich draws it.

rich shrinks columns in proportion to their content, so a long id could
squeeze an event's title to five characters and break "Labourer" into
"Labou/rer"; sharing the width by priority instead left "28–31, if in the
lifetime" one word a line while the title sat half empty. Here each column
gets at least its longest word (its header included), so no word is ever
broken. The spare width then goes where it saves the most lines: a few
characters that put a short column on one line in every row beat the same
characters added to a title that already fits. What no longer saves a line
goes to the main column (the event's title). When even the minimums do not
fit, there is no table: the caller draws a stacked layout, one block per
record.

Pure arithmetic on strings: no rich, so it is tested as plain values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

GAP = 3
"""Between two columns: padding, the box's separator, padding."""

STACK_BELOW = 60
"""Narrower than this, a stacked layout reads better than any table."""

SAMPLE_ROWS = 200
"""Widths are weighed on at most this many distinct rows: a long listing repeats its shapes,
and every row still counts towards each column's minimum."""


SHORT = 20
"""A column no wider than this at its widest (a date, an age, a count) is short: it is never wrapped
while the main column can spare the room."""

HEIGHT_WEIGHT = 4
"""A line of table height counts as much as this many wrapped cell lines."""

TALL_WEIGHT = 2
"""What each line of a cell beyond its second costs, on top of being a line."""


@dataclass(frozen=True)
class Column:
    header: str
    priority: int = 5
    """Lower wins a tie for spare width."""
    justify: str = "left"
    label: str = ""
    """How the stacked layout names this value ("age 31"); empty for none."""


GLUE = "\xa0"
"""A no-break space: the cell is broken at plain spaces only, and shows this one as a space."""

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_A_DAY = re.compile(rf"\b(?:\d{{1,2}} {_MONTH}(?: \d{{3,4}})?|{_MONTH} \d{{1,2}}, \d{{3,4}}|{_MONTH} \d{{3,4}})\b")
"""A date in words, which a table keeps on one line: "24 February 1906", "February 1938", "March 3, 1920"."""


def glue_dates(text: str) -> str:
    """``text`` with the spaces inside each date in words made no-break: "24 February" over "1906" reads
    as two things."""
    if " " not in text or not any(ch.isdigit() for ch in text):
        return text
    return _A_DAY.sub(lambda m: m.group().replace(" ", GLUE), text)


def _words(line: str) -> list[str]:
    return [word for word in line.split(" ") if word]


def longest_word(text: str) -> int:
    return max((cell_len(word) for line in text.split("\n") for word in _words(line)), default=0)


def longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def breaks(text: str, width: int) -> list[int]:
    """Where ``text`` wrapped at its plain spaces to ``width`` starts each continued line (offsets of the
    spaces that end a line). A word wider than the line stays whole: rich folds it."""
    out: list[int] = []
    at = 0
    for line in text.split("\n"):
        used = 0
        for match in re.finditer(r"[^ ]+", line):
            size = cell_len(match.group())
            if used and used + 1 + size > width:
                out.append(at + match.start() - 1)
                used = size
            else:
                used += size + (1 if used else 0)
        at += len(line) + 1
    return out


def line_count(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at its plain spaces to ``width`` (as the table draws a cell)."""
    return text.count("\n") + 1 + len(breaks(text, width))


def _heights(texts: Sequence[str], low: int, high: int) -> list[list[int]]:
    """For each width from ``low`` to ``high``, the lines each text takes (each distinct text wrapped once)."""
    number: dict[str, int] = {}
    where = [number.setdefault(t, len(number)) for t in texts]
    out = []
    for width in range(low, high + 1):
        counts = [line_count(t, width) for t in number]
        out.append([counts[i] for i in where])
    return out


def _cost(column: Sequence[int], others: Sequence[int]) -> int:
    """The table's height in lines, weighed first; then the column's own lines, so that widening
    one cell of a row pays even before the row's other tall cell is widened too. A cell on three
    lines or more costs extra for each: "disputed: / Pavel / Sudoplatov" reads worse than a title
    on two lines instead of one."""
    own = sum(n + TALL_WEIGHT * max(0, n - 2) for n in column)
    return HEIGHT_WEIGHT * sum(map(max, column, others)) + own


def fit(
    columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int, *, main: int = 0,
    stack_below: int = STACK_BELOW,
) -> list[int] | None:  # fmt: skip
    """Column widths that fit ``width`` without breaking a word, or None if none do.

    ``cells`` holds, for each column, every text it must show (row by row);
    ``main`` is the column that takes what is left once no other width saves a line. Below
    ``stack_below`` columns there is no table, whatever fits.
    """
    if width < stack_below:
        return None
    available = width - GAP * (len(columns) - 1)
    minimum = [
        max([longest_word(c.header), *(longest_word(t) for t in texts)])
        for c, texts in zip(columns, cells, strict=True)
    ]
    natural = [
        max([cell_len(c.header), low, *(longest_line(t) for t in texts)])
        for c, texts, low in zip(columns, cells, minimum, strict=True)
    ]
    if sum(minimum) > available:
        return None
    widths = list(minimum)
    spare = available - sum(minimum)
    # Short columns (a date, a count, a place) first get their natural width, narrowest first,
    # while the main column keeps room for a third of the table: a date on one line reads better
    # than a title one word wider.
    keep = max(0, min(natural[main], available // 3) - minimum[main])
    for c in sorted(range(len(columns)), key=lambda i: natural[i]):
        if c != main and natural[c] <= SHORT and natural[c] - widths[c] <= spare - keep:
            spare -= natural[c] - widths[c]
            widths[c] = natural[c]
    rows = list(dict.fromkeys(zip(*cells, strict=True)))[:SAMPLE_ROWS]
    # tall[c][w - minimum[c]][r]: how many lines row r's cell in column c takes at width w
    tall = [_heights([row[c] for row in rows], minimum[c], natural[c]) for c in range(len(columns))]
    while spare > 0 and rows:
        now = [tall[c][widths[c] - minimum[c]] for c in range(len(columns))]
        # (-cost saved per character, characters, priority, column, width): at the same rate, the cheaper step
        best: tuple[float, int, int, int, int] | None = None
        for c, column in enumerate(columns):
            rest = now[:c] + now[c + 1 :]
            others = list(map(max, *rest)) if len(rest) > 1 else (rest[0] if rest else [0] * len(rows))
            before = _cost(now[c], others)
            for w in range(widths[c] + 1, min(natural[c], widths[c] + spare) + 1):
                if tall[c][w - minimum[c]] == tall[c][w - 1 - minimum[c]]:
                    continue  # no cell of this column gets shorter here
                saved = before - _cost(tall[c][w - minimum[c]], others)
                if saved > 0:
                    candidate = (-saved / (w - widths[c]), w - widths[c], column.priority, c, w)
                    best = candidate if best is None or candidate < best else best
        if best is None:
            break
        c, w = best[3], best[4]
        spare -= w - widths[c]
        widths[c] = w
    # What saves no line: the main column first, then the others, towards their natural width.
    for c in [main, *sorted((i for i in range(len(columns)) if i != main), key=lambda i: columns[i].priority)]:
        grow = max(0, min(natural[c] - widths[c], spare))
        widths[c] += grow
        spare -= grow
    return widths
