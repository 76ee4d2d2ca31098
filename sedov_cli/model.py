"""The dataset as frozen values.

Everything a command shows is derived from these objects. They are immutable
so that a query can never change what the next query sees, and they are built
only by :mod:`sedov_cli.dataset`, after validation, so code that holds one can
trust its references. They are :func:`~sedov_cli.values.value` classes, frozen
dataclasses that cost nothing at import (every command imports this module).
"""

from __future__ import annotations

import bisect
import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Literal

from .dates import AgeAnswer, EdtfDate, Kind, Life, LifeStatus, Span, filing_day
from .filing import place_followers
from .values import value

Certainty = Literal["stated", "inferred", "attributed", "disputed"]
CERTAINTIES: tuple[Certainty, ...] = ("stated", "inferred", "attributed", "disputed")
CountKey = Literal["places", "people", "tags", "within"]
Basis = Literal["date", "article", "outside"]
"""Where an event's first or last possible day comes from: its own date as the
article gives it, a bound inferred from the article, or a bound from outside
knowledge that pins one of the article's relative dates."""


@value
class Source:
    """Where in the article a claim comes from, with the article's own words."""

    section: str
    quote: str


Follows = Literal["death", "birth"]
"""What a bound's day belongs to when the event is known to come after it on that
very day. Only the subject's death, for now: "on or after the death, perhaps the
same day" (a report of the death, a grave)."""


Precedes = Literal["death"]
"""What a latest bound's day belongs to when the event is known to come before it: the subject's own
act ("after 1938 she fled to Sweden"), which a person does only while alive, bound by the last possible
day of the death. The event then has an age without "if alive"."""


@value
class Bound:
    """A narrowing of an event's dates, derived by reasoning and always inferred.

    ``basis`` says whether the reasoning rests on the article alone or on an
    outside fact that pins down one of the article's relative dates.

    ``follows`` is set on an earliest bound whose day is the first possible
    day of the subject's death, for an event that comes after the death: the
    day is allowed (the death may be reported the day it happens), but no
    moment of the life is. Such an event has no age. Without it, "after the
    death" would have to be faked as the day after, ruling out the same day.
    """

    side: Literal["earliest", "latest"]
    day: dt.date
    basis: Literal["article", "outside"]
    note: str
    certainty: Literal["inferred"] = "inferred"
    follows: Follows | None = None
    precedes: Precedes | None = None


def narrow(span: Span, bounds: tuple[Bound, ...]) -> Span:
    """``span`` tightened by every recorded bound."""
    for bound in bounds:
        span = span.narrowed(**{bound.side: bound.day})
    return span


def basis_of(
    span: Span, bounds: tuple[Bound, ...], side: Literal["earliest", "latest"], own: Span | None = None
) -> Basis | None:
    """Where the span's ``side`` comes from; None when that end is open.

    ``own`` is the span of the date alone. A bound that only places the event against the life (it follows
    the birth, or precedes the death) and leaves that end where the date puts it (the death "in 1368",
    bounded as the death itself on 31 December 1368) says where the event stands, not where its end comes
    from: the end is still the date's."""
    if getattr(span, side) is None:
        return None
    applied = [b for b in bounds if b.side == side]
    placing = applied and (applied[-1].follows == "birth" or applied[-1].precedes)
    if placing and own is not None and getattr(own, side) == getattr(span, side):
        return "date"
    return applied[-1].basis if applied else "date"


@value
class DatedFact:
    """A birth or death in the people index, with where the article gives it."""

    date: EdtfDate
    certainty: Certainty
    note: str | None = None
    source: Source | None = None


@value
class Person:
    """Someone the article names, with every name a reader may look them up by."""

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


@value
class Place:
    """A place the article names, inside its parent (a city in its country)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    parent: str | None
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@value
class Period:
    """A stretch of the life, named after the article's sections."""

    id: str
    name: str
    section: str


@value
class Event:
    """One dated, cited claim of the article: what happened, when (as uncertain as the article says), and where."""

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
    follows: str | None = None
    """The id of the event this one comes after in the story (a period that begins with a move): it is
    filed no earlier than that event (see sedov_cli.filing)."""

    @cached_property
    def span(self) -> Span:
        """The EDTF date narrowed by every recorded bound."""
        return narrow(self.date.span, self.bounds)

    @cached_property
    def drawn_span(self) -> Span:
        """The span a calendar or a timeline draws: a bound that only says the event comes at or after
        the birth is left out, so that "until 1976" is not drawn as a bar from the subject's birth."""
        if not any(b.follows == "birth" or b.precedes for b in self.bounds):
            return self.span
        return narrow(self.date.span, tuple(b for b in self.bounds if b.follows != "birth" and not b.precedes))

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

    @cached_property
    def follows_death(self) -> bool:
        """Whether a bound says the event comes after the subject's death (see :class:`Bound`)."""
        return any(b.follows == "death" for b in self.bounds)

    @cached_property
    def follows_birth(self) -> bool:
        """Whether a bound says the event comes at or after the subject's birth (see :class:`Bound`)."""
        return any(b.follows == "birth" for b in self.bounds)

    @cached_property
    def precedes_death(self) -> bool:
        """Whether a bound says the event comes before the subject's death (see :class:`Bound`)."""
        return any(b.precedes == "death" for b in self.bounds)

    @property
    def start_basis(self) -> Basis | None:
        return basis_of(self.span, self.bounds, "earliest", self.date.span)

    @property
    def end_basis(self) -> Basis | None:
        return basis_of(self.span, self.bounds, "latest", self.date.span)

    @property
    def when(self) -> str:
        """The date as a reader should see it: the article's wording where kept."""
        return self.wording or self.date.display

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Its filing day (see dates.filing_day), then its latest day; open ends sort outermost."""
        return (filing_day(self.date, self.span) or dt.date.min, self.span.latest or dt.date.max)


@value
class Moment:
    """When an era starts or ends: itself an uncertain date."""

    date: EdtfDate
    bounds: tuple[Bound, ...] = ()

    @cached_property
    def span(self) -> Span:
        return narrow(self.date.span, self.bounds)


@value
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


@value
class NotDatable:
    """A sentence of the article that no event, era or person fact cites, and why.

    Listing these makes "every sentence is accounted for" checkable: a
    sentence is either cited or named here with a reason.
    """

    section: str
    quote: str
    reason: str


@value
class SourceInfo:
    """The article the dataset is drawn from, and its licence."""

    title: str
    publisher: str
    url: str
    license: str
    file: str


@value
class Narrowing:
    """What a query will keep, for a store that can skip events cheaply.

    Each field is None (or empty) when that filter is not asked. A store may
    return more than matches, never fewer: :func:`sedov_cli.queries.select`
    still applies every filter exactly, so the in-memory and indexed answers
    cannot differ.
    """

    places: frozenset[str] | None = None
    people: frozenset[str] | None = None
    tags: frozenset[str] | None = None
    certainties: frozenset[str] | None = None
    periods: frozenset[str] | None = None
    span: Span | None = None
    needle: str | None = None  # folded text, as sedov_cli.text.fold makes it


Start = Event | dt.date
"""Where a keyset read starts in filing order (Event.sort_key, ties in the dataset's order): at an
event, or at a day (going forward, before every event filed on it; backwards, after every one)."""


def read_from(events: Iterable[Event], start: Start, *, reverse: bool = False,
              include: bool = True) -> Iterator[Event]:  # fmt: skip
    """``events`` (in filing order, or its reverse) from ``start`` on, for a store that cannot seek: the
    ones before it are read and passed over. ``include``: the event ``start`` itself is one of them."""
    if isinstance(start, Event):
        found = False
        for event in events:
            if found:
                yield event
            elif event.id == start.id:
                found = True
                if include:
                    yield event
        return
    for event in events:
        day = event.sort_key()[0]
        if (day <= start) if reverse else (day >= start):
            yield event


Stored = tuple[Span | None, str, str, str, str, str, str, str]
"""An event as an index stores it: its span (when asked), id, output record as its NDJSON line
(sedov_cli.records.line_encoder), and, for the filters, its places, people and tags (space-separated
ids), certainty and period."""


class EventStore(ABC, Sequence[Event]):
    """Events kept outside memory (the SQLite index), read a few at a time.

    A dataset's ``events`` is either a tuple or one of these; :class:`Dataset`
    asks the store where it can answer without reading every event.
    """

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same events in the same order, as a tuple would be."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    @abstractmethod
    def chronological(self, reverse: bool = False) -> Iterator[Event]: ...

    @abstractmethod
    def candidates(self, narrowing: Narrowing, reverse: bool = False) -> Iterator[Event]: ...

    @abstractmethod
    def get(self, event_id: str) -> Event | None: ...

    @abstractmethod
    def with_folded_id(self, folded: str, *, prefix: bool) -> list[Event]: ...

    @abstractmethod
    def starting_with(self, folded: str, limit: int) -> tuple[list[Event], bool]: ...

    @abstractmethod
    def ids(self) -> Iterator[str]: ...

    @abstractmethod
    def count_by(self, key: CountKey) -> dict[str, int]: ...

    @abstractmethod
    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]: ...

    def candidates_from(self, narrowing: Narrowing, start: Start, *, reverse: bool = False,
                        include: bool = True) -> Iterator[Event]:  # fmt: skip
        """:meth:`candidates` from ``start`` on (see :data:`Start`): the index seeks to it (keyset paging), so a
        page far down costs what the first page costs. This default reads from the first event."""
        return read_from(self.candidates(narrowing, reverse), start, reverse=reverse, include=include)

    def encoded(self, narrowing: Narrowing, reverse: bool = False, *, spans: bool = False) -> Iterator[Stored] | None:
        """The events that may pass ``narrowing`` as stored, record encoded (see :data:`Stored`), when the
        store keeps them so; None when it does not."""
        return None

    def places_within(self, folded: str) -> set[str] | None:
        """The places an exact name, alias or id (folded) names and every place inside them, when the
        store keeps them so; None when it does not, or when no place has that name."""
        return None

    def encoded_people(self) -> Iterator[str] | None:
        """Every person's ``people`` record as its NDJSON line, in the dataset's order, when the store keeps
        them so; None when it does not."""
        return None

    def stored_lines(self, reverse: bool = False) -> Iterator[list[str]] | None:
        """Every event's record as its NDJSON line, in chronological order and in batches, when the store
        keeps them so (a whole timeline, written as it is stored); None when it does not."""
        return None


@value
class Dataset:
    """A validated dataset: one subject, their events, and the indexes they cite."""

    title: str
    subject: str
    source: SourceInfo
    periods: Mapping[str, Period]
    people: Mapping[str, Person]
    places: Mapping[str, Place]
    events: Sequence[Event]  # a tuple, or an EventStore over the index
    eras: tuple[Era, ...] = ()
    not_datable: tuple[NotDatable, ...] = ()
    origin: str = "<memory>"

    @cached_property
    def by_id(self) -> Mapping[str, Event]:
        return {e.id: e for e in self.events}

    @property
    def _store(self) -> EventStore | None:
        return self.events if isinstance(self.events, EventStore) else None

    def event(self, event_id: str) -> Event | None:
        """The event with exactly this id."""
        if self._store is not None:
            return self._store.get(event_id)
        return self.by_id.get(event_id)

    def event_ids(self) -> Iterator[str]:
        return self._store.ids() if self._store is not None else iter(self.by_id)

    def with_folded_id(self, folded: str, *, prefix: bool) -> list[Event]:
        """Events whose casefolded id is ``folded`` (or, with ``prefix``, starts with it)."""
        if self._store is not None:
            return self._store.with_folded_id(folded, prefix=prefix)
        if prefix:
            return [e for e in self.events if e.id.casefold().startswith(folded)]
        return [e for e in self.events if e.id.casefold() == folded]

    def places_within(self, folded: str) -> set[str] | None:
        """What a store keeps ready for an exact place name (see EventStore.places_within), else None."""
        return self._store.places_within(folded) if self._store is not None else None

    def starting_with(self, folded: str, limit: int) -> tuple[list[Event], bool]:
        """The events whose casefolded id starts with ``folded``, and whether there are more: all of them in
        the dataset's order when they are at most ``limit``, else the first ``limit`` by id (so that an index
        finds them through its id index, without reading a million events to list ten)."""
        if self._store is not None:
            return self._store.starting_with(folded, limit)
        found = [e for e in self.events if e.id.casefold().startswith(folded)]
        if len(found) <= limit:
            return found, False
        return sorted(found, key=lambda e: e.id)[:limit], True

    def count_by(self, key: CountKey) -> dict[str, int]:
        """How many events cite each place, person or tag id; with "within", each
        place counts the events at it or anywhere inside it (each event once)."""
        if self._store is not None:
            return self._store.count_by(key)
        counts: dict[str, int] = {}
        for event in self.events:
            if key == "within":
                idents: Iterable[str] = {a for p in event.places for a in (p, *(x.id for x in self.ancestors(p)))}
            else:
                idents = getattr(event, key)
            for ident in idents:
                counts[ident] = counts.get(ident, 0) + 1
        return counts

    @property
    def person(self) -> Person:
        return self.people[self.subject]

    @cached_property
    def subject_life(self) -> Life | None:
        """The subject's life, or None when the dataset gives no birth (then no event has an age)."""
        return self.person.life

    def age_at(self, event: Event) -> AgeAnswer:
        """The subject's age at a moment, or during a period (without the birthday stretches).

        Remembered per (span, certain days, whether it follows the death): a large dataset has many events
        on the same dates, and the answer depends on nothing else.
        """
        key = (event.span, event.certain, event.follows_death, event.follows_birth, event.precedes_death)
        found = self._ages.get(key)
        if found is None:
            life = self.subject_life
            found = self._ages[key] = (
                life.age_over(
                    event.span,
                    event.certain,
                    segments=False,
                    follows_death=event.follows_death,
                    follows_birth=event.follows_birth,
                    precedes_death=event.precedes_death,
                )
                if life
                else AgeAnswer(LifeStatus.UNKNOWN)
            )
        return found

    @cached_property
    def _ages(self) -> dict[tuple[Span, Span | None, bool, bool, bool], AgeAnswer]:
        return {}

    @cached_property
    def _filing(self) -> tuple[tuple[Event, ...], list[dt.date]]:
        """The events in filing order, and the day each is filed under (an event filed after the one it
        follows takes that event's day)."""
        events = self.events
        keys = [e.sort_key() for e in events]
        order = sorted(range(len(events)), key=keys.__getitem__)
        places = {e.id: i for i, e in enumerate(events)}
        follows = {i: places[e.follows] for i, e in enumerate(events) if e.follows is not None and e.follows in places}
        order, anchor = place_followers(order, follows)
        days = [keys[anchor.get(i, i)][0] for i in order]
        return tuple(events[i] for i in order), days

    @cached_property
    def _chronological(self) -> tuple[Event, ...]:
        return self._filing[0]

    def chronological(self, reverse: bool = False) -> Iterable[Event]:
        """Events by filing day (dates.filing_day), then latest day; ties keep the dataset's order.
        ``reverse`` gives exactly that order backwards."""
        if self._store is not None:
            return self._store.chronological(reverse)
        return reversed(self._chronological) if reverse else self._chronological

    def candidates(self, narrowing: Narrowing, reverse: bool = False) -> Iterable[Event]:
        """Chronological events that may pass ``narrowing``: all of them, unless a store can skip some."""
        if self._store is not None:
            return self._store.candidates(narrowing, reverse)
        return self.chronological(reverse)

    def candidates_from(self, narrowing: Narrowing, start: Start, *, reverse: bool = False,
                        include: bool = True) -> Iterable[Event]:  # fmt: skip
        """:meth:`candidates` from ``start`` on (see :data:`Start`), without reading the events before it:
        a store seeks to it; in memory, it is found by its place in the order (or by bisection of the days)."""
        if self._store is not None:
            return self._store.candidates_from(narrowing, start, reverse=reverse, include=include)
        order = self._chronological
        if isinstance(start, Event):
            i = self._filing_places[start.id]
            first = i if include else i - 1 if reverse else i + 1
        else:
            days = self._filing_days
            first = bisect.bisect_right(days, start) - 1 if reverse else bisect.bisect_left(days, start)
        steps = range(first, -1, -1) if reverse else range(first, len(order))
        return (order[i] for i in steps)

    @cached_property
    def _filing_places(self) -> Mapping[str, int]:
        return {e.id: i for i, e in enumerate(self._chronological)}

    @cached_property
    def _filing_days(self) -> list[dt.date]:
        return self._filing[1]

    def neighbours(self, event: Event) -> tuple[Event | None, Event | None]:
        """The events just before and just after, in chronological order."""
        if self._store is not None:
            return self._store.neighbours(event)
        order = self._chronological
        i = order.index(event)
        return (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)

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
