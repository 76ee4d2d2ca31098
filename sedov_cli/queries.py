"""Pure questions about a dataset: name resolution, filters, and ages at a time.

Nothing here prints or knows about options. The CLI turns words into a
:class:`Filters` value and gets plain results back, and the tests can do the
same without a terminal.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, TypeVar

from .dates import LIKE, AgeAnswer, DateError, EdtfDate, Precision, Span, format_day, parse_edtf, parse_when
from .errors import AmbiguousName, BadWhen, NoBirth, UnknownName, UsageProblem
from .model import CERTAINTIES, Dataset, Event, EventStore, Narrowing, Person, Place, Start, Stored
from .text import fold

MatchMode = Literal["possible", "certain"]
T = TypeVar("T")


def _suggest(query: str, names: Iterable[str | tuple[str, str]], n: int = 2, *, starts: bool = False) -> list[str]:
    """The closest names, at most one per record; ``names`` holds names or (name, record id).

    With ``starts``, a name's start counts too: 'murderr' is a slip for the start of
    'murder-hypothesis', though the whole id is too long to look alike.

    Only names at least 0.6 alike, and within 0.1 of the closest, are given. A name's start is
    compared once per distinct start (a million ids may share a few), and that sets a floor
    under the closest; a whole name is compared only when its length and letters allow it to
    reach that floor (difflib's ratio is 2M/T, and M is at most the letters the two share). So
    the answer is the one every name compared in full would give, at a fraction of the work."""
    by_fold: dict[str, tuple[str, str]] = {}
    for item in names:
        name, key = (item, item) if isinstance(item, str) else item
        by_fold.setdefault(fold(name), (name, key))
    q = fold(query)
    size = len(q)
    by_start = starts and size >= 4
    starts_seen: dict[str, float] = {}

    def start_closeness(f: str) -> float:
        head = f[:size]
        found = starts_seen.get(head)
        if found is None:
            found = starts_seen[head] = difflib.SequenceMatcher(None, q, head).ratio()
        return found

    def slips(f: str) -> bool:
        """Every word typed is a slip for a word of the name: 'exile in pari' is, for 'Exile in
        Paris'; 'exile in berlin' is not (Berlin is another word, not a misspelt Paris)."""
        words = re.split(r"[\s-]+", f)  # an id's hyphens part its words too: 'event 1234' for 'event-1234'
        return all(any(difflib.SequenceMatcher(None, w, v).ratio() >= 0.75 for v in words) for w in q.split())

    several = len(q.split()) > 1
    candidates = [f for f in by_fold if not several or slips(f)]
    # the closest is at least as close as the closest start, and nothing under 0.6 is given
    floor = max(0.6, max((start_closeness(f) for f in candidates), default=0.0) - 0.1) if by_start else 0.6
    letters = {c: q.count(c) for c in set(q)}
    scored = []
    for f in candidates:
        start = start_closeness(f) if by_start else 0.0
        total = size + len(f)
        whole = 0.0
        if total and 2 * min(size, len(f)) >= floor * total - 1e-9:
            shared = sum(min(k, f.count(c)) for c, k in letters.items())
            if 2 * shared >= floor * total - 1e-9:
                whole = difflib.SequenceMatcher(None, q, f).ratio()
        elif not total:
            whole = 1.0  # two empty texts are alike, as difflib says
        score = max(whole, start)
        if score >= floor:
            scored.append((score, f))
    scored.sort(reverse=True)
    top = scored[0][0] if scored else 0.0
    best: dict[str, str] = {}
    for score, f in scored:
        # only names about as close as the closest one: "Zborowsky" is not a near miss for "Trotsky"
        if score >= max(0.6, top - 0.1):
            name, key = by_fold[f]
            best.setdefault(key, name)
    return list(best.values())[:n]


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-]+", fold(name)) if w}


# --- names ------------------------------------------------------------------


def resolve_places(ds: Dataset, query: str) -> set[str]:
    """Place ids for ``query`` and every place inside them.

    An exact name, alias or id wins; otherwise a whole word of a name (so
    "Mirabeau" finds the Clinique Mirabeau).
    """
    q = fold(query.strip())
    ready = ds.places_within(q) if q else None  # an index keeps each exact name's answer (a row, not 40,000 places)
    if ready is not None:
        return ready
    exact = {p.id for p in ds.places.values() if q in {fold(n) for n in (p.id, *p.names)}}
    found = exact or {p.id for p in ds.places.values() if any(q in _words(n) for n in p.names)}
    if not q or not found:
        names = [(n, p.id) for p in ds.places.values() for n in p.names]
        raise UnknownName("place", query, _suggest(query, names), _known([p.name for p in ds.places.values()],
                                                                        "places"))  # fmt: skip
    out: set[str] = set()
    for pid in found:
        out |= ds.descendants(pid)
    return out


def resolve_person(ds: Dataset, query: str) -> Person:
    """One person by id, full name, alias or a single word of a name (a bare surname)."""
    q = fold(query.strip())
    if query.strip() in ds.people:
        return ds.people[query.strip()]
    hits = [p for p in ds.people.values() if any(q == fold(n) or q in _words(n) for n in p.names)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousName("person", query, [(p.id, f"{p.name} ({p.relation})") for p in hits])
    names = [(n, p.id) for p in ds.people.values() for n in p.names]
    raise UnknownName("person", query, _suggest(query, names))


def all_tags(ds: Dataset) -> list[str]:
    return sorted(ds.count_by("tags"))


def resolve_tag(ds: Dataset, query: str) -> str:
    tags = all_tags(ds)
    for tag in tags:
        if fold(tag) == fold(query.strip()):
            return tag
    raise UnknownName("tag", query, _suggest(query, tags))


def resolve_certainty(query: str) -> str:
    if fold(query.strip()) in CERTAINTIES:
        return fold(query.strip())
    raise UnknownName("certainty", query, _suggest(query, CERTAINTIES))


def resolve_period(ds: Dataset, query: str) -> str:
    """A life period by id or name, ignoring case and accents; or by words of its name, when
    only one period's name has them ('paris' is Exile in Paris; 'exile' names two)."""
    q = fold(query.strip())
    for period in ds.periods.values():
        if q in (fold(period.id), fold(period.name)):
            return period.id
    wanted = _words(query)
    having = [p for p in ds.periods.values() if wanted and wanted <= _words(p.name)]
    if len(having) == 1:
        return having[0].id
    if having:
        advice = "Give more of the name, or the id in brackets (sedov periods lists them)."
        raise AmbiguousName("period", query, [(p.id, p.name) for p in having], advice=advice)
    names = [(p.name, p.id) for p in ds.periods.values()]
    raise UnknownName("period", query, _suggest(query, names), _known([p.name for p in ds.periods.values()],
                                                                      "periods"))  # fmt: skip


KNOWN_LISTED = 12
"""Up to this many names, an unknown one is answered with them all; more, with where to look."""


def _known(names: Sequence[str], command: str) -> str:
    if not names:
        return f"the dataset has no {command}"
    if len(names) <= KNOWN_LISTED:
        return f"the {command} are: {', '.join(names)}"
    return f"sedov {command} --search TEXT finds one"


_ID_TEXT = re.compile(r"[a-z0-9-]+")
"""What an id, or the start of one, may hold: the schema's ids are ``^[a-z0-9]+(-[a-z0-9]+)*$``."""


_LISTED = 10
"""The most events an ambiguous id prefix lists by name: 'event-' may start a million ids."""


def find_event(ds: Dataset, ident: str, *, prefix: bool = True) -> Event | None:
    """The event ``ident`` names: its id in any case, or (with ``prefix``) the unique start of one.

    A start shared by several ids is ambiguous, and the error lists them.
    """
    q = ident.strip().casefold()
    if not _ID_TEXT.fullmatch(q):  # no id holds a space or a dot (the schema's pattern): "15 June 1931" names none
        return None  # and on an index each lookup that misses costs a scan of every event
    found = ds.event(ident)
    if found is not None:
        return found
    # the same id was just looked up: on an index, a miss is confirmed by a scan of every event
    exact = ds.with_folded_id(q, prefix=False) if q != ident else []
    if exact or not prefix:
        return exact[0] if exact else None
    starting, more = ds.starting_with(q, _LISTED)
    if len(starting) == 1 and not more:
        return starting[0]
    if starting:
        raise AmbiguousName("event id", ident, [(e.id, e.title) for e in starting], advice="Type more of the id.",
                            more=more)  # fmt: skip
    return None


def resolve_event(ds: Dataset, ident: str) -> Event:
    event = find_event(ds, ident)
    if event is None:
        raise UnknownName("event id", ident, _suggest(ident, ds.event_ids(), starts=True),
                          "sedov timeline --ids shows every id")  # fmt: skip
    return event


# --- WHEN -------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """A time the user asked about: a date they typed, or an event's span."""

    text: str
    span: Span
    label: str
    date: EdtfDate | None = None
    event: Event | None = None
    certain: Span | None = None
    """The days the asked time certainly covers. A typed year, month or
    interval covers all its days; a moment (an event, or ``[1929..1931]``)
    only one of them, so it has none."""
    follows_death: bool = False
    """An event known to come after the subject's death, perhaps on its day."""
    follows_birth: bool = False
    """An event known to come at or after the subject's birth (the birth itself, known only as a year)."""
    precedes_death: bool = False
    """An event known to come before the subject's death (the subject's own act, its end left open)."""
    approximate: bool = False
    """A typed "c. 1933", read wider than its own days (see _around)."""


def resolve_when(ds: Dataset, text: str, today: dt.date | None = None) -> When:
    """A date as people write it (see dates.parse_when), 'today', or an event id in any case
    or the unique start of one, as a span of days."""
    stripped = text.strip()
    if stripped.casefold() == "today" and today is not None:
        return When(text, Span.day(today), f"{format_day(today)} (today)", date=parse_edtf(today.isoformat()),
                    certain=Span.day(today))  # fmt: skip
    # An id in any case is an id; the start of one ('marr') only once the text is not a date.
    event = find_event(ds, stripped, prefix=False)
    if event is not None:
        return _at(text, event)
    try:
        parsed = parse_when(stripped)
    except DateError as exc:
        event = find_event(ds, stripped)
        if event is not None:
            return _at(text, event)
        near = _suggest(stripped, ds.event_ids(), starts=True) if re.search(r"[A-Za-z]", stripped) else []
        hint = f" (did you mean the event {near[0]!r}?)" if near else ""
        message = str(exc).replace(LIKE, f"{LIKE}, or an event id")  # only where the message lists the forms
        raise BadWhen(f"{message}{hint}") from None
    if parsed.start is not None and parsed.start.approximate and parsed.start is parsed.end:
        return _around(text, parsed)
    label = parsed.display
    if label.endswith("?"):  # "In 1933? Lev Sedov was…" reads as a question: say what the '?' means
        label = label[:-1] + " (uncertain)"
    return When(text, parsed.span, label, date=parsed, certain=None if parsed.one_of else parsed.span)


def _around(text: str, parsed: EdtfDate) -> When:
    """An approximate date typed by the user ("c. 1933") reaches one of its own units either side:
    a year for a year (1932–1934), a month for a month, a day for a day. EDTF's ``~`` says only
    "approximately", so the answer says how it was read, and no day is certainly meant."""
    assert parsed.start is not None
    point = parsed.start
    if point.precision is Precision.DAY:
        lo, hi, unit = point.earliest - dt.timedelta(days=1), point.latest + dt.timedelta(days=1), "a day"
    elif point.precision is Precision.MONTH:
        before = point.earliest - dt.timedelta(days=1)
        after = point.latest + dt.timedelta(days=1)
        lo = before.replace(day=1)
        hi = after.replace(day=calendar.monthrange(after.year, after.month)[1])
        unit = "a month"
    else:
        lo, hi, unit = point.earliest.replace(year=point.earliest.year - 1), point.latest.replace(
            year=point.latest.year + 1), "a year"  # fmt: skip
    plain = point.display.removeprefix("c. ")
    plain = f"the {plain}" if point.precision is Precision.DECADE else plain
    label = f"around {plain} (read as {format_day(lo)} to {format_day(hi)}, {unit} either side)"
    if point.precision is not Precision.DAY and point.precision is not Precision.MONTH:
        label = f"around {plain} (read as {lo.year}–{hi.year}, {unit} either side)"
    return When(text, Span(lo, hi), label, date=parsed, certain=None, approximate=True)


def _at(text: str, event: Event) -> When:
    return When(text, event.span, f"{event.title} ({event.when})", event=event, certain=event.certain,
                follows_death=event.follows_death, follows_birth=event.follows_birth,
                precedes_death=event.precedes_death)  # fmt: skip


def date_range(ds: Dataset, start: str | None, end: str | None) -> Span | None:
    """The span from the start of ``start`` to the end of ``end``; None if neither is given."""
    if start is None and end is None:
        return None
    lo = resolve_when(ds, start).span.earliest if start is not None else None
    hi = resolve_when(ds, end).span.latest if end is not None else None
    if lo is not None and hi is not None and lo > hi:
        raise UsageProblem(f"--from {start!r} is after --to {end!r}")
    return Span(lo, hi)


# --- filtering --------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the user asked for. Repeated values OR together; kinds AND together."""

    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    certainties: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    match: MatchMode = "possible"
    search: str | None = None


@dataclass(frozen=True)
class Hit:
    """An event that passed the filters. ``possible`` is set when it only may fall in the range."""

    event: Event
    age: AgeAnswer
    possible: bool = False


Encoded = tuple[str, bool, Span | None, str]
"""An event as an index stores it: its encoded record, whether it only may fall in the range, its span, its id."""


class Selection:
    """The events a query keeps, produced on demand.

    ``hits`` holds them all (what a table needs); iterating runs the query
    again and yields one hit at a time, so a listing written to a pipe never
    holds the whole result.
    """

    def __init__(
        self, produce: Callable[[], Iterator[Hit]], span: Span | None,
        encoded: Callable[[bool], Iterator[Encoded] | None] | None = None,
        every: Callable[[], Iterator[list[str]] | None] | None = None,
    ) -> None:  # fmt: skip
        self._produce = produce
        self.range = span
        self._encoded = encoded
        self._every = every

    def every_line(self) -> Iterator[list[str]] | None:
        """When the query keeps every event (no filter, no limit) and the store keeps encoded records:
        all their lines in batches, in the selection's order; else None."""
        return self._every() if self._every is not None else None

    def __iter__(self) -> Iterator[Hit]:
        return self._produce()

    def encoded(self, spans: bool = False) -> Iterator[Encoded] | None:
        """The same events as (stored line, possible, span if ``spans`` or ranged, id), when the
        dataset's store keeps encoded records (see EventStore.encoded); else None."""
        return self._encoded(spans) if self._encoded is not None else None

    @cached_property
    def hits(self) -> tuple[Hit, ...]:
        return tuple(self._produce())


def select(ds: Dataset, filters: Filters, *, reverse: bool = False, limit: int | None = None,
           start: Start | None = None, include: bool = True, days: Span | None = None) -> Selection:  # fmt: skip
    """Events matching every filter, in chronological order.

    Names are resolved here, so a misspelt place fails before anything is
    written; the events themselves are read only as the selection is used.
    ``start``: only the events from there on in that order (an event, ``include`` deciding whether it is
    one of them, or a day; see model.Start), read without the ones before it (keyset paging).
    ``days``: the range, already resolved, in place of the filters' from and to (which are then None):
    a text is looked up as an event id before it is read as a date, and on an index a miss costs a scan.
    """
    place_ids: set[str] | None = None
    if filters.places:
        place_ids = set().union(*(resolve_places(ds, q) for q in filters.places))
    people = [resolve_person(ds, q) for q in filters.people]
    everyone = any(p.id == ds.subject for p in people)
    person_ids = {p.id for p in people}
    tags = {resolve_tag(ds, t) for t in filters.tags}
    certainties = {resolve_certainty(c) for c in filters.certainties}
    periods = {resolve_period(ds, p) for p in filters.periods}
    assert days is None or (filters.start is None and filters.end is None), "days replace the filters' range"
    span = days if days is not None else date_range(ds, filters.start, filters.end)
    needle = fold(filters.search) if filters.search is not None else None
    narrowing = Narrowing(
        places=frozenset(place_ids) if place_ids is not None else None,
        people=frozenset(person_ids) if people and not everyone else None,
        tags=frozenset(tags) or None,
        certainties=frozenset(certainties) or None,
        periods=frozenset(periods) or None,
        span=span,
        needle=needle,
    )

    def produce() -> Iterator[Hit]:
        left = limit if limit is None else max(limit, 0)
        if left == 0:
            return
        found = (ds.candidates(narrowing, reverse) if start is None
                 else ds.candidates_from(narrowing, start, reverse=reverse, include=include))  # fmt: skip
        for event in found:
            if place_ids is not None and not place_ids.intersection(event.places):
                continue
            if people and not everyone and not person_ids.intersection(event.people):
                continue
            if tags and not tags.intersection(event.tags):
                continue
            if certainties and event.certainty not in certainties:
                continue
            if periods and event.period not in periods:
                continue
            if needle is not None and not any(
                needle in fold(text) for text in (event.title, event.summary, event.source.quote)
            ):
                continue
            possible = False
            if span is not None:
                if filters.match == "certain":
                    if not event.span.within(span):
                        continue
                elif not event.span.overlaps(span):
                    continue
                else:
                    possible = not event.span.within(span)
            yield Hit(event, ds.age_at(event), possible)
            if left is not None:
                left -= 1
                if left == 0:
                    return

    store = ds.events if isinstance(ds.events, EventStore) else None

    def encoded(spans: bool) -> Iterator[Encoded] | None:
        if start is not None:  # a page from a cursor is read as events
            return None
        found = store.encoded(narrowing, reverse, spans=spans or span is not None) if store is not None else None
        return None if found is None else kept(found)

    def kept(found: Iterator[Stored]) -> Iterator[Encoded]:
        """What ``produce`` keeps, decided the same way from the stored (and checked) values."""
        left = limit if limit is None else max(limit, 0)
        if left == 0:
            return
        for event_span, ident, line, in_places, with_people, tagged, certainty, period in found:
            if place_ids is not None and not place_ids.intersection(in_places.split()):
                continue
            if people and not everyone and not person_ids.intersection(with_people.split()):
                continue
            if tags and not tags.intersection(tagged.split()):
                continue
            if certainties and certainty not in certainties:
                continue
            if periods and period not in periods:
                continue
            possible = False
            if span is not None:
                assert event_span is not None
                if filters.match == "certain":
                    if not event_span.within(span):
                        continue
                elif not event_span.overlaps(span):
                    continue
                else:
                    possible = not event_span.within(span)
            yield line, possible, event_span, ident
            if left is not None:
                left -= 1
                if left == 0:
                    return

    unfiltered = limit is None and narrowing == Narrowing() and not people

    def every() -> Iterator[list[str]] | None:
        return store.stored_lines(reverse) if store is not None and unfiltered else None

    return Selection(produce, span, encoded, every)


def by_period(ds: Dataset, items: Sequence[T], event_of: Callable[[T], Event], *, reverse: bool = False) -> list[T]:
    """``items`` grouped by life period, each period once.

    Periods overlap in time (his bloc work and the move to Paris both fall in
    1932–33), so cutting a chronology at each change of period would repeat
    headings. Periods come in the order the dataset lists them, which is the
    order of the life; within a period, items keep their order (chronological,
    or reversed with ``reverse``, which also reverses the periods).
    """
    rank = {pid: i for i, pid in enumerate(ds.periods)}
    sign = -1 if reverse else 1
    return sorted(items, key=lambda item: sign * rank.get(event_of(item).period, len(rank)))


def neighbours(ds: Dataset, event: Event) -> tuple[Event | None, Event | None]:
    """The events just before and just after, in chronological order."""
    return ds.neighbours(event)


def _matches(needle: str | None, texts: Iterable[str]) -> bool:
    return needle is None or any(fold(needle) in fold(t) for t in texts)


def matching_people(ds: Dataset, search: str | None) -> list[Person]:
    """People whose id, name, alias or relation contains ``search`` (case- and accent-blind)."""
    if search is None:
        return list(ds.people.values())
    return [p for p in ds.people.values() if _matches(search, (*p.names, p.relation, p.id))]


def matching_places(ds: Dataset, search: str | None) -> list[Place]:
    """Places whose id, name or alias contains ``search``."""
    if search is None:
        return list(ds.places.values())
    return [p for p in ds.places.values() if _matches(search, (*p.names, p.id))]


def tag_counts(ds: Dataset, search: str | None) -> dict[str, int]:
    """Tags containing ``search``, alphabetically, with how many events carry each."""
    counts = ds.count_by("tags")
    return {t: counts[t] for t in sorted(counts) if _matches(search, (t,))}


def age_of(ds: Dataset, person: Person, when: When) -> AgeAnswer:
    """The person's age over the asked span; refuses when the person has no known birth.

    An event that follows the subject's death has no age for the subject, but
    says nothing of anyone else's life: his son's age at it is counted.
    """
    life = person.life
    if life is None:
        raise NoBirth(f"the dataset has no birth date for {person.name}, so no age can be given")
    subject = person.id == ds.subject
    return life.age_over(when.span, when.certain, follows_death=when.follows_death and subject,
                         follows_birth=when.follows_birth and subject,
                         precedes_death=when.precedes_death and subject)  # fmt: skip


@dataclass(frozen=True)
class Bystander:
    """A person asked for who takes part in no event, and where the dataset names them instead.

    The people of an event are those who take part in it, so a historian who
    makes a claim, or a name that only dates an event ("just before Hitler
    came to power"), matches no event. A reader who asks for them deserves to
    know why the answer is empty and where the name does appear.
    """

    person: Person
    claims: tuple[str, ...]  # ids of the events whose claim is theirs (claimed_by)
    search: str | None  # the name that --search finds most often, if any
    found: int  # how many events that --search finds


def bystanders(ds: Dataset, filters: Filters) -> list[Bystander]:
    """The ``--person`` filters naming someone who takes part in no event at all.

    Read only when a selection came back empty, so its passes over the events
    cost nothing on an answer that has rows.
    """
    counts = ds.count_by("people")
    people = dict.fromkeys(resolve_person(ds, q) for q in filters.people)
    out = []
    for person in (p for p in people if not counts.get(p.id)):
        names = [n for n in person.names if n.strip()]
        folded = {fold(n) for n in names}
        claims = tuple(e.id for e in ds.events if e.claimed_by is not None and fold(e.claimed_by) in folded)
        found = {n: _search_count(ds, fold(n)) for n in names}
        best = max(names, key=lambda n: (found[n], len(n)), default=None)
        term = best if best is not None and found[best] else None
        out.append(Bystander(person, claims, term, found[term] if term is not None else 0))
    return out


def _search_count(ds: Dataset, needle: str) -> int:
    """How many events ``--search`` finds for a folded needle (the same fields select reads)."""
    return sum(1 for e in ds.events if any(needle in fold(t) for t in (e.title, e.summary, e.source.quote)))
