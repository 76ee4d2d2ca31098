"""Ages in plain words, and the reasoning behind them.

A reader asking "how old was he in 1933?" deserves a sentence that holds for
every day of 1933, not a number that is right for only part of it. The
functions here build that sentence, and the explanation of where each bound
comes from, as plain strings. The terminal and a pipe show the same words.
"""

from __future__ import annotations

import re
from datetime import date

from .dates import AgeAnswer, AgeSegment, LifeStatus, Span, format_day
from .model import Basis, Bound, Dataset, DatedFact, Event, Person
from .queries import When


def basis_words(basis: Basis) -> str:
    """How a reader is told where a bound comes from."""
    return {"date": "from the date itself", "article": "inferred from the article", "outside": "outside knowledge"}[
        basis
    ]


FOLLOWS_WORDS = {"death": "after the death, perhaps the same day", "birth": "at or after the birth"}
"""How a reader is told that a bound's day is the death's (or the birth's) and the event comes after it."""


PRECEDES_WORDS = {"death": "before the death: the subject's own act"}
"""How a reader is told that a latest bound's day is the death's and the event comes before it."""


def _follows(bound: Bound) -> str:
    if bound.precedes:
        return f" ({PRECEDES_WORDS[bound.precedes]})"
    return f" ({FOLLOWS_WORDS[bound.follows]})" if bound.follows else ""


def date_account(event: Event) -> list[str]:
    """The date as the article gives it, what kind of thing it dates, and every
    bound with where it comes from, so that no export shows a day taken from
    outside knowledge as if the article gave it."""
    span = event.span
    if span.earliest is not None and span.earliest == span.latest and not event.bounds:
        lines = [f"Date: {event.when}."]
    else:
        what = "a period that lasted" if event.kind == "period" else "a moment that happened once"
        lo = format_day(span.earliest) if span.earliest else "an open start"
        hi = format_day(span.latest) if span.latest else "an open end"
        lines = [f"Date: {event.when} (EDTF {event.date.text}): {what}, within {lo} to {hi}."]
    for bound in event.bounds:
        side = "First" if bound.side == "earliest" else "Last"
        day = format_day(bound.day) + _follows(bound)
        lines.append(f"{side} possible day {day}, {basis_words(bound.basis)}: {bound.note}")
    return lines


def _day(day: date, with_year: bool) -> str:
    text = format_day(day)
    return text if with_year else text.rsplit(" ", 1)[0]


_LEADING_WORDS = ("between ", "from ", "until ", "by ", "around ")
_NEEDS_THE = re.compile(r"^(?:\d{3}0s|(?:first|second|third|fourth) (?:half|quarter) of )")
"""Labels English reads with "the": "in the 1930s", "in the first half of 1933"."""

LISTED_AGES = 4
"""Up to this many ages, a sentence names when each one held; more read as a run-on list, so the
sentence gives the range ("In the 1930s Lev Sedov was 23–31") and --explain the birthdays."""


def _prefix(when: When) -> str:
    """'At' a moment, 'During' a period; a typed range keeps its own leading word."""
    if when.event is not None:
        word = "During" if when.event.kind == "period" else "At"
        return f"{word} “{when.event.title}” ({when.event.when})"
    if when.label.startswith(_LEADING_WORDS):
        return when.label[0].upper() + when.label[1:]
    if when.date is not None and when.date.precision == "day":
        return f"On {when.label}"
    return f"In the {when.label}" if _NEEDS_THE.match(when.label) else f"In {when.label}"


def _alternatives(segments: tuple[AgeSegment, ...], with_year: bool) -> str:
    """A moment happened on one unknown day: each age is a possibility, not a stretch lived."""
    parts = []
    for seg in segments[:-1]:
        assert seg.span.latest is not None
        parts.append(f"{seg.age} if by {_day(seg.span.latest, with_year)}")
    parts.append(f"{segments[-1].age} if later")
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def _is_moment(when: When) -> bool:
    if when.event is not None:
        return when.event.kind == "moment"
    return when.date is not None and when.date.one_of


def _segments(segments: tuple[AgeSegment, ...], with_year: bool) -> str:
    parts = []
    for i, seg in enumerate(segments):
        assert seg.span.earliest is not None and seg.span.latest is not None
        if i == 0:
            parts.append(f"{seg.age} until {_day(seg.span.latest, with_year)}")
        else:
            parts.append(f"{seg.age} from {_day(seg.span.earliest, with_year)}")
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def _fact_text(fact: DatedFact | None) -> str:
    return fact.date.display if fact else "unknown"


def death_age(person: Person) -> str | None:
    life = person.life
    if life is None or life.death is None:
        return None
    age = life.age_over(life.death).age
    return str(age) if age else None


def who(ds: Dataset, person: Person) -> str:
    """The person as a sentence names them: 'Lev Sedov', or 'Lev Sedov's son Lev' for anyone else,
    so that two people called Lev are never confused."""
    if person.id == ds.subject:
        return person.name
    relation = person.relation
    if len(relation.split()) <= 2 and not relation.startswith(("the ", "a ", "an ")):
        return f"{ds.person.name}'s {relation} {person.name}"
    return f"{person.name} ({relation})"


def before_birth(ds: Dataset, person: Person, when: When) -> str:
    return f"{_prefix(when)} {who(ds, person)} was not yet born (born {_fact_text(person.birth)})."


def age_sentence(ds: Dataset, person: Person, when: When, answer: AgeAnswer) -> str:
    """One sentence that is true for every day of the asked span."""
    prefix = _prefix(when)
    name = who(ds, person)
    if answer.status is LifeStatus.BEFORE_BIRTH:
        return before_birth(ds, person, when)
    if answer.status is LifeStatus.AFTER_DEATH:
        return f"{prefix} {name} was no longer alive (died {_fact_text(person.death)}, aged {death_age(person)})."
    assert answer.age is not None and answer.lived is not None
    lived = answer.lived
    assert lived.earliest is not None
    if 1 < len(answer.segments) <= LISTED_AGES and lived.latest is not None and not when.approximate:
        with_year = lived.earliest.year != lived.latest.year
        if _is_moment(when):
            text = f"{prefix} {name} was {answer.age}: {_alternatives(answer.segments, with_year)}"
        else:
            text = f"{prefix} {name} was {_segments(answer.segments, with_year)}"
    else:
        text = f"{prefix} {name} was {answer.age}"
    notes = []
    life = person.life
    assert life is not None
    if life.death is None:  # nothing says they lived that long: the age is what it would have been
        text = text.replace(f"{name} was ", f"{name} would have been ", 1)
        notes.append("if still alive: the dataset gives no death")
    if not life.exact:
        notes.append(f"the birth is known only as {_fact_text(person.birth)}")
    if answer.status is LifeStatus.MAYBE_BEFORE_BIRTH:
        notes.append(f"if it came after the birth, {_fact_text(person.birth)}")
    elif answer.clipped and when.span.earliest is not None and lived.earliest > when.span.earliest:
        notes.append(f"born {_fact_text(person.birth)}")
    if answer.status is LifeStatus.MAYBE_AFTER_DEATH:
        notes.append(f"if it came before the death, {_fact_text(person.death)}")
    elif lived.latest is None:
        notes.append("the span has no end, so nothing bounds the age")
    elif answer.clipped and (when.span.latest is None or lived.latest < when.span.latest):
        notes.append(f"died {_fact_text(person.death)}")
    return text + (f" ({'; '.join(notes)})." if notes else ".")


def _span_text(span: Span) -> str:
    lo = format_day(span.earliest) if span.earliest else "open"
    hi = format_day(span.latest) if span.latest else "open"
    return lo if lo == hi else f"{lo} to {hi}"


def _fact_line(label: str, fact: DatedFact | None) -> list[str]:
    if fact is None:
        return [f"{label}: not given in the dataset"]
    lines = [f"{label}: {fact.date.display} [{fact.certainty}] = {_span_text(fact.date.span)}"]
    if fact.note:
        lines.append(f"  note: {fact.note}")
    if fact.source:
        lines.append(f"  source ({fact.source.section}): “{fact.source.quote}”")
    return lines


def explain(person: Person, when: When, answer: AgeAnswer) -> list[str]:
    """The reasoning: what was asked, the bounds used and where each comes from."""
    lines: list[str] = []
    if when.event is not None:
        event = when.event
        lines.append(f"Asked: event {event.id!r}, “{event.title}”, dated {event.date.text} [{event.certainty}]")
        lines.append(f"  as EDTF: {_span_text(event.date.span)}")
        lines.append(f"  a {event.kind}: " + ("it lasted" if event.kind == "period" else "it happened once"))
        for bound in event.bounds:
            day = format_day(bound.day) + _follows(bound)
            lines.append(f"  {bound.side} bound {day} [{basis_words(bound.basis)}]: {bound.note}")
        if event.note:
            lines.append(f"  note: {event.note}")
        lines.append(f"  source ({event.source.section}): “{event.source.quote}”")
        lines.append(f"  so the event lies within {_span_text(event.span)}")
    else:
        precision = when.date.precision if when.date else "?"
        if when.approximate and when.date is not None:  # the label already says how it was widened
            lines.append(f"Asked: {when.text!r}, EDTF {when.date.text} (approximate, {precision} precision)")
            lines.append(f"  read one {precision} either side: {_span_text(when.span)}")
        else:
            lines.append(
                f"Asked: {when.text!r}, read as {when.label} ({precision} precision) = {_span_text(when.span)}"
            )
    lines += _fact_line("Born", person.birth)
    lines += _fact_line("Died", person.death)
    if answer.lived is not None:
        counted = _span_text(answer.lived)
        lines.append(f"Counted: {counted}" + (" (only the part of the span within the life)" if answer.clipped else ""))
    for seg in answer.segments[1:]:
        assert seg.span.earliest is not None
        lines.append(f"Birthday: {format_day(seg.span.earliest)}, turns {seg.age}")
    if answer.age is not None:
        lines.append(f"Age: {answer.age}")
    else:
        lines.append(f"Age: none ({answer.status.value.replace('-', ' ')})")
    return lines
