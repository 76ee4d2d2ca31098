"""Named events ("temponyms"): a claim dated against an event the text names but does not date.

Biographies date lives against history: "after the October Revolution",
"during the Second World War", "just before Adolf Hitler came to power in
1933". The article rarely dates those events itself, and a reader knows
them. sedov's rule is that outside knowledge may pin such a relative date,
but only as a bound with ``basis: "outside"`` and a note, never inside the
date. So a match here gives two things:

* the date, from the article alone: the year the text gives for the event
  ("came to power in 1933": the claim is no later than 1933), or else the
  subject's birth, the one date the text gives that a claim about their life
  must follow;
* the bounds, from ``temponyms.tsv``: each event's conventional first and
  last day, and the words that say why.

The table is data, apart from this small engine (as HeidelTime keeps its
temponyms). It lists only events whose dates historians do not dispute; a
name that means several events ("the Civil War") is not in it, so it stays
unresolved and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

from ..dates import EdtfDate

__all__ = ["NamedTime", "Pinned", "Temponym", "find_named_times", "pin"]

Relation = Literal["before", "after", "during"]


@dataclass(frozen=True)
class Temponym:
    """One row of temponyms.tsv: a named event and its conventional days."""

    pattern: str
    first: date
    last: date
    name: str
    convention: str


@dataclass(frozen=True)
class NamedTime:
    """A claim's date words that name an event of the table (offsets in the sentence)."""

    start: int
    end: int
    text: str  # "just before Adolf Hitler came to power in 1933"
    relation: Relation
    event: Temponym
    year: int | None  # the year the text gives the event, if it does ("in 1933")
    year_at: tuple[int, int] | None  # where that year stands in the sentence


@dataclass(frozen=True)
class Pinned:
    """The date the article gives, the outside bounds the table adds, and the note that says so."""

    edtf: str
    bounds: tuple[dict[str, Any], ...]
    note: str


_RELATIONS: dict[str, Relation] = {
    "after": "after", "following": "after", "since": "after", "in the wake of": "after",
    "before": "before", "prior to": "before", "until": "before", "till": "before",
    "during": "during", "throughout": "during", "in the course of": "during", "in": "during",
    "at the time of": "during",
}  # fmt: skip
_NEAR = r"(?:(?:just|shortly|soon|immediately|not\s+long|long|years|months|weeks|days)\s+)?"


@cache
def table() -> tuple[Temponym, ...]:
    """The rows of temponyms.tsv, read once (and only by extract)."""
    raw = resources.files(__package__ or "sedov_cli.extraction").joinpath("temponyms.tsv").read_text("utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, first, last, name, convention = line.split("\t")
        rows.append(Temponym(pattern, date.fromisoformat(first), date.fromisoformat(last), name, convention))
    return tuple(rows)


@cache
def _matcher() -> re.Pattern[str]:
    relations = "|".join(r.replace(" ", r"\s+") for r in sorted(_RELATIONS, key=len, reverse=True))
    names = "|".join(f"(?P<t{i}>{row.pattern})" for i, row in enumerate(table()))
    return re.compile(
        rf"\b(?P<relation>(?i:{_NEAR}(?:{relations})))\s+(?:the\s+)?(?:{names})"
        r"(?:,?\s+(?:in|of)\s+(?P<year>\d{4})\b)?"
    )


def find_named_times(sentence: str) -> list[NamedTime]:
    """Every "after/before/during <named event>" in a sentence, with the year the text gives it, if any."""
    found = []
    rows = table()
    for m in _matcher().finditer(sentence):
        index = next(int(k[1:]) for k, v in m.groupdict().items() if k.startswith("t") and v is not None)
        words = " ".join(m["relation"].split()).casefold()
        relation = next(_RELATIONS[r] for r in sorted(_RELATIONS, key=len, reverse=True) if words.endswith(r))
        year = int(m["year"]) if m["year"] else None
        found.append(
            NamedTime(m.start(), m.end(), m.group(), relation, rows[index], year, m.span("year") if year else None)
        )
    return found


def _bound(side: str, day: date, found: NamedTime) -> dict[str, Any]:
    event = found.event
    return {
        "side": side,
        "date": day.isoformat(),
        "certainty": "inferred",
        "basis": "outside",
        "note": f"Outside knowledge pins '{found.text}': {event.name} is conventionally dated {event.convention}.",
    }


def _birth_bound(birth: EdtfDate) -> dict[str, Any]:
    assert birth.span.earliest is not None
    return {
        "side": "earliest",
        "date": birth.span.earliest.isoformat(),
        "certainty": "inferred",
        "basis": "article",
        "note": f"What the subject did follows their birth ({birth.display}), which the text gives.",
    }


def pin(found: NamedTime, birth: EdtfDate | None, about_subject: bool) -> Pinned | str:
    """The claim's date and outside bounds, or why the named event cannot date it.

    With a year in the text, the date is that year's side of the event ("just
    before X in 1933": no later than 1933) and the bounds narrow it within the
    year. Without one, the date is "on or after the subject's birth", which is
    all the article says, and the bounds carry the event's days; a claim not
    about the subject, or an event before the birth that would narrow nothing,
    is left unresolved.
    """
    event, text = found.event, found.text
    known = f"{event.name} is conventionally dated {event.convention}"
    if found.year is not None:
        year = found.year
        if not event.first.year <= year <= event.last.year:
            return f"the text puts {event.name} in {year}, but {known}; the text's year is kept"
        jan1, dec31 = date(year, 1, 1), date(year, 12, 31)
        if found.relation == "before":
            edtf, side = f"[..{year}]", "no later than"
            bounds = [_bound("latest", event.first, found)] if event.first <= dec31 else []
            born = birth.span.earliest if birth is not None and about_subject else None
            if bounds and birth is not None and born is not None and born <= event.first:
                bounds.insert(0, _birth_bound(birth))  # what the subject did follows their birth
        elif found.relation == "after":
            edtf, side = f"[{year}..]", "no earlier than"
            bounds = [_bound("earliest", event.last, found)] if event.last >= jan1 else []
        else:
            edtf, side = str(year), "in"
            bounds = [_bound("earliest", event.first, found)] if event.first > jan1 else []
            bounds += [_bound("latest", event.last, found)] if event.last < dec31 else []
        if not bounds:
            return f"{known}, which narrows nothing within {year}; the text's year is kept"
        note = (
            f"Resolved '{text}': the text dates {event.name} to {year}, so the claim is {side} {year}; "
            f"outside knowledge narrows it ({known})."
        )
        return Pinned(edtf, tuple(bounds), note)
    if birth is None or birth.span.earliest is None:
        return f"needs outside knowledge ({known}), and the text gives no birth to date the claim from"
    if not about_subject:
        return f"needs outside knowledge ({known}), and the sentence may not be about the subject"
    born = birth.span.earliest
    if found.relation == "before":
        if event.first <= born:
            return f"{known}, before the subject's birth ({birth.display})"
        bounds = [_bound("latest", event.first, found)]
    elif event.last <= born:
        return f"{known}, before the subject's birth ({birth.display}), so it dates nothing"
    elif found.relation == "after":
        bounds = [_bound("earliest", event.last, found)]
    else:
        bounds = [_bound("earliest", event.first, found)] if event.first > born else []
        bounds.append(_bound("latest", event.last, found))
    note = (
        f"Resolved '{text}' against {event.name}, which the text does not date: outside knowledge ({known}) "
        f"bounds it. The date itself says only that it follows the subject's birth ({birth.display}), "
        "which the text gives."
    )
    return Pinned(f"[{born.isoformat()}..]", tuple(bounds), note)
