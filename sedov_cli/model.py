"""The dataset as frozen values.

Everything a command shows is derived from these objects. They are immutable
so that a query can never change what the next query sees, and they are built
only by :mod:`sedov_cli.dataset`, after validation, so code that holds one can
trust its references.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .dates import AgeAnswer, EdtfDate, Kind, Life, Span

Certainty = Literal["stated", "inferred", "attributed", "disputed"]
CERTAINTIES: tuple[Certainty, ...] = ("stated", "inferred", "attributed", "disputed")
Basis = Literal["date", "article", "outside"]
"""Where an event's first or last possible day comes from: its own date as the
article gives it, a bound inferred from the article, or a bound from outside
knowledge that pins one of the article's relative dates."""


@dataclass(frozen=True)
class Source:
    """Where in the article a claim comes from, with the article's own words."""

    section: str
    quote: str


@dataclass(frozen=True)
class Bound:
    """A narrowing of an event's dates, derived by reasoning and always inferred.

    ``basis`` says whether the reasoning rests on the article alone or on an
    outside fact that pins down one of the article's relative dates.
    """

    side: Literal["earliest", "latest"]
    day: dt.date
    basis: Literal["article", "outside"]
    note: str
    certainty: Literal["inferred"] = "inferred"


def narrow(span: Span, bounds: tuple[Bound, ...]) -> Span:
    """``span`` tightened by every recorded bound."""
    for bound in bounds:
        span = span.narrowed(**{bound.side: bound.day})
    return span


def basis_of(span: Span, bounds: tuple[Bound, ...], side: Literal["earliest", "latest"]) -> Basis | None:
    """Where the span's ``side`` comes from; None when that end is open."""
    if getattr(span, side) is None:
        return None
    applied = [b for b in bounds if b.side == side]
    return applied[-1].basis if applied else "date"


@dataclass(frozen=True)
class DatedFact:
    """A birth or death in the people index, with where the article gives it."""

    date: EdtfDate
    certainty: Certainty
    note: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    relation: str
    birth: DatedFact | None = None
    death: DatedFact | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def life(self) -> Life | None:
        """Birth and death as spans, if the article gives a birth."""
        if self.birth is None:
            return None
        birth = self.birth.date.span
        if birth.earliest is None or birth.latest is None:
            return None
        return Life(birth, self.death.date.span if self.death else None)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    parent: str | None
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Period:
    """A stretch of the life, named after the article's sections."""

    id: str
    name: str
    section: str


@dataclass(frozen=True)
class Event:
    id: str
    date: EdtfDate
    title: str
    summary: str
    period: str
    places: tuple[str, ...]
    people: tuple[str, ...]
    tags: tuple[str, ...]
    certainty: Certainty
    source: Source
    bounds: tuple[Bound, ...] = ()
    wording: str | None = None
    note: str | None = None
    claimed_by: str | None = None
    disputes: tuple[str, ...] = ()

    @cached_property
    def span(self) -> Span:
        """The EDTF date narrowed by every recorded bound."""
        return narrow(self.date.span, self.bounds)

    @property
    def kind(self) -> Kind:
        """'period' for a state that lasts (an EDTF interval); 'moment' otherwise."""
        return self.date.kind

    @cached_property
    def certain(self) -> Span | None:
        """For a period, the days it certainly covers (from its latest start to its
        earliest end); None for a moment, or when no day is certain."""
        if self.kind != "period" or self.date.start is None or self.date.end is None:
            return None
        lo, hi = self.date.start.latest, self.date.end.earliest
        span = self.span
        if span.latest is not None:
            lo = min(lo, span.latest)
        if span.earliest is not None:
            hi = max(hi, span.earliest)
        return Span(lo, hi) if lo <= hi else None

    @property
    def start_basis(self) -> Basis | None:
        return basis_of(self.span, self.bounds, "earliest")

    @property
    def end_basis(self) -> Basis | None:
        return basis_of(self.span, self.bounds, "latest")

    @property
    def when(self) -> str:
        """The date as a reader should see it: the article's wording where kept."""
        return self.wording or self.date.display

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return self.span.sort_key()


@dataclass(frozen=True)
class Moment:
    """When an era starts or ends: itself an uncertain date."""

    date: EdtfDate
    bounds: tuple[Bound, ...] = ()

    @cached_property
    def span(self) -> Span:
        return narrow(self.date.span, self.bounds)


@dataclass(frozen=True)
class Era:
    """A period of residence or activity: a bar from one uncertain moment to another."""

    id: str
    name: str
    kind: Literal["residence", "activity"]
    places: tuple[str, ...]
    start: Moment
    end: Moment
    certainty: Certainty
    source: Source
    note: str | None = None
    claimed_by: str | None = None

    @property
    def span(self) -> Span:
        """Every day the era may cover."""
        return Span(self.start.span.earliest, self.end.span.latest)

    @property
    def certain(self) -> Span | None:
        """The days the era certainly covers, if any."""
        lo, hi = self.start.span.latest, self.end.span.earliest
        if lo is None or hi is None or lo > hi:
            return None
        return Span(lo, hi)


@dataclass(frozen=True)
class NotDatable:
    """A sentence of the article that no event, era or person fact cites, and why.

    Listing these makes "every sentence is accounted for" checkable: a
    sentence is either cited or named here with a reason.
    """

    section: str
    quote: str
    reason: str


@dataclass(frozen=True)
class SourceInfo:
    """The article the dataset is drawn from, and its licence."""

    title: str
    publisher: str
    url: str
    license: str
    file: str


@dataclass(frozen=True)
class Dataset:
    """A validated dataset: one subject, their events, and the indexes they cite."""

    title: str
    subject: str
    source: SourceInfo
    periods: Mapping[str, Period]
    people: Mapping[str, Person]
    places: Mapping[str, Place]
    events: tuple[Event, ...]
    eras: tuple[Era, ...] = ()
    not_datable: tuple[NotDatable, ...] = ()
    origin: str = field(default="<memory>")

    @cached_property
    def by_id(self) -> Mapping[str, Event]:
        return {e.id: e for e in self.events}

    @property
    def person(self) -> Person:
        return self.people[self.subject]

    @cached_property
    def subject_life(self) -> Life:
        life = self.person.life
        if life is None:  # the loader refuses such a dataset
            raise ValueError(f"the subject {self.subject!r} has no birth date")
        return life

    def age_at(self, event: Event) -> AgeAnswer:
        """The subject's age at a moment, or during a period (without the birthday stretches)."""
        return self.subject_life.age_over(event.span, event.certain, segments=False)

    def chronological(self) -> tuple[Event, ...]:
        """Events by earliest day, then latest day; ties keep the dataset's order."""
        return tuple(sorted(self.events, key=Event.sort_key))

    def ancestors(self, place_id: str) -> Iterator[Place]:
        """The place's parent, its parent, and so on (the loader rules out cycles)."""
        parent = self.places[place_id].parent
        while parent is not None:
            place = self.places[parent]
            yield place
            parent = place.parent

    @cached_property
    def _children(self) -> Mapping[str, tuple[str, ...]]:
        children: dict[str, list[str]] = {}
        for place in self.places.values():
            if place.parent is not None:
                children.setdefault(place.parent, []).append(place.id)
        return {parent: tuple(kids) for parent, kids in children.items()}

    def descendants(self, place_id: str) -> set[str]:
        """The place and every place inside it (each visited once, however deep)."""
        found = {place_id}
        todo = [place_id]
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found
