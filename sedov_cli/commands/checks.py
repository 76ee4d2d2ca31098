"""``sedov validate``: every problem of a dataset, one per line, like a linter."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ..dataset import DatasetError, Problem, load
from ..errors import ExitStatus
from ..formats import exporter
from ..model import Dataset
from ..options import JsonOpt, WordsFormatOpt, state
from ..records import problems_listing
from ..text import plural, visible
from .common import choose_format


def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="Dataset file (default: --data, $SEDOV_DATA or the packaged one).")
    ] = None,
    fmt: WordsFormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a dataset and list every problem, one per line; exit 1 if there are any.

    Without --format it prints one "file: record: field: message" line per
    problem, like a linter, at a terminal and in a pipe alike.

    \b
    Examples:
      sedov validate
      sedov validate --json
    """
    st = state(ctx)
    target = path if path is not None else st.data
    ds: Dataset | None = None
    try:
        ds = load(target)
        problems: tuple[Problem, ...] = ()
    except DatasetError as exc:
        problems = exc.problems
    shown = target or os.environ.get("SEDOV_DATA") or "the packaged dataset"
    chosen = choose_format(fmt, as_json, "text")
    if chosen not in ("text", "table"):
        st.env.write(exporter(chosen)(problems_listing(problems)))
    elif problems:
        st.env.write("".join(visible(str(p)) + "\n" for p in problems))
    else:
        assert ds is not None
        people = "1 person" if len(ds.people) == 1 else f"{len(ds.people)} people"
        st.env.write(f"ok: {visible(shown)}: {plural(len(ds.events), 'event')}, {people}, "
                     f"{plural(len(ds.places), 'place')}\n")  # fmt: skip
    if problems:
        raise typer.Exit(ExitStatus.ERROR)
