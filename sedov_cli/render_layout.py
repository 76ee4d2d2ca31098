"""How wide each column of a terminal table may be, decided before rich draws it.

rich shrinks columns in proportion to their content, so a long id could
squeeze an event's title to five characters and break "Labourer" into
"Labou/rer". Here each column gets at least its longest word (its header
included), so no word is ever broken; the columns then grow in order of
priority (the event's title first) up to their natural width. When even the
minimums do not fit, there is no table: the caller draws a stacked layout,
one block per record.

Pure arithmetic on strings: no rich, so it is tested as plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

GAP = 3
"""Between two columns: padding, the box's separator, padding."""

STACK_BELOW = 60
"""Narrower than this, a stacked layout reads better than any table."""


@dataclass(frozen=True)
class Column:
    header: str
    priority: int = 5
    """Lower grows first, towards its natural width."""
    max_width: int | None = None
    justify: str = "left"
    label: str = ""
    """How the stacked layout names this value ("age 31"); empty for none."""
    comfortable: int | None = None
    """The width worth reaching before any column grows further (a day-precise date is 16
    wide); by default, about half the column's longest text."""


def longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def fit(columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """Column widths that fit ``width`` without breaking a word, or None if none do.

    ``cells`` holds, for each column, every text it must show.
    """
    if width < STACK_BELOW:
        return None
    available = width - GAP * (len(columns) - 1)
    minimum = [
        max([longest_word(c.header), *(longest_word(t) for t in texts)])
        for c, texts in zip(columns, cells, strict=True)
    ]
    natural = []
    for column, texts, low in zip(columns, cells, minimum, strict=True):
        wide = max([cell_len(column.header), *(longest_line(t) for t in texts)])
        if column.max_width is not None:
            wide = min(wide, column.max_width)
        natural.append(max(wide, low))
    if sum(minimum) > available:
        return None
    widths = list(minimum)
    spare = available - sum(minimum)
    order = sorted(range(len(columns)), key=lambda i: columns[i].priority)
    # Two rounds: first every column up to a comfortable width (about two lines of
    # its longest text), then the rest, in priority order each time, so that the
    # title comes first but a date is not split and a short column does not fold
    # over four lines.
    comfortable = [min(c.comfortable or (n + 1) // 2, n) for c, n in zip(columns, natural, strict=True)]
    for target in (comfortable, natural):
        for i in order:
            grow = max(0, min(target[i] - widths[i], spare))
            widths[i] += grow
            spare -= grow
    return widths
