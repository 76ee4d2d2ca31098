"""What the explorer says about one event, as plain runs of text with style names.

The same honesty as ``sedov show`` and ``age-at --explain``: the date as the
article words it, each possible first and last day with where it comes from,
the age with its reasoning, who makes a claim, and a disputed claim beside the
claim it disputes. The quote is given verbatim with the date expression
marked, or a note when the quote holds no date of its own (the date then comes
from its context, which the note or a bound explains).

Like :mod:`sedov_cli.chart`, this builds data, not widgets: a style *name*
per run, so the text can be tested without a terminal. The widgets make every
run visible (:func:`sedov_cli.text.visible`) before showing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..chart import Glyphs, layout
from ..dates import LifeStatus, format_day
from ..model import Dataset, Event
from ..queries import Hit, age_of, resolve_when
from ..records import age_json, age_words
from ..sentences import age_sentence, basis_words, explain

Run = tuple[str, str]  # (text, style name)
BREAK: Run = ("\n", "break")
"""The one run that is a line break. Any other run is data, and a newline inside data is shown escaped."""


@dataclass(frozen=True)
class Field:
    """One labelled part of the detail; lines are split by :data:`BREAK` runs."""

    label: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Target:
    """A person or place an event names, to follow."""

    kind: Literal["person", "place"]
    id: str
    name: str


KINDS = {"moment": "a moment (it happened once)", "period": "a period (it lasted)"}
STATUS_WORDS = {
    LifeStatus.LIVED: "within the life",
    LifeStatus.MAYBE_AFTER_DEATH: "may fall after the death",
    LifeStatus.AFTER_DEATH: "after the death: no age",
    LifeStatus.MAYBE_BEFORE_BIRTH: "may fall before the birth",
    LifeStatus.BEFORE_BIRTH: "before the birth: no age",
}


def _plain(text: str, style: str = "") -> tuple[Run, ...]:
    return ((text, style),)


def _end(ds: Dataset, event: Event, side: Literal["earliest", "latest"]) -> tuple[Run, ...]:
    day = getattr(event.span, side)
    if day is None:
        return _plain("open: nothing bounds it")
    basis = event.start_basis if side == "earliest" else event.end_basis
    assert basis is not None
    runs: list[Run] = [(format_day(day), "bold"), (f"  {basis_words(basis)}", f"basis.{basis}")]
    notes = [b.note for b in event.bounds if b.side == side]
    if notes:
        runs.append((f": {notes[-1]}", ""))
    return tuple(runs)


def date_marks(event: Event) -> list[tuple[int, int]]:
    """Where the quote words the event's date: the whole wording if it is there, else each year
    of the date that the quote names. Empty when the quote holds no date of its own."""
    quote = event.source.quote
    folded = quote.casefold()
    at = folded.find(event.when.casefold())
    if event.when and at >= 0:
        return [(at, at + len(event.when))]
    years = set(re.findall(r"\d{4}", f"{event.when} {event.date.text}"))
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\d)\d{4}(?!\d)", quote) if m.group() in years]


def quote_runs(event: Event) -> tuple[Run, ...]:
    quote = event.source.quote
    runs: list[Run] = [("“", "quote")]
    last = 0
    for lo, hi in date_marks(event):
        runs += [(quote[last:lo], "quote"), (quote[lo:hi], "mark")]
        last = hi
    runs += [(quote[last:], "quote"), ("”", "quote")]
    if not date_marks(event):
        runs += [BREAK, ("(the quote gives no date of its own; the date comes from its context)", "dim")]
    return tuple(r for r in runs if r[0])


def age_runs(ds: Dataset, event: Event, age_text: str, *, reasoning: bool = True) -> tuple[Run, ...]:
    """The age as the table gives it, the sentence ``age-at`` would answer, and (with ``reasoning``)
    the ``--explain`` reasoning."""
    when = resolve_when(ds, event.id)
    answer = age_of(ds, ds.person, when)
    sentence = age_sentence(ds, ds.person, when, answer)
    runs: list[Run] = [(age_text or "none", "bold"), BREAK, (sentence, "")]
    for line in explain(ds.person, when, answer) if reasoning else ():
        runs += [BREAK, (line, "dim")]
    return tuple(runs)


def _certainty(event: Event) -> tuple[Run, ...]:
    runs: list[Run] = [(event.certainty, f"certainty.{event.certainty}")]
    if event.claimed_by:
        runs.append((f": claimed by {event.claimed_by}", ""))
    return tuple(runs)


def _disputed(ds: Dataset, event: Event) -> list[Field]:
    fields = []
    for ident in event.disputes:
        other = ds.event(ident)
        if other is None:
            continue
        runs: list[Run] = [(other.title, "bold"), (f"  ({other.when}; ", ""), *_certainty(other), (")", "")]
        runs += [BREAK, *quote_runs(other)]
        fields.append(Field("disputes", tuple(runs)))
    return fields


def detail(ds: Dataset, hit: Hit, *, reasoning: bool = True) -> list[Field]:
    """Every part of the event under the cursor, in the order a reader checks them.

    Without ``reasoning`` the age's ``--explain`` lines are left out: the detail beside the list
    is redrawn at every move, and the opened event (``enter``) has them.
    """
    event = hit.event
    age = age_words(age_json(hit.age), hit.age.status, event.kind)
    names = ", ".join
    fields = [
        Field("event", ((event.title, "title"), BREAK, (event.id, "dim"))),
        Field(
            "when", ((event.when, "bold"), (f"  {KINDS[event.kind]}", ""), BREAK, (f"EDTF {event.date.text}", "dim"))
        ),
        Field("earliest", _end(ds, event, "earliest")),
        Field("latest", _end(ds, event, "latest")),
        Field("age", age_runs(ds, event, age, reasoning=reasoning)),
        Field("status", _plain(STATUS_WORDS[hit.age.status])),
        Field("certainty", _certainty(event)),
        *_disputed(ds, event),
        Field("summary", _plain(event.summary)),
    ]
    if event.note:
        fields.append(Field("note", _plain(event.note)))
    fields += [
        Field("places", _plain(names(ds.places[p].name for p in event.places) or "none named")),
        Field("people", _plain(names(ds.people[p].name for p in event.people) or "none named")),
        Field("tags", _plain(names(event.tags) or "none")),
        Field("period", _plain(ds.periods[event.period].name)),
        Field("section", _plain(event.source.section)),
        Field("quote", quote_runs(event)),
    ]
    if hit.possible:
        fields.insert(2, Field("match", _plain("possible: it may fall outside the asked range", "italic")))
    return fields


def targets(ds: Dataset, event: Event) -> list[Target]:
    """The people and places an event names, to narrow the list to one (the subject is in every event)."""
    people = [Target("person", p, ds.people[p].name) for p in event.people if p != ds.subject]
    return people + [Target("place", p, ds.places[p].name) for p in event.places]


def life_years(ds: Dataset) -> tuple[int, int]:
    """The first and last years of the life bar: the birth to the death (or to a hundred years on).

    A draft whose text gives no birth spans its events' years instead, and that reads every
    event, so the explorer asks once, not at every move of the cursor.
    """
    life = ds.subject_life
    if life is not None and life.birth.earliest is not None:
        first = life.birth.earliest.year
        last = life.death.latest.year if life.death is not None and life.death.latest is not None else first + 100
        return first, last
    years = [d.year for e in ds.events for d in (e.span.earliest, e.span.latest) if d] or [2000]
    return min(years), max(years)


def life_bar(ds: Dataset, event: Event | None, width: int, glyphs: Glyphs,
             years: tuple[int, int] | None = None) -> list[tuple[Run, ...]]:  # fmt: skip
    """The life as ``sedov chart`` draws it (years, eras, the event's possible days, ages), with a
    cursor under the event; without the chart's title, rules, letters, legend and key, to fit a screen.

    Always ``len(ds.eras) + 4`` rows, whatever the event, so the screen's layout does not jump
    as the cursor moves. An event outside the life's years gets no mark but a line saying
    where it lies: a cursor at the edge would put it inside the life. ``years``: the caller's
    :func:`life_years`, kept from one move to the next.
    """
    first, last = years or life_years(ds)
    outside = None
    if event is not None:
        span = event.span
        if span.latest is not None and span.latest.year < first:
            outside = f"this event lies before {first}, left of the bar"
        elif span.earliest is not None and span.earliest.year > last:
            outside = f"this event lies after {last}, right of the bar"
    shown = event if event is not None and outside is None else None
    rows = layout(ds, [shown] if shown else [], ds.eras, width=max(width, 20), first_year=first, last_year=last,
                  glyphs=glyphs, cursor=shown)  # fmt: skip
    # The chart's rows: title, years, rule, the eras, the lanes (a moment lane has a row of key
    # letters under it) and the cursor, then a rule, the ages, and the legend and key (of any
    # length). The rows are found by what they are, not by counting from the end.
    below = 3 + len(ds.eras)
    rule = rows.index(rows[2], below)  # the rule above the ages
    eras = rows[3:below]
    # the event's one lane and its cursor, or nothing: the letter row is left out with the key it points into
    lanes = [row for row in rows[below:rule] if any(style not in ("", "label", "key") for _, style in row)]
    if outside is not None:
        lanes = [(("", ""), (outside, "dim"))]
    lanes = (lanes + [(("", ""),)] * 2)[:2]
    kept = [rows[1], *eras, *lanes, rows[rule + 1]]
    return [tuple(run for run in row if run[0]) for row in kept]
