"""The one skeleton every listing command shares: an :class:`Answer` and :func:`respond`.

A command turns its options into domain values and builds an Answer (the
records, and how to draw them as a table); :func:`respond` picks the format
from the flags and the stream, and writes. The commands that answer in words
share :func:`choose_format` and the clock, :func:`today`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import typer

from ..environment import Environment
from ..errors import UsageProblem
from ..formats import chunks
from ..model import Dataset
from ..options import ListingFormat, state
from ..records import Listing
from ..values import value


@value
class Answer:
    """What a command found: the records, and how to draw them at a terminal."""

    listing: Listing
    draw: Callable[[Environment], None]
    empty: str | Callable[[], str] = "Nothing matches."
    """What a person at a terminal is told when nothing matches; a function when saying it costs work."""

    def empty_note(self) -> str:
        return self.empty() if callable(self.empty) else self.empty


def choose_format(fmt: str | None, as_json: bool, default: str) -> str:
    if as_json and fmt not in (None, "json"):
        raise UsageProblem(f"--json conflicts with --format {fmt}")
    return "json" if as_json else (fmt or default)


def respond(ctx: typer.Context, fmt: ListingFormat | None, as_json: bool, make: Callable[[Dataset], Answer]) -> None:
    """Build the answer and write it: a table at a terminal (paged when long), TSV in a pipe, or as asked."""
    st = state(ctx)
    chosen = choose_format(fmt, as_json, "table" if st.env.stdout_isatty else "tsv")
    answer = make(st.dataset)
    env = st.env
    if chosen == "table":
        if not answer.listing.records:
            env.note(answer.empty_note())
            return
        with env.pipe_guard(), env.paged():
            answer.draw(env)
        return
    if env.stdout_isatty and answer.listing.is_empty():  # a note is for a terminal: a pipe runs the query once
        env.note(answer.empty_note())
    env.write_all(chunks(chosen)(answer.listing))


def today() -> date:
    """Today's date; one place, so that a test can pin it.

    The commands call it as ``common.today()``, so that one monkeypatch pins it for all of them.
    """
    return date.today()
