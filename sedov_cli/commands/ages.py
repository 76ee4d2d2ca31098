"""``sedov age-at``: how old he, or someone in the dataset, was at a time; in words by default."""

from __future__ import annotations

from typing import Annotated

import typer

from ..dates import LifeStatus
from ..errors import OutsideLife, UsageProblem
from ..formats import exporter
from ..options import JsonOpt, WordsFormatOpt, complete_event, complete_person, state
from ..queries import age_of, resolve_person, resolve_when
from ..records import age_listing, age_record
from ..text import visible
from . import common
from .common import choose_format

AGE_AT_WHEN = (
    "A year, month or day ('Feb 16 1938'), 'between 1929 and 1931', 'c. 1933', '1930s', 'today', or an event id "
    "or its start. Several words are read as one date: age-at 30 January 1933."
)


def age_at(
    ctx: typer.Context,
    words: Annotated[
        list[str], typer.Argument(metavar="WHEN", help=AGE_AT_WHEN, autocompletion=complete_event, show_default=False)
    ],
    person: Annotated[
        str | None,
        typer.Option(
            "--person", metavar="NAME", help="Whose age (default: the subject).", autocompletion=complete_person
        ),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show the bounds used and their sources.")] = False,
    fmt: WordsFormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """How old he was at a time: exact for an exact date, a range otherwise.

    Answers in words by default, at a terminal and in a pipe alike.

    \b
    Examples:
      sedov age-at 1933
      sedov age-at "30 January 1933"
      sedov age-at "c. 1933"
      sedov age-at marriage --explain
      sedov age-at 1933 --person lev-son --json
    """
    from ..sentences import age_sentence, before_birth
    from ..sentences import explain as explanation

    if fmt == "table":  # an answer in words has no table: say so rather than ignore the flag
        raise UsageProblem("age-at answers in words; --format table does nothing here (try json, csv or tsv)")
    when = " ".join(words)  # `sedov age-at 30 January 1933` means the date, as if it were quoted
    st = state(ctx)
    ds = st.dataset
    who = resolve_person(ds, person) if person else ds.person
    asked = resolve_when(ds, when, today=common.today())
    answer = age_of(ds, who, asked)
    if answer.status is LifeStatus.BEFORE_BIRTH:
        raise OutsideLife(before_birth(ds, who, asked))
    chosen = choose_format(fmt, as_json, "text")
    if chosen == "text":
        text = st.env.prose(visible(age_sentence(ds, who, asked, answer))) + "\n"
        if explain:  # a list of facts with their sources: continued lines hang under their fact
            text += "\n" + st.env.prose("".join(visible(line) + "\n" for line in explanation(who, asked, answer)), 2)
        st.env.write(text)
        return
    record = age_record(who, asked, answer)
    if explain:
        record["explanation"] = explanation(who, asked, answer)
    st.env.write(exporter(chosen)(age_listing(record)))
