"""Filters as the words a reader types at the shell, both ways.

The explorer's filter prompt takes the same options as ``sedov events``
(``--place Paris --from 1933``), and the hand-off key turns the current filter
back into that command line, so what a reader finds on screen can be piped.
Parsing and printing live together so that one is the other's inverse; the
names are resolved later, by :func:`sedov_cli.queries.select`, with the CLI's
own errors.
"""

from __future__ import annotations

import shlex
from typing import Any

from ..errors import UsageProblem
from ..model import CERTAINTIES
from ..queries import Filters

# option -> (Filters field, repeatable)
OPTIONS: dict[str, tuple[str, bool]] = {
    "--place": ("places", True),
    "-p": ("places", True),
    "--person": ("people", True),
    "--tag": ("tags", True),
    "-t": ("tags", True),
    "--period": ("periods", True),
    "--certainty": ("certainties", True),
    "--from": ("start", False),
    "--to": ("end", False),
    "--match": ("match", False),
    "--search": ("search", False),
    "-s": ("search", False),
}
# the order a command line is printed in, with each field's long option
_PRINTED = (
    ("places", "--place"), ("people", "--person"), ("tags", "--tag"), ("periods", "--period"),
    ("certainties", "--certainty"), ("start", "--from"), ("end", "--to"), ("search", "--search"),
)  # fmt: skip


def parse(text: str) -> Filters:
    """``--place Paris --from 1933`` as Filters; a bare word is a search, as a shell user would hope."""
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise UsageProblem(f"cannot read the filter: {exc}") from None
    if words[:2] == ["sedov", "events"]:  # a pasted command line works too
        words = words[2:]
    found: dict[str, list[str]] = {}
    loose: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        name, _, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in OPTIONS:
            if word.startswith("-") and len(word) > 1:
                known = ", ".join(sorted(o for o in OPTIONS if o.startswith("--")))
                raise UsageProblem(f"no such filter {word!r}; filters are {known}")
            loose.append(word)
            i += 1
            continue
        if not value:
            if i + 1 >= len(words):
                raise UsageProblem(f"{name} needs a value")
            value = words[i + 1]
            i += 1
        field, repeatable = OPTIONS[name]
        if not repeatable and field in found:
            raise UsageProblem(f"{name} is given twice")
        found.setdefault(field, []).append(value)
        i += 1
    if loose:
        if "search" in found:
            raise UsageProblem(f"unexpected {' '.join(loose)!r}: the search is already {found['search'][0]!r}")
        found["search"] = [" ".join(loose)]
    for value in found.get("certainties", []):
        if value.strip().lower() not in CERTAINTIES:
            raise UsageProblem(f"--certainty {value!r} is not one of {', '.join(CERTAINTIES)}")
    match = found.pop("match", ["possible"])[0].strip().lower()
    if match not in ("possible", "certain"):
        raise UsageProblem(f"--match {match!r} is not one of possible, certain")
    chosen: dict[str, Any] = {"match": "certain" if match == "certain" else "possible"}
    for field, values in found.items():
        if field in ("start", "end", "search"):
            chosen[field] = values[0]
        elif field == "certainties":
            chosen[field] = tuple(v.strip().lower() for v in values)
        else:
            chosen[field] = tuple(values)
    filters = Filters(**chosen)
    return filters


def words(filters: Filters) -> str:
    """The filter as options, quoted for a POSIX shell; '' for no filter."""
    out: list[str] = []
    for field, option in _PRINTED:
        value = getattr(filters, field)
        for item in value if isinstance(value, tuple) else ((value,) if value is not None else ()):
            out += [option, shlex.quote(item)]
    if filters.match == "certain" and (filters.start is not None or filters.end is not None):
        out += ["--match", "certain"]
    return " ".join(out)


def command_line(filters: Filters, data: str | None = None) -> str:
    """The ``sedov events …`` command that lists what the explorer shows."""
    head = ["sedov"] + (["--data", shlex.quote(data)] if data else []) + ["events"]
    rest = words(filters)
    return " ".join(head) + (f" {rest}" if rest else "")


def is_empty(filters: Filters) -> bool:
    return words(filters) == ""
